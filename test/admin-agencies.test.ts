import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { agency } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

describe('back office: agency management', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let admin: Browser; // agency_admin of the east district
  let officer: Browser; // officer of the east district

  const as = async (role: 'agency_admin' | 'officer' | 'system_admin', agencyId: number) => {
    const u = await buildUser(t.deps, { agencyId, role });
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const stored = async (id: number) => (await t.deps.db.select().from(agency).where(eq(agency.id, id)))[0]!;

  before(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    admin = await as('agency_admin', city.east.id);
    officer = await as('officer', city.east.id);
  });
  after(() => t.close());

  test('the list shows only the actor’s subtree, a system admin sees the whole tree', async () => {
    const res = await admin.get('/admin/agencies');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>机构管理<\/h1>/);
    assert.match(res.body, new RegExp(`href="/admin/agencies/${city.eastTown.id}">东区甲镇人民政府`));
    assert.doesNotMatch(res.body, /西区/);
    assert.doesNotMatch(res.body, /测试市教育局/);
    const sys = await as('system_admin', city.city.id);
    const all = await sys.get('/admin/agencies');
    for (const name of ['测试市人民政府', '东区人民政府', '西区乙镇人民政府', '测试市教育局'])
      assert.match(all.body, new RegExp(name));
  });

  test('the detail page shows every field, including the disclosure office’s contact details', async () => {
    const res = await admin.get(`/admin/agencies/${city.east.id}`);
    assert.equal(res.statusCode, 200);
    for (const label of [
      '机构代码',
      '机构名称',
      '简称',
      '机构类型',
      '上级机构',
      '排序号',
      '公开工作机构名称',
      '办公地址',
      '邮政编码',
      '办公时间',
      '联系电话',
      '传真',
      '电子邮箱',
      '网站',
      '机构职能',
    ]) {
      assert.match(res.body, new RegExp(`<dt>${label}</dt>`), label);
    }
    assert.match(res.body, /县级市（区）人民政府/);
    assert.match(res.body, /0512-00000000/);
    // The parent lies outside the east admin's scope: named, not linked.
    assert.match(res.body, /测试市人民政府/);
    assert.doesNotMatch(res.body, new RegExp(`href="/admin/agencies/${city.city.id}"`));
    assert.match(res.body, /新增下级机构/);
  });

  test('another district’s agency answers 404: page, edit form, edit and deactivate POSTs, new-child form', async () => {
    await admin.get('/admin/agencies');
    const token = admin.csrfToken();
    assert.equal((await admin.get(`/admin/agencies/${city.west.id}`)).statusCode, 404);
    assert.equal((await admin.get(`/admin/agencies/${city.westTown.id}/edit`)).statusCode, 404);
    assert.equal((await admin.get(`/admin/agencies/new?parent=${city.west.id}`)).statusCode, 404);
    const edit = await admin.post(
      `/admin/agencies/${city.west.id}/edit`,
      { code: 'HACKED', name: '被篡改', kind: 'district' },
      { csrf: token },
    );
    assert.equal(edit.statusCode, 404);
    assert.match(edit.body, /页面不存在/);
    assert.equal(
      (await admin.post(`/admin/agencies/${city.westTown.id}/deactivate`, {}, { csrf: token })).statusCode,
      404,
    );
    const create = await admin.post(
      '/admin/agencies/new',
      { parentId: String(city.west.id), code: 'W.NEW', name: '西区新机构', kind: 'street' },
      { csrf: token },
    );
    assert.equal(create.statusCode, 404);
    assert.equal((await stored(city.west.id)).name, '西区人民政府');
    assert.equal((await stored(city.westTown.id)).active, true);
    assert.equal((await t.deps.db.select().from(agency).where(eq(agency.code, 'W.NEW'))).length, 0);
  });

  test('an officer may look but not open the create or edit forms (403)', async () => {
    const page = await officer.get(`/admin/agencies/${city.east.id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /新增下级机构|\/edit"/);
    const token = officer.csrfToken();
    assert.equal((await officer.get(`/admin/agencies/new?parent=${city.east.id}`)).statusCode, 403);
    assert.equal((await officer.get(`/admin/agencies/${city.east.id}/edit`)).statusCode, 403);
    const post = await officer.post(
      `/admin/agencies/${city.east.id}/edit`,
      { code: 'X', name: '改名', kind: 'district' },
      { csrf: token },
    );
    assert.equal(post.statusCode, 403);
    assert.equal((await stored(city.east.id)).name, '东区人民政府');
  });

  test('bad input is refused with Chinese messages (422) and the typed values are kept', async () => {
    await admin.get(`/admin/agencies/new?parent=${city.east.id}`);
    const res = await admin.post('/admin/agencies/new', {
      parentId: String(city.east.id),
      code: 'bad code!',
      name: '',
      kind: '',
      postalCode: '12345',
      email: 'not-an-email',
      address: '东区人民路 1 号',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    for (const msg of [
      '机构代码只能包含字母、数字、点和短横线',
      '请填写机构名称',
      '请选择机构类型',
      '邮政编码应为 6 位数字',
      '电子邮箱格式不正确',
    ])
      assert.match(res.body, new RegExp(msg));
    assert.match(res.body, /value="bad code!"/);
    assert.match(res.body, /value="东区人民路 1 号"/);
    assert.match(res.body, /value="not-an-email"/);
  });

  test('a subordinate agency is created, shown and listed; a duplicate code is refused', async () => {
    await admin.get(`/admin/agencies/new?parent=${city.east.id}`);
    const fields = {
      parentId: String(city.east.id),
      code: 'E.JD1',
      name: '东区一号街道办事处',
      kind: 'street',
      postalCode: '215000',
      email: 'gk@example.gov.cn',
      officeHours: '工作日 9:00–17:00',
    };
    const res = await admin.post('/admin/agencies/new', fields);
    assert.equal(res.statusCode, 303);
    const page = await admin.get(String(res.headers.location));
    assert.match(page.body, /机构已新增/);
    assert.match(page.body, /<h1>东区一号街道办事处<\/h1>/);
    assert.match(page.body, /215000/);
    assert.match(page.body, /工作日 9:00–17:00/);
    assert.match((await admin.get('/admin/agencies')).body, /东区一号街道办事处/);
    await admin.get(`/admin/agencies/new?parent=${city.east.id}`);
    const dup = await admin.post('/admin/agencies/new', { ...fields, name: '重复代码' });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /机构代码 E\.JD1 已被使用/);
  });

  test('editing saves the changes; a code taken by another agency is refused', async () => {
    const id = city.eastTown.id;
    const form = await admin.get(`/admin/agencies/${id}/edit`);
    assert.match(form.body, /value="东区甲镇人民政府"/);
    const before = await stored(id);
    const fields = {
      code: before.code,
      name: '东区甲镇人民政府',
      kind: 'town',
      sortOrder: '3',
      officeName: '甲镇党政办公室',
      phone: '0512-11112222',
      address: '甲镇府前街 8 号',
    };
    const res = await admin.post(`/admin/agencies/${id}/edit`, fields);
    assert.equal(res.statusCode, 303);
    const page = await admin.get(String(res.headers.location));
    assert.match(page.body, /机构信息已保存/);
    assert.match(page.body, /甲镇党政办公室/);
    assert.equal((await stored(id)).phone, '0512-11112222');
    await admin.get(`/admin/agencies/${id}/edit`);
    const dup = await admin.post(`/admin/agencies/${id}/edit`, { ...fields, code: city.west.code });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /已被使用/);
    assert.equal((await stored(id)).code, before.code);
  });

  test('deactivation keeps the tree consistent and can be undone', async () => {
    const sys = await as('system_admin', city.city.id);
    await sys.get(`/admin/agencies/${city.east.id}`);
    const parent = await sys.post(`/admin/agencies/${city.west.id}/deactivate`, { confirm: 'yes' });
    assert.equal(parent.statusCode, 409);
    assert.match(parent.body, /请先停用其下级机构：西区乙镇人民政府/);
    const town = await admin.submit(
      `/admin/agencies/${city.eastTown.id}`,
      `/admin/agencies/${city.eastTown.id}/deactivate`,
      { confirm: 'yes' },
    );
    assert.equal(town.statusCode, 303);
    const page = await admin.get(String(town.headers.location));
    assert.match(page.body, /机构已停用/);
    assert.match(
      (await admin.get('/admin/agencies')).body,
      /东区甲镇人民政府<\/a> <span class="hint-inline">[^<]*<\/span><span class="tag tag-grey">已停用/,
    );
    assert.equal((await stored(city.eastTown.id)).active, false);
    assert.doesNotMatch((await admin.get(`/admin/agencies/${city.east.id}`)).body, /\/deactivate"/);
    const own = await admin.post(`/admin/agencies/${city.east.id}/deactivate`, { confirm: 'yes' });
    assert.equal(own.statusCode, 403);
    await admin.get(`/admin/agencies/${city.eastTown.id}`);
    assert.equal((await admin.post(`/admin/agencies/${city.eastTown.id}/reactivate`, {})).statusCode, 303);
    assert.equal((await stored(city.eastTown.id)).active, true);
  });

  test('POSTs without a CSRF token are refused (403) and change nothing', async () => {
    await admin.get(`/admin/agencies/${city.eastTown.id}`);
    const edit = await admin.post(
      `/admin/agencies/${city.eastTown.id}/edit`,
      { code: 'CSRF', name: '跨站', kind: 'town' },
      { csrf: false },
    );
    assert.equal(edit.statusCode, 403);
    const create = await admin.post(
      '/admin/agencies/new',
      { parentId: String(city.east.id), code: 'CSRF2', name: '跨站', kind: 'town' },
      { csrf: false },
    );
    assert.equal(create.statusCode, 403);
    assert.equal(
      (await admin.post(`/admin/agencies/${city.eastTown.id}/deactivate`, {}, { csrf: false })).statusCode,
      403,
    );
    assert.notEqual((await stored(city.eastTown.id)).name, '跨站');
    assert.equal((await stored(city.eastTown.id)).active, true);
  });
});
