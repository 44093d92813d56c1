// The disclosure clock (条例 第三十条至第三十五条): from an application's dated facts, the reply due
// date, the days left, the state and a day-by-day explanation. Pure: `today` is an argument, and
// nothing is stored — the deadline is derived again whenever it is shown (design rule 1).
import { addDays, daysBetween, type IsoDate } from './iso-date.js';
import { clockRules, STATUTE, type ClockRules } from './clock-rules.js';
import { validateClockFacts, type ClockFacts } from './clock-facts.js';
import {
  closureOf,
  clockPauses,
  clockPhases,
  consultationDeadlines,
  feeWindow,
  type ClosedBy,
  type ConsultationDeadline,
} from './clock-parts.js';
import { countPhases, yearsWithoutOfficialData, type Explanation, type Pause } from './explain.js';
import { RECEIPT_CHANNEL_LABELS } from './receipt.js';
import type { WorkCalendar } from './work-calendar.js';
import { countWorkdays, workdaysAfter } from './workdays.js';
import {
  correctionLateWarning,
  extensionLateWarning,
  noCalendarWarnings,
  type ClockWarning,
} from './warnings.js';

export type ClockState =
  | 'running' // the reply period is running
  | 'paused' // consultation/fee time not counted (第三十三条第三款), or awaiting a 补正 (第三十条)
  | 'overdue' // the due date has passed without a reply
  | 'closed'; // replied, withdrawn, deemed abandoned or not processed further

export interface Deadline {
  /** Null only while no reply clock runs: awaiting a correction, or deemed abandoned (第三十条). */
  dueDate: IsoDate | null;
  /** The 20-working-day due date before any extension or 第三十五条 period. */
  originalDueDate: IsoDate | null;
  /** Working days left after today (after the closing day once closed); negative when overdue. */
  daysLeft: number | null;
  state: ClockState;
  closedBy: ClosedBy | null;
  closedOn: IsoDate | null;
  /** 第三十条: the 补正 notice is due within 7 working days of receipt. */
  correctionNoticeDue: IsoDate;
  consultations: ConsultationDeadline[];
  explanation: Explanation | null;
  warnings: ClockWarning[];
}

export function computeDeadline(
  facts: ClockFacts,
  calendar: WorkCalendar,
  today: IsoDate,
  rules: Partial<ClockRules> = {},
): Deadline {
  validateClockFacts(facts, today);
  const ctx = context(facts, calendar, today, clockRules(rules));
  const start = clockStart(facts, ctx.rules);
  return start ? withClock(ctx, start) : withoutClock(ctx);
}

/** What is known whether or not a reply period runs. */
interface Context {
  facts: ClockFacts;
  cal: WorkCalendar;
  today: IsoDate;
  rules: ClockRules;
  base: Pick<Deadline, 'correctionNoticeDue' | 'consultations' | 'closedBy' | 'closedOn'>;
  early: ClockWarning[];
  /** Dates the result depends on, for the per-year calendar check. */
  known: IsoDate[];
}

function context(facts: ClockFacts, cal: WorkCalendar, today: IsoDate, rules: ClockRules): Context {
  const opts = { includeStart: !rules.countFromNextDay };
  const noticeDue = workdaysAfter(cal, facts.received.date, STATUTE.correctionNoticeWorkdays, opts);
  const consultations = consultationDeadlines(cal, facts, rules, opts);
  const closure = closureOf(cal, facts, today, rules);
  return {
    facts,
    cal,
    today,
    rules,
    base: {
      correctionNoticeDue: noticeDue,
      consultations,
      closedBy: closure?.by ?? null,
      closedOn: closure?.on ?? null,
    },
    early: correctionLateWarning(facts, noticeDue),
    known: [facts.received.date, noticeDue, ...consultations.map((c) => c.answerDue)],
  };
}

/** 第三十条: until the corrected application arrives there is no reply period to count. */
function withoutClock(ctx: Context): Deadline {
  const warnings = [...ctx.early, ...noCalendarWarnings(yearsWithoutOfficialData(ctx.cal, ctx.known))];
  const state = ctx.base.closedBy ? 'closed' : 'paused';
  const none = { dueDate: null, originalDueDate: null, daysLeft: null, explanation: null };
  return { ...ctx.base, ...none, state, warnings };
}

function withClock(ctx: Context, start: { date: IsoDate; reason: string }): Deadline {
  const { facts, cal, today, rules } = ctx;
  const pauses = clockPauses(cal, facts, ctx.base.consultations, rules);
  const first = rules.countFromNextDay ? addDays(start.date, 1) : start.date;
  // 第三十三条第二款: an extension approved after the period ran out does not revive it (§1.14).
  const plain = countPhases(cal, first, clockPhases(facts, false), pauses).phaseEnds[0]!;
  const approved = facts.extension?.approvedOn ?? null;
  const extensionApplies = !!facts.extension && (approved === null || approved <= plain);
  const { due, phaseEnds, segments, period } = countPhases(
    cal,
    first,
    clockPhases(facts, extensionApplies),
    pauses,
  );
  const originalDueDate = phaseEnds[0] ?? due;
  const notes = clockNotes(ctx, originalDueDate);
  const explanation: Explanation = { start: start.date, startReason: start.reason, segments, period, notes };
  const ref = ctx.base.closedOn ?? today;
  const span = ref > due ? [...ctx.known, due, ref] : [...ctx.known, due];
  const warnings = [
    ...ctx.early,
    ...extensionLateWarning(facts, originalDueDate),
    ...noCalendarWarnings(yearsWithoutOfficialData(cal, span)),
  ];
  return {
    ...ctx.base,
    dueDate: due,
    originalDueDate,
    daysLeft: daysLeftOn(cal, ref, due, explanation),
    state: ctx.base.closedBy ? 'closed' : stateOn(today, due, pauses),
    explanation,
    warnings,
  };
}

/** What was assumed for dates not recorded, and recorded facts that changed nothing. */
function clockNotes(ctx: Context, originalDue: IsoDate): string[] {
  const { facts, cal, rules } = ctx;
  const notes: string[] = [];
  const n = STATUTE.consultationAnswerWorkdays;
  for (const c of ctx.base.consultations) {
    const who = c.kind === 'agency' ? '被征求意见的机关' : '第三方';
    const article = c.kind === 'agency' ? '第三十四条' : '第三十二条';
    if (c.receiptAssumed) {
      const when =
        rules.consultationReceiptAssumedDays === 0
          ? '按发出当日收到计算'
          : `按发出后第${rules.consultationReceiptAssumedDays}日收到计算`;
      notes.push(
        `${c.sentOn}发出的征求意见书，${who}收到的日期未记录，${when}（${c.receivedOn}）；其${n}个工作日的答复期限至${c.answerDue}（${article}）。`,
      );
    }
    if (c.answeredOn && c.answeredOn > c.answerDue) {
      notes.push(
        `${who}于${c.answeredOn}答复，晚于其答复期限${c.answerDue}：不计算在期限内的时间至${c.answerDue}为止，此后的时间计入答复期限（${article}、第三十三条第三款）。`,
      );
    } else if (!c.answeredOn) {
      notes.push(
        `${who}尚未答复：不计算在期限内的时间至其答复期限${c.answerDue}为止${c.kind === 'agency' ? '，逾期未答复视为同意公开' : '，逾期未答复的由行政机关依照《条例》决定'}（${article}）。`,
      );
    }
  }
  if (facts.fee) {
    const w = feeWindow(cal, facts.fee, rules, { includeStart: !rules.countFromNextDay });
    if (w.assumed) {
      const when =
        rules.feeNoticeReceiptAssumedDays === 0
          ? '按通知当日收到计算'
          : `按通知后第${rules.feeNoticeReceiptAssumedDays}日收到计算`;
      notes.push(
        `${facts.fee.noticeOn}的收费通知，申请人收到的日期未记录，${when}（${w.receivedOn}）；缴费期限为收到后${rules.feePaymentWindowWorkdays}个工作日，至${w.end}。`,
      );
    }
  }
  const x = facts.extension;
  if (x && !x.approvedOn)
    notes.push(
      '延长答复期限的批准日期未记录，按在原答复期限届满前批准并告知申请人计算（第三十三条第二款）。',
    );
  if (x?.approvedOn && x.approvedOn > originalDue)
    notes.push(
      `延长答复期限于${x.approvedOn}批准，晚于原答复期限届满日${originalDue}：期限届满后批准的延长不产生延长效果，仍按原答复期限计算（第三十三条第二款）。`,
    );
  return notes;
}

/** Day 0 of the reply period: the corrected application's receipt restarts it (第三十条). */
function clockStart(facts: ClockFacts, r: ClockRules): { date: IsoDate; reason: string } | null {
  const from = r.countFromNextDay ? '自次日起计算' : '当日起计算';
  const c = facts.correction;
  if (c) {
    if (!c.receivedOn) return null;
    return { date: c.receivedOn, reason: `收到补正后的申请之日（第三十条：答复期限重新计算），${from}` };
  }
  const channel = RECEIPT_CHANNEL_LABELS[facts.received.channel];
  return { date: facts.received.date, reason: `收到申请之日（第三十一条，${channel}），${from}` };
}

function stateOn(today: IsoDate, due: IsoDate, pauses: Pause[]): ClockState {
  if (today > due) return 'overdue';
  return pauses.some((p) => p.from <= today && today <= p.to) ? 'paused' : 'running';
}

/** Counted working days after `ref` through the due date; or minus the working days past it. */
function daysLeftOn(cal: WorkCalendar, ref: IsoDate, due: IsoDate, ex: Explanation): number {
  if (ref > due) return -countWorkdays(cal, addDays(due, 1), ref);
  // Segments that count consist only of counted days, so a day count inside them is a workday count.
  let left = 0;
  for (const s of ex.segments) {
    if (s.workdays === 0 || s.to <= ref) continue;
    const from = s.from > ref ? s.from : addDays(ref, 1);
    left += daysBetween(from, s.to) + 1;
  }
  return left;
}
