// 办理规则 (/admin/settings/rules): the system administrator sets the rules the law leaves open, and
// every computation uses them — an application's due date, a transferred case's table 三 row, the
// fee calculator and the public /deadlines calculator.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { appSetting, application, auditEvent, notice } from '../src/db/schema.js';
import { recordApplicationEvent } from '../src/commands/applications/record.js';
import { localDate } from '../src/lib/time.js';
import { applicationCase } from '../src/queries/application-case.js';
import { createTestApp, type TestApp } from './support/app.js';
import { actorOf, submitted } from './support/applications.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 Nov 2026, 10:00 in Beijing

describe('back office: 办理规则', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let admin: Browser;
  let officer: Browser;
  let officerId: number;

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  /** The form as the page shows it, with some fields changed, posted. */
  async function save(changes: Record<string, string>) {
    const page = await admin.get('/admin/settings/rules');
    assert.equal(page.statusCode, 200);
    const fields: Record<string, string> = {};
    for (const m of page.body.matchAll(
      /<input id="[^"]*" name="((?:clock|fees)[^"]*)" type="text" value="([^"]*)"/g,
    ))
      fields[m[1]!] = m[2]!;
    for (const m of page.body.matchAll(/<select id="[^"]*" name="([^"]+)"[^>]*>(.*?)<\/select>/gs))
      fields[m[1]!] = /<option value="([^"]*)" selected/.exec(m[2]!)?.[1] ?? '';
    assert.ok(
      'clock.countFromNextDay' in fields && 'transferOutcome' in fields && 'fees.item.bands.0.rate' in fields,
    );
    return admin.post('/admin/settings/rules', { ...fields, ...changes });
  }

  async function stored() {
    const [row] = await t.deps.db.select().from(appSetting).where(eq(appSetting.key, 'applicationRules'));
    return row?.value;
  }

  async function caseOf(id: number) {
    const actor = await actorOf(t.deps, officerId);
    return applicationCase(t.deps.db, actor, id, localDate(t.deps.now()));
  }

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    admin = await browserOf(await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' }));
    const o = await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' });
    officerId = o.id;
    officer = await browserOf(o);
  });
  after(() => t.close());

  test('only the system administrator sees and changes the rules', async () => {
    assert.equal((await officer.get('/admin/settings/rules')).statusCode, 403);
    const page = await admin.get('/admin/settings/rules');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a href="\/admin\/settings\/rules"[^>]*>办理规则<\/a>/);
    assert.match(page.body, /期限自次日起算/);
    assert.match(page.body, /未见正式文件明确规定/);
    await officer.get('/admin/applications');
    assert.equal(
      (await officer.post('/admin/settings/rules', { 'clock.countFromNextDay': 'false' })).statusCode,
      403,
    );
    assert.equal(await stored(), undefined);
  });

  test('bad input is refused with Chinese messages beside the fields, and nothing is stored', async () => {
    const res = await save({
      'clock.consultationReceiptAssumedDays': '-3',
      'fees.page.bands.1.upTo': '10',
      transferOutcome: 'nonsense',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /class="error-summary"/);
    assert.match(res.body, /应为0至60之间的整数/);
    assert.match(res.body, /第2档的上限应大于上一档的上限（30页）/);
    assert.match(res.body, /请选择转送申请计入的统计项目/);
    assert.match(res.body, /name="clock.consultationReceiptAssumedDays" type="text" value="-3"/);
    assert.equal(await stored(), undefined);
  });

  test('counting from the day of receipt moves an application’s due date (audited)', async () => {
    const s = await submitted(t.deps, city.dept.code, { name: '规则甲' });
    assert.equal((await caseOf(s.id)).view.deadline.dueDate, '2026-12-28');
    const res = await save({ 'clock.countFromNextDay': 'false' });
    assert.equal(res.statusCode, 303);
    const done = await admin.get(res.headers.location as string);
    assert.match(done.body, /办理规则已保存/);
    assert.match(done.body, /<option value="false" selected="">否<\/option>/);
    // Day 1 is Mon 30 Nov itself: 30 Nov (1), 1–4 Dec (5), 7–11 (10), 14–18 (15), 21–25 (20).
    assert.equal((await caseOf(s.id)).view.deadline.dueDate, '2026-12-25');
    // …and so does the inbox (its cached due date is refreshed with the save, not the next night).
    const [cached] = await t.deps.db.select().from(application).where(eq(application.id, s.id));
    assert.equal(cached!.dueDate, '2026-12-25');
    // The public calculator and its explanation follow the rule in force.
    const calc = (await t.app.inject({ url: '/deadlines?received=2026-11-30' })).body;
    assert.match(calc, /2026年12月25日/);
    assert.doesNotMatch(calc, /2026年12月28日/);
    assert.match(calc, /收到申请的当天计为第1个工作日。/);
    // The back office's table of counting rules shows the value in force.
    const rulesTable = (await admin.get('/admin/calendar')).body;
    assert.match(rulesTable, /当天不计，自次日起算<\/td><td>否<\/td>/);
    const later = await submitted(t.deps, city.dept.code, { name: '规则乙' });
    assert.equal(later.dueDate, '2026-12-25');
    const events = await t.deps.db.select().from(auditEvent).where(eq(auditEvent.action, 'rules.updated'));
    assert.equal(events.length, 1);
    assert.deepEqual((events[0]!.data as { after: unknown }).after, { 'clock.countFromNextDay': 'false' });
    const audit = await admin.get('/admin/audit');
    assert.match(audit.body, /修改办理规则/);
  });

  test('a transferred application is counted in the configured table 三 row', async () => {
    const s = await submitted(t.deps, city.dept.code, { name: '转送丙' });
    const page = await officer.get(`/admin/applications/${s.id}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
    assert.ok(version);
    const moved = await officer.post(`/admin/applications/${s.id}/events`, {
      type: 'transferred',
      version,
      'transferred.on': '2026-11-30',
      'transferred.to': '江南市住房和城乡建设局',
      'transferred.reason': '该信息由住建局制作',
      'transferred.note': '电话 0512-00000000，地址 江南市人民路1号',
    });
    assert.equal(moved.statusCode, 303, /error-summary.{0,600}/s.exec(moved.body)?.[0]);
    assert.equal((await caseOf(s.id)).view.outcome, 'unable.notHeld');
    assert.equal((await save({ transferOutcome: 'other.misc' })).statusCode, 303);
    const v = (await caseOf(s.id)).view;
    assert.equal(v.outcome, 'other.misc');
  });

  test('the fee calculator uses the configured bands', async () => {
    const s = await submitted(t.deps, city.dept.code, { name: '收费丁' });
    const url = `/admin/applications/${s.id}?feeMethod=item&feeUnits=25&feeEarlier=0`;
    // Default: 1–10 free, 11–25 at 100 元 = 1500 元.
    assert.match((await officer.get(url)).body, /name="feeNotified.amount" type="number" value="1500"/);
    const res = await save({
      'fees.item.bands.0.upTo': '20',
      'fees.item.bands.1.upTo': '',
      'fees.item.bands.1.rate': '50',
      'fees.item.beyond.every': '',
      'fees.item.beyond.increment': '',
    });
    assert.equal(res.statusCode, 303, /error-summary.{0,800}/s.exec(res.body)?.[0]);
    // 1–20 free, 21–25 at 50 元 = 250 元.
    const after = (await officer.get(url)).body;
    assert.match(after, /name="feeNotified.amount" type="number" value="250"/);
    assert.match(after, /同一申请人一个自然月内累计20件以内免费；按量计收的，30页以内免费/);
  });

  test('the fee notice gives the applicant the configured payment window', async () => {
    const res = await save({ 'clock.feePaymentWindowWorkdays': '10' });
    assert.equal(res.statusCode, 303, /error-summary.{0,800}/s.exec(res.body)?.[0]);
    const s = await submitted(t.deps, city.dept.code, { name: '收费戊' });
    const r = await recordApplicationEvent(
      t.deps,
      { actor: await actorOf(t.deps, officerId) },
      {
        applicationId: s.id,
        version: 1,
        event: { type: 'feeNotified', on: '2026-11-30', amount: 100 },
      },
    );
    const [fee] = await t.deps.db.select().from(notice).where(eq(notice.id, r.notice!.id));
    // 10 working days after Mon 30 Nov: 1–4 Dec (4), 7–11 (9), Mon 14 (10).
    assert.match(fee!.paragraphs.join(''), /请您于2026年12月14日前缴纳/);
  });

  test('restoring the defaults brings back the statutory reading', async () => {
    const res = await admin.post('/admin/settings/rules/defaults', {});
    assert.equal(res.statusCode, 303);
    assert.equal(await stored(), undefined);
    assert.match((await t.app.inject({ url: '/deadlines?received=2026-11-30' })).body, /2026年12月28日/);
    const s = await submitted(t.deps, city.dept.code, { name: '默认戊' });
    assert.equal(s.dueDate, '2026-12-28');
  });
});
