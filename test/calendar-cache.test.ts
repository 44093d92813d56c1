// The per-process cache of agencies' working-day calendars (src/queries/calendar-cache.ts): it gives
// what loadWorkCalendar gives, and a calendar change — by this process or any other sharing the
// database — is seen by the next call, because every calendar change bumps the public version.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarEntry, deleteCalendarEntry } from '../src/commands/calendar-entries.js';
import type { Actor } from '../src/domain/agencies/actor.js';
import { cachedWorkCalendar } from '../src/queries/calendar-cache.js';
import { loadWorkCalendar } from '../src/queries/calendar.js';
import { createTestApp, type TestApp } from './support/app.js';
import { actorOf } from './support/applications.js';
import { buildCity, buildUser } from './support/factories.js';

/** Wednesday 2 December 2026: an ordinary working day. */
const DAY = '2026-12-02';

describe('cachedWorkCalendar', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let admin: Actor;

  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    const u = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
    admin = await actorOf(t.deps, u.id);
  });
  after(() => t.close());

  test('gives the calendar loadWorkCalendar gives, and the same one again while nothing changed', async () => {
    const cached = await cachedWorkCalendar(t.deps.db, city.dept.path);
    const fresh = await loadWorkCalendar(t.deps.db, city.dept.path);
    assert.deepEqual(cached.officialYears, fresh.officialYears);
    for (const d of ['2026-10-01', '2026-10-10', DAY, '2026-12-05'])
      assert.equal(cached.isWorkday(d), fresh.isWorkday(d), d);
    assert.equal(await cachedWorkCalendar(t.deps.db, city.dept.path), cached);
  });

  test('an agency closure is counted at once by that agency, not by another', async () => {
    assert.equal((await cachedWorkCalendar(t.deps.db, city.dept.path)).isWorkday(DAY), true);
    assert.equal((await cachedWorkCalendar(t.deps.db, city.east.path)).isWorkday(DAY), true);
    const entry = await addCalendarEntry(
      t.deps,
      { actor: admin },
      {
        date: DAY,
        workday: '0',
        name: '办公楼停电闭馆',
        source: '局办公室通知',
        scope: String(city.dept.id),
      },
    );
    assert.equal((await cachedWorkCalendar(t.deps.db, city.dept.path)).isWorkday(DAY), false);
    assert.equal((await cachedWorkCalendar(t.deps.db, city.east.path)).isWorkday(DAY), true);

    await deleteCalendarEntry(t.deps, { actor: admin }, entry.id);
    assert.equal((await cachedWorkCalendar(t.deps.db, city.dept.path)).isWorkday(DAY), true);
  });

  test('a national day entered by the administrator reaches every agency', async () => {
    assert.equal((await cachedWorkCalendar(t.deps.db, city.westTown.path)).isWorkday(DAY), true);
    await addCalendarEntry(
      t.deps,
      { actor: admin },
      { date: DAY, workday: '0', name: '全国哀悼日', source: '国务院公告', scope: 'national' },
    );
    assert.equal((await cachedWorkCalendar(t.deps.db, city.westTown.path)).isWorkday(DAY), false);
    assert.equal((await cachedWorkCalendar(t.deps.db)).isWorkday(DAY), false);
  });
});
