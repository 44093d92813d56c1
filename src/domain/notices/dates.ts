// Dates as Chinese official documents write them: 2026年11月30日 in the body, and the upper-case
// 二〇二六年十一月三十日 that many agencies still use under the signature.
import { parseIsoDate, type IsoDate } from '../calendar/iso-date.js';

/** 2026-11-30 → 2026年11月30日 (no leading zeros). */
export function chineseDate(date: IsoDate): string {
  parseIsoDate(date);
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** 1–31 in words: 一, 十, 十一, 二十, 二十一, 三十一. */
function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${units === 0 ? '' : DIGITS[units]}`;
}

/** 2026-11-30 → 二〇二六年十一月三十日: the year digit by digit (〇 for zero), month and day in words. */
export function chineseUpperDate(date: IsoDate): string {
  parseIsoDate(date);
  const [y, m, d] = date.split('-') as [string, string, string];
  const year = [...y].map((c) => DIGITS[Number(c)]).join('');
  return `${year}年${smallNumber(Number(m))}月${smallNumber(Number(d))}日`;
}
