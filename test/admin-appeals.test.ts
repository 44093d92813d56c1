// The appeals register in the back office (复议诉讼): registering a case from an application's page,
// recording its result (with the optimistic lock), another agency's officer getting 404, and the
// table 四 preview of a year under the installation's counting rule.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createAppeal } from '../src/commands/appeals.js';
import { appeal, auditEvent } from '../src/db/schema.js';
import { appealsOfApplication } from '../src/queries/appeals.js';
import { AppealsSection } from '../src/views/admin/appeals-section.js';
import { actorOf, submitted } from './support/applications.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 November 2026 in Beijing

describe('back office: appeals register (复议诉讼)', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let east: Browser; // officer of the east district
  let west: Browser; // officer of the west district
  let eastOfficer: { id: number };
  let westOfficer: { id: number };

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const idOf = (location: unknown) => Number(/\/admin\/appeals\/(\d+)/.exec(String(location))![1]);
  const stored = async (id: number) => (await t.deps.db.select().from(appeal).where(eq(appeal.id, id)))[0]!;
  const auditOf = async (id: number) =>
    (await t.deps.db.select().from(auditEvent).where(eq(auditEvent.subjectType, 'appeal'))).filter(
      (e) => e.subjectId === String(id),
    );

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    const e = await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' });
    const w = await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' });
    eastOfficer = e;
    westOfficer = w;
    east = await browserOf(e);
    west = await browserOf(w);
  });
  after(() => t.close());

  test('an officer registers a 行政复议 from an application: prefilled, audited, listed and shown on the case', async () => {
    const app = await submitted(t.deps, city.east.code, { name: '赵六' });
    const form = await east.get(`/admin/appeals/new?application=${app.id}`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, new RegExp(`关联申请：${app.trackingNumber}`));
    assert.match(form.body, /name="appellant"[^>]*value="赵六"/);
    assert.match(form.body, new RegExp(`<option value="${city.east.id}" selected="">`));
    const res = await east.post('/admin/appeals/new', {
      applicationId: String(app.id),
      kind: 'reconsideration',
      agencyId: String(city.east.id),
      appellant: '',
      body: '测试市人民政府',
      filedOn: '2026-09-01',
      result: 'pending',
      decidedOn: '',
    });
    assert.equal(res.statusCode, 303);
    const id = idOf(res.headers.location);
    const row = await stored(id);
    assert.equal(row.appellant, '赵六'); // the applicant's name by default
    assert.equal(row.applicationId, app.id);
    assert.equal(row.agencyId, city.east.id);
    const page = await east.get(String(res.headers.location));
    assert.match(page.body, /案件已登记。/);
    assert.match(page.body, /行政复议：赵六/);
    assert.match(page.body, /尚未审结/);
    assert.match(page.body, new RegExp(app.trackingNumber));
    const list = await east.get('/admin/appeals?kind=reconsideration&year=2026');
    assert.match(list.body, new RegExp(`href="/admin/appeals/${id}"`));
    assert.match(list.body, /测试市人民政府/);
    const events = await auditOf(id);
    assert.deepEqual(
      events.map((e) => e.action),
      ['appeal.created'],
    );
    assert.equal((events[0]!.data as { after: { kind: string } }).after.kind, '行政复议');
    // The case page's section: the appeal and the link that registers another one.
    const mine = await appealsOfApplication(t.deps.db, await actorOf(t.deps, eastOfficer.id), app.id);
    assert.deepEqual(
      mine.map((a) => a.id),
      [id],
    );
    const html = String(AppealsSection({ appeals: mine, applicationId: app.id, canManage: true }));
    assert.match(html, new RegExp(`href="/admin/appeals/${id}"`));
    // …and the case page itself shows it.
    const casePage = await east.get(`/admin/applications/${app.id}`);
    assert.match(casePage.body, /行政复议、行政诉讼/);
    assert.match(casePage.body, new RegExp(`href="/admin/appeals/${id}"`));
    assert.match(html, new RegExp(`href="/admin/appeals/new\\?application=${app.id}"`));
    assert.deepEqual(
      await appealsOfApplication(t.deps.db, await actorOf(t.deps, westOfficer.id), app.id),
      [],
    );
  });

  test('bad input is listed with Chinese messages and nothing is stored; a POST without the CSRF token is refused', async () => {
    const before = (await t.deps.db.select().from(appeal)).length;
    await east.get('/admin/appeals/new');
    const res = await east.post('/admin/appeals/new', {
      kind: 'reconsideration',
      afterReconsideration: 'yes',
      agencyId: String(city.east.id),
      appellant: '钱七',
      body: '',
      filedOn: '2026-12-01',
      result: 'upheld',
      decidedOn: '',
      trackingNumber: '',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /请填写复议机关或受理法院/);
    assert.match(res.body, /申请（起诉）日期不能晚于今天/);
    assert.match(res.body, /已有审理结果的，请填写审结日期/);
    assert.match(res.body, /只有行政诉讼才区分是否经过复议/);
    assert.match(res.body, /href="#f-body"/);
    assert.match(res.body, /name="appellant"[^>]*value="钱七"/); // what was typed is kept
    // A tracking number of another district's application reads like an unknown one.
    const other = await submitted(t.deps, city.west.code);
    const linked = await east.post('/admin/appeals/new', {
      kind: 'litigation',
      agencyId: String(city.east.id),
      appellant: '钱七',
      body: '测试市中级人民法院',
      filedOn: '2026-10-01',
      result: 'pending',
      trackingNumber: other.trackingNumber,
    });
    assert.equal(linked.statusCode, 422);
    assert.match(linked.body, /未找到该申请编号的申请/);
    const noToken = await east.post(
      '/admin/appeals/new',
      {
        kind: 'litigation',
        agencyId: String(city.east.id),
        appellant: '钱七',
        body: '法院',
        filedOn: '2026-10-01',
      },
      { csrf: false },
    );
    assert.equal(noToken.statusCode, 403);
    assert.equal((await t.deps.db.select().from(appeal)).length, before);
  });

  test('recording the result: saved and audited; a stale form is told someone else saved first', async () => {
    const actor = await actorOf(t.deps, eastOfficer.id);
    const { id } = await createAppeal(
      t.deps,
      { actor },
      {
        kind: 'litigation',
        agencyId: city.east.id,
        appellant: '孙八',
        body: '测试市东区人民法院',
        filedOn: '2026-03-10',
      },
    );
    await east.get(`/admin/appeals/${id}`);
    const token = east.csrfToken();
    const missingDate = await east.post(
      `/admin/appeals/${id}`,
      { version: '1', result: 'corrected', decidedOn: '' },
      { csrf: token },
    );
    assert.equal(missingDate.statusCode, 422);
    assert.match(missingDate.body, /已有审理结果的，请填写审结日期/);
    const early = await east.post(
      `/admin/appeals/${id}`,
      { version: '1', result: 'corrected', decidedOn: '2026-03-01' },
      { csrf: token },
    );
    assert.match(early.body, /审结日期不能早于申请（起诉）日期/);
    const ok = await east.post(
      `/admin/appeals/${id}`,
      {
        version: '1',
        result: 'corrected',
        decidedOn: '2026-07-15',
        caseNumber: '（2026）测0102行初15号',
        note: '',
      },
      { csrf: token },
    );
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/admin/appeals/${id}?done=updated`);
    const row = await stored(id);
    assert.equal(row.result, 'corrected');
    assert.equal(row.decidedOn, '2026-07-15');
    assert.equal(row.version, 2);
    const page = await east.get(String(ok.headers.location));
    assert.match(page.body, /已保存。/);
    assert.match(page.body, /结果纠正/);
    // A second officer's form still carries version 1.
    const stale = await east.post(
      `/admin/appeals/${id}`,
      { version: '1', result: 'upheld', decidedOn: '2026-07-16' },
      { csrf: token },
    );
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /已被他人修改/);
    assert.equal((await stored(id)).result, 'corrected');
    const updated = (await auditOf(id)).filter((e) => e.action === 'appeal.updated');
    assert.equal(updated.length, 1);
    assert.deepEqual((updated[0]!.data as { after: Record<string, unknown> }).after.result, '结果纠正');
  });

  test("another district's officer gets 404: the appeal's page, its POST and the form from its application", async () => {
    const actor = await actorOf(t.deps, eastOfficer.id);
    const app = await submitted(t.deps, city.east.code);
    const { id } = await createAppeal(
      t.deps,
      { actor },
      {
        kind: 'reconsideration',
        applicationId: app.id,
        body: '测试市人民政府',
        filedOn: '2026-11-02',
      },
    );
    await west.get('/admin/appeals');
    const token = west.csrfToken();
    assert.equal((await west.get(`/admin/appeals/${id}`)).statusCode, 404);
    const post = await west.post(
      `/admin/appeals/${id}`,
      { version: '1', result: 'upheld', decidedOn: '2026-11-20' },
      { csrf: token },
    );
    assert.equal(post.statusCode, 404);
    assert.equal((await stored(id)).result, 'pending');
    assert.equal((await west.get(`/admin/appeals/new?application=${app.id}`)).statusCode, 404);
    const list = await west.get('/admin/appeals');
    assert.doesNotMatch(list.body, new RegExp(`/admin/appeals/${id}"`));
    assert.doesNotMatch(list.body, /东区人民政府/);
  });

  test('table 四 preview: the counts of a year in the report layout, under the rule stated; the system administrator changes the rule', async () => {
    const officer = await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' });
    const actor = await actorOf(t.deps, officer.id);
    const add = (f: Record<string, unknown>) =>
      createAppeal(t.deps, { actor }, { agencyId: city.dept.id, appellant: '周九', body: '受理机关', ...f });
    // Counted by hand in the comments: (2025 | 2026 under the default rule; 2026 under 'filed').
    await add({
      kind: 'reconsideration',
      filedOn: '2025-10-10',
      result: 'corrected',
      decidedOn: '2026-01-20',
    }); // 复议: 2025 未结 | 2026 纠正; filed: —
    await add({ kind: 'reconsideration', filedOn: '2026-03-01' }); // 复议: 2026 未结
    await add({ kind: 'reconsideration', filedOn: '2026-06-06', result: 'upheld', decidedOn: '2026-07-07' }); // 复议: 2026 维持
    await add({ kind: 'litigation', filedOn: '2026-02-02', result: 'upheld', decidedOn: '2026-05-05' }); // 直接起诉: 2026 维持
    await add({ kind: 'litigation', filedOn: '2025-05-05', result: 'upheld', decidedOn: '2025-09-09' }); // 直接起诉: 2025 维持
    await add({
      kind: 'litigation',
      afterReconsideration: true,
      filedOn: '2026-04-04',
      result: 'other',
      decidedOn: '2026-08-08',
    }); // 复议后起诉: 2026 其他
    const b = await browserOf(officer);
    const cells = (html: string) => {
      const out: Record<string, number[]> = {};
      for (const g of ['review', 'suitDirect', 'suitAfterReview'])
        out[g] = ['upheld', 'corrected', 'other', 'pending', 'total'].map((c) =>
          Number(new RegExp(`data-cell="${g}\\.${c}">(\\d+)<`).exec(html)![1]),
        );
      return out;
    };
    const y2026 = await b.get('/admin/appeals/table4?year=2026');
    assert.equal(y2026.statusCode, 200);
    assert.match(y2026.body, /四、政府信息公开行政复议、行政诉讼情况/);
    assert.match(y2026.body, /立案年度与审结年度分别统计/);
    assert.doesNotMatch(y2026.body, /保存统计规则/); // only the system administrator sets the rule
    assert.deepEqual(cells(y2026.body), {
      review: [1, 1, 0, 1, 3],
      suitDirect: [1, 0, 0, 0, 1],
      suitAfterReview: [0, 0, 1, 0, 1],
    });
    assert.deepEqual(cells((await b.get('/admin/appeals/table4?year=2025')).body), {
      review: [0, 0, 0, 1, 1],
      suitDirect: [1, 0, 0, 0, 1],
      suitAfterReview: [0, 0, 0, 0, 0],
    });
    // An officer may not change the rule.
    const refused = await b.post('/admin/appeals/table4/rule', { rule: 'filed', year: '2026' });
    assert.equal(refused.statusCode, 403);

    const admin = await browserOf(await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' }));
    const whole = await admin.get(`/admin/appeals/table4?year=2026&agency=${city.dept.id}`);
    assert.match(whole.body, /测试市教育局，2026年/);
    assert.deepEqual(cells(whole.body), cells(y2026.body));
    const saved = await admin.post('/admin/appeals/table4/rule', { rule: 'filed', year: '2026' });
    assert.equal(saved.statusCode, 303);
    const after = await b.get('/admin/appeals/table4?year=2026');
    assert.match(after.body, /只在立案年度统计/);
    assert.deepEqual(cells(after.body), {
      review: [1, 0, 0, 1, 2],
      suitDirect: [1, 0, 0, 0, 1],
      suitAfterReview: [0, 0, 1, 0, 1],
    });
    // The west district has no appeals in 2026: all zeros.
    assert.deepEqual(cells((await west.get('/admin/appeals/table4?year=2026')).body).review, [0, 0, 0, 0, 0]);
  });
});
