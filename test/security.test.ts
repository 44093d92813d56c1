import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildAgency, buildUser } from './support/factories.js';

describe('security baseline', () => {
  let t: TestApp;
  const logLines: string[] = [];
  let login = '';
  before(async () => {
    t = await createTestApp({
      env: { LOG_LEVEL: 'info' },
      build: {
        logStream: { write: (line: string) => void logLines.push(line) },
        extraRoutes: (app) => {
          app.get('/boom', async () => {
            throw new Error('secret internal detail at /srv/gongkai/db.ts:42');
          });
        },
      },
    });
    const a = await buildAgency(t.deps);
    login = (await buildUser(t.deps, { agencyId: a.id })).login;
  });
  after(() => t.close());

  test('pages carry a strict CSP and the usual hardening headers', async () => {
    const res = await t.app.inject({ url: '/' });
    const csp = String(res.headers['content-security-policy']);
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
  });

  test('every response carries a request id, and a given X-Request-Id is kept', async () => {
    const res = await t.app.inject({ url: '/', headers: { 'x-request-id': 'trace-abc-123' } });
    assert.equal(res.headers['x-request-id'], 'trace-abc-123');
    const other = await t.app.inject({ url: '/' });
    assert.match(String(other.headers['x-request-id']), /^[0-9a-f-]{36}$/);
  });

  test('an internal error shows a Chinese page with the request id and no internals', async () => {
    const res = await t.app.inject({ url: '/boom' });
    assert.equal(res.statusCode, 500);
    assert.match(res.body, /系统出现错误/);
    assert.match(res.body, new RegExp(String(res.headers['x-request-id'])));
    assert.doesNotMatch(res.body, /secret internal detail|\/srv\/gongkai|at \w+ \(/);
  });

  test('an unknown page is a Chinese 404 page', async () => {
    const res = await t.app.inject({ url: '/no-such-page' });
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /页面不存在/);
    assert.match(res.body, /lang="zh-CN"/);
  });

  test('oversized request bodies are refused', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'login=' + 'a'.repeat(2 * 1024 * 1024),
    });
    assert.equal(res.statusCode, 413);
  });

  test('logs never contain passwords, session ids, cookies or ID numbers', async () => {
    const b = new Browser(t.app);
    await b.login(login, 'Wrong-password-123');
    await b.login(login, 'Correct-horse-9');
    const sid = b.cookie('gk_sid')!;
    await b.get('/admin?q=320102199001011234');
    await t.app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer gk_supersecrettokenvalue' } });
    const all = logLines.join('\n');
    assert.ok(all.length > 0, 'the app logged requests');
    for (const secret of [
      'Wrong-password-123',
      'Correct-horse-9',
      sid,
      '320102199001011234',
      'gk_supersecrettokenvalue',
    ]) {
      assert.equal(all.includes(secret), false, `log contains ${secret.slice(0, 6)}…`);
    }
  });

  test('HTML output escapes user-controlled text', async () => {
    // The login typed on a failed attempt comes back in the form: it reaches the page (the escaped
    // form is there), and never as markup.
    const b = new Browser(t.app);
    await b.get('/admin/login');
    const payload = '"><script>alert(1)</script>';
    const res = await b.post('/admin/login', { login: payload, password: 'wrong-password' });
    assert.match(
      res.body,
      /&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/,
      'the value is shown, escaped',
    );
    assert.doesNotMatch(res.body, /<script>alert\(1\)<\/script>/);
  });
});
