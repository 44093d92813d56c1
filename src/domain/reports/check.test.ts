import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from './check.js';
import { checkAgainstPrevious, checkRollup } from './check-cross.js';
import { SAMPLE_2021, SUZHOU_2020 } from './parse/testing/samples.js';
import type { Tables } from './parse/testing/table-grid.js';
import { REPORT_RULES } from './rules.js';

const copy = (t: Tables): Tables => structuredClone(t);
const rulesAt = (t: Tables) => check(t).map((v) => `${v.rule} ${v.where}`);

describe('check(report)', () => {
  it('finds nothing wrong in the Suzhou 2020 tables or the 2021 sample', () => {
    assert.deepEqual(check(SUZHOU_2020), []);
    assert.deepEqual(check(SAMPLE_2021), []);
  });

  it('names B1 (its column) and B2 (its row) when one outcome cell is changed', () => {
    const t = copy(SUZHOU_2020);
    (t.table3.rows['granted'] as number[])[0] = 1044;
    const found = check(t);
    assert.deepEqual(
      found.map((v) => `${v.rule} ${v.where}`),
      ['B1 table3 column natural', 'B2 table3 row granted'],
    );
    const b1 = found[0];
    assert.equal(b1?.expected, 2643);
    assert.equal(b1?.actual, 2642);
    assert.match(b1?.message ?? '', /自然人/);
  });

  it('names A1 when 结转下年度 does not balance, with the two sides as expected/actual', () => {
    const t = copy(SUZHOU_2020);
    (t.table3.rows['carriedForward'] as number[])[0] = 95;
    (t.table3.rows['carriedForward'] as number[])[6] = 102;
    const a1 = check(t).filter((v) => v.rule === 'A1');
    assert.deepEqual(
      a1.map((v) => [v.where, v.expected, v.actual]),
      [
        ['table3 column natural', 2738, 2737],
        ['table3 column total', 2917, 2916],
      ],
    );
  });

  it('applies B3 to each group of table 四 and B4 to negative or fractional counts', () => {
    const t = copy(SAMPLE_2021);
    t.table4.suitDirect[4] = 5;
    (t.table3.rows['denied.process'] as number[])[1] = -1;
    t.table2['licensing'] = { label: '行政许可', decisions: 1.5 };
    assert.deepEqual(
      rulesAt(t).filter((r) => r.startsWith('B3') || r.startsWith('B4')),
      [
        'B3 table4 suitDirect',
        'B4 table2 licensing.decisions',
        'B4 table3 row denied.process column commercial',
      ],
    );
  });

  it('allows a negative 2019 本年增/减 but not a negative count', () => {
    const t = copy(SUZHOU_2020);
    assert.equal(t.table2['otherServices']?.['delta'], -29);
    assert.deepEqual(check(t), []);
    (t.table2['otherServices'] as Record<string, unknown>)['prevCount'] = -1;
    assert.deepEqual(rulesAt(t), ['B4 table2 otherServices.prevCount']);
  });

  it('reports a blank 总计 as a B5 warning and skips the sums it would need', () => {
    const t = copy(SUZHOU_2020);
    (t.table3.rows['granted'] as (number | null)[])[6] = null;
    const found = check(t);
    assert.deepEqual(
      found.map((v) => [v.rule, v.severity, v.where]),
      [['B5', 'warning', 'table3 row granted column total']],
    );
  });

  it('reports a missing row once and a missing table once (B5 errors)', () => {
    const t = copy(SUZHOU_2020);
    t.table3.rows['other'] = [null, null, null, null, null, null, null];
    t.table4 = {
      ...t.table4,
      review: [null, null, null, null, null],
      suitDirect: [null, null, null, null, null],
      suitAfterReview: [null, null, null, null, null],
    };
    const b5 = check(t).filter((v) => v.rule === 'B5');
    assert.deepEqual(
      b5.map((v) => [v.severity, v.where]),
      [
        ['error', 'table3 row other'],
        ['error', 'table4'],
      ],
    );
  });
});

describe('cross-report rules', () => {
  it('C1: this year 上年结转 against last year 结转下年度', () => {
    const previous = copy(SUZHOU_2020);
    const current = copy(SAMPLE_2021);
    const found = checkAgainstPrevious(current, previous);
    assert.ok(found.every((v) => v.rule === 'C1' && v.severity === 'warning'));
    assert.deepEqual(
      found.map((v) => v.where),
      [
        'table3 row carriedOver column natural',
        'table3 row carriedOver column commercial',
        'table3 row carriedOver column total',
      ],
    );
  });

  it('C2: 2021 现行有效件数 = last year + 制发 − 废止', () => {
    const previous = copy(SAMPLE_2021);
    const current = copy(SAMPLE_2021);
    (current.table2['regulations'] as Record<string, unknown>)['valid'] = 46;
    // 规章: 45 + 2 − 1 = 46 holds; 行政规范性文件: 310 + 30 − 12 = 328, printed 310.
    const found = checkAgainstPrevious(current, previous).filter((v) => v.rule === 'C2');
    assert.deepEqual(
      found.map((v) => [v.where, v.expected, v.actual]),
      [['table2 normativeDocuments.valid', 328, 310]],
    );
  });

  it('C3: 2019 上一年项目数量 = last year + 增减', () => {
    const previous = copy(SUZHOU_2020);
    const current = copy(SUZHOU_2020);
    const found = checkAgainstPrevious(current, previous).filter((v) => v.rule === 'C3');
    assert.deepEqual(
      found.map((v) => [v.where, v.expected, v.actual]),
      [
        ['table2 otherServices.prevCount', 670, 699],
        ['table2 penalty.prevCount', 5926, 5921],
        ['table2 coercion.prevCount', 281, 277],
      ],
    );
  });

  it('C5: a 汇总 report equal to the sum of its members passes; a changed cell is named', () => {
    const rollup = copy(SAMPLE_2021);
    const half = copy(SAMPLE_2021);
    for (const key of Object.keys(half.table3.rows))
      half.table3.rows[key] = (half.table3.rows[key] as number[]).map(() => 0);
    half.table4 = {
      ...half.table4,
      review: [0, 0, 0, 0, 0],
      suitDirect: [0, 0, 0, 0, 0],
      suitAfterReview: [0, 0, 0, 0, 0],
    };
    assert.deepEqual(checkRollup(rollup, [SAMPLE_2021, half]), []);
    (rollup.table3.rows['granted'] as number[])[0] = 121;
    assert.deepEqual(
      checkRollup(rollup, [SAMPLE_2021, half]).map((v) => v.where),
      ['table3 row granted column natural'],
    );
  });

  it('has one definition per rule id, errors for A/B and warnings for C', () => {
    assert.deepEqual(
      REPORT_RULES.map((r) => r.id),
      ['A1', 'B1', 'B2', 'B3', 'B4', 'B5', 'C1', 'C2', 'C3', 'C4', 'C5'],
    );
    assert.ok(
      REPORT_RULES.every((r) => (r.id.startsWith('C') ? r.severity === 'warning' : r.severity === 'error')),
    );
  });
});
