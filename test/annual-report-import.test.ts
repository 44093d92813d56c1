// Importing a member's published report (issue 12, item 2): refused when unreadable, incomplete,
// of another year, or breaking rules without the officer's confirmation; once imported, the
// agency's 本级 report is exactly the imported tables and every 汇总 above it counts them. Each
// rule fires on crafted bad data with the right cells named. PGlite, or PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { and, eq } from 'drizzle-orm';
import type { Deps } from '../src/commands/context.js';
import { importFigures } from '../src/commands/reports/import-figures.js';
import { importReport, ReportImportRefused } from '../src/commands/reports/import-report.js';
import type { Database } from '../src/db/client.js';
import { reportImport } from '../src/db/schema.js';
import { InvalidInput } from '../src/domain/errors.js';
import { parseReport } from '../src/domain/reports/parse/parse-report.js';
import type { AnnualReport, RuleId } from '../src/domain/reports/types.js';
import { computeAnnualReport } from '../src/queries/annual-report.js';
import { importReportFile } from '../src/usecases/import-report-file.js';
import { buildCity } from './support/factories.js';
import { SYSTEM, insertApplications, reportTestDeps } from './support/annual-report.js';

const TEXT = readFileSync('test/fixtures/reports/2020-suzhou-city.txt', 'utf8');
const EXPECTED = JSON.parse(
  readFileSync('test/fixtures/reports/2020-suzhou-city.expected.json', 'utf8'),
) as AnnualReport;

let database: Database;
let deps: Deps;
let city: Awaited<ReturnType<typeof buildCity>>;

before(async () => {
  ({ database, deps } = await reportTestDeps());
  city = await buildCity(deps);
});
after(async () => database?.close());

const textImport = (agencyId: number, text: string, acceptViolations = false, year = 2020) =>
  importReport(deps, SYSTEM, {
    agencyId,
    year,
    fileName: '年报.txt',
    bytes: Buffer.from(text),
    report: parseReport(text),
    acceptViolations,
  });

async function refusal(p: Promise<unknown>): Promise<ReportImportRefused> {
  try {
    await p;
  } catch (e) {
    if (e instanceof ReportImportRefused) return e;
    throw e;
  }
  assert.fail('the import was not refused');
}

const imports = async (agencyId: number) =>
  database.db
    .select({ id: reportImport.id, current: reportImport.current, accepted: reportImport.violationsAccepted })
    .from(reportImport)
    .where(and(eq(reportImport.agencyId, agencyId), eq(reportImport.year, 2020)));

describe('an imported published report', () => {
  it('is read through the checker’s reader, and 本级 returns exactly its tables', async () => {
    const r = await importReportFile(deps, SYSTEM, {
      agencyId: city.dept.id,
      year: 2020,
      fileName: '2020-suzhou-city.txt',
      bytes: Buffer.from(TEXT),
    });
    assert.equal(r.status, 'ok');
    const own = await computeAnnualReport(database.db, { agencyId: city.dept.id, year: 2020, scope: 'own' });
    assert.equal(own.imported, true);
    assert.deepEqual(own.table2, EXPECTED.table2);
    assert.deepEqual(own.table3.rows, EXPECTED.table3.rows);
    assert.deepEqual(own.table4, EXPECTED.table4);
    assert.deepEqual(own.violations, []);
    assert.deepEqual(new Set(Object.values(own.table2Sources)), new Set(['imported']));
    assert.equal(own.feesCollected, null, 'fees of an imported report are not known');
  });

  it('stands in for its agency in the 汇总 of every agency above it', async () => {
    await insertApplications(database.db, [
      {
        agencyId: city.east.id,
        applicantType: 'natural',
        receivedOn: '2020-04-01',
        concludedOn: '2020-04-20',
        outcome: 'granted',
      },
      // The department's own Gongkai data is not counted: its imported report stands in.
      {
        agencyId: city.dept.id,
        applicantType: 'natural',
        receivedOn: '2020-04-01',
        concludedOn: '2020-04-20',
        outcome: 'granted',
      },
    ]);
    const all = await computeAnnualReport(database.db, {
      agencyId: city.city.id,
      year: 2020,
      scope: 'rollup',
    });
    const granted = EXPECTED.table3.rows['granted']!;
    assert.deepEqual(
      all.table3.rows['granted'],
      granted.map((v, i) => (i === 0 || i === 6 ? v! + 1 : v)),
    );
    assert.deepEqual(all.table4, EXPECTED.table4);
    assert.equal(all.table2['licensing']!['decisions'], EXPECTED.table2['licensing']!['decisions']);
    assert.equal(all.table2['procurement']!['amount'], '594417.23万元');
    assert.equal(all.members.find((m) => m.agencyId === city.dept.id)?.source, 'imported');
    assert.equal(all.members.find((m) => m.agencyId === city.east.id)?.source, 'computed');
    assert.equal(
      all.violations.filter((v) => v.rule === 'C5').length,
      0,
      'C5: the 汇总 equals the sum of its members',
    );
    const east = await computeAnnualReport(database.db, {
      agencyId: city.east.id,
      year: 2020,
      scope: 'rollup',
    });
    assert.equal(east.table3.rows['granted']![6], 1, 'a 汇总 without the imported member does not count it');
  });

  it('is refused when unreadable, incomplete or of another year, and nothing is stored', async () => {
    const before = (await imports(city.west.id)).length;
    const png = await refusal(
      importReportFile(deps, SYSTEM, {
        agencyId: city.west.id,
        year: 2020,
        fileName: 'scan.png',
        bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      }),
    );
    assert.equal(png.reason, 'unreadable');
    assert.match(png.message, /^无法导入：/);
    const cut = await refusal(
      textImport(city.west.id, TEXT.slice(0, TEXT.indexOf('四、政府信息公开行政复议'))),
    );
    assert.equal(cut.reason, 'incomplete');
    assert.match(cut.message, /缺少表四/);
    const year = await refusal(textImport(city.west.id, TEXT, false, 2019));
    assert.equal(year.reason, 'year');
    assert.match(year.message, /这是 2020 年度的报告，不是 2019 年度的/);
    assert.equal((await imports(city.west.id)).length, before);
  });

  it('with violations is refused unless confirmed; confirmed, it replaces the earlier import', async () => {
    const bad = TEXT.replace('\n78 |\n6 |\n', '\n79 |\n6 |\n');
    const refused = await refusal(textImport(city.dept.id, bad));
    assert.equal(refused.reason, 'violations');
    assert.match(refused.message, /A1（错误）表三「自然人」列/);
    const r = await textImport(city.dept.id, bad, true);
    assert.equal(r.status, 'violations');
    assert.ok(r.replaced !== null, 'the earlier import is replaced');
    const rows = await imports(city.dept.id);
    assert.deepEqual(rows.map((x) => [x.current, x.accepted]).sort(), [
      [false, false],
      [true, true],
    ]);
    const own = await computeAnnualReport(database.db, { agencyId: city.dept.id, year: 2020, scope: 'own' });
    assert.equal(own.table3.rows['carriedOver']![0], 79);
  });
});

describe('each rule fires on crafted bad data, naming its cells', () => {
  const cases: { name: string; mutate: (s: string) => string; rule: RuleId; cells: string[] }[] = [
    {
      name: 'A1: 上年结转 自然人 one too many',
      mutate: (s) => s.replace('\n78 |\n6 |\n', '\n79 |\n6 |\n'),
      rule: 'A1',
      cells: [
        'table3.newReceived.natural',
        'table3.carriedOver.natural',
        'table3.total.natural',
        'table3.carriedForward.natural',
      ],
    },
    {
      name: 'B1 and B2: 予以公开 自然人 one too many',
      mutate: (s) => s.replace('\n1043 |\n', '\n1044 |\n'),
      rule: 'B1',
      cells: ['table3.granted.natural', 'table3.total.natural'],
    },
    {
      name: 'B2: 予以公开 row',
      mutate: (s) => s.replace('\n1043 |\n', '\n1044 |\n'),
      rule: 'B2',
      cells: ['table3.granted.natural', 'table3.granted.total'],
    },
    {
      name: 'B3: 行政复议 总计',
      mutate: (s) => s.replace('\n13 |\n11 |\n101 |\n', '\n13 |\n11 |\n102 |\n'),
      rule: 'B3',
      cells: ['table4.review.upheld', 'table4.review.pending', 'table4.review.total'],
    },
    {
      name: 'B4: a fraction in a table-二 count',
      mutate: (s) => s.replace('\n5921 |\n', '\n5921.5 |\n'),
      rule: 'B4',
      cells: ['table2.penalty.prevCount'],
    },
    {
      name: 'B5: a blank 总计',
      mutate: (s) =>
        s.replace(
          '\n1043 |\n55 |\n8 |\n1 |\n24 |\n2 |\n1133 |\n',
          '\n1043 |\n55 |\n8 |\n1 |\n24 |\n2 |\n |\n',
        ),
      rule: 'B5',
      cells: ['table3.granted.total'],
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      await textImport(city.westTown.id, c.mutate(TEXT), true);
      const own = await computeAnnualReport(database.db, {
        agencyId: city.westTown.id,
        year: 2020,
        scope: 'own',
      });
      const found = own.violations.find((v) => v.rule === c.rule);
      assert.ok(found, `${c.rule} in ${own.violations.map((v) => v.rule).join(',')}`);
      const named = found.location.cells.map((x) => `${x.table}.${x.row}.${x.column}`);
      for (const cell of c.cells)
        assert.ok(named.includes(cell), `${c.rule} names ${cell}: ${named.join(' ')}`);
      // The 汇总 above lists it as imported and carries the bad figures on: the rule fires there too.
      const west = await computeAnnualReport(database.db, {
        agencyId: city.west.id,
        year: 2020,
        scope: 'rollup',
      });
      assert.equal(west.members.find((m) => m.agencyId === city.westTown.id)?.source, 'imported');
      if (c.rule !== 'B5') assert.ok(west.violations.some((v) => v.rule === c.rule));
    });
  }
});

describe('table-二 figures from a spreadsheet', () => {
  it('imports CSV lines by code and label, and refuses a file with a wrong line', async () => {
    const csv = `机关代码,项目,栏目,数值\n${city.east.code},行政许可,处理决定数量,"1,200"\n${city.west.code},penalty,decisions,30\n,行政事业性收费,上一年项目数量,4\n`;
    const r = await importFigures(deps, SYSTEM, {
      agencyId: city.eastTown.id,
      year: 2020,
      fileName: '表二.csv',
      bytes: Buffer.from(csv),
    });
    assert.equal(r.saved, 3);
    const east = await computeAnnualReport(database.db, { agencyId: city.east.id, year: 2020, scope: 'own' });
    assert.equal(east.table2['licensing']!['decisions'], 1200);
    assert.equal(east.table2Sources['licensing'], 'file');
    const town = await computeAnnualReport(database.db, {
      agencyId: city.eastTown.id,
      year: 2020,
      scope: 'own',
    });
    assert.equal(town.table2['fees']!['prevCount'], 4, 'a line without a code is the given agency’s');
    await assert.rejects(
      importFigures(deps, SYSTEM, {
        agencyId: city.east.id,
        year: 2020,
        fileName: '表二.csv',
        bytes: Buffer.from('项目,栏目,数值\n行政许可,处理决定数量,-5\n行政许可,本年制发件数,3\n'),
      }),
      (e: unknown) => {
        assert.ok(e instanceof InvalidInput);
        assert.match(e.fieldErrors['file']!, /第 2 行：表二「行政许可」行「处理决定数量」不能为负数/);
        assert.match(e.fieldErrors['file']!, /第 3 行：「行政许可」没有「本年制发件数」这一栏/);
        return true;
      },
    );
  });

  it('imports the first sheet of an XLSX', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('表二');
    sheet.addRow(['项目', '栏目', '数值']);
    sheet.addRow(['政府集中采购', '采购总金额', '12.5万元']);
    sheet.addRow(['政府集中采购', '采购项目数量', 7]);
    const bytes = Buffer.from(await book.xlsx.writeBuffer());
    const r = await importFigures(deps, SYSTEM, {
      agencyId: city.west.id,
      year: 2020,
      fileName: '表二.xlsx',
      bytes,
    });
    assert.equal(r.saved, 2);
    const west = await computeAnnualReport(database.db, { agencyId: city.west.id, year: 2020, scope: 'own' });
    assert.equal(west.table2['procurement']!['amount'], '12.5万元');
    assert.equal(west.table2['procurement']!['projects'], 7);
  });
});
