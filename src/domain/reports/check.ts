// Runs the rules of one report on its own (A1, B1–B5). Rules that need another report (C1–C3,
// C5) are in check-cross.ts; C4 needs the report's text and is run by the reader.
import { checkCells } from './check-cells.js';
import { place } from './location.js';
import { table3Equations, type Table3Equation } from './rules.js';
import {
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_TOTAL_COLUMN,
  table3Label,
  table3RowKeys,
} from './table3-schema.js';
import { TABLE4_GROUPS, TABLE4_GROUP_LABELS, TABLE4_TOTAL_COLUMN } from './table4-schema.js';
import type { AnnualReport, RuleId, Table3, Table4, Violation } from './types.js';

const RULE_ORDER: readonly RuleId[] = ['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5'];

/** All violations of the single-report rules, errors and warnings, in rule order. */
export function check(report: Pick<AnnualReport, 'format' | 'table2' | 'table3' | 'table4'>): Violation[] {
  const found = [
    ...equationViolations(report.table3, table3Equations(report.format)),
    ...rowSumViolations(report),
    ...table4Violations(report.table4),
    ...checkCells(report),
  ];
  return sortViolations(found);
}

export function sortViolations(violations: Violation[]): Violation[] {
  return violations
    .map((v, i) => ({ v, i }))
    .sort((a, b) => RULE_ORDER.indexOf(a.v.rule) - RULE_ORDER.indexOf(b.v.rule) || a.i - b.i)
    .map(({ v }) => v);
}

/** Σ of the cells of `keys` in one column, or null when any of them is missing. */
function columnSum(table: Table3, keys: readonly string[], column: number): number | null {
  let sum = 0;
  for (const key of keys) {
    const cell = table.rows[key]?.[column];
    if (cell === null || cell === undefined) return null;
    sum += cell;
  }
  return sum;
}

function equationViolations(table: Table3, equations: readonly Table3Equation[]): Violation[] {
  const out: Violation[] = [];
  for (const eq of equations) {
    const expected = columnSum(table, eq.plus, eq.column);
    const actual = columnSum(table, eq.minus, eq.column);
    if (expected === null || actual === null || expected === actual) continue;
    out.push(equationViolation(eq, expected, actual));
  }
  return out;
}

function equationViolation(eq: Table3Equation, expected: number, actual: number): Violation {
  const key = TABLE3_COLUMNS[eq.column] as (typeof TABLE3_COLUMNS)[number];
  const col = TABLE3_COLUMN_LABELS[key];
  const message =
    eq.rule === 'A1'
      ? `表三「${col}」列：本年新收加上年结转为 ${expected}，应等于（七）总计加结转下年度继续办理，实际为 ${actual}。`
      : `表三「${col}」列：各项办理结果之和为 ${expected}，（七）总计却填报 ${actual}。`;
  return { rule: eq.rule, severity: 'error', ...place.table3ColumnSum(eq), expected, actual, message };
}

function rowSumViolations(report: Pick<AnnualReport, 'format' | 'table3'>): Violation[] {
  const out: Violation[] = [];
  for (const key of table3RowKeys(report.format)) {
    const cells = report.table3.rows[key];
    if (!cells) continue;
    const total = cells[TABLE3_TOTAL_COLUMN];
    const parts = cells.slice(0, TABLE3_TOTAL_COLUMN);
    if (total === null || total === undefined || parts.some((c) => c === null)) continue;
    const expected = (parts as number[]).reduce((a, b) => a + b, 0);
    if (expected === total) continue;
    const label = table3Label(report.format, key);
    const message = `表三「${label}」行：六类申请人之和为 ${expected}，总计却填报 ${total}。`;
    out.push({ rule: 'B2', severity: 'error', ...place.table3RowSum(key), expected, actual: total, message });
  }
  return out;
}

function table4Violations(table: Table4): Violation[] {
  const out: Violation[] = [];
  for (const group of TABLE4_GROUPS) {
    const cells = table[group];
    const total = cells[TABLE4_TOTAL_COLUMN];
    const parts = cells.slice(0, TABLE4_TOTAL_COLUMN);
    if (total === null || total === undefined || parts.some((c) => c === null)) continue;
    const expected = (parts as number[]).reduce((a, b) => a + b, 0);
    if (expected === total) continue;
    const message = `表四「${TABLE4_GROUP_LABELS[group]}」：结果维持、结果纠正、其他结果、尚未审结之和为 ${expected}，总计却填报 ${total}。`;
    out.push({
      rule: 'B3',
      severity: 'error',
      ...place.table4GroupSum(group),
      expected,
      actual: total,
      message,
    });
  }
  return out;
}
