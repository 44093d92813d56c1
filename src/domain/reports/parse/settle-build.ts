// From settled rows to the canonical tables: the cells every surviving reading agrees on are
// written, rows left with several readings are reported as B5 with their candidates (never a
// guess), and each cell settled by evidence other than its own figure is listed with its basis.
import { cellRef, place, table3RowCells, table4AllCells } from '../location.js';
import { emptyTable2, emptyTable3, emptyTable4 } from '../shape.js';
import { table2Rows } from '../table2-schema.js';
import { table3Label, table3RowKeys, TABLE3_COLUMNS } from '../table3-schema.js';
import type {
  CellValue,
  ReportFormat,
  SettleBasis,
  SettledCell,
  Table2,
  Table3,
  Table4,
  Violation,
} from '../types.js';
import { basisMessage } from './settle-basis.js';
import type { Settlement } from './settle-solve.js';
import type { RowVar } from './settle-types.js';
import { OTHER_2019, OTHER_2021 } from './table3-read.js';
import { TABLE4_NAME } from './table4-read.js';
import { ambiguityViolation, mergeReadings, type AmbiguityCause } from './violations.js';

export interface BuiltTables {
  table2: Table2;
  table3: Table3;
  table4: Table4;
  violations: Violation[];
  missing: string[];
  settled: SettledCell[];
}

export function buildTables(
  format: ReportFormat,
  vars: readonly RowVar[],
  s: Settlement,
  mixed: boolean,
): BuiltTables {
  const out: BuiltTables = {
    table2: emptyTable2(format),
    table3: emptyTable3(format),
    table4: emptyTable4(),
    violations: [],
    missing: [],
    settled: [],
  };
  for (const v of vars) {
    const chosen = s.supported.get(v.id) ?? v.candidates;
    const merged = mergeReadings(chosen);
    if (v.id === `table3:${OTHER_2019}` && mixed) {
      template(out, chosen);
      continue;
    }
    v.cells.forEach((cell, i) => write(out, cell.table, cell.row, cell.column, merged[i] ?? null));
    s.bases.get(v.id)?.forEach((basis, i) => {
      const cell = v.cells[i];
      const value = merged[i] ?? null;
      if (cell && value !== null) out.settled.push(settledCell(cell, value, basis));
    });
    if (chosen.length <= 1) continue;
    out.missing.push(v.table === 'table4' ? 'table4' : `${v.table}.${v.row}`);
    const cause = s.cause.get(v.id) ?? (v.table === 'table2' ? 'unconstrained' : 'several');
    out.violations.push(ambiguity(format, v, chosen, cause));
  }
  return out;
}

function write(out: BuiltTables, table: string, row: string, column: string, value: CellValue): void {
  if (table === 'table2') (out.table2[row] as Table2[string])[column] = value;
  else if (table === 'table3') {
    const cells = out.table3.rows[row];
    if (cells) cells[TABLE3_COLUMNS.indexOf(column as 'total')] = value as number | null;
  } else
    out.table4[row as 'review'][['upheld', 'corrected', 'other', 'pending', 'total'].indexOf(column)] =
      value as number | null;
}

function ambiguity(format: ReportFormat, v: RowVar, chosen: CellValue[][], cause: AmbiguityCause): Violation {
  if (v.table === 'table4')
    return ambiguityViolation(place.table('table4', table4AllCells()), TABLE4_NAME, chosen, cause);
  if (v.table === 'table3')
    return ambiguityViolation(
      place.table3Row(v.row, table3RowCells(v.row)),
      `表三「${table3Label(format, v.row)}」行`,
      chosen,
      cause,
    );
  const label = table2Rows(format).find((r) => r.key === v.row)?.label ?? v.row;
  return ambiguityViolation(place.table2Row(v.row, v.cells), `表二「${label}」行`, chosen, cause);
}

export function settledCell(cell: SettledCell['cell'], value: CellValue, basis: SettleBasis): SettledCell {
  return { cell, value, basis, message: basisMessage(basis) };
}

const TEMPLATE: SettleBasis = { kind: 'template', rule: 'B2' };

/**
 * A 2021 report printing the 2019 single 「（六）其他处理」 row (issue 11 item 9): all zeros settles
 * its three 2021 sub-rows as zeros; anything else cannot be divided among them.
 */
function template(out: BuiltTables, chosen: CellValue[][]): void {
  const zeros = chosen.length > 0 && chosen.every((r) => r.every((c) => c === 0));
  for (const key of OTHER_2021) {
    if (zeros) {
      out.table3.rows[key] = TABLE3_COLUMNS.map(() => 0);
      for (const column of TABLE3_COLUMNS)
        out.settled.push(settledCell(cellRef('table3', key, column), 0, TEMPLATE));
      continue;
    }
    out.missing.push(`table3.${key}`);
    out.violations.push(templateViolation(key, chosen));
  }
}

function templateViolation(key: string, chosen: CellValue[][]): Violation {
  const printed = chosen.length === 1 ? `（${chosen[0]?.map((c) => c ?? '空').join('/')}）` : '';
  return {
    rule: 'B5',
    severity: 'error',
    ...place.table3Row(key),
    message: `表三「${table3Label('2021', key)}」行无法确定：报告沿用 2019 年格式，只印有「（六）其他处理」一行${printed}，无法分到 2021 年格式的三个子行。`,
  };
}

/** Where a missing entry goes in the list: tables and rows in print order. */
export function missingOrder(format: ReportFormat): (entry: string) => number {
  const order = [
    'table2',
    ...table2Rows(format).map((r) => `table2.${r.key}`),
    'table3',
    ...table3RowKeys(format).map((k) => `table3.${k}`),
    'table4',
  ];
  return (entry) => {
    const at = order.indexOf(entry);
    return at < 0 ? order.length : at;
  };
}
