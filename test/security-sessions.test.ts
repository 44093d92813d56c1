// Sessions, CSRF and tokens as a prober tries them (issue 8: 9, 10, 11, 13) and the rule that
// queries never write (issue 7 §3).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createUser } from '../src/commands/create-user.js';
import { recordTokenUse, touchSession } from '../src/commands/record-activity.js';
import { apiToken, appUser, auditEvent, session } from '../src/db/schema.js';
import { sessionActor } from '../src/queries/session-actor.js';
import { tokenActor } from '../src/queries/token-actor.js';
import { sha256 } from '../src/lib/secrets.js';
import { apiGet, tokenFor } from './support/api.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildAgency, buildUser } from './support/factories.js';

const SYSTEM = { actor: { system: true as const, label: 'test' } };

describe('CSRF tokens are bound to the session, and requests must come from our origin', () => {
  let t: TestApp;
  let agencyId: number;
  before(async () => {
    t = await createTestApp();
    agencyId = (await buildAgency(t.deps)).id;
  });
  after(() => t.close());

  test('an anonymous cookie+token pair does not work with an administrator’s session', async () => {
    const admin = await buildUser(t.deps, { agencyId, role: 'system_admin' });
    const victim = new Browser(t.app);
    await victim.login(admin.login, admin.password);
    // The attacker fetches a pair of their own, anonymously, and plants it beside the victim's session.
    const attacker = new Browser(t.app);
    await attacker.get('/admin/login');
    victim.setCookie('gk_csrf', attacker.cookie('gk_csrf')!);
    const res = await victim.post('/admin/logout', {}, { csrf: attacker.csrfToken() });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /页面已过期或请求来源无效/);
    assert.equal((await victim.get('/admin')).statusCode, 200, 'still logged in');
  });

  test('a token made for one session does not work with another session of the same user', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const first = new Browser(t.app);
    await first.login(u.login, u.password);
    await first.get('/admin');
    const oldToken = first.csrfToken();
    const second = new Browser(t.app);
    await second.login(u.login, u.password);
    second.setCookie('gk_csrf', first.cookie('gk_csrf')!);
    assert.equal((await second.post('/admin/logout', {}, { csrf: oldToken })).statusCode, 403);
    // Its own page's token works.
    await second.get('/admin');
    assert.equal((await second.post('/admin/logout', {})).statusCode, 303);
  });

  async function postLogin(headers: Record<string, string>) {
    const b = new Browser(t.app);
    await b.get('/admin/login');
    return t.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: {
        cookie: `gk_csrf=${b.cookie('gk_csrf')}`,
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      },
      payload: new URLSearchParams({ login: 'nobody', password: 'x', _csrf: b.csrfToken() }).toString(),
    });
  }

  test('a cross-site form post is refused by Sec-Fetch-Site or Origin, even with a valid token', async () => {
    assert.equal((await postLogin({ 'sec-fetch-site': 'cross-site' })).statusCode, 403);
    assert.equal((await postLogin({ 'sec-fetch-site': 'same-site' })).statusCode, 403);
    assert.equal((await postLogin({ origin: 'https://evil.example' })).statusCode, 403);
    assert.equal((await postLogin({ origin: 'null' })).statusCode, 403);
    const refused = await postLogin({ origin: 'http://localhost.evil.example' });
    assert.match(refused.body, /页面已过期或请求来源无效/);
  });

  test('a same-origin post, and one from a client that sends neither header, reach the form', async () => {
    // 422: the form was processed (wrong password), not refused.
    assert.equal((await postLogin({ 'sec-fetch-site': 'same-origin' })).statusCode, 422);
    assert.equal((await postLogin({ origin: 'http://localhost' })).statusCode, 422);
    assert.equal((await postLogin({})).statusCode, 422);
  });

  test('the bearer-token API is not subject to the origin check (it reads no cookies)', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/report-check',
      headers: { origin: 'https://integrator.example', 'content-type': 'application/json' },
      payload: JSON.stringify({ text: '' }),
    });
    assert.notEqual(res.statusCode, 403);
  });
});

describe('cookie names in production', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'production-session-secret-0123456789',
        AUDIT_SECRET: 'production-audit-secret-0123456789ab',
        PERSONAL_DATA_KEY: 'cHJvZC10ZXN0LXBlcnNvbmFsLWRhdGEta2V5LTAxMjM=',
      },
    });
  });
  after(() => t.close());

  test('session and CSRF cookies are __Host- cookies (Secure, Path=/, no Domain)', async () => {
    const a = await buildAgency(t.deps);
    const u = await buildUser(t.deps, { agencyId: a.id });
    const b = new Browser(t.app);
    const page = await b.get('/admin/login');
    const csrf = page.cookies.find((c) => c.name === '__Host-gk_csrf');
    assert.ok(csrf, 'CSRF cookie named __Host-gk_csrf');
    const res = await b.login(u.login, u.password);
    assert.equal(res.statusCode, 303);
    const sid = res.cookies.find((c) => c.name === '__Host-gk_sid');
    assert.ok(sid, 'session cookie named __Host-gk_sid');
    for (const c of [csrf, sid]) {
      assert.equal(c.secure, true);
      assert.equal(c.path, '/');
      assert.equal(c.domain, undefined);
    }
    assert.equal((await b.get('/admin')).statusCode, 200);
    assert.equal(b.cookie('gk_sid'), undefined);
  });
});

describe('authentication decided by the matched route; forced password change; tokens', () => {
  let t: TestApp;
  let agencyId: number;
  before(async () => {
    t = await createTestApp();
    agencyId = (await buildAgency(t.deps)).id;
  });
  after(() => t.close());

  test('/%61pi/v1/me with a session cookie is an API request: no token, 401', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const b = new Browser(t.app);
    await b.login(u.login, u.password);
    for (const url of ['/api/v1/me', '/%61pi/v1/me', '/%61%70%69/v1/%6de']) {
      const res = await b.get(url);
      assert.equal(res.statusCode, 401, url);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'UNAUTHENTICATED', url);
      assert.doesNotMatch(res.body, new RegExp(u.login), url);
    }
  });

  test('a user on a temporary password can do nothing but change it (POST included) or log out', async () => {
    const u = await buildUser(t.deps, { agencyId, role: 'agency_admin', trait: 'mustChangePassword' });
    const b = new Browser(t.app);
    await b.login(u.login, u.password);
    await b.get('/admin/account/password');
    const token = b.csrfToken();
    const res = await b.post(
      '/admin/users/new',
      { login: 'created-anyway', displayName: '不该创建', role: 'officer', agencyId: String(agencyId) },
      { csrf: token },
    );
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/account/password');
    const [made] = await t.deps.db.select().from(appUser).where(eq(appUser.login, 'created-anyway'));
    assert.equal(made, undefined, 'no user was created');
    assert.equal((await b.post('/admin/logout', {}, { csrf: token })).statusCode, 303);
    assert.equal((await b.get('/admin')).headers.location, '/admin/login?next=%2Fadmin');
  });

  test('an administrator’s password reset revokes the user’s API tokens, audited, and says so', async () => {
    const admin = await buildUser(t.deps, { agencyId, role: 'system_admin' });
    const u = await buildUser(t.deps, { agencyId });
    const { token } = await tokenFor(t.deps, u.login);
    assert.equal((await apiGet(t.app, '/api/v1/me', token)).statusCode, 200);
    const b = new Browser(t.app);
    await b.login(admin.login, admin.password);
    await b.get(`/admin/users/${u.id}`);
    const res = await b.post(`/admin/users/${u.id}/reset-password`, { confirm: 'yes' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /API 访问令牌已全部撤销/);
    assert.equal((await apiGet(t.app, '/api/v1/me', token)).statusCode, 401);
    const events = await t.deps.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'user.password_reset'));
    const mine = events.find((e) => e.subjectId === String(u.id));
    assert.equal((mine!.data as { tokensRevoked: number[] }).tokensRevoked.length, 1);
  });

  test('the bearer scheme is case-insensitive', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const { token } = await tokenFor(t.deps, u.login);
    for (const scheme of ['bearer', 'BEARER', 'Bearer']) {
      const res = await apiGet(t.app, '/api/v1/me', undefined, { authorization: `${scheme} ${token}` });
      assert.equal(res.statusCode, 200, scheme);
    }
  });

  test('common passwords are refused on every password set, in Chinese', async () => {
    const u = await buildUser(t.deps, { agencyId, trait: 'mustChangePassword' });
    const b = new Browser(t.app);
    await b.login(u.login, u.password);
    await b.get('/admin/account/password');
    for (const weak of ['password12', 'Password2026', 'qq123456789', 'woaini1314']) {
      const res = await b.post('/admin/account/password', { current: u.password, next: weak, confirm: weak });
      assert.equal(res.statusCode, 422, weak);
      assert.match(res.body, /该密码过于常见/, weak);
    }
    await assert.rejects(
      createUser(t.deps, SYSTEM, {
        login: 'weakling',
        displayName: '弱密码',
        role: 'officer',
        agencyId,
        password: 'qwerty12345',
      }),
      (e: { fieldErrors?: Record<string, string> }) => /过于常见/.test(e.fieldErrors?.password ?? ''),
    );
  });
});

describe('queries never write: recognising a session or a token only reads', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('sessionActor and tokenActor leave the rows as they were; the commands slide and stamp', async () => {
    const a = await buildAgency(t.deps);
    const u = await buildUser(t.deps, { agencyId: a.id });
    const b = new Browser(t.app);
    await b.login(u.login, u.password);
    const sid = b.cookie('gk_sid')!;
    const { id: tokenId, token } = await tokenFor(t.deps, u.login);
    const later = new Date(t.deps.now().getTime() + 10 * 60_000);
    const before = await t.deps.db
      .select()
      .from(session)
      .where(eq(session.idHash, sha256(sid)));
    const s = await sessionActor(t.deps.db, sid, later);
    const tk = await tokenActor(t.deps.db, token);
    assert.ok(s && tk);
    assert.deepEqual(
      await t.deps.db
        .select()
        .from(session)
        .where(eq(session.idHash, sha256(sid))),
      before,
    );
    const [unused] = await t.deps.db.select().from(apiToken).where(eq(apiToken.id, tokenId));
    assert.equal(unused!.lastUsedAt, null);
    t.setNow(later);
    await touchSession(t.deps, s);
    await recordTokenUse(t.deps, tk);
    const [slid] = await t.deps.db
      .select()
      .from(session)
      .where(eq(session.idHash, sha256(sid)));
    assert.equal(slid!.lastSeenAt.getTime(), later.getTime());
    const [used] = await t.deps.db.select().from(apiToken).where(eq(apiToken.id, tokenId));
    assert.equal(used!.lastUsedAt!.getTime(), later.getTime());
  });
});
