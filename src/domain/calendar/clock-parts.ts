// The pieces the disclosure clock is made of: what pauses it, what it counts, what closes it.
import { addDays, type IsoDate } from './iso-date.js';
import { STATUTE, type ClockRules } from './clock-rules.js';
import type { ClockFacts } from './clock-facts.js';
import type { Pause, Phase } from './explain.js';
import type { WorkCalendar } from './work-calendar.js';
import { workdaysAfter, type CountOptions } from './workdays.js';

export interface ConsultationDeadline {
  party: string;
  kind: 'third-party' | 'agency';
  sentOn: IsoDate;
  /** The party's receipt of the letter: recorded, or assumed (ClockRules.consultationReceiptAssumedDays). */
  receivedOn: IsoDate;
  receiptAssumed: boolean;
  /** 第三十二条、第三十四条: the party's answer is due within 15 working days of its receipt. */
  answerDue: IsoDate;
  answeredOn: IsoDate | null;
  /**
   * The last day of the excluded time (第三十三条第三款): the answer, or the end of the party's
   * period if that comes first — a late answer extends nothing (docs/legal.md §1.14).
   */
  excludedUntil: IsoDate;
}

/** Why a case no longer runs a clock. */
export type ClosedBy =
  | 'replied' // 答复已送达
  | 'withdrawn' // 申请人撤回 (annual report （六）3)
  | 'correction-abandoned' // 第三十条: not corrected in the set period → 视为放弃申请
  | 'fee-unpaid'; // fee not paid in time → not processed further (§1.11, UNVERIFIED window)

export const PAUSE_REASONS = {
  'third-party': '征求第三方意见（不计算在期限内）',
  agency: '征求其他机关意见（不计算在期限内）',
  fee: '收费通知至缴纳费用期间（不计算在期限内）',
  other: '不计算在期限内的期间',
} as const;

export function consultationDeadlines(
  cal: WorkCalendar,
  facts: ClockFacts,
  rules: ClockRules,
  opts: CountOptions,
): ConsultationDeadline[] {
  return (facts.consultations ?? []).map((c) => {
    const receivedOn = c.receivedOn ?? addDays(c.sentOn, rules.consultationReceiptAssumedDays);
    const answerDue = workdaysAfter(cal, receivedOn, STATUTE.consultationAnswerWorkdays, opts);
    const answeredOn = c.answeredOn ?? null;
    return {
      party: c.party,
      kind: c.kind,
      sentOn: c.sentOn,
      receivedOn,
      receiptAssumed: c.receivedOn == null,
      answerDue,
      answeredOn,
      excludedUntil: answeredOn && answeredOn < answerDue ? answeredOn : answerDue,
    };
  });
}

/** The fee notice's receipt by the applicant, recorded or assumed, and the payment window's last day. */
export function feeWindow(
  cal: WorkCalendar,
  fee: NonNullable<ClockFacts['fee']>,
  rules: ClockRules,
  opts: CountOptions,
): { receivedOn: IsoDate; assumed: boolean; end: IsoDate } {
  const receivedOn = fee.receivedOn ?? addDays(fee.noticeOn, rules.feeNoticeReceiptAssumedDays);
  const end = workdaysAfter(cal, receivedOn, rules.feePaymentWindowWorkdays, opts);
  return { receivedOn, assumed: fee.receivedOn == null, end };
}

/** 第三十三条第三款 consultation time, the fee period and recorded pauses, as excluded day ranges. */
export function clockPauses(
  cal: WorkCalendar,
  facts: ClockFacts,
  consultations: ConsultationDeadline[],
  rules: ClockRules,
): Pause[] {
  const raw: Pause[] = consultations.map((c) => ({
    from: c.sentOn,
    to: c.excludedUntil,
    reason: PAUSE_REASONS[c.kind],
  }));
  if (facts.fee && rules.feePausesClock) {
    const { end } = feeWindow(cal, facts.fee, rules, { includeStart: !rules.countFromNextDay });
    const paid = facts.fee.paidOn;
    raw.push({ from: facts.fee.noticeOn, to: paid && paid < end ? paid : end, reason: PAUSE_REASONS.fee });
  }
  for (const p of facts.pauses ?? [])
    raw.push({ from: p.from, to: p.to, reason: p.reason ?? PAUSE_REASONS.other });
  return raw
    .map((p) => ({
      ...p,
      from: rules.pauseExcludesFromDay ? p.from : addDays(p.from, 1),
      to: rules.pauseExcludesToDay ? p.to : addDays(p.to, -1),
    }))
    .filter((p) => p.from <= p.to);
}

/**
 * 20 working days (第三十三条第二款), then the extension — only when it was approved within the
 * original period (`extensionApplies`) — then a 第三十五条 reply date.
 */
export function clockPhases(facts: ClockFacts, extensionApplies: boolean): Phase[] {
  const phases: Phase[] = [
    { kind: 'counted', reason: '计入答复期限（第三十三条第二款）', workdays: STATUTE.replyWorkdays },
  ];
  if (facts.extension && extensionApplies) {
    phases.push({
      kind: 'extension',
      reason: '延长答复期限（第三十三条第二款）',
      workdays: facts.extension.workdays,
    });
  }
  if (facts.reasonablePeriod) {
    const until = facts.reasonablePeriod.replyBy;
    phases.push({ kind: 'extension', reason: '行政机关确定的合理答复期限（第三十五条）', until });
  }
  return phases;
}

/** The earliest event on or before today that ended the case, if any. */
export function closureOf(
  cal: WorkCalendar,
  facts: ClockFacts,
  today: IsoDate,
  rules: ClockRules,
): { by: ClosedBy; on: IsoDate } | null {
  const candidates: { by: ClosedBy; on: IsoDate }[] = [];
  if (facts.repliedOn) candidates.push({ by: 'replied', on: facts.repliedOn });
  if (facts.withdrawnOn) candidates.push({ by: 'withdrawn', on: facts.withdrawnOn });
  const c = facts.correction;
  if (c?.dueBy && !c.receivedOn) candidates.push({ by: 'correction-abandoned', on: addDays(c.dueBy, 1) });
  if (facts.fee) {
    const { end } = feeWindow(cal, facts.fee, rules, { includeStart: !rules.countFromNextDay });
    const paid = facts.fee.paidOn;
    if (!paid || paid > end) candidates.push({ by: 'fee-unpaid', on: addDays(end, 1) });
  }
  const past = candidates
    .filter((x) => x.on <= today)
    .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  return past[0] ?? null;
}
