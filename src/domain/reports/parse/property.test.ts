// Property: for random valid tables (A1, B1, B2, B3 hold), printing them in any layout and reading
// them back returns the same cells. Where a layout destroys information (run-together digits,
// empty cells left out), the reader may instead report the row as ambiguous, but then the printed
// cells must be among the candidates it lists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check } from '../check.js';
import { table2Rows, type Table2Kind } from '../table2-schema.js';
import type { CellValue, ReportFormat } from '../types.js';
import { parseReport } from './parse-report.js';
import { unexplainedRows, withBlankTotals } from './testing/compare.js';
import { renderDocument, type DocumentOptions, type Layout } from './testing/layouts.js';
import { buildTables, outcomeKeys } from './testing/samples.js';
import type { Tables } from './testing/table-grid.js';

/** Mostly zeros and small numbers, as in real tables, with some large ones. */
const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 30 }) },
  { weight: 1, arbitrary: fc.integer({ min: 31, max: 5000 }) },
);
const six = fc.array(cell, { minLength: 6, maxLength: 6 });
const four = fc.array(cell, { minLength: 4, maxLength: 4 });

const KIND: Record<Table2Kind, fc.Arbitrary<CellValue>> = {
  count: fc.integer({ min: 0, max: 200_000 }),
  delta: fc.integer({ min: -60, max: 60 }),
  amountWan: fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 100),
  amountText: fc
    .tuple(
      fc.integer({ min: 0, max: 900_000 }),
      fc.integer({ min: 0, max: 99 }),
      fc.constantFrom('万元', '元'),
    )
    .map(([a, b, u]) => `${a}.${String(b).padStart(2, '0')}${u}`),
};

function tables(format: ReportFormat): fc.Arbitrary<Tables> {
  const keys = outcomeKeys(format);
  const t2rows = table2Rows(format);
  return fc
    .record({
      outcomes: fc.tuple(...keys.map(() => six)),
      carriedOver: six,
      carriedForward: six,
      appeals: fc.tuple(four, four, four),
      table2: fc.tuple(...t2rows.map((r) => fc.tuple(...r.columns.map((c) => KIND[c.kind])))),
    })
    .map((f) =>
      buildTables({
        format,
        outcomes: Object.fromEntries(keys.map((k, i) => [k, f.outcomes[i] as number[]])),
        carriedOver: f.carriedOver,
        carriedForward: f.carriedForward,
        appeals: f.appeals as [number[], number[], number[]],
        table2: Object.fromEntries(t2rows.map((r, i) => [r.key, f.table2[i] as CellValue[]])),
      }),
    );
}

const anyTables = fc.constantFrom<ReportFormat>('2019', '2021').chain(tables);

const EXACT: [string, Layout, DocumentOptions][] = [
  ['(a) cell per line', 'a', {}],
  ['(b) row per line', 'b', { padded: true }],
  ['(c) blank-line separated, zeros printed', 'c', {}],
  ['(e) HTML', 'e', { halfWidth: true }],
];

const RUNS = { numRuns: 40 };
// Empty cells left out make many placements possible: fewer runs keep the suite quick.
const LOSSY_RUNS = { numRuns: 20 };

describe('property: render → read returns the same cells', () => {
  it('the generated tables are valid (no rule fails)', () => {
    fc.assert(
      fc.property(anyTables, (t) => check(t).length === 0),
      RUNS,
    );
  });

  for (const [name, layout, opts] of EXACT) {
    it(`${name}: the same cells, status ok`, () => {
      fc.assert(
        fc.property(anyTables, (t) => {
          const r = parseReport(renderDocument(t, layout, opts));
          assert.equal(r.status, 'ok');
          assert.deepEqual([r.table2, r.table3, r.table4], [t.table2, t.table3, t.table4]);
        }),
        RUNS,
      );
    });
  }

  it('(e) HTML with the 总计 column blank: the same cells with null totals', () => {
    fc.assert(
      fc.property(anyTables, (t) => {
        const r = parseReport(renderDocument(t, 'e', { blankTotals: true }));
        const expected = withBlankTotals(t);
        assert.deepEqual([r.table3, r.table4], [expected.table3, expected.table4]);
      }),
      RUNS,
    );
  });

  const LOSSY: [string, Layout, DocumentOptions][] = [
    ['(d) run together', 'd', {}],
    ['(c) empty cells left out', 'c', { zeros: 'blank', omitEmpty: true }],
  ];
  for (const [name, layout, opts] of LOSSY) {
    it(`${name}: the same cells, or an explicit ambiguity listing them`, () => {
      fc.assert(
        fc.property(anyTables, (t) => {
          const r = parseReport(renderDocument(t, layout, opts));
          assert.deepEqual(unexplainedRows(r, t), []);
          assert.ok(r.status === 'ok' || r.status === 'incomplete', r.status);
        }),
        LOSSY_RUNS,
      );
    });
  }
});

const JOINT: [string, Layout, DocumentOptions][] = [
  ['(d) digits run together', 'd', {}],
  ['(c) empty cells left out', 'c', { zeros: 'blank', omitEmpty: true }],
];

function cellOf(t: Tables, table: string, row: string, column: string): CellValue {
  if (table === 'table2') return t.table2[row]?.[column] ?? null;
  if (table === 'table3') return t.table3.rows[row]?.[t.table3.columns.indexOf(column)] ?? null;
  return t.table4[row as 'review'][t.table4.columns.indexOf(column)] ?? null;
}

describe('property: joint solving (issue 11) never breaks a rule and never drops the truth', () => {
  for (const [name, layout, opts] of JOINT) {
    it(`${name}: every settled cell is the printed one, no rule breaks, the truth is never dropped`, () => {
      fc.assert(
        fc.property(anyTables, (t) => {
          const r = parseReport(renderDocument(t, layout, opts));
          for (const s of r.settled ?? [])
            assert.equal(s.value, cellOf(t, s.cell.table, s.cell.row, s.cell.column), JSON.stringify(s));
          const sums = r.violations.filter((v) => ['A1', 'B1', 'B2', 'B3'].includes(v.rule));
          assert.deepEqual(sums, []);
          assert.deepEqual(unexplainedRows(r, t), []);
          assert.deepEqual(
            check(r).filter((v) => v.severity === 'error' && v.rule !== 'B5'),
            [],
          );
        }),
        { numRuns: 15 },
      );
    });
  }

  it('(d) with a space put inside a run of digits: still never a broken rule, the truth never dropped', () => {
    fc.assert(
      fc.property(anyTables, fc.nat(), (t, seed) => {
        const text = renderDocument(t, 'd', {});
        const runs = [...text.matchAll(/\d{3,}/g)];
        const run = runs[seed % runs.length];
        const at = (run?.index ?? 0) + 1 + (seed % Math.max(1, (run?.[0].length ?? 2) - 1));
        const r = parseReport(`${text.slice(0, at)} ${text.slice(at)}`);
        for (const s of r.settled ?? [])
          assert.equal(s.value, cellOf(t, s.cell.table, s.cell.row, s.cell.column), JSON.stringify(s));
        assert.deepEqual(
          r.violations.filter((v) => ['A1', 'B1', 'B2', 'B3'].includes(v.rule)),
          [],
        );
      }),
      { numRuns: 15 },
    );
  });
});
