// Issue 8.7 and issue 7 §6: an agency's web address is http(s) only, its phone, fax and e-mail are
// checked, and an agency whose 指南 would lack the 第十二条 contact data is warned about.
import assert from 'node:assert/strict';
import { eq } from 'drizzle-orm';
import { after, before, describe, test } from 'node:test';
import { agency } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildAgency, buildUser } from './support/factories.js';

const COMPLETE = {
  officeName: '测试市人民政府办公室',
  address: '测试市人民路 1 号',
  officeHours: '工作日 9:00–17:00',
  phone: '0512-12345678',
  fax: '0512-12345679',
  email: 'gk@example.gov.cn',
  website: 'https://www.example.gov.cn/',
};

describe('agency contact data (issue 8.7, issue 7 §6)', () => {
  let t: TestApp;
  let b: Browser;
  let id = 0;
  let code = '';
  before(async () => {
    t = await createTestApp();
    const a = await buildAgency(t.deps, { name: '测试市人民政府' });
    id = a.id;
    code = a.code;
    const admin = await buildUser(t.deps, { agencyId: a.id, role: 'system_admin' });
    b = new Browser(t.app);
    await b.login(admin.login, admin.password);
  });
  after(() => t.close());

  const edit = (fields: Record<string, string>) =>
    b.submit(`/admin/agencies/${id}/edit`, `/admin/agencies/${id}/edit`, {
      code,
      name: '测试市人民政府',
      kind: 'government',
      sortOrder: '0',
      ...COMPLETE,
      ...fields,
    });

  for (const bad of [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<b>x</b>',
    'www.example.gov.cn',
    'ftp://example.gov.cn/',
  ]) {
    test(`the website "${bad}" is refused with a Chinese message`, async () => {
      const res = await edit({ website: bad });
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /网址须以 http:\/\/ 或 https:\/\/ 开头/);
      const [row] = await t.deps.db.select().from(agency).where(eq(agency.id, id));
      assert.notEqual(row!.website, bad);
    });
  }

  test('phone, fax and e-mail are checked', async () => {
    const phone = await edit({ phone: '请致电办公室' });
    assert.equal(phone.statusCode, 422);
    assert.match(phone.body, /电话号码格式不正确/);
    const fax = await edit({ fax: 'javascript:1' });
    assert.equal(fax.statusCode, 422);
    assert.match(fax.body, /传真号码格式不正确/);
    const email = await edit({ email: 'not-an-address' });
    assert.equal(email.statusCode, 422);
    assert.match(email.body, /电子邮箱格式不正确/);
  });

  test('usual Chinese numbers and an https address are accepted', async () => {
    const res = await edit({
      phone: '0512-12345678、12345',
      fax: '(0512) 6522 1234',
      website: 'http://www.example.gov.cn/gk/',
    });
    assert.equal(res.statusCode, 303);
  });

  test('a javascript: address stored before the check is shown as text on the 指南, not as a link', async () => {
    await t.deps.db.update(agency).set({ website: 'javascript:alert(1)' }).where(eq(agency.id, id));
    const res = await t.app.inject({ url: `/agencies/${encodeURIComponent(code)}/guide` });
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /href="javascript:/i);
    await t.deps.db.update(agency).set({ website: COMPLETE.website }).where(eq(agency.id, id));
  });

  test('an agency whose 指南 lacks 第十二条 contact data is warned about on its page and in the list', async () => {
    assert.equal((await edit({})).statusCode, 303);
    let page = await b.get(`/admin/agencies/${id}`);
    assert.doesNotMatch(page.body, /指南缺少联系信息/);
    let list = await b.get('/admin/agencies');
    assert.doesNotMatch(list.body, /指南缺联系信息/);

    assert.equal((await edit({ officeHours: '', fax: '', email: '', website: '' })).statusCode, 303);
    page = await b.get(`/admin/agencies/${id}`);
    assert.match(page.body, /政府信息公开指南缺少联系信息/);
    assert.match(page.body, /第十二条/);
    assert.match(page.body, /办公时间、传真号码、互联网联系方式/);
    list = await b.get('/admin/agencies');
    assert.match(list.body, /1 个机构的指南缺少/);
    assert.match(list.body, /指南缺联系信息/);
  });
});
