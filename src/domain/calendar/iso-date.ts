// Calendar dates as 'YYYY-MM-DD' strings. Statutory periods count whole days, never instants, so all
// arithmetic goes through UTC day numbers: no local time zone, no daylight-saving surprises.
import { InvalidInput } from '../errors.js';

/** A calendar date 'YYYY-MM-DD' (no time, no zone). Validate untrusted input with `parseIsoDate`. */
export type IsoDate = string;

const MS_PER_DAY = 86_400_000;
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date in 'YYYY-MM-DD' form (rejects 2026-02-30). */
export function isIsoDate(value: string): boolean {
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Returns the value as an IsoDate or throws InvalidInput keyed by `field`. */
export function parseIsoDate(value: string, field = 'date'): IsoDate {
  if (!isIsoDate(value)) {
    throw new InvalidInput({ [field]: `日期「${value}」无效，应为 YYYY-MM-DD 格式的日期` });
  }
  return value;
}

/** Days since 1970-01-01 (UTC). */
export function toDayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(n: number): IsoDate {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Whole days from `a` to `b` (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/**
 * Adds calendar months; when the target month is shorter the last day of that month is used
 * (a period of months ends on the corresponding day, or on the month's last day if there is none).
 */
export function addMonths(date: IsoDate, n: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = y * 12 + (m - 1) + n;
  const ty = Math.floor(monthIndex / 12);
  const tm = monthIndex - ty * 12;
  const lastDay = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate(); // day 0 = last day of month tm
  const day = Math.min(d, lastDay);
  return `${String(ty).padStart(4, '0')}-${String(tm + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return (((toDayNumber(date) + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** -1, 0 or 1; valid IsoDates order lexically. */
export function compareIso(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxIso(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((m, d) => (d > m ? d : m), first);
}

export function minIso(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((m, d) => (d < m ? d : m), first);
}
