// Disclosure applications (依申请公开) through the API — a contract other tools depend on (issue 9.8;
// docs/api-applications.md). Public: apply, and look an application up with its tracking number and
// query code (no token; rate-limited per client; cookies count for nothing on /api, so a browser
// session cannot be borrowed). Staff (bearer token, the token user's scope): list, read a case,
// record every handling step, assign, register a paper/post/fax application.
import { recordApplicationEvent } from '../../commands/applications/record.js';
import { assignApplication } from '../../commands/applications/assign.js';
import { parseApplication } from '../../commands/applications/fields.js';
import { submitApplication, type Receipt } from '../../commands/applications/submit.js';
import type { CommandContext } from '../../commands/context.js';
import type { Actor } from '../../domain/agencies/actor.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction } from '../../policies/policy.js';
import { findAgencyByCode } from '../../queries/agencies.js';
import { applicationCase, applicationIdOf } from '../../queries/application-case.js';
import { lookupApplication } from '../../queries/application-lookup.js';
import { applicationInbox } from '../../queries/application-inbox.js';
import { applicantNotice } from '../../queries/applicant-notice.js';
import { renderNoticePdf } from '../../render/notice-pdf.js';
import type { FastifyRequest } from 'fastify';
import {
  presentApplicationDetail,
  presentApplicationListItem,
  presentPublicApplication,
} from './application-presenters.js';
import {
  APPLICATION_FIELD_NAMES,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationPage,
  ApplicationReceipt,
  ApplicationRequest,
  AssignRequest,
  Assigned,
  EventRecorded,
  EventRequest,
  LookupQuery,
  NoticeFileParams,
  NoticePdf,
  PublicApplication,
  StaffApplicationRequest,
  TrackingParams,
} from './application-schemas.js';
import { defineOperation, definePublicOperation, FileAnswer } from './operation.js';

/** Per client (IP) and endpoint, stricter than the site-wide limit: an application is a legal act. */
export const APPLICATION_API_RATE_LIMIT = { max: 30, timeWindow: '1 minute' } as const;

/** Who submits through the public endpoint: the platform, whatever credentials came along. */
const API_INTAKE = { system: true as const, label: '政府信息公开平台（接口提交）' };

/** The same answer for an unknown number and a wrong code: neither tells whether the other exists. */
const NOT_FOUND_MESSAGE = '申请编号或查询码不正确，请核对后重试';

const TAG = '依申请公开';

function rawBody(req: FastifyRequest): Record<string, unknown> {
  const b = req.body;
  return b && typeof b === 'object' && !Array.isArray(b) ? (b as Record<string, unknown>) : {};
}

/** Field names the contract does not know: a misspelt optional field must not be dropped silently. */
function unknownFields(body: Record<string, unknown>, allowed: readonly string[]): Record<string, string> {
  const e: Record<string, string> = {};
  for (const k of Object.keys(body))
    if (!allowed.includes(k)) e[k] = `不支持的字段「${k.slice(0, 40)}」，请核对字段名`;
  return e;
}

/**
 * Unknown fields are reported together with every other problem of the application (the command's
 * messages, keyed by the same field names): one 422 names them all, and nothing is stored.
 */
function refuseUnknown(deps: { now(): Date }, body: Record<string, unknown>, allowed: readonly string[]) {
  const unknown = unknownFields(body, allowed);
  if (Object.keys(unknown).length === 0) return;
  let others: Record<string, string> = {};
  try {
    parseApplication(body, localDate(deps.now()));
  } catch (e) {
    if (e instanceof InvalidInput) others = e.fieldErrors;
    else throw e;
  }
  throw new InvalidInput({ ...others, ...unknown });
}

/** The event's problems are keyed `event.<field>` (the field of the request that holds them). */
function underEvent(e: unknown): unknown {
  if (!(e instanceof InvalidInput)) return e;
  const keyed: Record<string, string> = {};
  for (const [k, m] of Object.entries(e.fieldErrors))
    keyed[k === '_form' ? 'event' : k === 'version' || k === 'note' ? k : `event.${k}`] = m;
  return new InvalidInput(keyed, e.message);
}

const RECEIPT_FIELDS = ['channel', 'submittedOn', 'signedOn', 'arrivedOn', 'confirmedOn'];

/** The receipt's problems are keyed `receipt.<field>`. */
function underReceipt(e: unknown): unknown {
  if (!(e instanceof InvalidInput)) return e;
  const keyed: Record<string, string> = {};
  for (const [k, m] of Object.entries(e.fieldErrors))
    keyed[RECEIPT_FIELDS.includes(k) ? `receipt.${k}` : k] = m;
  return new InvalidInput(keyed, e.message);
}

/** Unknown and outside the scope answer alike: the body must not tell which. */
const STAFF_NOT_FOUND = '申请不存在，或不在您的权限范围内';

/** Runs a staff handler on the application with this tracking number; every 404 says the same. */
async function onCase<T>(
  deps: { db: Parameters<typeof applicationIdOf>[0] },
  trackingNumber: string,
  fn: (id: number) => Promise<T>,
): Promise<T> {
  try {
    const id = await applicationIdOf(deps.db, trackingNumber);
    if (id === null) throw new NotFound(STAFF_NOT_FOUND);
    return await fn(id);
  } catch (e) {
    throw e instanceof NotFound ? new NotFound(STAFF_NOT_FOUND) : e;
  }
}

function staffContext(actor: Actor, req: FastifyRequest): CommandContext {
  return { actor, requestId: req.id };
}

export const applicationOperations = [
  definePublicOperation({
    method: 'POST',
    path: '/api/v1/applications',
    operationId: 'submitApplication',
    tag: TAG,
    public: true,
    summary: { zh: '提交政府信息公开申请', en: 'Submit a disclosure application' },
    description: {
      zh:
        '以申请人的名义提交一份政府信息公开申请（第二十九条），当日即为收到申请之日（第三十一条）。返回 201：申请编号、查询码（只给出这一次）、收到日期和答复期限（收到之日起 20 个工作日，第三十三条）。' +
        '居民身份证的校验位和统一社会信用代码的校验码都会核对。内容有误时返回 422，fieldErrors 一次列出每个字段的中文说明，什么也不保存。' +
        `无需访问令牌，也不使用 Cookie；每个客户端每分钟最多 ${APPLICATION_API_RATE_LIMIT.max} 次。`,
      en:
        'Submits a disclosure application for the applicant; received today. 201 with the tracking number, the query code (given once), the receipt day and the due date (20 working days). ' +
        `Check digits of 居民身份证 and 统一社会信用代码 are verified. 422 names every bad field in Chinese and stores nothing. No token, no cookies; ${APPLICATION_API_RATE_LIMIT.max} calls a minute per client.`,
    },
    body: ApplicationRequest,
    response: ApplicationReceipt,
    status: 201,
    errors: [413, 422],
    exampleBody:
      '{"agencyCode":"JN.JYJ","applicantType":"natural","name":"张三","idType":"residentId","idNumber":"320508198503121234","phone":"13812345678","description":"请公开2026年本市老旧小区改造项目的名单及资金安排","form":"electronic","delivery":"online"}',
    rateLimit: APPLICATION_API_RATE_LIMIT,
    bodyLimit: 64 * 1024,
    async handle({ deps, req }) {
      const body = rawBody(req);
      refuseUnknown(deps, body, APPLICATION_FIELD_NAMES);
      const ctx: CommandContext = { actor: API_INTAKE, requestId: req.id };
      const s = await submitApplication(deps, ctx, body);
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
    path: '/api/v1/applications/{trackingNumber}',
    operationId: 'lookupApplication',
    tag: TAG,
    public: true,
    summary: { zh: '查询申请的办理情况', en: 'Look an application up' },
    description: {
      zh:
        '申请人凭申请编号和查询码查看办理状态、答复期限及其逐日计算说明、办结结果和送达的告知书。' +
        '查询码不正确与申请编号不存在返回完全相同的 404。' +
        `无需访问令牌；每个客户端每分钟最多 ${APPLICATION_API_RATE_LIMIT.max} 次。`,
      en:
        'The applicant’s view by tracking number and query code: state, due date with its explanation, outcome, notices served. A wrong code answers the same 404 as an unknown number. ' +
        `No token; ${APPLICATION_API_RATE_LIMIT.max} calls a minute per client.`,
    },
    params: TrackingParams,
    query: LookupQuery,
    response: PublicApplication,
    errors: [404, 422],
    exampleQuery: 'queryCode=7K3M-Q9WD-X2HP',
    rateLimit: APPLICATION_API_RATE_LIMIT,
    async handle({ deps, params, query }) {
      const found = await lookupApplication(
        deps.db,
        params.trackingNumber,
        query.queryCode,
        localDate(deps.now()),
      );
      if (!found) throw new NotFound(NOT_FOUND_MESSAGE);
      return presentPublicApplication(found);
    },
  }),
  definePublicOperation({
    method: 'GET',
    path: '/api/v1/applications/{trackingNumber}/notices/{noticeId}.pdf',
    operationId: 'getApplicationNoticePdf',
    tag: TAG,
    public: true,
    summary: { zh: '下载告知书（PDF）', en: 'Download a notice (PDF)' },
    description: {
      zh:
        '申请人凭申请编号和查询码下载送达给自己的一份告知书（查询结果 notices 中的 id），PDF 格式。' +
        '查询码不正确、申请编号不存在、告知书不属于该申请或不是送达申请人的，一律返回相同的 404。' +
        `无需访问令牌；每个客户端每分钟最多 ${APPLICATION_API_RATE_LIMIT.max} 次。`,
      en: 'One notice served on the applicant, as PDF, with the tracking number and query code. Every miss answers the same 404. No token; rate-limited per client.',
    },
    params: NoticeFileParams,
    query: LookupQuery,
    response: NoticePdf,
    file: { mediaType: 'application/pdf' },
    errors: [404, 422],
    exampleQuery: 'queryCode=7K3M-Q9WD-X2HP',
    rateLimit: APPLICATION_API_RATE_LIMIT,
    async handle({ deps, params, query }) {
      const found = await applicantNotice(
        deps.db,
        params.trackingNumber,
        query.queryCode,
        params.noticeId,
        localDate(deps.now()),
      );
      if (!found) throw new NotFound(NOT_FOUND_MESSAGE);
      const pdf = await renderNoticePdf(found.document, { font: deps.config.NOTICE_FONT ?? null });
      return new FileAnswer(
        pdf,
        'application/pdf',
        `${found.trackingNumber}-${found.title}.pdf`,
        `notice-${params.noticeId}.pdf`,
      );
    },
  }),
  defineOperation({
    method: 'GET',
    path: '/api/v1/applications',
    operationId: 'listApplications',
    tag: TAG,
    summary: { zh: '列出申请', en: 'List applications' },
    description: {
      zh:
        '令牌用户机构范围内的申请（或 agencyCode 指定的一个机构），按 id 排序、分页；不含申请人的个人信息。' +
        'view 筛选：办理中（默认）、3 个工作日内到期、已逾期、已办结、全部；q 按申请编号、申请人姓名或描述查找。需要“查看申请”权限。',
      en: 'Applications in the token user’s scope (or one agency of it), by id, paged; no personal data. Filters: view, agencyCode, q.',
    },
    query: ApplicationListQuery,
    response: ApplicationPage,
    errors: [403, 404, 422],
    exampleQuery: 'view=overdue&limit=50',
    async handle({ deps, actor, query }) {
      authorizeAction(actor, 'application.view');
      let agencyId: number | null = null;
      if (query.agencyCode) {
        const a = await findAgencyByCode(deps.db, query.agencyCode);
        if (!a) throw new NotFound('机构不存在或不在您的权限范围内');
        agencyId = a.id;
      }
      const page = await applicationInbox(
        deps.db,
        actor,
        {
          view: query.view,
          agencyId,
          q: query.q ?? null,
          sort: 'id',
          afterId: query.after,
          pageSize: query.limit + 1,
        },
        localDate(deps.now()),
      );
      const items = page.items.slice(0, query.limit);
      const more = page.items.length > query.limit;
      return {
        data: items.map(presentApplicationListItem),
        next: more ? items[items.length - 1]!.id : null,
      };
    },
  }),
  defineOperation({
    method: 'GET',
    path: '/api/v1/applications/{trackingNumber}/case',
    operationId: 'getApplicationCase',
    tag: TAG,
    summary: { zh: '查看申请（案件）', en: 'Get an application case' },
    description: {
      zh:
        '一份申请的全部办理信息：申请内容（个人信息脱敏）、状态、答复期限及其计算说明、当前可以记录的办理事项、办理记录和告知书，以及记录办理事项时要传回的版本号。' +
        '范围之外的申请与不存在的申请返回相同的 404。（不带 /case 的同一路径是申请人凭查询码的查询接口。）',
      en: 'The whole case: request (personal data masked), state, due date with explanation, allowed steps, history, notices, and the version to send back. 404 outside the scope.',
    },
    params: TrackingParams,
    response: ApplicationDetail,
    errors: [403, 404],
    async handle({ deps, actor, params }) {
      return onCase(deps, params.trackingNumber, async (id) =>
        presentApplicationDetail(await applicationCase(deps.db, actor, id, localDate(deps.now()))),
      );
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/api/v1/applications/{trackingNumber}/events',
    operationId: 'recordApplicationEvent',
    tag: TAG,
    summary: { zh: '记录办理事项', en: 'Record a handling step' },
    description: {
      zh:
        '记录一个办理事项（告知补正、征求意见、延期、收费、撤回、转交、答复等），日期为事实发生之日；生成相应的告知书。' +
        'version 须为读取申请时的版本号：别人已先改动时返回 409 CONFLICT，什么也不记录；当前状态不允许此事项时返回 409 INVALID_TRANSITION。' +
        '批准延期只能由负责人（office_head）记录，其他角色返回 403。范围之外的申请返回 404。',
      en: 'Records one dated step and issues its notice. A stale version answers 409 CONFLICT and records nothing; a step the state forbids answers 409 INVALID_TRANSITION; 403 for a role that may not; 404 outside the scope.',
    },
    params: TrackingParams,
    body: EventRequest,
    response: EventRecorded,
    errors: [403, 404, 409, 422],
    exampleBody:
      '{"version":1,"event":{"type":"correctionRequested","on":"2026-11-30","dueBy":"2026-12-14"}}',
    async handle({ deps, actor, params, body, req }) {
      if (!body || body.event === undefined)
        throw new InvalidInput({ event: '请填写要记录的办理事项 event' });
      return onCase(deps, params.trackingNumber, (applicationId) =>
        recordApplicationEvent(deps, staffContext(actor, req), {
          applicationId,
          version: body.version,
          event: body.event,
          note: body.note ?? null,
        }).catch((e: unknown) => {
          throw underEvent(e);
        }),
      );
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/api/v1/applications/{trackingNumber}/assign',
    operationId: 'assignApplication',
    tag: TAG,
    summary: { zh: '分配承办人', en: 'Assign an application' },
    description: {
      zh: '把申请分配给本机关（或上级机关）的公开工作人员，userId 为 null 时取消分配。version 同记录办理事项（过期返回 409 CONFLICT）。',
      en: 'Assigns the application to an officer of its agency (null: nobody). A stale version answers 409 CONFLICT.',
    },
    params: TrackingParams,
    body: AssignRequest,
    response: Assigned,
    errors: [403, 404, 409, 422],
    exampleBody: '{"version":2,"userId":7}',
    async handle({ deps, actor, params, body, req }) {
      return onCase(deps, params.trackingNumber, (applicationId) =>
        assignApplication(deps, staffContext(actor, req), {
          applicationId,
          version: body!.version,
          userId: body!.userId,
        }),
      );
    },
  }),
  defineOperation({
    method: 'POST',
    path: '/api/v1/applications/register',
    operationId: 'registerApplication',
    tag: TAG,
    summary: {
      zh: '登记纸质、当面、邮寄或传真申请',
      en: 'Register a paper, in-person, post or fax application',
    },
    description: {
      zh:
        '公开工作机构登记收到的申请：申请内容同 POST /api/v1/applications，另加 receipt 说明收到申请的渠道和日期（第三十一条）：当面提交以提交之日、需签收的邮寄以签收之日、平常信函/互联网/传真以双方确认之日为收到申请之日。' +
        '返回 201，查询码交给申请人。需要“办理申请”权限，受理机关须在令牌用户的范围内。',
      en: 'The office registers an application that reached it: the application fields plus receipt (channel and dates, art. 31). 201 with the tracking number and the query code for the applicant.',
    },
    body: StaffApplicationRequest,
    response: ApplicationReceipt,
    status: 201,
    errors: [403, 404, 413, 422],
    exampleBody:
      '{"agencyCode":"JN.JYJ","applicantType":"natural","name":"张三","idType":"residentId","idNumber":"320508198503121234","phone":"13812345678","address":"江南市人民路100号","description":"请公开2026年本市老旧小区改造项目的名单及资金安排","form":"paper","delivery":"post","receipt":{"channel":"signed-post","signedOn":"2026-11-27"}}',
    bodyLimit: 64 * 1024,
    async handle({ deps, actor, req }) {
      authorizeAction(actor, 'application.handle');
      const body = rawBody(req);
      const { receipt, ...application } = body;
      refuseUnknown(deps, body, [...APPLICATION_FIELD_NAMES, 'receipt']);
      if (!receipt || typeof receipt !== 'object' || Array.isArray(receipt))
        throw new InvalidInput({ receipt: '请填写收到申请的渠道和日期 receipt' });
      const s = await submitApplication(deps, staffContext(actor, req), application, {
        receipt: receipt as Receipt,
      }).catch((e: unknown) => {
        throw underReceipt(e);
      });
      return {
        trackingNumber: s.trackingNumber,
        queryCode: s.queryCode,
        receivedOn: s.receivedOn,
        dueDate: s.dueDate,
      };
    },
  }),
];
