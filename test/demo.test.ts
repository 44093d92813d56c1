import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq, sql } from 'drizzle-orm';
import { agency, appUser, auditEvent } from '../src/db/schema.js';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/city.js';
import { loadDemo, type DemoLoadResult } from '../src/demo/load-demo.js';
import { ROLES } from '../src/domain/agencies/roles.js';
import { verifyAuditLog } from '../src/queries/verify-audit.js';
import { createTestApp, TEST_SECRETS, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';

describe('the demo city', () => {
  let t: TestApp;
  let loaded: DemoLoadResult;
  before(async () => {
    t = await createTestApp();
    loaded = await loadDemo(t.deps);
  });
  after(() => t.close());

  const agencies = () => t.deps.db.select().from(agency);

  test('has a city government with at least 40 departments and 10 districts, each with at least 3 towns or streets', async () => {
    const rows = await agencies();
    const city = rows.filter((a) => a.parentId === null);
    assert.equal(city.length, 1);
    assert.equal(city[0]!.name, '江南市人民政府');
    const underCity = rows.filter((a) => a.parentId === city[0]!.id);
    assert.ok(underCity.filter((a) => a.kind === 'department').length >= 40);
    const districts = underCity.filter((a) => a.kind === 'district');
    assert.ok(districts.length >= 10, `${districts.length} districts`);
    for (const d of districts) {
      const towns = rows.filter((a) => a.parentId === d.id && (a.kind === 'town' || a.kind === 'street'));
      assert.ok(towns.length >= 3, `${d.name} has ${towns.length} towns/streets`);
    }
    assert.ok(underCity.some((a) => a.kind === 'dispatched' && a.name === '江南工业园区管理委员会'));
    assert.equal(loaded.agencies, rows.length);
  });

  test('codes are stable and follow the tree (JN, JN.FGW, JN.DC.DH)', async () => {
    const byCode = new Map((await agencies()).map((a) => [a.code, a]));
    assert.equal(byCode.get('JN.FGW')?.name, '江南市发展和改革委员会');
    assert.equal(byCode.get('JN.DC')?.name, '江南市东城区人民政府');
    const dh = byCode.get('JN.DC.DH');
    assert.equal(dh?.name, '东城区东华街道办事处');
    assert.equal(dh?.parentId, byCode.get('JN.DC')?.id);
    assert.equal(byCode.get('JN.MS')?.name, '梅山市人民政府');
  });

  test('every agency has its disclosure office’s contact details, and departments their functions', async () => {
    for (const a of await agencies()) {
      for (const field of [
        'officeName',
        'address',
        'postalCode',
        'officeHours',
        'phone',
        'fax',
        'email',
      ] as const) {
        assert.ok(a[field], `${a.code} has ${field}`);
      }
      assert.match(a.postalCode!, /^\d{6}$/);
      assert.match(a.email!, /@example\.gov\.cn$/, 'synthetic e-mail domain');
      if (a.kind === 'department') assert.ok(a.functions, `${a.code} has functions`);
    }
  });

  test('has a user for every role, none of whom must change the password', async () => {
    const users = await t.deps.db.select().from(appUser);
    assert.equal(users.length, DEMO_USERS.length);
    for (const role of ROLES)
      assert.ok(
        users.some((u) => u.role === role),
        `a ${role}`,
      );
    assert.ok(users.every((u) => !u.mustChangePassword));
    assert.ok(DEMO_USERS.length >= 12 && DEMO_USERS.length <= 16, 'the printed list stays readable');
  });

  test('demo users of every level log in with the demo password and reach the dashboard', async () => {
    for (const login of ['admin', 'jn.officer', 'jn.auditor', 'zgj.head', 'ms.officer', 'dh.head']) {
      const b = new Browser(t.app);
      const res = await b.login(login, DEMO_PASSWORD);
      assert.equal(res.statusCode, 303, `${login} logs in`);
      assert.equal(res.headers.location, '/admin');
      const dash = await b.get('/admin');
      assert.equal(dash.statusCode, 200);
      const user = DEMO_USERS.find((u) => u.login === login)!;
      assert.ok(dash.body.includes(user.displayName), `${login} sees their name`);
    }
  });

  test('every page says the data is synthetic demo data', async () => {
    const b = new Browser(t.app);
    const pages = [
      '/',
      '/agencies',
      '/agencies?q=教育',
      '/agencies/JN.DC.DH/guide',
      '/admin/login',
      '/no-such-page',
    ];
    for (const url of pages) {
      const res = await b.get(encodeURI(url));
      assert.match(res.body, /class="demo-banner"[^>]*><strong>演示数据<\/strong>[^<]*虚构的演示数据/, url);
    }
    await b.login('jn.admin', DEMO_PASSWORD);
    assert.match((await b.get('/admin')).body, /虚构的演示数据/);
  });

  test('loading went through the audited commands and the audit chain verifies', async () => {
    const count = async (action: string) =>
      Number(
        (
          await t.deps.db
            .select({ n: sql<number>`count(*)` })
            .from(auditEvent)
            .where(eq(auditEvent.action, action))
        )[0]!.n,
      );
    assert.equal(await count('agency.created'), loaded.agencies);
    assert.equal(await count('user.created'), DEMO_USERS.length);
    assert.equal(await count('demo.loaded'), 1);
    const r = await verifyAuditLog(t.deps.db, TEST_SECRETS.auditSecret);
    assert.deepEqual(r.problems, []);
    assert.ok(r.checked >= loaded.agencies + DEMO_USERS.length + 1);
  });

  test('loading again is refused and changes nothing', async () => {
    const before = (await agencies()).length;
    await assert.rejects(loadDemo(t.deps), /只能加载到空数据库/);
    assert.equal((await agencies()).length, before);
    assert.equal((await t.deps.db.select().from(appUser)).length, DEMO_USERS.length);
  });
});
