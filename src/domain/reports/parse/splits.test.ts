import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { table3Equations } from '../rules.js';
import { table3RowKeys } from '../table3-schema.js';
import { segmentEvidence } from './cells.js';
import { htmlToText } from './html.js';
import { readRow } from './row-reading.js';
import { digitSource, splitIntoGroups, tokenSource } from './splits.js';
import { splitKinds } from './table2-row.js';
import { solveTable3 } from './table3-solve.js';

describe('splitting run-together digits', () => {
  it('finds the one split of 「104355812421133」 whose 总计 is the sum (the issue example)', () => {
    const { readings } = splitIntoGroups(digitSource('104355812421133'), {
      groups: [7],
      allowEmpty: false,
      limit: 100,
    });
    assert.ok(readings.some((r) => r.join() === '1043,55,8,1,24,2,1133'));
    assert.ok(readings.every((r) => r.slice(0, 6).reduce((a, b) => a + b, 0) === r[6]));
  });

  it('never reads a part with a leading zero', () => {
    const { readings } = splitIntoGroups(digitSource('2000002'), {
      groups: [7],
      allowEmpty: false,
      limit: 100,
    });
    assert.deepEqual(readings, [[2, 0, 0, 0, 0, 0, 2]]);
  });

  it('splits table 四 into three groups that each add up', () => {
    const { readings } = splitIntoGroups(digitSource('641313111013861322793422947'), {
      groups: [5, 5, 5],
      allowEmpty: false,
      limit: 100,
    });
    assert.ok(readings.some((r) => r.join() === '64,13,13,11,101,38,6,13,22,79,34,2,2,9,47'));
  });

  it('places numbers whose empty cells were dropped in every order-preserving way that adds up', () => {
    const { readings } = splitIntoGroups(tokenSource([5, 5]), { groups: [7], allowEmpty: true, limit: 100 });
    assert.equal(readings.length, 6);
    assert.ok(readings.every((r) => r[6] === 5 && r.filter((v) => v === 5).length === 2));
  });

  it('cuts a glued table-二 row into valid parts, keeping a negative 本年增/减 and an amount with its unit', () => {
    assert.deepEqual(
      splitKinds('699-2910569008', ['count', 'delta', 'count']).filter((r) => r[1] === -29),
      [[699, -29, 10569008]],
    );
    assert.ok(
      splitKinds('1885594417.23万元', ['count', 'amountText']).some(
        (r) => r[0] === 1885 && r[1] === '594417.23万元',
      ),
    );
  });
});

describe('reading one row', () => {
  it('keeps positions with pipes: an empty first cell stays the 自然人 column', () => {
    const r = readRow(segmentEvidence(' |  | 1 |  |  |  | 31 | 32 |\n| ', false), [7]);
    assert.deepEqual(r, { kind: 'read', candidates: [[0, 1, 0, 0, 0, 31, 32]] });
  });

  it('a blank 总计 is null when the row has numbers, 0 when it has none', () => {
    assert.deepEqual(readRow(segmentEvidence(' | 78 | 6 |  |  |  |  |  |', false), [7]), {
      kind: 'read',
      candidates: [[78, 6, 0, 0, 0, 0, null]],
    });
    assert.deepEqual(readRow(segmentEvidence(' |  |  |  |  |  |  |  |', false), [7]), {
      kind: 'read',
      candidates: [[0, 0, 0, 0, 0, 0, 0]],
    });
  });

  it('a row cut off at the end of the text is missing, not zero', () => {
    assert.deepEqual(readRow(segmentEvidence(' |\n96 |\n7 |', true), [7]), { kind: 'missing' });
  });

  it('stops at text after the numbers (a province-specific extra row)', () => {
    const ev = segmentEvidence(
      ' | 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n其中：网上申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
      false,
    );
    assert.deepEqual(readRow(ev, [7]), { kind: 'read', candidates: [[2, 0, 0, 0, 0, 0, 2]] });
  });
});

describe('settling table 三 with A1 and B1', () => {
  it('keeps only the readings that take part in a consistent table', () => {
    const zero = [0, 0, 0, 0, 0, 0, 0];
    const readings = new Map<string, (number | null)[][]>(table3RowKeys('2019').map((k) => [k, [zero]]));
    readings.set('newReceived', [[1, 0, 10, 0, 0, 0, 11]]);
    readings.set('granted', [
      [1, 0, 10, 0, 0, 0, 11],
      [10, 1, 0, 0, 0, 0, 11],
    ]);
    readings.set('total', [[1, 0, 10, 0, 0, 0, 11]]);
    const result = solveTable3(readings, table3Equations('2019'));
    assert.deepEqual(result.supported.get('granted'), [[1, 0, 10, 0, 0, 0, 11]]);
    assert.equal(result.solutions, 1);
  });
});

describe('HTML to text', () => {
  it('turns rows into lines of cells, keeps empty cells, decodes entities and ignores scripts', () => {
    const html =
      '<script>var x = "<td>9</td>";</script><p>标题&ldquo;一&rdquo;</p><table><tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>1&#48;</td><td>&nbsp;</td></tr></table>';
    assert.equal(htmlToText(html), '标题“一”\n三、本年度办理结果 | （一）予以公开 | 10 |  |');
  });
});
