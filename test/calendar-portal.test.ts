// The public calendar pages: a year's working days, its iCalendar export, and "期限如何计算" with its
// calculator — checked for what a visitor sees.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addCalendarEntry } from '../src/commands/calendar-entries.js';
import type { Actor } from '../src/domain/agencies/actor.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity, buildUser } from './support/factories.js';

/** The <td> of one day on a year page. */
function dayCell(html: string, date: string): string {
  const m = new RegExp(`<td class="[^"]*" data-date="${date}">(.*?)</td>`).exec(html);
  assert.ok(m, `no cell for ${date}`);
  return m[0];
}

/** ICS content lines with folding undone. */
const unfold = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n');

describe('public calendar pages', () => {
  let t: TestApp;
  let eastCode: string;
  let eastName: string;
  before(async () => {
    t = await createTestApp();
    // A district's closure must not appear on the public (national) calendar.
    const city = await buildCity(t.deps);
    eastCode = city.east.code;
    eastName = city.east.name;
    const u = await buildUser(t.deps, { agencyId: city.east.id, role: 'agency_admin' });
    const actor: Actor = {
      userId: u.id,
      login: u.login,
      displayName: u.login,
      role: 'agency_admin',
      agencyId: city.east.id,
      agencyName: city.east.name,
      agencyPath: city.east.path,
    };
    await addCalendarEntry(
      t.deps,
      { actor },
      {
        date: '2026-12-01',
        workday: 'rest',
        name: '台风停止办公',
        source: '东区通知',
        scope: String(city.east.id),
      },
    );
  });
  after(() => t.close());

  test('/calendar opens the current year', async () => {
    const res = await t.app.inject({ url: '/calendar' });
    assert.equal(res.statusCode, 302);
    assert.equal(res.headers.location, '/calendar/2026');
  });

  test('the 2026 page marks 10-10 as 调休上班日 and 10-01 as 国庆节, in words, month by month', async () => {
    const res = await t.app.inject({ url: '/calendar/2026' });
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1>2026年工作日历<\/h1>/);
    for (let m = 1; m <= 12; m++) assert.match(html, new RegExp(`<caption>2026年${m}月</caption>`));
    assert.match(html, /<th scope="col"><abbr title="星期一">一<\/abbr><\/th>/);
    assert.match(
      dayCell(html, '2026-10-10'),
      /<span class="cal-mark" aria-hidden="true">班<\/span>.*<span class="visually-hidden">调休上班日（国庆节）<\/span>/,
    );
    assert.match(
      dayCell(html, '2026-10-01'),
      /<span class="cal-name" aria-hidden="true">国庆节<\/span><span class="visually-hidden">法定节假日（国庆节）<\/span>/,
    );
    assert.match(dayCell(html, '2026-10-11'), /休息日/);
    assert.match(dayCell(html, '2026-10-12'), /<span class="visually-hidden">工作日<\/span>/);
    assert.match(
      dayCell(html, '2026-12-01'),
      /<span class="visually-hidden">工作日<\/span>/,
      'national data only',
    );
    assert.match(html, /班：调休上班日/);
    assert.match(html, /全年工作日 248 天/);
    assert.doesNotMatch(html, /尚无官方节假日数据/);
    assert.match(html, /href="\/calendar\/2026.ics"/);
  });

  test('a year without official data says so loudly', async () => {
    const res = await t.app.inject({ url: '/calendar/2028' });
    assert.equal(res.statusCode, 200);
    assert.match(
      res.body,
      /<div class="notice notice-warning notice-loud" role="alert"><h2 class="notice-title">2028年尚无官方节假日数据<\/h2>/,
    );
    assert.match(res.body, /不能据此确定期限/);
    // Without the notice the statutory holidays are still shown (they were plain working days).
    assert.match(dayCell(res.body, '2028-10-02'), /法定节假日（国庆节）/);
    assert.match(dayCell(res.body, '2028-01-25'), /法定节假日（春节）/); // 除夕, computed
    assert.match(dayCell(res.body, '2028-10-04'), /<span class="visually-hidden">工作日<\/span>/);
    assert.equal((await t.app.inject({ url: '/calendar/1999' })).statusCode, 404);
    assert.equal((await t.app.inject({ url: '/calendar/20x6' })).statusCode, 404);
  });

  test('the ICS export has the holidays and make-up days, CRLF line endings and folded lines', async () => {
    const res = await t.app.inject({ url: '/calendar/2026.ics' });
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'text/calendar; charset=utf-8');
    const ics = res.body;
    assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n'));
    assert.ok(ics.endsWith('END:VCALENDAR\r\n'));
    assert.doesNotMatch(ics, /[^\r]\n/, 'every line ends with CRLF');
    for (const line of ics.split('\r\n'))
      assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `line too long: ${line}`);
    assert.match(ics, /\r\n /, 'long lines are folded');
    const lines = unfold(ics);
    // Each VEVENT as its unfolded lines.
    const events: string[][] = [];
    lines.forEach((l, i) => {
      if (l === 'BEGIN:VEVENT') events.push(lines.slice(i, lines.indexOf('END:VEVENT', i) + 1));
    });
    const starting = (date: string) => events.filter((e) => e.includes(`DTSTART;VALUE=DATE:${date}`));
    const [nationalDay] = starting('20261001');
    assert.ok(nationalDay?.includes('SUMMARY:国庆节（放假）'));
    assert.ok(nationalDay!.includes('DTEND;VALUE=DATE:20261008'), 'DTEND is exclusive: 1–7 October');
    assert.equal(starting('20261007').length, 0, 'the holiday block is one event');
    const [makeup, ...more] = starting('20261010');
    assert.equal(more.length, 0);
    assert.ok(makeup?.includes('SUMMARY:调休上班（国庆节）'));
    assert.ok(makeup!.includes('DTEND;VALUE=DATE:20261011'));
    assert.equal(
      lines.filter((l) => l === 'BEGIN:VEVENT').length,
      lines.filter((l) => l === 'END:VEVENT').length,
    );
    // The source is the official notice, not the data package it was copied from.
    assert.ok(
      lines.includes('DESCRIPTION:法定节假日（国庆节）。依据：国务院办公厅关于2026年部分节假日安排的通知'),
    );
    assert.doesNotMatch(ics, /chinese-days/);
    const ics2028 = unfold((await t.app.inject({ url: '/calendar/2028.ics' })).body);
    assert.ok(
      ics2028.includes(
        'DESCRIPTION:法定节假日（元旦）。依据：《全国年节及纪念日放假办法》（2024年修订，国务院令第798号）',
      ),
    );
  });

  test('the portal navigation links to 期限计算', async () => {
    const res = await t.app.inject({ url: '/' });
    assert.match(res.body, /<a href="\/deadlines">期限计算<\/a>/);
  });

  test('期限如何计算 explains the rules and offers a GET calculator', async () => {
    const res = await t.app.inject({ url: '/deadlines' });
    assert.equal(res.statusCode, 200);
    const html = res.body;
    assert.match(html, /<h1>期限如何计算<\/h1>/);
    assert.match(html, /<form method="get" action="\/deadlines#result" novalidate="" class="calculator">/);
    for (const words of [
      '调休上班日',
      '自次日起算',
      '延长的期限最长不得超过20个工作日',
      '期限届满后才批准的延长不产生延长效果',
      '收到补正的申请之日起计算',
      '不计算在答复期限内',
      '第三方应当自收到征求意见书之日起15个工作日内提出意见',
      '最迟到对方15个工作日的答复期限届满之日为止',
      '第三十五条',
      '信息处理费',
      '申请人自收到收费通知之日起20个工作日内未缴费',
      '自该政府信息形成或者变更之日起20个工作日内',
      '春节4天（农历除夕至正月初三）',
      '2019年5月15日',
      '60日内',
      '6个月内',
      '15日内',
    ]) {
      assert.ok(html.includes(words), words);
    }
  });

  test('the public page states the rules applied, not our configuration or doubts', async () => {
    const html = (await t.app.inject({ url: '/deadlines' })).body;
    assert.doesNotMatch(html, /待核实/);
    assert.doesNotMatch(html, /countFromNextDay|pauseExcludes|feePa|unanswered|calendarPeriod|ClockRules/);
    assert.doesNotMatch(html, /chinese-days/);
    assert.doesNotMatch(html, /id="rules"/);
  });

  test('remedies: 行政复议 first for a refusal to disclose (行政复议法 第二十三条), the same words as the 指南', async () => {
    const html = (await t.app.inject({ url: '/deadlines' })).body;
    assert.match(
      html,
      /<li>申请政府信息公开，行政机关决定不予公开（包括部分公开时不予公开的部分）的，应当先申请行政复议；对行政复议决定不服的，再依法提起行政诉讼（《中华人民共和国行政复议法》第二十三条第一款第（四）项，2024年1月1日起施行）。<\/li>/,
    );
    assert.match(
      html,
      /以及对2024年1月1日以前作出的不予公开决定不服的，可以申请行政复议，也可以直接向人民法院提起行政诉讼/,
    );
  });

  test('the result comes before the form, and the form leads back to it', async () => {
    const html = (await t.app.inject({ url: '/deadlines?received=2026-09-30' })).body;
    const result = html.indexOf('id="result"');
    assert.ok(result > 0 && result < html.indexOf('<form method="get" action="/deadlines'), 'result first');
    assert.match(html, /<dt>状态<\/dt><dd>/);
  });

  test('dates as people write them: 2026/9/30, 2026年9月30日, 2026-9-30, 2026.9.30', async () => {
    for (const typed of ['2026/9/30', '2026年9月30日', '2026-9-30', '2026.9.30', '２０２６/９/３０']) {
      const res = await t.app.inject({ url: `/deadlines?received=${encodeURIComponent(typed)}` });
      assert.equal(res.statusCode, 200, typed);
      assert.match(res.body, /<strong class="due-date">2026年11月3日<\/strong>/, typed);
    }
  });

  test('an agency can be chosen so that its own closures count', async () => {
    // Received Friday 2026-11-20: 11-23..27 = 5; 11-30 = 6; 12-01 (东区 closure) not counted for 东区;
    // 12-02..04 = 9; 12-07..11 = 14; 12-14..18 = 19; 12-21 = 20. Nationally 12-01 counts: due 12-18.
    const national = (await t.app.inject({ url: '/deadlines?received=2026-11-20' })).body;
    assert.match(national, /<strong class="due-date">2026年12月18日<\/strong>/);
    const page = await t.app.inject({ url: `/deadlines?received=2026-11-20&agency=${eastCode}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<strong class="due-date">2026年12月21日<\/strong>/);
    assert.match(page.body, /台风停止办公（依据：东区通知）/);
    assert.ok(page.body.includes(`${eastName}的工作日历（含其停止办公日）`));
    assert.match(page.body, new RegExp(`<option value="${eastCode}" selected="">`));
    const unknown = await t.app.inject({ url: '/deadlines?received=2026-11-20&agency=NOPE' });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /请从列表中选择机构/);
  });

  test('a receipt before 2019-05-15 is refused with the reason', async () => {
    const res = await t.app.inject({ url: '/deadlines?received=2019-05-14' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /收到申请之日早于2019年5月15日：修订后的《政府信息公开条例》自该日起施行/);
  });

  test('overdue on a rest day is said in days, never 「已逾期 0 个工作日」', async () => {
    // The test clock is Saturday 2026-11-28. Received 2026-10-29 → 10-30 = 1; 11-02..06 = 6; 11-09..13 = 11; 11-16..20 = 16; 11-23..26 = 20
    // → due Thursday 11-26; Friday 11-27 = 1 working day, Saturday 11-28: 2 days.
    const html = (await t.app.inject({ url: '/deadlines?received=2026-10-29' })).body;
    assert.match(html, /<dd>已逾期 1 个工作日（2 天），答复期限为 2026-11-26（今天为 2026-11-28）<\/dd>/);
    // Received 2026-10-30 → due Friday 11-27: overdue by one day, no working day since.
    const rest = (await t.app.inject({ url: '/deadlines?received=2026-10-30' })).body;
    assert.match(rest, /<dd>已逾期 1 天：答复期限 2026-11-27 已过，此后尚未经过工作日/);
    assert.doesNotMatch(rest, /已逾期 0 个工作日/);
  });

  test('the calculator reproduces 2026-12-01 for received 2026-09-30 with a 20-day extension, with the full explanation', async () => {
    const res = await t.app.inject({
      url: '/deadlines?received=2026-09-30&corrected=&p1from=&p1to=&extend=20',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<dt>答复期限<\/dt><dd><strong class="due-date">2026年12月1日<\/strong>/);
    assert.match(res.body, /<dt>原答复期限（20个工作日）<\/dt><dd>2026年11月3日/);
    assert.match(
      res.body,
      /<th scope="row">2026年10月1日 至 2026年10月7日<\/th><td>7<\/td><td>国庆节<\/td><td>不计<\/td>/,
    );
    assert.match(
      res.body,
      /<th scope="row">2026年10月10日<\/th><td>1<\/td><td>调休上班日（国庆节）<\/td><td>1<\/td>/,
    );
    assert.match(res.body, /延长答复期限（第三十三条第二款）/);
    assert.match(res.body, /<th scope="row" colspan="3">合计<\/th><td>40<\/td>/);
    assert.match(res.body, /value="2026-09-30"/, 'the form keeps what was typed');
  });

  test('pauses are excluded: received 2026-09-01, paused 09-10..09-25 → 2026-10-21', async () => {
    const res = await t.app.inject({
      url: '/deadlines?received=2026-09-01&p1from=2026-09-10&p1to=2026-09-25',
    });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<strong class="due-date">2026年10月21日<\/strong>/);
    assert.match(res.body, /不计算在期限内的期间/);
    // Paused 09-10..15 instead, the due date is Saturday 10-10, a 调休上班日: the page says so.
    const makeup = await t.app.inject({
      url: '/deadlines?received=2026-09-01&p1from=2026-09-10&p1to=2026-09-15',
    });
    assert.match(
      makeup.body,
      /<strong class="due-date">2026年10月10日<\/strong><span class="hint">（该日为调休上班日（国庆节），是工作日）<\/span>/,
    );
  });

  test('a deadline reaching into a year without official data is flagged', async () => {
    const res = await t.app.inject({ url: '/deadlines?received=2027-12-20' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /2027年尚无国务院办公厅的节假日安排数据/);
    assert.match(res.body, /2028年尚无国务院办公厅的节假日安排数据/);
  });

  test('a bad date is shown with the error summary and 422', async () => {
    const res = await t.app.inject({ url: '/deadlines?received=2026-02-30&p2from=2026-10-01&extend=25' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：期限如何计算/);
    assert.match(res.body, /<div class="error-summary"/);
    assert.match(
      res.body,
      /<a href="#f-received">收到申请之日应为有效日期，例如 2026-09-30、2026\/9\/30 或 2026年9月30日/,
    );
    assert.match(res.body, /<a href="#f-p2to">请填写第2段暂停的结束日<\/a>/);
    assert.match(res.body, /延长答复期限最长不得超过20个工作日（第三十三条第二款）/);
    assert.match(res.body, /value="2026-02-30"/);
    assert.doesNotMatch(res.body, /class="due-date"/);
    const empty = await t.app.inject({ url: '/deadlines?received=' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写收到申请之日/);
  });
});
