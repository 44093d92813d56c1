// The dashboard's 最近操作 shows only what the actor may see (issue 7 §6): other people's failed
// logins, lockouts and password resets are audit-log reading, for the roles that may read the log.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { resetUserPassword } from '../src/commands/reset-user-password.js';
import { findUserById, toActor } from '../src/db/repositories/users.js';
import type { Role } from '../src/domain/agencies/roles.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

/** The 最近操作 section of the dashboard: from its heading to the end of the main content. */
const recentSection = (html: string) => {
  const i = html.search(/<h2>[^<]*最近操作<\/h2>/);
  assert.ok(i >= 0, 'the dashboard has a 最近操作 section');
  return html.slice(i);
};

describe('back office: the dashboard shows only what the actor may see', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let victim: Awaited<ReturnType<typeof buildUser>>;
  let townAdmin: Awaited<ReturnType<typeof buildUser>>;

  const staff = (agencyId: number, role: Role, login: string) => buildUser(t.deps, { agencyId, role, login });
  const loggedIn = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  before(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    // In the east town: an officer whose password someone guesses at, and whose password the
    // district's administrator then resets.
    victim = await staff(city.eastTown.id, 'officer', 'victim.officer');
    townAdmin = await staff(city.east.id, 'agency_admin', 'district.admin');
    const guesser = new Browser(t.app);
    await guesser.login(victim.login, 'wrong-password-1');
    await guesser.login(victim.login, 'wrong-password-2');
    const adminRow = await findUserById(t.deps.db, townAdmin.id);
    await resetUserPassword(t.deps, { actor: toActor(adminRow!) }, victim.id);
  });
  after(() => t.close());

  test('the district administrator (who may read the audit log) still sees the town’s events', async () => {
    const b = await loggedIn(townAdmin);
    const recent = recentSection((await b.get('/admin')).body);
    assert.doesNotMatch(recent, /我的最近操作/);
    assert.ok(recent.includes(victim.login), 'the failed logins and the reset are listed');
  });

  for (const role of ['publisher', 'officer'] as const) {
    test(`a town ${role} (403 on the audit log) sees only their own actions`, async () => {
      const me = await staff(city.eastTown.id, role, `me.${role}`);
      const b = await loggedIn(me);
      assert.equal((await b.get('/admin/audit')).statusCode, 403);
      const res = await b.get('/admin');
      assert.equal(res.statusCode, 200);
      const recent = recentSection(res.body);
      // Nothing about the other officer: neither the failed logins (「登录 <login>」) nor the reset.
      assert.ok(!recent.includes(victim.login), 'nothing about the other officer');
      assert.ok(!recent.includes(townAdmin.login), 'nothing done by the district administrator');
      // Their own login is there, under their own name.
      assert.ok(recent.includes(me.login));
      assert.match(recent, /我的最近操作/);
    });
  }
});
