// The demo city's mailboxes and letters (issue 13 item 8): on the first start the mailboxes, the
// inbox with every state and warning, the veto-risk panel, the public list and the lookup show real
// work. The demo is built for the test clock's day, Saturday 28 November 2026.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { agency, letter, letterEvent, mailbox } from '../src/db/schema.js';
import { factOf } from '../src/db/repositories/letters.js';
import { DEMO_LEADERS, DEMO_LETTER_QUERY_CODE } from '../src/demo/letters.js';
import {
  DECLINE_OUTCOMES,
  LETTER_STATES,
  MAILBOX_KINDS,
  SATISFACTIONS,
  WARNING_LEVELS,
  hashLetterQueryCode,
  letterView,
  mailboxRules,
  type LetterEvent,
  type LetterEventType,
} from '../src/domain/letters/index.js';
import { addDays, addMonths } from '../src/domain/calendar/iso-date.js';
import { loadWorkCalendar } from '../src/queries/calendar.js';
import { lookupLetter } from '../src/queries/letter-lookup.js';
import { letterDashboard } from '../src/queries/letter-dashboard.js';
import { actorsByLogin } from '../src/db/repositories/users.js';
import { localDate } from '../src/lib/time.js';
import { createTestApp, type TestApp } from './support/app.js';

describe('the demo letters', () => {
  let t: TestApp;
  let today: string;
  before(async () => {
    t = await createTestApp({ demo: true });
    today = localDate(t.deps.now());
  });
  after(() => t.close());

  /** Every letter with its steps and its view computed fresh from them (not the cache). */
  async function letters() {
    const db = t.deps.db;
    const rows = await db
      .select({ letter, mailbox })
      .from(letter)
      .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
      .orderBy(asc(letter.id));
    const events = await db.select().from(letterEvent).orderBy(asc(letterEvent.seq));
    const byLetter = new Map<number, LetterEvent[]>();
    const types = new Map<number, LetterEventType[]>();
    for (const e of events) {
      byLetter.set(e.letterId, [...(byLetter.get(e.letterId) ?? []), factOf(e)]);
      types.set(e.letterId, [...(types.get(e.letterId) ?? []), e.type as LetterEventType]);
    }
    const calendar = await loadWorkCalendar(db);
    return rows.map(({ letter: l, mailbox: m }) => {
      const facts = byLetter.get(l.id)!;
      return {
        l,
        m,
        facts,
        types: types.get(l.id)!,
        view: letterView(facts, mailboxRules(m), calendar, today),
      };
    });
  }

  test('the mayor, every leader, 公众监督 and every agency have a mailbox', async () => {
    const boxes = await t.deps.db.select().from(mailbox);
    const agencies = await t.deps.db.select().from(agency);
    for (const kind of MAILBOX_KINDS)
      assert.ok(
        boxes.some((b) => b.kind === kind),
        kind,
      );
    const mayor = boxes.find((b) => b.code === 'mayor');
    assert.equal(mayor?.name, '市长信箱');
    for (const l of DEMO_LEADERS)
      assert.ok(
        boxes.some((b) => b.kind === 'leader' && b.leaderName === l.name && b.leaderTitle === l.title),
        l.name,
      );
    for (const a of agencies)
      assert.ok(
        boxes.some((b) => b.agencyId === a.id),
        `${a.name} has a mailbox`,
      );
    for (const a of agencies.filter((x) => x.code !== 'JN'))
      assert.ok(
        boxes.some((b) => b.agencyId === a.id && b.kind === 'agency' && b.name === `${a.name}信箱`),
        `${a.name} has its 部门信箱`,
      );
  });

  test('hundreds of letters over the year, in every state, with the cache agreeing with the steps', async () => {
    const all = await letters();
    assert.ok(all.length >= 300 && all.length <= 700, `${all.length} letters`);
    assert.ok(all.every((x) => x.l.receivedOn <= today && x.l.receivedOn >= '2026-01-01'));
    assert.equal(new Set(all.map((x) => x.l.receivedOn.slice(0, 7))).size, 11, 'every month so far');
    assert.ok(new Set(all.map((x) => x.l.mailboxId)).size >= 40, 'spread over many mailboxes');
    for (const state of LETTER_STATES)
      assert.ok(
        all.some((x) => x.view.state === state),
        `a letter in state ${state}`,
      );
    for (const x of all) {
      assert.equal(x.l.state, x.view.state, x.l.trackingNumber);
      assert.equal(x.l.dueDate, x.view.dueDate, x.l.trackingNumber);
      assert.equal(x.l.warningLevel, x.view.warningLevel, x.l.trackingNumber);
      assert.equal(x.l.repliedOn, x.view.repliedOn, x.l.trackingNumber);
      assert.equal(x.l.synthetic, true);
    }
  });

  test('triage outcomes, handing up and down, review, extensions, 督办, rating, publication, archive', async () => {
    const all = await letters();
    for (const triage of DECLINE_OUTCOMES) {
      const declined = all.filter((x) => x.l.triage === triage);
      assert.ok(declined.length > 0, triage);
      // Not accepted, still answered with the reason.
      for (const x of declined) {
        assert.equal(x.view.state, 'replied');
        assert.ok(x.l.replyText && x.l.triageReason && x.l.replyText.includes(x.l.triageReason));
      }
    }
    const duplicate = all.find((x) => x.l.triage === 'duplicate')!;
    const first = all.find((x) => x.l.id === duplicate.l.duplicateOf)!;
    assert.ok(first && first.l.receivedOn < duplicate.l.receivedOn);
    assert.equal(first.l.phoneHash, duplicate.l.phoneHash, 'the same writer');
    const has = (type: LetterEventType) => all.filter((x) => x.types.includes(type));
    for (const type of [
      'transferred',
      'escalated',
      'instructed',
      'reviewReturned',
      'extensionApproved',
      'extensionRefused',
      'supervised',
      'published',
      'withheld',
      'archived',
    ] as const)
      assert.ok(has(type).length > 0, type);
    assert.ok(all.some((x) => x.view.state === 'instructing'));
    assert.ok(
      all.some((x) => x.view.extensionPending),
      'an extension waiting for a decision',
    );
    for (const s of SATISFACTIONS)
      assert.ok(
        all.some((x) => x.l.satisfaction === s),
        s,
      );
    // Open letters at each warning level; one overdue letter is under 督办.
    for (const level of WARNING_LEVELS)
      assert.ok(
        all.some((x) => x.view.warningLevel === level),
        level,
      );
    assert.ok(all.some((x) => x.l.supervised && x.view.warningLevel === 'red'));
    // Writers with a phone of the made-up range, e-mail addresses at example.cn, consent yes and no.
    for (const x of all) {
      assert.match(t.deps.personalData.decrypt(x.l.phoneEnc)!, /^1990000\d{4}$/);
      const email = t.deps.personalData.decrypt(x.l.emailEnc);
      if (email) assert.match(email, /@example\.cn$/);
    }
    assert.ok(all.some((x) => x.l.publicConsent) && all.some((x) => !x.l.publicConsent));
  });

  test('published letters show only their masked public version', async () => {
    const all = await letters();
    const published = all.filter((x) => x.l.publication === 'published');
    assert.ok(published.length >= 50, `${published.length} published`);
    let signed = 0;
    for (const { l } of published) {
      assert.ok(l.publicConsent, 'only with the writer’s consent');
      assert.ok(l.publicTitle && l.publicContent && l.publicReply && l.publishedAt);
      const phone = t.deps.personalData.decrypt(l.phoneEnc)!;
      const email = t.deps.personalData.decrypt(l.emailEnc);
      for (const text of [l.publicTitle, l.publicContent, l.publicReply]) {
        assert.ok(!text!.includes(l.writerName!), `${l.trackingNumber}: no name in ${text}`);
        assert.ok(!text!.includes(phone), `${l.trackingNumber}: no phone`);
        if (email) assert.ok(!text!.includes(email));
      }
      if (l.content.includes(l.writerName!)) {
        signed++;
        assert.ok(l.publicContent!.includes(l.writerNameMasked!), 'the masked name stands in');
      }
    }
    assert.ok(signed > 0, 'some published letters were signed and are masked');
    // Letters not published keep no public version.
    assert.ok(all.filter((x) => x.l.publication !== 'published').every((x) => x.l.publicContent === null));
  });

  test('on the demo day one letter is near and one past the three-month line', async () => {
    assert.equal(today, '2026-11-28');
    const all = await letters();
    const near = all.filter((x) => x.view.vetoRisk === 'near');
    const past = all.filter((x) => x.view.vetoRisk === 'past');
    assert.equal(near.length, 1);
    assert.equal(past.length, 1);
    assert.equal(near[0]!.l.receivedOn, addDays(addMonths(today, -3), 7));
    assert.equal(past[0]!.l.receivedOn, addDays(addMonths(today, -3), -10));
    for (const x of [...near, ...past]) {
      assert.equal(x.l.triage, 'accepted');
      assert.equal(x.l.repliedOn, null);
      assert.equal(x.m.code, 'mayor');
    }
    // The city office's dashboard lists both, and the overdue letters with their warning levels.
    const head = (await actorsByLogin(t.deps.db)).get('jn.head')!;
    const board = await letterDashboard(t.deps.db, head, today, 50);
    assert.deepEqual(board.vetoCounts, { near: 1, past: 1 });
    assert.deepEqual(
      board.veto.map((v) => v.trackingNumber).sort(),
      [near[0]!.l.trackingNumber, past[0]!.l.trackingNumber].sort(),
    );
    const overdue = all.filter((x) => x.view.dueDate && x.view.dueDate < today);
    assert.equal(board.overdueCount, overdue.length);
    assert.ok(board.levels.red > 0 && board.levels.yellow > 0 && board.levels.warn > 0);
    assert.ok(board.overdue.some((v) => v.warningLevel === 'red'));
  });

  test('the showcase letter: its fixed query code opens it, replied and published, ready to rate', async () => {
    const [row] = await t.deps.db
      .select()
      .from(letter)
      .where(eq(letter.queryCodeHash, hashLetterQueryCode(DEMO_LETTER_QUERY_CODE)));
    assert.ok(row, 'the showcase exists');
    const found = await lookupLetter(t.deps.db, row.trackingNumber, DEMO_LETTER_QUERY_CODE, today);
    assert.ok(found);
    assert.equal(found.mailboxCode, 'mayor');
    assert.equal(found.state, 'replied');
    assert.equal(found.canRate, true);
    assert.equal(found.replyAgencyName, '江南市教育局');
    assert.equal(row.publication, 'published');
    assert.equal(await lookupLetter(t.deps.db, row.trackingNumber, '000000', today), null);
  });
});
