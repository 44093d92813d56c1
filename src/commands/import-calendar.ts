// Bulk entry of calendar days from a file or pasted text: JSON `[{date, workday, name}]` or CSV
// lines `date,workday,name`. All or nothing: when any line is wrong, every wrong line is reported
// (in Chinese, by line number) and nothing is saved.
import { z } from 'zod';
import { InvalidInput } from '../domain/errors.js';
import { calendarDate, entryName, entryScope, entrySource, parseWorkday } from './calendar-entry-fields.js';
import { authorizeScope, saveDay, type DayValues, type StaffContext } from './calendar-entries.js';
import { inTransaction, type Deps } from './context.js';
import { parseInput } from './validation.js';

export const MAX_IMPORT_LINES = 1000;

export interface ImportInput {
  /** The file's or the textarea's content. */
  text: string;
  /** 'national' or an agency id. */
  scope: string;
  source: string;
}

const ImportForm = z.object({ scope: entryScope, source: entrySource });

type Line = { label: string; date: unknown; workday: unknown; name: unknown };

/** Parses and checks every line; throws InvalidInput { text, 'line.N': … } listing all problems. */
export function parseCalendarImport(text: string): Omit<DayValues, 'source'>[] {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (!body) throw new InvalidInput({ text: '请选择要导入的文件，或粘贴要导入的内容' });
  const lines = body.startsWith('[') ? jsonLines(body) : csvLines(body);
  if (lines.length > MAX_IMPORT_LINES)
    throw new InvalidInput({ text: `一次最多导入 ${MAX_IMPORT_LINES} 行` });
  const errors: Record<string, string> = {};
  const out: Omit<DayValues, 'source'>[] = [];
  const seen = new Map<string, string>();
  lines.forEach((line, i) => {
    const problem = lineProblem(line, seen);
    if (typeof problem === 'string') errors[`line.${i + 1}`] = `${line.label}：${problem}`;
    else out.push(problem);
  });
  if (lines.length === 0) throw new InvalidInput({ text: '没有可导入的日期' });
  const n = Object.keys(errors).length;
  if (n > 0)
    throw new InvalidInput({ text: `导入内容有 ${n} 处错误，未保存任何数据，请改正后重新导入`, ...errors });
  return out;
}

function lineProblem(line: Line, seen: Map<string, string>): string | Omit<DayValues, 'source'> {
  const date = calendarDate.safeParse(line.date);
  if (!date.success) return `${date.error.issues[0]!.message}（${String(line.date ?? '')}）`;
  const workday = parseWorkday(line.workday);
  if (workday === undefined)
    return `“是否上班”应为 true/false、1/0 或 上班/放假（${String(line.workday ?? '')}）`;
  const name = entryName.safeParse(line.name ?? '');
  if (!name.success) return name.error.issues[0]!.message;
  const earlier = seen.get(date.data);
  if (earlier) return `日期 ${date.data} 与${earlier}重复`;
  seen.set(date.data, line.label);
  return { date: date.data, workday, name: name.data };
}

function csvLines(body: string): Line[] {
  const out: Line[] = [];
  body.split(/\r?\n/).forEach((raw, i) => {
    const text = raw.trim();
    if (!text || text.startsWith('#')) return;
    const [date = '', workday = '', ...rest] = text.split(/[,，\t]/);
    if (i === 0 && /^(date|日期)$/i.test(date.trim())) return; // a header line
    out.push({
      label: `第${i + 1}行`,
      date: date.trim(),
      workday: workday.trim(),
      name: rest.join(',').trim(),
    });
  });
  return out;
}

function jsonLines(body: string): Line[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (e) {
    throw new InvalidInput({ text: `内容不是有效的 JSON：${(e as Error).message}` });
  }
  if (!Array.isArray(parsed))
    throw new InvalidInput({
      text: 'JSON 内容应为数组：[{"date": "2026-10-01", "workday": false, "name": "国庆节"}]',
    });
  return parsed.map((item: unknown, i) => {
    const o = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    return { label: `第${i + 1}项`, date: o.date, workday: o.workday, name: o.name };
  });
}

export async function importCalendarEntries(deps: Deps, ctx: StaffContext, input: ImportInput) {
  let form: z.output<typeof ImportForm> | undefined;
  let days: Omit<DayValues, 'source'>[] = [];
  const errors: Record<string, string> = {};
  try {
    form = parseInput(ImportForm, input);
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    Object.assign(errors, e.fieldErrors);
  }
  try {
    days = parseCalendarImport(input.text);
  } catch (e) {
    if (!(e instanceof InvalidInput)) throw e;
    Object.assign(errors, e.fieldErrors);
  }
  if (!form || Object.keys(errors).length > 0) throw new InvalidInput(errors);
  const { scope, source } = form;
  return inTransaction(deps, ctx, async (tx, audit) => {
    await authorizeScope(tx, ctx.actor, scope);
    let replaced = 0;
    for (const d of days)
      if ((await saveDay(tx, ctx.actor, scope, { ...d, source }, deps.now())).before) replaced++;
    await audit({
      action: 'calendar.imported',
      subjectType: 'calendar',
      subjectId: scope === null ? 'national' : String(scope),
      agencyId: scope,
      data: { source, count: days.length, replaced, days },
    });
    return { count: days.length, replaced };
  });
}
