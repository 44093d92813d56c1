// Deadlines of letters with fixed dates (the calendar of 2026 with 国庆 and its make-up Saturday):
// a letter past its time limit carries its warning level once the daily refresh has run; a valid
// letter near three months unanswered is flagged as a veto risk 'near', past them 'past'; a reply
// clears both; an invalid letter is never a veto risk.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { refreshLetterViews } from '../src/commands/letters/jobs.js';
import { superviseLetter } from '../src/commands/letters/supervise.js';
import { letter } from '../src/db/schema.js';
import { InvalidTransition } from '../src/domain/errors.js';
import { letterView, mailboxRules } from '../src/domain/letters/view.js';
import { loadLetter } from '../src/db/repositories/letters.js';
import { loadWorkCalendar } from '../src/queries/calendar.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity } from './support/factories.js';
import { buildMailbox, letterInState, letterVersion, SYSTEM } from './support/letters.js';

/** 10:00 in Beijing on the day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('letters: warning levels and the three-month veto risk, with fixed dates', () => {
  let t: TestApp;
  let box: { code: string };
  before(async () => {
    t = await createTestApp({ now: at('2026-09-30') });
    const city = await buildCity(t.deps);
    box = await buildMailbox(t.deps, {
      agencyId: city.city.id,
      code: 'mayor',
      kind: 'leader',
      leaderName: '王某某',
    });
  });
  after(() => t.close());

  const row = async (id: number) => (await t.deps.db.select().from(letter).where(eq(letter.id, id)))[0]!;
  const viewOn = async (id: number, day: string) => {
    const l = await loadLetter(t.deps.db, id);
    return letterView(l.facts, mailboxRules(l.mailbox), await loadWorkCalendar(t.deps.db, l.agencyPath), day);
  };

  test('accepted Wed 2026-09-30 (consult, 5 working days): due Tue 2026-10-13 over 国庆 and the make-up Saturday; warning levels as days pass', async () => {
    t.setNow(at('2026-09-30'));
    const s = await letterInState(t.deps, box.code, 'handling');
    const r0 = await row(s.id);
    assert.equal(r0.acceptedOn, '2026-09-30');
    assert.equal(r0.dueDate, '2026-10-13');
    assert.equal(r0.warningLevel, null);
    // Supervising a letter that is neither near nor past its due date is refused.
    await assert.rejects(
      superviseLetter(t.deps, SYSTEM, {
        letterId: s.id,
        version: await letterVersion(t.deps, s.id),
        comment: '请抓紧',
      }),
      InvalidTransition,
    );
    const steps: [string, string | null][] = [
      ['2026-10-09', null],
      ['2026-10-10', 'warn'], // 调休上班日: 2 working days left
      ['2026-10-14', 'yellow'],
      ['2026-10-21', 'red'],
    ];
    for (const [day, level] of steps) {
      t.setNow(at(day));
      const report = await refreshLetterViews(t.deps);
      assert.equal(report.errors, 0);
      const r = await row(s.id);
      assert.equal(r.warningLevel, level, day);
      assert.equal(r.viewComputedOn, day);
    }
    // The refresh is not a user's change: the version is the one the officer's form holds.
    assert.equal((await row(s.id)).version, r0.version);
    // 督办 on an overdue letter.
    await superviseLetter(t.deps, SYSTEM, { letterId: s.id, version: r0.version, comment: '请于三日内答复' });
    assert.equal((await row(s.id)).supervised, true);
  });

  test('received 2026-09-30 and left unanswered: veto risk near from 2026-12-15, past from 2026-12-31', async () => {
    t.setNow(at('2026-09-30'));
    const open = await letterInState(t.deps, box.code, 'submitted');
    const answered = await letterInState(t.deps, box.code, 'replied');
    assert.equal((await viewOn(open.id, '2026-12-14')).vetoRisk, 'none');
    assert.equal((await viewOn(open.id, '2026-12-15')).vetoRisk, 'near');
    assert.equal((await viewOn(open.id, '2026-12-30')).vetoRisk, 'near');
    assert.equal((await viewOn(open.id, '2026-12-31')).vetoRisk, 'past');
    assert.equal((await viewOn(answered.id, '2026-12-31')).vetoRisk, 'none');
    // Untriaged, it counted from the day of receipt: red long before the three months.
    t.setNow(at('2026-12-15'));
    await refreshLetterViews(t.deps);
    const r = await row(open.id);
    assert.equal(r.state, 'submitted');
    assert.equal(r.warningLevel, 'red');
    assert.equal(r.dueDate, '2026-10-13');
  });

  test('an invalid letter is answered and never a veto risk', async () => {
    t.setNow(at('2026-09-30'));
    const s = await letterInState(t.deps, box.code, 'declined');
    const v = await viewOn(s.id, '2027-01-31');
    assert.equal(v.state, 'replied');
    assert.equal(v.vetoRisk, 'none');
    assert.equal((await row(s.id)).repliedOn, '2026-09-30');
  });
});
