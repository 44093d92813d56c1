// The annual report in the back office (issue 12, items 3–5): a report whose tables break A1 cannot be
// submitted; texts with placeholders and a typed figure that contradicts the tables (C4, a warning
// to acknowledge); draft → submitted → returned with comments → submitted → approved → published,
// each step audited and taken only by its role; the supervising office's review; 404 outside the
// actor's scope; CSRF on every form. PGlite, or PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { importReport } from '../src/commands/reports/import-report.js';
import { annualReport, auditEvent } from '../src/db/schema.js';
import { parseReport } from '../src/domain/reports/parse/parse-report.js';
import { createTestApp, type TestApp } from './support/app.js';
import { SYSTEM, insertApplications } from './support/annual-report.js';
import { Browser } from './support/browser.js';
import { enterEveryFigure, REPORT_TEXTS } from './support/annual-report-workflow.js';
import { buildCity, buildUser } from './support/factories.js';

const NOW = new Date('2021-02-10T02:00:00Z'); // 10 February 2021 in Beijing: 2020's reports are due
const TEXT = readFileSync('test/fixtures/reports/2020-suzhou-city.txt', 'utf8');

describe('back office: annual reports (年度报告)', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  const as: Record<string, Browser> = {};

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const rowsOf = (agencyId: number) =>
    t.deps.db
      .select()
      .from(annualReport)
      .where(and(eq(annualReport.agencyId, agencyId), eq(annualReport.year, 2020)))
      .orderBy(annualReport.version);
  const base = (agencyId: number) => `/admin/reports/${agencyId}/2020/own`;
  const TEXTS = REPORT_TEXTS;
  /** Opens the report page (for its CSRF token and revision) and posts a step. */
  const step = async (b: Browser, agencyId: number, path: string, fields: Record<string, string> = {}) => {
    const page = await b.get(base(agencyId));
    assert.equal(page.statusCode, 200);
    // The revision the page shows; a page without a form for this person: the stored one.
    const stored = (await rowsOf(agencyId)).at(-1)?.revision;
    const revision = /name="revision" value="(\d+)"/.exec(page.body)?.[1] ?? String(stored ?? '');
    return b.post(`${base(agencyId)}/${path}`, { revision, ...fields });
  };

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    const users = {
      eastOfficer: await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' }),
      eastHead: await buildUser(t.deps, { agencyId: city.east.id, role: 'office_head' }),
      eastPublisher: await buildUser(t.deps, { agencyId: city.east.id, role: 'publisher' }),
      cityHead: await buildUser(t.deps, { agencyId: city.city.id, role: 'office_head' }),
      cityAdmin: await buildUser(t.deps, { agencyId: city.city.id, role: 'agency_admin' }),
      deptHead: await buildUser(t.deps, { agencyId: city.dept.id, role: 'office_head' }),
      westOfficer: await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' }),
    };
    for (const [k, u] of Object.entries(users)) as[k] = await browserOf(u);
    // East: three applications of 2020, one of them with a 信息处理费 of 120 yuan paid.
    await insertApplications(t.deps.db, [
      {
        agencyId: city.east.id,
        applicantType: 'natural',
        receivedOn: '2020-03-02',
        concludedOn: '2020-03-20',
        outcome: 'granted',
      },
      {
        agencyId: city.east.id,
        applicantType: 'natural',
        receivedOn: '2020-05-06',
        concludedOn: '2020-05-25',
        outcome: 'granted',
        fee: { amount: 120, paidOn: '2020-05-12' },
      },
      {
        agencyId: city.east.id,
        applicantType: 'commercial',
        receivedOn: '2020-07-01',
        concludedOn: '2020-07-20',
        outcome: 'granted',
      },
    ]);
    // East has entered every table-二 figure (a missing one is a B5 error).
    await enterEveryFigure(t.deps, city.east.id, 2020);
  });
  after(() => t.close());

  test('a report whose tables break A1 cannot be submitted: the error names its cells, the report stays a draft', async () => {
    const bad = TEXT.replace('\n78 |\n6 |\n', '\n79 |\n6 |\n');
    await importReport(t.deps, SYSTEM, {
      agencyId: city.dept.id,
      year: 2020,
      fileName: '年报.txt',
      bytes: Buffer.from(bad),
      report: parseReport(bad),
      acceptViolations: true,
    });
    const head = as.deptHead!;
    const saved = await head.post(`${base(city.dept.id)}/texts`, TEXTS, {
      csrf: await head.get(base(city.dept.id)).then(() => head.csrfToken()),
    });
    assert.equal(saved.statusCode, 303);
    const page = await head.get(base(city.dept.id));
    assert.match(page.body, /错误 \d+ 项/);
    assert.match(page.body, /表三「自然人」列：本年新收加上年结转为/);
    assert.match(page.body, /涉及单元格：表三「一、本年新收政府信息公开申请数量」行「自然人」列/);
    const res = await step(head, city.dept.id, 'submit');
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /href="#f-findings">报告有 \d+ 项错误，须先更正数据后才能报送/);
    const [row] = await rowsOf(city.dept.id);
    assert.equal(row!.state, 'draft');
    assert.equal(row!.frozen, null);
  });

  test('draft → submitted → returned → submitted → approved → published, by role, audited, frozen', async () => {
    const officer = as.eastOfficer!;
    await officer.get(base(city.east.id));
    const typed = {
      ...TEXTS,
      overviewSupervision: '全年发生政府信息公开行政复议2件、行政诉讼0件。',
      other: '本年度收取信息处理费100元。',
    };
    assert.equal((await officer.post(`${base(city.east.id)}/texts`, typed)).statusCode, 303);
    const draft = await officer.get(base(city.east.id));
    assert.match(draft.body, /全年共收到政府信息公开申请3件/, 'the placeholder is filled from table 三');
    assert.match(draft.body, /据收费通知本年实际收取信息处理费 120 元/, 'C4 on the fees typed in 六');
    assert.match(draft.body, /表四「行政复议」「总计」/, 'C4 names the cell the typed figure contradicts');
    // An officer may edit but not submit.
    const byOfficer = await step(officer, city.east.id, 'submit');
    assert.equal(byOfficer.statusCode, 403, /error-summary[\s\S]{0,600}/.exec(byOfficer.body)?.[0]);

    const head = as.eastHead!;
    const unacked = await step(head, city.east.id, 'submit');
    assert.equal(unacked.statusCode, 422);
    assert.match(unacked.body, /href="#f-acknowledged">还有 \d+ 条提示未确认/);
    const page = await head.get(base(city.east.id));
    const ids = [...page.body.matchAll(/name="acknowledged" value="([^"]+)"/g)].map((m) =>
      m[1]!.replace(/&amp;/g, '&'),
    );
    assert.ok(ids.length >= 2);
    const revision = /name="revision" value="(\d+)"/.exec(page.body)![1]!;
    const body = new URLSearchParams({ _csrf: head.csrfToken(), revision });
    for (const id of ids) body.append('acknowledged', id);
    const submitted = await t.app.inject({
      method: 'POST',
      url: `${base(city.east.id)}/submit`,
      headers: { cookie: `${cookieOf(head)}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: body.toString(),
    });
    assert.equal(submitted.statusCode, 303, submitted.body.slice(0, 300));
    let [row] = await rowsOf(city.east.id);
    assert.equal(row!.state, 'submitted');
    assert.equal(
      (row!.frozen as { table3: { rows: Record<string, number[]> } }).table3.rows.newReceived![6],
      3,
    );

    // The east office head cannot review its own report; the city's (the supervising office) can.
    assert.equal(
      (await step(head, city.east.id, 'review', { decision: 'approve', comment: '' })).statusCode,
      403,
    );
    const cityHead = as.cityHead!;
    const noComment = await step(cityHead, city.east.id, 'review', { decision: 'return', comment: '' });
    assert.equal(noComment.statusCode, 422);
    assert.match(noComment.body, /退回修改时请填写审核意见/);
    assert.equal(
      (await step(cityHead, city.east.id, 'review', { decision: 'return', comment: '请补充监督保障情况。' }))
        .statusCode,
      303,
    );
    const returned = await head.get(base(city.east.id));
    assert.match(returned.body, /已退回修改/);
    assert.match(returned.body, /请补充监督保障情况。/);

    // Resubmitted with the (same) warnings acknowledged, approved, published by the publisher.
    const again = await head.get(base(city.east.id));
    const rev2 = /name="revision" value="(\d+)"/.exec(again.body)![1]!;
    const body2 = new URLSearchParams({ _csrf: head.csrfToken(), revision: rev2 });
    for (const m of again.body.matchAll(/name="acknowledged" value="([^"]+)"/g))
      body2.append('acknowledged', m[1]!.replace(/&amp;/g, '&'));
    const resubmitted = await t.app.inject({
      method: 'POST',
      url: `${base(city.east.id)}/submit`,
      headers: { cookie: cookieOf(head), 'content-type': 'application/x-www-form-urlencoded' },
      payload: body2.toString(),
    });
    assert.equal(resubmitted.statusCode, 303);
    assert.equal(
      (await step(cityHead, city.east.id, 'review', { decision: 'approve', comment: '' })).statusCode,
      303,
    );
    assert.equal((await step(officer, city.east.id, 'publish')).statusCode, 403);
    assert.equal((await step(as.eastPublisher!, city.east.id, 'publish')).statusCode, 303);
    [row] = await rowsOf(city.east.id);
    assert.equal(row!.state, 'published');
    const actions = (
      await t.deps.db.select().from(auditEvent).where(eq(auditEvent.subjectType, 'annual_report'))
    )
      .filter((e) => e.subjectId === String(row!.id))
      .map((e) => e.action);
    assert.deepEqual(actions, [
      'report.created',
      'report.submitted',
      'report.returned',
      'report.submitted',
      'report.approved',
      'report.published',
    ]);
  });

  test('another district’s officer gets 404; a form without its CSRF token is refused', async () => {
    const west = as.westOfficer!;
    assert.equal((await west.get(base(city.east.id))).statusCode, 404);
    await west.get(base(city.west.id));
    assert.equal((await west.post(`${base(city.east.id)}/texts`, TEXTS)).statusCode, 404);
    assert.equal((await west.get(`${base(city.east.id)}/figures`)).statusCode, 404);
    const forged = await as.eastOfficer!.post(`${base(city.east.id)}/texts`, TEXTS, { csrf: false });
    assert.equal(forged.statusCode, 403);
  });

  test('the subtree’s status shows who submitted and who is overdue; a jurisdiction sets its own deadline', async () => {
    const admin = as.cityAdmin!;
    const status = await admin.get('/admin/reports?year=2020');
    assert.equal(status.statusCode, 200);
    const line = (name: string) => new RegExp(`${name}</th>[\\s\\S]*?</tr>`).exec(status.body)?.[0] ?? '';
    assert.match(line('东区人民政府'), /已发布/);
    assert.match(line('东区人民政府'), /2021年3月31日/, 'a district government: 31 March (第四十九条)');
    assert.match(line('测试市教育局'), /2021年1月31日/);
    assert.match(line('测试市教育局'), /已逾期/);
    await admin.get('/admin/reports/deadlines');
    const bad = await admin.post('/admin/reports/deadlines', {
      agencyId: String(city.city.id),
      level: 'department',
      month: '2',
      day: '30',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /2月没有30日/);
    const ok = await admin.post('/admin/reports/deadlines', {
      agencyId: String(city.city.id),
      level: 'department',
      month: '2',
      day: '20',
      note: '市政府办公室通知',
    });
    assert.equal(ok.statusCode, 303);
    const later = await admin.get('/admin/reports?year=2020');
    const dept = /测试市教育局<\/th>[\s\S]*?<\/tr>/.exec(later.body)![0];
    assert.match(dept, /2021年2月20日/);
    assert.doesNotMatch(dept, /已逾期/);
    assert.equal((await as.eastOfficer!.get('/admin/reports/deadlines')).statusCode, 403);
  });

  test('the table-二 figures form: a bad figure is named in the summary; saved figures feed the report', async () => {
    const west = `/admin/reports/${city.west.id}/2020/own`;
    const b = as.westOfficer!;
    const form = await b.get(`${west}/figures`);
    assert.equal(form.statusCode, 200);
    const bad = await b.post(`${west}/figures`, { 'c.licensing.decisions': '一百' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#f-c-licensing-decisions"/);
    const ok = await b.post(`${west}/figures`, {
      'c.licensing.decisions': '812',
      sourceNote: '区审批局提供',
    });
    assert.equal(ok.statusCode, 303);
    const page = await b.get(String(ok.headers.location));
    assert.match(page.body, /表二数据已保存/);
    assert.match(page.body, /行政许可：人工填报/);
    assert.match(page.body, />812</);
  });
});

function cookieOf(b: Browser): string {
  return (b as unknown as { cookieHeader(): string }).cookieHeader();
}
