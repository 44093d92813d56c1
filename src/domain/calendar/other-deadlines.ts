// Deadlines outside the reply clock: 主动公开 (working days) and the remedies register (calendar
// days and months, docs/legal.md §1.12). Each returns its due date with an explanation.
import { addDays, addMonths, type IsoDate, parseIsoDate } from './iso-date.js';
import { clockRules, STATUTE, type ClockRules } from './clock-rules.js';
import { countPhases, yearsWithoutOfficialData, type Explanation } from './explain.js';
import type { WorkCalendar } from './work-calendar.js';
import { workdayOnOrAfter } from './workdays.js';
import { noCalendarWarnings, type ClockWarning } from './warnings.js';

export interface WorkdayDeadline {
  dueDate: IsoDate;
  explanation: Explanation;
  warnings: ClockWarning[];
}

export interface CalendarPeriodDeadline {
  dueDate: IsoDate;
  explanation: {
    start: IsoDate;
    /** Chinese: the rule and its source. */
    rule: string;
    /** The last day of the period before any move to a working day. */
    nominalDue: IsoDate;
    /** Chinese, when the last day fell on a rest day and was moved; otherwise null. */
    rolledForward: string | null;
  };
  warnings: ClockWarning[];
}

/** 第二十六条: publish within 20 working days of the information's formation or change. */
export function proactiveDisclosureDue(
  cal: WorkCalendar,
  formedOn: IsoDate,
  rules: Partial<ClockRules> = {},
): WorkdayDeadline {
  parseIsoDate(formedOn, 'formedOn');
  const r = clockRules(rules);
  const first = r.countFromNextDay ? addDays(formedOn, 1) : formedOn;
  const phase = {
    kind: 'counted' as const,
    reason: '计入公开期限（第二十六条）',
    workdays: STATUTE.proactiveDisclosureWorkdays,
  };
  const { due, segments, period } = countPhases(cal, first, [phase], []);
  const startReason = `政府信息形成或者变更之日（第二十六条），${r.countFromNextDay ? '自次日起计算' : '当日起计算'}`;
  return {
    dueDate: due,
    explanation: { start: formedOn, startReason, segments, period, notes: [] },
    warnings: noCalendarWarnings(yearsWithoutOfficialData(cal, [formedOn, due])),
  };
}

/** 行政复议法 (2023) 第二十条: apply within 60 days of knowing (or when one should have known) of the act. */
export function reconsiderationApplicationDue(
  cal: WorkCalendar,
  knewOn: IsoDate,
  rules: Partial<ClockRules> = {},
): CalendarPeriodDeadline {
  const nominal = addDays(parseIsoDate(knewOn, 'knewOn'), STATUTE.reconsiderationDays);
  const rule = `自知道或者应当知道该行政行为之日起${STATUTE.reconsiderationDays}日内申请行政复议（行政复议法第二十条）`;
  return calendarPeriod(cal, knewOn, nominal, rule, rules);
}

/** 行政诉讼法 第四十六条: sue directly within 6 months of knowing of the act. */
export function lawsuitDirectDue(
  cal: WorkCalendar,
  knewOn: IsoDate,
  rules: Partial<ClockRules> = {},
): CalendarPeriodDeadline {
  const nominal = addMonths(parseIsoDate(knewOn, 'knewOn'), STATUTE.lawsuitDirectMonths);
  const rule = `自知道或者应当知道作出行政行为之日起${STATUTE.lawsuitDirectMonths}个月内提起诉讼（行政诉讼法第四十六条）`;
  return calendarPeriod(cal, knewOn, nominal, rule, rules);
}

/**
 * 行政诉讼法 第四十五条: sue within 15 days of receiving the 复议决定书, or of the end of the
 * 复议 period when the 复议机关 did not decide.
 */
export function lawsuitAfterReconsiderationDue(
  cal: WorkCalendar,
  from: IsoDate,
  basis: 'decision-received' | 'period-expired' = 'decision-received',
  rules: Partial<ClockRules> = {},
): CalendarPeriodDeadline {
  const nominal = addDays(parseIsoDate(from, 'from'), STATUTE.lawsuitAfterReconsiderationDays);
  const start = basis === 'decision-received' ? '收到复议决定书之日' : '复议期满之日';
  const rule = `自${start}起${STATUTE.lawsuitAfterReconsiderationDays}日内提起诉讼（行政诉讼法第四十五条）`;
  return calendarPeriod(cal, from, nominal, rule, rules);
}

/** Day 0 is not counted; a last day on a rest day moves to the next working day (UNVERIFIED rule). */
function calendarPeriod(
  cal: WorkCalendar,
  start: IsoDate,
  nominal: IsoDate,
  rule: string,
  rules: Partial<ClockRules>,
): CalendarPeriodDeadline {
  const roll = clockRules(rules).calendarPeriodRollsForward && !cal.isWorkday(nominal);
  const due = roll ? workdayOnOrAfter(cal, nominal) : nominal;
  const rolledForward = roll ? `期间最后一日${nominal}为${cal.dayInfo(nominal).reason}，顺延至${due}` : null;
  return {
    dueDate: due,
    explanation: { start, rule, nominalDue: nominal, rolledForward },
    warnings: noCalendarWarnings(yearsWithoutOfficialData(cal, [nominal, due])),
  };
}

/**
 * The remedy routes the system applies, in the words shown to people (the /deadlines page and every
 * agency's 指南 quote these, so they cannot disagree). docs/legal.md §1.12, §1.14.
 */
export const REMEDY_TEXT = {
  reconsiderationFirst:
    '申请政府信息公开，行政机关决定不予公开（包括部分公开时不予公开的部分）的，应当先申请行政复议；对行政复议决定不服的，再依法提起行政诉讼（《中华人民共和国行政复议法》第二十三条第一款第（四）项，2024年1月1日起施行）。',
  choice:
    '对其他答复或者处理不服的，以及对2024年1月1日以前作出的不予公开决定不服的，可以申请行政复议，也可以直接向人民法院提起行政诉讼。',
  reconsideration: `申请行政复议：自知道或者应当知道该行政行为之日起${STATUTE.reconsiderationDays}日内提出（《中华人民共和国行政复议法》第二十条）。`,
  lawsuitDirect: `直接提起行政诉讼：自知道或者应当知道作出行政行为之日起${STATUTE.lawsuitDirectMonths}个月内提出（《中华人民共和国行政诉讼法》第四十六条）。`,
  lawsuitAfter: `不服行政复议决定提起诉讼：自收到复议决定书之日起${STATUTE.lawsuitAfterReconsiderationDays}日内；复议机关逾期不作决定的，自复议期满之日起${STATUTE.lawsuitAfterReconsiderationDays}日内（《中华人民共和国行政诉讼法》第四十五条）。`,
} as const;

/** 'refusal' = 不予公开 (第三十六条第（三）项), including the withheld part of a 部分公开 (第三十七条). */
export type DecisionKind = 'refusal' | 'other';

export interface RemedyRoutes {
  /** 行政复议 must come before any lawsuit (行政复议法 2023 第二十三条第一款第（四）项). */
  reconsiderationFirst: boolean;
  /** Chinese: the rule applied, with its basis. */
  rule: string;
  reconsideration: CalendarPeriodDeadline;
  /** Null when 复议 must come first: a lawsuit is possible only after the 复议 decision (第四十五条). */
  lawsuitDirect: CalendarPeriodDeadline | null;
}

/**
 * Which remedies an applicant has against a decision, by the decision's date: from 2024-01-01 a
 * refusal to disclose goes to 行政复议 first; other decisions, and earlier ones, leave the choice.
 */
export function remediesFor(
  cal: WorkCalendar,
  decision: { kind: DecisionKind; decidedOn: IsoDate; knewOn: IsoDate },
  rules: Partial<ClockRules> = {},
): RemedyRoutes {
  parseIsoDate(decision.decidedOn, 'decidedOn');
  const first = decision.kind === 'refusal' && decision.decidedOn >= STATUTE.reconsiderationFirstFrom;
  return {
    reconsiderationFirst: first,
    rule: first ? REMEDY_TEXT.reconsiderationFirst : REMEDY_TEXT.choice,
    reconsideration: reconsiderationApplicationDue(cal, decision.knewOn, rules),
    lawsuitDirect: first ? null : lawsuitDirectDue(cal, decision.knewOn, rules),
  };
}
