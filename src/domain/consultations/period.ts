// The period of a consultation against its type's minimum. Both the opening day and the closing day
// count (a consultation open 1–30 June has run 30 days); working days are those of the working-day
// calendar (调休 and holidays included), so 7 working days across 国庆 take two calendar weeks or more.
import { addDays, countWorkdays, daysBetween, workdaysAfter, type IsoDate } from '../calendar/index.js';
import type { WorkCalendar } from '../calendar/index.js';
import { formatDayZh } from './text.js';
import {
  periodKey,
  periodText,
  CONSULTATION_TYPE_LABELS,
  type ConsultationPeriods,
  type ConsultationType,
  type MinimumPeriod,
} from './rules.js';

export type PeriodCheck =
  | { ok: true; rule: MinimumPeriod; length: number; earliestClose: IsoDate }
  | { ok: false; rule: MinimumPeriod; length: number; earliestClose: IsoDate; message: string };

/** The first day the consultation may close on: the last day of the minimum period. */
export function earliestClosingDay(rule: MinimumPeriod, opensOn: IsoDate, calendar: WorkCalendar): IsoDate {
  if (rule.days <= 0) return opensOn;
  if (rule.unit === 'days') return addDays(opensOn, rule.days - 1);
  // The opening day counts when it is a working day.
  return workdaysAfter(calendar, opensOn, rule.days, { includeStart: true });
}

/** The period's length in the rule's unit, both ends included. */
export function periodLength(
  unit: MinimumPeriod['unit'],
  opensOn: IsoDate,
  closesOn: IsoDate,
  calendar: WorkCalendar,
): number {
  if (closesOn < opensOn) return 0;
  return unit === 'days' ? daysBetween(opensOn, closesOn) + 1 : countWorkdays(calendar, opensOn, closesOn);
}

/**
 * Is opensOn..closesOn at least the minimum of the type? The refusal names the type, the minimum,
 * its source and the earliest closing day, in Chinese.
 */
export function checkPeriod(
  type: ConsultationType,
  concernsMarket: boolean,
  opensOn: IsoDate,
  closesOn: IsoDate,
  calendar: WorkCalendar,
  periods: ConsultationPeriods,
): PeriodCheck {
  const rule = periods[periodKey(type, concernsMarket)];
  const length = periodLength(rule.unit, opensOn, closesOn, calendar);
  const earliestClose = earliestClosingDay(rule, opensOn, calendar);
  if (closesOn < opensOn)
    return { ok: false, rule, length, earliestClose, message: '截止日期不能早于开始日期' };
  if (closesOn >= earliestClose) return { ok: true, rule, length, earliestClose };
  const what =
    type === 'normative' && concernsMarket
      ? '涉及市场主体生产经营活动的行政规范性文件'
      : CONSULTATION_TYPE_LABELS[type];
  const unit = rule.unit === 'workdays' ? '个工作日' : '日';
  return {
    ok: false,
    rule,
    length,
    earliestClose,
    message:
      `${what}公开征求意见的期限不少于${periodText(rule)}（${rule.source}），` +
      `本次征集期只有${length}${unit}；自${formatDayZh(opensOn)}开始的，截止日期最早为${formatDayZh(earliestClose)}`,
  };
}

/** Days left to submit, today included (0 once closed); null before it opens. */
export function daysLeft(opensOn: IsoDate, closesOn: IsoDate, today: IsoDate): number | null {
  if (today < opensOn) return null;
  if (today > closesOn) return 0;
  return daysBetween(today, closesOn) + 1;
}
