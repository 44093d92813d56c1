// Empty (all-null) tables in the canonical shape, so that a partly read report still has every
// key a consumer expects; `missing` and the B5 violations say what could not be read.
import { table2Rows } from './table2-schema.js';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, table3RowKeys } from './table3-schema.js';
import { TABLE4_COLUMNS } from './table4-schema.js';
import type { ReportFormat, Table2, Table3, Table4 } from './types.js';

export function emptyTable2(format: ReportFormat): Table2 {
  const table: Table2 = {};
  for (const row of table2Rows(format)) {
    const cells: Table2[string] = { label: row.label };
    for (const col of row.columns) cells[col.key] = null;
    table[row.key] = cells;
  }
  return table;
}

export function emptyTable3(format: ReportFormat): Table3 {
  const rows: Table3['rows'] = {};
  for (const key of table3RowKeys(format)) rows[key] = TABLE3_COLUMNS.map(() => null);
  return {
    columns: [...TABLE3_COLUMNS],
    columnLabels: TABLE3_COLUMNS.map((c) => TABLE3_COLUMN_LABELS[c]),
    rows,
  };
}

export function emptyTable4(): Table4 {
  const group = () => TABLE4_COLUMNS.map(() => null);
  return { columns: [...TABLE4_COLUMNS], review: group(), suitDirect: group(), suitAfterReview: group() };
}
