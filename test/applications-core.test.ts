// The applications module's core: intake stores the application whole with encrypted personal
// data; every step is one fact under optimistic locking; scope hides other agencies' cases.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, inArray } from 'drizzle-orm';
import { recordApplicationEvent } from '../src/commands/applications/record.js';
import { assignApplication } from '../src/commands/applications/assign.js';
import { application, applicationEvent, auditEvent, notice, outbox } from '../src/db/schema.js';
import { verifyAuditLog } from '../src/queries/verify-audit.js';
import { applicationCase } from '../src/queries/application-case.js';
import { lookupApplication } from '../src/queries/application-lookup.js';
import { applicationInbox } from '../src/queries/application-inbox.js';
import { InvalidInput, NotFound, Conflict, NotAllowed } from '../src/domain/errors.js';
import { createTestApp, TEST_SECRETS, type TestApp } from './support/app.js';
import { generatePersonalDataKey, personalDataCipher } from '../src/lib/personal-data.js';
import { rekeyPersonalData } from '../src/commands/applications/rekey-personal-data.js';
import { buildCity, buildUser } from './support/factories.js';
import { actorOf, submitted, validApplication, PUBLIC, VALID_RESIDENT_ID } from './support/applications.js';
import { submitApplication } from '../src/commands/applications/submit.js';

describe('applications: intake, facts, locking, scope', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  before(async () => {
    // Monday 2026-11-30, 10:00 in Beijing.
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
    city = await buildCity(t.deps);
  });
  after(() => t.close());

  test('an online application is received today and due 20 working days later; personal data is encrypted', async () => {
    const s = await submitted(t.deps, city.dept.code);
    assert.equal(s.receivedOn, '2026-11-30');
    // 20 working days after Mon 2026-11-30: Dec 1–4 (4), 7–11 (9), 14–18 (14), 21–25 (19), Mon 28 (20).
    assert.equal(s.dueDate, '2026-12-28');
    assert.match(s.trackingNumber, /^2026-\d{7}$/);
    assert.match(s.queryCode, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const [row] = await t.deps.db.select().from(application).where(eq(application.id, s.id));
    assert.ok(row);
    const stored = JSON.stringify(row);
    for (const secret of [
      VALID_RESIDENT_ID,
      '13812345678',
      'zhangsan@example.com',
      '人民路100号',
      s.queryCode,
    ])
      assert.ok(!stored.includes(secret), `${secret} must not be stored in clear`);
    assert.equal(row.idNumberMasked, '320***********1234');
    assert.equal(t.deps.personalData.decrypt(row.idNumberEnc), VALID_RESIDENT_ID);
    const mail = await t.deps.db.select().from(outbox).where(eq(outbox.applicationId, s.id));
    assert.equal(mail.length, 1);
    assert.match(mail[0]!.subject, /已收到/);
  });

  test('applications submitted at the same moment are each stored whole, with their own audit event, and the chain still verifies', async () => {
    // Submitted together, they are written in groups sharing one transaction (intake-batch.ts).
    const n = 12;
    const all = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        submitted(t.deps, city.dept.code, {
          name: `同时${i}`,
          ...(i % 3 === 0 ? { email: null } : {}),
        }),
      ),
    );
    const ids = all.map((s) => s.id);
    assert.equal(new Set(all.map((s) => s.trackingNumber)).size, n);
    const rows = await t.deps.db.select().from(application).where(inArray(application.id, ids));
    assert.deepEqual(rows.map((r) => r.name).sort(), all.map((_, i) => `同时${i}`).sort());
    const facts = await t.deps.db
      .select()
      .from(applicationEvent)
      .where(inArray(applicationEvent.applicationId, ids));
    assert.deepEqual(facts.map((f) => f.applicationId).sort(), [...ids].sort());
    const receipts = await t.deps.db.select().from(notice).where(inArray(notice.applicationId, ids));
    assert.equal(receipts.length, n);
    for (const r of receipts) {
      assert.equal(r.kind, 'receipt');
      // Linked to the fact of its own application.
      assert.equal(facts.find((f) => f.id === r.eventId)?.applicationId, r.applicationId);
    }
    const mails = await t.deps.db.select().from(outbox).where(inArray(outbox.applicationId, ids));
    assert.equal(mails.length, n - Math.ceil(n / 3));
    const events = await t.deps.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.subjectType, 'application'),
          inArray(
            auditEvent.subjectId,
            ids.map((id) => String(id)),
          ),
        ),
      );
    assert.deepEqual(events.map((e) => e.subjectId).sort(), ids.map((id) => String(id)).sort());
    assert.ok(events.every((e) => e.action === 'application.submitted'));
    const chain = await verifyAuditLog(t.deps.db, TEST_SECRETS.auditSecret);
    assert.deepEqual(chain.problems, []);
  });

  test('bad input names every field at once and stores nothing', async () => {
    const before = await t.deps.db.select({ id: application.id }).from(application);
    await assert.rejects(
      submitApplication(
        t.deps,
        PUBLIC,
        validApplication(city.dept.code, {
          idNumber: '320508198503121235',
          phone: '12',
          description: '',
          form: 'x',
        }),
      ),
      (e: unknown) => {
        assert.ok(e instanceof InvalidInput);
        assert.match(e.fieldErrors.idNumber!, /校验/);
        assert.ok(e.fieldErrors.phone && e.fieldErrors.description && e.fieldErrors.form);
        return true;
      },
    );
    const afterRows = await t.deps.db.select({ id: application.id }).from(application);
    assert.equal(afterRows.length, before.length);
  });

  test('the applicant looks up with tracking number and code; a wrong code answers like an unknown number', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const found = await lookupApplication(
      t.deps.db,
      s.trackingNumber.replace('-', ''),
      s.queryCode.toLowerCase(),
      '2026-11-30',
    );
    assert.equal(found?.view.deadline.dueDate, '2026-12-28');
    assert.equal(await lookupApplication(t.deps.db, s.trackingNumber, 'AAAA-AAAA-AAAA', '2026-11-30'), null);
    assert.equal(await lookupApplication(t.deps.db, '2026-9999999', s.queryCode, '2026-11-30'), null);
  });

  test('a step moves the version on; a second officer acting on the old version is told and nothing is recorded twice', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const a = await actorOf(t.deps, (await buildUser(t.deps, { agencyId: city.dept.id })).id);
    const b = await actorOf(t.deps, (await buildUser(t.deps, { agencyId: city.city.id })).id);
    const step = { type: 'correctionRequested', on: '2026-11-30', dueBy: '2026-12-14' };
    const results = await Promise.allSettled([
      recordApplicationEvent(t.deps, { actor: a }, { applicationId: s.id, version: 1, event: step }),
      recordApplicationEvent(t.deps, { actor: b }, { applicationId: s.id, version: 1, event: step }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    const failed = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    assert.ok(failed.reason instanceof Conflict, String(failed.reason));
    const events = await t.deps.db
      .select()
      .from(applicationEvent)
      .where(eq(applicationEvent.applicationId, s.id));
    assert.equal(events.length, 2);
    const detail = await applicationCase(t.deps.db, a, s.id, '2026-11-30');
    assert.equal(detail.view.state, 'awaiting-correction');
    assert.equal(detail.version, 2);
    const audit = await t.deps.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'application.correctionRequested'));
    assert.equal(audit.length, 1);
  });

  test('an officer of another agency gets NotFound; only the office head approves an extension', async () => {
    const s = await submitted(t.deps, city.east.code);
    const west = await actorOf(t.deps, (await buildUser(t.deps, { agencyId: city.west.id })).id);
    await assert.rejects(applicationCase(t.deps.db, west, s.id, '2026-11-30'), NotFound);
    await assert.rejects(
      recordApplicationEvent(
        t.deps,
        { actor: west },
        { applicationId: s.id, version: 1, event: { type: 'withdrawn', on: '2026-11-30' } },
      ),
      NotFound,
    );
    const officer = await actorOf(t.deps, (await buildUser(t.deps, { agencyId: city.east.id })).id);
    const head = await actorOf(
      t.deps,
      (await buildUser(t.deps, { agencyId: city.east.id, role: 'office_head' })).id,
    );
    const r1 = await recordApplicationEvent(
      t.deps,
      { actor: officer },
      {
        applicationId: s.id,
        version: 1,
        event: { type: 'extensionRequested', on: '2026-11-30', workdays: 20, reason: '需要调取档案' },
      },
    );
    await assert.rejects(
      recordApplicationEvent(
        t.deps,
        { actor: officer },
        {
          applicationId: s.id,
          version: r1.version,
          event: { type: 'extensionApproved', on: '2026-11-30', workdays: 20 },
        },
      ),
      NotAllowed,
    );
    await recordApplicationEvent(
      t.deps,
      { actor: head },
      {
        applicationId: s.id,
        version: r1.version,
        event: { type: 'extensionApproved', on: '2026-11-30', workdays: 20 },
      },
    );
    const d = await applicationCase(t.deps.db, officer, s.id, '2026-11-30');
    // 2026-12-28 + 20 working days: Dec 29–31 (3), Jan 1 is 元旦 (rest), Jan 4–8 … → see the clock's tests.
    assert.ok(d.view.deadline.dueDate! > '2026-12-28');
    await assignApplication(
      t.deps,
      { actor: officer },
      { applicationId: s.id, version: d.version, userId: officer.userId },
    );
    const [row] = await t.deps.db.select().from(application).where(eq(application.id, s.id));
    assert.equal(row!.assignedTo, officer.userId);
  });
});

describe('the inbox', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  });
  after(() => t.close());

  test('lists open applications of the subtree by due date, marks overdue and due soon, hides other subtrees', async () => {
    const city = await buildCity(t.deps);
    const first = await submitted(t.deps, city.east.code);
    const second = await submitted(t.deps, city.eastTown.code, { name: '李四' });
    await submitted(t.deps, city.west.code, { name: '王五' });
    // Make the first one old: received 2026-10-30, due 20 working days later (well before today).
    await t.deps.db
      .update(application)
      .set({ receivedOn: '2026-10-30', dueDate: '2026-11-27' })
      .where(eq(application.id, first.id));
    await t.deps.db.update(application).set({ dueDate: '2026-12-02' }).where(eq(application.id, second.id));
    const east = await actorOf(t.deps, (await buildUser(t.deps, { agencyId: city.east.id })).id);
    const page = await applicationInbox(t.deps.db, east, { view: 'open' }, '2026-11-30');
    assert.deepEqual(
      page.items.map((i) => [i.applicantName, i.overdue, i.dueSoon]),
      [
        ['张三', true, false],
        ['李四', false, true],
      ],
    );
    assert.equal(page.dueSoonBy, '2026-12-03');
    const overdue = await applicationInbox(t.deps.db, east, { view: 'overdue' }, '2026-11-30');
    assert.deepEqual(
      overdue.items.map((i) => i.trackingNumber),
      [first.trackingNumber],
    );
    const byName = await applicationInbox(t.deps.db, east, { view: 'all', q: '李' }, '2026-11-30');
    assert.equal(byName.total, 1);
    await assert.rejects(
      applicationInbox(t.deps.db, east, { agencyId: city.west.id }, '2026-11-30'),
      NotFound,
    );
  });
});

describe('rotating the personal-data key', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
  });
  after(() => t.close());

  test('rekey rewrites every ciphertext and lookup hash with the new key; the same applicant is still matched', async () => {
    const city = await buildCity(t.deps);
    const old = await submitted(t.deps, city.dept.code);
    const oldKey = TEST_SECRETS.personalDataKey;
    const rotated = { ...t.deps, personalData: personalDataCipher(generatePersonalDataKey(), [oldKey]) };
    const fresh = await submitApplication(rotated, PUBLIC, validApplication(city.dept.code));
    const result = await rekeyPersonalData(rotated, PUBLIC);
    assert.equal(result.applications, 1, 'only the application made with the old key is rewritten');
    assert.ok(result.messages >= 1);
    const rows = await t.deps.db
      .select()
      .from(application)
      .where(inArray(application.id, [old.id, fresh.id]));
    for (const r of rows) {
      assert.equal(rotated.personalData.isStale(r.idNumberEnc), false);
      assert.equal(rotated.personalData.decrypt(r.phoneEnc), '13812345678');
    }
    assert.equal(rows[0]!.idNumberHash, rows[1]!.idNumberHash);
  });
});
