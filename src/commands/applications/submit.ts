// A disclosure application arrives (第二十九条、第三十一条): online through the portal or the API
// (received the day it is submitted: the system confirms at once with the tracking number), or
// registered by the office from paper, in person, by post or fax with the receipt rules of 第三十一条.
// One transaction stores the application, its first fact, its attachments, the audit event and
// the applicant's message in the outbox: an application answered 201 is stored whole, or not at all.
import { eq } from 'drizzle-orm';
import { caseView, type CaseEvent } from '../../domain/applications/state.js';
import {
  isReceiptChannel,
  receiptDay,
  type ReceiptChannel,
  type ReceiptEvents,
} from '../../domain/calendar/receipt.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import { isSystem } from '../../domain/agencies/actor.js';
import { InvalidInput } from '../../domain/errors.js';
import { appendEvent, nextApplicationId, viewColumns } from '../../db/repositories/applications.js';
import { enqueueMessage } from '../../db/repositories/outbox.js';
import { agency, application, applicationFile } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { cachedWorkCalendar } from '../../queries/calendar-cache.js';
import { databaseFileStore, type FileToStore } from '../../db/file-store.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { applicationColumns, parseApplication } from './fields.js';
import { issueNotice } from './notices.js';
import { hashQueryCode, newQueryCode, trackingNumberOf } from '../../domain/applications/tracking.js';
import { applicationRulesOf } from '../../domain/applications/rules.js';
import { installationRules } from '../../queries/application-rules.js';

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
  const [target] = await deps.db
    .select({
      id: agency.id,
      path: agency.path,
      active: agency.active,
      name: agency.name,
      shortName: agency.shortName,
      phone: agency.phone,
      address: agency.address,
    })
    .from(agency)
    .where(eq(agency.code, f.agencyCode));
  if (!target || !target.active)
    throw new InvalidInput({ agencyCode: '所选受理机关不存在或已停用，请重新选择' });
  // The office registers what reached it; the public applies online.
  const staff = !isSystem(ctx.actor) && options.receipt !== undefined;
  if (staff) authorize(ctx.actor, 'application.handle', { agencyPath: target.path });
  const channel: ReceiptChannel = options.receipt?.channel ?? 'online';
  const receivedOn = options.receipt ? registeredReceiptDay(options.receipt, today) : today;
  const calendar = await cachedWorkCalendar(deps.db, target.path);
  const first: CaseEvent = { type: 'received', on: receivedOn, channel };
  const view = caseView([first], calendar, today, applicationRulesOf(await installationRules(deps.db)));
  const queryCode = newQueryCode();
  const p = deps.personalData;
  return inTransaction(deps, ctx, async (tx, audit) => {
    const id = await nextApplicationId(tx);
    const trackingNumber = trackingNumberOf(receivedOn, id);
    const [row] = await tx
      .insert(application)
      .values({
        id,
        agencyId: target.id,
        trackingNumber,
        queryCodeHash: hashQueryCode(queryCode),
        ...applicationColumns(f, p),
        channel,
        receivedOn,
        submittedAt: now,
        ...viewColumns(view, today),
      })
      .returning();
    const recordedBy = isSystem(ctx.actor) ? null : ctx.actor.userId;
    const ev = await appendEvent(tx, { applicationId: id, seq: 1, event: first, recordedBy, at: now });
    // 登记回执 (第三十一条、第三十三条): in the applicant's lookup at once.
    await issueNotice(tx, deps, ctx, 'receipt', {
      loaded: {
        app: row!,
        agencyPath: target.path,
        agencyName: target.name,
        agencyCode: f.agencyCode,
        events: [ev],
        facts: [first],
      },
      event: first,
      eventId: ev.id,
      view,
      calendar,
      today,
      service: null,
      note: null,
      agency: target,
    });
    for (const file of options.attachments ?? []) {
      const stored = await databaseFileStore.put(tx, file);
      await tx
        .insert(applicationFile)
        .values({ applicationId: id, fileId: stored.id, kind: 'attachment', addedBy: recordedBy });
    }
    if (f.email)
      await enqueueMessage(tx, {
        topic: 'application.received',
        agencyId: target.id,
        applicationId: id,
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
      });
    await audit({
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
    });
    return { id, trackingNumber, queryCode, receivedOn, dueDate: view.deadline.dueDate };
  });
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
