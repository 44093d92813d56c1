import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { desc, gt, sql } from 'drizzle-orm';
import { auditEvent } from '../src/db/schema.js';
import { signHead } from '../src/domain/audit/head.js';
import { verifyAuditLog } from '../src/queries/verify-audit.js';
import { createTestApp, TEST_SECRETS, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildAgency, buildCity, buildUser } from './support/factories.js';

/** The action codes of the rows on an audit page, in order (kept in an attribute: people read labels). */
const actions = (html: string) => [...html.matchAll(/<tr data-action="([a-z_.-]+)">/g)].map((m) => m[1]!);

describe('back office: audit log viewer', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let sys: Browser;
  let eastAdmin: Browser;

  const browserOf = async (role: 'system_admin' | 'agency_admin' | 'officer', agencyId: number) => {
    const u = await buildUser(t.deps, { agencyId, role });
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  before(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    sys = await browserOf('system_admin', city.city.id);
    eastAdmin = await browserOf('agency_admin', city.east.id);
  });
  after(() => t.close());

  test('every successful back-office command shows up, labelled in Chinese, and the chain still verifies', async () => {
    const a = eastAdmin;
    let res = await a.submit(`/admin/agencies/new?parent=${city.east.id}`, '/admin/agencies/new', {
      parentId: String(city.east.id),
      code: 'E.AUD',
      name: '东区审计街道',
      kind: 'street',
    });
    const agencyId = Number(/\/admin\/agencies\/(\d+)/.exec(String(res.headers.location))![1]);
    await a.submit(`/admin/agencies/${agencyId}/edit`, `/admin/agencies/${agencyId}/edit`, {
      code: 'E.AUD',
      name: '东区审计街道办事处',
      kind: 'street',
      phone: '0512-33334444',
    });
    await a.submit(`/admin/agencies/${agencyId}`, `/admin/agencies/${agencyId}/deactivate`, {
      confirm: 'yes',
    });
    await a.submit(`/admin/agencies/${agencyId}`, `/admin/agencies/${agencyId}/reactivate`, {});
    res = await a.submit('/admin/users/new', '/admin/users/new', {
      login: 'zhao.liu',
      displayName: '赵六',
      agencyId: String(agencyId),
      role: 'officer',
    });
    assert.equal(res.statusCode, 200);
    const userId = Number(/href="\/admin\/users\/(\d+)"/.exec(res.body)![1]);
    await a.submit(`/admin/users/${userId}/edit`, `/admin/users/${userId}/edit`, {
      displayName: '赵六',
      role: 'publisher',
      agencyId: String(agencyId),
    });
    await a.submit(`/admin/users/${userId}`, `/admin/users/${userId}/disable`, { confirm: 'yes' });
    await a.submit(`/admin/users/${userId}`, `/admin/users/${userId}/enable`, {});
    await a.submit(`/admin/users/${userId}`, `/admin/users/${userId}/reset-password`, { confirm: 'yes' });
    for (let i = 0; i < 5; i++) await new Browser(t.app).login('zhao.liu', `Wrong-password-${i}`);
    res = await a.submit(`/admin/users/${userId}`, `/admin/users/${userId}/unlock`, {});
    assert.equal(res.statusCode, 303);

    const page = await sys.get('/admin/audit');
    assert.equal(page.statusCode, 200);
    const seen = actions(page.body);
    for (const action of [
      'agency.created',
      'agency.updated',
      'agency.deactivated',
      'agency.reactivated',
      'user.created',
      'user.updated',
      'user.disabled',
      'user.enabled',
      'user.password_reset',
      'auth.locked',
      'user.unlocked',
    ]) {
      assert.ok(seen.includes(action), action);
    }
    assert.equal(seen[0], 'user.unlocked'); // newest first
    for (const label of [
      '新增机构',
      '修改机构',
      '停用机构',
      '启用机构',
      '新增用户',
      '修改用户',
      '停用用户',
      '启用用户',
      '重置密码',
      '账号锁定',
      '登录失败',
      '解锁账号',
      '登录',
    ]) {
      assert.match(page.body, new RegExp(`<td>${label}</td>`), label);
    }
    // Before/after of the edit, readably: field names and role labels in Chinese.
    assert.match(
      page.body,
      /<th scope="row">机构名称<\/th><td>东区审计街道<\/td><td>东区审计街道办事处<\/td>/,
    );
    assert.match(page.body, /<th scope="row">角色<\/th><td>承办人<\/td><td>信息发布员<\/td>/);
    assert.match(page.body, new RegExp(`<a href="/admin/users/${userId}">赵六（zhao.liu）</a>`));
    const r = await verifyAuditLog(t.deps.db, TEST_SECRETS.auditSecret);
    assert.deepEqual(r.problems, []);
    const verified = await sys.post('/admin/audit/verify', {});
    assert.equal(verified.statusCode, 200);
    assert.match(verified.body, new RegExp(`完整：已校验 ${r.checked} 条事件`));
  });

  test('an agency admin sees only the events of their subtree and cannot verify the chain', async () => {
    await buildAgency(t.deps, { parentId: city.west.id, kind: 'street', name: '西区新街道' });
    const page = await eastAdmin.get('/admin/audit?subjectType=agency');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /东区甲镇人民政府/);
    assert.doesNotMatch(page.body, /西区|测试市教育局|测试市人民政府/);
    const unfiltered = await eastAdmin.get('/admin/audit');
    assert.ok(actions(unfiltered.body).length > 0);
    assert.doesNotMatch(unfiltered.body, /西区/);
    assert.doesNotMatch(page.body, /校验哈希链/);
    assert.equal((await eastAdmin.post('/admin/audit/verify', {})).statusCode, 403);
    const all = await sys.get('/admin/audit?subjectType=agency');
    assert.match(all.body, /西区新街道/);
  });

  test('filters: action prefix, subject type, actor and date range', async () => {
    const users = actions((await sys.get('/admin/audit?action=user.')).body);
    assert.ok(users.length > 0 && users.every((a) => a.startsWith('user.')));
    const logins = actions((await sys.get('/admin/audit?action=auth.login')).body);
    assert.ok(
      logins.includes('auth.login') &&
        logins.includes('auth.login_failed') &&
        logins.every((a) => a.startsWith('auth.login')),
    );
    const agencies = actions((await sys.get('/admin/audit?subjectType=agency')).body);
    assert.ok(agencies.length > 0 && agencies.every((a) => a.startsWith('agency.')));
    const byActor = await sys.get('/admin/audit?actor=zhao.liu');
    assert.ok(actions(byActor.body).every((a) => a.startsWith('auth.')));
    assert.equal(actions((await sys.get('/admin/audit?actor=nobody-at-all')).body).length, 0);
    // The test clock stands at 2026-11-28 10:00 China Standard Time.
    assert.ok(actions((await sys.get('/admin/audit?from=2026-11-28&to=2026-11-28')).body).length > 0);
    assert.equal(actions((await sys.get('/admin/audit?from=2026-11-29')).body).length, 0);
    assert.equal(actions((await sys.get('/admin/audit?to=2026-11-27')).body).length, 0);
    const bad = await sys.get('/admin/audit?from=2026-02-30');
    assert.match(bad.body, /开始日期格式应为 年-月-日/);
    assert.match(bad.body, /value="2026-02-30"/);
  });

  test('50 events a page, newest first, with links to the next and previous pages', async () => {
    const parent = await buildAgency(t.deps, {
      parentId: city.dept.id,
      kind: 'department',
      name: '分页测试处',
    });
    for (let i = 0; i < 55; i++)
      await buildAgency(t.deps, { parentId: parent.id, kind: 'department', name: `分页机构${i}` });
    const first = await sys.get('/admin/audit?subjectType=agency');
    assert.equal(actions(first.body).length, 50);
    assert.match(first.body, /分页机构54/);
    assert.match(first.body, /href="\/admin\/audit\?subjectType=agency&amp;page=2">下一页/);
    const total = Number(/共 (\d+) 条/.exec(first.body)![1]);
    const second = await sys.get('/admin/audit?subjectType=agency&page=2');
    assert.equal(actions(second.body).length, Math.min(50, total - 50));
    assert.match(second.body, /上一页/);
    assert.doesNotMatch(second.body, /分页机构54/);
  });

  test('a tampered event is reported by the check button', async () => {
    await t.deps.db.execute(sql`update audit_event set actor_label = 'someone else' where seq = 3`);
    const res = await sys.submit('/admin/audit', '/admin/audit/verify', {});
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /发现问题/);
    assert.match(res.body, /第 3 号事件的内容被改动/);
  });

  test('officers have no audit viewer; the log has no edit or delete; CSRF-less POSTs are refused', async () => {
    const officer = await browserOf('officer', city.east.id);
    assert.equal((await officer.get('/admin/audit')).statusCode, 403);
    await sys.get('/admin/audit');
    const token = sys.csrfToken();
    assert.equal((await sys.post('/admin/audit/1/delete', {}, { csrf: token })).statusCode, 404);
    assert.equal((await sys.post('/admin/audit/1/edit', {}, { csrf: token })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'DELETE', url: '/admin/audit/1' })).statusCode, 404);
    assert.equal((await sys.post('/admin/audit/verify', {}, { csrf: false })).statusCode, 403);
  });
});

describe('back office: verifying the chain against a recorded head (issue 8.8)', () => {
  test('newest events deleted: reported against a pasted head; without a head the page says what it cannot see', async () => {
    const t = await createTestApp();
    try {
      const city = await buildCity(t.deps);
      const u = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
      const sys = new Browser(t.app);
      assert.equal((await sys.login(u.login, u.password)).statusCode, 303);
      const newest = async () =>
        (await t.deps.db.select().from(auditEvent).orderBy(desc(auditEvent.seq)).limit(1))[0]!;
      const kept = await newest();
      const head = signHead(TEST_SECRETS.auditSecret, { seq: kept.seq, hash: kept.hash });
      // Later work, then someone deletes it from the table.
      await buildAgency(t.deps, { parentId: city.east.id, name: '东区后来街道' });
      await buildAgency(t.deps, { parentId: city.east.id, name: '东区再后街道' });
      const keptHead = signHead(TEST_SECRETS.auditSecret, {
        seq: (await newest()).seq,
        hash: (await newest()).hash,
      });
      await t.deps.db.delete(auditEvent).where(gt(auditEvent.seq, kept.seq));

      await sys.get('/admin/audit');
      const blind = await sys.post('/admin/audit/verify', {});
      assert.equal(blind.statusCode, 200);
      assert.match(blind.body, /完整：已校验/);
      assert.match(blind.body, /未对照链头记录：最新事件若被删除，本次校验无法发现。/);

      const seen = await sys.post('/admin/audit/verify', { head: keptHead });
      assert.equal(seen.statusCode, 200);
      assert.match(seen.body, /发现问题/);
      assert.match(seen.body, /最新的 2 条事件/);
      assert.match(seen.body, /已对照您粘贴的链头记录/);

      const same = await sys.post('/admin/audit/verify', { head });
      assert.match(same.body, /完整：已校验/);

      const junk = await sys.post('/admin/audit/verify', { head: 'not-a-head' });
      assert.equal(junk.statusCode, 422);
      assert.match(junk.body, /这不是签名链头/);
      assert.match(junk.body, /value="not-a-head"/);
    } finally {
      await t.close();
    }
  });
});
