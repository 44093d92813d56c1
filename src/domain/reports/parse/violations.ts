// What the reader reports about cells it could not settle (rule B5), and how several possible
// readings become one row: cells on which all readings agree are kept, the others are null.
import type { Place } from '../location.js';
import type { CellValue, Violation } from '../types.js';

export interface TableReading<T> {
  table: T;
  /** B5 violations of the reader (ambiguous or unreadable cells). */
  violations: Violation[];
  /** "table3", "table3.granted", … */
  missing: string[];
  /** Anything at all was printed under the table's labels. */
  hasData: boolean;
}

export function mergeReadings<T extends CellValue>(readings: readonly T[][]): T[] {
  const first = readings[0] ?? [];
  return first.map((value, i) => (readings.every((r) => r[i] === value) ? value : (null as T)));
}

const SHOWN = 6;

function listReadings(readings: readonly CellValue[][]): string {
  const shown = readings.slice(0, SHOWN).map((r) => r.map((v) => (v === null ? '空' : String(v))).join('/'));
  return shown.join('；') + (readings.length > SHOWN ? `；等共 ${readings.length} 种` : '');
}

/** several: more than one reading satisfies every rule; unconstrained: no rule applies (表二). */
export type AmbiguityCause = 'several' | 'unconstrained' | 'none-consistent' | 'too-many';

/** `at` names the row or table, and the cells of each reading in order (`location.cells`). */
export function ambiguityViolation(
  at: Place,
  what: string,
  readings: CellValue[][],
  cause: AmbiguityCause,
): Violation {
  const head = `${what}的单元格无法逐一对应（数字连写或空白单元格被省略）`;
  const list = listReadings(readings);
  const body: Record<AmbiguityCause, string> = {
    several: `，有 ${readings.length} 种读法都满足全部勾稽关系，无法唯一确定：${list}。`,
    unconstrained: `，且该表没有可用于核对的合计关系，有 ${readings.length} 种读法：${list}。`,
    'none-consistent': `，没有一种读法能同时满足全部勾稽关系（表格可能填报有误），可能的读法：${list}。`,
    'too-many': `，可能的读法过多，无法确定。`,
  };
  return { rule: 'B5', severity: 'error', ...at, message: head + body[cause], candidates: readings };
}

export function unreadableViolation(at: Place, what: string, reason: string): Violation {
  return { rule: 'B5', severity: 'error', ...at, message: `${what}无法读取：${reason}。` };
}
