// The 答问知识库 as an API: published answers searched with the document library's Chinese search or
// browsed by category, and one answer with the documents it rests on. Public and rate-limited per IP;
// drafts and withdrawn items answer 404 like ids that never existed.
import { baseUrl } from '../../config.js';
import { NotFound } from '../../domain/errors.js';
import { loadPublicQaItem, searchQa, type PublicQaItem, type QaHit } from '../../queries/qa-search.js';
import type { AppDeps } from '../types.js';
import { definePublicOperation } from './operation.js';
import { QaDetail, QaIdParams, QaListQuery, QaPage } from './qa-schemas.js';
import type { z } from 'zod';

export const QA_API_RATE_LIMIT = { max: 60, timeWindow: '1 minute' };

const absolute = (deps: AppDeps) => {
  const origin = baseUrl(deps.config).replace(/\/+$/, '');
  return (path: string) => `${origin}${path}`;
};

export function presentQaHit(h: QaHit, abs: (p: string) => string): z.infer<typeof QaPage>['data'][number] {
  return {
    id: h.id,
    question: h.question,
    category: h.category,
    agencyName: h.agencyName,
    publishedAt: h.publishedAt ? h.publishedAt.toISOString() : null,
    questionHtml: h.questionHtml,
    answerSnippetHtml: h.answerSnippetHtml,
    alsoAskedHtml: h.alsoAskedHtml,
    url: abs(`/qa/${h.id}`),
  };
}

export function presentQaItem(i: PublicQaItem, abs: (p: string) => string): z.infer<typeof QaDetail> {
  return {
    id: i.id,
    question: i.question,
    altQuestions: i.altQuestions,
    answer: i.answer,
    category: i.category,
    agency: { code: i.agencyCode, name: i.agencyName },
    publishedAt: i.publishedAt ? i.publishedAt.toISOString() : null,
    documents: i.documents.map((d) => ({
      id: d.id,
      kind: d.kind === 'interpretation' ? 'interpretation' : 'document',
      title: d.title,
      docNumber: d.docNumber,
      validity: d.validity,
      url: abs(`/documents/${d.id}`),
    })),
    url: abs(`/qa/${i.id}`),
  };
}

export const qaOperations = [
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/qa',
    operationId: 'listQa',
    tag: '政策问答',
    public: true,
    summary: { zh: '检索政策问答', en: 'Search the Q&A library' },
    description: {
      zh: '答问知识库中已发布的问答。q 与政府文件检索相同：关键词（空格分隔，全部匹配）或引号内的短语，问题和其他问法的权重高于答复；可按分类（category）筛选、分页。不填 q 时按发布时间倒序列出。无需访问令牌；每个 IP 每分钟最多 60 次。',
      en: 'Published Q&A items, searched like documents (words, quoted phrases; questions weigh more than answers), filtered by category, paged. Without q: newest first. No token; 60 calls a minute per IP.',
    },
    query: QaListQuery,
    response: QaPage,
    errors: [422],
    exampleQuery: 'q=%E5%85%AC%E7%A7%AF%E9%87%91&pageSize=5',
    rateLimit: QA_API_RATE_LIMIT,
    async handle({ deps, query }) {
      const r = await searchQa(deps.db, {
        q: query.q ?? '',
        category: query.category ?? null,
        page: query.page,
        pageSize: query.pageSize,
      });
      const abs = absolute(deps);
      return {
        data: r.hits.map((h) => presentQaHit(h, abs)),
        total: r.total,
        page: r.page,
        pageSize: r.pageSize,
        categories: r.categories,
        suggestions: r.suggestions,
      };
    },
  }),
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/qa/{id}',
    operationId: 'getQa',
    tag: '政策问答',
    public: true,
    summary: { zh: '查看一条问答', en: 'Get a Q&A item' },
    description: {
      zh: '一条已发布的问答：问题、其他问法、答复、分类、答复单位，以及答复依据的已发布文件和政策解读。未发布或已撤回的返回 404。',
      en: 'One published Q&A item with its alternative questions, answer, category, agency and the published documents it rests on. Others answer 404.',
    },
    params: QaIdParams,
    response: QaDetail,
    errors: [404, 422],
    rateLimit: QA_API_RATE_LIMIT,
    async handle({ deps, params }) {
      const item = await loadPublicQaItem(deps.db, params.id);
      if (!item) throw new NotFound('没有找到该问答');
      return presentQaItem(item, absolute(deps));
    },
  }),
];
