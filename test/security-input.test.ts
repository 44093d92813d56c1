// Issue 8 items 6, 12 and 13 (headers): the open redirect, the inputs that answered 500, and the
// headers of error answers. Each case is the request the probe sent.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.js';
import { apiGet, tokenFor } from './support/api.js';
import { Browser } from './support/browser.js';
import { buildAgency, buildUser } from './support/factories.js';

describe('redirects stay on the site (issue 8.6)', () => {
  let t: TestApp;
  let login = '';
  before(async () => {
    t = await createTestApp();
    const a = await buildAgency(t.deps);
    login = (await buildUser(t.deps, { agencyId: a.id })).login;
  });
  after(() => t.close());

  for (const back of ['/%09/127.0.0.1:3778/x', '/%0a/evil.example/', '/%0d/evil.example/']) {
    // A browser drops the tab or line break (//127.0.0.1:3778/x): malformed, refused outright.
    test(`/lang?back=${back} is refused (400), never followed`, async () => {
      const res = await t.app.inject({ url: `/lang?set=zh&back=${back}` });
      assert.equal(res.statusCode, 400);
      assert.equal(res.headers.location, undefined);
      assert.match(res.body, /返回地址无效/);
    });
  }
  const offSite = [
    '/%5Cevil.example/', // \ is read as /
    '/..//evil.example/',
    '//evil.example/',
    'https://evil.example/',
  ];
  for (const back of offSite) {
    test(`/lang?back=${back} goes home, not off-site`, async () => {
      const res = await t.app.inject({ url: `/lang?set=zh&back=${back}` });
      assert.equal(res.statusCode, 303);
      assert.equal(res.headers.location, '/');
    });
  }

  test('a local path comes back, percent-encoded', async () => {
    const res = await t.app.inject({ url: `/lang?set=en&back=${encodeURIComponent('/agencies?q=教育')}` });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/agencies?q=${encodeURIComponent('教育')}`);
  });

  test('login `next` off-site is dropped; a Chinese path logs in and lands there (was 500, session lost)', async () => {
    const b = new Browser(t.app);
    await b.get('/admin/login');
    const off = await b.post('/admin/login', {
      login,
      password: 'Correct-horse-9',
      next: '/%09/evil.example',
    });
    assert.equal(off.statusCode, 303);
    assert.equal(off.headers.location, '/admin');
    const c = new Browser(t.app);
    await c.get('/admin/login');
    const res = await c.post('/admin/login', { login, password: 'Correct-horse-9', next: '/admin/中文' });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/admin/${encodeURIComponent('中文')}`);
    assert.equal((await c.get('/admin')).statusCode, 200, 'the session survives');
  });
});

describe('bad input is a 4xx, not a 500 (issue 8.12)', () => {
  let t: TestApp;
  let staff: Browser;
  before(async () => {
    t = await createTestApp();
    const a = await buildAgency(t.deps);
    const admin = await buildUser(t.deps, { agencyId: a.id, role: 'system_admin' });
    staff = new Browser(t.app);
    await staff.login(admin.login, admin.password);
  });
  after(() => t.close());

  const anonymous = ['/agencies/%00/guide', '/agencies/%00', '/api/v1/agencies/%00', '/agencies?q=%00'];
  for (const url of anonymous) {
    test(`GET ${url}`, async () => {
      const res = await t.app.inject({ url });
      assert.ok(res.statusCode >= 300 && res.statusCode < 500, `${url}: ${res.statusCode}`);
      if (res.statusCode === 303) assert.equal(res.headers.location, '/');
    });
  }
  for (const url of [
    '/lang?back=%0a',
    '/lang?back=/%0a',
    '/lang?back=/%00',
    '/lang?back=/%7F',
    '/lang?back=/%E2%80%8B',
  ]) {
    test(`GET ${url} is a clear 400`, async () => {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 400, url);
      assert.match(res.body, /返回地址无效|无效字符/);
    });
  }

  test('a NUL byte in a path is a Chinese 400 page', async () => {
    const res = await t.app.inject({ url: '/agencies/%00/guide' });
    assert.equal(res.statusCode, 400);
    assert.match(res.body, /无效字符/);
  });

  test('a NUL byte in an API path is a 400 with a stable code', async () => {
    const res = await t.app.inject({ url: '/api/v1/agencies/%00' });
    assert.ok([400, 401].includes(res.statusCode), String(res.statusCode));
    assert.match(res.json<{ error: { code: string } }>().error.code, /BAD_REQUEST|UNAUTHENTICATED/);
  });

  const signedIn = [
    '/admin/audit?actor=%00',
    '/admin/audit?from=0000-01-01',
    '/admin/audit?from=1e309',
    '/admin/users?agency=99999999999',
    '/admin/agencies/new?parent=99999999999',
  ];
  for (const url of signedIn) {
    test(`signed in: GET ${url}`, async () => {
      const res = await staff.get(url);
      assert.ok(res.statusCode < 500, `${url}: ${res.statusCode}`);
    });
  }

  test('a form with a NUL byte is refused with 400', async () => {
    await staff.get('/admin/agencies/new');
    const res = await staff.post('/admin/agencies/new', { name: 'a\u0000b', code: 'X1', kind: 'department' });
    assert.equal(res.statusCode, 400);
  });

  test('a form with an id past int4 is refused, not a 500', async () => {
    await staff.get('/admin/users/new');
    const res = await staff.post('/admin/users/new', {
      login: 'huge1',
      displayName: '某人',
      role: 'officer',
      agencyId: '99999999999',
    });
    assert.ok(res.statusCode >= 400 && res.statusCode < 500, String(res.statusCode));
  });

  for (const [label, contentType, payload] of [
    [
      'no boundary',
      'multipart/form-data',
      '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nabc\r\n--x--\r\n',
    ],
    [
      'cut off',
      'multipart/form-data; boundary=x',
      '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nab',
    ],
  ] as const) {
    for (const url of ['/report-check', '/api/v1/report-check', '/admin/calendar/import']) {
      test(`multipart ${label} to ${url} is a 4xx`, async () => {
        const res = await t.app.inject({
          method: 'POST',
          url,
          headers: { 'content-type': contentType, cookie: '' },
          payload,
        });
        assert.ok(
          res.statusCode >= 400 && res.statusCode < 500,
          `${url}: ${res.statusCode} ${res.body.slice(0, 200)}`,
        );
      });
    }
  }
});

describe('error answers carry the security headers (issue 8.13)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('a URL that does not decode is a Chinese 400 page with the same headers as any page', async () => {
    const page = await t.app.inject({ url: '/' });
    for (const url of ['/%zz', '/agencies/%E2%80', '/api/v1/agencies/%']) {
      const res = await t.app.inject({ url });
      assert.equal(res.statusCode, 400, url);
      for (const h of [
        'content-security-policy',
        'x-frame-options',
        'x-content-type-options',
        'referrer-policy',
      ])
        assert.equal(res.headers[h], page.headers[h], `${url} ${h}`);
      assert.ok(res.headers['x-request-id']);
    }
    const html = await t.app.inject({ url: '/%zz' });
    assert.match(html.body, /网址格式有误/);
    const api = await t.app.inject({ url: '/api/v1/agencies/%' });
    assert.equal(api.json<{ error: { code: string } }>().error.code, 'BAD_REQUEST');
  });

  test("X-Frame-Options agrees with frame-ancestors 'none': DENY", async () => {
    const res = await t.app.inject({ url: '/' });
    assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal(res.headers['x-frame-options'], 'DENY');
  });

  test('401 and 403 JSON answers are never stored by a cache', async () => {
    const unauth = await t.app.inject({ url: '/api/v1/me' });
    assert.equal(unauth.statusCode, 401);
    assert.equal(unauth.headers['cache-control'], 'no-store');
    const bad = await t.app.inject({ url: '/api/v1/me', headers: { authorization: 'Bearer nope' } });
    assert.equal(bad.statusCode, 401);
    assert.equal(bad.headers['cache-control'], 'no-store');
    const a = await buildAgency(t.deps);
    const officer = await buildUser(t.deps, { agencyId: a.id, role: 'officer' });
    const { token } = await tokenFor(t.deps, officer.login);
    const forbidden = await apiGet(t.app, '/api/v1/audit-events', token);
    assert.equal(forbidden.statusCode, 403);
    assert.equal(forbidden.headers['cache-control'], 'no-store');
  });
});
