import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { verifyAuditLog } from '../src/queries/verify-audit.js';
import { createTestApp, TEST_SECRETS, type TestApp } from './support/app.js';
import { buildAgency, buildUser } from './support/factories.js';

describe('audit log', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    const a = await buildAgency(t.deps);
    await buildUser(t.deps, { agencyId: a.id });
    await buildAgency(t.deps, { parentId: a.id });
  });
  after(() => t.close());

  test('every command appended an event and the chain verifies', async () => {
    const r = await verifyAuditLog(t.deps.db, TEST_SECRETS.auditSecret);
    assert.equal(r.checked, 3);
    assert.deepEqual(r.problems, []);
  });

  test('an edited event is detected', async () => {
    await t.deps.db.execute(sql`update audit_event set action = 'agency.deleted' where seq = 2`);
    const r = await verifyAuditLog(t.deps.db, TEST_SECRETS.auditSecret);
    assert.deepEqual(
      r.problems.map((p) => [p.seq, p.problem]),
      [[2, 'edited']],
    );
  });

  test('a deleted event is detected', async () => {
    await t.deps.db.execute(sql`delete from audit_event where seq = 2`);
    const r = await verifyAuditLog(t.deps.db, TEST_SECRETS.auditSecret);
    assert.ok(r.problems.some((p) => p.seq === 3 && p.problem === 'gap'));
    assert.ok(r.problems.some((p) => p.seq === 3 && p.problem === 'broken-link'));
  });

  test('a chain rebuilt without the secret does not verify', async () => {
    const r = await verifyAuditLog(t.deps.db, 'another-secret-another-secret-another');
    assert.ok(r.problems.filter((p) => p.problem === 'edited').length >= 1);
  });
});
