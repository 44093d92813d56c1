// 意见征集 as an API: the consultations on the portal (drafts never) and one consultation with its
// feedback report once published. Public (no token), rate-limited per IP; masked names only.
import { baseUrl } from '../../config.js';
import { NotFound } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { listPublicConsultations, publicConsultation } from '../../queries/consultations.js';
import type { AppDeps } from '../types.js';
import { presentConsultation, presentConsultationSummary } from './consultation-presenters.js';
import {
  ConsultationDetail,
  ConsultationIdParams,
  ConsultationList,
  ConsultationListQuery,
} from './consultation-schemas.js';
import { definePublicOperation } from './operation.js';

export const CONSULTATION_API_RATE_LIMIT = { max: 120, timeWindow: '1 minute' };

const absolute = (deps: AppDeps) => {
  const origin = baseUrl(deps.config).replace(/\/+$/, '');
  return (path: string) => `${origin}${path}`;
};

export const consultationOperations = [
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/consultations',
    operationId: 'listConsultations',
    tag: '意见征集',
    public: true,
    summary: { zh: '列出意见征集', en: 'List consultations' },
    description: {
      zh: '门户网站公布的意见征集（规章、行政规范性文件、重大行政决策草案等），按开始日期倒序，可按状态筛选。无需访问令牌；每个 IP 每分钟最多 120 次。',
      en: 'Public consultations on draft rules, normative documents and major decisions, newest first, filtered by status. No token; 120 calls a minute per IP.',
    },
    query: ConsultationListQuery,
    response: ConsultationList,
    errors: [422],
    exampleQuery: 'status=open',
    rateLimit: CONSULTATION_API_RATE_LIMIT,
    async handle({ deps, query }) {
      const items = (await listPublicConsultations(deps.db, localDate(deps.now()))).filter(
        (c) => !query.status || c.status === query.status,
      );
      const abs = absolute(deps);
      return { data: items.map((c) => presentConsultationSummary(c, abs)), total: items.length };
    },
  }),
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/consultations/{id}',
    operationId: 'getConsultation',
    tag: '意见征集',
    public: true,
    summary: { zh: '查看一项意见征集', en: 'Get a consultation' },
    description: {
      zh: '一项意见征集：草案说明、征集期间和剩余天数、适用的最短期限及其依据、关联的已发布文件；意见采纳情况发布后附 feedback（收到意见数、采纳数和每条意见的采纳情况，反馈人姓名已脱敏，不含联系方式）。草稿返回 404。',
      en: 'One consultation: the draft, the period and days left, the minimum period applied and its source, the linked published document; once published, the feedback report (counts and each opinion with the masked name, never contact details). Drafts answer 404.',
    },
    params: ConsultationIdParams,
    response: ConsultationDetail,
    errors: [404, 422],
    rateLimit: CONSULTATION_API_RATE_LIMIT,
    async handle({ deps, params }) {
      const c = await publicConsultation(deps.db, params.id, localDate(deps.now()));
      if (!c) throw new NotFound('没有找到该意见征集');
      return presentConsultation(c, absolute(deps));
    },
  }),
];
