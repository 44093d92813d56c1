// Rules that compare a report with other reports: last year's (C1–C3) and, for a 汇总 report,
// its members' 本级 reports (C5). All are warnings (docs/legal.md §2.7 level C): amendments,
// re-issues and format changes break them legitimately.
import { place } from './location.js';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, table3Label, table3RowKeys } from './table3-schema.js';
import { TABLE4_COLUMN_LABELS, TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_GROUP_LABELS } from './table4-schema.js';
import type { AnnualReport, CellValue, Violation } from './types.js';

type Tables = Pick<AnnualReport, 'format' | 'table2' | 'table3' | 'table4'>;

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);

/** C1–C3: this year's report against last year's. */
export function checkAgainstPrevious(current: Tables, previous: Tables): Violation[] {
  return [
    ...carryOver(current, previous),
    ...validDocuments(current, previous),
    ...itemCounts(current, previous),
  ];
}

function carryOver(current: Tables, previous: Tables): Violation[] {
  const now = current.table3.rows['carriedOver'];
  const before = previous.table3.rows['carriedForward'];
  if (!now || !before) return [];
  return TABLE3_COLUMNS.flatMap((col, i) => {
    const actual = num(now[i]);
    const expected = num(before[i]);
    if (actual === null || expected === null || actual === expected) return [];
    const message = `表三「${TABLE3_COLUMN_LABELS[col]}」列：上年结转 ${actual} 与上一年度报告的结转下年度继续办理 ${expected} 不一致。`;
    return [
      {
        rule: 'C1' as const,
        severity: 'warning' as const,
        ...place.table3Cell('carriedOver', col),
        expected,
        actual,
        message,
      },
    ];
  });
}

function validDocuments(current: Tables, previous: Tables): Violation[] {
  if (current.format !== '2021' || previous.format !== '2021') return [];
  return ['regulations', 'normativeDocuments'].flatMap((key) => {
    const now = current.table2[key];
    const before = previous.table2[key];
    const [valid, made, repealed, prevValid] = [
      num(now?.['valid']),
      num(now?.['made']),
      num(now?.['repealed']),
      num(before?.['valid']),
    ];
    if (valid === null || made === null || repealed === null || prevValid === null) return [];
    const expected = prevValid + made - repealed;
    if (expected === valid) return [];
    const message = `表二「${now?.label ?? key}」：上年现行有效 ${prevValid} 加本年制发 ${made} 减本年废止 ${repealed} 为 ${expected}，现行有效件数填报 ${valid}。`;
    return [
      {
        rule: 'C2' as const,
        severity: 'warning' as const,
        ...place.table2Cell(key, 'valid'),
        expected,
        actual: valid,
        message,
      },
    ];
  });
}

function itemCounts(current: Tables, previous: Tables): Violation[] {
  if (current.format !== '2019' || previous.format !== '2019') return [];
  return ['licensing', 'otherServices', 'penalty', 'coercion', 'fees'].flatMap((key) => {
    const now = num(current.table2[key]?.['prevCount']);
    const before = num(previous.table2[key]?.['prevCount']);
    const delta = num(previous.table2[key]?.['delta']);
    if (now === null || before === null || delta === null || before + delta === now) return [];
    const label = current.table2[key]?.label ?? key;
    const message = `表二「${label}」：上年报告的项目数量 ${before} 加增减 ${delta} 为 ${before + delta}，本年「上一年项目数量」填报 ${now}。`;
    return [
      {
        rule: 'C3' as const,
        severity: 'warning' as const,
        ...place.table2Cell(key, 'prevCount'),
        expected: before + delta,
        actual: now,
        message,
      },
    ];
  });
}

/** C5: every table 三/四 cell of a 汇总 report against the sum over its members. */
export function checkRollup(rollup: Tables, members: readonly Tables[]): Violation[] {
  const out: Violation[] = [];
  for (const key of table3RowKeys(rollup.format)) {
    TABLE3_COLUMNS.forEach((col, i) => {
      const sum = sumOf(members.map((m) => m.table3.rows[key]?.[i]));
      const actual = num(rollup.table3.rows[key]?.[i]);
      if (sum === null || actual === null || sum === actual) return;
      const message = `表三「${table3Label(rollup.format, key)}」行「${TABLE3_COLUMN_LABELS[col]}」列：所属机关合计 ${sum}，汇总报告填报 ${actual}。`;
      out.push({
        rule: 'C5',
        severity: 'warning',
        ...place.table3Cell(key, col),
        expected: sum,
        actual,
        message,
      });
    });
  }
  for (const group of TABLE4_GROUPS) {
    TABLE4_COLUMNS.forEach((col, i) => {
      const sum = sumOf(members.map((m) => m.table4[group][i]));
      const actual = num(rollup.table4[group][i]);
      if (sum === null || actual === null || sum === actual) return;
      const message = `表四「${TABLE4_GROUP_LABELS[group]}」「${TABLE4_COLUMN_LABELS[col]}」：所属机关合计 ${sum}，汇总报告填报 ${actual}。`;
      out.push({
        rule: 'C5',
        severity: 'warning',
        ...place.table4Cell(group, col),
        expected: sum,
        actual,
        message,
      });
    });
  }
  return out;
}

function sumOf(values: (CellValue | undefined)[]): number | null {
  let sum = 0;
  for (const v of values) {
    if (typeof v !== 'number') return null;
    sum += v;
  }
  return sum;
}
