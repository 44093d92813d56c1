// The fields of one calendar entry, shared by the form (add) and the import, and the rule that
// turns "上班/放假" into a CalendarDayKind.
import { z } from 'zod';
import {
  FIRST_CALENDAR_YEAR,
  isIsoDate,
  isWeekend,
  yearOf,
  type CalendarDayKind,
} from '../domain/calendar/index.js';

export const LAST_CALENDAR_YEAR = 2099;

export const calendarDate = z
  .string({ error: '请填写日期' })
  .trim()
  .min(1, '请填写日期')
  .refine(isIsoDate, '日期无效，应为 YYYY-MM-DD 格式的日期，例如 2026-10-01')
  .refine(
    (d) => yearOf(d) >= FIRST_CALENDAR_YEAR && yearOf(d) <= LAST_CALENDAR_YEAR,
    `日期应在 ${FIRST_CALENDAR_YEAR} 年至 ${LAST_CALENDAR_YEAR} 年之间`,
  );

export const entryName = z
  .string({ error: '请填写名称' })
  .trim()
  .min(1, '请填写名称，例如“国庆节”或“台风停止办公”')
  .max(40, '名称不能超过 40 个字符');

export const entrySource = z
  .string({ error: '请填写依据' })
  .trim()
  .min(1, '请填写依据，例如通知的标题和文号')
  .max(200, '依据不能超过 200 个字符');

/** '' → error; 'national' → null (a State Council arrangement); otherwise an agency id. */
export const entryScope = z
  .string({ error: '请选择适用范围' })
  .trim()
  .min(1, '请选择适用范围')
  .refine((v) => v === 'national' || /^\d+$/.test(v), '请选择适用范围')
  .transform((v) => (v === 'national' ? null : Number(v)));

/**
 * National: a day off is a 法定节假日, a weekend working day a 调休上班日. For an agency: a day off is
 * a local closure (停止办公); a working day is any other correction.
 */
export function entryKind(date: string, workday: boolean, national: boolean): CalendarDayKind {
  if (!workday) return national ? 'holiday' : 'closure';
  return national && isWeekend(date) ? 'makeup-workday' : 'override';
}

const WORK_WORDS = new Map<string, boolean>([
  ['true', true],
  ['1', true],
  ['上班', true],
  ['工作日', true],
  ['work', true],
  ['false', false],
  ['0', false],
  ['放假', false],
  ['休息日', false],
  ['rest', false],
]);

/** The form's and the CSV's 上班/放假 values; undefined when unrecognised. */
export function parseWorkday(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  return WORK_WORDS.get(value.trim().toLowerCase());
}
