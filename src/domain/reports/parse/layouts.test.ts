// Every layout real pages produce, printed from known tables and read back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ParsedReport } from '../types.js';
import { parseReport } from './parse-report.js';
import { unexplainedRows, withBlankTotals } from './testing/compare.js';
import { cutAfter, renderDocument, type DocumentOptions, type Layout } from './testing/layouts.js';
import { buildTables, SAMPLE_2021, SUZHOU_2020 } from './testing/samples.js';
import type { Tables } from './testing/table-grid.js';

const SAMPLES: [string, Tables][] = [
  ['2019 format (Suzhou 2020)', SUZHOU_2020],
  ['2021 format', SAMPLE_2021],
];

function read(t: Tables, layout: Layout, opts: DocumentOptions = {}): ParsedReport {
  return parseReport(
    renderDocument(t, layout, { title: '某某市人民政府2022年政府信息公开工作年度报告', ...opts }),
  );
}

function assertExact(r: ParsedReport, t: Tables): void {
  assert.deepEqual(r.missing, []);
  assert.equal(r.status, 'ok', JSON.stringify(r.violations.slice(0, 3)));
  assert.equal(r.format, t.format);
  assert.deepEqual(r.table2, t.table2);
  assert.deepEqual(r.table3, t.table3);
  assert.deepEqual(r.table4, t.table4);
}

const EXACT: [string, Layout, DocumentOptions][] = [
  ['(a) one cell per line ending with " |"', 'a', {}],
  ['(b) one row per line', 'b', {}],
  ['(b) one row per line, leading pipe and padding', 'b', { padded: true }],
  ['(c) one cell per line, blank lines between, zeros printed', 'c', {}],
  ['(e) HTML with rowspan/colspan and &nbsp;', 'e', {}],
  [
    '(a) with half-width punctuation, stray spaces and extra province rows',
    'a',
    { halfWidth: true, straySpaces: true, extraRows: true },
  ],
  [
    '(b) with half-width punctuation, stray spaces and extra province rows',
    'b',
    { halfWidth: true, straySpaces: true, extraRows: true },
  ],
  ['(c) with stray spaces and extra province rows', 'c', { straySpaces: true, extraRows: true }],
  ['(e) with extra province rows', 'e', { extraRows: true, halfWidth: true }],
];

for (const [name, t] of SAMPLES) {
  describe(`layouts, ${name}`, () => {
    for (const [what, layout, opts] of EXACT) {
      it(`${what}: read back exactly`, () => assertExact(read(t, layout, opts), t));
    }

    it('(e) HTML with the 总计 column left blank: totals null, a B5 warning each, status ok', () => {
      const r = read(t, 'e', { blankTotals: true });
      const expected = withBlankTotals(t);
      assert.equal(r.status, 'ok');
      assert.deepEqual(r.table3, expected.table3);
      assert.deepEqual(r.table4, expected.table4);
      assert.ok(
        r.violations.length > 0 &&
          r.violations.every(
            (v) => v.rule === 'B5' && v.severity === 'warning' && v.where.endsWith('column total'),
          ),
      );
    });

    it('(d) cells run together: tables 三 and 四 recovered by the rules; table 二 listed where it cannot be', () => {
      const r = read(t, 'd');
      assert.deepEqual(r.table3, t.table3);
      assert.deepEqual(r.table4, t.table4);
      assert.deepEqual(unexplainedRows(r, t), []);
      assert.ok(
        r.missing.every((m) => m.startsWith('table2.')),
        r.missing.join(),
      );
    });

    it('(c) empty cells left out: every row read as printed or listed among the candidates', () => {
      const r = read(t, 'c', { zeros: 'blank', omitEmpty: true });
      assert.deepEqual(unexplainedRows(r, t), []);
    });

    for (const layout of ['a', 'b', 'c', 'd'] as const) {
      it(`(f) ${layout} cut off inside table 三: incomplete, the rows from the cut on are missing`, () => {
        const text = renderDocument(t, layout, {});
        const r = parseReport(cutAfter(text, '无正当理由大量反复申请'));
        assert.equal(r.status, 'incomplete');
        assert.ok(
          r.missing.includes('table3.notProcessed.massRepeat') &&
            r.missing.includes('table3.total') &&
            r.missing.includes('table4'),
        );
        assert.ok(!r.missing.includes('table3') && !r.missing.includes('table2'));
        // Without 总计 and 结转 the rules tie fewer rows: run-together rows may stay ambiguous.
        const before = unexplainedRows(r, t).filter((m) =>
          ['table3.granted', 'table3.partial', 'table3.unable.notHeld'].includes(m),
        );
        assert.deepEqual(before, []);
      });
    }
  });
}

describe('known misprints of real reports', () => {
  const cases: [string, (s: string) => string][] = [
    ['只计这一情况', (s) => s.replace(/只计这一情形/g, '只计这一情况')],
    ['三类内容事务信息', (s) => s.replace(/三类内部事务信息/g, '三类内容事务信息')],
    ['行政法复议', (s) => s.replace(/行政复议/g, '行政法复议')],
  ];
  for (const [typo, apply] of cases) {
    for (const layout of ['a', 'b', 'c', 'd', 'e'] as const) {
      it(`「${typo}」 in layout (${layout})`, () => {
        const text = renderDocument(SAMPLE_2021, layout, {});
        const changed = apply(text);
        assert.notEqual(changed, text);
        const r = parseReport(changed);
        assert.deepEqual(r.table3, SAMPLE_2021.table3);
        assert.deepEqual(r.table4, SAMPLE_2021.table4);
      });
    }
  }
});

describe('format recognition', () => {
  it('uses the headers and rows, not the year in the title', () => {
    assert.equal(read(SUZHOU_2020, 'b', { title: '某某局2023年政府信息公开工作年度报告' }).format, '2019');
    assert.equal(read(SAMPLE_2021, 'b', { title: '某某局2020年政府信息公开工作年度报告' }).format, '2021');
  });

  it('reads year and agency from both title orders', () => {
    const r = read(SAMPLE_2021, 'b', { title: '2023年某某县人民政府政府信息公开工作年度报告' });
    assert.deepEqual([r.year, r.agency], [2023, '某某县人民政府']);
  });
});

describe('run-together digits with more than one split', () => {
  // 「1 0 10」 and 「10 1 0」 print the same digits 「1010」.
  const base = {
    format: '2021' as const,
    carriedOver: [0, 0, 0, 0, 0, 0],
    carriedForward: [0, 0, 0, 0, 0, 0],
    appeals: [
      [0, 0, 0, 0],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ] as [number[], number[], number[]],
    table2: {},
  };

  it('settles a row whose splits differ when only one satisfies the column rules', () => {
    const t = buildTables({
      ...base,
      outcomes: { granted: [1, 0, 10, 0, 0, 0], partial: [5, 0, 0, 0, 0, 0] },
    });
    const r = read(t, 'd');
    assert.deepEqual(r.table3.rows['granted'], [1, 0, 10, 0, 0, 0, 11]);
    assert.ok(!r.missing.includes('table3.granted'));
  });

  it('lists the candidates when two splits satisfy every rule, and does not guess', () => {
    const t = buildTables({
      ...base,
      outcomes: { granted: [1, 0, 10, 0, 0, 0], partial: [10, 1, 0, 0, 0, 0] },
    });
    const r = read(t, 'd');
    assert.equal(r.status, 'incomplete');
    assert.ok(r.missing.includes('table3.granted') && r.missing.includes('table3.partial'));
    const violation = r.violations.find((v) => v.where === 'table3 row granted');
    assert.equal(violation?.rule, 'B5');
    assert.deepEqual(violation?.candidates, [
      [1, 0, 10, 0, 0, 0, 11],
      [10, 1, 0, 0, 0, 0, 11],
    ]);
    assert.deepEqual(r.table3.rows['granted'], [null, null, null, 0, 0, 0, 11]);
    assert.match(violation?.message ?? '', /有 2 种读法都满足全部勾稽关系/);
  });
});
