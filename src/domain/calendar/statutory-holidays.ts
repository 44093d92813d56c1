// The holidays fixed by 《全国年节及纪念日放假办法》 (docs/calendar.md §1): rest days in every year,
// whether or not the State Council's annual 放假安排 notice for that year is out. Only the notice's
// make-up working days (调休), bridging days and the 补假 for a holiday falling on a weekend
// (办法 第六条: the notice fixes on which working day) cannot be known in advance.
// The lunar dates (春节, 端午, 中秋) and the 清明 solar term are computed with the lunar-calendar
// functions of the chinese-days package (pure code, no I/O; its holiday data is not used here).
import chineseDays from 'chinese-days';
import { addDays, type IsoDate } from './iso-date.js';

/** Which day of the year a holiday falls on. */
type Rule =
  | { kind: 'solar'; month: number; days: number[] } // e.g. 国庆 10-01..03
  | { kind: 'lunar'; month: number; day: number; before?: number; after?: number } // 春节 from 除夕
  | { kind: 'qingming' }; // the 清明 solar-term day

interface Holiday {
  name: string;
  rule: Rule;
}

/** One version of the 办法 and the first day it applies to. */
export interface HolidayMeasures {
  /** First day of application (the 施行 date). */
  from: IsoDate;
  /** The instrument, as shown to users. */
  basis: string;
  holidays: Holiday[];
}

const NEW_YEAR: Holiday = { name: '元旦', rule: { kind: 'solar', month: 1, days: [1] } };
const QINGMING: Holiday = { name: '清明节', rule: { kind: 'qingming' } };
const DUANWU: Holiday = { name: '端午节', rule: { kind: 'lunar', month: 5, day: 5 } };
const MID_AUTUMN: Holiday = { name: '中秋节', rule: { kind: 'lunar', month: 8, day: 15 } };
const NATIONAL_DAY: Holiday = { name: '国庆节', rule: { kind: 'solar', month: 10, days: [1, 2, 3] } };

/**
 * Newest last. Before 2008-01-01 no version is modelled: the 2019 条例 applies from 2019-05-15
 * and the calendar data starts in 2019, so those years never count a deadline.
 */
export const HOLIDAY_MEASURES: readonly HolidayMeasures[] = [
  {
    // 国务院令第513号 (2007-12-14): 春节 = 除夕, 正月初一, 初二; 劳动节 1 day; 清明, 端午, 中秋 added.
    from: '2008-01-01',
    basis: '《全国年节及纪念日放假办法》（2007年修订，国务院令第513号）',
    holidays: [
      NEW_YEAR,
      { name: '春节', rule: { kind: 'lunar', month: 1, day: 1, before: 1, after: 1 } },
      QINGMING,
      { name: '劳动节', rule: { kind: 'solar', month: 5, days: [1] } },
      DUANWU,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    // 国务院令第644号 (2013-12-11): 春节 = 正月初一至初三.
    from: '2014-01-01',
    basis: '《全国年节及纪念日放假办法》（2013年修订，国务院令第644号）',
    holidays: [
      NEW_YEAR,
      { name: '春节', rule: { kind: 'lunar', month: 1, day: 1, after: 2 } },
      QINGMING,
      { name: '劳动节', rule: { kind: 'solar', month: 5, days: [1] } },
      DUANWU,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
  {
    // 国务院令第798号 (2024-11-10): 春节 4 days (除夕 to 初三), 劳动节 2 days (5-01, 5-02); 13 days in all.
    from: '2025-01-01',
    basis: '《全国年节及纪念日放假办法》（2024年修订，国务院令第798号）',
    holidays: [
      NEW_YEAR,
      { name: '春节', rule: { kind: 'lunar', month: 1, day: 1, before: 1, after: 2 } },
      QINGMING,
      { name: '劳动节', rule: { kind: 'solar', month: 5, days: [1, 2] } },
      DUANWU,
      MID_AUTUMN,
      NATIONAL_DAY,
    ],
  },
];

export interface StatutoryHoliday {
  date: IsoDate;
  name: string;
  /** The version of the 办法 that fixes it. */
  basis: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days of one holiday in a Gregorian year. Lunar holidays are those of the lunar year starting in it. */
function datesOf(year: number, rule: Rule): IsoDate[] {
  switch (rule.kind) {
    case 'solar':
      return rule.days.map((d) => `${year}-${pad(rule.month)}-${pad(d)}`);
    case 'qingming':
      return [chineseDays.getSolarTermDate(year, 4, 'pure_brightness')];
    case 'lunar': {
      // `.date` is the day in the ordinary (not leap) lunar month.
      const day = chineseDays.getSolarDateFromLunar(`${year}-${pad(rule.month)}-${pad(rule.day)}`).date;
      const out: IsoDate[] = [];
      for (let i = -(rule.before ?? 0); i <= (rule.after ?? 0); i++) out.push(addDays(day, i));
      return out;
    }
  }
}

/** The measures in force on a day, or null before 2008. */
export function holidayMeasuresOn(date: IsoDate): HolidayMeasures | null {
  let found: HolidayMeasures | null = null;
  for (const m of HOLIDAY_MEASURES) if (m.from <= date) found = m;
  return found;
}

const LAST_LUNAR_YEAR = 2100;
const cache = new Map<number, Map<IsoDate, StatutoryHoliday>>();

/**
 * The statutory holidays of a year, by date. Every version takes effect on 1 January and 正月初一
 * is never earlier than 21 January, so the version in force on 1 January decides the whole year.
 */
export function statutoryHolidays(year: number): Map<IsoDate, StatutoryHoliday> {
  const hit = cache.get(year);
  if (hit) return hit;
  const out = new Map<IsoDate, StatutoryHoliday>();
  // The lunar tables of the library end in 2100; later years fall back to weekends only.
  const measures =
    year <= LAST_LUNAR_YEAR ? holidayMeasuresOn(`${String(year).padStart(4, '0')}-01-01`) : null;
  for (const h of measures?.holidays ?? [])
    for (const date of datesOf(year, h.rule)) {
      // 中秋 may fall inside 国庆 (2028-10-03): one rest day, both names.
      const name = out.has(date) ? `${out.get(date)!.name}、${h.name}` : h.name;
      out.set(date, { date, name, basis: measures!.basis });
    }
  cache.set(year, out);
  return out;
}

/** The statutory holiday on `date`, if any. */
export function statutoryHoliday(date: IsoDate): StatutoryHoliday | null {
  return statutoryHolidays(Number(date.slice(0, 4))).get(date) ?? null;
}
