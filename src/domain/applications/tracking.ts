// The applicant's handles on an application: the tracking number (public, sequential) and the query
// code (secret, random, stored only as a hash). Both tolerate what people type: full-width digits,
// spaces, hyphens, lower case.
import { createHash, randomInt } from 'node:crypto';
import type { IsoDate } from '../calendar/iso-date.js';

const QUERY_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'; // no 0/O, 1/I/L: read aloud and typed by hand

/** 12 characters (≈ 59 bits) as XXXX-XXXX-XXXX. */
export function newQueryCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += QUERY_CODE_ALPHABET[randomInt(QUERY_CODE_ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** What the applicant types: case, spaces and hyphens do not matter. */
export function normaliseQueryCode(code: string): string {
  return code
    .normalize('NFKC')
    .replace(/[\s\-－]/g, '')
    .toUpperCase();
}

export function hashQueryCode(code: string): string {
  return createHash('sha256').update(normaliseQueryCode(code)).digest('hex');
}

/** 2026-0001234: the year of receipt and the application's number. */
export function trackingNumberOf(receivedOn: IsoDate, id: number): string {
  return `${receivedOn.slice(0, 4)}-${String(id).padStart(7, '0')}`;
}

/** How a tracking number may be typed: 2026-0001234, 20260001234, ２０２６－０００１２３４. */
export function normaliseTrackingNumber(raw: string): string {
  const s = raw.normalize('NFKC').replace(/[\s\-－]/g, '');
  return /^\d{11}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4)}` : raw.trim();
}
