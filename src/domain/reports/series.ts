// A series of years (issue 11 item 4): the reports of one agency, ordered by year. Rules C1–C3
// tie each year to the one before (docs/legal.md §2.7); here they become constraints on the cells
// a single report leaves open — both ways: last year's 结转下年度 fixes this year's 上年结转, and
// next year's 上年结转 fixes this year's 结转下年度. Pure: the reading itself is done elsewhere
// (series-check.ts, or the reader workers of the use case) through a `resettle` function.
import { cellRef } from './location.js';
import { TABLE3_COLUMNS } from './table3-schema.js';
import type { AnnualReport, CellConstraint, CellRef, CellValue } from './types.js';

type Tables = Pick<AnnualReport, 'format' | 'year' | 'table2' | 'table3' | 'table4'>;

/** What grouping needs of a report: its agency and year, read from its title. */
export interface SeriesKey {
  agency: string | null;
  year: number | null;
}

/** 「苏州市人民政府 」 and 「苏州市人民政府」 are one agency; brackets and spaces do not count. */
const agencyKey = (agency: string): string => agency.normalize('NFKC').replace(/[\s()（）·]/g, '');

/**
 * The series among the reports (indexes into `reports`, each ordered by year): the reports of one
 * agency, or with `force` every report that has a year, whatever the agency. A report without a
 * year (or, unforced, without an agency) belongs to none; a series has at least two reports.
 */
export function seriesGroups(reports: readonly SeriesKey[], force = false): number[][] {
  const groups = new Map<string, number[]>();
  reports.forEach((r, i) => {
    if (r.year === null || (!force && r.agency === null)) return;
    const key = force ? '' : agencyKey(r.agency as string);
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  return [...groups.values()]
    .filter((g) => g.length >= 2)
    .map((g) => g.sort((a, b) => (reports[a]?.year as number) - (reports[b]?.year as number) || a - b));
}

const num = (v: CellValue | undefined): number | null => (typeof v === 'number' ? v : null);
const t2 = (row: string, column: string): CellRef => cellRef('table2', row, column);
const t3 = (row: string, column: string): CellRef => cellRef('table3', row, column);

const C2_ROWS = ['regulations', 'normativeDocuments'] as const;
const C3_ROWS = ['licensing', 'otherServices', 'penalty', 'coercion', 'fees'] as const;

/** C1–C3 as constraints on `current`, from the report of the year before. */
export function constraintsFromPrevious(current: Tables, previous: Tables): CellConstraint[] {
  const year = previous.year as number;
  const out: CellConstraint[] = [];
  TABLE3_COLUMNS.forEach((col, i) => {
    const value = num(previous.table3.rows['carriedForward']?.[i]);
    if (value === null) return;
    out.push({
      plus: [t3('carriedOver', col)],
      minus: [],
      value,
      basis: { kind: 'series', rule: 'C1', year },
    });
  });
  if (current.format === '2021' && previous.format === '2021') {
    for (const row of C2_ROWS) {
      // valid − made + repealed = last year's valid.
      const value = num(previous.table2[row]?.['valid']);
      if (value === null) continue;
      const [plus, minus] = [[t2(row, 'valid'), t2(row, 'repealed')], [t2(row, 'made')]];
      out.push({ plus, minus, value, basis: { kind: 'series', rule: 'C2', year } });
    }
  }
  if (current.format === '2019' && previous.format === '2019') {
    for (const row of C3_ROWS) {
      const before = num(previous.table2[row]?.['prevCount']);
      const delta = num(previous.table2[row]?.['delta']);
      if (before === null || delta === null) continue;
      out.push({
        plus: [t2(row, 'prevCount')],
        minus: [],
        value: before + delta,
        basis: { kind: 'series', rule: 'C3', year },
      });
    }
  }
  return out;
}

/** C1–C3 as constraints on `current`, from the report of the year after. */
export function constraintsFromNext(current: Tables, next: Tables): CellConstraint[] {
  const year = next.year as number;
  const out: CellConstraint[] = [];
  TABLE3_COLUMNS.forEach((col, i) => {
    const value = num(next.table3.rows['carriedOver']?.[i]);
    if (value === null) return;
    out.push({
      plus: [t3('carriedForward', col)],
      minus: [],
      value,
      basis: { kind: 'series', rule: 'C1', year },
    });
  });
  if (current.format === '2021' && next.format === '2021') {
    for (const row of C2_ROWS) {
      // valid = next year's valid − its made + its repealed.
      const [valid, made, repealed] = ['valid', 'made', 'repealed'].map((c) => num(next.table2[row]?.[c]));
      if (valid === null || made === null || repealed === null) continue;
      const value = (valid as number) - (made as number) + (repealed as number);
      out.push({ plus: [t2(row, 'valid')], minus: [], value, basis: { kind: 'series', rule: 'C2', year } });
    }
  }
  if (current.format === '2019' && next.format === '2019') {
    for (const row of C3_ROWS) {
      // prevCount + delta = next year's prevCount.
      const value = num(next.table2[row]?.['prevCount']);
      if (value === null) continue;
      const [plus, minus] = [[t2(row, 'prevCount'), t2(row, 'delta')], []];
      out.push({ plus, minus, value, basis: { kind: 'series', rule: 'C3', year } });
    }
  }
  return out;
}

/** Neighbours one year apart are tied by C1–C3; a gap (2019 and 2021) ties nothing. */
export function neighbourConstraints(
  current: Tables,
  previous: Tables | null,
  next: Tables | null,
): CellConstraint[] {
  const y = current.year;
  const before =
    previous && y !== null && previous.year === y - 1 ? constraintsFromPrevious(current, previous) : [];
  const after = next && y !== null && next.year === y + 1 ? constraintsFromNext(current, next) : [];
  return [...before, ...after];
}
