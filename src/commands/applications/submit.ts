// A disclosure application arrives (第二十九条、第三十一条): online through the portal or the API
// (received the day it is submitted: the system confirms at once with the tracking number), or
// registered by the office from paper, in person, by post or fax with the receipt rules of 第三十一条.
// One transaction stores the application, its first fact, its attachments, the audit event and
// the applicant's message in the outbox: an application answered 201 is stored whole, or not at all.
// The rows are made before the transaction and inserted in one statement (src/db/repositories/
// intake.ts); what every application reads comes from caches checked against the public version.
import { caseView, type CaseEvent, type CaseView } from '../../domain/applications/state.js';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.js';
import type { InstallationRules } from '../../domain/applications/rules.js';
import {
  isReceiptChannel,
  receiptDay,
  type ReceiptChannel,
  type ReceiptEvents,
} from '../../domain/calendar/receipt.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import { isSystem } from '../../domain/agencies/actor.js';
import { InvalidInput } from '../../domain/errors.js';
import {
  reserveApplicationId,
  viewColumns,
  type ApplicationRow,
} from '../../db/repositories/applications.js';
import { insertIntakeRows } from '../../db/repositories/intake.js';
import { writeIntake } from './intake-batch.js';
import { applicationFile } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { cachedWorkCalendar } from '../../queries/calendar-cache.js';
import { databaseFileStore, type FileToStore } from '../../db/file-store.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { applicationColumns, parseApplication } from './fields.js';
import { noticeRow, templateKey, templateText } from './notices.js';
import { hashQueryCode, newQueryCode, trackingNumberOf } from '../../domain/applications/tracking.js';
import { applicationRulesOf } from '../../domain/applications/rules.js';
import { installationRules } from '../../queries/application-rules.js';
import { intakeAgency, intakeTemplate } from '../../queries/intake-cache.js';

export interface Submitted {
  id: number;
  trackingNumber: string;
  /** Given once, to the applicant; only its hash is stored. */
  queryCode: string;
  receivedOn: IsoDate;
  dueDate: IsoDate | null;
}

/** The 第三十一条 facts of an application registered by the office. */
export interface Receipt {
  channel: ReceiptChannel;
  /** in-person: submitted; signed-post: signed for; others: arrived and confirmed. */
  submittedOn?: string | null;
  signedOn?: string | null;
  arrivedOn?: string | null;
  confirmedOn?: string | null;
}

export async function submitApplication(
  deps: Deps,
  ctx: CommandContext,
  input: unknown,
  options: { attachments?: FileToStore[]; receipt?: Receipt } = {},
): Promise<Submitted> {
  const now = deps.now();
  const today = localDate(now);
  const f = parseApplication(input, today);
  // One round trip before the transaction: the id (the tracking number is made from it; a sequence
  // never rolls back, so a refused application leaves a gap in ids as it always did) and the public
  // version, against which the agency, calendar, rules and template below come from this process's
  // caches (src/queries/intake-cache.ts).
  const { id, publicVersion } = await reserveApplicationId(deps.db);
  const target = await intakeAgency(deps.db, publicVersion, f.agencyCode);
  if (!target || !target.active)
    throw new InvalidInput({ agencyCode: '所选受理机关不存在或已停用，请重新选择' });
  // The office registers what reached it; the public applies online.
  const staff = !isSystem(ctx.actor) && options.receipt !== undefined;
  if (staff) authorize(ctx.actor, 'application.handle', { agencyPath: target.path });
  const channel: ReceiptChannel = options.receipt?.channel ?? 'online';
  const receivedOn = options.receipt ? registeredReceiptDay(options.receipt, today) : today;
  const calendar = await cachedWorkCalendar(deps.db, target.path, publicVersion);
  const rules = await installationRules(deps.db, publicVersion);
  const first: CaseEvent = { type: 'received', on: receivedOn, channel };
  const view = receivedView(calendar, rules, first, today);
  const template = templateText(
    'receipt',
    null,
    await intakeTemplate(deps.db, publicVersion, target.id, templateKey('receipt')),
  );
  const queryCode = newQueryCode();
  const p = deps.personalData;
  const trackingNumber = trackingNumberOf(receivedOn, id);
  const recordedBy = isSystem(ctx.actor) ? null : ctx.actor.userId;
  // Everything is made before the transaction, which only inserts it: the audit chain's lock is
  // then held for reading the last event, one insert and the commit.
  const app: ApplicationRow = {
    id,
    agencyId: target.id,
    trackingNumber,
    queryCodeHash: hashQueryCode(queryCode),
    ...applicationColumns(f, p),
    channel,
    receivedOn,
    submittedAt: now,
    assignedTo: null,
    version: 1,
    ...viewColumns(view, today),
    createdAt: now,
    updatedAt: now,
  };
  // 登记回执 (第三十一条、第三十三条): in the applicant's lookup at once.
  const receipt = noticeRow(
    ctx,
    'receipt',
    {
      loaded: {
        app,
        agencyPath: target.path,
        agencyName: target.name,
        agencyCode: f.agencyCode,
        events: [],
        facts: [first],
      },
      event: first,
      eventId: null,
      view,
      calendar,
      today,
      service: null,
      note: null,
      agency: target,
    },
    template,
    target,
    null,
  );
  const message = f.email
    ? {
        topic: 'application.received',
        agencyId: target.id,
        recipientEnc: p.encrypt(f.email),
        subject: `您的政府信息公开申请已收到（${trackingNumber}）`,
        body: [
          `${f.name}：`,
          `${target.name}已于${receivedOn}收到您的政府信息公开申请，申请编号 ${trackingNumber}。`,
          view.deadline.dueDate
            ? `依照《中华人民共和国政府信息公开条例》第三十三条，本机关将于${view.deadline.dueDate}前答复。`
            : '',
          '您可以凭申请编号和查询码在政府信息公开平台查询办理进度和告知书。',
        ]
          .filter(Boolean)
          .join('\n'),
      }
    : null;
  const rows = {
    application: app,
    event: { type: first.type, on: first.on, data: first, recordedBy, recordedAt: now },
    notice: receipt,
    outbox: message,
  };
  const auditEvent = {
    action: staff ? 'application.registered' : 'application.submitted',
    subjectType: 'application',
    subjectId: id,
    agencyId: target.id,
    data: {
      trackingNumber,
      channel,
      receivedOn,
      applicantType: f.applicantType,
      attachments: options.attachments?.length ?? 0,
    },
  };
  const submitted = { id, trackingNumber, queryCode, receivedOn, dueDate: view.deadline.dueDate };
  const attachments = options.attachments ?? [];
  // Without attachments (every public submission): written with the others arriving meanwhile, in
  // one transaction and one commit (intake-batch.ts).
  if (attachments.length === 0) {
    await writeIntake(deps, { ctx, rows, audit: auditEvent });
    return submitted;
  }
  return inTransaction(deps, ctx, async (tx, audit) => {
    const files = [];
    for (const file of attachments) files.push(await databaseFileStore.put(tx, file));
    await insertIntakeRows(tx, [rows]);
    for (const stored of files)
      await tx
        .insert(applicationFile)
        .values({ applicationId: id, fileId: stored.id, kind: 'attachment', addedBy: recordedBy });
    await audit(auditEvent);
    return submitted;
  });
}

/** Views of cases that have only their receipt: per calendar, per rules, per day and channel. */
const receivedViews = new WeakMap<WorkCalendar, WeakMap<InstallationRules, Map<string, CaseView>>>();

/**
 * caseView of an application that has only its receipt fact. It is the same for every application
 * received on the same day through the same channel under the same calendar and rules — objects
 * cached per public version — so it is computed once, not for every application (the clock walks
 * every day of the period). Read-only, as every CaseView.
 */
function receivedView(
  calendar: WorkCalendar,
  rules: InstallationRules,
  first: CaseEvent & { type: 'received' },
  today: IsoDate,
): CaseView {
  let byRules = receivedViews.get(calendar);
  if (!byRules) receivedViews.set(calendar, (byRules = new WeakMap()));
  let views = byRules.get(rules);
  if (!views) byRules.set(rules, (views = new Map()));
  const key = `${first.on}|${first.channel}|${today}`;
  let view = views.get(key);
  if (!view) {
    if (views.size >= 64) views.clear();
    view = caseView([first], calendar, today, applicationRulesOf(rules));
    views.set(key, view);
  }
  return view;
}

function registeredReceiptDay(r: Receipt, today: IsoDate): IsoDate {
  if (!isReceiptChannel(r.channel)) throw new InvalidInput({ channel: '请选择申请渠道' });
  const events = {
    channel: r.channel,
    submittedOn: r.submittedOn ?? '',
    signedOn: r.signedOn ?? '',
    arrivedOn: r.arrivedOn ?? '',
    confirmedOn: r.confirmedOn || null,
  } as ReceiptEvents;
  const day = receiptDay(events);
  if (!day)
    throw new InvalidInput({
      confirmedOn:
        '以平常信函、互联网或传真提交的申请，以双方确认之日为收到申请之日（第三十一条）：请先与申请人确认，再登记确认日期',
    });
  if (day > today) throw new InvalidInput({ [dateField(r.channel)]: '收到申请的日期不能晚于今天' });
  return day;
}

function dateField(c: ReceiptChannel): string {
  return c === 'in-person' ? 'submittedOn' : c === 'signed-post' ? 'signedOn' : 'confirmedOn';
}
