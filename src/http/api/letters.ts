// 政民互动 letters through the API (issue 13.7; docs/api-letters.md). Public — no token, no cookies,
// rate-limited per client like the other public writes: write a letter to a mailbox, look it up with
// the tracking number and the query code, list the mailboxes, and list the published letters (their
// public version only: never a phone, e-mail, address, ID number or unmasked name).
import type { FastifyRequest } from 'fastify';
import { baseUrl } from '../../config.js';
import type { CommandContext } from '../../commands/context.js';
import { LetterFields } from '../../commands/letters/fields.js';
import { submitLetter } from '../../commands/letters/submit.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { findAgencyByCode } from '../../queries/agencies.js';
import { lookupLetter } from '../../queries/letter-lookup.js';
import { findPublicMailbox, listPublicMailboxes, listPublishedLetters } from '../../queries/letter-public.js';
import type { AppDeps } from '../types.js';
import { presentMailbox, presentPublishedLetter, presentWriterLetter } from './letter-presenters.js';
import {
  LETTER_FIELD_NAMES,
  LetterLookupQuery,
  LetterReceipt,
  LetterRequest,
  LetterTrackingParams,
  MailboxList,
  PublishedLetterPage,
  PublishedLetterQuery,
  WriterLetter,
} from './letter-schemas.js';
import { definePublicOperation } from './operation.js';

/** Writes and lookups (each checks a query code or stores a letter): as strict as applications. */
export const LETTER_API_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;
/** Reading what is public: as the document library. */
export const LETTER_LIST_RATE_LIMIT = { max: 120, timeWindow: '1 minute' } as const;

const API_WRITER = { system: true as const, label: '政民互动（接口提交）' };
const NOT_FOUND_MESSAGE = '留言编号或查询码不正确，请核对后重试';
const TAG = '政民互动';

function rawBody(req: FastifyRequest): Record<string, unknown> {
  const b = req.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

const absolute = (deps: AppDeps) => {
  const origin = baseUrl(deps.config).replace(/\/+$/, '');
  return (path: string) => `${origin}${path}`;
};

export const letterOperations = [
  definePublicOperation({
    method: 'POST',
    path: '/api/v1/letters',
    operationId: 'submitLetter',
    tag: TAG,
    public: true,
    summary: { zh: '写信（提交留言）', en: 'Write a letter' },
    description: {
      zh:
        '向一个信箱（领导信箱、部门信箱、公众监督）提交留言。返回 201：留言编号、查询码（只给出这一次）和答复期限（受理后按留言类型的时限计算，受理前为 null）。' +
        '姓名、电话、邮箱是否必填取决于信箱（见 GET /api/v1/mailboxes）；联系方式加密保存，不公开。内容有误时返回 422，fieldErrors 一次列出每个字段的中文说明，什么也不保存；' +
        '疑似广告等垃圾内容会被拒绝（同为 422）。' +
        `无需访问令牌，也不使用 Cookie；每个客户端每分钟最多 ${LETTER_API_RATE_LIMIT.max} 次。`,
      en:
        'Writes a letter to a mailbox. 201 with the tracking number, the query code (given once) and the due date (null until accepted). ' +
        `Which contact fields are required depends on the mailbox. 422 names every bad field in Chinese and stores nothing; spam is refused the same way. No token, no cookies; ${LETTER_API_RATE_LIMIT.max} calls a minute per client.`,
    },
    body: LetterRequest,
    response: LetterReceipt,
    status: 201,
    errors: [413, 422],
    exampleBody:
      '{"mailboxCode":"mayor","kind":"suggest","name":"张三","phone":"13812345678","title":"建议在东城区增设公交线路","content":"东城区新建小区居民出行不便，建议增设一条连接地铁站的公交线路。","publicConsent":true}',
    rateLimit: LETTER_API_RATE_LIMIT,
    bodyLimit: 64 * 1024,
    async handle({ deps, req }) {
      const body = rawBody(req);
      const unknown: Record<string, string> = {};
      for (const k of Object.keys(body))
        if (!LETTER_FIELD_NAMES.includes(k)) unknown[k] = `不支持的字段「${k.slice(0, 40)}」，请核对字段名`;
      // Unknown fields are reported together with every other problem of the letter; nothing is stored.
      if (Object.keys(unknown).length) {
        const others: Record<string, string> = {};
        const parsed = LetterFields.safeParse(body);
        if (!parsed.success)
          for (const issue of parsed.error.issues) others[issue.path.join('.') || '_form'] ??= issue.message;
        throw new InvalidInput({ ...others, ...unknown });
      }
      const ctx: CommandContext = { actor: API_WRITER, requestId: req.id };
      const s = await submitLetter(deps, ctx, { ...body, channel: 'api' });
      return {
        trackingNumber: s.trackingNumber,
        queryCode: s.queryCode,
        receivedOn: s.receivedOn,
        dueDate: s.dueDate,
      };
    },
  }),
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/letters/{trackingNumber}',
    operationId: 'lookupLetter',
    tag: TAG,
    public: true,
    summary: { zh: '查询留言的办理情况', en: 'Look a letter up' },
    description: {
      zh:
        '来信人凭留言编号和查询码查看办理状态、答复期限、答复内容、答复日期和答复单位。查询码不正确与留言编号不存在返回完全相同的 404。' +
        `无需访问令牌；每个客户端每分钟最多 ${LETTER_API_RATE_LIMIT.max} 次。`,
      en: 'The writer’s view by tracking number and query code: state, due date, reply. A wrong code answers the same 404 as an unknown number. No token; rate-limited per client.',
    },
    params: LetterTrackingParams,
    query: LetterLookupQuery,
    response: WriterLetter,
    errors: [404, 422],
    exampleQuery: 'queryCode=123456',
    rateLimit: LETTER_API_RATE_LIMIT,
    async handle({ deps, params, query }) {
      const found = await lookupLetter(
        deps.db,
        params.trackingNumber,
        query.queryCode,
        localDate(deps.now()),
      );
      if (!found) throw new NotFound(NOT_FOUND_MESSAGE);
      return presentWriterLetter(found);
    },
  }),
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/mailboxes',
    operationId: 'listMailboxes',
    tag: TAG,
    public: true,
    summary: { zh: '列出信箱', en: 'List mailboxes' },
    description: {
      zh: '开放的信箱：领导信箱、部门信箱和公众监督，含各类留言的答复时限（工作日）和必填的联系方式。无需访问令牌。',
      en: 'The open mailboxes with their time limits (working days) and required contact fields. No token.',
    },
    response: MailboxList,
    errors: [],
    rateLimit: LETTER_LIST_RATE_LIMIT,
    async handle({ deps }) {
      return { items: (await listPublicMailboxes(deps.db)).map(presentMailbox) };
    },
  }),
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/letters',
    operationId: 'listPublishedLetters',
    tag: TAG,
    public: true,
    summary: { zh: '列出公开的留言', en: 'List published letters' },
    description: {
      zh:
        '经来信人同意、审核后公开的留言（留言选登），按答复日期倒序、分页（page、pageSize）；可按信箱、答复单位和受理月份筛选。' +
        '只含公开版本的标题、内容和答复，以及受理日期、答复日期、答复单位；来信人只显示姓氏，不含电话、邮箱、地址或证件号码。' +
        `无需访问令牌；每个客户端每分钟最多 ${LETTER_LIST_RATE_LIMIT.max} 次。`,
      en: 'Published letters (their public version only), newest reply first, paged; filters mailbox, unit, month. No contact details, masked names only. No token.',
    },
    query: PublishedLetterQuery,
    response: PublishedLetterPage,
    errors: [422],
    exampleQuery: 'mailbox=mayor&pageSize=20',
    rateLimit: LETTER_LIST_RATE_LIMIT,
    async handle({ deps, query }) {
      let mailboxId: number | undefined;
      if (query.mailbox !== undefined) {
        const m = await findPublicMailbox(deps.db, query.mailbox);
        if (!m) throw new InvalidInput({ mailbox: '没有这个信箱代码' }, '没有这个信箱代码');
        mailboxId = m.id;
      }
      let replyAgencyId: number | undefined;
      if (query.unit !== undefined) {
        const a = await findAgencyByCode(deps.db, query.unit);
        if (!a) throw new InvalidInput({ unit: '没有这个机构代码' }, '没有这个机构代码');
        replyAgencyId = a.id;
      }
      const page = await listPublishedLetters(
        deps.db,
        { mailboxId, replyAgencyId, month: query.month },
        { page: query.page, pageSize: query.pageSize },
      );
      const abs = absolute(deps);
      return {
        data: page.items.map((l) => presentPublishedLetter(l, abs)),
        total: page.total,
        page: page.page,
        pageSize: page.pageSize,
      };
    },
  }),
];
