// One entered table-二 figure (back office form, CLI, CSV/XLSX import): which cells may be entered
// in a year's format and what each accepts, with the Chinese message for a wrong value. Pure.
import { cellName } from '../names.js';
import { table2Rows, type Table2Column } from '../table2-schema.js';
import type { ReportFormat } from '../types.js';
import { amountInWan } from './rollup.js';

/** A figure as stored in report_figure: a number (as text, exact) or an amount printed with its unit. */
export interface StoredFigure {
  valueNumber: string | null;
  valueText: string | null;
}

export function table2Column(format: ReportFormat, row: string, column: string): Table2Column | null {
  return (
    table2Rows(format)
      .find((r) => r.key === row)
      ?.columns.find((c) => c.key === column) ?? null
  );
}

/**
 * The stored form of a typed value, or the problem in Chinese. Counts are non-negative integers,
 * 本年增/减 an integer (may be negative), 收费金额 a non-negative number of 万元 (at most 6
 * decimals), 采购总金额 an amount with its unit (元, 万元, 亿元; a bare number is 万元).
 */
export function parseFigure(
  format: ReportFormat,
  row: string,
  column: string,
  raw: number | string,
): StoredFigure | { problem: string } {
  const col = table2Column(format, row, column);
  const name = cellName(format, { table: 'table2', row, column });
  if (!col) return { problem: `${format} 年版格式的表二没有「${row}.${column}」这一栏` };
  const text = String(raw).replace(/[,，\s]/g, '');
  if (col.kind === 'amountText') {
    if (amountInWan(text) === null) return { problem: `${name}应为金额，例如 12.5万元` };
    return { valueNumber: null, valueText: text };
  }
  const n = Number(text);
  if (text === '' || !Number.isFinite(n)) return { problem: `${name}应为数字` };
  if (col.kind === 'amountWan') {
    if (n < 0 || !/^[0-9]+(\.[0-9]{1,6})?$/.test(text))
      return { problem: `${name}应为不小于 0 的金额（万元）` };
  } else if (!Number.isInteger(n)) return { problem: `${name}应为整数` };
  else if (col.kind === 'count' && n < 0) return { problem: `${name}不能为负数` };
  return { valueNumber: String(n), valueText: null };
}
