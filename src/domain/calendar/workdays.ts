// Working-day arithmetic on a WorkCalendar. Every period of the 条例 is in 工作日 (docs/legal.md §1.9).
import { InvalidInput } from '../errors.js';
import { addDays, type IsoDate } from './iso-date.js';
import type { WorkCalendar } from './work-calendar.js';

export interface CountOptions {
  /**
   * Whether day 0 itself can be working day 1. Default false: counting starts the next day
   * (「自收到申请次日起算」, docs/legal.md §1.9 — UNVERIFIED, see ClockRules.countFromNextDay).
   */
  includeStart?: boolean;
}

/** Guard against a calendar with no working days at all (e.g. a mistyped closure of years). */
export const MAX_SCAN_DAYS = 366 * 10;

/** The n-th working day after `date` (n = 0 → `date` itself). */
export function workdaysAfter(cal: WorkCalendar, date: IsoDate, n: number, opts: CountOptions = {}): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new InvalidInput({ n: '工作日数必须是非负整数' });
  if (n === 0) return date;
  let d = opts.includeStart ? date : addDays(date, 1);
  let left = n;
  for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned++) {
    if (cal.isWorkday(d)) {
      left--;
      if (left === 0) return d;
    }
    d = addDays(d, 1);
  }
  throw noWorkdays();
}

/** Number of working days from `from` through `to`, both included (0 when to < from). */
export function countWorkdays(cal: WorkCalendar, from: IsoDate, to: IsoDate): number {
  let count = 0;
  for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) count++;
  return count;
}

/** `date` itself when it is a working day, otherwise the next working day. */
export function workdayOnOrAfter(cal: WorkCalendar, date: IsoDate): IsoDate {
  let d = date;
  for (let scanned = 0; scanned <= MAX_SCAN_DAYS; scanned++) {
    if (cal.isWorkday(d)) return d;
    d = addDays(d, 1);
  }
  throw noWorkdays();
}

export function noWorkdays(): InvalidInput {
  return new InvalidInput({ calendar: '日历数据异常：长期没有工作日，无法计算期限' });
}
