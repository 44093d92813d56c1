// What a new user meets (issue 7 §6): words instead of internals, one time zone, the site's
// registration footer, a favicon, the back office's own error pages, English only where it is whole.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { loadConfig } from '../src/config.js';
import { DEFAULT_TIME_ZONE, setTimeZone } from '../src/lib/time.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

describe('what a new user meets', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let sys: Browser;

  before(async () => {
    t = await createTestApp({
      env: {
        RATE_LIMIT_MAX: '100000',
        SITE_SPONSOR: '测试市人民政府办公室',
        SITE_CONTACT: '0512-12345678',
        SITE_ID_CODE: '3205000001',
        SITE_ICP: '苏ICP备12345678号',
      },
    });
    city = await buildCity(t.deps);
    const u = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
    sys = new Browser(t.app);
    assert.equal((await sys.login(u.login, u.password)).statusCode, 303);
  });
  after(() => t.close());

  test('the dashboard tells recent operations in words, with names, never codes or #ids', async () => {
    const target = await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' });
    await sys.submit(`/admin/users/${target.id}`, `/admin/users/${target.id}/reset-password`, {
      confirm: 'yes',
    });
    await sys.get('/admin/calendar/new');
    const saved = await sys.post('/admin/calendar/days', {
      date: '2026-12-01',
      workday: 'rest',
      name: '台风停止办公',
      source: '市政府通知〔2026〕1号',
      scope: 'national',
    });
    assert.equal(saved.statusCode, 303);
    const page = await sys.get('/admin');
    assert.equal(page.statusCode, 200);
    const recent = page.body.slice(page.body.indexOf('最近操作'));
    assert.match(recent, /保存工作日历日期/);
    assert.match(recent, /工作日历日期：2026年12月1日 台风停止办公/);
    assert.match(recent, /重置密码/);
    assert.match(recent, new RegExp(`用户：[^<（]+（${target.login}）`));
    assert.doesNotMatch(recent, /calendar\.day-saved|user\.password_reset|<code>|#\d/);
  });

  test('the audit viewer labels a calendar entry’s fields as a calendar entry’s, not an agency’s', async () => {
    const page = await sys.get('/admin/audit?subjectType=calendar_day');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<th scope="row">日期<\/th><td>2026年12月1日<\/td>/);
    assert.match(page.body, /工作日历日期<br\/>2026年12月1日 台风停止办公/);
    assert.match(page.body, /<th scope="row">名称<\/th><td>台风停止办公<\/td>/);
    assert.match(page.body, /<th scope="row">类别<\/th><td>法定节假日<\/td>/);
    assert.match(page.body, /<th scope="row">上班\/放假<\/th><td>放假<\/td>/);
    assert.doesNotMatch(page.body, /机构名称|机构类型|>calendar\.day-saved</);
  });

  test('a field typed wrong gets a message a person can act on, not zod’s type names', async () => {
    const res = await sys.submit('/admin/agencies/new', '/admin/agencies/new', {
      parentId: String(city.city.id),
      code: 'UX.1',
      name: '测试市统计局',
      kind: 'department',
      sortOrder: 'abc',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /请填写(整数|数字)/);
    assert.doesNotMatch(res.body, /无效输入|期望|NaN/);
  });

  test('the portal shows the registration footer (ICP number linked to the MIIT register), a favicon and the calendar', async () => {
    const home = await new Browser(t.app).get('/');
    assert.equal(home.statusCode, 200);
    assert.match(home.body, /主办单位：测试市人民政府办公室/);
    assert.match(home.body, /联系方式：0512-12345678/);
    assert.match(home.body, /网站标识码：3205000001/);
    assert.match(
      home.body,
      /ICP备案号：<a href="https:\/\/beian\.miit\.gov\.cn\/"[^>]*>苏ICP备12345678号<\/a>/,
    );
    assert.match(home.body, /<link rel="icon" href="\/assets\/favicon\.svg"/);
    assert.match(home.body, /<a href="\/calendar"[^>]*>工作日历<\/a>/);
    const icon = await t.app.inject({ url: '/assets/favicon.svg' });
    assert.equal(icon.statusCode, 200);
    assert.match(String(icon.headers['content-type']), /image\/svg\+xml/);
  });

  test('back-office errors wear the back-office layout, with its navigation', async () => {
    const missing = await sys.get('/admin/no-such-page');
    assert.equal(missing.statusCode, 404);
    assert.match(missing.body, /<body class="admin">/);
    assert.match(missing.body, /后台导航/);
    assert.match(missing.body, /返回工作台/);
    const publisher = await buildUser(t.deps, { agencyId: city.eastTown.id, role: 'publisher' });
    const b = new Browser(t.app);
    await b.login(publisher.login, publisher.password);
    const denied = await b.get('/admin/audit');
    assert.equal(denied.statusCode, 403);
    assert.match(denied.body, /<body class="admin">/);
    const portal404 = await new Browser(t.app).get('/no-such-page');
    assert.match(portal404.body, /<body class="portal">/);
  });

  test('English is offered only where the page is translated: never in the back office', async () => {
    const en = new Browser(t.app);
    en.setCookie('lang', 'en');
    const home = await en.get('/');
    assert.match(home.body, /<html lang="en">/);
    assert.match(home.body, /Working days/);
    const notFound = await en.get('/no-such-page');
    assert.equal(notFound.statusCode, 404);
    assert.match(notFound.body, /<h1>Page not found<\/h1>/);
    assert.match(notFound.body, /The page does not exist/);
    assert.match(notFound.body, /Back to the home page/);
    const guide = await en.get(`/agencies/${encodeURIComponent(city.city.code)}/guide`);
    assert.equal(guide.statusCode, 200);
    assert.match(guide.body, /People’s government/);
    // The calendar and the deadline page are Chinese legal text throughout: no switch, Chinese always.
    for (const path of ['/calendar/2026', '/deadlines?received=2026-09-28']) {
      const page = await en.get(path);
      assert.match(page.body, /<html lang="zh-CN">/, path);
      assert.doesNotMatch(page.body, /class="lang-switch"/, path);
    }
    const login = await en.get('/admin/login');
    assert.match(login.body, /<html lang="zh-CN">/);
    assert.doesNotMatch(login.body, /class="lang-switch"/);
  });
});

describe('too many requests in the back office', () => {
  test('the 429 page wears the back-office layout', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_MAX: '3' } });
    try {
      let res = await t.app.inject({ url: '/admin/login' });
      for (let i = 0; i < 5 && res.statusCode !== 429; i++) res = await t.app.inject({ url: '/admin/login' });
      assert.equal(res.statusCode, 429);
      assert.match(res.body, /<body class="admin">/);
      assert.match(res.body, /请求过于频繁/);
      assert.match(res.body, /前往登录/);
    } finally {
      await t.close();
    }
  });
});

describe('the agency list can be searched (no JavaScript)', () => {
  test('a name filter keeps the matches and the agencies above them', async () => {
    const t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    try {
      const city = await buildCity(t.deps);
      const u = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
      const b = new Browser(t.app);
      await b.login(u.login, u.password);
      const all = await b.get('/admin/agencies');
      assert.match(all.body, /<form method="get" action="\/admin\/agencies"[^>]*role="search"/);
      assert.match(all.body, /<input id="f-q" name="q" type="search"/);
      const found = await b.get(`/admin/agencies?q=${encodeURIComponent('甲镇')}`);
      assert.equal(found.statusCode, 200);
      assert.match(found.body, /<mark>东区甲镇人民政府<\/mark>/);
      assert.match(found.body, /名称或代码含「甲镇」的机构共 1 个/);
      assert.match(found.body, />东区人民政府<\/a>/, 'the agency above it, for context');
      assert.doesNotMatch(found.body, /西区乙镇人民政府|测试市教育局/);
      assert.match(found.body, /value="甲镇"/);
      const none = await b.get(`/admin/agencies?q=${encodeURIComponent('不存在')}`);
      assert.match(none.body, /没有名称或代码含「不存在」的机构。/);
    } finally {
      await t.close();
    }
  });
});

describe('the footer in the demo', () => {
  test('shows no empty registration lines when nothing is configured', async () => {
    const t = await createTestApp();
    try {
      const home = await new Browser(t.app).get('/');
      assert.equal(home.statusCode, 200);
      assert.doesNotMatch(home.body, /主办单位|网站标识码|ICP备案号|class="site-info"/);
    } finally {
      await t.close();
    }
  });
});

describe('actions that are hard to undo are confirmed first (no JavaScript needed)', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let sys: Browser;

  before(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    const u = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
    sys = new Browser(t.app);
    await sys.login(u.login, u.password);
  });
  after(() => t.close());

  test('disabling a user: a link to a confirmation page; a POST without confirmation changes nothing', async () => {
    const u = await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' });
    const detail = await sys.get(`/admin/users/${u.id}`);
    assert.match(
      detail.body,
      new RegExp(`<a class="button button-warning" href="/admin/users/${u.id}/disable">`),
    );
    const unconfirmed = await sys.post(`/admin/users/${u.id}/disable`, {});
    assert.equal(unconfirmed.statusCode, 303);
    assert.equal(unconfirmed.headers.location, `/admin/users/${u.id}/disable`);
    const confirm = await sys.get(`/admin/users/${u.id}/disable`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, new RegExp(`确定要停用「[^<（]+（${u.login}）」的账号吗？`));
    assert.match(confirm.body, /name="confirm" value="yes"/);
    assert.match(confirm.body, new RegExp(`href="/admin/users/${u.id}">取消</a>`));
    assert.match((await sys.get(`/admin/users/${u.id}`)).body, /正常/);
    const done = await sys.submit(`/admin/users/${u.id}/disable`, `/admin/users/${u.id}/disable`, {
      confirm: 'yes',
    });
    assert.equal(done.statusCode, 303);
    assert.match((await sys.get(String(done.headers.location))).body, /用户已停用/);
  });

  test('a password reset is confirmed before the old password stops working', async () => {
    const u = await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' });
    await sys.get(`/admin/users/${u.id}`);
    const unconfirmed = await sys.post(`/admin/users/${u.id}/reset-password`, {});
    assert.equal(unconfirmed.statusCode, 303);
    assert.equal(
      (await new Browser(t.app).login(u.login, u.password)).statusCode,
      303,
      'old password still works',
    );
    const confirm = await sys.get(`/admin/users/${u.id}/reset-password`);
    assert.match(confirm.body, /确定要重置/);
    assert.match(confirm.body, /原密码立即失效/);
  });

  test('deactivating an agency is confirmed first', async () => {
    const page = await sys.get(`/admin/agencies/${city.eastTown.id}`);
    assert.match(page.body, new RegExp(`href="/admin/agencies/${city.eastTown.id}/deactivate"`));
    const unconfirmed = await sys.post(`/admin/agencies/${city.eastTown.id}/deactivate`, {});
    assert.equal(unconfirmed.statusCode, 303);
    const confirm = await sys.get(`/admin/agencies/${city.eastTown.id}/deactivate`);
    assert.match(confirm.body, /确定要停用「东区甲镇人民政府」吗？/);
    assert.match((await sys.get('/admin/agencies')).body, /东区甲镇人民政府/);
    const stillActive = await sys.get(`/admin/agencies/${city.eastTown.id}`);
    assert.doesNotMatch(stillActive.body, /\/reactivate"/);
  });
});

describe('one time zone for people (TIME_ZONE, Asia/Shanghai by default)', () => {
  after(() => setTimeZone(DEFAULT_TIME_ZONE));
  test('the back office shows times in the configured zone; an unknown zone is refused at start', async () => {
    const at = new Date('2026-11-28T01:12:00Z');
    for (const [zone, shown] of [
      [undefined, '2026年11月28日 09:12'],
      ['UTC', '2026年11月28日 01:12'],
    ] as const) {
      const t = await createTestApp({ now: at, env: zone ? { TIME_ZONE: zone } : {} });
      try {
        const city = await buildCity(t.deps);
        const u = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
        const b = new Browser(t.app);
        await b.login(u.login, u.password);
        const audit = await b.get('/admin/audit');
        assert.match(audit.body, new RegExp(`<span class="nowrap">${shown}</span>`), zone ?? 'default');
      } finally {
        await t.close();
      }
    }
    assert.throws(() => loadConfig({ TIME_ZONE: 'Mars/Olympus' }), /TIME_ZONE/);
  });
});
