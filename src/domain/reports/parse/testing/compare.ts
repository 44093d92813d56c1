// Test support: comparing what the reader returned with the tables a document was printed from.
import { table2Rows } from '../../table2-schema.js';
import { TABLE4_GROUPS } from '../../table4-schema.js';
import type { CellValue, ParsedReport } from '../../types.js';
import type { Tables } from './table-grid.js';

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Every row is either read as printed, or reported as ambiguous (B5) with the printed cells among
 * the listed candidates. Returns the rows that are neither (empty = pass).
 */
export function unexplainedRows(r: ParsedReport, t: Tables): string[] {
  const bad: string[] = [];
  const listed = (where: string, expected: CellValue[]) =>
    r.missing.length > 0 &&
    r.violations.some(
      (v) => v.rule === 'B5' && v.where === where && (v.candidates ?? []).some((c) => same(c, expected)),
    );
  for (const [key, cells] of Object.entries(t.table3.rows)) {
    if (!same(r.table3.rows[key], cells) && !listed(`table3 row ${key}`, cells)) bad.push(`table3.${key}`);
  }
  for (const row of table2Rows(t.format)) {
    const expected = row.columns.map((c) => t.table2[row.key]?.[c.key] ?? null);
    const actual = row.columns.map((c) => r.table2[row.key]?.[c.key] ?? null);
    if (!same(actual, expected) && !listed(`table2 ${row.key}`, expected)) bad.push(`table2.${row.key}`);
  }
  const t4 = TABLE4_GROUPS.flatMap((g) => t.table4[g]);
  if (
    !same(
      TABLE4_GROUPS.flatMap((g) => r.table4[g]),
      t4,
    ) &&
    !listed('table4', t4)
  )
    bad.push('table4');
  return bad;
}

/** What a reader must return when every 总计 cell was left blank: null where it had something to add. */
export function withBlankTotals(t: Tables): Tables {
  const copy = structuredClone(t);
  for (const cells of Object.values(copy.table3.rows)) {
    if (cells.slice(0, 6).some((c) => c !== 0)) cells[6] = null;
  }
  for (const g of TABLE4_GROUPS) {
    if (copy.table4[g].slice(0, 4).some((c) => c !== 0)) copy.table4[g][4] = null;
  }
  return copy;
}
