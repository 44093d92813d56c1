// Converts the data file of the `chinese-days` package (dist/chinese-days.json) into CalendarDay
// rows. The package's holiday functions are never used at run time: they silently treat a year
// without data as Mon–Fri (docs/dependencies.md §3), whereas our calendar must know which years are
// official. Only its lunar-calendar functions are used, in statutory-holidays.ts.
import { InvalidInput } from '../errors.js';
import { isIsoDate, yearOf, type IsoDate } from './iso-date.js';
import type { CalendarDay } from './work-calendar.js';

/** The shape of chinese-days' dist/chinese-days.json: date → "English,中文,N". */
export interface ChineseDaysJson {
  /** Days off: holidays, the weekend days inside them and the 调休 days off. */
  holidays: Record<string, string>;
  /** 调休 make-up working days (weekend days that are working days). */
  workdays: Record<string, string>;
  /** The weekday days off that are paid back by make-up days; already included in `holidays`. */
  inLieuDays: Record<string, string>;
}

export interface ConvertedCalendar {
  days: CalendarDay[];
  /** Years whose full annual arrangement is present (see `coveredYears`). */
  years: number[];
}

/** The 2019 条例 is in force from 2019-05-15 (第五十六条); no deadline we compute starts earlier. */
export const FIRST_CALENDAR_YEAR = 2019;

// The package uses short names for three festivals; users expect the names of the State Council notice.
const FULL_NAMES: Record<string, string> = { 清明: '清明节', 端午: '端午节', 中秋: '中秋节' };

export function calendarDaysFromChineseDays(
  json: ChineseDaysJson,
  source = 'chinese-days',
  fromYear = FIRST_CALENDAR_YEAR,
): ConvertedCalendar {
  const holidays = entries(json.holidays, 'holidays', fromYear);
  const workdays = entries(json.workdays, 'workdays', fromYear);
  const days: CalendarDay[] = [
    ...holidays.map(([date, name]) => ({ date, workday: false, name, kind: 'holiday' as const, source })),
    ...workdays.map(([date, name]) => ({
      date,
      workday: true,
      name,
      kind: 'makeup-workday' as const,
      source,
    })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { days, years: coveredYears(holidays) };
}

function entries(map: Record<string, string>, field: string, fromYear: number): [IsoDate, string][] {
  if (typeof map !== 'object' || map === null) throw new InvalidInput({ [field]: '缺少节假日数据' });
  return Object.entries(map)
    .filter(([date]) => !isIsoDate(date) || yearOf(date) >= fromYear)
    .map(([date, value]) => {
      const name = typeof value === 'string' ? value.split(',')[1]?.trim() : undefined;
      if (!isIsoDate(date) || !name) {
        throw new InvalidInput({ [`${field}.${date}`]: `无法识别的节假日数据：${date} → ${String(value)}` });
      }
      return [date, FULL_NAMES[name] ?? name];
    });
}

/**
 * A year counts as covered only when both its Spring Festival and its National Day holidays are
 * present: a notice sometimes lists a day of the neighbouring year (元旦 blocks across 1 January),
 * and such a stray day must not make a year look official.
 */
function coveredYears(holidays: [IsoDate, string][]): number[] {
  const seen = new Map<number, Set<string>>();
  for (const [date, name] of holidays) {
    const names = seen.get(yearOf(date)) ?? new Set<string>();
    names.add(name);
    seen.set(yearOf(date), names);
  }
  return [...seen.entries()]
    .filter(([, names]) => names.has('春节') && names.has('国庆节'))
    .map(([year]) => year)
    .sort((a, b) => a - b);
}
