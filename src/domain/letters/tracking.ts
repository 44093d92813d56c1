// The writer's handles on a letter: the tracking number (public: mailbox prefix, date, number of the
// day) and the query code (secret, random digits of the mailbox's length, stored only as a hash).
import { createHash, randomInt } from 'node:crypto';
import type { IsoDate } from '../calendar/iso-date.js';

/** Digits a query code may have (a mailbox chooses within). */
export const QUERY_CODE_MIN = 4;
export const QUERY_CODE_MAX = 12;

/** `length` random digits (a mailbox's queryCodeLength; 4 to 12). */
export function newQueryCode(length: number): string {
  const n = Math.min(QUERY_CODE_MAX, Math.max(QUERY_CODE_MIN, Math.trunc(length) || QUERY_CODE_MIN));
  let s = '';
  for (let i = 0; i < n; i++) s += String(randomInt(10));
  return s;
}

/** What the writer types: full-width digits, spaces and hyphens do not matter. */
export function normaliseLetterQueryCode(code: string): string {
  return code
    .normalize('NFKC')
    .replace(/[\s\-－]/g, '')
    .toUpperCase();
}

export function hashLetterQueryCode(code: string): string {
  return createHash('sha256').update(normaliseLetterQueryCode(code)).digest('hex');
}

/** The mailbox code's letters and digits, upper case, at most 6: 'mayor' → 'MAYOR'. */
export function trackingPrefix(mailboxCode: string): string {
  const p = mailboxCode
    .normalize('NFKC')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase()
    .slice(0, 6);
  return p || 'XJ';
}

/** MAYOR2026113000012: prefix, the day of receipt (YYYYMMDD) and the number of the day (5 digits). */
export function letterTrackingNumber(prefix: string, date: IsoDate, n: number): string {
  return `${prefix}${date.replace(/-/g, '')}${String(n).padStart(5, '0')}`;
}

/** How a tracking number may be typed: lower case, spaces, hyphens, full-width characters. */
export function normaliseLetterTrackingNumber(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/[\s\-－]/g, '')
    .toUpperCase();
}
