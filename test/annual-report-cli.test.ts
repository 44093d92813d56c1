// `gongkai report build` and `gongkai report import` as an operator runs them (issue 12, item 7):
// real child processes on a temporary data dir (PGlite) or a fresh PostgreSQL database with
// TEST_DATABASE_URL. Exit codes: 0 built/stored, 1 refused with the reason in Chinese, 2 bad usage.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import type { AnnualReport } from '../src/domain/reports/types.js';
import { depsFor } from '../src/main.js';
import { TEST_SECRETS } from './support/app.js';
import { insertApplications } from './support/annual-report.js';
import { cliEnv, createEmptyPostgresDatabase, killChildren, runCli } from './support/cli.js';
import { buildAgency } from './support/factories.js';

const pgServer = process.env.TEST_DATABASE_URL;
// Each child compiles the CLI through tsx; on a loaded machine three of them take minutes.
const SLOW = { timeout: 600_000 };
const FIXTURE = join(process.cwd(), 'test/fixtures/reports/2020-suzhou-city.txt');
const EXPECTED = JSON.parse(
  readFileSync('test/fixtures/reports/2020-suzhou-city.expected.json', 'utf8'),
) as AnnualReport;

let dir: string;
let env: NodeJS.ProcessEnv;
let pgDb: { url: string; drop(): Promise<void> } | undefined;

/** The data the commands read: a city, a department (imported) and a district with one case. */
async function seed(database: Database) {
  await database.migrate();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
  const deps = await depsFor(database, config, TEST_SECRETS);
  const city = await buildAgency(deps, { code: 'CITY', name: '测试市人民政府', kind: 'government' });
  await buildAgency(deps, { parentId: city.id, code: 'CITY.DEPT', name: '测试市教育局', kind: 'department' });
  const district = await buildAgency(deps, {
    parentId: city.id,
    code: 'CITY.EAST',
    name: '东区人民政府',
    kind: 'district',
  });
  await insertApplications(database.db, [
    {
      agencyId: district.id,
      applicantType: 'commercial',
      receivedOn: '2020-06-01',
      concludedOn: '2020-06-15',
      outcome: 'partial',
    },
  ]);
}

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-report-cli-'));
  if (pgServer) {
    pgDb = await createEmptyPostgresDatabase(pgServer);
    env = cliEnv(dir, pgDb.url);
    const database = await openPostgres(pgDb.url);
    await seed(database);
    await database.close();
  } else {
    env = cliEnv(dir);
    const database = await openPglite(join(dir, 'pgdata'));
    await seed(database);
    await database.close();
  }
});

after(async () => {
  killChildren();
  await pgDb?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('gongkai report import / build', () => {
  test('bad usage exits 2 with the problem in Chinese', SLOW, async () => {
    const build = await runCli(
      ['report', 'build', '--agency', 'root', '--scope', 'everything', '--year', '2020'],
      env,
    );
    assert.equal(build.code, 2);
    assert.match(build.stderr, /--scope 只能是 own（本级）或 rollup（汇总）/);
    const imp = await runCli(['report', 'import', '--agency', 'CITY.DEPT', '--year', '2020'], env);
    assert.equal(imp.code, 2);
    assert.match(imp.stderr, /请指定一个报告文件/);
  });

  test(
    'a report with violations is refused (exit 1) unless confirmed; a good one is stored (exit 0)',
    SLOW,
    async () => {
      const bad = join(dir, '有错的年报.txt');
      writeFileSync(bad, readFileSync(FIXTURE, 'utf8').replace('\n78 |\n6 |\n', '\n79 |\n6 |\n'));
      const refused = await runCli(['report', 'import', bad, '--agency', 'CITY.DEPT', '--year', '2020'], env);
      assert.equal(refused.code, 1, refused.stderr);
      assert.match(refused.stderr, /未导入：报告有 \d+ 个问题/);
      assert.match(refused.stderr, /A1（错误）表三「自然人」列/);
      const missing = await runCli(
        ['report', 'import', join(dir, 'nothing.txt'), '--agency', 'CITY.DEPT', '--year', '2020'],
        env,
      );
      assert.equal(missing.code, 1);
      assert.match(missing.stderr, /文件不存在/);
      const stored = await runCli(
        ['report', 'import', FIXTURE, '--agency', 'CITY.DEPT', '--year', '2020'],
        env,
      );
      assert.equal(stored.code, 0, stored.stderr);
      assert.match(stored.stdout, /已导入：测试市教育局 2020 年度报告/);
    },
  );

  test(
    'build --scope own returns exactly the imported tables; the parent’s 汇总 includes them',
    SLOW,
    async () => {
      const own = await runCli(
        ['report', 'build', '--agency', 'CITY.DEPT', '--year', '2020', '--scope', 'own', '--format', 'json'],
        env,
      );
      assert.equal(own.code, 0, own.stderr);
      const r = JSON.parse(own.stdout) as AnnualReport & { imported: boolean };
      assert.equal(r.imported, true);
      assert.deepEqual(
        [r.table2, r.table3.rows, r.table4],
        [EXPECTED.table2, EXPECTED.table3.rows, EXPECTED.table4],
      );

      const out = join(dir, 'rollup.json');
      const all = await runCli(
        ['report', 'build', '--agency', 'root', '--year', '2020', '--scope', 'rollup', '--out', out],
        env,
      );
      assert.equal(all.code, 0, all.stderr);
      assert.equal(all.stdout, '', 'with --out, stdout stays empty');
      const rollup = JSON.parse(readFileSync(out, 'utf8')) as AnnualReport & {
        scope: string;
        members: { code: string; source: string }[];
      };
      assert.equal(rollup.agency, '测试市人民政府');
      assert.equal(rollup.scope, 'rollup');
      const partial = EXPECTED.table3.rows['partial']!;
      assert.deepEqual(
        rollup.table3.rows['partial'],
        partial.map((v, i) => (i === 1 || i === 6 ? v! + 1 : v)),
      );
      assert.deepEqual(rollup.table4, EXPECTED.table4);
      assert.deepEqual(
        rollup.members.map((m) => [m.code, m.source]),
        [
          ['CITY', 'none'],
          ['CITY.DEPT', 'imported'],
          ['CITY.EAST', 'computed'],
        ],
      );
    },
  );

  test('pdf and xlsx are written to --out; binary output never goes to stdout', SLOW, async () => {
    const pdf = join(dir, 'report.pdf');
    const r = await runCli(
      [
        'report',
        'build',
        '--agency',
        'root',
        '--year',
        '2020',
        '--scope',
        'rollup',
        '--format',
        'pdf',
        '--out',
        pdf,
      ],
      env,
    );
    assert.equal(r.code, 0, r.stderr);
    assert.equal(readFileSync(pdf).subarray(0, 5).toString('latin1'), '%PDF-');
    const xlsx = join(dir, 'report.xlsx');
    const x = await runCli(
      ['report', 'build', '--agency', 'CITY.DEPT', '--year', '2020', '--format', 'xlsx', '--out', xlsx],
      env,
    );
    assert.equal(x.code, 0, x.stderr);
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(xlsx);
    const cells = book.worksheets.flatMap((ws) => {
      const out: string[] = [];
      ws.eachRow((row) => row.eachCell((c) => out.push(c.text)));
      return out;
    });
    assert.ok(
      cells.includes('594417.23万元') || cells.includes('594417.23'),
      'the imported figures are in the workbook',
    );
  });

  test('html is a page with the report; an unknown agency exits 1', SLOW, async () => {
    const html = await runCli(
      ['report', 'build', '--agency', 'CITY.EAST', '--year', '2020', '--format', 'html'],
      env,
    );
    assert.equal(html.code, 0, html.stderr);
    assert.match(html.stdout, /东区人民政府2020年政府信息公开工作年度报告/);
    assert.match(html.stdout, /<table/);
    const unknown = await runCli(['report', 'build', '--agency', 'NO.SUCH', '--year', '2020'], env);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /没有代码为「NO.SUCH」的机关/);
  });
});
