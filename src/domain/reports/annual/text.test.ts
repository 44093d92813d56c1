// The report texts: placeholders filled from the tables, unknown ones named, and rule C4 on figures
// people typed (hand-made tables; the figures are chosen so each phrase has one right answer).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TABLE3_COLUMNS, table3RowKeys } from '../table3-schema.js';
import { TABLE4_COLUMNS } from '../table4-schema.js';
import type { Table3 } from '../types.js';
import { textViolations } from './text-check.js';
import { emptyTexts, fillPlaceholders, unknownPlaceholders, type TextFigures } from './text.js';

function figures(feesCollected: number | null = 0): TextFigures {
  const rows: Table3['rows'] = {};
  for (const k of table3RowKeys('2021')) rows[k] = [0, 0, 0, 0, 0, 0, 0];
  rows.newReceived = [100, 20, 1, 2, 3, 4, 130];
  rows.carriedOver = [5, 0, 0, 0, 0, 0, 5];
  rows.granted = [60, 10, 1, 1, 1, 2, 75];
  rows.total = [100, 20, 1, 2, 3, 4, 130];
  rows.carriedForward = [5, 0, 0, 0, 0, 0, 5];
  return {
    format: '2021',
    table2: { licensing: { label: '行政许可', decisions: 812 } },
    table3: { columns: [...TABLE3_COLUMNS], columnLabels: [], rows },
    table4: {
      columns: [...TABLE4_COLUMNS],
      review: [3, 1, 0, 1, 5],
      suitDirect: [2, 0, 0, 0, 2],
      suitAfterReview: [1, 0, 0, 0, 1],
    },
    feesCollected,
  };
}

describe('report texts: placeholders', () => {
  test('named and cell placeholders are filled from the tables; a sum adds its cells', () => {
    const f = figures(1234.5);
    const text =
      '全年共收到申请{{本年新收申请}}件，其中自然人{{自然人申请}}件、法人或其他组织{{法人或其他组织申请}}件；' +
      '予以公开{{ table3.granted.natural }}件；行政诉讼{{行政诉讼}}件；行政许可{{table2.licensing.decisions}}件；' +
      '收取信息处理费{{信息处理费}}元。';
    assert.equal(
      fillPlaceholders(f, text),
      '全年共收到申请130件，其中自然人100件、法人或其他组织30件；予以公开60件；行政诉讼3件；行政许可812件；收取信息处理费1234.5元。',
    );
  });

  test('政民互动 placeholders are filled from the figures of the year; the reply rate is a percentage', () => {
    const f: TextFigures = {
      ...figures(),
      interaction: {
        lettersReceived: 412,
        lettersReplied: 397,
        letterReplyRate: 397 / 412,
        consultations: 3,
        opinions: 27,
        opinionsAdopted: 9,
        interviews: 1,
        qaPublished: 40,
      },
    };
    assert.equal(
      fillPlaceholders(
        f,
        '收到留言{{收到留言}}件，答复{{答复留言}}件，答复率{{留言答复率}}；开展意见征集{{意见征集}}次，收到意见{{收到意见}}条，采纳{{采纳意见}}条；在线访谈{{在线访谈}}期，发布政策问答{{发布政策问答}}条。',
      ),
      '收到留言412件，答复397件，答复率96.4%；开展意见征集3次，收到意见27条，采纳9条；在线访谈1期，发布政策问答40条。',
    );
    // Unknown (an imported report, or one frozen before these figures were counted): 「—」.
    assert.equal(fillPlaceholders(figures(), '答复率{{留言答复率}}'), '答复率—');
    assert.equal(
      fillPlaceholders({ ...f, interaction: { ...f.interaction!, letterReplyRate: null } }, '{{留言答复率}}'),
      '—',
    );
    assert.deepEqual(unknownPlaceholders('2021', '{{收到留言}}{{采纳意见}}'), []);
  });

  test('a missing figure prints 「—」; unknown names are listed and left as typed', () => {
    const f = figures(null);
    assert.equal(fillPlaceholders(f, '费用{{信息处理费}}元'), '费用—元');
    const text = '{{本年新收申请}}{{新收件数}}{{table3.granted.nosuch}}{{table3.other.misc.total}}';
    assert.deepEqual(unknownPlaceholders('2021', text), ['新收件数', 'table3.granted.nosuch']);
    assert.deepEqual(unknownPlaceholders('2019', text), [
      '新收件数',
      'table3.granted.nosuch',
      'table3.other.misc.total',
    ]);
    assert.equal(fillPlaceholders(f, '{{新收件数}}'), '{{新收件数}}');
  });
});

describe('report texts: rule C4 on typed figures', () => {
  test('a typed figure that contradicts table 三 or 四 is a warning naming the cell and its part', () => {
    const texts = {
      ...emptyTexts(),
      overviewApplications: '本年度共收到政府信息公开申请131件，上年结转申请5件，结转下年度继续办理6件。',
      overviewSupervision: '全年发生政府信息公开行政复议4件、行政诉讼3件。',
    };
    const found = textViolations(texts, figures());
    assert.deepEqual(
      found.map((v) => [v.rule, v.severity, v.part, v.where, v.expected, v.actual]),
      [
        ['C4', 'warning', 'overviewApplications', 'table3 row newReceived column total', 131, 130],
        ['C4', 'warning', 'overviewApplications', 'table3 row carriedForward column total', 6, 5],
        ['C4', 'warning', 'overviewSupervision', 'table4 review column total', 4, 5],
      ],
    );
    assert.match(
      found[0]!.message,
      /^「一、总体情况（二）依申请公开」：正文称「本年度共收到政府信息公开申请131件」/,
    );
  });

  test('figures given by placeholders, or typed right, raise nothing', () => {
    const texts = {
      ...emptyTexts(),
      overviewApplications: '全年共收到政府信息公开申请{{本年新收申请}}件，上年结转申请5件。',
      other: '本年度收取信息处理费{{信息处理费}}元。',
    };
    assert.deepEqual(textViolations(texts, figures(300)), []);
  });

  test('六 typed fees must agree with the fee notices, and 「未收取」 with none collected', () => {
    const typed = textViolations({ ...emptyTexts(), other: '本年度收取信息处理费200元。' }, figures(300));
    assert.deepEqual(
      typed.map((v) => [v.part, v.expected, v.actual]),
      [['other', 200, 300]],
    );
    assert.match(typed[0]!.message, /实际收取信息处理费 300 元/);
    const none = textViolations({ ...emptyTexts(), other: '本机关未收取信息处理费。' }, figures(50));
    assert.deepEqual(
      none.map((v) => [v.expected, v.actual]),
      [[0, 50]],
    );
    assert.deepEqual(textViolations({ ...emptyTexts(), other: '本机关未收取信息处理费。' }, figures(0)), []);
  });
});
