// The GET form of the public deadline calculator: query string → CalculatorInput, or field errors
// in Chinese keyed by the form's field names. Dates may be typed the way people write them:
// 2026-09-28, 2026-9-28, 2026/9/28, 2026.9.28, 2026年9月28日 (full-width digits too).
import { isIsoDate, STATUTE, yearOf } from '../../domain/calendar/index.js';
import type { CalculatorInput } from '../../queries/deadline-calculator.js';

export const PAUSE_SLOTS = [1, 2, 3] as const;
export type CalculatorValues = Record<string, string>;

const FIELDS = [
  'received',
  'corrected',
  'extend',
  'agency',
  ...PAUSE_SLOTS.flatMap((i) => [`p${i}from`, `p${i}to`]),
];
const LAST_YEAR = 2099;
const FIRST_DAY = STATUTE.revisedRegulationInForce;

/** The calculator's fields from the query string (only known fields, trimmed). */
export function calculatorValues(query: unknown): CalculatorValues {
  const q = (query ?? {}) as Record<string, unknown>;
  const out: CalculatorValues = {};
  for (const f of FIELDS) if (typeof q[f] === 'string') out[f] = (q[f] as string).trim().slice(0, 20);
  return out;
}

const DATE_RE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/** 'YYYY-MM-DD' for the common ways of writing a date; anything else is returned as typed. */
export function normalizeDate(typed: string): string {
  const s = typed.normalize('NFKC').trim();
  const m = DATE_RE.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

function dateError(value: string, what: string): string | null {
  if (!isIsoDate(value)) return `${what}应为有效日期，例如 2026-09-30、2026/9/30 或 2026年9月30日`;
  if (value < FIRST_DAY)
    return `${what}早于2019年5月15日：修订后的《政府信息公开条例》自该日起施行，此前收到的申请适用2007年《条例》（15个工作日，可延长15个工作日），本站不计算其期限`;
  if (yearOf(value) > LAST_YEAR) return `${what}应在 ${LAST_YEAR} 年以前`;
  return null;
}

export function parseCalculator(
  v: CalculatorValues,
): { input: CalculatorInput; agency: string | null } | { errors: Record<string, string> } {
  const e: Record<string, string> = {};
  const received = normalizeDate(v.received ?? '');
  if (!received) e.received = '请填写收到申请之日';
  else if (dateError(received, '收到申请之日')) e.received = dateError(received, '收到申请之日')!;
  const corrected = v.corrected ? normalizeDate(v.corrected) : null;
  if (corrected) {
    const err = dateError(corrected, '收到补正申请之日');
    if (err) e.corrected = err;
    else if (!e.received && corrected < received) e.corrected = '收到补正申请之日不能早于收到申请之日';
  }
  const pauses: { from: string; to: string }[] = [];
  for (const i of PAUSE_SLOTS) {
    const from = normalizeDate(v[`p${i}from`] ?? '');
    const to = normalizeDate(v[`p${i}to`] ?? '');
    if (!from && !to) continue;
    const what = (end: string) => `第${i}段暂停的${end}`;
    if (!from) e[`p${i}from`] = `请填写${what('起始日')}`;
    else if (dateError(from, what('起始日'))) e[`p${i}from`] = dateError(from, what('起始日'))!;
    else if (!e.received && from < received) e[`p${i}from`] = `${what('起始日')}不能早于收到申请之日`;
    if (!to) e[`p${i}to`] = `请填写${what('结束日')}`;
    else if (dateError(to, what('结束日'))) e[`p${i}to`] = dateError(to, what('结束日'))!;
    else if (from && !e[`p${i}from`] && to < from) e[`p${i}to`] = `${what('结束日')}不能早于起始日`;
    pauses.push({ from, to });
  }
  let extend: number | null = null;
  if (v.extend) {
    const max = STATUTE.maxExtensionWorkdays;
    const n = v.extend.normalize('NFKC');
    if (!/^\d{1,3}$/.test(n)) e.extend = `延长的工作日数应为 0 至 ${max} 之间的整数`;
    else if (Number(n) > max) e.extend = `延长答复期限最长不得超过${max}个工作日（第三十三条第二款）`;
    else extend = Number(n) || null;
  }
  if (Object.keys(e).length > 0) return { errors: e };
  return { input: { received, corrected, pauses, extend }, agency: v.agency || null };
}
