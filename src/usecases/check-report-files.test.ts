import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { SAMPLE_2021 } from '../domain/reports/parse/testing/samples.js';
import { threeYearsGluedMiddle } from '../domain/reports/series-samples.js';
import {
  table2Grid,
  table3Grid,
  table4Grid,
  type GridRow,
} from '../domain/reports/parse/testing/table-grid.js';
import { checkReportBytes, checkReportFile, checkReportFiles } from './check-report-files.js';
import { makeDocx, makeDocxBomb, makePdf, type Block } from '../extract/testing/make-files.js';

const FIXTURES = new URL('../../test/fixtures/reports/', import.meta.url);
const FIXTURE = new URL('2020-suzhou-city.txt', FIXTURES);
let dir = '';
let fixtureText = '';
let expected: {
  title: string;
  agency: string;
  year: number;
  format: string;
  table2: unknown;
  table3: Record<string, unknown>;
  table4: unknown;
};

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gongkai-report-'));
  fixtureText = await readFile(FIXTURE, 'utf8');
  expected = JSON.parse(await readFile(new URL('2020-suzhou-city.expected.json', FIXTURES), 'utf8'));
});
after(() => rm(dir, { recursive: true, force: true }));

async function fileWith(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

describe('the Suzhou 2020 fixture', () => {
  it('yields exactly the tables of 2020-suzhou-city.expected.json, status ok', async () => {
    const r = await checkReportFile(FIXTURE.pathname);
    assert.equal(r.status, 'ok');
    assert.deepEqual(r.missing, []);
    assert.deepEqual(r.violations, []);
    assert.deepEqual(
      [r.format, r.year, r.agency, r.title],
      [expected.format, expected.year, expected.agency, expected.title],
    );
    assert.deepEqual(r.table2, expected.table2);
    const { note: _note, ...table3 } = expected.table3;
    assert.deepEqual(r.table3, table3);
    assert.deepEqual(r.table4, expected.table4);
    assert.deepEqual(Object.keys(r).slice(0, 3), ['file', 'status', 'missing']);
  });

  it('a copy with one cell changed (（二）部分公开 商业企业 10 → 11): violations naming B1 and B2 of that cell', async () => {
    const changed = fixtureText.replace('不计其他情形) |\n243 |\n10 |', '不计其他情形) |\n243 |\n11 |');
    assert.notEqual(changed, fixtureText);
    const r = await checkReportFile(await fileWith('changed.txt', changed));
    assert.equal(r.status, 'violations');
    assert.deepEqual(
      r.violations.map((v) => `${v.rule} ${v.where}`),
      ['B1 table3 column commercial', 'B2 table3 row partial'],
    );
  });

  it('a copy cut off inside table 三: incomplete, naming what is missing', async () => {
    const cut = fixtureText.slice(0, fixtureText.indexOf('(六)其他处理'));
    const r = await checkReportFile(await fileWith('cut.txt', cut));
    assert.equal(r.status, 'incomplete');
    assert.deepEqual(r.missing, ['table3.other', 'table3.total', 'table3.carriedForward', 'table4']);
  });
});

describe('files that are not reports', () => {
  it('binary junk, a missing file and an old .doc are unreadable, none crashes', async () => {
    const junk = new Uint8Array(5000).map((_, i) => (i * 2654435761) >>> 24);
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Uint8Array(100)]);
    const results = await checkReportFiles([
      await fileWith('junk.bin', junk),
      join(dir, 'nope.txt'),
      await fileWith('old.doc', ole),
    ]);
    assert.deepEqual(
      results.map((r) => r.status),
      ['unreadable', 'unreadable', 'unreadable'],
    );
    assert.match(results[1]?.violations[0]?.message ?? '', /文件不存在/);
    assert.match(results[2]?.violations[0]?.message ?? '', /docx/);
  });

  it('a DOCX that unzips to 50 MB (gongkai report check): unreadable with the limit, the next file is read', async () => {
    const bomb = await fileWith('bomb.docx', await makeDocxBomb(50 * 1024 * 1024));
    const [refused, next] = await checkReportFiles([bomb, FIXTURE.pathname]);
    assert.equal(refused?.status, 'unreadable');
    assert.match(refused?.violations[0]?.message ?? '', /文件解压后的内容超过 20 MB/);
    assert.equal(next?.status, 'ok');
  });

  it('a corrupt PDF is unreadable with a reason', async () => {
    const r = await checkReportBytes(new TextEncoder().encode('%PDF-1.4\nnot really'), 'broken.pdf');
    assert.equal(r.status, 'unreadable');
  });
});

function blocks(): Block[] {
  const val = { zeros: 'print' as const };
  const table = (rows: GridRow[]) => ({
    table: rows.map((r) => r.map((c) => ({ text: c.text, ...(c.colspan ? { colspan: c.colspan } : {}) }))),
  });
  return [
    { paragraph: '某某区人民政府2021年政府信息公开工作年度报告' },
    { paragraph: '二、主动公开政府信息情况' },
    table(table2Grid(SAMPLE_2021, {}, val)),
    { paragraph: '三、收到和处理政府信息公开申请情况' },
    table(table3Grid(SAMPLE_2021, {}, val)),
    { paragraph: '四、政府信息公开行政复议、行政诉讼情况' },
    table(table4Grid(SAMPLE_2021, {}, val)),
    { paragraph: '五、存在的主要问题及改进情况' },
  ];
}

describe('DOCX and PDF through the text-extraction step', () => {
  it('reads a Word file with tables (mammoth → HTML)', async () => {
    const r = await checkReportFile(await fileWith('report.docx', makeDocx(blocks())));
    assert.equal(r.status, 'ok');
    assert.deepEqual([r.format, r.year, r.agency], ['2021', 2021, '某某区人民政府']);
    assert.deepEqual(
      [r.table2, r.table3, r.table4],
      [SAMPLE_2021.table2, SAMPLE_2021.table3, SAMPLE_2021.table4],
    );
  });

  it('reads a PDF with a CID font (pdf.js → lines of cells)', async () => {
    const lines = blocks().flatMap((b) =>
      'paragraph' in b ? [[b.paragraph]] : b.table.map((r) => r.map((c) => c.text).filter((t) => t !== '')),
    );
    const r = await checkReportBytes(makePdf(lines), 'report.pdf');
    assert.equal(r.status, 'ok', JSON.stringify(r.violations.slice(0, 2)));
    assert.deepEqual(
      [r.table2, r.table3, r.table4],
      [SAMPLE_2021.table2, SAMPLE_2021.table3, SAMPLE_2021.table4],
    );
  });
});

describe('several files: the reports of one agency as a series of years (issue 11)', () => {
  it('settles the middle year’s run-together row from its neighbours (basis C2), in the reader workers', async () => {
    const texts = threeYearsGluedMiddle();
    const paths = await Promise.all(texts.map((t, i) => fileWith(`series-${2021 + i}.txt`, t)));
    const alone = await checkReportFiles([paths[1] as string]);
    assert.equal(alone[0]?.status, 'incomplete');
    assert.equal(alone[0]?.series, undefined);

    const results = await checkReportFiles([paths[2], paths[0], paths[1]] as string[]);
    assert.deepEqual(
      results.map((r) => [r.year, r.status]),
      [
        [2023, 'ok'],
        [2021, 'ok'],
        [2022, 'ok'],
      ],
    );
    const middle = results[2];
    assert.deepEqual(
      ['made', 'repealed', 'valid'].map((c) => middle?.table2['normativeDocuments']?.[c]),
      [25, 8, 327],
    );
    assert.ok((middle?.settled ?? []).every((s) => s.basis.kind === 'series' && s.basis.rule === 'C2'));
    assert.equal(middle?.settled?.length, 3);
    assert.deepEqual(middle?.series, {
      agency: '某市人民政府',
      years: [2021, 2022, 2023],
      previous: paths[0],
      next: paths[2],
    });
    // The contract's keys: settled and series come after verdict.
    assert.deepEqual(Object.keys(middle ?? {}).slice(-3), ['verdict', 'settled', 'series']);
  });

  it('reports of different agencies are no series unless forced', async () => {
    const texts = threeYearsGluedMiddle();
    texts[0] = (texts[0] as string).replace('某市人民政府2021年', '某县人民政府2021年');
    texts[2] = (texts[2] as string).replace('某市人民政府2023年', '某县人民政府2023年');
    const paths = await Promise.all(texts.map((t, i) => fileWith(`mixed-${2021 + i}.txt`, t)));
    const grouped = await checkReportFiles(paths);
    assert.deepEqual(
      grouped.map((r) => r.series?.years ?? null),
      [[2021, 2023], null, [2021, 2023]],
    );
    assert.equal(grouped[1]?.status, 'incomplete');
    const forced = await checkReportFiles(paths, { series: true });
    assert.deepEqual(
      forced.map((r) => r.status),
      ['ok', 'ok', 'ok'],
    );
    assert.equal(forced[1]?.series?.agency, null);
  });
});
