// What the reader hands to the settling step (settle.ts): every printed row with all the
// readings its own text allows, before any rule tying rows together has been applied.
import type { CellRef, CellValue, LooseLabel, TableId, Violation } from '../types.js';
import type { Span } from './normalize.js';

export interface RowVar {
  /** `${table}:${row}`; table 四 is one row `table4:table4` of 15 cells. */
  id: string;
  table: TableId;
  row: string;
  /** The cell each position of a reading stands for. */
  cells: CellRef[];
  /** Every reading the row's own text allows (several when cell boundaries were lost). */
  candidates: CellValue[][];
  /** The rule the row's own split used (B2 along a table-三 row, B3 in table 四), or null. */
  split: 'B2' | 'B3' | null;
  /** Readings that ignore whitespace inside the digit run, tried when no rule holds otherwise. */
  loose?: () => CellValue[][];
}

export interface TableRows {
  vars: RowVar[];
  /** B5 violations of rows that could not be read at all. */
  violations: Violation[];
  missing: string[];
  /** Anything at all was printed under the table's labels. */
  hasData: boolean;
  looseLabels: LooseLabel[];
}

export const rowId = (table: TableId, row: string): string => `${table}:${row}`;

/** Labels matched loosely (the span carries the printed text, issue 11 item 8). */
export function looseLabelsOf(
  table: TableId,
  spans: readonly (Span | null)[],
  rows: readonly { key: string | null; label: string }[],
): LooseLabel[] {
  const out: LooseLabel[] = [];
  spans.forEach((span, i) => {
    const printed = span?.loose;
    const row = rows[i];
    if (printed === undefined || !row?.key) return;
    out.push({ table, row: row.key, printed, label: row.label });
  });
  return out;
}
