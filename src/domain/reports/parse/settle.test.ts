// Settling what the evidence settles (issue 11, items 1, 2, 5 and 9), on reports generated here
// from known tables: the cells the rules fix come back settled with their basis, the rest are
// listed as candidates (B5), never guessed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CellConstraint, CellRef, ParsedReport, SettledCell } from '../types.js';
import { parseReport } from './parse-report.js';
import { isReading, readReport, settleReading } from './settle.js';
import { renderDocument } from './testing/layouts.js';
import { buildTables, outcomeKeys } from './testing/samples.js';
import type { Tables } from './testing/table-grid.js';

const TITLE = '某某县人民政府2022年政府信息公开工作年度报告';
const Z = [0, 0, 0, 0, 0, 0];

/** 2021 tables whose outcome rows are all zero except `outcomes`. */
function tables2021(outcomes: Record<string, number[]>, carried: number[] = Z): Tables {
  return buildTables({
    format: '2021',
    outcomes: { ...Object.fromEntries(outcomeKeys('2021').map((k) => [k, Z])), ...outcomes },
    carriedOver: carried,
    carriedForward: carried,
    appeals: [
      [1, 0, 0, 1],
      [0, 0, 0, 0],
      [0, 0, 0, 0],
    ],
    table2: {
      regulations: [1, 0, 12],
      normativeDocuments: [8, 2, 96],
      licensing: [412],
      penalty: [37],
      coercion: [3],
      fees: [0],
    },
  });
}

/** Layout (b), one row per line, with the line starting with `label` replaced. */
function withLine(t: Tables, label: string, line: string): string {
  const text = renderDocument(t, 'b', { title: TITLE });
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith(label));
  assert.ok(at >= 0, `no line starting with ${label}`);
  lines[at] = line;
  return lines.join('\n');
}

const settledIn = (r: ParsedReport, row: string): SettledCell[] =>
  (r.settled ?? []).filter((s) => s.cell.table === 'table3' && s.cell.row === row);

function localReadings(text: string, row: string): unknown[] {
  const reading = readReport(text);
  assert.ok(isReading(reading));
  return reading.rows.table3.vars.find((v) => v.row === row)?.candidates ?? [];
}

describe('item 1: whitespace inside a run of digits is evidence, not law', () => {
  const t = tables2021({ granted: [20, 0, 0, 0, 0, 0], 'unable.notHeld': [3, 0, 0, 0, 0, 0] });
  const label = '一、本年新收政府信息公开申请数量';

  it('「230 000023」: no split respecting the space satisfies B2, so the run is read as one: 23|0|0|0|0|0|23', () => {
    const r = parseReport(withLine(t, label, `${label}230 000023`));
    assert.equal(r.status, 'ok');
    assert.deepEqual(r.table3.rows['newReceived'], [23, 0, 0, 0, 0, 0, 23]);
    assert.deepEqual(r.table3, t.table3);
    const settled = settledIn(r, 'newReceived');
    assert.equal(settled.length, 7);
    assert.ok(settled.every((s) => s.basis.kind === 'sum' && s.basis.rules.includes('B2')));
  });

  it('「1 01 0 0 0 0 11」 reads 1|1|…|11 in place, breaking B2; ignoring the spaces, only 10|1|0|0|0|0|11 satisfies A1', () => {
    const t2 = tables2021({ granted: [10, 1, 0, 0, 0, 0] });
    const r = parseReport(withLine(t2, label, `${label} 1 01 0 0 0 0 11`));
    assert.equal(r.status, 'ok');
    assert.deepEqual(r.table3.rows['newReceived'], [10, 1, 0, 0, 0, 0, 11]);
    const natural = settledIn(r, 'newReceived').find((s) => s.cell.column === 'natural');
    assert.deepEqual(natural?.basis, { kind: 'sum', rules: ['A1', 'B2'] });
    assert.match(natural?.message ?? '', /A1/);
  });

  it('a space at a real boundary is respected: 「23 0 0 0 0 0 23」 is read as printed, nothing listed as settled', () => {
    const r = parseReport(withLine(t, label, `${label} 23 0 0 0 0 0 23`));
    assert.equal(r.status, 'ok');
    assert.deepEqual(settledIn(r, 'newReceived'), []);
  });

  it('a row whose figures break B2 with no other reading stays a B2 error (no repair by guessing)', () => {
    const r = parseReport(withLine(t, label, `${label} 24 0 0 0 0 0 23`));
    assert.equal(r.status, 'violations');
    assert.ok(r.violations.some((v) => v.rule === 'B2' && v.where === 'table3 row newReceived'));
  });
});

describe('item 2: table 三 is one system of equations', () => {
  it('two rows with two B2 splits each: only one combination satisfies B1 against （七）总计, and it is taken', () => {
    const t = tables2021({ granted: [10, 1, 0, 0, 0, 0], 'unable.notHeld': [10, 0, 1, 0, 0, 0] });
    const text = renderDocument(t, 'd', { title: TITLE });
    assert.equal(localReadings(text, 'granted').length, 2);
    assert.equal(localReadings(text, 'unable.notHeld').length, 2);
    const r = parseReport(text);
    assert.deepEqual(r.table3, t.table3);
    assert.ok(!r.missing.some((m) => m.startsWith('table3')), r.missing.join());
    for (const row of ['granted', 'unable.notHeld']) {
      const research = settledIn(r, row).find((s) => s.cell.column === 'research');
      assert.equal(research?.basis.kind, 'sum');
      assert.ok(research?.basis.kind === 'sum' && research.basis.rules.includes('B1'), row);
    }
  });

  it('when the whole table admits two solutions, both rows are listed with both readings (B5), never guessed', () => {
    // 10|1|0… and 1|0|10… print the same digits; swapping them between the two rows keeps every sum.
    const t = tables2021({ granted: [10, 1, 0, 0, 0, 0], 'unable.notHeld': [1, 0, 10, 0, 0, 0] });
    const r = parseReport(renderDocument(t, 'd', { title: TITLE }));
    assert.equal(r.status, 'incomplete');
    for (const row of ['granted', 'unable.notHeld']) {
      const v = r.violations.find((x) => x.rule === 'B5' && x.where === `table3 row ${row}`);
      assert.deepEqual(
        v?.candidates?.map((c) => c.join('/')).sort(),
        ['1/0/10/0/0/0/11', '10/1/0/0/0/0/11'],
        row,
      );
      assert.ok(r.missing.includes(`table3.${row}`));
      assert.equal(r.table3.rows[row]?.[1], null);
    }
  });

  it('layout (d) of a full report: every cell settled, each with the rules that settled it', () => {
    const t = tables2021(
      {
        granted: [120, 15, 2, 0, 3, 1],
        partial: [30, 4, 0, 0, 1, 0],
        'unable.notHeld': [60, 8, 1, 0, 2, 0],
        'notProcessed.repeat': [7, 0, 0, 0, 0, 0],
      },
      [10, 2, 0, 0, 0, 0],
    );
    const r = parseReport(renderDocument(t, 'd', { title: TITLE }));
    assert.deepEqual(r.table3, t.table3);
    const rows = Object.keys(t.table3.rows);
    for (const row of rows) assert.equal(settledIn(r, row).length, 7, row);
    assert.ok((r.settled ?? []).every((s) => s.message.length > 0));
  });
});

describe('item 9: a 2021 report on the 2019 template', () => {
  const OTHER = ['other.noCorrection', 'other.feeUnpaid', 'other.misc'];

  /** Replaces the three 2021 sub-rows of （六）其他处理 by the one 2019 row. */
  function mixed(t: Tables, cells: string): string {
    const text = renderDocument(t, 'b', { title: TITLE });
    const from = text.indexOf('（六）其他处理');
    const to = text.indexOf('（七）总计');
    return `${text.slice(0, from)}（六）其他处理 | ${cells} |\n${text.slice(to)}`;
  }

  it('the single row all zeros: the three 2021 sub-rows are zeros, settled with that basis; status ok', () => {
    const t = tables2021({ granted: [5, 1, 0, 0, 0, 0], partial: [2, 0, 0, 0, 0, 0] });
    const r = parseReport(mixed(t, ' |  |  |  |  |  | '));
    assert.equal(r.format, '2021');
    assert.equal(r.status, 'ok');
    assert.deepEqual(r.table3, t.table3);
    for (const row of OTHER) {
      const settled = settledIn(r, row);
      assert.equal(settled.length, 7);
      assert.ok(settled.every((s) => s.basis.kind === 'template' && s.value === 0));
      assert.match(settled[0]?.message ?? '', /2019/);
    }
  });

  it('the single row not zero: the three sub-rows are undecidable (B5, missing), the other rows read and B1 holds', () => {
    const t = tables2021({ granted: [5, 1, 0, 0, 0, 0], 'other.misc': [3, 0, 0, 0, 0, 0] });
    const r = parseReport(mixed(t, '3 |  |  |  |  |  | 3'));
    assert.equal(r.status, 'incomplete');
    assert.deepEqual(
      r.missing.filter((m) => m.startsWith('table3')),
      OTHER.map((k) => `table3.${k}`),
    );
    for (const row of OTHER) {
      const v = r.violations.find((x) => x.rule === 'B5' && x.where === `table3 row ${row}`);
      assert.match(v?.message ?? '', /2019 年格式/);
      assert.deepEqual(r.table3.rows[row], [null, null, null, null, null, null, null]);
    }
    assert.deepEqual(r.table3.rows['granted'], t.table3.rows['granted']);
    assert.ok(!r.violations.some((v) => v.rule === 'B1' || v.rule === 'A1'));
  });

  it('2019 row labels in table 二 (「规范性文件」, 「其他对外管理服务事项」, 「政府集中采购」): the 2021 rows are read', () => {
    const t = tables2021({ granted: [5, 1, 0, 0, 0, 0] });
    const text = renderDocument(t, 'b', { title: TITLE })
      .replace('行政规范性文件 |', '规范性文件 |')
      .replace(/(行政许可 \| 412 \|)/, '$1\n其他对外管理服务事项 | 9 |')
      .replace(/(行政事业性收费 \| 0 \|)/, '$1\n第二十条第（九）项 |\n政府集中采购 | 4 |');
    assert.match(text, /其他对外管理服务事项/);
    const r = parseReport(text);
    assert.equal(r.format, '2021');
    assert.deepEqual(r.table2, t.table2);
    assert.equal(r.status, 'ok');
  });
});

describe('item 5: constraints from outside the tables, each settled cell with its basis', () => {
  // The table admits two solutions (see item 2): a figure from elsewhere decides between them.
  const t = tables2021({ granted: [10, 1, 0, 0, 0, 0], 'unable.notHeld': [1, 0, 10, 0, 0, 0] });
  const text = renderDocument(t, 'd', { title: TITLE });
  const reading = readReport(text);
  assert.ok(isReading(reading));
  const granted = (column: string): CellRef => ({ table: 'table3', row: 'granted', column });
  const quote: CellConstraint = {
    plus: [granted('natural')],
    minus: [],
    value: 10,
    basis: { kind: 'quote', quote: '自然人申请予以公开10件' },
  };

  it('a constraint that one joint solution satisfies settles both rows; the cells it decided carry its basis', () => {
    const r = settleReading(reading, [quote]);
    assert.deepEqual(r.table3, t.table3);
    assert.ok(!r.missing.some((m) => m.startsWith('table3')));
    const natural = settledIn(r, 'granted').find((s) => s.cell.column === 'natural');
    assert.deepEqual(natural?.basis, quote.basis);
    assert.equal(natural?.message, '由正文「自然人申请予以公开10件」确定。');
    // notHeld has no quote of its own: the quote settled it through B1.
    const research = settledIn(r, 'unable.notHeld').find((s) => s.cell.column === 'research');
    assert.deepEqual(research?.basis, quote.basis);
    assert.equal(research?.value, 10);
  });

  it('a constraint that no solution satisfies is not applied: the rows stay listed with both readings', () => {
    const wrong: CellConstraint = { ...quote, value: 7 };
    const r = settleReading(reading, [wrong]);
    assert.equal(r.status, 'incomplete');
    const v = r.violations.find((x) => x.rule === 'B5' && x.where === 'table3 row granted');
    assert.equal(v?.candidates?.length, 2);
    assert.ok(!(r.settled ?? []).some((s) => s.basis.kind === 'quote'));
  });

  it('a neighbouring year fixes a table-二 cell that no sum relates: basis series, with its year', () => {
    const glued = renderDocument(t, 'b', { title: TITLE }).replace(/规章 \| 1 \| 0 \| 12 \|/, '规章 1012');
    const alone = parseReport(glued);
    assert.ok(alone.missing.includes('table2.regulations'), alone.missing.join());
    const read2 = readReport(glued);
    assert.ok(isReading(read2));
    const series: CellConstraint = {
      plus: [{ table: 'table2', row: 'regulations', column: 'valid' }],
      minus: [],
      value: 12,
      basis: { kind: 'series', rule: 'C2', year: 2021 },
    };
    const r = settleReading(read2, [series]);
    assert.deepEqual(r.table2['regulations'], t.table2['regulations']);
    const settled = (r.settled ?? []).filter((s) => s.cell.table === 'table2');
    assert.ok(settled.length > 0 && settled.every((s) => s.basis.kind === 'series'));
    assert.match(settled[0]?.message ?? '', /2021 年/);
  });

  it('a loosely matched label is said so (looseLabels)', () => {
    const loose = renderDocument(t, 'b', { title: TITLE }).replace(
      '其他法律行政法规禁止公开',
      '其他法律行政止公开',
    );
    const r = parseReport(loose);
    assert.deepEqual(r.table3, t.table3);
    assert.deepEqual(
      r.looseLabels?.map((l) => [l.table, l.row]),
      [['table3', 'denied.lawForbidden']],
    );
  });
});
