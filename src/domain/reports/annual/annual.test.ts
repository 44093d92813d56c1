// The pure parts of the annual report (issue 12): CSV rows, amounts with units, 汇总 sums of table
// 二, a figure sheet's lines, and table 三 from grouped counts in the 2019 format.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { table3ForYear, type ReportedApplication } from '../../applications/outcomes.js';
import { table3FromCounts } from './counts.js';
import { csvRows, figuresFromSheet } from './figure-sheet.js';
import { parseFigure } from './figures.js';
import { amountInWan, sumTable2 } from './rollup.js';
import { ownTable2, rollupTable2 } from './table2-sources.js';

describe('csvRows', () => {
  it('reads quotes, doubled quotes, commas inside quotes, a BOM and CRLF', () => {
    assert.deepEqual(csvRows('\uFEFFa,"b,c","say ""hi"""\r\n1,,3\r\n'), [
      ['a', 'b,c', 'say "hi"'],
      ['1', '', '3'],
    ]);
  });
});

describe('amounts', () => {
  it('turn 元, 万元 and 亿元 into 万元; a bare number is 万元', () => {
    assert.equal(amountInWan('594417.23万元'), 594417.23);
    assert.equal(amountInWan('30000元'), 3);
    assert.equal(amountInWan('1.5亿元'), 15000);
    assert.equal(amountInWan('12'), 12);
    assert.equal(amountInWan('很多'), null);
  });

  it('are summed in 万元 in a 汇总 table 二, without float noise', () => {
    const part = (amount: string) => ({ procurement: { label: '政府集中采购', projects: 1, amount } });
    const sum = sumTable2('2019', [part('0.1万元'), part('0.2万元'), part('1000元')]);
    assert.equal(sum['procurement']!['amount'], '0.4万元');
    assert.equal(sum['procurement']!['projects'], 3);
    assert.equal(sum['licensing']!['decisions'], null, 'a row no member has stays missing');
  });
});

describe('table 二 sources', () => {
  it('entered wins over the library cell by cell; 汇总 figures are added and named', () => {
    const library = { regulations: { label: '规章', made: 2, repealed: 0, valid: 10 } };
    const own = ownTable2('2021', library, [
      { rowKey: 'regulations', columnKey: 'made', value: 3, source: 'entered' },
    ]);
    assert.deepEqual(own.table2['regulations'], { label: '规章', made: 3, repealed: 0, valid: 10 });
    assert.equal(own.sources['regulations'], 'entered');
    assert.equal(own.sources['normativeDocuments'], 'missing');
    const other = ownTable2('2021', library, []);
    assert.equal(other.sources['regulations'], 'library');
    const all = rollupTable2(
      '2021',
      [own, other],
      [{ rowKey: 'fees', columnKey: 'amountWan', value: 1.25, source: 'entered' }],
    );
    assert.equal(all.table2['regulations']!['made'], 5);
    assert.equal(all.sources['regulations'], 'rollup', 'members of different sources');
    assert.equal(all.table2['fees']!['amountWan'], 1.25);
    assert.equal(all.sources['fees'], 'rollup');
    assert.equal(rollupTable2('2021', [other, other], []).sources['regulations'], 'library');
  });
});

describe('figures', () => {
  it('are checked by the kind of their cell', () => {
    assert.deepEqual(parseFigure('2019', 'licensing', 'delta', '-3'), { valueNumber: '-3', valueText: null });
    assert.ok('problem' in parseFigure('2019', 'licensing', 'decisions', '1.5'));
    assert.ok('problem' in parseFigure('2021', 'licensing', 'delta', '1'), 'no 增/减 in the 2021 format');
    assert.deepEqual(parseFigure('2021', 'fees', 'amountWan', '12.50'), {
      valueNumber: '12.5',
      valueText: null,
    });
  });

  it('are read from a sheet by key or printed label, each wrong line named', () => {
    const r = figuresFromSheet('2021', [
      ['项目', '栏目', '数值'],
      ['行政许可', '本年处理决定数量', '5'],
      ['penalty', 'decisions', '6'],
      ['行政事业性收费', '本年收费金额（单位：万元）', '1.2'],
      ['行政处罚', '上一年项目数量', '1'],
    ]);
    assert.deepEqual(
      r.figures.map((f) => [f.line, f.row, f.column, f.value]),
      [
        [2, 'licensing', 'decisions', '5'],
        [3, 'penalty', 'decisions', '6'],
        [4, 'fees', 'amountWan', '1.2'],
      ],
    );
    assert.deepEqual(r.problems, ['第 5 行：「行政处罚」没有「上一年项目数量」这一栏']);
  });
});

describe('table 三 from counts', () => {
  it('puts （六）1–3 in the one 2019 row 其他处理, as table3ForYear does', () => {
    const apps: ReportedApplication[] = [
      {
        applicantType: 'natural',
        receivedOn: '2020-02-01',
        concludedOn: '2020-03-01',
        outcome: 'other.feeUnpaid',
      },
      {
        applicantType: 'natural',
        receivedOn: '2020-02-01',
        concludedOn: '2020-03-01',
        outcome: 'other.misc',
      },
      { applicantType: 'otherOrg', receivedOn: '2019-12-01', concludedOn: null, outcome: null },
    ];
    const t = table3FromCounts(
      [
        { applicantType: 'natural', fresh: true, outcome: 'other.feeUnpaid', n: 1 },
        { applicantType: 'natural', fresh: true, outcome: 'other.misc', n: 1 },
        { applicantType: 'otherOrg', fresh: false, outcome: null, n: 1 },
      ],
      '2019',
    );
    assert.deepEqual(t.rows['other'], [2, 0, 0, 0, 0, 0, 2]);
    assert.deepEqual(t.rows['carriedForward'], [0, 0, 0, 0, 0, 1, 1]);
    assert.deepEqual(t.rows, table3ForYear(apps, 2020));
  });
});
