// Issuing the notice (告知书) of a step, inside the step's transaction: the agency's template (or
// the installation's, or the built-in default), filled from the case; a gap-free 文号 for the
// notices that carry one; the text frozen in the notice row (a later template edit changes no
// served notice). PDF and DOCX are rendered from the frozen row (src/render/notice-*.ts).
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { CaseEvent, CaseView } from '../../domain/applications/state.js';
import type { Outcome } from '../../domain/applications/outcomes.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import { DEFAULT_CLOCK_RULES, STATUTE } from '../../domain/calendar/clock-rules.js';
import { workdaysAfter } from '../../domain/calendar/workdays.js';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.js';
import {
  composeNotice,
  defaultTemplate,
  numberLabel,
  NOTICE_PREFIX_SETTING,
  NUMBER_SUFFIXES,
  remediesParagraph,
  type NoticeKind,
  type NoticeTemplateText,
  type TemplateValues,
} from '../../domain/notices/index.js';
import { isSystem } from '../../domain/agencies/actor.js';
import { InvalidInput } from '../../domain/errors.js';
import {
  DELIVERY_LABELS,
  FORM_LABELS,
  type Delivery,
  type InfoForm,
} from '../../domain/applications/request.js';
import type { LoadedCase } from '../../db/repositories/applications.js';
import type { Tx } from '../../db/client.js';
import { agency, agencySetting, notice, noticeTemplate, numberSequence } from '../../db/schema.js';
import type { CommandContext, Deps } from '../context.js';

export interface Service {
  /** 送达方式: SERVICE_METHODS of src/domain/notices/service.ts */
  method: string;
  on: IsoDate;
}

export interface IssuedNotice {
  id: number;
  kind: string;
  number: string | null;
  title: string;
}

export interface NoticeContext {
  loaded: LoadedCase;
  event: CaseEvent;
  eventId: number | null;
  view: CaseView;
  calendar: WorkCalendar;
  today: IsoDate;
  service: Service | null;
  /** The officer's note of the step (e.g. the list of corrections). */
  note: string | null;
  /** For a transfer to an agency of this installation: its phone and address. */
  otherAgencyContact?: string | null;
  /** The applicant's payment window (ClockRules.feePaymentWindowWorkdays in force). */
  feePaymentWindowWorkdays?: number;
  /** The issuing agency's name and contact, when the caller has read them already. */
  agency?: NoticeAgency;
}

export interface NoticeAgency {
  name: string;
  shortName: string | null;
  phone: string | null;
  address: string | null;
}

/** Which notice a step produces (null: none), and the template key (decisions: per outcome). */
function kindOf(event: CaseEvent): NoticeKind | null {
  switch (event.type) {
    case 'correctionRequested':
      return 'correction';
    case 'extensionApproved':
      return 'extension';
    case 'consultationSent':
      return event.kind === 'agency' ? 'consultationAgency' : 'consultationThirdParty';
    case 'feeNotified':
      return 'fee';
    case 'reasonablePeriodNotified':
      return 'reasonablePeriod';
    case 'transferred':
      return 'transfer';
    case 'decisionServed':
      return 'decision';
    default:
      return null;
  }
}

export function templateKey(kind: NoticeKind, outcome?: Outcome | null): string {
  return kind === 'decision' && outcome ? `decision:${outcome}` : kind;
}

/** The notice a step produces, issued in the step's transaction; null for steps without one. */
export async function issueNoticeFor(
  tx: Tx,
  deps: Deps,
  ctx: CommandContext,
  c: NoticeContext,
): Promise<IssuedNotice | null> {
  const kind = kindOf(c.event);
  if (!kind) return null;
  return issueNotice(tx, deps, ctx, kind, c);
}

/** Issues one notice of `kind` for the case (also the 登记回执 at intake). */
export async function issueNotice(
  tx: Tx,
  deps: Deps,
  ctx: CommandContext,
  kind: NoticeKind,
  c: NoticeContext,
): Promise<IssuedNotice> {
  const app = c.loaded.app;
  const [ag] = c.agency
    ? [c.agency]
    : await tx
        .select({
          name: agency.name,
          shortName: agency.shortName,
          phone: agency.phone,
          address: agency.address,
        })
        .from(agency)
        .where(eq(agency.id, app.agencyId));
  const outcome = c.event.type === 'decisionServed' ? c.event.outcome : null;
  const template = await templateFor(tx, app.agencyId, kind, outcome);
  const issuedOn = c.event.on;
  const suffix = NUMBER_SUFFIXES[kind];
  const number = suffix
    ? await nextNumber(tx, app.agencyId, ag?.shortName ?? c.loaded.agencyName, suffix, issuedOn)
    : null;
  const toApplicant = kind !== 'consultationThirdParty' && kind !== 'consultationAgency';
  if (c.event.type === 'transferred' && c.otherAgencyContact === undefined) {
    const [other] = await tx
      .select({ phone: agency.phone, address: agency.address })
      .from(agency)
      .where(eq(agency.name, c.event.to.trim()));
    c = { ...c, otherAgencyContact: other ? contactOf(other.phone, other.address) : null };
  }
  const doc = composeWithFieldErrors({
    kind,
    template,
    values: valuesFor(kind, c, ag?.phone ?? null, ag?.address ?? null),
    ...(number ? { number } : {}),
    signature: { agency: c.loaded.agencyName, date: issuedOn },
    footer: [`申请编号：${app.trackingNumber}`, ...(ag?.phone ? [`联系电话：${ag.phone}`] : [])],
  });
  // Online delivery: the notice is served the day it is put in the applicant's lookup (the
  // applicant chose this route, 第二十九条); other routes are recorded when they happen.
  const service =
    c.service ?? (toApplicant && app.delivery === 'online' ? { method: 'online', on: issuedOn } : null);
  const [row] = await tx
    .insert(notice)
    .values({
      applicationId: app.id,
      eventId: c.eventId,
      kind,
      number,
      title: doc.title,
      addressee: doc.addressee,
      paragraphs: doc.paragraphs,
      issuedOn,
      issuedBy: isSystem(ctx.actor) ? null : ctx.actor.userId,
      servedMethod: service?.method ?? null,
      servedOn: service?.on ?? null,
      toApplicant,
    })
    .returning({ id: notice.id });
  void deps;
  return { id: row!.id, kind, number, title: doc.title };
}

/**
 * A template the office edited may use a placeholder this step has no value for: the officer is told
 * which, keyed by the form's note field (the text of the notice comes from there); nothing is stored.
 */
function composeWithFieldErrors(input: Parameters<typeof composeNotice>[0]) {
  try {
    return composeNotice(input);
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    throw new InvalidInput(
      { note: `告知书缺少以下内容，请在备注中补充或请管理员检查告知书模板：${e.message}` },
      e.message,
    );
  }
}

function contactOf(phone: string | null, address: string | null): string | null {
  return [phone ? `电话 ${phone}` : '', address ? `地址 ${address}` : ''].filter(Boolean).join('，') || null;
}

async function templateFor(
  tx: Tx,
  agencyId: number,
  kind: NoticeKind,
  outcome: Outcome | null,
): Promise<NoticeTemplateText> {
  const key = templateKey(kind, outcome);
  // The agency's own template, else the installation's (agency NULL): one read, own first.
  const [row] = await tx
    .select({ title: noticeTemplate.title, body: noticeTemplate.body })
    .from(noticeTemplate)
    .where(
      and(
        eq(noticeTemplate.kind, key),
        or(eq(noticeTemplate.agencyId, agencyId), isNull(noticeTemplate.agencyId)),
      ),
    )
    .orderBy(sql`${noticeTemplate.agencyId} is null`)
    .limit(1);
  const builtIn = defaultTemplate(kind, outcome);
  return row ? { title: row.title, addressee: builtIn.addressee, body: row.body } : builtIn;
}

/**
 * The next number of the agency's sequence for the year: one statement that inserts the counter or
 * moves it on, holding the row lock until the commit — concurrent notices wait, a rolled-back one
 * leaves no gap.
 */
async function nextNumber(
  tx: Tx,
  agencyId: number,
  shortName: string,
  suffix: string,
  issuedOn: IsoDate,
): Promise<string> {
  const year = Number(issuedOn.slice(0, 4));
  const [setting] = await tx
    .select({ value: agencySetting.value })
    .from(agencySetting)
    .where(and(eq(agencySetting.agencyId, agencyId), eq(agencySetting.key, NOTICE_PREFIX_SETTING)));
  const prefix = (typeof setting?.value === 'string' && setting.value.trim()) || shortName;
  const [row] = await tx
    .insert(numberSequence)
    .values({ agencyId, name: suffix, year, last: 1 })
    .onConflictDoUpdate({
      target: [numberSequence.agencyId, numberSequence.name, numberSequence.year],
      set: { last: sql`${numberSequence.last} + 1` },
    })
    .returning({ last: numberSequence.last });
  return numberLabel(`${prefix}${suffix}`, year, row!.last);
}

const DESCRIPTION_MAX = 200;

/** 「本机关以电子形式，通过邮寄向您提供。」 from what the applicant asked for (第二十九条、第四十条). */
function defaultDelivery(form: string, delivery: string): string {
  const f = FORM_LABELS[form as InfoForm] ?? form;
  const d = DELIVERY_LABELS[delivery as Delivery] ?? delivery;
  return form === 'inspection'
    ? `请您携带本答复书和身份证明，于工作时间到本机关当场查阅、抄录。`
    : `本机关按照您申请的${f}形式，以${d}的方式向您提供。`;
}

function valuesFor(
  kind: NoticeKind,
  c: NoticeContext,
  phone: string | null,
  address: string | null,
): TemplateValues {
  const app = c.loaded.app;
  const e = c.event;
  const description =
    app.description.length > DESCRIPTION_MAX
      ? `${app.description.slice(0, DESCRIPTION_MAX)}……`
      : app.description;
  const v: TemplateValues = {
    applicantName: app.name,
    receivedOn: app.receivedOn,
    description,
    trackingNumber: app.trackingNumber,
    agencyName: c.loaded.agencyName,
    agencyContact:
      [phone ? `电话 ${phone}` : '', address ? `地址 ${address}` : ''].filter(Boolean).join('，') || null,
  };
  const due = c.view.deadline.dueDate;
  switch (e.type) {
    case 'received':
      v.dueBy = due;
      break;
    case 'correctionRequested':
      v.corrections = c.note ?? '请补充所需政府信息的名称、文号或者便于本机关查找的其他特征性描述。';
      v.dueBy = e.dueBy;
      break;
    case 'extensionApproved': {
      const req = c.loaded.facts.findLast((x) => x.type === 'extensionRequested');
      v.workdays = e.workdays;
      v.dueBy = due;
      v.reasons = req?.type === 'extensionRequested' ? req.reason : c.note;
      break;
    }
    case 'consultationSent': {
      const cd = c.view.deadline.consultations.findLast((x) => x.party === e.party);
      v.thirdParty = e.party;
      v.otherAgency = e.party;
      v.workdays = STATUTE.consultationAnswerWorkdays;
      v.dueBy = cd?.answerDue ?? null;
      break;
    }
    case 'feeNotified':
      v.amount = e.amount;
      v.feeDetails =
        c.note ?? '按照《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）规定的标准计算。';
      v.paymentInfo = `请按本机关告知的方式缴纳${phone ? `（咨询电话：${phone}）` : ''}。`;
      // The payment window runs from the applicant's receipt of the notice; the date printed
      // assumes it is received the day it is issued (online or in person).
      v.dueBy = workdaysAfter(
        c.calendar,
        e.on,
        c.feePaymentWindowWorkdays ?? DEFAULT_CLOCK_RULES.feePaymentWindowWorkdays,
      );
      break;
    case 'reasonablePeriodNotified':
      v.dueBy = e.replyBy;
      if (!c.note)
        throw new InvalidInput({ note: '请在备注中说明延迟答复的理由，它将写入告知书（第三十五条）' });
      v.reasons = c.note;
      break;
    case 'transferred':
      v.otherAgency = e.to;
      // The competent agency's contact (第三十六条第（五）项): as the officer wrote it in the step's
      // note, else as this installation knows the agency of that name.
      v.otherAgencyContact = c.note ?? c.otherAgencyContact ?? '请向该机关查询';
      v.reasons = e.reason;
      v.remedies = remediesParagraph({ outcome: null, decidedOn: e.on });
      break;
    case 'decisionServed':
      // 予以公开 without a cited item: provided to the applicant (第三十六条第（二）项).
      v.ground = e.ground ?? (e.outcome === 'granted' ? '第三十六条第（二）项' : null);
      v.reasons = e.reasons;
      v.delivery = e.disclosed ?? defaultDelivery(app.form, app.delivery);
      v.remedies = remediesParagraph({ outcome: e.outcome, decidedOn: e.on });
      v.dueBy = due;
      break;
    default:
      break;
  }
  void kind;
  return v;
}
