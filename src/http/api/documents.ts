// The document library as an API (主动公开): published documents with filters, one document, and
// full-text search with `q`. Public — anyone may read what is published — and rate-limited per IP.
// Drafts, documents in review and withdrawn ones answer 404 like ids that never existed.
import { baseUrl } from '../../config.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { findAgencyByCode, listAgencies } from '../../queries/agencies.js';
import { chinaToday } from '../../queries/calendar.js';
import { listPublishedDocuments, type DocumentFilter } from '../../queries/document-list.js';
import { loadPublicDocument } from '../../queries/document-page.js';
import { MATCH_WINDOW, searchDocuments } from '../../queries/search-documents.js';
import type { AppDeps } from '../types.js';
import { presentDocument, presentDocumentSummary, presentSearch } from './document-presenters.js';
import {
  DocumentDetail,
  DocumentIdParams,
  DocumentListQuery,
  DocumentPage,
  SearchQuery,
  SearchResult,
} from './document-schemas.js';
import { definePublicOperation } from './operation.js';

export const DOCUMENT_API_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };
export const SEARCH_API_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

const absolute = (deps: AppDeps) => {
  const origin = baseUrl(deps.config).replace(/\/+$/, '');
  return (path: string) => `${origin}${path}`;
};

/** The agency code of a filter, as an id; an unknown code is the caller's mistake (422). */
async function agencyFilter(deps: AppDeps, code: string | undefined): Promise<number | undefined> {
  if (code === undefined) return undefined;
  const a = await findAgencyByCode(deps.db, code);
  if (!a) throw new InvalidInput({ agency: '没有这个机构代码' }, '没有这个机构代码');
  return a.id;
}

export const documentOperations = [
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/documents',
    operationId: 'listDocuments',
    tag: '政府文件',
    public: true,
    summary: { zh: '列出已发布的文件', en: 'List published documents' },
    description: {
      zh: '各机关主动公开的政府文件和政策解读，按发布日期倒序、分页（page、pageSize）。可按发文机关（含联合发文）、主题分类、年份、效力级别、有效性、类别、第二十条公开类别和索引号筛选。无需访问令牌；每个 IP 每分钟最多 120 次。',
      en: 'Published documents and interpretations, newest first, paged. Filters: agency (joint issuers too), theme, year, legal rank, validity, kind, article 20 category, index number. No token; 120 calls a minute per IP.',
    },
    query: DocumentListQuery,
    response: DocumentPage,
    errors: [422],
    exampleQuery: 'effectLevel=normative&validity=effective&pageSize=20',
    rateLimit: DOCUMENT_API_RATE_LIMIT,
    async handle({ deps, query }) {
      const filter: DocumentFilter = {
        agencyId: await agencyFilter(deps, query.agency),
        themeCode: query.theme,
        year: query.year,
        effectLevel: query.effectLevel,
        validity: query.validity,
        kind: query.kind,
        category: query.category,
        indexNumber: query.indexNumber,
      };
      const page = await listPublishedDocuments(deps.db, filter, {
        page: query.page,
        pageSize: query.pageSize,
      });
      const abs = absolute(deps);
      return {
        data: page.items.map((d) => presentDocumentSummary(d, abs)),
        total: page.total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },
  }),
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/documents/{id}',
    operationId: 'getDocument',
    tag: '政府文件',
    public: true,
    summary: { zh: '查看一份文件', en: 'Get a document' },
    description: {
      zh: '一份已发布文件的元数据（索引号、发文机关、发文字号、主题分类、文种、效力级别、统一编号、各日期、有效性、公开方式）、正文（已清理的 HTML）、附件地址，以及与其他已发布文件的关系（修改、废止、解读……两个方向）。有效性按今天推导。未发布或已撤回的文件返回 404。',
      en: 'One published document: metadata, sanitised body, attachment URLs and its relations to other published documents, both ways. Validity is derived for today. Unpublished or withdrawn documents answer 404.',
    },
    params: DocumentIdParams,
    response: DocumentDetail,
    errors: [404, 422],
    rateLimit: DOCUMENT_API_RATE_LIMIT,
    async handle({ deps, params }) {
      const doc = await loadPublicDocument(deps.db, params.id, chinaToday(deps.now()));
      if (!doc) throw new NotFound('没有找到该文件');
      return presentDocument(doc, absolute(deps));
    },
  }),
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/search',
    operationId: 'searchDocuments',
    tag: '政府文件',
    public: true,
    summary: { zh: '全文检索', en: 'Search documents' },
    description: {
      zh: `在已发布的政府文件、政策解读和政府公报中检索 q：关键词（空格分隔，全部匹配）、引号内的短语，或发文字号（苏府〔2020〕12号、苏府[2020]12号、苏府（2020）12号均可，精确匹配的排在最前）。结果按相关度排序，标题和摘要中命中的词用 <mark> 标出（其余内容已转义）；facets 给出各筛选项的计数；没有结果时 suggestions 给出可改用的检索词。符合条件的文件超过 ${MATCH_WINDOW} 件时，只检索其中最新的 ${MATCH_WINDOW} 件（发文字号精确匹配的总在其中）：total 为估计值、totalExact 为 false，hits、facets 和翻页都只限于这些文件，可加筛选条件缩小范围。无需访问令牌；每个 IP 每分钟最多 60 次。`,
      en: `Full-text search of published documents, interpretations and gazette items: words (all must match), quoted phrases, or a document number in any bracket form (exact matches first). Ranked; matches marked with <mark> in escaped titles and snippets; facet counts; suggestions when nothing matches. Past ${MATCH_WINDOW} matches only the newest ${MATCH_WINDOW} are read: total is an estimate, totalExact is false, and hits, facets and pages cover those only. No token; 60 calls a minute per IP.`,
    },
    query: SearchQuery,
    response: SearchResult,
    errors: [422],
    exampleQuery: 'q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE',
    rateLimit: SEARCH_API_RATE_LIMIT,
    async handle({ deps, query }) {
      const result = await searchDocuments(deps.db, {
        q: query.q,
        agencyId: await agencyFilter(deps, query.agency),
        themeCode: query.theme,
        year: query.year,
        effectLevel: query.effectLevel,
        validity: query.validity,
        kind: query.kind,
        gazette: query.gazette === 'true',
        page: query.page,
        pageSize: query.pageSize,
      });
      const codes = new Map((await listAgencies(deps.db)).map((a) => [a.id, a.code]));
      return presentSearch(result, codes, absolute(deps));
    },
  }),
];
