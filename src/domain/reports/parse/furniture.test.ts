// Issue 11, item 8: text copied from PDFs — page furniture inside a table, wrapped labels, labels
// with characters missing — printed here from known tables (layout b) and read back.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TABLE3_LINES } from '../table3-schema.js';
import { isPageNumber, stripFurniture } from './furniture.js';
import { labelSpec, locateRegions, locateSequence } from './locate.js';
import { buildDoc, normalizeText } from './normalize.js';
import { parseReport } from './parse-report.js';
import { renderDocument } from './testing/layouts.js';
import { SAMPLE_2021 } from './testing/samples.js';

const TITLE = '某某区人民政府2021年政府信息公开工作年度报告';
const printed = renderDocument(SAMPLE_2021, 'b', { title: TITLE });
const tablesOf = (r: { table2: unknown; table3: unknown; table4: unknown }) => [r.table2, r.table3, r.table4];

function replaced(text: string, from: string, to: string): string {
  assert.ok(text.includes(from), `not in the text: ${from}`);
  return text.replace(from, to);
}

describe('page furniture', () => {
  it('recognises page numbers, not figures', () => {
    for (const s of ['- 3 -', '—3—', '第 3 页', '第3页 共12页', '3/12', '| - 12 - |'])
      assert.ok(isPageNumber(s), s);
    for (const s of ['3', '-3', '3 |', '第三页的内容', '本年新收 3']) assert.ok(!isPageNumber(s), s);
  });

  it('reads rows that a page break cut in two, with the page number and running title in between', () => {
    const text = replaced(
      replaced(
        printed,
        '4.保护第三方合法权益 | 5 | 1 |',
        `4.保护第三方合法权益 | 5 | 1 |\n- 3 -\n${TITLE}\n第 4 页 共 9 页\n`,
      ),
      '（七）总计 |',
      `（七）总计 |\n${TITLE} 第5页\n`,
    );
    const r = parseReport(text);
    assert.equal(r.status, 'ok', JSON.stringify(r.violations.slice(0, 2)));
    assert.deepEqual(tablesOf(r), tablesOf(SAMPLE_2021));
    assert.equal(r.title, TITLE);
  });

  it('keeps the title line itself and figures alone on a line', () => {
    assert.equal(stripFurniture(`${TITLE}\n3\n- 2 -\n5`), `${TITLE}\n3\n5`);
  });
});

describe('headers one character per line', () => {
  it('reads side-by-side stacked header cells column by column', () => {
    const stacked = ['本  本  现', '年  年  行', '制  废  有', '发  止  效', '件  件  件', '数  数  数'];
    const text = normalizeText(
      ['第二十条第（一）项', '信息内容', ...stacked, '规章 | 2 | 1 | 45 |'].join('\n'),
    );
    assert.match(text, /本年制发件数 \| 本年废止件数 \| 现行有效件数/);
    assert.match(text, /\n规章 \| 2 \| 1 \| 45 \|$/);
  });

  it('leaves single-character cells and prose alone', () => {
    const text = '其他\n无\n5\n第 三 页';
    assert.equal(normalizeText(text), text);
  });
});

describe('labels as PDFs print them', () => {
  it('reads a label wrapped onto two lines with its numbers on the next', () => {
    const text = replaced(
      printed,
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 30 |',
      '（二）部分公开（区分处理的，只计这一\n情形，不计其他情形） |\n| 30 |',
    );
    const r = parseReport(replaced(text, '4.保护第三方合法权益 |', '4.保护第三\n方合法权益 |'));
    assert.equal(r.status, 'ok', JSON.stringify(r.violations.slice(0, 2)));
    assert.deepEqual(tablesOf(r), tablesOf(SAMPLE_2021));
  });

  const spansOf = (text: string) => {
    const doc = buildDoc(normalizeText(text));
    const region = locateRegions(doc).table3;
    assert.ok(region);
    const specs = TABLE3_LINES['2021'].map((l) => labelSpec(l.label));
    return locateSequence(doc, specs, region.start, region.end);
  };
  const at = (key: string) => TABLE3_LINES['2021'].findIndex((l) => l.key === key);

  it('matches a label with characters missing among the labels expected there, and says so', () => {
    const text = replaced(printed, '2.其他法律行政法规禁止公开', '2.其他法律行政止公开');
    const r = parseReport(text);
    assert.deepEqual(r.table3.rows['denied.lawForbidden'], SAMPLE_2021.table3.rows['denied.lawForbidden']);
    assert.equal(r.status, 'ok');
    const spans = spansOf(text);
    assert.equal(spans[at('denied.lawForbidden')]?.loose, '2.其他法律行政止公开');
    assert.equal(spans[at('denied.stateSecret')]?.loose, undefined);
    if (r.looseLabels) assert.ok(r.looseLabels.some((l) => l.printed.includes('其他法律行政止公开')));
  });

  it('matches an OCR misreading (逾期 read 请期) but not a row that is not printed at all', () => {
    const text = replaced(
      replaced(printed, '1.申请人无正当理由逾期不补正', '1.申请人无正当理由请期不补正'),
      '3.危及“三安全一稳定” |  |  |  |  |  |  |  |\n',
      '',
    );
    const spans = spansOf(text);
    assert.match(spans[at('other.noCorrection')]?.loose ?? '', /^1\.申请人无正当理由请期不补正/);
    assert.equal(spans[at('denied.threeSecurityOneStability')], null);
    const r = parseReport(text);
    assert.deepEqual(r.table3.rows['other.noCorrection'], SAMPLE_2021.table3.rows['other.noCorrection']);
    assert.ok(r.missing.includes('table3.denied.threeSecurityOneStability'));
  });
});
