// Issue 11, item 6: scanned (image-only) PDFs are read by OCR — tesseract with chi_sim, run here
// as in CI — and what OCR misreads is caught by the sum rules like any wrong figure. Without an
// engine the answer is `unreadable`, with the reason. The scan is made here: a table printed from
// known figures (testing/report-pdf.ts), rasterised by pdftoppm, wrapped as an image-only PDF.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseReport } from '../domain/reports/parse/parse-report.js';
import { SAMPLE_2021 } from '../domain/reports/parse/testing/samples.js';
import { TABLE3_LINES } from '../domain/reports/table3-schema.js';
import { DEFAULT_PARSER_LIMITS } from './limits.js';
import { DEFAULT_OCR_LIMITS, tsvToItems } from './ocr.js';
import { pdfPagesToText } from './pdf.js';
import { closeReaders, configureReaders, runReaderJob } from './read-pool.js';
import { reportPdf, scannedPdf } from './testing/report-pdf.js';

/** A file read in the reader pool, as the page, the API and the CLI read uploads. */
async function readFile(bytes: Uint8Array, name: string) {
  const outcome = await runReaderJob({ kind: 'file', bytes, name });
  assert.ok('report' in outcome);
  return outcome.report;
}

let scan: Uint8Array;
before(async () => {
  scan = await scannedPdf(await reportPdf(SAMPLE_2021, { tables: ['table3'], fontSize: 8 }));
});
after(async () => {
  configureReaders(DEFAULT_PARSER_LIMITS);
  await closeReaders();
});

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

describe('a scanned page, read by OCR', () => {
  it('reads table 三 from the image; no figure is wrong without a rule or a B5 saying so', async () => {
    // A reader limit shorter than OCR takes: a file that needs OCR runs under the OCR limit instead.
    configureReaders({ ...DEFAULT_PARSER_LIMITS, timeoutMs: 8000 });
    const r = await readFile(scan, 'scan.pdf');
    assert.notEqual(r.status, 'unreadable', r.verdict);
    const keys = TABLE3_LINES['2021'].flatMap((l) => (l.key ? [l.key] : []));
    const exact = keys.filter((k) => same(r.table3.rows[k], SAMPLE_2021.table3.rows[k]));
    // OCR reads most rows right (the picture is clean); the rest must not pass silently.
    assert.ok(
      exact.length >= keys.length - 4,
      `only ${exact.length} of ${keys.length} rows read: ${keys.filter((k) => !exact.includes(k))}`,
    );
    for (const k of keys.filter((key) => !exact.includes(key))) {
      const flagged =
        r.missing.includes(`table3.${k}`) ||
        r.violations.some(
          (v) => v.severity === 'error' && v.location.cells.some((c) => c.table === 'table3' && c.row === k),
        );
      assert.ok(flagged, `row ${k} read as ${JSON.stringify(r.table3.rows[k])} without a finding`);
    }
  });

  it('without an OCR engine the scan is unreadable, and the verdict says what is missing', async () => {
    configureReaders({
      ...DEFAULT_PARSER_LIMITS,
      ocr: { ...DEFAULT_OCR_LIMITS, command: 'gongkai-no-such-ocr' },
    });
    const r = await readFile(scan, 'scan.pdf');
    assert.equal(r.status, 'unreadable');
    assert.match(r.verdict, /扫描图像/);
    assert.match(r.verdict, /tesseract/);
  });
});

/** tesseract TSV for lines of words at given x positions (what `tesseract … tsv` prints). */
function tsv(lines: [string, number][][]): string {
  const out = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
  ];
  out.push('1\t1\t0\t0\t0\t0\t0\t0\t1600\t2000\t-1\t');
  lines.forEach((words, i) => {
    const top = 100 + i * 50;
    out.push(`4\t1\t1\t1\t${i + 1}\t0\t100\t${top}\t1400\t30\t-1\t`);
    words.forEach(([text, x], w) =>
      out.push(`5\t1\t1\t1\t${i + 1}\t${w + 1}\t${x}\t${top + 2}\t${text.length * 12}\t26\t95\t${text}`),
    );
  });
  return out.join('\n');
}

describe('OCR words → positioned items', () => {
  const columns = [600, 720, 840, 960, 1080, 1200, 1320];
  const header: [string, number][] = [
    '自然人',
    '商业企业',
    '科研机构',
    '社会公益组织',
    '法律服务机构',
    '其他',
    '总计',
  ].map((h, i) => [h, columns[i] as number]);
  const cells = (values: (number | '')[]): [string, number][] =>
    values.flatMap((v, i) => (v === '' ? [] : [[String(v), columns[i] as number] as [string, number]]));

  it('keeps words on their line and figures in their columns; table rules are dropped', () => {
    const items = tsvToItems(
      tsv([
        header,
        [['（一）予以', 100], ['公开', 250], ['|', 560], ...cells([120, 15, 2, '', 3, 1, 141])],
        [['1.属于国家秘密', 100], ...cells([1, '', '', '', '', '', 1])],
      ]),
    );
    assert.equal(
      pdfPagesToText([items]).split('\n').slice(1).join('\n'),
      '（一）予以 | 公开 | 120 | 15 | 2 |  | 3 | 1 | 141 |\n1.属于国家秘密 | 1 |  |  |  |  |  | 1 |',
    );
  });

  it('a figure misread by OCR breaks a sum, and the checker names the cell and the fix', () => {
    // 「（七）总计」's 自然人 was printed 277 and read 271: B1 (column) and B2 (row) both fail there.
    const rows = SAMPLE_2021.table3.rows;
    const lines: [string, number][][] = [[['收到和处理政府信息公开申请情况', 100]], header];
    for (const line of TABLE3_LINES['2021']) {
      const printed = line.key ? [...(rows[line.key] ?? [])] : null;
      if (line.key === 'total' && printed) printed[0] = 271;
      lines.push([
        [line.label.slice(0, 14), 100],
        ...(printed ? cells(printed.map((v) => (v === 0 ? '' : (v as number)))) : []),
      ]);
    }
    const r = parseReport(pdfPagesToText([tsvToItems(tsv(lines))]));
    const suspect = r.suspects.find((s) => s.cell.row === 'total' && s.cell.column === 'natural');
    assert.ok(suspect, JSON.stringify(r.violations.map((v) => v.message)));
    assert.equal(suspect.fix, 277);
  });
});
