// Records one fact of an application (补正, consultation, extension, fee, withdrawal, transfer,
// decision …): parse → authorize → the domain checks the step against the state table and the clock
// → one transaction that moves the version on (optimistic locking: of two officers acting at once,
// one wins and the other is told), appends the fact, refreshes the cached view, issues the notice
// with its number, writes the applicant's message to the outbox, and appends the audit event.
import { z } from 'zod';
import {
  caseView,
  recordEvent,
  TRANSITIONS,
  type CaseAction,
  type CaseEvent,
} from '../../domain/applications/state.js';
import { isSystem } from '../../domain/agencies/actor.js';
import {
  appendEvent,
  bumpVersion,
  loadCase,
  viewColumns,
  type LoadedCase,
} from '../../db/repositories/applications.js';
import { enqueueMessage } from '../../db/repositories/outbox.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { cachedWorkCalendar } from '../../queries/calendar-cache.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { issueNoticeFor, type IssuedNotice, type Service } from './notices.js';
import { applicationRulesOf } from '../../domain/applications/rules.js';
import { installationRules } from '../../queries/application-rules.js';

const day = z
  .string({ error: '请填写日期' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 YYYY-MM-DD');
const text = (msg: string, max = 2000) =>
  z.string({ error: msg }).trim().min(1, msg).max(max, `不能超过 ${max} 个字`);
const optional = (max = 2000) =>
  z
    .string()
    .trim()
    .max(max, `不能超过 ${max} 个字`)
    .optional()
    .nullable()
    .transform((v) => v || null);
const workdays = z.coerce.number({ error: '请填写工作日数' }).int('工作日数应为整数');
const party = text('请填写征求意见的对象', 200);

/** The facts an officer records, as forms and the API send them. */
export const EventFields = z.discriminatedUnion(
  'type',
  [
    z.object({ type: z.literal('correctionRequested'), on: day, dueBy: day }),
    z.object({ type: z.literal('correctionReceived'), on: day, goodReason: optional(500) }),
    z.object({
      type: z.literal('consultationSent'),
      on: day,
      party,
      kind: z.enum(['third-party', 'agency'], { error: '请选择征求意见的对象类型' }),
    }),
    z.object({ type: z.literal('consultationReceived'), on: day, party }),
    z.object({ type: z.literal('consultationAnswered'), on: day, party }),
    z.object({
      type: z.literal('extensionRequested'),
      on: day,
      workdays,
      reason: text('请说明延长答复期限的理由', 500),
    }),
    z.object({ type: z.literal('extensionApproved'), on: day, workdays }),
    z.object({ type: z.literal('reasonablePeriodNotified'), on: day, replyBy: day }),
    z.object({
      type: z.literal('feeNotified'),
      on: day,
      amount: z.coerce.number({ error: '请填写收费金额' }),
    }),
    z.object({ type: z.literal('feeNoticeReceived'), on: day }),
    z.object({ type: z.literal('feePaid'), on: day }),
    z.object({ type: z.literal('withdrawn'), on: day }),
    z.object({
      type: z.literal('transferred'),
      on: day,
      to: text('请填写有权机关', 200),
      reason: text('请说明转交理由', 500),
    }),
    z.object({
      type: z.literal('decisionServed'),
      on: day,
      outcome: z.string({ error: '请选择办理结果' }),
      ground: optional(100),
      reasons: optional(4000),
      disclosed: optional(4000),
    }),
  ],
  { error: '请选择要记录的办理事项' },
);

export interface RecordInput {
  applicationId: number;
  /** The version the officer saw (optimistic locking). */
  version: number;
  event: unknown;
  /** The officer's note (e.g. what the correction notice lists, or the consultation's subject). */
  note?: string | null;
  /** How the notice of this step was served (送达), when it was served at once. */
  service?: Service | null;
}

export interface Recorded {
  version: number;
  eventId: number;
  notice: IssuedNotice | null;
}

/** The right each action needs: the head of the office approves an extension (第三十三条第二款). */
function rightFor(action: CaseAction) {
  return action === 'extensionApproved'
    ? ('application.approveExtension' as const)
    : ('application.handle' as const);
}

export async function recordApplicationEvent(
  deps: Deps,
  ctx: CommandContext,
  input: RecordInput,
): Promise<Recorded> {
  const event = parseInput(EventFields, input.event) as CaseEvent;
  const note = input.note?.trim() ? input.note.trim().slice(0, 4000) : null;
  const loaded = await loadCase(deps.db, input.applicationId);
  authorize(ctx.actor, rightFor(event.type as CaseAction), { agencyPath: loaded.agencyPath });
  const now = deps.now();
  const today = localDate(now);
  const calendar = await cachedWorkCalendar(deps.db, loaded.agencyPath);
  const rules = applicationRulesOf(await installationRules(deps.db));
  const facts = recordEvent(loaded.facts, event, calendar, today, rules);
  const stored = facts[facts.length - 1]!;
  const view = caseView(facts, calendar, today, rules);
  const label = TRANSITIONS.find((t) => t.action === event.type)!.label;
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await bumpVersion(tx, loaded.app.id, input.version, viewColumns(view, today));
    const ev = await appendEvent(tx, {
      applicationId: loaded.app.id,
      seq: loaded.events.length + 1,
      event: stored,
      note,
      recordedBy: isSystem(ctx.actor) ? null : ctx.actor.userId,
      at: now,
    });
    const notice = await issueNoticeFor(tx, deps, ctx, {
      loaded,
      event: stored,
      eventId: ev.id,
      view,
      calendar,
      today,
      service: input.service ?? null,
      note,
      feePaymentWindowWorkdays: rules.clock?.feePaymentWindowWorkdays,
    });
    await tellApplicant(tx, loaded, label, stored, notice);
    await audit({
      action: `application.${event.type}`,
      subjectType: 'application',
      subjectId: loaded.app.id,
      agencyId: loaded.app.agencyId,
      data: {
        trackingNumber: loaded.app.trackingNumber,
        event: stored,
        ...(note ? { note } : {}),
        ...(notice ? { notice: notice.number ?? notice.title } : {}),
      },
    });
    return { version: row.version, eventId: ev.id, notice };
  });
}

/** The applicant hears of every step that changes their case (by e-mail when they gave one). */
async function tellApplicant(
  tx: Parameters<typeof enqueueMessage>[0],
  loaded: LoadedCase,
  label: string,
  event: CaseEvent,
  notice: IssuedNotice | null,
): Promise<void> {
  // Internal steps (a request to the head, a letter's receipt by a third party) are not news to the applicant.
  if (
    event.type === 'extensionRequested' ||
    event.type === 'consultationReceived' ||
    event.type === 'consultationAnswered'
  )
    return;
  const t = loaded.app.trackingNumber;
  await enqueueMessage(tx, {
    topic: `application.${event.type}`,
    agencyId: loaded.app.agencyId,
    applicationId: loaded.app.id,
    recipientEnc: loaded.app.emailEnc,
    subject: `您的政府信息公开申请（${t}）有新进展：${label}`,
    body: [
      `${loaded.app.name}：`,
      `${loaded.agencyName}于${event.on}${label}。`,
      notice
        ? `告知书「${notice.title}」${notice.number ? `（${notice.number}）` : ''}已生成，可凭申请编号和查询码在政府信息公开平台查看。`
        : '',
    ]
      .filter(Boolean)
      .join('\n'),
  });
}
