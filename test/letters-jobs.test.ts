// The letters' jobs: the hourly reminders reach the handling unit at each warning level once (a
// rerun writes nothing), the assigned officer alone when there is one, and — for a 督办 letter —
// the supervising office too; both jobs are registered.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { sendLetterReminders } from '../src/commands/letters/jobs.js';
import { assignLetter } from '../src/commands/letters/assign.js';
import { superviseLetter } from '../src/commands/letters/supervise.js';
import { outbox } from '../src/db/schema.js';
import { JOBS } from '../src/jobs/jobs.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity, buildUser } from './support/factories.js';
import { buildMailbox, letterInState, letterVersion, SYSTEM } from './support/letters.js';

const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('letters: reminder and refresh jobs', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let box: { code: string };
  let cityOfficer: { id: number };
  let deptOfficer: { id: number };
  let deptHead: { id: number };
  before(async () => {
    t = await createTestApp({ now: at('2026-09-30') });
    city = await buildCity(t.deps);
    box = await buildMailbox(t.deps, {
      agencyId: city.city.id,
      code: 'mayor',
      kind: 'leader',
      leaderName: '王某某',
    });
    cityOfficer = await buildUser(t.deps, { agencyId: city.city.id, role: 'officer' });
    deptOfficer = await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' });
    deptHead = await buildUser(t.deps, { agencyId: city.dept.id, role: 'office_head' });
    await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer', trait: 'disabled' });
  });
  after(() => t.close());

  const reminders = (letterId: number) =>
    t.deps.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.letterId, letterId)))
      .then((rows) => rows.filter((m) => m.topic.startsWith('letter.reminder.')));

  test('both jobs are registered', () => {
    const names = JOBS.map((j) => j.name);
    assert.ok(names.includes('letter-reminders'));
    assert.ok(names.includes('refresh-letter-views'));
  });

  test('each warning level is told once to the unit; 督办 adds the supervising office', async () => {
    t.setNow(at('2026-09-30'));
    const s = await letterInState(t.deps, box.code, 'handling');
    await assignLetter(t.deps, SYSTEM, {
      letterId: s.id,
      version: await letterVersion(t.deps, s.id),
      agencyId: city.dept.id,
    });
    // Fri 2026-10-09: 3 working days left → nothing.
    t.setNow(at('2026-10-09'));
    assert.equal((await sendLetterReminders(t.deps)).written, 0);
    // Sat 2026-10-10 (调休上班日): 预警 to the dept's active officer and office head.
    t.setNow(at('2026-10-10'));
    const first = await sendLetterReminders(t.deps);
    assert.equal(first.written, 2);
    let sent = await reminders(s.id);
    assert.deepEqual(sent.map((m) => m.userId).sort(), [deptOfficer.id, deptHead.id].sort());
    assert.ok(sent.every((m) => m.topic === 'letter.reminder.warn' && m.status === 'held'));
    assert.match(sent[0]!.subject, /【预警】来信 MAYOR\d+ 即将到期（2026年10月13日）/);
    // The next hour: nothing new.
    assert.equal((await sendLetterReminders(t.deps)).written, 0);
    // 黄牌 after the due date, then 督办: the mayor's office is told as well.
    t.setNow(at('2026-10-14'));
    assert.equal((await sendLetterReminders(t.deps)).written, 2);
    await superviseLetter(t.deps, SYSTEM, {
      letterId: s.id,
      version: await letterVersion(t.deps, s.id),
      comment: '请尽快答复',
    });
    t.setNow(at('2026-10-21'));
    assert.equal((await sendLetterReminders(t.deps)).written, 3);
    sent = await reminders(s.id);
    const red = sent.filter((m) => m.topic === 'letter.reminder.red');
    assert.deepEqual(red.map((m) => m.userId).sort(), [cityOfficer.id, deptOfficer.id, deptHead.id].sort());
    assert.match(red[0]!.body, /已超期6个工作日/);
  });

  test('an assigned officer alone is reminded; replied letters are not', async () => {
    t.setNow(at('2026-09-30'));
    const s = await letterInState(t.deps, box.code, 'handling');
    await assignLetter(t.deps, SYSTEM, {
      letterId: s.id,
      version: await letterVersion(t.deps, s.id),
      agencyId: city.dept.id,
      userId: deptOfficer.id,
    });
    const done = await letterInState(t.deps, box.code, 'replied');
    t.setNow(at('2026-10-14'));
    await sendLetterReminders(t.deps);
    assert.deepEqual(
      (await reminders(s.id)).map((m) => m.userId),
      [deptOfficer.id],
    );
    assert.equal((await reminders(done.id)).length, 0);
  });
});
