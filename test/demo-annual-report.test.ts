// The demo city's 2020 annual reports (issue 12 item 8): on the demo data, `gongkai report build
// --agency root --year 2020 --scope rollup --format json` (a real child process, as an operator runs
// it) gives the published city report's three tables cell for cell; the city government's own 本级
// figures are those its report's text states; 江南市公安局's report is an imported published text;
// the city's 2020 reports are published on the 年报 column; everything is marked synthetic.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { loadConfig } from '../src/config.js';
import { openPglite, openPostgres, type Database } from '../src/db/client.js';
import { appSetting, reportFigure } from '../src/db/schema.js';
import { demoHistoryCases } from '../src/demo/annual-cases.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { outcomeRow2019 } from '../src/domain/applications/outcomes.js';
import { caseView, type CaseEvent } from '../src/domain/applications/state.js';
import type { AnnualReport } from '../src/domain/reports/types.js';
import { depsFor } from '../src/main.js';
import { loadWorkCalendar } from '../src/queries/calendar.js';
import { publicAgency, publishedReport, publishedVersions } from '../src/queries/annual-report-public.js';
import { TEST_SECRETS } from './support/app.js';
import { cliEnv, createEmptyPostgresDatabase, killChildren, runCli } from './support/cli.js';

const pgServer = process.env.TEST_DATABASE_URL;
const SLOW = { timeout: 600_000 };
const EXPECTED = JSON.parse(
  readFileSync('test/fixtures/reports/2020-suzhou-city.expected.json', 'utf8'),
) as AnnualReport;
const TEXT = readFileSync('test/fixtures/reports/2020-suzhou-city.txt', 'utf8');

let dir: string;
let env: NodeJS.ProcessEnv;
let pgDb: { url: string; drop(): Promise<void> } | undefined;
/** What the test reads from the database right after loading (PGlite allows one process at a time). */
let seen: {
  demoFlag: boolean;
  figureNotes: Set<string | null>;
  published: { scope: string; year: number }[];
  rollupFrozen: AnnualReport | null;
  rollupTexts: string;
  historyMismatches: string[];
};

async function seed(database: Database) {
  await database.migrate();
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
  const deps = await depsFor(database, config, TEST_SECRETS);
  await loadDemo(deps, () => {}, { annualReports: true });
  const db = database.db;
  const city = (await publicAgency(db, 'JN'))!;
  const rollup = await publishedReport(db, city.id, { year: 2020, scope: 'rollup' });
  // Each history case, recomputed from its facts, is concluded in the row and on the day meant.
  const calendar = await loadWorkCalendar(db);
  const historyMismatches = demoHistoryCases(calendar).flatMap((c, i) => {
    const facts = [
      { type: 'received', on: c.receivedOn, channel: c.channel },
      ...c.steps.map((s) => s.event),
    ];
    const v = caseView(facts as CaseEvent[], calendar, '2026-01-01');
    const row = v.outcome ? outcomeRow2019(v.outcome) : null;
    return row === c.row && v.concludedOn === c.concludedOn ? [] : [`${i}: ${row} ${v.concludedOn}`];
  });
  seen = {
    demoFlag: (await db.select().from(appSetting).where(eq(appSetting.key, 'demo'))).length === 1,
    figureNotes: new Set(
      (await db.select({ note: reportFigure.sourceNote }).from(reportFigure)).map((f) => f.note),
    ),
    published: (await publishedVersions(db, city.id)).map((v) => ({ scope: v.scope, year: v.year })),
    rollupFrozen: (rollup?.frozen as unknown as AnnualReport) ?? null,
    rollupTexts: JSON.stringify(rollup?.frozen ?? {}),
    historyMismatches,
  };
}

before(
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-report-'));
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
  },
  { timeout: 600_000 },
);

after(async () => {
  killChildren();
  await pgDb?.drop();
  rmSync(dir, { recursive: true, force: true });
});

async function build(agency: string, scope: 'own' | 'rollup') {
  const r = await runCli(
    ['report', 'build', '--agency', agency, '--year', '2020', '--scope', scope, '--format', 'json'],
    env,
  );
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as AnnualReport & {
    members: { code: string; name: string; source: string }[];
    imported: boolean;
  };
}

/** Every cell of the three tables that differs from the published report's. */
function differences(report: AnnualReport, expected: AnnualReport): string[] {
  const out: string[] = [];
  for (const [row, cells] of Object.entries(expected.table2))
    for (const [column, value] of Object.entries(cells))
      if (column !== 'label' && report.table2[row]?.[column] !== value)
        out.push(`表二 ${row}.${column}: ${report.table2[row]?.[column]} ≠ ${value}`);
  for (const [row, cells] of Object.entries(expected.table3.rows))
    cells.forEach((value, i) => {
      if (report.table3.rows[row]?.[i] !== value)
        out.push(`表三 ${row}[${expected.table3.columns[i]}]: ${report.table3.rows[row]?.[i]} ≠ ${value}`);
    });
  for (const group of ['review', 'suitDirect', 'suitAfterReview'] as const)
    expected.table4[group].forEach((value, i) => {
      if (report.table4[group][i] !== value)
        out.push(`表四 ${group}[${i}]: ${report.table4[group][i]} ≠ ${value}`);
    });
  return out;
}

describe('the demo city’s 2020 annual reports', () => {
  test(
    'the city’s 汇总 report, built by the CLI, equals the published tables cell for cell',
    SLOW,
    async () => {
      const report = await build('root', 'rollup');
      assert.equal(report.agency, '江南市人民政府');
      assert.equal(report.format, EXPECTED.format);
      assert.deepEqual(differences(report, EXPECTED), []);
      assert.deepEqual(report.violations, [], 'the sums hold and the members add up (C5)');
      const imported = report.members.filter((m) => m.source === 'imported').map((m) => m.name);
      assert.deepEqual(imported, ['江南市公安局'], 'it says which member stands in by its imported report');
      assert.ok(report.members.length > 100, 'every agency of the city is counted');
    },
  );

  test('the city government’s own figures are those its report’s text states', SLOW, async () => {
    const answered = Number(/本级依申请公开答复(\d+)件/.exec(TEXT)![1]);
    const appeals = Number(/行政复议、行政诉讼案件(\d+)件/.exec(TEXT)![1]);
    const own = await build('JN', 'own');
    assert.equal(own.table3.rows.total![6], answered);
    const t4 = own.table4;
    assert.equal(t4.review[4]! + t4.suitDirect[4]! + t4.suitAfterReview[4]!, appeals);
    assert.deepEqual(own.violations, []);
  });

  test('江南市公安局’s report is its imported published text, standing in for it', SLOW, async () => {
    const bureau = await build('JN.GAJ', 'own');
    assert.equal(bureau.imported, true);
    assert.equal(bureau.title, '江南市公安局2020年政府信息公开工作年度报告');
    // Its share is part of the city's, and a visible one (not an empty stand-in).
    assert.ok(bureau.table3.rows.newReceived![6]! > 0);
    assert.ok(bureau.table3.rows.newReceived![6]! < EXPECTED.table3.rows.newReceived![6]!);
    assert.deepEqual(bureau.violations, []);
  });

  test('the city’s 2020 reports are published on the 年报 column, frozen as computed', SLOW, () => {
    const scopes = seen.published.filter((p) => p.year === 2020).map((p) => p.scope);
    assert.deepEqual(scopes.sort(), ['own', 'rollup']);
    assert.ok(seen.rollupFrozen);
    assert.deepEqual(differences(seen.rollupFrozen, EXPECTED), []);
  });

  test('every synthetic case is counted in the row and on the day it was made for', SLOW, () => {
    assert.deepEqual(seen.historyMismatches, []);
  });

  test('the data are marked synthetic', SLOW, () => {
    assert.ok(seen.demoFlag, 'the demo banner is on');
    assert.deepEqual([...seen.figureNotes], ['演示数据（虚构）'], 'every entered figure says so');
    assert.match(seen.rollupTexts, /演示数据（虚构）/, 'the published report says so');
  });
});
