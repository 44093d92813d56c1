// The public document library (主动公开, 条例 第十九—二十六条): the list with filters, each document's
// page and attachments, the search page, an agency's 政府信息公开 platform (home, 制度, 法定主动公开内容
// by 第二十条 category, 年报). Pages without a query string are served from the page cache until a
// command changes public data (every document.* action does); searches and filtered lists are not.
import { consultationsOfDocuments } from '../../queries/consultations.js';
import { qaItemsForDocument } from '../../queries/qa-search.js';
import type { FastifyInstance } from 'fastify';
import { THEMES, themeByCode } from '../../domain/documents/themes.js';
import { ARTICLE20_CATEGORIES } from '../../domain/documents/vocab.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { findAgencyByCode, listAgencies } from '../../queries/agencies.js';
import { chinaToday } from '../../queries/calendar.js';
import {
  categoryCounts,
  documentFilterOptions,
  DOCUMENT_PAGE_SIZE,
  listPublishedDocuments,
  MAX_DOCUMENT_PAGE,
} from '../../queries/document-list.js';
import { loadPublicDocument, publicDocumentAttachment } from '../../queries/document-page.js';
import {
  DEFAULT_SEARCH_PAGE_SIZE,
  MAX_SEARCH_PAGE,
  searchDocuments,
} from '../../queries/search-documents.js';
import { documentHref, platformHref } from '../../views/models/document-links.js';
import {
  PortalDisclosurePage,
  PortalDisclosureRulesPage,
  PortalPlatformHomePage,
} from '../../views/portal/agency-platform.js';
import { PortalDocumentPage } from '../../views/portal/document.js';
import { PortalSearchPage, searchPaging } from '../../views/portal/document-search.js';
import { PortalDocumentsPage } from '../../views/portal/documents.js';
import { contentDisposition } from '../admin/notices.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';
import { readDocumentFilter, readPage, withoutQuery } from './document-filters.js';

/** Unknown and inactive agencies answer alike (as the directory and 指南 do). */
const NO_SUCH_AGENCY = '没有找到该机构。请从机构目录中选择要查看的机构。';
/** Drafts, documents in review and withdrawn ones answer exactly like ids that never existed. */
const NO_SUCH_DOCUMENT = '没有找到该文件。请从政府文件列表或搜索中查找。';

/** Searches cost more than pages: a stricter per-address limit than the global one. */
export const SEARCH_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };
const LIST_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };

/**
 * 政府信息公开制度: the agency's documents whose 主题分类 is 综合政务\政务公开 — the rules of its own
 * disclosure work. There is no 第二十条 item for them, and every document has themes.
 */
export const DISCLOSURE_RULES_THEME =
  THEMES.find((t) => t.name === '政务公开' && t.parent !== null && themeByCode(t.parent)?.name === '综合政务')
    ?.code ?? 'T02.01';

function idParam(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new NotFound(NO_SUCH_DOCUMENT);
  return Number(raw);
}

export function registerPortalDocumentRoutes(app: FastifyInstance, deps: AppDeps): void {
  const activeAgency = async (code: string) => {
    const a = await findAgencyByCode(deps.db, code);
    if (!a || !a.active) throw new NotFound(NO_SUCH_AGENCY);
    return { id: a.id, code: a.code, name: a.name };
  };

  app.get(
    '/documents',
    { config: { pageCache: (req) => withoutQuery(req.url), rateLimit: LIST_RATE_LIMIT } },
    async (req, reply) => {
      const [{ values, filter, agencyName }, options] = await Promise.all([
        readDocumentFilter(deps.db, req.query),
        documentFilterOptions(deps.db),
      ]);
      const page = await listPublishedDocuments(deps.db, filter, {
        page: readPage(req.query, MAX_DOCUMENT_PAGE),
        pageSize: DOCUMENT_PAGE_SIZE,
      });
      return reply.html(
        <PortalDocumentsPage
          shell={portalShell(req, deps)}
          filter={values}
          agencies={options.agencies}
          years={options.years}
          page={page}
          agencyName={agencyName}
        />,
      );
    },
  );

  app.get<{ Params: { id: string } }>(
    '/documents/:id(^\\d+)',
    { config: { pageCache: true } },
    async (req, reply) => {
      const doc = await loadPublicDocument(deps.db, idParam(req.params.id), chinaToday(deps.now()));
      if (!doc) throw new NotFound(NO_SUCH_DOCUMENT);
      const [questions, consultations] = await Promise.all([
        qaItemsForDocument(deps.db, doc.id),
        consultationsOfDocuments(deps.db, [doc.id]),
      ]);
      return reply.html(
        <PortalDocumentPage
          shell={portalShell(req, deps)}
          doc={doc}
          questions={questions}
          consultations={consultations}
        />,
      );
    },
  );

  app.get<{ Params: { id: string; fileId: string } }>(
    '/documents/:id(^\\d+)/files/:fileId(^\\d+)',
    async (req, reply) => {
      const file = await publicDocumentAttachment(
        deps.db,
        idParam(req.params.id),
        idParam(req.params.fileId),
      );
      if (!file) throw new NotFound('没有找到该附件。');
      const ascii = `attachment-${req.params.fileId}${/\.[A-Za-z0-9]{1,5}$/.exec(file.filename)?.[0] ?? ''}`;
      return reply
        .type(file.mediaType)
        .header('content-disposition', contentDisposition(file.filename, ascii))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'public, max-age=300')
        .send(file.bytes);
    },
  );

  app.get('/search', { config: { rateLimit: SEARCH_RATE_LIMIT } }, async (req, reply) => {
    const query = req.query as Record<string, unknown>;
    const q = typeof query.q === 'string' ? query.q.trim().slice(0, 100) : '';
    const { values, filter } = await readDocumentFilter(deps.db, req.query);
    // ?gazette=1 (the form's checkbox, the facet link): only what a 政府公报 issue printed.
    const gazette = query.gazette === '1' || query.gazette === 'true';
    const agencies = await listAgencies(deps.db);
    const agencyCodes = new Map(agencies.map((a) => [a.id, { code: a.code, name: a.name }]));
    const view = {
      shell: portalShell(req, deps),
      q,
      filter: values,
      gazette,
      agencyCodes,
      maxPage: MAX_SEARCH_PAGE,
    };
    if (!q) return reply.html(<PortalSearchPage {...view} result={null} />);
    // A 索引号 typed or pasted into the box is that document: go straight to it.
    if (/^[\w.\-/]+$/.test(q) && /\d/.test(q)) {
      const exact = await listPublishedDocuments(deps.db, { indexNumber: q }, { page: 1, pageSize: 1 });
      if (exact.items[0]) return reply.redirect(documentHref(exact.items[0].id), 303);
    }
    // A page past the last one with results is a clear error, not an empty page (nor, past
    // MAX_SEARCH_PAGE, silently the last page).
    const page = readPage(req.query, Number.MAX_SAFE_INTEGER);
    try {
      const result = await searchDocuments(deps.db, {
        q,
        agencyId: filter.agencyId,
        themeCode: filter.themeCode,
        year: filter.year,
        effectLevel: filter.effectLevel,
        validity: filter.validity,
        kind: filter.kind,
        gazette,
        page: Math.min(page, MAX_SEARCH_PAGE),
        pageSize: DEFAULT_SEARCH_PAGE_SIZE,
      });
      const { pages } = searchPaging(result, MAX_SEARCH_PAGE);
      if (result.total > 0 && page > pages) {
        throw new InvalidInput({ page: `页码应为 1 至 ${pages} 之间的整数` });
      }
      return reply.html(<PortalSearchPage {...view} result={result} />);
    } catch (e) {
      if (!(e instanceof InvalidInput)) throw e;
      const problem = Object.values(e.fieldErrors)[0] ?? e.message;
      return reply.html(<PortalSearchPage {...view} result={null} problem={problem} />, 422);
    }
  });

  // An agency's 政府信息公开 platform.
  app.get<{ Params: { code: string } }>(
    '/agencies/:code',
    { config: { pageCache: true } },
    async (req, reply) => {
      const agency = await activeAgency(req.params.code);
      const latest = await listPublishedDocuments(
        deps.db,
        { agencyId: agency.id },
        { page: 1, pageSize: 10 },
      );
      return reply.html(
        <PortalPlatformHomePage shell={portalShell(req, deps)} agency={agency} latest={latest} />,
      );
    },
  );

  app.get<{ Params: { code: string } }>(
    '/agencies/:code/disclosure-rules',
    { config: { pageCache: (req) => withoutQuery(req.url) } },
    async (req, reply) => {
      const agency = await activeAgency(req.params.code);
      const page = await listPublishedDocuments(
        deps.db,
        { agencyId: agency.id, themeCode: DISCLOSURE_RULES_THEME },
        { page: readPage(req.query, MAX_DOCUMENT_PAGE), pageSize: DOCUMENT_PAGE_SIZE },
      );
      const href = (n: number) => `${platformHref.rules(agency.code)}${n > 1 ? `?page=${n}` : ''}`;
      return reply.html(
        <PortalDisclosureRulesPage shell={portalShell(req, deps)} agency={agency} page={page} href={href} />,
      );
    },
  );

  app.get<{ Params: { code: string }; Querystring: { category?: string } }>(
    '/agencies/:code/disclosure',
    { config: { pageCache: (req) => withoutQuery(req.url) } },
    async (req, reply) => {
      const agency = await activeAgency(req.params.code);
      const key = typeof req.query.category === 'string' ? req.query.category : '';
      const category = key ? ARTICLE20_CATEGORIES.find((c) => c.key === key) : undefined;
      if (key && !category) throw new NotFound('没有这一公开类别。请从法定主动公开内容的类别中选择。');
      const shell = portalShell(req, deps);
      if (!category) {
        const counts = await categoryCounts(deps.db, agency.id);
        const categories = ARTICLE20_CATEGORIES.map((c) => ({ ...c, count: counts.get(c.key) ?? 0 }));
        return reply.html(
          <PortalDisclosurePage shell={shell} agency={agency} categories={categories} chosen={null} />,
        );
      }
      const page = await listPublishedDocuments(
        deps.db,
        { agencyId: agency.id, category: category.key },
        { page: readPage(req.query, MAX_DOCUMENT_PAGE), pageSize: DOCUMENT_PAGE_SIZE },
      );
      const href = (n: number) =>
        `${platformHref.disclosure(agency.code, category.key)}${n > 1 ? `&page=${n}` : ''}`;
      return reply.html(
        <PortalDisclosurePage
          shell={shell}
          agency={agency}
          categories={[]}
          chosen={{ category, page, href }}
        />,
      );
    },
  );

  // /agencies/:code/annual-reports (年报) is src/http/portal/annual-reports.tsx.
}
