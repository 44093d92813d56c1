// The official holiday arrangements as shipped in the `chinese-days` package (its data file only:
// the package's own API treats a year without data as Mon–Fri, docs/dependencies.md §3). The database copy is
// the one the app uses; this is what the copy is made from, and the CLI's fallback when no
// database is available.
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import pkg from 'chinese-days/package.json' with { type: 'json' };
import {
  buildWorkCalendar,
  calendarDaysFromChineseDays,
  type CalendarDay,
  type ChineseDaysJson,
  type WorkCalendar,
} from '../domain/calendar/index.js';

/** Marks package rows: a national row whose source starts with this was not entered by hand. */
export const PACKAGE_SOURCE_PREFIX = 'chinese-days@';

export interface PackageCalendar {
  /** e.g. 'chinese-days@1.5.7 / 国务院办公厅通知' */
  source: string;
  days: CalendarDay[];
  /** Years whose full arrangement is in the package. */
  years: number[];
}

let cached: PackageCalendar | undefined;

export function packageCalendar(): PackageCalendar {
  if (!cached) {
    const source = `${PACKAGE_SOURCE_PREFIX}${pkg.version} / 国务院办公厅通知`;
    const { days, years } = calendarDaysFromChineseDays(data as ChineseDaysJson, source);
    cached = { source, days, years };
  }
  return cached;
}

/** The national calendar from the package alone (no agency or hand-entered rows). */
export function packageWorkCalendar(): WorkCalendar {
  const { days, years } = packageCalendar();
  return buildWorkCalendar(days, years);
}

export function isPackageSource(source: string): boolean {
  return source.startsWith(PACKAGE_SOURCE_PREFIX);
}

/**
 * The source as people read it: a row copied from the bundled data names the official notices it
 * reproduces, not the package that carries them (the version stays for support questions).
 */
export function sourceForPeople(source: string): string {
  if (!isPackageSource(source)) return source;
  const version = source.slice(PACKAGE_SOURCE_PREFIX.length).split(' ')[0];
  return `国务院办公厅关于部分节假日安排的通知（系统内置数据，第 ${version} 版）`;
}
