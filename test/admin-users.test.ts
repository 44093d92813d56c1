import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { appUser, auditEvent, session } from '../src/db/schema.js';
import type { Role } from '../src/domain/agencies/roles.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser, type UserTrait } from './support/factories.js';

const TEMP = /id="temporary-password">([^<]+)</;

describe('back office: user management', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let admin: Browser; // agency_admin of the east district
  let adminId: number;

  const user = (agencyId: number, role: Role = 'officer', trait?: UserTrait) =>
    buildUser(t.deps, { agencyId, role, trait });
  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const stored = async (id: number) => (await t.deps.db.select().from(appUser).where(eq(appUser.id, id)))[0]!;

  before(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    const a = await user(city.east.id, 'agency_admin');
    adminId = a.id;
    admin = await browserOf(a);
  });
  after(() => t.close());

  test('the list shows the east subtree only, with role and status, and filters by agency and role', async () => {
    const town = await user(city.eastTown.id, 'publisher');
    const locked = await user(city.east.id, 'officer', 'locked');
    const off = await user(city.east.id, 'auditor', 'disabled');
    const west = await user(city.west.id);
    const res = await admin.get('/admin/users');
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      new RegExp(
        `${town.login}</a></td><td>[^<]+</td><td>信息发布员</td><td>东区甲镇人民政府</td><td><span class="tag tag-green">正常`,
      ),
    );
    assert.match(res.body, new RegExp(`${locked.login}</a>.*?已锁定`));
    assert.match(res.body, new RegExp(`${off.login}</a>.*?已停用`));
    assert.doesNotMatch(res.body, new RegExp(west.login));
    assert.doesNotMatch(res.body, /西区/);
    const byAgency = await admin.get(`/admin/users?agency=${city.eastTown.id}`);
    assert.match(byAgency.body, new RegExp(town.login));
    assert.doesNotMatch(byAgency.body, new RegExp(locked.login));
    const byRole = await admin.get('/admin/users?role=auditor');
    assert.match(byRole.body, new RegExp(off.login));
    assert.doesNotMatch(byRole.body, new RegExp(town.login));
    assert.match(byRole.body, /<option value="auditor" selected="">/);
    // Filtering on another district's agency finds nothing rather than its users.
    assert.doesNotMatch(
      (await admin.get(`/admin/users?agency=${city.west.id}`)).body,
      new RegExp(west.login),
    );
  });

  test('a west-district user answers 404: page, edit form, edit, disable and reset POSTs', async () => {
    const west = await user(city.west.id);
    await admin.get('/admin/users');
    const token = admin.csrfToken();
    assert.equal((await admin.get(`/admin/users/${west.id}`)).statusCode, 404);
    assert.equal((await admin.get(`/admin/users/${west.id}/edit`)).statusCode, 404);
    const edit = await admin.post(
      `/admin/users/${west.id}/edit`,
      { displayName: '篡改', role: 'officer', agencyId: String(city.east.id) },
      { csrf: token },
    );
    assert.equal(edit.statusCode, 404);
    assert.equal((await admin.post(`/admin/users/${west.id}/disable`, {}, { csrf: token })).statusCode, 404);
    assert.equal(
      (await admin.post(`/admin/users/${west.id}/reset-password`, {}, { csrf: token })).statusCode,
      404,
    );
    const s = await stored(west.id);
    assert.equal(s.disabledAt, null);
    assert.notEqual(s.displayName, '篡改');
    await browserOf(west); // the old password still works
  });

  test('an officer may not open the user pages or the create form (403)', async () => {
    const officer = await browserOf(await user(city.east.id, 'officer'));
    assert.equal((await officer.get('/admin/users')).statusCode, 403);
    assert.equal((await officer.get('/admin/users/new')).statusCode, 403);
    assert.equal((await officer.get(`/admin/users/${adminId}/edit`)).statusCode, 403);
  });

  test('bad input is refused in Chinese (422) with the typed values kept; then the user is created with a one-time password', async () => {
    const form = await admin.get('/admin/users/new');
    assert.doesNotMatch(form.body, /value="system_admin"/);
    assert.doesNotMatch(form.body, /西区/);
    const bad = await admin.post('/admin/users/new', {
      login: '1x',
      displayName: '',
      agencyId: '',
      role: '',
    });
    assert.equal(bad.statusCode, 422);
    for (const msg of ['登录名须以字母开头', '请填写姓名', '请选择所属机构', '请选择角色'])
      assert.match(bad.body, new RegExp(msg));
    assert.match(bad.body, /value="1x"/);
    const bad2 = await admin.post('/admin/users/new', {
      login: 'li.na',
      displayName: '李娜',
      agencyId: String(city.eastTown.id),
      role: '',
    });
    assert.equal(bad2.statusCode, 422);
    assert.match(bad2.body, /value="李娜"/);
    assert.match(bad2.body, new RegExp(`<option value="${city.eastTown.id}" selected="">`));
    const ok = await admin.post('/admin/users/new', {
      login: 'li.na',
      displayName: '李娜',
      agencyId: String(city.eastTown.id),
      role: 'officer',
    });
    assert.equal(ok.statusCode, 200);
    assert.equal(ok.headers.location, undefined);
    assert.match(ok.body, /用户已新增/);
    const password = TEMP.exec(ok.body)![1]!;
    const created = (await t.deps.db.select().from(appUser).where(eq(appUser.login, 'li.na')))[0]!;
    assert.equal(created.role, 'officer');
    assert.doesNotMatch((await admin.get(`/admin/users/${created.id}`)).body, new RegExp(password));
    const b = new Browser(t.app);
    const login = await b.login('li.na', password);
    assert.equal(login.headers.location, '/admin/account/password');
  });

  test('a duplicate login is refused, whatever its case', async () => {
    const existing = await user(city.east.id);
    await admin.get('/admin/users/new');
    const res = await admin.post('/admin/users/new', {
      login: existing.login.toUpperCase(),
      displayName: '重复',
      agencyId: String(city.east.id),
      role: 'officer',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /已被使用/);
  });

  test('editing changes name, role and agency; nobody changes their own role', async () => {
    const u = await user(city.east.id, 'officer');
    await admin.get(`/admin/users/${u.id}/edit`);
    const res = await admin.post(`/admin/users/${u.id}/edit`, {
      displayName: '王五',
      role: 'office_head',
      agencyId: String(city.eastTown.id),
    });
    assert.equal(res.statusCode, 303);
    const page = await admin.get(String(res.headers.location));
    assert.match(page.body, /用户信息已保存/);
    assert.match(page.body, /工作机构负责人/);
    assert.match(page.body, /东区甲镇人民政府/);
    await admin.get(`/admin/users/${u.id}/edit`);
    const outside = await admin.post(`/admin/users/${u.id}/edit`, {
      displayName: '王五',
      role: 'officer',
      agencyId: String(city.west.id),
    });
    assert.equal(outside.statusCode, 422);
    assert.match(outside.body, /请选择您管辖范围内的机构/);
    await admin.get(`/admin/users/${adminId}/edit`);
    const self = await admin.post(`/admin/users/${adminId}/edit`, {
      displayName: '管理员',
      role: 'officer',
      agencyId: String(city.east.id),
    });
    assert.equal(self.statusCode, 422);
    assert.match(self.body, /不能更改自己的角色/);
    assert.equal((await stored(adminId)).role, 'agency_admin');
  });

  test('disabling ends the user’s session at once; enabling lets them back in', async () => {
    const u = await user(city.east.id);
    const victim = await browserOf(u);
    assert.equal((await victim.get('/admin')).statusCode, 200);
    const res = await admin.submit(`/admin/users/${u.id}`, `/admin/users/${u.id}/disable`, {
      confirm: 'yes',
    });
    assert.equal(res.statusCode, 303);
    assert.match((await admin.get(String(res.headers.location))).body, /用户已停用，其登录会话已结束/);
    const after = await victim.get('/admin');
    assert.equal(after.statusCode, 303);
    assert.match(String(after.headers.location), /^\/admin\/login/);
    assert.equal((await t.deps.db.select().from(session).where(eq(session.userId, u.id))).length, 0);
    // The right password of a disabled account answers like a wrong one: it confirms nothing (issue 8.13).
    const refused = await new Browser(t.app).login(u.login, u.password);
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /登录名或密码不正确/);
    assert.doesNotMatch(refused.body, /停用/);
    await admin.submit(`/admin/users/${u.id}`, `/admin/users/${u.id}/enable`, {});
    await browserOf(u);
  });

  test('an administrator cannot disable themselves, nor an agency admin a system admin', async () => {
    await admin.get(`/admin/users/${adminId}`);
    assert.doesNotMatch(admin.lastHtml, /\/disable"/);
    assert.equal((await admin.post(`/admin/users/${adminId}/disable`, { confirm: 'yes' })).statusCode, 403);
    assert.equal((await stored(adminId)).disabledAt, null);
    const sys = await user(city.east.id, 'system_admin');
    await admin.get(`/admin/users/${sys.id}`);
    assert.equal((await admin.post(`/admin/users/${sys.id}/disable`, { confirm: 'yes' })).statusCode, 403);
    assert.equal((await stored(sys.id)).disabledAt, null);
  });

  test('a password reset shows a temporary password once; the old one stops working, the new one forces a change', async () => {
    const u = await user(city.eastTown.id);
    const victim = await browserOf(u);
    await admin.get(`/admin/users/${u.id}`);
    const res = await admin.post(`/admin/users/${u.id}/reset-password`, { confirm: 'yes' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers.location, undefined);
    assert.match(String(res.headers['cache-control']), /no-store/);
    assert.match(res.body, /密码已重置/);
    assert.match(res.body, /只显示这一次/);
    const password = TEMP.exec(res.body)![1]!;
    assert.notEqual(password, u.password);
    assert.doesNotMatch((await admin.get(`/admin/users/${u.id}`)).body, new RegExp(password));
    const [leak] = await t.deps.db
      .select({ n: sql<number>`count(*)` })
      .from(auditEvent)
      .where(sql`${auditEvent.data}::text like ${`%${password}%`}`);
    assert.equal(Number(leak!.n), 0);
    assert.equal((await victim.get('/admin')).statusCode, 303);
    assert.equal((await new Browser(t.app).login(u.login, u.password)).statusCode, 422);
    const fresh = new Browser(t.app);
    assert.equal((await fresh.login(u.login, password)).headers.location, '/admin/account/password');
    assert.equal((await fresh.get('/admin')).headers.location, '/admin/account/password');
  });

  test('unlocking a locked account lets its user log in again', async () => {
    const u = await user(city.east.id);
    const stranger = new Browser(t.app);
    for (let i = 0; i < 5; i++) await stranger.login(u.login, `Wrong-guess-${i}`);
    const page = await admin.get(`/admin/users/${u.id}`);
    assert.match(page.body, /已锁定/);
    assert.match((await new Browser(t.app).login(u.login, u.password)).body, /已临时锁定/);
    const res = await admin.post(`/admin/users/${u.id}/unlock`, {});
    assert.equal(res.statusCode, 303);
    const after = await admin.get(String(res.headers.location));
    assert.match(after.body, /账号已解锁/);
    assert.match(after.body, /tag-green">正常/);
    await browserOf(u);
  });

  test('POSTs without a CSRF token are refused (403) and change nothing', async () => {
    const u = await user(city.east.id);
    await admin.get(`/admin/users/${u.id}`);
    assert.equal((await admin.post(`/admin/users/${u.id}/disable`, {}, { csrf: false })).statusCode, 403);
    assert.equal(
      (await admin.post(`/admin/users/${u.id}/reset-password`, {}, { csrf: false })).statusCode,
      403,
    );
    const create = await admin.post(
      '/admin/users/new',
      { login: 'csrf.user', displayName: '跨站', agencyId: String(city.east.id), role: 'officer' },
      { csrf: false },
    );
    assert.equal(create.statusCode, 403);
    assert.equal((await stored(u.id)).disabledAt, null);
    assert.equal((await t.deps.db.select().from(appUser).where(eq(appUser.login, 'csrf.user'))).length, 0);
    await browserOf(u);
  });
});
