// Background jobs (src/jobs/): each due run is run by exactly one of the app instances sharing the
// database; expired sessions are purged by a job; the scheduler stops with the server.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { jobSchedule, session } from '../src/db/schema.js';
import { JOBS } from '../src/jobs/jobs.js';
import { createScheduler, defineJob, minutes, runJobsWithServer } from '../src/jobs/scheduler.js';
import { sha256 } from '../src/lib/secrets.js';
import { buildApp } from '../src/http/app.js';
import { buildAgency, buildUser } from './support/factories.js';
import { createInstances, type Instances } from './support/instances.js';
import { testEngine } from './support/db.js';

describe(`the job scheduler with two app instances on one database (${testEngine})`, () => {
  let t: Instances;
  before(async () => {
    t = await createInstances(2);
  });
  after(() => t.close());

  test('a job runs once per interval, whichever instance polls, however often', async () => {
    const ranBy: string[] = [];
    const job = (instance: string) =>
      defineJob({
        name: 'count-runs',
        everyMs: minutes(10),
        run: async () => {
          ranBy.push(instance);
        },
      });
    const [a, b] = t.instances;
    const sa = createScheduler(a!.deps, [job('a')], { instance: 'a' });
    const sb = createScheduler(b!.deps, [job('b')], { instance: 'b' });
    const start = t.now().getTime();
    // Five intervals; both instances poll three times in each, at the same moments.
    for (let interval = 0; interval < 5; interval++) {
      for (const offset of [0, 1, 9]) {
        t.setNow(new Date(start + interval * minutes(10) + offset * 60_000));
        await Promise.all([sa.tick(), sb.tick()]);
      }
    }
    assert.equal(ranBy.length, 5);
    const [row] = await a!.deps.db.select().from(jobSchedule).where(eq(jobSchedule.name, 'count-runs'));
    assert.equal(row!.runs, 5);
    assert.equal(row!.lastError, null);
    await Promise.all([sa.stop(), sb.stop()]);
  });

  test('a failing job is recorded and tried again at its next interval', async () => {
    let calls = 0;
    const flaky = defineJob({
      name: 'flaky',
      everyMs: minutes(5),
      run: async () => {
        calls++;
        if (calls === 1) throw new Error('database away');
      },
    });
    const [a] = t.instances;
    const s = createScheduler(a!.deps, [flaky], { instance: 'a' });
    assert.deepEqual(await s.tick(), ['flaky']);
    const [row] = await a!.deps.db.select().from(jobSchedule).where(eq(jobSchedule.name, 'flaky'));
    assert.equal(row!.lastError, 'database away');
    assert.deepEqual(await s.tick(), []);
    t.setNow(new Date(t.now().getTime() + minutes(5)));
    assert.deepEqual(await s.tick(), ['flaky']);
    const [again] = await a!.deps.db.select().from(jobSchedule).where(eq(jobSchedule.name, 'flaky'));
    assert.equal(again!.lastError, null);
    await s.stop();
  });

  test('expired sessions are purged by the purge-sessions job, live ones stay', async () => {
    const [a, b] = t.instances;
    const agency = await buildAgency(a!.deps);
    const u = await buildUser(a!.deps, { agencyId: agency.id });
    const now = t.now();
    await a!.deps.db.insert(session).values([
      {
        idHash: sha256('old'),
        userId: u.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() - 1),
      },
      {
        idHash: sha256('live'),
        userId: u.id,
        createdAt: now,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + 3600_000),
      },
    ]);
    const sa = createScheduler(a!.deps, JOBS, { instance: 'a' });
    const sb = createScheduler(b!.deps, JOBS, { instance: 'b' });
    t.setNow(new Date(now.getTime() + 3 * 3600_000)); // every job is due
    const [ranA, ranB] = await Promise.all([sa.tick(), sb.tick()]);
    assert.deepEqual([...ranA, ...ranB].sort(), JOBS.map((j) => j.name).sort());
    const left = await a!.deps.db.select({ idHash: session.idHash }).from(session);
    // 'live' expired too by now (3 h later): the job keeps nothing past its end.
    assert.deepEqual(left, []);
    await Promise.all([sa.stop(), sb.stop()]);
    t.setNow(now);
  });

  test('the scheduler starts with the server and stops when it closes', async () => {
    const [a] = t.instances;
    let runs = 0;
    let ran!: () => void;
    const first = new Promise<void>((r) => (ran = r));
    const app = await buildApp(a!.deps, { logger: false });
    const scheduler = runJobsWithServer(
      app,
      a!.deps,
      [defineJob({ name: 'with-server', everyMs: 1000, run: async () => void (runs++, ran()) })],
      { pollMs: 5 },
    );
    await app.ready();
    await first;
    await app.close();
    assert.ok(runs >= 1);
    assert.equal(scheduler.idle(), true, 'no timer and no run left after close');
  });
});
