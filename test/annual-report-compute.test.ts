// The annual report computed from the database (issue 12): tables 三 and 四 by SQL GROUP BY equal
// the in-memory definitions table3ForYear / table4ForYear on random data, for one agency (本级) and
// a subtree (汇总), under each appeal counting rule; table 二's sources and precedence; fees
// collected; the cases behind a cell. PGlite by default, PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { Deps } from '../src/commands/context.js';
import { saveFigures } from '../src/commands/reports/figures.js';
import type { Database } from '../src/db/client.js';
import { appSetting, appeal, application, applicationEvent, document } from '../src/db/schema.js';
import { OUTCOMES, table3ForYear, type ReportedApplication } from '../src/domain/applications/outcomes.js';
import { APPEAL_YEAR_RULES, table4ForYear, type ReportedAppeal } from '../src/domain/appeals/appeals.js';
import { APPLICANT_TYPES } from '../src/domain/applications/applicant.js';
import { InvalidInput } from '../src/domain/errors.js';
import { casesBehindCell, computeAnnualReport } from '../src/queries/annual-report.js';
import { APPEAL_YEAR_RULE_KEY } from '../src/queries/appeals.js';
import { buildCity } from './support/factories.js';
import {
  SYSTEM,
  insertAppeals,
  insertApplications,
  prng,
  reportTestDeps,
  type AppRow,
  type AppealRow,
} from './support/annual-report.js';

let database: Database;
let deps: Deps;
let city: Awaited<ReturnType<typeof buildCity>>;

before(async () => {
  ({ database, deps } = await reportTestDeps());
  city = await buildCity(deps);
});
after(async () => database?.close());

const day = (r: ReturnType<typeof prng>, from: number, to: number) =>
  `${r.int(from, to)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;

function randomApps(seed: number, agencyIds: number[], n: number): AppRow[] {
  const r = prng(seed);
  return Array.from({ length: n }, () => {
    const receivedOn = day(r, 2018, 2021);
    const state = r.int(0, 9);
    const concludedOn =
      state < 2
        ? null
        : state === 2
          ? receivedOn
          : `${Math.min(Number(receivedOn.slice(0, 4)) + r.int(0, 1), 2022)}${receivedOn.slice(4)}`;
    // Now and then a concluded date without a row (a case reopened): carried forward like an open one.
    const outcome = concludedOn === null || state === 3 ? null : r.pick(OUTCOMES);
    return {
      agencyId: r.pick(agencyIds),
      applicantType: r.pick(APPLICANT_TYPES),
      receivedOn,
      concludedOn,
      outcome,
    };
  });
}

function randomAppeals(seed: number, agencyIds: number[], n: number): AppealRow[] {
  const r = prng(seed);
  return Array.from({ length: n }, () => {
    const filedOn = day(r, 2018, 2021);
    const kind = r.pick(['reconsideration', 'litigation'] as const);
    const result = r.pick(['upheld', 'corrected', 'other', 'pending'] as const);
    const decidedOn =
      result === 'pending' ? null : `${Number(filedOn.slice(0, 4)) + r.int(0, 1)}${filedOn.slice(4)}`;
    return {
      agencyId: r.pick(agencyIds),
      kind,
      afterReconsideration: kind === 'litigation' && r.int(0, 1) === 1,
      filedOn,
      result,
      decidedOn,
    };
  });
}

async function clear() {
  await database.db.delete(applicationEvent);
  await database.db.delete(appeal);
  await database.db.delete(application);
}

describe('tables 三 and 四 by SQL equal table3ForYear / table4ForYear (random data)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: every agency 本级 and every subtree 汇总, 2019–2021, every appeal rule`, async () => {
      await clear();
      const ids = Object.values(city).map((a) => a.id);
      const apps = randomApps(seed, ids, 400);
      const appeals = randomAppeals(seed + 100, ids, 80);
      await insertApplications(database.db, apps);
      await insertAppeals(database.db, appeals);
      const subtree: Record<number, number[]> = {
        [city.city.id]: ids,
        [city.east.id]: [city.east.id, city.eastTown.id],
        [city.west.id]: [city.west.id, city.westTown.id],
      };
      for (const rule of APPEAL_YEAR_RULES) {
        await database.db
          .insert(appSetting)
          .values({ key: APPEAL_YEAR_RULE_KEY, value: rule })
          .onConflictDoUpdate({ target: appSetting.key, set: { value: rule } });
        for (const year of [2019, 2020, 2021]) {
          // Table 三 does not depend on the rule: every agency and scope once; then the subtrees.
          const agencies = rule === 'both' ? ids : [city.city.id, city.east.id, city.westTown.id];
          for (const a of agencies) {
            for (const scope of ['own', 'rollup'] as const) {
              const counted = scope === 'own' ? [a] : (subtree[a] ?? [a]);
              const got = await computeAnnualReport(database.db, { agencyId: a, year, scope });
              const mine = apps.filter((x) => counted.includes(x.agencyId)) as ReportedApplication[];
              const want3 = table3ForYear(mine, year);
              assert.deepEqual(got.table3.rows, want3, `table 三, agency ${a} ${scope} ${year}`);
              const want4 = table4ForYear(
                appeals.filter((x) => counted.includes(x.agencyId)) as ReportedAppeal[],
                year,
                rule,
              );
              for (const g of ['review', 'suitDirect', 'suitAfterReview'] as const)
                assert.deepEqual(
                  got.table4[g],
                  want4[g],
                  `table 四 ${g}, agency ${a} ${scope} ${year} ${rule}`,
                );
              assert.deepEqual(
                got.violations.filter((v) => v.severity === 'error' && v.location.table !== 'table2'),
                [],
                'a computed table 三/四 breaks no rule',
              );
            }
          }
        }
      }
      await database.db.delete(appSetting).where(sql`${appSetting.key} = ${APPEAL_YEAR_RULE_KEY}`);
    });
  }
});

describe('a 汇总 report', () => {
  it('sums its members, lists them, and C5 holds', async () => {
    await clear();
    await insertApplications(database.db, [
      {
        agencyId: city.dept.id,
        applicantType: 'natural',
        receivedOn: '2020-03-01',
        concludedOn: '2020-03-20',
        outcome: 'granted',
      },
      {
        agencyId: city.eastTown.id,
        applicantType: 'commercial',
        receivedOn: '2020-05-01',
        concludedOn: null,
        outcome: null,
      },
    ]);
    const r = await computeAnnualReport(database.db, {
      agencyId: city.city.code,
      year: 2020,
      scope: 'rollup',
    });
    assert.equal(r.table3.rows['newReceived']![6], 2);
    assert.equal(r.table3.rows['granted']![0], 1);
    assert.equal(r.table3.rows['carriedForward']![1], 1);
    assert.equal(r.members.length, 6);
    const source = Object.fromEntries(r.members.map((m) => [m.name, m.source]));
    assert.equal(source['测试市教育局'], 'computed');
    assert.equal(source['西区乙镇人民政府'], 'none');
    assert.equal(r.violations.filter((v) => v.rule === 'C5').length, 0);
    const own = await computeAnnualReport(database.db, { agencyId: city.dept.id, year: 2020, scope: 'own' });
    assert.deepEqual(own.members, []);
    assert.equal(own.table3.rows['granted']![6], 1);
  });
});

describe('table 二', () => {
  it('规章 from the library unless a figure is entered (entered wins); other rows entered or missing', async () => {
    await database.db.insert(document).values({
      agencyId: city.dept.id,
      title: '测试市教育督导规定',
      effectLevel: 'rule',
      state: 'published',
      writtenOn: '2021-04-01',
      publishedOn: '2021-04-10',
      effectiveOn: '2021-05-01',
    });
    let r = await computeAnnualReport(database.db, { agencyId: city.dept.id, year: 2021, scope: 'own' });
    assert.equal(r.table2['regulations']!['made'], 1);
    assert.equal(r.table2Sources['regulations'], 'library');
    assert.equal(r.table2['licensing']!['decisions'], null);
    assert.equal(r.table2Sources['licensing'], 'missing');
    const missing = r.violations.find((v) => v.rule === 'B5' && v.location.row === 'licensing');
    assert.ok(missing, 'a missing 行政许可 figure is a finding');
    assert.match(missing.message, /表二「行政许可」/);

    await saveFigures(deps, SYSTEM, {
      agencyId: city.dept.id,
      year: 2021,
      cells: [
        { row: 'regulations', column: 'made', value: 3 },
        { row: 'licensing', column: 'decisions', value: '1,250' },
        { row: 'fees', column: 'amountWan', value: '12.5' },
      ],
    });
    r = await computeAnnualReport(database.db, { agencyId: city.dept.id, year: 2021, scope: 'own' });
    assert.equal(r.table2['regulations']!['made'], 3, 'the entered figure wins over the library');
    assert.equal(r.table2['regulations']!['valid'], 1, 'the other cells stay the library’s');
    assert.equal(r.table2Sources['regulations'], 'entered');
    assert.equal(r.table2['licensing']!['decisions'], 1250);
    assert.equal(r.table2['fees']!['amountWan'], 12.5);

    await saveFigures(deps, SYSTEM, {
      agencyId: city.east.id,
      year: 2021,
      cells: [{ row: 'licensing', column: 'decisions', value: 50 }],
    });
    await saveFigures(deps, SYSTEM, {
      agencyId: city.city.id,
      year: 2021,
      scope: 'rollup',
      cells: [{ row: 'penalty', column: 'decisions', value: 7 }],
    });
    const all = await computeAnnualReport(database.db, { agencyId: 'root', year: 2021, scope: 'rollup' });
    assert.equal(all.agencyId, city.city.id);
    assert.equal(all.table2['licensing']!['decisions'], 1300, 'the members’ figures summed');
    assert.equal(all.table2Sources['licensing'], 'entered');
    assert.equal(all.table2['penalty']!['decisions'], 7, 'a figure entered at the 汇总 level is added');
    assert.equal(all.table2Sources['penalty'], 'rollup');
    assert.equal(all.table2['regulations']!['made'], 3);
    assert.equal(all.table2['regulations']!['valid'], 1);
    assert.equal(all.table2Sources['regulations'], 'rollup', 'library and entered members mixed');

    await saveFigures(deps, SYSTEM, {
      agencyId: city.dept.id,
      year: 2021,
      cells: [{ row: 'regulations', column: 'made', value: null }],
    });
    r = await computeAnnualReport(database.db, { agencyId: city.dept.id, year: 2021, scope: 'own' });
    assert.equal(r.table2['regulations']!['made'], 1, 'deleting the figure brings the library back');
  });

  it('refuses a wrong figure, naming the cell', async () => {
    await assert.rejects(
      saveFigures(deps, SYSTEM, {
        agencyId: city.dept.id,
        year: 2020,
        cells: [
          { row: 'licensing', column: 'decisions', value: -3 },
          { row: 'licensing', column: 'delta', value: -3 },
          { row: 'procurement', column: 'amount', value: '很多' },
        ],
      }),
      (e: unknown) => {
        assert.ok(e instanceof InvalidInput);
        assert.match(e.fieldErrors['cells.0']!, /表二「行政许可」行「处理决定数量」不能为负数/);
        assert.equal(e.fieldErrors['cells.1'], undefined, '本年增/减 may be negative');
        assert.match(e.fieldErrors['cells.2']!, /采购总金额」应为金额/);
        return true;
      },
    );
  });
});

describe('fees and cases', () => {
  it('counts the 信息处理费 paid in the year, and lists the cases behind a cell', async () => {
    await clear();
    await insertApplications(database.db, [
      {
        agencyId: city.dept.id,
        applicantType: 'natural',
        receivedOn: '2020-11-01',
        concludedOn: '2021-01-20',
        outcome: 'granted',
        fee: { amount: 100, paidOn: '2021-01-05' },
      },
      {
        agencyId: city.east.id,
        applicantType: 'natural',
        receivedOn: '2021-02-01',
        concludedOn: '2021-03-20',
        outcome: 'partial',
        fee: { amount: 260, paidOn: '2021-02-10' },
      },
      {
        agencyId: city.east.id,
        applicantType: 'research',
        receivedOn: '2020-02-01',
        concludedOn: '2020-03-20',
        outcome: 'granted',
        fee: { amount: 50, paidOn: '2020-02-10' },
      },
    ]);
    await insertAppeals(database.db, [
      {
        agencyId: city.east.id,
        kind: 'litigation',
        afterReconsideration: true,
        filedOn: '2021-03-01',
        result: 'corrected',
        decidedOn: '2021-06-01',
      },
    ]);
    const all = await computeAnnualReport(database.db, {
      agencyId: city.city.id,
      year: 2021,
      scope: 'rollup',
    });
    assert.equal(all.feesCollected, 360);
    const own = await computeAnnualReport(database.db, { agencyId: city.east.id, year: 2021, scope: 'own' });
    assert.equal(own.feesCollected, 260);

    const granted = await casesBehindCell(database.db, {
      agencyId: city.city.id,
      year: 2021,
      scope: 'rollup',
      cell: { table: 'table3', row: 'granted', column: 'natural' },
    });
    assert.equal(granted.length, all.table3.rows['granted']![0]);
    assert.equal(granted[0]!.kind, 'application');
    assert.match(granted[0]!.label, /测试市教育局/);
    const carried = await casesBehindCell(database.db, {
      agencyId: city.city.id,
      year: 2021,
      scope: 'rollup',
      cell: { table: 'table3', row: 'carriedOver', column: 'total' },
    });
    assert.equal(carried.length, 1);
    const suits = await casesBehindCell(database.db, {
      agencyId: city.city.id,
      year: 2021,
      scope: 'rollup',
      cell: { table: 'table4', row: 'suitAfterReview', column: 'corrected' },
    });
    assert.deepEqual(
      suits.map((s) => s.kind),
      ['appeal'],
    );
    assert.equal(all.table4.suitAfterReview[1], 1);
    const none = await casesBehindCell(database.db, {
      agencyId: city.dept.id,
      year: 2021,
      scope: 'own',
      cell: { table: 'table4', row: 'suitAfterReview', column: 'corrected' },
    });
    assert.deepEqual(none, [], 'another agency’s appeal is not behind its own cell');
  });
});
