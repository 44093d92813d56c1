import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cellKey } from '../location.js';
import type { CellConstraint, ParsedReport } from '../types.js';
import { parseReport } from './parse-report.js';
import { quotedConstraints, quoteViolations } from './quoted-figures.js';
import { renderDocument } from './testing/layouts.js';
import { SAMPLE_2021, SUZHOU_2020 } from './testing/samples.js';

const TITLE_2021 = '某市人民政府2021年政府信息公开工作年度报告';

/** A generated 2021 report whose overview says `prose` (layout b: one row per line). */
function report2021(prose: string, edit: (text: string) => string = (t) => t): string {
  const text = renderDocument(SAMPLE_2021, 'b', { title: TITLE_2021 });
  return edit(text.replace('一、总体情况\n', `一、总体情况\n${prose}\n`));
}

const shown = (cs: CellConstraint[]) =>
  cs.map((c) => [
    c.plus.map(cellKey).join('+'),
    c.value,
    c.basis.kind === 'quote' ? c.basis.quote : c.basis.kind,
  ]);

describe('quotedConstraints: the report’s own prose as data', () => {
  it('reads each phrasing of section 一 into the cells it names, with the words as printed', () => {
    const prose =
      '2021年，本机关全年共收到政府信息公开申请321件。本年度制发规范性文件30件，集中公开现行有效行政规范性文件310件；' +
      '办理行政许可15,321件，作出行政处罚决定2873件。全年发生政府信息公开行政复议6件、行政诉讼5件。';
    assert.deepEqual(shown(quotedConstraints(prose, '2021')), [
      ['table3|newReceived|total', 321, '全年共收到政府信息公开申请321件'],
      ['table2|normativeDocuments|made', 30, '本年度制发规范性文件30件'],
      ['table2|normativeDocuments|valid', 310, '集中公开现行有效行政规范性文件310件'],
      ['table2|licensing|decisions', 15321, '办理行政许可15,321件'],
      ['table2|penalty|decisions', 2873, '作出行政处罚决定2873件'],
      ['table4|review|total', 6, '行政复议6件、行政诉讼5件'],
      ['table4|suitDirect|total+table4|suitAfterReview|total', 5, '行政复议6件、行政诉讼5件'],
    ]);
  });

  it('maps a phrasing to the column of the report’s format, and drops it where the format has none', () => {
    const prose = '本年度制发规范性文件266件，集中公开现行有效规范性文件2899件。';
    assert.deepEqual(shown(quotedConstraints(prose, '2019')), [
      ['table2|normativeDocuments|newMade', 266, '本年度制发规范性文件266件'],
    ]);
  });

  it('takes nothing from vague sentences: combined counts, 答复, 主动公开条数, 信息处理费', () => {
    const prose =
      '全年主动公开政府信息1234条，办理依申请公开答复179件，政府信息公开行政复议、行政诉讼案件15件，收取信息处理费400元，' +
      '共有行政规范性文件310件。';
    assert.deepEqual(quotedConstraints(prose, '2021'), []);
  });
});

describe('C4: a quoted figure against the tables', () => {
  it('passes a generated report whose prose agrees with its tables', () => {
    const r = parseReport(
      report2021('全年共收到政府信息公开申请321件，办理行政许可15321件，行政复议6件、行政诉讼5件。'),
    );
    assert.equal(r.status, 'ok');
    assert.deepEqual(r.violations, []);
  });

  it('warns for each table-二 and table-四 cell the prose contradicts, naming quote and cells', () => {
    const tables = { ...SAMPLE_2021, violations: [] };
    const found = quoteViolations('办理行政许可15320件。全年行政复议6件、行政诉讼4件。', tables);
    assert.deepEqual(
      found.map((v) => [v.rule, v.severity, v.where, v.expected, v.actual]),
      [
        ['C4', 'warning', 'table2 licensing.decisions', 15320, 15321],
        ['C4', 'warning', 'table4 suitDirect.total+suitAfterReview.total', 4, 5],
      ],
    );
    assert.equal(
      found[0]?.message,
      '正文称「办理行政许可15320件」，表二「行政许可」行「本年处理决定数量」却为 15321。',
    );
    assert.match(
      found[1]?.message ?? '',
      /表四「未经复议直接起诉」「总计」与表四「复议后起诉」「总计」之和却为 5/,
    );
  });

  it('warns when no reading of an undecided cell is the quoted figure, and lists the readings', () => {
    const undecided = {
      ...SAMPLE_2021,
      table2: { ...SAMPLE_2021.table2, licensing: { label: '行政许可', decisions: null } },
      violations: [
        {
          rule: 'B5',
          severity: 'error',
          where: 'table2 licensing',
          location: {
            table: 'table2',
            row: 'licensing',
            column: null,
            cells: [{ table: 'table2', row: 'licensing', column: 'decisions' }],
          },
          message: '…',
          candidates: [[12], [21]],
        },
      ] as ParsedReport['violations'],
    };
    const [v] = quoteViolations('办理行政许可13件。', undecided);
    assert.equal(v?.rule, 'C4');
    assert.equal(
      v?.message,
      '正文称「办理行政许可13件」，但表二「行政许可」行「本年处理决定数量」的各种可能读法（12、21）中没有 13。',
    );
    assert.deepEqual(quoteViolations('办理行政许可21件。', undecided), []);
  });

  it('keeps the 2019 table-三 warning of the Suzhou report', () => {
    const text = renderDocument(SUZHOU_2020, 'a').replace(
      '一、总体情况\n',
      '一、总体情况\n全年共收到政府信息公开申请2830件。\n',
    );
    const r = parseReport(text);
    assert.deepEqual(
      r.violations.map((v) => [v.rule, v.where, v.expected, v.actual]),
      [['C4', 'table3 row newReceived column total', 2830, 2833]],
    );
  });
});
