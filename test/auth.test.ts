import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { appUser } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildAgency, buildUser } from './support/factories.js';

describe('staff login and sessions', () => {
  let t: TestApp;
  let agencyId: number;
  before(async () => {
    t = await createTestApp();
    agencyId = (await buildAgency(t.deps)).id;
  });
  after(() => t.close());

  test('a correct login reaches the dashboard with a fresh session id', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const b = new Browser(t.app);
    b.setCookie('gk_sid', 'attacker-chosen-session-id');
    const res = await b.login(u.login, u.password);
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin');
    assert.notEqual(b.cookie('gk_sid'), 'attacker-chosen-session-id');
    const dash = await b.get('/admin');
    assert.equal(dash.statusCode, 200);
    assert.match(dash.body, /<h1>工作台<\/h1>/);
    // The login itself is the newest activity, in words rather than codes, the user by name.
    assert.match(dash.body, new RegExp(`<td>登录</td><td>用户：测试用户\\d+（${u.login}）</td>`));
  });

  test('the session cookie is HttpOnly and SameSite', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const b = new Browser(t.app);
    const res = await b.login(u.login, u.password);
    const sid = res.cookies.find((c) => c.name === 'gk_sid');
    assert.ok(sid);
    assert.equal(sid.httpOnly, true);
    assert.equal(sid.sameSite, 'Lax');
  });

  test('a wrong password is refused with a Chinese message and no session', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const b = new Browser(t.app);
    const res = await b.login(u.login, 'Wrong-password-1');
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /登录名或密码不正确/);
    assert.match(res.body, /<title>错误：/);
    assert.equal(b.cookie('gk_sid'), undefined);
    assert.equal((await b.get('/admin')).statusCode, 303);
  });

  test('five wrong passwords lock the account, even against the right password', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const b = new Browser(t.app);
    for (let i = 0; i < 5; i++) await b.login(u.login, `Wrong-password-${i}`);
    const res = await b.login(u.login, u.password);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /已临时锁定/);
    t.setNow(new Date(t.deps.now().getTime() + 16 * 60_000));
    const later = await b.login(u.login, u.password);
    assert.equal(later.statusCode, 303);
  });

  test('a login form without a CSRF token is refused', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const b = new Browser(t.app);
    await b.get('/admin/login');
    const res = await b.post('/admin/login', { login: u.login, password: u.password }, { csrf: false });
    assert.equal(res.statusCode, 403);
    assert.match(res.body, /页面已过期或请求来源无效/);
    assert.equal(b.cookie('gk_sid'), undefined);
  });

  test('a disabled user’s session stops working at once', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const b = new Browser(t.app);
    await b.login(u.login, u.password);
    assert.equal((await b.get('/admin')).statusCode, 200);
    await t.deps.db.update(appUser).set({ disabledAt: t.deps.now() }).where(eq(appUser.id, u.id));
    const res = await b.get('/admin');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /^\/admin\/login/);
  });

  test('logout ends the session', async () => {
    const u = await buildUser(t.deps, { agencyId });
    const b = new Browser(t.app);
    await b.login(u.login, u.password);
    await b.get('/admin');
    const sid = b.cookie('gk_sid')!;
    await b.post('/admin/logout', {});
    const replay = new Browser(t.app);
    replay.setCookie('gk_sid', sid);
    assert.equal((await replay.get('/admin')).statusCode, 303);
  });

  test('a user who must change the password is sent to the password page first', async () => {
    const u = await buildUser(t.deps, { agencyId, trait: 'mustChangePassword' });
    const b = new Browser(t.app);
    const res = await b.login(u.login, u.password);
    assert.equal(res.headers.location, '/admin/account/password');
    assert.equal((await b.get('/admin')).headers.location, '/admin/account/password');
    await b.get('/admin/account/password');
    const weak = await b.post('/admin/account/password', {
      current: u.password,
      next: 'short',
      confirm: 'short',
    });
    assert.equal(weak.statusCode, 422);
    assert.match(weak.body, /密码至少需要 10 个字符/);
    const ok = await b.post('/admin/account/password', {
      current: u.password,
      next: 'New-password-2026',
      confirm: 'New-password-2026',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal((await b.get('/admin')).statusCode, 200);
    const again = new Browser(t.app);
    assert.equal((await again.login(u.login, u.password)).statusCode, 422);
    assert.equal((await again.login(u.login, 'New-password-2026')).statusCode, 303);
  });

  test('the login page is rate-limited per client', async () => {
    const limited = await createTestApp({ env: { LOGIN_RATE_LIMIT: '10' } });
    after(() => limited.close());
    const b = new Browser(limited.app);
    await b.get('/admin/login');
    const token = b.csrfToken();
    const codes: number[] = [];
    for (let i = 0; i < 12; i++)
      codes.push(
        (await b.post('/admin/login', { login: 'nobody', password: 'x' }, { csrf: token })).statusCode,
      );
    assert.deepEqual(codes, [...Array(10).fill(422), 429, 429]);
    assert.match(b.lastHtml, /请求过于频繁/);
  });
});
