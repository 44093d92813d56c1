// A year of the working-day calendar as data for the public page (12 month grids, Monday first)
// and for the iCalendar export (runs of holidays and make-up working days). Pure.
import { addDays, weekday, type DayInfo, type IsoDate, type WorkCalendar } from '../domain/calendar/index.js';
import { isPackageSource } from './official-calendar-package.js';

export type CellKind =
  | 'workday' // 工作日
  | 'weekend' // 休息日 (周末)
  | 'holiday' // 法定节假日
  | 'makeup' // 调休上班日
  | 'other-rest' // a rest day set by another entry (closure, correction)
  | 'other-work'; // a working day set by a correction

export interface CalendarCell {
  date: IsoDate;
  day: number;
  kind: CellKind;
  /** The holiday (or entry) name, e.g. 国庆节. */
  name: string | null;
  /** Full Chinese label, e.g. 法定节假日（国庆节）, 调休上班日（国庆节）, 工作日. */
  label: string;
}

export interface CalendarMonth {
  month: number;
  /** Weeks Monday to Sunday; null pads the days of other months. */
  weeks: (CalendarCell | null)[][];
}

export interface CalendarYearView {
  year: number;
  official: boolean;
  months: CalendarMonth[];
  workdays: number;
}

function cellKind(info: DayInfo): CellKind {
  switch (info.kind) {
    case 'weekday':
      return 'workday';
    case 'weekend':
      return 'weekend';
    case 'holiday':
      return 'holiday';
    case 'makeup-workday':
      return 'makeup';
    default:
      return info.workday ? 'other-work' : 'other-rest';
  }
}

const LABEL: Record<CellKind, (name: string | null) => string> = {
  workday: () => '工作日',
  weekend: () => '休息日',
  holiday: (n) => `法定节假日（${n ?? '节假日'}）`,
  makeup: (n) => (n ? `调休上班日（${n}）` : '调休上班日'),
  'other-rest': (n) => (n ? `休息日（${n}）` : '休息日'),
  'other-work': (n) => (n ? `工作日（${n}）` : '工作日'),
};

export function calendarCell(cal: WorkCalendar, date: IsoDate): CalendarCell {
  const info = cal.dayInfo(date);
  const kind = cellKind(info);
  return { date, day: Number(date.slice(8)), kind, name: info.name, label: LABEL[kind](info.name) };
}

function daysOfYear(year: number): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = `${String(year).padStart(4, '0')}-01-01`; Number(d.slice(0, 4)) === year; d = addDays(d, 1))
    out.push(d);
  return out;
}

export function calendarYearView(cal: WorkCalendar, year: number): CalendarYearView {
  const cells = daysOfYear(year).map((d) => calendarCell(cal, d));
  const months: CalendarMonth[] = [];
  for (let m = 1; m <= 12; m++) {
    const days = cells.filter((c) => Number(c.date.slice(5, 7)) === m);
    const weeks: (CalendarCell | null)[][] = [];
    let week: (CalendarCell | null)[] = Array<null>((weekday(days[0]!.date) + 6) % 7).fill(null);
    for (const c of days) {
      week.push(c);
      if (week.length === 7) {
        weeks.push(week);
        week = [];
      }
    }
    if (week.length > 0) weeks.push([...week, ...Array<null>(7 - week.length).fill(null)]);
    months.push({ month: m, weeks });
  }
  return {
    year,
    official: cal.hasOfficialData(year),
    months,
    workdays: cells.filter((c) => c.kind === 'workday' || c.kind === 'makeup' || c.kind === 'other-work')
      .length,
  };
}

/** A run of consecutive days of one entry (e.g. 国庆节 10-01..10-07), for the iCalendar export. */
export interface CalendarEvent {
  from: IsoDate;
  to: IsoDate;
  kind: CellKind;
  name: string | null;
  label: string;
  source: string | null;
}

/**
 * The source as people should read it: the official notice, never the data package it was copied
 * from. 元旦 days in late December belong to the next year's notice.
 */
export function publicSource(source: string | null, date: IsoDate, name: string | null): string | null {
  if (source === null || !isPackageSource(source)) return source;
  const year = Number(date.slice(0, 4)) + (date.slice(5, 7) === '12' && name === '元旦' ? 1 : 0);
  return `国务院办公厅关于${year}年部分节假日安排的通知`;
}

export function calendarYearEvents(cal: WorkCalendar, year: number): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  for (const date of daysOfYear(year)) {
    const info = cal.dayInfo(date);
    const kind = cellKind(info);
    if (kind === 'workday' || kind === 'weekend') continue;
    const last = events.at(-1);
    if (last && last.kind === kind && last.name === info.name && addDays(last.to, 1) === date) last.to = date;
    else
      events.push({
        from: date,
        to: date,
        kind,
        name: info.name,
        label: LABEL[kind](info.name),
        source: publicSource(info.source, date, info.name),
      });
  }
  return events;
}
