// The demo city's year of disclosure applications (issue 9 item 9): on the first start the inbox,
// the overdue marks, the notices and the public lookup show real work.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import {
  agency,
  appeal,
  application,
  applicationEvent,
  appUser,
  auditEvent,
  notice,
} from '../src/db/schema.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/city.js';
import { DEMO_QUERY_CODE, demoApplications } from '../src/demo/applications.js';
import { loadDemo, type DemoLoadResult } from '../src/demo/load-demo.js';
import { APPLICANT_TYPES } from '../src/domain/applications/applicant.js';
import { validateIdNumber, type IdType } from '../src/domain/applications/identity.js';
import { DECISION_OUTCOMES, OUTCOMES } from '../src/domain/applications/outcomes.js';
import { caseView, CASE_STATES, type CaseEvent } from '../src/domain/applications/state.js';
import { RECEIPT_CHANNELS } from '../src/domain/calendar/receipt.js';
import { lookupApplication } from '../src/queries/application-lookup.js';
import { applicationInbox } from '../src/queries/application-inbox.js';
import { loadWorkCalendar } from '../src/queries/calendar.js';
import { localDate } from '../src/lib/time.js';
import { createTestApp, type TestApp } from './support/app.js';
import { actorOf } from './support/applications.js';
import { Browser } from './support/browser.js';

describe('the demo applications', () => {
  let t: TestApp;
  let loaded: DemoLoadResult;
  let today: string;
  let jnId: number;
  before(async () => {
    // Saturday 28 November 2026 in Beijing (the test clock's default).
    t = await createTestApp();
    today = localDate(t.deps.now());
    loaded = await loadDemo(t.deps);
    const [jn] = await t.deps.db.select().from(agency).where(eq(agency.code, 'JN'));
    jnId = jn!.id;
  });
  after(() => t.close());

  /** Every application with its facts, the view computed fresh from them (not the cache). */
  async function cases() {
    const apps = await t.deps.db.select().from(application).orderBy(asc(application.id));
    const events = await t.deps.db.select().from(applicationEvent).orderBy(asc(applicationEvent.seq));
    const calendar = await loadWorkCalendar(t.deps.db);
    return apps.map((app) => {
      const facts = events
        .filter((e) => e.applicationId === app.id)
        .map((e) => e.data as unknown as CaseEvent);
      return { app, facts, view: caseView(facts, calendar, today) };
    });
  }

  test('a few hundred applications over the current year, for many agencies', async () => {
    const all = await cases();
    assert.equal(all.length, loaded.applications);
    assert.ok(all.length >= 250 && all.length <= 600, `${all.length} applications`);
    assert.ok(all.every((c) => c.app.receivedOn <= today && c.app.receivedOn >= '2026-01-01'));
    assert.ok(new Set(all.map((c) => c.app.agencyId)).size >= 30, 'spread over many agencies');
    const months = new Set(all.map((c) => c.app.receivedOn.slice(0, 7)));
    assert.equal(months.size, 11, 'every month of the year so far');
  });

  test('every case state and every table 三 outcome row occurs, computed from the facts', async () => {
    const all = await cases();
    for (const state of CASE_STATES)
      assert.ok(
        all.some((c) => c.view.state === state),
        `a case in state ${state}`,
      );
    for (const outcome of OUTCOMES)
      assert.ok(
        all.some((c) => c.view.outcome === outcome),
        `a case concluded as ${outcome}`,
      );
    // The cache the inbox sorts by agrees with the facts.
    for (const c of all) assert.equal(c.app.state, c.view.state, c.app.trackingNumber);
  });

  test('open cases include overdue ones, ones due within 3 working days, extended ones and consultations', async () => {
    const all = await cases();
    const open = all.filter((c) => c.view.outcome === null && c.view.deadline.dueDate);
    assert.ok(open.some((c) => c.view.deadline.dueDate! < today));
    assert.ok(open.some((c) => c.view.deadline.dueDate! >= today && c.view.deadline.daysLeft! <= 3));
    const has = (type: CaseEvent['type']) => all.filter((c) => c.facts.some((e) => e.type === type));
    assert.ok(has('extensionApproved').length >= 3, 'extensions requested and approved');
    assert.ok(
      all.some((c) => c.view.extensionPending),
      'an extension waiting for the head of the office',
    );
    assert.ok(has('consultationSent').length >= 5, '征求意见');
    assert.ok(has('feePaid').length + has('feeNotified').length >= 3, 'fees');
  });

  test('applicants of every column and every channel, with valid identity numbers', async () => {
    const all = await cases();
    for (const type of APPLICANT_TYPES)
      assert.ok(
        all.some((c) => c.app.applicantType === type),
        type,
      );
    const natural = all.filter((c) => c.app.applicantType === 'natural').length;
    assert.ok(natural / all.length > 0.6 && natural / all.length < 0.85, 'mostly natural persons');
    for (const channel of RECEIPT_CHANNELS)
      assert.ok(
        all.some((c) => c.app.channel === channel),
        channel,
      );
    for (const { app } of all) {
      const number = t.deps.personalData.decrypt(app.idNumberEnc)!;
      const v = validateIdNumber(app.idType as IdType, number, { today });
      assert.ok(v.ok, `${app.trackingNumber}: ${number}`);
    }
  });

  test('whatever the day of the first start (early January, midsummer, New Year’s Eve), every state and row occurs', async () => {
    const calendar = await loadWorkCalendar(t.deps.db);
    for (const day of ['2026-01-05', '2026-07-01', '2026-12-31']) {
      const views = demoApplications(calendar, day).map((a) =>
        caseView(
          [{ type: 'received', on: a.receivedOn, channel: a.channel }, ...a.steps.map((s) => s.event)],
          calendar,
          day,
        ),
      );
      for (const state of CASE_STATES)
        assert.ok(
          views.some((v) => v.state === state),
          `${day}: ${state}`,
        );
      for (const outcome of OUTCOMES)
        assert.ok(
          views.some((v) => v.outcome === outcome),
          `${day}: ${outcome}`,
        );
      assert.ok(views.some((v) => v.outcome === null && v.deadline.dueDate && v.deadline.dueDate < day));
    }
  });

  test('the same day gives the same data', async () => {
    const calendar = await loadWorkCalendar(t.deps.db);
    assert.deepEqual(demoApplications(calendar, today), demoApplications(calendar, today));
  });

  test('the office of the city government sees real work: an officer’s own cases, the head’s pending extension', async () => {
    const user = async (login: string) => {
      const [u] = await t.deps.db.select().from(appUser).where(eq(appUser.login, login));
      return actorOf(t.deps, u!.id);
    };
    const officer = await user('jn.officer');
    const mine = await applicationInbox(t.deps.db, officer, { view: 'open', assigned: 'me' }, today);
    assert.ok(mine.total >= 5, `${mine.total} open cases assigned to jn.officer`);
    const overdue = await applicationInbox(
      t.deps.db,
      officer,
      { view: 'overdue', agencyId: officer.agencyId },
      today,
    );
    assert.ok(overdue.items.some((i) => i.overdue));
    const soon = await applicationInbox(
      t.deps.db,
      officer,
      { view: 'dueSoon', agencyId: officer.agencyId },
      today,
    );
    assert.ok(soon.items.some((i) => i.dueSoon));
    const head = DEMO_USERS.find((u) => u.role === 'office_head' && u.agencyCode === 'JN');
    assert.ok(head, 'the city government has a demo office head');
    for (const code of ['JN.JYJ', 'JN.ZGJ', 'JN.DC', 'JN.MS', 'JN.DC.DH']) {
      const login = DEMO_USERS.find((u) => u.agencyCode === code && u.role === 'officer')!.login;
      const page = await applicationInbox(
        t.deps.db,
        await user(login),
        { view: 'open', assigned: 'me' },
        today,
      );
      assert.ok(page.total >= 1, `${login} has open cases`);
    }
  });

  test('on the back office: jn.officer’s inbox shows overdue and due-soon marks; jn.head opens an extension to approve', async () => {
    const officer = new Browser(t.app);
    assert.equal((await officer.login('jn.officer', DEMO_PASSWORD)).statusCode, 303);
    const inbox = await officer.get('/admin/applications');
    assert.equal(inbox.statusCode, 200);
    assert.match(inbox.body, /已逾期/);
    assert.match(inbox.body, /即将到期/);
    const [pending] = (await cases()).filter((c) => c.view.extensionPending && c.app.agencyId === jnId);
    assert.ok(pending, 'an extension waiting in the city government');
    const head = new Browser(t.app);
    await head.login('jn.head', DEMO_PASSWORD);
    const page = await head.get(`/admin/applications/${pending.app.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /延期待批准/);
  });

  test('decisions and other steps carry their notices, numbered from the agency’s sequence', async () => {
    const rows = await t.deps.db.select().from(notice);
    const decisions = rows.filter((n) => n.kind === 'decision');
    assert.ok(decisions.length >= 100, `${decisions.length} decision notices`);
    assert.ok(decisions.every((n) => n.number && /〔2026〕\d+号$/.test(n.number)));
    assert.ok(decisions.some((n) => n.number!.startsWith('江南府办依复〔2026〕')));
    for (const kind of ['receipt', 'correction', 'extension', 'fee', 'transfer'])
      assert.ok(
        rows.some((n) => n.kind === kind),
        `a ${kind} notice`,
      );
    // Every step's notice could be filled (none skipped).
    const [loadedEvent] = await t.deps.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'application.demoLoaded'));
    assert.equal((loadedEvent!.data as { noticeFailures: number }).noticeFailures, 0);
  });

  test('the showcase application can be looked up with the documented query code', async () => {
    assert.ok(loaded.showcase);
    assert.equal(loaded.showcase.queryCode, DEMO_QUERY_CODE);
    const found = await lookupApplication(t.deps.db, loaded.showcase.trackingNumber, DEMO_QUERY_CODE, today);
    assert.ok(found, 'found with the documented code');
    assert.equal(found.agencyName, '江南市人民政府');
    assert.equal(found.view.state, 'decided');
    assert.ok(found.notices.length >= 2, 'its receipt and its decision notice');
    assert.equal(
      await lookupApplication(t.deps.db, loaded.showcase.trackingNumber, 'GKDM-2345-6788', today),
      null,
    );
  });

  test('appeals: reconsiderations and lawsuits against refusals, with every result', async () => {
    const rows = await t.deps.db.select().from(appeal);
    assert.equal(rows.length, loaded.appeals);
    assert.ok(rows.some((a) => a.kind === 'reconsideration'));
    assert.ok(rows.some((a) => a.kind === 'litigation'));
    assert.ok(rows.some((a) => a.kind === 'litigation' && a.afterReconsideration));
    for (const result of ['upheld', 'corrected', 'other', 'pending'])
      assert.ok(
        rows.some((a) => a.result === result),
        result,
      );
    const apps = new Map((await t.deps.db.select().from(application)).map((a) => [a.id, a]));
    for (const a of rows) {
      const app = apps.get(a.applicationId!)!;
      assert.ok(app.outcome && app.outcome !== 'granted' && DECISION_OUTCOMES.includes(app.outcome as never));
      assert.ok(app.concludedOn! < a.filedOn, 'filed after the reply');
      assert.equal(a.appellant, app.name);
    }
  });
});
