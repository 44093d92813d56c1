// The working-day calendar (工作日). Working days follow the State Council holiday arrangements,
// including 调休 make-up working days on weekends (docs/legal.md §1.9), so the calendar is data:
// official days first, agency overrides after them (later entries win), and a per-year flag that
// says whether official data exists — without it the weekday rule is only a guess (design rule 3).
import { InvalidInput } from '../errors.js';
import { isIsoDate, isWeekend, yearOf, type IsoDate } from './iso-date.js';
import { statutoryHoliday } from './statutory-holidays.js';

/** Why a dated entry exists in the calendar data. */
export const CALENDAR_DAY_KINDS = [
  'holiday', // 法定节假日 (including weekend days inside a holiday block)
  'makeup-workday', // 调休上班日: a weekend day that is a working day
  'closure', // a local closure (停止办公), e.g. typhoon, entered by an agency
  'override', // any other agency correction, e.g. a notice entered before the package has it
] as const;
export type CalendarDayKind = (typeof CALENDAR_DAY_KINDS)[number];

export interface CalendarDay {
  date: IsoDate;
  workday: boolean;
  /** Chinese name shown to users, e.g. 国庆节; null when there is nothing to add. */
  name: string | null;
  kind: CalendarDayKind;
  /** Where the entry comes from, e.g. 'chinese-days@1.5.7' or the agency notice's number. */
  source: string;
}

/** What a day is and why: the kind is 'weekday'/'weekend' when no entry exists for the date. */
export interface DayInfo {
  date: IsoDate;
  workday: boolean;
  kind: 'weekday' | 'weekend' | CalendarDayKind;
  name: string | null;
  source: string | null;
  /** Whether the year of this date has official holiday data (otherwise Mon–Fri is a guess). */
  official: boolean;
  /** Chinese reason, e.g. 周末, 国庆节, 调休上班日（国庆节）. */
  reason: string;
}

export interface WorkCalendar {
  isWorkday(date: IsoDate): boolean;
  dayInfo(date: IsoDate): DayInfo;
  hasOfficialData(year: number): boolean;
  /** Years with official data, ascending. */
  readonly officialYears: readonly number[];
}

export function buildWorkCalendar(
  days: readonly CalendarDay[],
  officialYears: readonly number[],
): WorkCalendar {
  const fieldErrors: Record<string, string> = {};
  const byDate = new Map<IsoDate, CalendarDay>();
  days.forEach((day, i) => {
    const problem = dayProblem(day);
    if (problem) fieldErrors[`days.${i}`] = problem;
    else byDate.set(day.date, day); // later entries (agency overrides) replace earlier ones
  });
  officialYears.forEach((y, i) => {
    if (!Number.isInteger(y)) fieldErrors[`officialYears.${i}`] = `年份「${y}」无效`;
  });
  if (Object.keys(fieldErrors).length > 0) throw new InvalidInput(fieldErrors, '日历数据有误');
  const years = new Set(officialYears);
  const sortedYears = [...years].sort((a, b) => a - b);

  const dayInfo = (date: IsoDate): DayInfo => describeDay(date, byDate.get(date), years.has(yearOf(date)));
  return {
    isWorkday: (date) => dayInfo(date).workday,
    dayInfo,
    hasOfficialData: (year) => years.has(year),
    officialYears: sortedYears,
  };
}

/** Kinds whose meaning fixes the working-day flag; only 'override' may say either. */
const WORKDAY_BY_KIND: Partial<Record<CalendarDayKind, boolean>> = {
  holiday: false,
  'makeup-workday': true,
  closure: false,
};

function dayProblem(day: CalendarDay): string | null {
  if (!isIsoDate(day.date)) return `日历日期「${day.date}」无效`;
  if (!(CALENDAR_DAY_KINDS as readonly string[]).includes(day.kind))
    return `${day.date}：类型「${day.kind}」无效`;
  const expected = WORKDAY_BY_KIND[day.kind];
  if (expected !== undefined && expected !== day.workday) {
    return `${day.date}：${expected ? '调休上班日必须是工作日' : '节假日或停止办公日不能是工作日'}`;
  }
  return null;
}

function describeDay(date: IsoDate, entry: CalendarDay | undefined, official: boolean): DayInfo {
  // A year without its notice still has the holidays the 办法 fixes (only 调休 is unknown).
  const fixed = !entry && !official ? statutoryHoliday(date) : null;
  if (fixed) {
    const reason = `${fixed.name}（${fixed.basis}规定的法定节假日）`;
    return { date, workday: false, kind: 'holiday', name: fixed.name, source: fixed.basis, official, reason };
  }
  if (!entry) {
    const weekend = isWeekend(date);
    const kind = weekend ? 'weekend' : 'weekday';
    return {
      date,
      workday: !weekend,
      kind,
      name: null,
      source: null,
      official,
      reason: weekend ? '周末' : '工作日',
    };
  }
  const { workday, kind, name, source } = entry;
  return { date, workday, kind, name, source, official, reason: entryReason(entry) };
}

function entryReason(entry: CalendarDay): string {
  switch (entry.kind) {
    case 'holiday':
      return entry.name ?? '法定节假日';
    case 'makeup-workday':
      return entry.name ? `调休上班日（${entry.name}）` : '调休上班日';
    case 'closure':
      return `${entry.name ?? '停止办公'}（依据：${entry.source}）`;
    case 'override': {
      const fallback = entry.workday ? '调整为工作日' : '调整为休息日';
      return `${entry.name ?? fallback}（依据：${entry.source}）`;
    }
  }
}
