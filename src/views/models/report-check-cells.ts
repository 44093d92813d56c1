// Which cells of a checked report to flag, and why: a pure function of the findings. A failed sum
// (A1, B1 across a column; B2, B3 along a row) names the cells it adds up. Where a failed row sum
// crosses a failed column sum, the crossing cell is the likely culprit (one wrong figure breaks
// both), and the value that would satisfy both is offered. A sum that crosses nothing flags its
// printed total (A1, which has no single total, flags its four cells).
import { table3Equations } from '../../domain/reports/rules.js';
import { TABLE3_COLUMNS, TABLE3_TOTAL_COLUMN } from '../../domain/reports/table3-schema.js';
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_TOTAL_COLUMN } from '../../domain/reports/table4-schema.js';
import type { CellValue, ParsedReport, Violation } from '../../domain/reports/types.js';

/** "t3|granted|0", "t4|review|4", "t2|fees|delta". */
export type CellId = string;

export const t3Cell = (row: string, col: number): CellId => `t3|${row}|${col}`;
export const t4Cell = (group: string, col: number): CellId => `t4|${group}|${col}`;
export const t2Cell = (row: string, col: string): CellId => `t2|${row}|${col}`;

export interface CellFlag {
  /** Indexes into report.violations of the findings that flag this cell. */
  findings: number[];
  /** Crossing of a failed row sum and a failed column sum: most likely the wrong figure. */
  suspect: boolean;
  /** Only warnings flag it (blank 总计, a figure quoted in the text). */
  warningOnly: boolean;
  /** Distinct values the cell takes in the candidate readings of an ambiguous row. */
  candidates: CellValue[];
}

/** A failed sum: the cells on each side; `expected` = Σ plus side, `actual` = Σ minus side. */
export interface FailedSum {
  finding: number;
  orientation: 'row' | 'column';
  plus: CellId[];
  minus: CellId[];
  total: CellId[];
  expected: number;
  actual: number;
}

export interface Suspect {
  cell: CellId;
  value: CellValue;
  /** The one value that satisfies every failed sum through this cell, if there is one. */
  fix: number | null;
  /** The findings (indexes) of those sums. */
  findings: number[];
}

export interface CellAnalysis {
  flags: Map<CellId, CellFlag>;
  sums: FailedSum[];
  suspects: Suspect[];
}

export function cellValue(r: ParsedReport, id: CellId): CellValue {
  const [t, row = '', col = ''] = id.split('|');
  if (t === 't3') return r.table3.rows[row]?.[Number(col)] ?? null;
  if (t === 't4') return r.table4[row as (typeof TABLE4_GROUPS)[number]]?.[Number(col)] ?? null;
  return r.table2[row]?.[col] ?? null;
}

function failedSum(r: ParsedReport, v: Violation, finding: number): FailedSum | null {
  if (typeof v.expected !== 'number' || typeof v.actual !== 'number') return null;
  const base = { finding, expected: v.expected, actual: v.actual };
  const column = /^table3 column (\w+)$/.exec(v.where);
  if (column && (v.rule === 'A1' || v.rule === 'B1')) {
    const col = TABLE3_COLUMNS.indexOf(column[1] as (typeof TABLE3_COLUMNS)[number]);
    const eq = table3Equations(r.format).find((e) => e.rule === v.rule && e.column === col);
    if (!eq) return null;
    const plus = eq.plus.map((k) => t3Cell(k, col));
    const minus = eq.minus.map((k) => t3Cell(k, col));
    return {
      ...base,
      orientation: 'column',
      plus,
      minus,
      total: v.rule === 'B1' ? minus : [...plus, ...minus],
    };
  }
  const row = /^table3 row ([\w.]+)$/.exec(v.where);
  if (row && v.rule === 'B2') {
    const key = row[1] as string;
    const plus = TABLE3_COLUMNS.slice(0, TABLE3_TOTAL_COLUMN).map((_, i) => t3Cell(key, i));
    const total = [t3Cell(key, TABLE3_TOTAL_COLUMN)];
    return { ...base, orientation: 'row', plus, minus: total, total };
  }
  const group = /^table4 (\w+)$/.exec(v.where);
  if (group && v.rule === 'B3') {
    const g = group[1] as string;
    const plus = TABLE4_COLUMNS.slice(0, TABLE4_TOTAL_COLUMN).map((_, i) => t4Cell(g, i));
    const total = [t4Cell(g, TABLE4_TOTAL_COLUMN)];
    return { ...base, orientation: 'row', plus, minus: total, total };
  }
  return null;
}

/** The value of `cell` that makes `sum` hold, the other cells unchanged. */
function fixFor(sum: FailedSum, cell: CellId, value: number): number {
  const gap = sum.expected - sum.actual;
  return sum.plus.includes(cell) ? value - gap : value + gap;
}

function suspectsOf(r: ParsedReport, sums: FailedSum[]): Suspect[] {
  const out: Suspect[] = [];
  for (const rowSum of sums.filter((s) => s.orientation === 'row')) {
    for (const colSum of sums.filter((s) => s.orientation === 'column')) {
      const cells = [...rowSum.plus, ...rowSum.minus];
      for (const cell of [...colSum.plus, ...colSum.minus].filter((c) => cells.includes(c))) {
        const existing = out.find((s) => s.cell === cell);
        const through = existing ? existing.findings : [];
        for (const f of [rowSum.finding, colSum.finding]) if (!through.includes(f)) through.push(f);
        if (!existing) out.push({ cell, value: cellValue(r, cell), fix: null, findings: through });
      }
    }
  }
  for (const s of out) {
    s.findings.sort((x, y) => x - y);
    if (typeof s.value !== 'number') continue;
    const fixes = new Set(
      sums
        .filter((sum) => s.findings.includes(sum.finding))
        .map((sum) => fixFor(sum, s.cell, s.value as number)),
    );
    const [fix] = [...fixes];
    if (fixes.size === 1 && fix !== undefined && fix >= 0) s.fix = fix;
  }
  return out;
}

/** The cells a finding about one cell, one row or one table names (sums are handled apart). */
function cellsOf(r: ParsedReport, v: Violation): CellId[] {
  let m = /^table3 row ([\w.]+) column (\w+)$/.exec(v.where);
  if (m) return [t3Cell(m[1] as string, TABLE3_COLUMNS.indexOf(m[2] as (typeof TABLE3_COLUMNS)[number]))];
  m = /^table4 (\w+) column (\w+)$/.exec(v.where);
  if (m) return [t4Cell(m[1] as string, TABLE4_COLUMNS.indexOf(m[2] as (typeof TABLE4_COLUMNS)[number]))];
  m = /^table2 (\w+)\.(\w+)$/.exec(v.where);
  if (m) return [t2Cell(m[1] as string, m[2] as string)];
  // An ambiguous row or table: the cells the readings disagree on (they were left blank).
  if (!v.candidates) return [];
  return rowCells(r, v.where).filter((id) => cellValue(r, id) === null);
}

/** The cells of "table3 row K", "table4" or "table2 K", in the order of a candidate reading. */
export function rowCells(r: ParsedReport, where: string): CellId[] {
  let m = /^table3 row ([\w.]+)$/.exec(where);
  if (m) return TABLE3_COLUMNS.map((_, i) => t3Cell(m![1] as string, i));
  if (where === 'table4') return TABLE4_GROUPS.flatMap((g) => TABLE4_COLUMNS.map((_, i) => t4Cell(g, i)));
  m = /^table2 (\w+)$/.exec(where);
  if (m)
    return Object.keys(r.table2[m[1] as string] ?? {})
      .filter((k) => k !== 'label')
      .map((k) => t2Cell(m![1] as string, k));
  return [];
}

function flag(flags: Map<CellId, CellFlag>, cell: CellId, finding: number, v: Violation): CellFlag {
  const f = flags.get(cell) ?? { findings: [], suspect: false, warningOnly: true, candidates: [] };
  if (!f.findings.includes(finding)) f.findings = [...f.findings, finding].sort((x, y) => x - y);
  if (v.severity === 'error') f.warningOnly = false;
  flags.set(cell, f);
  return f;
}

export function analyseCells(r: ParsedReport): CellAnalysis {
  const flags = new Map<CellId, CellFlag>();
  const sums = r.violations.map((v, i) => failedSum(r, v, i)).filter((s): s is FailedSum => s !== null);
  const suspects = suspectsOf(r, sums);
  for (const s of suspects)
    for (const i of s.findings) flag(flags, s.cell, i, r.violations[i] as Violation).suspect = true;
  for (const sum of sums) {
    if (suspects.some((s) => s.findings.includes(sum.finding))) continue;
    for (const cell of sum.total) flag(flags, cell, sum.finding, r.violations[sum.finding] as Violation);
  }
  r.violations.forEach((v, i) => {
    const ids = cellsOf(r, v);
    const order = v.candidates ? rowCells(r, v.where) : [];
    for (const id of ids) {
      const f = flag(flags, id, i, v);
      const at = order.indexOf(id);
      if (at >= 0) f.candidates = [...new Set((v.candidates ?? []).map((c) => c[at] ?? null))];
    }
  });
  return { flags, sums, suspects };
}
