// Issuing the notice (告知书) of a step, inside the step's transaction: the agency's template (or
// the installation's, or the built-in default), filled from the case; a gap-free 文号 for the
// notices that carry one; the text frozen in the notice row (a later template edit changes no
// served notice). PDF and DOCX are rendered from the frozen row (src/render/notice-*.ts).
import { and, eq, sql } from 'drizzle-orm';
import type { CaseEvent, CaseView } from '../../domain/applications/state.js';
import type { Outcome } from '../../domain/applications/outcomes.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.js';
import {
  composeNotice,
  defaultTemplate,
  numberLabel,
  NOTICE_PREFIX_SETTING,
  NUMBER_SUFFIXES,
  type NoticeKind,
  type NoticeTemplateText,
} from '../../domain/notices/index.js';
import { isSystem } from '../../domain/agencies/actor.js';
import { InvalidInput } from '../../domain/errors.js';
import type { LoadedCase } from '../../db/repositories/applications.js';
import type { Tx } from '../../db/client.js';
import { agency, agencySetting, notice, numberSequence } from '../../db/schema.js';
import type { CommandContext, Deps } from '../context.js';
import { storedTemplate } from '../../queries/intake-cache.js';
import { contactOf, valuesFor } from './notice-values.js';

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
  const suffix = NUMBER_SUFFIXES[kind];
  const number = suffix
    ? await nextNumber(tx, app.agencyId, ag?.shortName ?? c.loaded.agencyName, suffix, c.event.on)
    : null;
  if (c.event.type === 'transferred' && c.otherAgencyContact === undefined) {
    const [other] = await tx
      .select({ phone: agency.phone, address: agency.address })
      .from(agency)
      .where(eq(agency.name, c.event.to.trim()));
    c = { ...c, otherAgencyContact: other ? contactOf(other.phone, other.address) : null };
  }
  const row = noticeRow(ctx, kind, c, template, ag ?? null, number);
  const [inserted] = await tx.insert(notice).values(row).returning({ id: notice.id });
  void deps;
  return { id: inserted!.id, kind, number, title: row.title };
}

/**
 * The notice's row as issueNotice inserts it (the text filled from the template and frozen), for a
 * caller that inserts it in a statement of its own (intake); eventId as given in `c`.
 */
export function noticeRow(
  ctx: CommandContext,
  kind: NoticeKind,
  c: NoticeContext,
  template: NoticeTemplateText,
  ag: NoticeAgency | null,
  number: string | null,
) {
  const app = c.loaded.app;
  const issuedOn = c.event.on;
  const toApplicant = kind !== 'consultationThirdParty' && kind !== 'consultationAgency';
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
  return {
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
  };
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

async function templateFor(
  tx: Tx,
  agencyId: number,
  kind: NoticeKind,
  outcome: Outcome | null,
): Promise<NoticeTemplateText> {
  return templateText(kind, outcome, await storedTemplate(tx, agencyId, templateKey(kind, outcome)));
}

/** A stored template (title and body) with the built-in addressee line; null: the built-in template. */
export function templateText(
  kind: NoticeKind,
  outcome: Outcome | null,
  row: { title: string; body: string } | null,
): NoticeTemplateText {
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
