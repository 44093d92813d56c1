// Chinese names of a report's rows and cells, from the schemas' canonical labels:
// 「表三「（三）不予公开 1.属于国家秘密」行「自然人」列」, 「表四「行政复议」「总计」」.
import { table2Rows } from './table2-schema.js';
import { TABLE3_COLUMN_LABELS, TABLE3_LINES, table3Label, type Table3Column } from './table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_GROUP_LABELS,
  type Table4Column,
  type Table4Group,
} from './table4-schema.js';
import type { CellRef, ReportFormat } from './types.js';

/** The group line over a numbered sub-row (「（三）不予公开」 over 「1.属于国家秘密」), else null. */
export function table3Group(format: ReportFormat, key: string): string | null {
  const lines = TABLE3_LINES[format];
  const at = lines.findIndex((l) => l.key === key);
  if (at < 0 || !/^\d/.test(lines[at]?.label ?? '')) return null;
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i];
    if (line?.key === null && line.label.startsWith('（')) return line.label;
  }
  return null;
}

/** 「（三）不予公开 1.属于国家秘密」 for a sub-row, the label alone otherwise. */
export function table3RowTitle(format: ReportFormat, key: string): string {
  const group = table3Group(format, key);
  return group ? `${group} ${table3Label(format, key)}` : table3Label(format, key);
}

export const table3ColumnLabel = (column: string): string =>
  TABLE3_COLUMN_LABELS[column as Table3Column] ?? column;
export const table4ColumnLabel = (column: string): string =>
  TABLE4_COLUMN_LABELS[column as Table4Column] ?? column;
export const table4GroupLabel = (group: string): string => TABLE4_GROUP_LABELS[group as Table4Group] ?? group;

export function table2RowLabel(format: ReportFormat, row: string): string {
  return table2Rows(format).find((d) => d.key === row)?.label ?? row;
}

export function table2ColumnLabel(format: ReportFormat, row: string, column: string): string {
  return (
    table2Rows(format)
      .find((d) => d.key === row)
      ?.columns.find((c) => c.key === column)?.label ?? column
  );
}

/** 「表三「（一）予以公开」行「自然人」列」, 「表四「行政复议」「总计」」, 「表二「规章」行「本年新制作数量」」. */
export function cellName(format: ReportFormat, c: CellRef): string {
  if (c.table === 'table3')
    return `表三「${table3RowTitle(format, c.row)}」行「${table3ColumnLabel(c.column)}」列`;
  if (c.table === 'table4') return `表四「${table4GroupLabel(c.row)}」「${table4ColumnLabel(c.column)}」`;
  return `表二「${table2RowLabel(format, c.row)}」行「${table2ColumnLabel(format, c.row, c.column)}」`;
}
