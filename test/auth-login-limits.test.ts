// Brute-force protection that strangers cannot turn against the account's owner (issue 8.3), that
// tells nobody which logins exist, and that holds across app instances on one database (issue 7 §3).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { appUser } from '../src/db/schema.js';
import { buildAgency, buildUser } from './support/factories.js';
import { createInstances, loginFrom, type Instances } from './support/instances.js';
import { testEngine } from './support/db.js';

const STRANGER = '203.0.113.9';
const OWNER = '198.51.100.7';

describe('login lockout: per login and client, the same for every login', () => {
  let t: Instances;
  let agencyId: number;
  before(async () => {
    t = await createInstances(1);
    agencyId = (await buildAgency(t.instances[0]!.deps)).id;
  });
  after(() => t.close());
  const app = () => t.instances[0]!.app;

  test('a stranger’s wrong passwords do not lock the owner out', async () => {
    const u = await buildUser(t.instances[0]!.deps, { agencyId });
    for (let i = 0; i < 8; i++) await loginFrom(app(), STRANGER, u.login, `Wrong-guess-${i}`);
    // The stranger is paused…
    const stranger = await loginFrom(app(), STRANGER, u.login, u.password);
    assert.equal(stranger.status, 422);
    assert.match(stranger.message, /已临时锁定/);
    // …the owner, elsewhere, logs in.
    const owner = await loginFrom(app(), OWNER, u.login, u.password);
    assert.equal(owner.status, 303);
    assert.ok(owner.sessionCookie);
  });

  test('an unknown login gets exactly the answers a real one gets, pause included', async () => {
    const u = await buildUser(t.instances[0]!.deps, { agencyId });
    const real: string[] = [];
    const unknown: string[] = [];
    for (let i = 0; i < 7; i++) {
      const a = await loginFrom(app(), '192.0.2.10', u.login, `Wrong-guess-${i}`);
      const b = await loginFrom(app(), '192.0.2.11', 'no-such-login', `Wrong-guess-${i}`);
      real.push(`${a.status} ${a.message}`);
      unknown.push(`${b.status} ${b.message}`);
    }
    assert.deepEqual(unknown, real);
    assert.match(real[0]!, /^422 登录名或密码不正确$/);
    // The sixth answer is the pause, with its end in Asia/Shanghai (the clock says 02:00 UTC).
    assert.equal(real[5], '422 连续登录失败次数过多，从此处登录该账号已临时锁定，请于 10:15 后再试');
  });

  test('a disabled account with the right password answers like a wrong password', async () => {
    const u = await buildUser(t.instances[0]!.deps, { agencyId, trait: 'disabled' });
    const right = await loginFrom(app(), '192.0.2.20', u.login, u.password);
    const wrong = await loginFrom(app(), '192.0.2.21', u.login, 'Wrong-guess-0');
    assert.equal(right.status, 422);
    assert.equal(right.message, wrong.message);
    assert.equal(right.message, '登录名或密码不正确');
    assert.equal(right.sessionCookie, undefined);
  });

  test('the pause ends by itself, and an administrator’s unlock lifts it at once', async () => {
    const u = await buildUser(t.instances[0]!.deps, { agencyId });
    for (let i = 0; i < 5; i++) await loginFrom(app(), '192.0.2.30', u.login, `Wrong-guess-${i}`);
    assert.match((await loginFrom(app(), '192.0.2.30', u.login, u.password)).message, /已临时锁定/);
    // The users page shows the account as locked (a mirror of the pause).
    const [row] = await t.instances[0]!.deps.db.select({ lockedUntil: appUser.lockedUntil })
      .from(appUser)
      .where(eq(appUser.id, u.id));
    assert.ok(row!.lockedUntil);
    const start = t.now();
    t.setNow(new Date(start.getTime() + 16 * 60_000));
    assert.equal((await loginFrom(app(), '192.0.2.30', u.login, u.password)).status, 303);
    t.setNow(start);
  });
});

describe(`several app instances on one database behave as one (${testEngine})`, () => {
  let t: Instances;
  let agencyId: number;
  before(async () => {
    t = await createInstances(2, { env: { LOGIN_RATE_LIMIT: '5' } });
    agencyId = (await buildAgency(t.instances[0]!.deps)).id;
  });
  after(() => t.close());

  test('the per-client login limit counts the attempts made at every instance', async () => {
    const [a, b] = t.instances;
    const codes: number[] = [];
    for (let i = 0; i < 7; i++)
      codes.push((await loginFrom((i % 2 ? b : a)!.app, '192.0.2.40', 'nobody', 'x')).status);
    assert.deepEqual(codes, [422, 422, 422, 422, 422, 429, 429]);
    // Another client is not affected.
    assert.equal((await loginFrom(b!.app, '192.0.2.41', 'nobody', 'x')).status, 422);
  });

  test('failures at different instances add up to one pause', async () => {
    const [a, b] = t.instances;
    const u = await buildUser(a!.deps, { agencyId });
    for (let i = 0; i < 5; i++)
      await loginFrom((i % 2 ? b : a)!.app, '192.0.2.50', u.login, `Wrong-guess-${i}`);
    t.setNow(new Date(t.now().getTime() + 61_000)); // a new rate-limit window
    for (const i of [a!, b!]) {
      const r = await loginFrom(i.app, '192.0.2.50', u.login, u.password);
      assert.equal(r.status, 422);
      assert.match(r.message, /已临时锁定/);
    }
  });
});
