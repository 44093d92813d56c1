// The GET form of the public deadline calculator: query string → CalculatorInput, or field errors
// in Chinese keyed by the form's field names.
import { FIRST_CALENDAR_YEAR, isIsoDate, STATUTE, yearOf } from '../../domain/calendar/index.js';
import type { CalculatorInput } from '../../queries/deadline-calculator.js';

export const PAUSE_SLOTS = [1, 2, 3] as const;
export type CalculatorValues = Record<string, string>;

const FIELDS = ['received', 'corrected', 'extend', ...PAUSE_SLOTS.flatMap((i) => [`p${i}from`, `p${i}to`])];
const LAST_YEAR = 2099;

/** The calculator's fields from the query string (only known fields, trimmed). */
export function calculatorValues(query: unknown): CalculatorValues {
  const q = (query ?? {}) as Record<string, unknown>;
  const out: CalculatorValues = {};
  for (const f of FIELDS) if (typeof q[f] === 'string') out[f] = (q[f] as string).trim().slice(0, 20);
  return out;
}

function dateError(value: string, what: string): string | null {
  if (!isIsoDate(value)) return `${what}应为有效日期，格式为 YYYY-MM-DD，例如 2026-09-30`;
  if (yearOf(value) < FIRST_CALENDAR_YEAR || yearOf(value) > LAST_YEAR)
    return `${what}应在 ${FIRST_CALENDAR_YEAR} 年至 ${LAST_YEAR} 年之间`;
  return null;
}

export function parseCalculator(
  v: CalculatorValues,
): { input: CalculatorInput } | { errors: Record<string, string> } {
  const e: Record<string, string> = {};
  const received = v.received ?? '';
  if (!received) e.received = '请填写收到申请之日';
  else if (dateError(received, '收到申请之日')) e.received = dateError(received, '收到申请之日')!;
  const corrected = v.corrected || null;
  if (corrected) {
    const err = dateError(corrected, '收到补正申请之日');
    if (err) e.corrected = err;
    else if (!e.received && corrected < received) e.corrected = '收到补正申请之日不能早于收到申请之日';
  }
  const pauses: { from: string; to: string }[] = [];
  for (const i of PAUSE_SLOTS) {
    const from = v[`p${i}from`] ?? '';
    const to = v[`p${i}to`] ?? '';
    if (!from && !to) continue;
    if (!from) e[`p${i}from`] = `请填写第${i}段暂停的起始日`;
    else if (dateError(from, `第${i}段暂停的起始日`))
      e[`p${i}from`] = dateError(from, `第${i}段暂停的起始日`)!;
    if (!to) e[`p${i}to`] = `请填写第${i}段暂停的结束日`;
    else if (dateError(to, `第${i}段暂停的结束日`)) e[`p${i}to`] = dateError(to, `第${i}段暂停的结束日`)!;
    else if (from && !e[`p${i}from`] && to < from) e[`p${i}to`] = `第${i}段暂停的结束日不能早于起始日`;
    pauses.push({ from, to });
  }
  let extend: number | null = null;
  if (v.extend) {
    const max = STATUTE.maxExtensionWorkdays;
    if (!/^\d{1,3}$/.test(v.extend)) e.extend = `延长的工作日数应为 0 至 ${max} 之间的整数`;
    else if (Number(v.extend) > max) e.extend = `延长答复期限最长不得超过${max}个工作日（第三十三条第二款）`;
    else extend = Number(v.extend) || null;
  }
  if (Object.keys(e).length > 0) return { errors: e };
  return { input: { received, corrected, pauses, extend } };
}
