// Issue 11, item 7: PDF tables whose empty cells have no text are read by the x-positions of the
// cells around them; item 8: page numbers and running titles, headers one character per line.
// The PDFs are printed here from known tables (testing/report-pdf.ts) and read through the reader
// pool like any upload.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { SAMPLE_2021, SUZHOU_2020 } from '../domain/reports/parse/testing/samples.js';
import { groupLines, joinLine, pdfPagesToText, type PdfTextItem } from './pdf.js';
import { closeReaders, runReaderJob } from './read-pool.js';
import { reportPdf } from './testing/report-pdf.js';

/** A file read in the reader pool, as the page, the API and the CLI read uploads. */
async function readFile(bytes: Uint8Array, name: string) {
  const outcome = await runReaderJob({ kind: 'file', bytes, name });
  assert.ok('report' in outcome);
  return outcome.report;
}

after(() => closeReaders());

const tablesOf = (r: { table2: unknown; table3: unknown; table4: unknown }) => [r.table2, r.table3, r.table4];

describe('PDF tables with blank cells (pdf.js → cells placed by x-position)', () => {
  it('reads a 2021 report whose zeros are blank cells exactly, with no candidates to choose from', async () => {
    const r = await readFile(await reportPdf(SAMPLE_2021), 'sparse.pdf');
    assert.equal(r.status, 'ok', JSON.stringify(r.violations.slice(0, 3)));
    assert.deepEqual(tablesOf(r), tablesOf(SAMPLE_2021));
  });

  it('reads a 2019 report over two pages, page numbers and the repeated title between its rows', async () => {
    const pdf = await reportPdf(SUZHOU_2020, {
      furniture: true,
      title: '苏州市人民政府2020年政府信息公开工作年度报告',
    });
    const r = await readFile(pdf, 'suzhou.pdf');
    assert.equal(r.status, 'ok', JSON.stringify(r.violations.slice(0, 3)));
    assert.deepEqual(tablesOf(r), tablesOf(SUZHOU_2020));
    assert.equal(r.year, 2020);
  });

  it('reads column headers printed one character per line', async () => {
    const r = await readFile(await reportPdf(SAMPLE_2021, { stackedHeaders: true }), 'stacked.pdf');
    assert.equal(r.status, 'ok', JSON.stringify(r.violations.slice(0, 3)));
    assert.deepEqual(tablesOf(r), tablesOf(SAMPLE_2021));
  });
});

const item = (str: string, x: number, y: number, width = str.length * 6): PdfTextItem => ({
  str,
  x,
  y,
  width,
  size: 6,
});
/** A row at height y: the label at x = 0, then each figure centred in its 40-wide column. */
const row = (y: number, label: string, cells: string[]): PdfTextItem[] => [
  item(label, 0, y),
  ...cells.flatMap((c, i) => (c === '' ? [] : [item(c, 100 + i * 40 + 20 - c.length * 3, y)])),
];

describe('placing figures in columns', () => {
  it('puts an empty cell where a column has no figure, one cell per column', () => {
    const text = pdfPagesToText([
      [...row(100, '甲', ['5', '', '3', '8']), ...row(90, '乙', ['1', '2', '', '3'])],
    ]);
    assert.equal(text, '甲 | 5 |  | 3 | 8 |\n乙 | 1 | 2 |  | 3 |');
  });

  it('takes a column that is blank in every row from the header word above it', () => {
    const header = ['自然人', '法人', '其他', '总计'].map((h, i) => item(h, 100 + i * 40 + 5, 110, 30));
    const text = pdfPagesToText([
      [...header, ...row(100, '甲', ['5', '', '', '5']), ...row(90, '乙', ['2', '', '1', '3'])],
    ]);
    assert.match(text, /^甲 \| 5 \| {2}\| {2}\| 5 \|$/m);
    assert.match(text, /^乙 \| 2 \| {2}\| 1 \| 3 \|$/m);
  });

  it('keeps the columns of a table that goes on at the top of the next page', () => {
    const page1 = [...row(100, '甲', ['5', '1', '2', '8']), ...row(90, '乙', ['1', '', '', '1'])];
    const page2 = [...row(100, '丙', ['4', '', '', '4']), ...row(90, '丁', ['', '', '2', '2'])];
    const text = pdfPagesToText([page1, page2]);
    assert.match(text, /^丙 \| 4 \| {2}\| {2}\| 4 \|$/m);
    assert.match(text, /^丁 \| {2}\| {2}\| 2 \| 2 \|$/m);
  });

  it('leaves rows alone when they do not end in one column (cells spaced by their text, not a grid)', () => {
    const items = [
      item('规章', 0, 100),
      item('2', 40, 100),
      item('45', 70, 100),
      item('行政规范性文件', 0, 90),
      item('30', 90, 90),
      item('310', 130, 90),
    ];
    assert.equal(pdfPagesToText([items]), groupLines(items).map(joinLine).join('\n'));
  });

  it('reads a header printed one character per line as words', () => {
    const items = [
      ...['维', '纠', '总'].map((c, i) => item(c, 100 + i * 40, 120)),
      ...['持', '正', '计'].map((c, i) => item(c, 100 + i * 40, 112)),
    ];
    assert.equal(pdfPagesToText([items]), '维持 | 纠正 | 总计 |');
  });
});
