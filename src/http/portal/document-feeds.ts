// Machine-readable doors to the document library: Atom feeds (per agency, per 第二十条 category, and
// all documents) and sitemap.xml (main pages, every active agency's platform pages, every published
// document; a sitemap index past 50,000 URLs). Absolute links use PUBLIC_URL (never the request's Host
// header: these responses are cached and shared), so production must set PUBLIC_URL.
import type { FastifyInstance } from 'fastify';
import { baseUrl } from '../../config.js';
import { NotFound } from '../../domain/errors.js';
import { ARTICLE20_CATEGORIES } from '../../domain/documents/vocab.js';
import { findAgencyByCode, listAgencies } from '../../queries/agencies.js';
import {
  countPublishedDocuments,
  feedEntries,
  SITEMAP_MAX_URLS,
  sitemapDocuments,
  type FeedEntry,
} from '../../queries/document-feeds.js';
import type { DocumentFilter } from '../../queries/document-list.js';
import { ATOM_MEDIA_TYPE, renderAtom } from '../../render/atom.js';
import {
  renderSitemapIndex,
  renderUrlSet,
  SITEMAP_MEDIA_TYPE,
  sitemapDocumentParts,
  type SitemapUrl,
} from '../../render/sitemap.js';
import {
  categoryFeedHref,
  documentHref,
  documentsHref,
  platformHref,
} from '../../views/models/document-links.js';
import type { AppDeps } from '../types.js';
import { withoutQuery } from './document-filters.js';

/** The site's public pages besides the agencies' and the documents'. */
const MAIN_PAGES = [
  '/',
  '/agencies',
  '/documents',
  '/search',
  '/apply',
  '/calendar',
  '/deadlines',
  '/report-check',
];

export function registerPortalFeedRoutes(app: FastifyInstance, deps: AppDeps): void {
  const origin = baseUrl(deps.config).replace(/\/+$/, '');
  const abs = (path: string) => `${origin}${path}`;

  const feed = async (opts: {
    filter: DocumentFilter;
    selfPath: string;
    pagePath: string;
    title: string;
    subtitle: string;
    author: string;
  }) => {
    const entries = await feedEntries(deps.db, opts.filter);
    const newest = entries.reduce<Date | null>((m, e) => (m && m >= e.updatedAt ? m : e.updatedAt), null);
    return renderAtom({
      selfUrl: abs(opts.selfPath),
      pageUrl: abs(opts.pagePath),
      title: opts.title,
      subtitle: opts.subtitle,
      author: opts.author,
      updated: newest ?? deps.now(),
      entries: entries.map((e) => entry(e)),
    });
  };
  const entry = (e: FeedEntry) => ({
    url: abs(documentHref(e.id)),
    title: e.docNumber ? `${e.title}（${e.docNumber}）` : e.title,
    published: e.publishedAt,
    updated: e.updatedAt,
    summary: `${e.synthetic ? '【演示数据】' : ''}${e.summary}`,
    author: e.agencyName,
  });

  app.get<{ Params: { code: string } }>(
    '/agencies/:code/feed.atom',
    { config: { pageCache: true } },
    async (req, reply) => {
      const a = await findAgencyByCode(deps.db, req.params.code);
      if (!a || !a.active) throw new NotFound('没有找到该机构。请从机构目录中选择要查看的机构。');
      const body = await feed({
        filter: { agencyId: a.id },
        selfPath: platformHref.feed(a.code),
        pagePath: platformHref.home(a.code),
        title: `${a.name}政府信息公开：新发布的文件`,
        subtitle: `${a.name}主动公开的政府文件和政策解读`,
        author: a.name,
      });
      return reply.type(ATOM_MEDIA_TYPE).send(body);
    },
  );

  app.get<{ Querystring: { category?: string } }>(
    '/documents/feed.atom',
    { config: { pageCache: (req) => withoutQuery(req.url) } },
    async (req, reply) => {
      const key = typeof req.query.category === 'string' ? req.query.category : '';
      const category = key ? ARTICLE20_CATEGORIES.find((c) => c.key === key) : undefined;
      if (key && !category) throw new NotFound('没有这一公开类别。');
      const site = deps.config.SITE_SPONSOR || '政府信息公开';
      const body = await feed(
        category
          ? {
              filter: { category: category.key },
              selfPath: categoryFeedHref(category.key),
              pagePath: documentsHref(),
              title: `法定主动公开内容：${category.label}`,
              subtitle: `各机关依《政府信息公开条例》${category.article}主动公开的文件`,
              author: site,
            }
          : {
              filter: {},
              selfPath: '/documents/feed.atom',
              pagePath: documentsHref(),
              title: '新发布的政府文件',
              subtitle: '各机关主动公开的政府文件和政策解读',
              author: site,
            },
      );
      return reply.type(ATOM_MEDIA_TYPE).send(body);
    },
  );

  // sitemap.xml: one URL set while everything fits in one file, else an index of the files below.
  const mainPages = async (): Promise<SitemapUrl[]> => {
    const agencies = await listAgencies(deps.db, { activeOnly: true });
    return [
      ...MAIN_PAGES.map((p) => ({ loc: abs(p) })),
      ...agencies.flatMap((a) => [
        { loc: abs(platformHref.home(a.code)) },
        { loc: abs(platformHref.guide(a.code)) },
        { loc: abs(platformHref.rules(a.code)) },
        { loc: abs(platformHref.disclosure(a.code)) },
      ]),
    ];
  };
  const documentUrls = async (part: number, size: number): Promise<SitemapUrl[]> =>
    (await sitemapDocuments(deps.db, part, size)).map((d) => ({
      loc: abs(documentHref(d.id)),
      lastmod: d.updatedAt,
    }));

  app.get('/sitemap.xml', { config: { pageCache: true } }, async (_req, reply) => {
    const [pages, documents] = await Promise.all([mainPages(), countPublishedDocuments(deps.db)]);
    const parts = sitemapDocumentParts(pages.length, documents, SITEMAP_MAX_URLS);
    const body =
      parts === null
        ? renderUrlSet([...pages, ...(await documentUrls(1, SITEMAP_MAX_URLS))])
        : renderSitemapIndex([
            abs('/sitemaps/pages.xml'),
            ...Array.from({ length: parts }, (_, i) => abs(`/sitemaps/documents-${i + 1}.xml`)),
          ]);
    return reply.type(SITEMAP_MEDIA_TYPE).send(body);
  });

  app.get('/sitemaps/pages.xml', { config: { pageCache: true } }, async (_req, reply) =>
    reply.type(SITEMAP_MEDIA_TYPE).send(renderUrlSet(await mainPages())),
  );

  app.get<{ Params: { part: string } }>(
    '/sitemaps/documents-:part(^\\d{1,4}).xml',
    { config: { pageCache: true } },
    async (req, reply) => {
      const part = Number(req.params.part);
      const urls = part >= 1 ? await documentUrls(part, SITEMAP_MAX_URLS) : [];
      if (urls.length === 0) throw new NotFound();
      return reply.type(SITEMAP_MEDIA_TYPE).send(renderUrlSet(urls));
    },
  );
}
