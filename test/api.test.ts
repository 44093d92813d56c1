import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { revokeApiToken } from '../src/commands/api-tokens.js';
import { apiToken, appUser } from '../src/db/schema.js';
import { Agency, AgencyPage, AgencyTree, Me, User, UserPage } from '../src/http/api/schemas.js';
import { createTestApp, type TestApp } from './support/app.js';
import { apiGet, apiGetAll, tokenFor } from './support/api.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

const SYSTEM = { actor: { system: true as const, label: 'test' } };

type AgencyItem = { code: string; parentCode: string | null; children?: AgencyItem[] };

describe('REST API', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let eastOfficer: Awaited<ReturnType<typeof buildUser>>;
  let eastAdmin: Awaited<ReturnType<typeof buildUser>>;
  let eastTownLocked: Awaited<ReturnType<typeof buildUser>>;
  let westOfficer: Awaited<ReturnType<typeof buildUser>>;
  let officerToken: string;
  let eastAdminToken: string;
  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    eastOfficer = await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' });
    eastAdmin = await buildUser(t.deps, { agencyId: city.east.id, role: 'agency_admin' });
    eastTownLocked = await buildUser(t.deps, {
      agencyId: city.eastTown.id,
      role: 'publisher',
      trait: 'locked',
    });
    westOfficer = await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' });
    officerToken = (await tokenFor(t.deps, eastOfficer.login)).token;
    eastAdminToken = (await tokenFor(t.deps, eastAdmin.login)).token;
  });
  after(() => t.close());

  describe('authentication', () => {
    test('a call without a token gets 401 JSON with a Bearer challenge', async () => {
      const res = await apiGet(t.app, '/api/v1/agencies');
      assert.equal(res.statusCode, 401);
      assert.equal(res.headers['www-authenticate'], 'Bearer');
      assert.match(String(res.headers['content-type']), /^application\/json/);
      const body = res.json();
      assert.equal(body.error.code, 'UNAUTHENTICATED');
      assert.match(body.error.message, /访问令牌/);
      assert.equal(body.error.requestId, res.headers['x-request-id']);
    });

    test('an unknown token gets 401', async () => {
      const res = await apiGet(t.app, '/api/v1/me', 'gk_not-a-real-token');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
    });

    test('a token made by the token command works, and /me says whose it is', async () => {
      const res = await apiGet(t.app, '/api/v1/me', officerToken);
      assert.equal(res.statusCode, 200);
      const me = Me.parse(res.json());
      assert.equal(me.login, eastOfficer.login);
      assert.deepEqual(me.agency, { code: city.east.code, name: '东区人民政府' });
      assert.ok(me.permissions.includes('agency.view'));
      assert.ok(!me.permissions.includes('user.view'));
      assert.equal(res.headers['cache-control'], 'no-store');
    });

    test('a revoked token stops working at once', async () => {
      const { id, token } = await tokenFor(t.deps, eastOfficer.login);
      assert.equal((await apiGet(t.app, '/api/v1/me', token)).statusCode, 200);
      await revokeApiToken(t.deps, SYSTEM, id);
      const res = await apiGet(t.app, '/api/v1/me', token);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
    });

    test('a disabled user’s token stops working', async () => {
      const u = await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' });
      const { token } = await tokenFor(t.deps, u.login);
      assert.equal((await apiGet(t.app, '/api/v1/agencies', token)).statusCode, 200);
      await t.deps.db.update(appUser).set({ disabledAt: t.deps.now() }).where(eq(appUser.id, u.id));
      const res = await apiGet(t.app, '/api/v1/agencies', token);
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
    });

    test('a staff session cookie alone does not authenticate an API call', async () => {
      const b = new Browser(t.app);
      assert.equal((await b.login(eastAdmin.login, eastAdmin.password)).statusCode, 303);
      assert.equal((await b.get('/admin')).statusCode, 200);
      const res = await b.get('/api/v1/me');
      assert.equal(res.statusCode, 401);
      assert.equal(res.json().error.code, 'UNAUTHENTICATED');
    });
  });

  describe('scope', () => {
    test('an east officer lists only the east district’s subtree, flat with parentCode', async () => {
      const res = await apiGet(t.app, '/api/v1/agencies', officerToken);
      assert.equal(res.statusCode, 200);
      const page = AgencyPage.parse(res.json());
      assert.deepEqual(
        page.data.map((a) => [a.code, a.parentCode]),
        [
          [city.east.code, city.city.code],
          [city.eastTown.code, city.east.code],
        ],
      );
      assert.equal(page.next, null);
    });

    test('?tree=1 nests the same subtree', async () => {
      const res = await apiGet(t.app, '/api/v1/agencies?tree=1', officerToken);
      assert.equal(res.statusCode, 200);
      const tree = AgencyTree.parse(res.json());
      const shape = (n: AgencyItem): unknown => [n.code, (n.children ?? []).map(shape)];
      assert.deepEqual(tree.data.map(shape), [[city.east.code, [[city.eastTown.code, []]]]]);
    });

    test('an east officer gets 404 for the west district’s agency and user', async () => {
      const agency = await apiGet(t.app, `/api/v1/agencies/${city.west.code}`, officerToken);
      assert.equal(agency.statusCode, 404);
      assert.equal(agency.json().error.code, 'NOT_FOUND');
      const user = await apiGet(t.app, `/api/v1/users/${westOfficer.login}`, officerToken);
      assert.equal(user.statusCode, 404);
      assert.equal(user.json().error.code, 'NOT_FOUND');
      // The same answer as for something that does not exist at all.
      assert.equal((await apiGet(t.app, '/api/v1/agencies/NOPE', officerToken)).statusCode, 404);
      const own = await apiGet(t.app, `/api/v1/agencies/${city.eastTown.code}`, officerToken);
      assert.equal(own.statusCode, 200);
      assert.equal(Agency.parse(own.json()).name, '东区甲镇人民政府');
    });

    test('an officer may not list staff users (403)', async () => {
      const res = await apiGet(t.app, '/api/v1/users', officerToken);
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'NOT_ALLOWED');
    });

    test('an east admin lists only east users, with a locked flag and no lock details', async () => {
      const res = await apiGet(t.app, '/api/v1/users', eastAdminToken);
      assert.equal(res.statusCode, 200);
      const users = UserPage.parse(res.json()).data;
      const logins = users.map((u) => u.login);
      for (const l of [eastOfficer.login, eastAdmin.login, eastTownLocked.login])
        assert.ok(logins.includes(l), l);
      assert.ok(!logins.includes(westOfficer.login));
      assert.ok(users.every((u) => u.agency.code === city.east.code || u.agency.code === city.eastTown.code));
      const locked = users.find((u) => u.login === eastTownLocked.login)!;
      assert.equal(locked.locked, true);
      assert.equal(users.find((u) => u.login === eastOfficer.login)!.locked, false);
      const one = await apiGet(t.app, `/api/v1/users/${eastTownLocked.login.toUpperCase()}`, eastAdminToken);
      assert.equal(one.statusCode, 200);
      assert.deepEqual(Object.keys(User.parse(one.json())).sort(), [
        'agency',
        'createdAt',
        'disabled',
        'displayName',
        'id',
        'locked',
        'login',
        'role',
      ]);
      assert.equal(
        (await apiGet(t.app, `/api/v1/users/${westOfficer.login}`, eastAdminToken)).statusCode,
        404,
      );
    });

    test('the audit feed is scoped: the east admin sees east events only, in sequence order', async () => {
      const adminUser = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
      const all = await apiGetAll<{ seq: number; agencyCode: string | null; action: string }>(
        t.app,
        '/api/v1/audit-events?limit=7',
        (await tokenFor(t.deps, adminUser.login)).token,
      );
      assert.deepEqual(
        all.map((e) => e.seq),
        all.map((_, i) => i + 1),
        'the system admin sees the whole log, no gaps',
      );
      assert.ok(all.some((e) => e.agencyCode === null));
      const east = await apiGetAll<{ seq: number; agencyCode: string | null; action: string }>(
        t.app,
        '/api/v1/audit-events',
        eastAdminToken,
      );
      const eastCodes = [city.east.code, city.eastTown.code];
      assert.ok(east.length > 0);
      assert.ok(east.every((e) => e.agencyCode !== null && eastCodes.includes(e.agencyCode)));
      assert.deepEqual(
        east.map((e) => e.seq),
        all.filter((e) => e.agencyCode !== null && eastCodes.includes(e.agencyCode)).map((e) => e.seq),
      );
      const later = (
        await apiGet(t.app, `/api/v1/audit-events?after=${east[0]!.seq}`, eastAdminToken)
      ).json();
      assert.equal(later.data[0].seq, east[1]!.seq);
      assert.equal((await apiGet(t.app, '/api/v1/audit-events', officerToken)).statusCode, 403);
    });
  });

  describe('data hygiene', () => {
    test('no response carries a password hash, a token hash, the token or lock details', async () => {
      const adminUser = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
      const { token } = await tokenFor(t.deps, adminUser.login);
      const urls = [
        '/api/v1/me',
        '/api/v1/agencies',
        '/api/v1/agencies?tree=1',
        `/api/v1/agencies/${city.east.code}`,
        '/api/v1/users',
        `/api/v1/users/${eastTownLocked.login}`,
        '/api/v1/audit-events?limit=500',
      ];
      const rows = await t.deps.db.select({ passwordHash: appUser.passwordHash }).from(appUser);
      const tokenRows = (await t.deps.db.select({ h: apiToken.tokenHash }).from(apiToken)).map((r) => r.h);
      for (const url of urls) {
        const res = await apiGet(t.app, url, token);
        assert.equal(res.statusCode, 200, url);
        assert.doesNotMatch(
          res.body,
          /passwordHash|password_hash|tokenHash|token_hash|failedLogins|failed_logins|lockedUntil|locked_until|\$argon2/i,
          url,
        );
        assert.ok(!res.body.includes(token), url);
        for (const r of rows) assert.ok(!res.body.includes(r.passwordHash), url);
        for (const h of tokenRows) assert.ok(!res.body.includes(h), url);
      }
    });
  });
});
