// Which cell is most likely wrong, and what it should be. A failed sum along a row (B2, B3) and a
// failed sum down a column (A1, B1) that share a cell are both explained by one wrong figure in
// that cell: it is the suspect. When one value makes every failed sum through it hold, that value
// is the fix. Works on the violations' locations (data), never on their messages.
import { cellKey, sameCell } from './location.js';
import { cellName } from './names.js';
import type { AnnualReport, CellRef, CellValue, RuleId, Suspect, Violation } from './types.js';

type Report = Pick<AnnualReport, 'format' | 'table2' | 'table3' | 'table4' | 'violations'>;

export function cellValue(r: Pick<AnnualReport, 'table2' | 'table3' | 'table4'>, c: CellRef): CellValue {
  if (c.table === 'table2') return r.table2[c.row]?.[c.column] ?? null;
  if (c.table === 'table3') return r.table3.rows[c.row]?.[r.table3.columns.indexOf(c.column)] ?? null;
  const group = r.table4[c.row as 'review' | 'suitDirect' | 'suitAfterReview'];
  return group?.[r.table4.columns.indexOf(c.column)] ?? null;
}

/** A failed sum of this report: `expected` = Σ plus side, `actual` = Σ minus side. */
export interface FailedSum {
  violation: number;
  rule: RuleId;
  /** row: B2, B3 (along a row); column: A1, B1 (down a table-三 column). */
  orientation: 'row' | 'column';
  plus: CellRef[];
  minus: CellRef[];
  expected: number;
  actual: number;
}

export function failedSums(violations: readonly Violation[]): FailedSum[] {
  return violations.flatMap((v, i) => {
    const sum = v.location?.sum;
    if (!sum || typeof v.expected !== 'number' || typeof v.actual !== 'number') return [];
    const orientation = v.location.row === null ? ('column' as const) : ('row' as const);
    return [{ violation: i, rule: v.rule, orientation, ...sum, expected: v.expected, actual: v.actual }];
  });
}

const has = (cells: readonly CellRef[], c: CellRef) => cells.some((x) => sameCell(x, c));

/** The value of `cell` that makes `sum` hold, the other cells unchanged. */
function fixFor(sum: FailedSum, cell: CellRef, value: number): number {
  const gap = sum.expected - sum.actual;
  return has(sum.plus, cell) ? value - gap : value + gap;
}

/** The suspects of a checked report, in the order their crossings are found. */
export function suspectCells(r: Report): Suspect[] {
  const sums = failedSums(r.violations);
  const found = new Map<string, { cell: CellRef; through: number[] }>();
  for (const row of sums.filter((s) => s.orientation === 'row')) {
    for (const column of sums.filter((s) => s.orientation === 'column')) {
      const rowCells = [...row.plus, ...row.minus];
      for (const cell of [...column.plus, ...column.minus].filter((c) => has(rowCells, c))) {
        const entry = found.get(cellKey(cell)) ?? { cell, through: [] };
        for (const i of [row.violation, column.violation])
          if (!entry.through.includes(i)) entry.through.push(i);
        found.set(cellKey(cell), entry);
      }
    }
  }
  return [...found.values()].map(({ cell, through }) => {
    const violations = [...through].sort((a, b) => a - b);
    const value = cellValue(r, cell);
    const rules = violations.map((i) => (r.violations[i] as Violation).rule);
    let fix: number | null = null;
    if (typeof value === 'number') {
      const fixes = new Set(
        sums.filter((s) => violations.includes(s.violation)).map((s) => fixFor(s, cell, value)),
      );
      const [only] = [...fixes];
      if (fixes.size === 1 && only !== undefined && only >= 0) fix = only;
    }
    return { cell, value, fix, violations, rules, message: suspectMessage(r, cell, value, fix, rules) };
  });
}

function suspectMessage(
  r: Report,
  cell: CellRef,
  value: CellValue,
  fix: number | null,
  rules: RuleId[],
): string {
  const printed = value === null ? '空白' : `填报 ${value}`;
  const then =
    fix === null ? '' : `：若改为 ${fix}，${rules.join('、')} ${rules.length > 1 ? '均' : '即'}成立`;
  return `最可能填错的是${cellName(r.format, cell)}（${printed}）${then}。`;
}

/** A cell that some violations name, for the tables that people read (the page, the CLI). */
export interface CellMark {
  cell: CellRef;
  /** Indexes into `violations`, ascending. */
  violations: number[];
  /** One of `suspects`: most likely the wrong figure. */
  suspect: boolean;
}

/**
 * The cells to mark, and by which violations: a suspect for the sums through it; a failed sum that
 * crosses no other marks its printed total (A1, which has no single total, its four cells); any
 * other violation its own cells (a candidate reading: only the cells the readings disagree on).
 */
export function cellMarks(r: Report & { suspects: readonly Suspect[] }): Map<string, CellMark> {
  const marks = new Map<string, CellMark>();
  const mark = (cell: CellRef, violation: number, suspect = false) => {
    const m = marks.get(cellKey(cell)) ?? { cell, violations: [], suspect: false };
    if (!m.violations.includes(violation)) m.violations = [...m.violations, violation].sort((a, b) => a - b);
    m.suspect ||= suspect;
    marks.set(cellKey(cell), m);
  };
  for (const s of r.suspects) for (const i of s.violations) mark(s.cell, i, true);
  r.violations.forEach((v, i) => {
    const sum = v.location?.sum;
    if (sum) {
      if (r.suspects.some((s) => s.violations.includes(i))) return;
      for (const cell of v.rule === 'A1' ? [...sum.plus, ...sum.minus] : sum.minus) mark(cell, i);
      return;
    }
    const cells = v.location?.cells ?? [];
    for (const cell of v.candidates ? cells.filter((c) => cellValue(r, c) === null) : cells) mark(cell, i);
  });
  return marks;
}
