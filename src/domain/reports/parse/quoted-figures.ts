// The figures a report quotes in its own text (the phrasings of quote-phrasings.ts): as
// constraints that help settle run-together cells, and as rule C4 when the settled tables say
// otherwise. A quoted figure that no reading of its cells allows is C4 too — never a guess.
import { cellKey, place, type Place } from '../location.js';
import { cellName } from '../names.js';
import type {
  AnnualReport,
  CellConstraint,
  CellRef,
  CellValue,
  ReportFormat,
  Table3,
  Violation,
} from '../types.js';
import { figureValue, QUOTE_PHRASINGS } from './quote-phrasings.js';

type Tables = Pick<AnnualReport, 'format' | 'table2' | 'table3' | 'table4'>;

/** Every figure the text quotes in a phrasing that can mean nothing else, as a cell constraint. */
export function quotedConstraints(text: string, format: ReportFormat): CellConstraint[] {
  const out: CellConstraint[] = [];
  for (const phrasing of QUOTE_PHRASINGS) {
    const m = phrasing.pattern.exec(text);
    if (!m) continue;
    const quote = m[0].replace(/\s+/g, '');
    phrasing.targets(format).forEach((target, i) => {
      const printed = m[i + 1];
      if (!target || printed === undefined) return;
      out.push({ ...target, value: figureValue(printed), basis: { kind: 'quote', quote } });
    });
  }
  return out;
}

/** The value of a cell in the tables, or null when it is missing or not a number. */
export function cellValue(t: Tables, c: CellRef): CellValue {
  if (c.table === 'table2') return t.table2[c.row]?.[c.column] ?? null;
  if (c.table === 'table3') {
    const at = t.table3.columns.indexOf(c.column);
    return t.table3.rows[c.row]?.[at] ?? null;
  }
  const group = t.table4[c.row as 'review' | 'suitDirect' | 'suitAfterReview'];
  return group?.[t.table4.columns.indexOf(c.column)] ?? null;
}

/** Σ plus − Σ minus over the tables, or null when a cell is not a known number. */
export function constraintSide(t: Tables, c: Pick<CellConstraint, 'plus' | 'minus'>): number | null {
  let sum = 0;
  for (const [cells, sign] of [
    [c.plus, 1],
    [c.minus, -1],
  ] as const) {
    for (const cell of cells) {
      const v = cellValue(t, cell);
      if (typeof v !== 'number') return null;
      sum += sign * v;
    }
  }
  return sum;
}

/** Where a constraint's cells are: one cell's place, or the column of several (表四 总计). */
export function constraintPlace(c: Pick<CellConstraint, 'plus' | 'minus'>): Place {
  const cells = [...c.plus, ...c.minus];
  const first = cells[0] as CellRef;
  if (cells.length === 1) {
    if (first.table === 'table2') return place.table2Cell(first.row, first.column);
    if (first.table === 'table3') return place.table3Cell(first.row, first.column);
    return place.table4Cell(first.row, first.column);
  }
  return {
    where: `${first.table} ${cells.map((x) => `${x.row}.${x.column}`).join('+')}`,
    location: { table: first.table, row: null, column: first.column, cells },
  };
}

/** 「表四「未经复议直接起诉」「总计」与表四「复议后起诉」「总计」之和」. */
export function constraintName(format: ReportFormat, c: Pick<CellConstraint, 'plus' | 'minus'>): string {
  const plus = c.plus.map((x) => cellName(format, x)).join('与');
  const minus = c.minus.map((x) => cellName(format, x)).join('、');
  if (c.minus.length > 0) return `${plus}减去${minus}`;
  return c.plus.length > 1 ? `${plus}之和` : plus;
}

/**
 * C4: each quoted figure against the final tables. A figure whose cells are known and add up to
 * something else; or, for one cell left undecided, a figure that none of its readings allows.
 */
export function quoteViolations(
  text: string,
  report: Tables & { violations?: readonly Violation[] },
): Violation[] {
  const out: Violation[] = [];
  for (const c of quotedConstraints(text, report.format)) {
    if (c.basis.kind !== 'quote') continue;
    const quote = c.basis.quote;
    const actual = constraintSide(report, c);
    const name = constraintName(report.format, c);
    if (actual !== null) {
      if (actual === c.value) continue;
      const message = `正文称「${quote}」，${name}却为 ${actual}。`;
      out.push({
        rule: 'C4',
        severity: 'warning',
        ...constraintPlace(c),
        expected: c.value,
        actual,
        message,
      });
      continue;
    }
    const readings =
      c.plus.length === 1 && c.minus.length === 0 ? readingsOf(report, c.plus[0] as CellRef) : null;
    if (!readings || readings.includes(c.value)) continue;
    const message = `正文称「${quote}」，但${name}的各种可能读法（${readings.join('、')}）中没有 ${c.value}。`;
    out.push({
      rule: 'C4',
      severity: 'warning',
      ...constraintPlace(c),
      expected: c.value,
      actual: null,
      message,
    });
  }
  return out;
}

/** The values an undecided cell takes in the candidate readings of its B5 violation, if any. */
function readingsOf(report: { violations?: readonly Violation[] }, cell: CellRef): CellValue[] | null {
  for (const v of report.violations ?? []) {
    if (v.rule !== 'B5' || !v.candidates) continue;
    const at = v.location.cells.findIndex((x) => cellKey(x) === cellKey(cell));
    if (at >= 0) return [...new Set(v.candidates.map((r) => r[at] ?? null))];
  }
  return null;
}

/** @deprecated The table-三 check alone, kept until the reader calls quoteViolations. */
export function quotedFigureViolations(text: string, table3: Table3): Violation[] {
  return quoteViolations(text, { format: '2021', table2: {}, table3, table4: EMPTY_TABLE4 }).filter(
    (v) => v.location.table === 'table3',
  );
}

const EMPTY_TABLE4: Tables['table4'] = { columns: [], review: [], suitDirect: [], suitAfterReview: [] };
