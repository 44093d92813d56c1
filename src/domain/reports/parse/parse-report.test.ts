import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseReport } from './parse-report.js';
import { cutAfter, renderDocument } from './testing/layouts.js';
import { SAMPLE_2021, SUZHOU_2020 } from './testing/samples.js';

const TITLE = '苏州市人民政府2020年政府信息公开工作年度报告';
const suzhouText = () => renderDocument(SUZHOU_2020, 'a', { title: `根据要求，现发布《${TITLE}》。` });

describe('parseReport: statuses', () => {
  it('reads the Suzhou tables in the fixture layout exactly, with title, year, agency and format', () => {
    const r = parseReport(suzhouText());
    assert.equal(r.status, 'ok');
    assert.deepEqual(r.missing, []);
    assert.deepEqual(r.violations, []);
    assert.deepEqual([r.format, r.year, r.agency, r.title], ['2019', 2020, '苏州市人民政府', TITLE]);
    assert.deepEqual(r.table2, SUZHOU_2020.table2);
    assert.deepEqual(r.table3, SUZHOU_2020.table3);
    assert.deepEqual(r.table4, SUZHOU_2020.table4);
  });

  it('names the rules of a changed cell: （一）予以公开 自然人 1043 → 1044 breaks B1 and B2', () => {
    const text = suzhouText()
      .replace('(一)予以公开 |\n1043 |', '(一)予以公开 |\n1044 |')
      .replace('（一）予以公开 |\n1043 |', '（一）予以公开 |\n1044 |');
    assert.notEqual(text, suzhouText());
    const r = parseReport(text);
    assert.equal(r.status, 'violations');
    assert.deepEqual(r.table3.rows['granted'], [1044, 55, 8, 1, 24, 2, 1133]);
    assert.deepEqual(
      r.violations.map((v) => `${v.rule} ${v.where}`),
      ['B1 table3 column natural', 'B2 table3 row granted'],
    );
  });

  it('says which rows are missing when the text is cut off inside table 三', () => {
    const text = cutAfter(suzhouText(), '2.重复申请 |\n44 |\n');
    const r = parseReport(text);
    assert.equal(r.status, 'incomplete');
    assert.deepEqual(r.missing, [
      'table3.notProcessed.repeat',
      'table3.notProcessed.publication',
      'table3.notProcessed.massRepeat',
      'table3.notProcessed.confirmOrReissue',
      'table3.other',
      'table3.total',
      'table3.carriedForward',
      'table4',
    ]);
    assert.deepEqual(r.table3.rows['notProcessed.petition'], [41, 0, 0, 0, 0, 0, 41]);
    assert.deepEqual(r.table3.rows['total'], [null, null, null, null, null, null, null]);
    assert.ok(r.violations.some((v) => v.rule === 'B5' && v.where === 'table3 row total'));
    assert.ok(
      !r.violations.some((v) => v.rule === 'A1' || v.rule === 'B1'),
      'rules over missing rows are not run',
    );
  });

  it('returns unreadable for binary junk, empty input and text that is not a report', () => {
    const bytes = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    for (const input of [bytes, '', '   \n ', 'Lorem ipsum dolor sit amet 1 2 3 4 5']) {
      const r = parseReport(input);
      assert.equal(r.status, 'unreadable', JSON.stringify(input.slice(0, 20)));
      assert.deepEqual(r.missing, ['table2', 'table3', 'table4']);
      assert.match(r.violations[0]?.message ?? '', /^无法读取/);
    }
  });

  it('returns incomplete, all three tables missing, for headings with nothing under them or prose only', () => {
    const headings =
      '苏州市人民政府2020年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n';
    const prose =
      '2021年，本机关认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息1234条，依申请公开答复179件。';
    for (const input of [headings, prose]) {
      const r = parseReport(input);
      assert.equal(r.status, 'incomplete');
      assert.deepEqual(r.missing, ['table2', 'table3', 'table4']);
      assert.deepEqual(
        r.violations.map((v) => v.where),
        ['table2', 'table3', 'table4'],
      );
    }
  });

  it('accepts HTML as {html} or as a string that looks like HTML', () => {
    const html = renderDocument(SAMPLE_2021, 'e', { title: '某某区人民政府2021年政府信息公开工作年度报告' });
    for (const input of [{ html }, html]) {
      const r = parseReport(input);
      assert.equal(r.status, 'ok');
      assert.deepEqual(r.table3, SAMPLE_2021.table3);
    }
  });

  it('warns (C4) when the text quotes a different number of applications than table 三', () => {
    const text = suzhouText().replace('一、总体情况\n', '一、总体情况\n全年共收到政府信息公开申请2830件。\n');
    const r = parseReport(text);
    assert.equal(r.status, 'ok');
    assert.deepEqual(
      r.violations.map((v) => [v.rule, v.severity, v.expected, v.actual]),
      [['C4', 'warning', 2830, 2833]],
    );
  });

  it('never throws, whatever the input', () => {
    const statuses = new Set(['ok', 'violations', 'incomplete', 'unreadable']);
    const pieces = [
      '（一）予以公开',
      '1.属于国家秘密',
      '|',
      '\n',
      '四、',
      '<td>',
      '</tr>',
      '123',
      '0',
      '三、收到和处理政府信息公开申请情况',
    ];
    const arb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.array(fc.constantFrom(...pieces), { maxLength: 80 }).map((a) => a.join('')),
    );
    fc.assert(
      fc.property(arb, (s) => {
        const r = parseReport(s);
        // The internal-error fallback must never be needed.
        return statuses.has(r.status) && !r.violations.some((v) => v.message.includes('内部错误'));
      }),
      { numRuns: 300 },
    );
  });
});
