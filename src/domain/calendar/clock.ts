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
  const consultations = consultationDeadlines(cal, facts, opts);
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
  const pauses = clockPauses(cal, facts, ctx.base.consultations, today, rules);
  const first = rules.countFromNextDay ? addDays(start.date, 1) : start.date;
  const { due, phaseEnds, segments, period } = countPhases(cal, first, clockPhases(facts), pauses);
  const originalDueDate = phaseEnds[0] ?? due;
  const explanation: Explanation = { start: start.date, startReason: start.reason, segments, period };
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
