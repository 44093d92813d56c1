// Test support: complete, valid report tables built from their free cells (the applicant cells of
// the outcome rows, 上年结转 and 结转下年度), so that A1, B1, B2 and B3 hold by construction.
import { emptyTable2, emptyTable3, emptyTable4 } from '../../shape.js';
import { table2Rows } from '../../table2-schema.js';
import { TABLE3_LINES } from '../../table3-schema.js';
import { TABLE4_GROUPS } from '../../table4-schema.js';
import type { CellValue, ReportFormat } from '../../types.js';
import type { Tables } from './table-grid.js';

export interface FreeCells {
  format: ReportFormat;
  /** Six applicant cells per outcome row key. */
  outcomes: Record<string, number[]>;
  carriedOver: number[];
  carriedForward: number[];
  /** Four cells per table-四 group (upheld, corrected, other, pending). */
  appeals: [number[], number[], number[]];
  /** Values in column order per table-二 row key. */
  table2: Record<string, CellValue[]>;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const withTotal = (six: readonly number[]) => [...six, sum(six)];

export function outcomeKeys(format: ReportFormat): string[] {
  return TABLE3_LINES[format].filter((l) => l.role === 'outcome').map((l) => l.key as string);
}

export function buildTables(free: FreeCells): Tables {
  const table3 = emptyTable3(free.format);
  const keys = outcomeKeys(free.format);
  const columnTotals = [0, 1, 2, 3, 4, 5].map((c) => sum(keys.map((k) => free.outcomes[k]?.[c] ?? 0)));
  for (const key of keys) table3.rows[key] = withTotal(free.outcomes[key] ?? [0, 0, 0, 0, 0, 0]);
  table3.rows['total'] = withTotal(columnTotals);
  // A1: newReceived = total + carriedForward − carriedOver, per column.
  const carriedOver = columnTotals.map((t, c) =>
    Math.min(free.carriedOver[c] ?? 0, t + (free.carriedForward[c] ?? 0)),
  );
  table3.rows['carriedOver'] = withTotal(carriedOver);
  table3.rows['carriedForward'] = withTotal(free.carriedForward);
  table3.rows['newReceived'] = withTotal(
    columnTotals.map((t, c) => t + (free.carriedForward[c] ?? 0) - (carriedOver[c] as number)),
  );
  table3.rows = Object.fromEntries(
    Object.keys(emptyTable3(free.format).rows).map((k) => [k, table3.rows[k] ?? []]),
  );
  const table4 = emptyTable4();
  TABLE4_GROUPS.forEach((g, i) => (table4[g] = withTotal(free.appeals[i] ?? [0, 0, 0, 0])));
  const table2 = emptyTable2(free.format);
  for (const row of table2Rows(free.format)) {
    row.columns.forEach(
      (col, i) => ((table2[row.key] as Record<string, CellValue>)[col.key] = free.table2[row.key]?.[i] ?? 0),
    );
  }
  return { format: free.format, table2, table3, table4 };
}

/** The figures of the Suzhou 2020 fixture (2019 试行 format). */
export const SUZHOU_2020: Tables = buildTables({
  format: '2019',
  outcomes: {
    granted: [1043, 55, 8, 1, 24, 2],
    partial: [243, 10, 1, 0, 7, 0],
    'denied.stateSecret': [2, 0, 0, 0, 0, 0],
    'denied.lawForbidden': [7, 0, 0, 0, 0, 0],
    'denied.threeSecurityOneStability': [0, 0, 0, 0, 0, 0],
    'denied.thirdParty': [15, 0, 1, 0, 0, 0],
    'denied.internalAffairs': [14, 1, 0, 0, 0, 0],
    'denied.process': [14, 0, 0, 0, 0, 0],
    'denied.enforcementFile': [10, 0, 0, 0, 0, 0],
    'denied.adminQuery': [29, 3, 0, 0, 0, 0],
    'unable.notHeld': [875, 39, 0, 0, 8, 1],
    'unable.needsCreation': [75, 2, 0, 0, 0, 0],
    'unable.unclearAfterCorrection': [28, 0, 0, 0, 0, 0],
    'notProcessed.petition': [41, 0, 0, 0, 0, 0],
    'notProcessed.repeat': [44, 0, 0, 0, 0, 0],
    'notProcessed.confirmOrReissue': [2, 0, 0, 0, 0, 0],
    other: [200, 9, 0, 0, 0, 0],
  },
  carriedOver: [78, 6, 0, 0, 0, 0],
  carriedForward: [96, 7, 0, 0, 0, 0],
  appeals: [
    [64, 13, 13, 11],
    [38, 6, 13, 22],
    [34, 2, 2, 9],
  ],
  table2: {
    regulations: [1, 1, 28],
    normativeDocuments: [266, 263, 2899],
    licensing: [285, 0, 8087315],
    otherServices: [699, -29, 10569008],
    penalty: [5921, 5, 3677828],
    coercion: [277, 4, 71623],
    fees: [36, 0],
    procurement: [1885, '594417.23万元'],
  },
});

/** A made-up 2021-format report with every 2021 row in use. */
export const SAMPLE_2021: Tables = buildTables({
  format: '2021',
  outcomes: {
    granted: [120, 15, 2, 0, 3, 1],
    partial: [30, 4, 0, 0, 1, 0],
    'denied.stateSecret': [1, 0, 0, 0, 0, 0],
    'denied.lawForbidden': [2, 0, 0, 0, 0, 0],
    'denied.thirdParty': [5, 1, 0, 0, 0, 0],
    'denied.internalAffairs': [3, 0, 0, 0, 0, 0],
    'denied.process': [6, 1, 0, 0, 0, 0],
    'denied.enforcementFile': [2, 0, 0, 0, 0, 0],
    'denied.adminQuery': [4, 0, 0, 0, 0, 0],
    'unable.notHeld': [60, 8, 1, 0, 2, 0],
    'unable.needsCreation': [12, 2, 0, 0, 0, 0],
    'unable.unclearAfterCorrection': [3, 0, 0, 0, 0, 0],
    'notProcessed.petition': [9, 0, 0, 0, 0, 0],
    'notProcessed.repeat': [7, 0, 0, 0, 0, 0],
    'notProcessed.publication': [1, 0, 0, 0, 0, 0],
    'notProcessed.confirmOrReissue': [2, 0, 0, 0, 0, 0],
    'other.noCorrection': [4, 0, 0, 0, 0, 0],
    'other.feeUnpaid': [1, 0, 0, 0, 0, 0],
    'other.misc': [5, 1, 0, 0, 0, 0],
  },
  carriedOver: [10, 2, 0, 0, 0, 0],
  carriedForward: [12, 1, 0, 0, 1, 0],
  appeals: [
    [3, 1, 0, 2],
    [2, 0, 1, 1],
    [1, 0, 0, 0],
  ],
  table2: {
    regulations: [2, 1, 45],
    normativeDocuments: [30, 12, 310],
    licensing: [15321],
    penalty: [2873],
    coercion: [96],
    fees: [128.5],
  },
});
