// 工作日历 in the back office, used through the pages as staff would: overrides added, imported and
// deleted within the actor's subtree, national notices by the system administrator, the audit trail,
// and the 1 November warning for next year's missing data.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, count, eq, isNull } from 'drizzle-orm';
import { auditEvent, calendarDay, calendarYear } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

type City = Awaited<ReturnType<typeof buildCity>>;

const auditActions = async (t: TestApp, action: string) =>
  t.deps.db.select().from(auditEvent).where(eq(auditEvent.action, action));
const entryCount = async (t: TestApp) =>
  Number((await t.deps.db.select({ n: count() }).from(calendarDay))[0]!.n);

describe('working-day calendar: back office', () => {
  let t: TestApp;
  let city: City;
  const as: Record<string, Browser> = {};
  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    const users = {
      system: await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' }),
      east: await buildUser(t.deps, { agencyId: city.east.id, role: 'agency_admin' }),
      west: await buildUser(t.deps, { agencyId: city.west.id, role: 'agency_admin' }),
      officer: await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' }),
      publisher: await buildUser(t.deps, { agencyId: city.east.id, role: 'publisher' }),
    };
    for (const [k, u] of Object.entries(users)) {
      as[k] = new Browser(t.app);
      assert.equal((await as[k].login(u.login, u.password)).statusCode, 303);
    }
  });
  after(() => t.close());

  test('from 1 November (Beijing time) the dashboard and the calendar page warn that next year is missing', async () => {
    const warning = /2027年的国务院节假日安排尚未载入/;
    t.setNow(new Date('2026-10-31T02:00:00Z'));
    assert.doesNotMatch((await as.officer!.get('/admin')).body, warning);
    assert.doesNotMatch((await as.officer!.get('/admin/calendar')).body, warning);
    t.setNow(new Date('2026-10-31T16:30:00Z')); // 00:30 on 1 November in Beijing
    assert.match((await as.officer!.get('/admin')).body, warning);
    t.setNow(new Date('2026-11-01T02:00:00Z'));
    const dash = await as.publisher!.get('/admin');
    assert.match(dash.body, warning);
    assert.doesNotMatch(
      dash.body,
      /href="\/admin\/calendar"/,
      'no link for a role that may not open the page',
    );
    const page = await as.officer!.get('/admin/calendar');
    assert.match(page.body, warning);
    t.setNow(new Date('2026-11-28T02:00:00Z'));
  });

  test('staff see each year’s status; only managers get the actions', async () => {
    const res = await as.officer!.get('/admin/calendar');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>工作日历<\/h1>/);
    assert.match(res.body, /href="\/admin\/calendar" aria-current="page">工作日历</);
    assert.match(
      res.body,
      /<a href="\/calendar\/2026">2026<\/a><\/th><td><span class="tag tag-green">官方数据已载入/,
    );
    assert.match(
      res.body,
      /<a href="\/calendar\/2027">2027<\/a><\/th><td><span class="tag tag-red">缺少官方数据/,
    );
    assert.doesNotMatch(res.body, /新增调整/);
    // The source names the official notices, not the package that ships their data.
    assert.match(res.body, /国务院办公厅关于部分节假日安排的通知（系统内置数据，第 [\d.]+ 版）/);
    assert.doesNotMatch(res.body, /chinese-days/);
    // The unverified counting rules and their settings are shown to staff here (not on /deadlines).
    assert.match(res.body, /<h2 id="clock-rules">期限计算规则（默认值，待核实）<\/h2>/);
    assert.match(res.body, /<td>0<\/td><td><code>consultationReceiptAssumedDays<\/code><\/td>/);
    assert.equal((await as.officer!.get('/admin/calendar/new')).statusCode, 403);
    assert.equal((await as.publisher!.get('/admin/calendar')).statusCode, 403);
    assert.doesNotMatch((await as.publisher!.get('/admin')).body, />工作日历</);
    assert.match((await as.east!.get('/admin/calendar')).body, /新增调整/);
  });

  test('an agency admin adds a local closure; it is stored with its source and audited', async () => {
    const b = as.east!;
    const form = await b.get('/admin/calendar/new');
    assert.equal(form.statusCode, 200);
    assert.doesNotMatch(form.body, /value="national"/, 'no national option for an agency admin');
    assert.doesNotMatch(form.body, /西区人民政府/, 'only agencies of the actor’s subtree');
    const res = await b.post('/admin/calendar/days', {
      date: '2026-12-01',
      workday: 'rest',
      name: '台风停止办公',
      source: '东区政府通知〔2026〕1号',
      scope: String(city.east.id),
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/admin/calendar?done=saved');
    const list = await b.get('/admin/calendar?done=saved');
    assert.match(list.body, /日历调整已保存/);
    assert.match(
      list.body,
      /2026年12月1日<\/td><td>放假<\/td><td>台风停止办公<\/td><td>东区人民政府<\/td><td>东区政府通知〔2026〕1号/,
    );
    const [row] = await t.deps.db
      .select()
      .from(calendarDay)
      .where(and(eq(calendarDay.date, '2026-12-01'), eq(calendarDay.agencyId, city.east.id)));
    assert.equal(row!.kind, 'closure');
    assert.equal(row!.workday, false);
    const [event] = await auditActions(t, 'calendar.day-saved');
    assert.equal(event!.subjectId, String(row!.id));
    assert.equal(event!.agencyId, city.east.id);
    assert.deepEqual((event!.data as { after: { source: string } }).after.source, '东区政府通知〔2026〕1号');
  });

  test('a wrong form is shown again with Chinese errors and nothing is stored', async () => {
    const before = await entryCount(t);
    await as.east!.get('/admin/calendar/new');
    const res = await as.east!.post('/admin/calendar/days', {
      date: '2026-02-30',
      workday: '',
      name: '',
      source: '',
      scope: '',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：/);
    for (const msg of [
      '日期无效，应为 YYYY-MM-DD 格式的日期',
      '请选择上班或放假',
      '请填写名称',
      '请填写依据',
      '请选择适用范围',
    ])
      assert.match(res.body, new RegExp(msg));
    assert.match(res.body, /value="2026-02-30"/);
    assert.equal(await entryCount(t), before);
  });

  test('another district’s override is invisible to its admin, and deleting it answers 404', async () => {
    const [row] = await t.deps.db.select().from(calendarDay).where(eq(calendarDay.agencyId, city.east.id));
    const page = await as.west!.get('/admin/calendar');
    assert.doesNotMatch(page.body, /台风停止办公/);
    const res = await as.west!.post(`/admin/calendar/days/${row!.id}/delete`, {});
    assert.equal(res.statusCode, 404);
    assert.ok((await t.deps.db.select().from(calendarDay).where(eq(calendarDay.id, row!.id))).length === 1);
    // Nor can a forged scope put an entry into another district.
    await as.west!.get('/admin/calendar/new');
    const forged = await as.west!.post('/admin/calendar/days', {
      date: '2026-12-02',
      workday: 'rest',
      name: 'x',
      source: 'y',
      scope: String(city.east.id),
    });
    assert.equal(forged.statusCode, 404);
    await as.west!.get('/admin/calendar/new');
    const national = await as.west!.post('/admin/calendar/days', {
      date: '2026-12-02',
      workday: 'rest',
      name: 'x',
      source: 'y',
      scope: 'national',
    });
    assert.equal(national.statusCode, 403);
  });

  test('the agency admin deletes the override (audited)', async () => {
    const [row] = await t.deps.db.select().from(calendarDay).where(eq(calendarDay.agencyId, city.east.id));
    await as.east!.get('/admin/calendar');
    const res = await as.east!.post(`/admin/calendar/days/${row!.id}/delete`, {});
    assert.equal(res.statusCode, 303);
    assert.equal((await t.deps.db.select().from(calendarDay).where(eq(calendarDay.id, row!.id))).length, 0);
    const [event] = await auditActions(t, 'calendar.day-deleted');
    assert.equal(event!.subjectId, String(row!.id));
    assert.equal((event!.data as { before: { name: string } }).before.name, '台风停止办公');
  });

  test('an import with bad lines lists every bad line in Chinese and saves nothing', async () => {
    const before = await entryCount(t);
    const events = (await t.deps.db.select({ n: count() }).from(auditEvent))[0]!.n;
    await as.east!.get('/admin/calendar/import');
    const text = [
      'date,workday,name',
      '2026-12-07,放假,停电停止办公',
      '2026-13-01,放假,坏日期',
      '2026-12-08,也许,停止办公',
      '2026-12-07,上班,重复',
    ].join('\n');
    const res = await as.east!.post('/admin/calendar/import', {
      scope: String(city.east.id),
      source: '东区政府通知〔2026〕9号',
      text,
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /导入内容有 3 处错误，未保存任何数据/);
    assert.match(res.body, /第3行：日期无效/);
    assert.match(res.body, /第4行：“是否上班”应为 true\/false、1\/0 或 上班\/放假（也许）/);
    assert.match(res.body, /第5行：日期 2026-12-07 与第2行重复/);
    assert.equal(await entryCount(t), before);
    assert.equal((await t.deps.db.select({ n: count() }).from(auditEvent))[0]!.n, events);
  });

  test('a pasted CSV is imported and audited as one event', async () => {
    await as.east!.get('/admin/calendar/import');
    const text = 'date,workday,name\n2026-12-07,放假,停电停止办公\n2026-12-08,false,停电停止办公\n';
    const res = await as.east!.post('/admin/calendar/import', {
      scope: String(city.east.id),
      source: '东区政府通知〔2026〕9号',
      text,
    });
    assert.equal(res.statusCode, 303);
    assert.match((await as.east!.get(String(res.headers.location))).body, /共导入 2 个日期/);
    const rows = await t.deps.db.select().from(calendarDay).where(eq(calendarDay.agencyId, city.east.id));
    assert.deepEqual(rows.map((r) => r.date).sort(), ['2026-12-07', '2026-12-08']);
    const [event] = await auditActions(t, 'calendar.imported');
    assert.equal((event!.data as { count: number }).count, 2);
  });

  test('a JSON file is imported through a file upload', async () => {
    const b = as.east!;
    await b.get('/admin/calendar/import');
    const boundary = '----gongkai-test';
    const part = (name: string, value: string, file?: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"${file ? `; filename="${file}"\r\nContent-Type: application/json` : ''}\r\n\r\n${value}\r\n`;
    const json = JSON.stringify([{ date: '2026-12-09', workday: false, name: '停电停止办公' }]);
    const payload =
      part('_csrf', b.csrfToken()) +
      part('scope', String(city.eastTown.id)) +
      part('source', '甲镇通知〔2026〕2号') +
      part('text', '') +
      part('file', json, 'days.json') +
      `--${boundary}--\r\n`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/admin/calendar/import',
      headers: {
        'content-type': `multipart/form-data; boundary=${boundary}`,
        cookie: `gk_sid=${b.cookie('gk_sid')}; gk_csrf=${b.cookie('gk_csrf')}`,
      },
      payload,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 500));
    const [row] = await t.deps.db
      .select()
      .from(calendarDay)
      .where(eq(calendarDay.agencyId, city.eastTown.id));
    assert.equal(row!.date, '2026-12-09');
    assert.equal(row!.source, '甲镇通知〔2026〕2号');
  });

  test('the system administrator enters a new State Council notice and marks the year official', async () => {
    const b = as.system!;
    assert.equal((await as.east!.get('/admin/calendar/official')).statusCode, 403);
    await b.get('/admin/calendar/official');
    const early = await b.post('/admin/calendar/official', {
      year: '2027',
      source: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    assert.equal(early.statusCode, 422, 'no holidays entered yet');
    assert.match(early.body, /2027年尚未录入任何法定节假日/);

    const form = await b.get('/admin/calendar/import');
    assert.match(form.body, /<option value="national">全国（国务院节假日安排）<\/option>/);
    const text = '2027-01-01,放假,元旦\n2027-02-06,放假,春节\n2027-02-07,上班,春节\n';
    const imported = await b.post('/admin/calendar/import', {
      scope: 'national',
      source: '国务院办公厅关于2027年部分节假日安排的通知',
      text,
    });
    assert.equal(imported.statusCode, 303);
    const [makeup] = await t.deps.db
      .select()
      .from(calendarDay)
      .where(and(eq(calendarDay.date, '2027-02-07'), isNull(calendarDay.agencyId)));
    assert.equal(
      makeup!.kind,
      'makeup-workday',
      'a weekend working day of a national notice is a 调休上班日',
    );

    const ok = await b.post('/admin/calendar/official', {
      year: '2027',
      source: '国务院办公厅关于2027年部分节假日安排的通知',
    });
    assert.equal(ok.statusCode, 303);
    const [year] = await t.deps.db.select().from(calendarYear).where(eq(calendarYear.year, 2027));
    assert.equal(year!.official, true);
    const page = await b.get(String(ok.headers.location));
    assert.match(
      page.body,
      /2027<\/a><\/th><td><span class="tag tag-green">官方数据已载入<\/span><\/td><td>国务院办公厅关于2027年部分节假日安排的通知/,
    );
    assert.match(page.body, /已标记为官方数据/);
    const [event] = await auditActions(t, 'calendar.year-marked-official');
    assert.equal(event!.subjectId, '2027');
    // The public calendar now shows the notice's days.
    const pub = await new Browser(t.app).get('/calendar/2027');
    assert.doesNotMatch(pub.body, /2027年尚无官方节假日数据/);
    assert.match(pub.body, /data-date="2027-02-07">.*?调休上班日（春节）/);
  });

  test('the official package rows cannot be deleted', async () => {
    const [row] = await t.deps.db
      .select()
      .from(calendarDay)
      .where(and(eq(calendarDay.date, '2026-10-01'), isNull(calendarDay.agencyId)));
    await as.system!.get('/admin/calendar');
    const res = await as.system!.post(`/admin/calendar/days/${row!.id}/delete`, {});
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /官方数据不能删除/);
    assert.equal((await t.deps.db.select().from(calendarDay).where(eq(calendarDay.id, row!.id))).length, 1);
  });
});
