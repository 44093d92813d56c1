import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from './check.js';
import { checkAgainstPrevious, checkRollup } from './check-cross.js';
import { place } from './location.js';
import { SAMPLE_2021, SUZHOU_2020 } from './parse/testing/samples.js';
import type { Tables } from './parse/testing/table-grid.js';
import { cellValue, suspectCells } from './suspects.js';
import type { CellRef, Violation } from './types.js';

const copy = (t: Tables): Tables => structuredClone(t);
const checked = (t: Tables) => ({ ...t, violations: check(t) });
const sumOf = (t: Tables, cells: CellRef[]) => cells.reduce((s, c) => s + (cellValue(t, c) as number), 0);

describe('violation locations', () => {
  it('say the same place as `where`, as data', () => {
    const t = copy(SAMPLE_2021);
    (t.table3.rows['granted'] as (number | null)[])[0] = null;
    (t.table3.rows['partial'] as number[])[1] = -1;
    t.table4.review[4] = 99;
    t.table2['licensing'] = { label: '行政许可', decisions: 1.5 };
    const byWhere = new Map(check(t).map((v) => [v.where, v.location]));
    assert.deepEqual(byWhere.get('table3 row granted column natural'), {
      table: 'table3',
      row: 'granted',
      column: 'natural',
      cells: [{ table: 'table3', row: 'granted', column: 'natural' }],
    });
    assert.deepEqual(byWhere.get('table2 licensing.decisions')?.cells, [
      { table: 'table2', row: 'licensing', column: 'decisions' },
    ]);
    const b3 = byWhere.get('table4 review');
    assert.equal(b3?.row, 'review');
    assert.deepEqual(
      b3?.sum?.minus,
      [{ table: 'table4', row: 'review', column: 'total' }],
      'B3 compares the four results with the printed total',
    );
  });

  it('give both sides of every failed sum, adding up to expected and actual', () => {
    const t = copy(SUZHOU_2020);
    (t.table3.rows['granted'] as number[])[0] = 1044;
    (t.table3.rows['carriedForward'] as number[])[2] = 7;
    t.table4.suitDirect[0] = 40;
    const sums = check(t).filter((v) => v.location.sum);
    assert.deepEqual(
      sums.map((v) => v.rule),
      ['A1', 'B1', 'B2', 'B2', 'B3'],
    );
    for (const v of sums) {
      assert.equal(sumOf(t, v.location.sum?.plus ?? []), v.expected, `${v.rule} ${v.where} plus side`);
      assert.equal(sumOf(t, v.location.sum?.minus ?? []), v.actual, `${v.rule} ${v.where} minus side`);
    }
  });

  it('name the cell of a cross-report violation (C1, C5) and the whole submission for junk', () => {
    const now = copy(SUZHOU_2020);
    (now.table3.rows['carriedOver'] as number[])[0] = 1;
    const c1 = checkAgainstPrevious(now, SUZHOU_2020).find((v) => v.rule === 'C1');
    assert.deepEqual(c1?.location.cells, [{ table: 'table3', row: 'carriedOver', column: 'natural' }]);
    const c5 = checkRollup(SUZHOU_2020, [now]);
    assert.deepEqual(
      c5.map((v) => v.location.cells),
      [[{ table: 'table3', row: 'carriedOver', column: 'natural' }]],
    );
    assert.deepEqual(place.report().location, { table: 'report', row: null, column: null, cells: [] });
  });
});

describe('suspectCells(report)', () => {
  it('names the one changed cell and the value that fixes it', () => {
    const t = copy(SUZHOU_2020);
    (t.table3.rows['granted'] as number[])[0] = 1044;
    const r = checked(t);
    const suspects = suspectCells(r);
    assert.equal(suspects.length, 1);
    const [s] = suspects;
    assert.deepEqual(s?.cell, { table: 'table3', row: 'granted', column: 'natural' });
    assert.equal(s?.value, 1044);
    assert.equal(s?.fix, 1043);
    assert.deepEqual(s?.rules, ['B1', 'B2']);
    assert.deepEqual(
      s?.violations.map((i) => (r.violations[i] as Violation).rule),
      ['B1', 'B2'],
    );
    assert.equal(
      s?.message,
      '最可能填错的是表三「（一）予以公开」行「自然人」列（填报 1044）：若改为 1043，B1、B2 均成立。',
    );
  });

  it('finds a changed 总计 cell through A1, B1 and B2 at once', () => {
    const t = copy(SUZHOU_2020);
    const total = t.table3.rows['total'] as number[];
    const printed = total[1] as number;
    total[1] = printed + 5;
    const [s, ...rest] = suspectCells(checked(t));
    assert.deepEqual(rest, []);
    assert.deepEqual(s?.cell, { table: 'table3', row: 'total', column: 'commercial' });
    assert.deepEqual(s?.rules, ['A1', 'B1', 'B2']);
    assert.equal(s?.fix, printed);
  });

  it('finds a cell of the 本年新收 row (A1 down, B2 along)', () => {
    const t = copy(SAMPLE_2021);
    const row = t.table3.rows['newReceived'] as number[];
    const printed = row[3] as number;
    row[3] = printed + 2;
    const [s] = suspectCells(checked(t));
    assert.deepEqual(s?.cell, { table: 'table3', row: 'newReceived', column: 'publicInterest' });
    assert.equal(s?.fix, printed);
  });

  it('names no suspect when a sum fails in one direction only (table 四 has no column sums)', () => {
    const t = copy(SUZHOU_2020);
    t.table4.review[0] = (t.table4.review[0] as number) + 1;
    const r = checked(t);
    assert.deepEqual(
      r.violations.map((v) => v.rule),
      ['B3'],
    );
    assert.deepEqual(suspectCells(r), []);
  });

  it('offers no fix when the failed sums through the cell disagree', () => {
    const t = copy(SUZHOU_2020);
    (t.table3.rows['granted'] as number[])[0] = 1044;
    (t.table3.rows['granted'] as number[])[6] = 1140;
    const [s] = suspectCells(checked(t)).filter((x) => x.cell.column === 'natural');
    assert.equal(s?.value, 1044);
    assert.equal(s?.fix, null);
    assert.match(s?.message ?? '', /（填报 1044）。$/);
  });
});
