// The one formatter of dates and times for people: every page, the CLI's human output and every
// message goes through here, so a lockout message and the admin page can never disagree about the
// hour. Storage and the API stay in UTC (ISO 8601); people see one time zone, Asia/Shanghai unless
// TIME_ZONE says otherwise (set once at the composition root with setTimeZone()).

export type Lang = 'zh' | 'en';

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

let zone = DEFAULT_TIME_ZONE;
let parts = partsFormatter(zone);

function partsFormatter(tz: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat('en-US', {
    timeZone: tz,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
}

/** True when the IANA zone name is known to this Node (e.g. Asia/Shanghai, UTC). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Sets the zone people see (config TIME_ZONE). Throws on an unknown zone name. */
export function setTimeZone(tz: string): void {
  if (!isTimeZone(tz)) throw new RangeError(`unknown time zone: ${tz}`);
  zone = tz;
  parts = partsFormatter(tz);
}

export function timeZone(): string {
  return zone;
}

type Instant = string | Date;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: Instant): Date {
  return typeof value === 'string' ? new Date(value) : value;
}

/** The wall-clock fields of an instant in the configured zone. */
function wall(value: Instant): { y: number; m: number; d: number; hh: string; mm: string } {
  const p: Record<string, string> = {};
  for (const { type, value: v } of parts.formatToParts(toDate(value))) p[type] = v;
  return {
    y: Number(p.year),
    m: Number(p.month),
    d: Number(p.day),
    hh: p.hour ?? '00',
    mm: p.minute ?? '00',
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar day (YYYY-MM-DD) an instant falls on in the configured zone. */
export function localDate(value: Instant): string {
  const w = wall(value);
  return `${w.y}-${pad(w.m)}-${pad(w.d)}`;
}

/** 09:12 — the wall-clock time of an instant in the configured zone. */
export function formatTime(value: Instant): string {
  const w = wall(value);
  return `${w.hh}:${w.mm}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * 2026年11月28日 (zh) or 28 Nov 2026 (en). A date-only string (YYYY-MM-DD) is a calendar day and is
 * shown as it is; an instant (Date or ISO date-time) is shown as the day it falls on in the zone.
 */
export function formatDate(lang: Lang, value: Instant | null | undefined): string {
  if (!value) return '';
  const iso = typeof value === 'string' && DATE_ONLY.test(value) ? value : localDate(value);
  const [y, m, d] = iso.split('-').map(Number);
  if (lang === 'zh') return `${y}年${m}月${d}日`;
  return `${d} ${MONTHS[(m ?? 1) - 1]} ${y}`;
}

/** 2026年11月28日 09:30 (zh) or 28 Nov 2026 09:30 (en), in the configured zone. */
export function formatDateTime(lang: Lang, value: Instant | null | undefined): string {
  if (!value) return '';
  return `${formatDate(lang, value)} ${formatTime(value)}`;
}

/** 2026-11-28 09:30 — for the CLI's human output and plain-text messages. */
export function formatDateTimePlain(value: Instant): string {
  return `${localDate(value)} ${formatTime(value)}`;
}

/**
 * The instant a calendar day (YYYY-MM-DD) begins in the configured zone, plus `plusDays` days:
 * turns a date filter typed by a person into a range of stored UTC instants.
 */
export function startOfLocalDay(isoDate: string, plusDays = 0): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  const guess = Date.UTC(y!, m! - 1, d! + plusDays);
  // The zone's offset at that moment: wall-clock minus UTC. Two passes settle a DST change.
  let t = guess;
  for (let i = 0; i < 2; i++) {
    const w = wall(new Date(t));
    const asUtc = Date.UTC(w.y, w.m - 1, w.d, Number(w.hh), Number(w.mm));
    t = guess - (asUtc - t);
  }
  return new Date(t);
}
