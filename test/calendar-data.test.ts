import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq, isNull } from 'drizzle-orm';
import { addCalendarEntry, deleteCalendarEntry } from '../src/commands/calendar-entries.js';
import { syncOfficialCalendar } from '../src/commands/sync-official-calendar.js';
import type { Actor } from '../src/domain/agencies/actor.js';
import type { Role } from '../src/domain/agencies/roles.js';
import { auditEvent, calendarDay, calendarYear } from '../src/db/schema.js';
import { loadWorkCalendar } from '../src/queries/calendar.js';
import { packageCalendar } from '../src/queries/official-calendar-package.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity, buildUser } from './support/factories.js';

async function actorFor(
  t: TestApp,
  agency: { id: number; name: string; path: string },
  role: Role,
): Promise<Actor> {
  const u = await buildUser(t.deps, { agencyId: agency.id, role });
  return {
    userId: u.id,
    login: u.login,
    displayName: u.login,
    role,
    agencyId: agency.id,
    agencyName: agency.name,
    agencyPath: agency.path,
  };
}

const nationalRows = async (t: TestApp) =>
  Number(
    (await t.deps.db.select({ n: count() }).from(calendarDay).where(isNull(calendarDay.agencyId)))[0]!.n,
  );
const auditCount = async (t: TestApp) =>
  Number((await t.deps.db.select({ n: count() }).from(auditEvent))[0]!.n);

describe('calendar data: the official sync and the calendar query', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let admin: Actor;
  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    admin = await actorFor(t, city.city, 'system_admin');
  });
  after(() => t.close());

  test('the start-up sync loaded every package day from 2019 and marked 2019–2026 official, not 2027', async () => {
    assert.equal(await nationalRows(t), packageCalendar().days.length);
    const years = (await t.deps.db.select().from(calendarYear)).filter((y) => y.official).map((y) => y.year);
    assert.deepEqual(years.sort(), [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    const cal = await loadWorkCalendar(t.deps.db);
    assert.equal(cal.isWorkday('2026-10-10'), true, 'a make-up Saturday');
    assert.equal(cal.dayInfo('2026-10-01').reason, '国庆节');
    assert.equal(cal.isWorkday('2020-01-31'), false, 'the 2020 Spring Festival extension');
    assert.equal(cal.hasOfficialData(2027), false);
  });

  test('a second sync changes nothing and logs nothing', async () => {
    const rows = await nationalRows(t);
    const events = await auditCount(t);
    const r = await syncOfficialCalendar(t.deps);
    assert.deepEqual(r, { inserted: 0, updated: 0, removed: 0, keptByHand: 0, years: [] });
    assert.equal(await nationalRows(t), rows);
    assert.equal(await auditCount(t), events);
  });

  test('a hand-entered official day survives a re-sync and a package upgrade; the package’s other changes apply', async () => {
    // The notice is entered by hand: 2026-10-10 becomes a day off (the package says make-up workday).
    await addCalendarEntry(
      t.deps,
      { actor: admin },
      {
        date: '2026-10-10',
        workday: '0',
        name: '国庆节',
        source: '国务院办公厅通知（补充）',
        scope: 'national',
      },
    );
    const again = await syncOfficialCalendar(t.deps);
    assert.equal(again.keptByHand, 1);
    assert.equal(again.updated, 0);
    assert.equal((await loadWorkCalendar(t.deps.db)).isWorkday('2026-10-10'), false);

    // A package release that moves 10-10 back, renames 10-01 and adds a 2027 arrangement.
    const pkg = packageCalendar();
    const source = 'chinese-days@9.9.9 / 国务院办公厅通知';
    const days = pkg.days.map((d) => ({
      ...d,
      source,
      name: d.date === '2026-10-01' ? '国庆节（测试）' : d.name,
    }));
    days.push({ date: '2027-02-08', workday: false, name: '春节', kind: 'holiday', source });
    const events = await auditCount(t);
    const r = await syncOfficialCalendar(t.deps, { source, days, years: [...pkg.years, 2027] });
    assert.equal(r.keptByHand, 1);
    assert.equal(r.inserted, 1);
    assert.equal(r.updated, pkg.days.length - 1);
    assert.ok(r.years.includes(2027));
    const cal = await loadWorkCalendar(t.deps.db);
    assert.equal(cal.isWorkday('2026-10-10'), false, 'the hand-entered notice still wins');
    assert.equal(cal.dayInfo('2026-10-10').source, '国务院办公厅通知（补充）');
    assert.equal(cal.dayInfo('2026-10-01').reason, '国庆节（测试）');
    assert.equal(cal.hasOfficialData(2027), true);
    assert.equal(await auditCount(t), events + 1, 'a change of the official data is audited');

    // Back to the real package: the extra 2027 day is removed again, names restored.
    const back = await syncOfficialCalendar(t.deps);
    assert.equal(back.removed, 1);
    assert.equal((await loadWorkCalendar(t.deps.db)).dayInfo('2026-10-01').reason, '国庆节');
    await t.deps.db.delete(calendarYear).where(eq(calendarYear.year, 2027));
  });

  test('deleting a hand-entered national day brings the package’s entry back', async () => {
    const [row] = await t.deps.db.select().from(calendarDay).where(eq(calendarDay.date, '2026-10-10'));
    assert.equal(row!.source, '国务院办公厅通知（补充）');
    await deleteCalendarEntry(t.deps, { actor: admin }, row!.id);
    const cal = await loadWorkCalendar(t.deps.db);
    assert.equal(cal.isWorkday('2026-10-10'), true);
    assert.match(cal.dayInfo('2026-10-10').source ?? '', /^chinese-days@/);
  });

  test('package rows cannot be deleted', async () => {
    const [row] = await t.deps.db.select().from(calendarDay).where(eq(calendarDay.date, '2026-10-01'));
    await assert.rejects(deleteCalendarEntry(t.deps, { actor: admin }, row!.id), /官方数据不能删除/);
  });

  test('an agency override applies to that agency’s subtree only; the more local entry wins', async () => {
    const eastAdmin = await actorFor(t, city.east, 'agency_admin');
    // 2026-12-01 and 12-02 are ordinary Tuesdays and Wednesdays.
    await addCalendarEntry(
      t.deps,
      { actor: eastAdmin },
      {
        date: '2026-12-01',
        workday: 'rest',
        name: '台风停止办公',
        source: '东区政府通知〔2026〕1号',
        scope: String(city.east.id),
      },
    );
    await addCalendarEntry(
      t.deps,
      { actor: admin },
      {
        date: '2026-12-02',
        workday: 'rest',
        name: '全市停止办公',
        source: '市政府通知〔2026〕2号',
        scope: String(city.city.id),
      },
    );
    await addCalendarEntry(
      t.deps,
      { actor: eastAdmin },
      {
        date: '2026-12-02',
        workday: 'work',
        name: '东区照常上班',
        source: '东区政府通知〔2026〕3号',
        scope: String(city.east.id),
      },
    );

    const at = async (path?: string) => {
      const cal = await loadWorkCalendar(t.deps.db, path);
      return [cal.isWorkday('2026-12-01'), cal.isWorkday('2026-12-02')];
    };
    assert.deepEqual(await at(), [true, true], 'national: no local entries');
    assert.deepEqual(await at(city.city.path), [true, false]);
    assert.deepEqual(await at(city.east.path), [false, true]);
    assert.deepEqual(await at(city.eastTown.path), [false, true], 'a town below the district');
    assert.deepEqual(
      await at(city.west.path),
      [true, false],
      'the other district: only the city-wide closure',
    );
    assert.deepEqual(await at(city.westTown.path), [true, false]);
    const info = (await loadWorkCalendar(t.deps.db, city.eastTown.path)).dayInfo('2026-12-01');
    assert.equal(info.kind, 'closure');
    assert.equal(info.reason, '台风停止办公（依据：东区政府通知〔2026〕1号）');
  });

  test('an agency admin cannot enter a national day or another district’s override', async () => {
    const westAdmin = await actorFor(t, city.west, 'agency_admin');
    await assert.rejects(
      addCalendarEntry(
        t.deps,
        { actor: westAdmin },
        { date: '2026-12-03', workday: 'rest', name: 'x', source: 'y', scope: 'national' },
      ),
      { code: 'NOT_ALLOWED' },
    );
    await assert.rejects(
      addCalendarEntry(
        t.deps,
        { actor: westAdmin },
        { date: '2026-12-03', workday: 'rest', name: 'x', source: 'y', scope: String(city.east.id) },
      ),
      { code: 'NOT_FOUND' },
    );
  });
});
