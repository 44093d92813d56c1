// 在线访谈 (issue 13 item 5): an officer prepares an interview with its guests, the publisher
// announces it (two days ahead: the back office warns), residents ask questions before and during
// without JavaScript, officers record the guests' answers, the questions left open after the end
// show the day they will be answered by (5 working days over 国庆节), the transcript is recorded as
// 「发言人：内容」 lines and published. The portal shows askers only by their masked names.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { interviewQuestion } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildAgency, buildCity, buildUser } from './support/factories.js';
import { loadDemoEngagementExtra } from '../src/demo/engagement-extra.js';

// Monday 28 September 2026, 10:00 in Beijing; the interview is on Wednesday 30 September 09:30–10:30.
const NOW = new Date('2026-09-28T02:00:00Z');
const BEFORE_END = new Date('2026-09-30T01:45:00Z'); // 09:45, live
const AFTER_END = new Date('2026-09-30T03:00:00Z'); // 11:00, ended

describe('在线访谈: announce, ask, answer, open questions due, transcript', () => {
  let t: TestApp;
  let officer: Browser;
  let publisher: Browser;
  let resident: Browser;
  let residentToken: string;
  let interviewId: number;
  let cityId: number;
  let officerUser: { login: string; password: string };
  let publisherUser: { login: string; password: string };
  /** The clock moves by days: sessions end, so the staff log in again. */
  const relogin = async () => {
    officer = await browserOf(officerUser);
    publisher = await browserOf(publisherUser);
  };

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const questions = () =>
    t.deps.db
      .select()
      .from(interviewQuestion)
      .where(eq(interviewQuestion.interviewId, interviewId))
      .orderBy(asc(interviewQuestion.id));

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    const city = await buildCity(t.deps);
    cityId = city.dept.id;
    officerUser = await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' });
    publisherUser = await buildUser(t.deps, { agencyId: city.city.id, role: 'publisher' });
    await relogin();
    resident = new Browser(t.app);
  });
  after(() => t.close());

  test('the officer prepares the interview; guests need a post; a draft is not public', async () => {
    await officer.get('/admin/interviews/new');
    const fields = {
      agencyId: String(cityId),
      title: '聚焦义务教育入学政策',
      intro: '市教育局负责人解读今年的入学政策。',
      guests: '张明，市教育局局长\n李华',
      date: '2026-09-30',
      startTime: '09:30',
      endTime: '10:30',
      answerWithinDays: '5',
    };
    const bad = await officer.post('/admin/interviews/new', fields);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /第2行：请在姓名后写上嘉宾的职务/);
    const res = await officer.post('/admin/interviews/new', {
      ...fields,
      guests: '张明，市教育局局长\n李华，市教育局基础教育处处长',
    });
    assert.equal(res.statusCode, 303);
    interviewId = Number(/\/admin\/interviews\/(\d+)/.exec(String(res.headers.location))![1]);
    const page = await officer.get(`/admin/interviews/${interviewId}`);
    // Announcing today would be two days ahead: warned.
    assert.match(page.body, /现在发布预告距访谈开始不足 3\s*天/);
    assert.equal((await resident.get(`/interviews/${interviewId}`)).statusCode, 404);
  });

  test('the publisher announces it: the portal shows the guests and the time in Beijing time', async () => {
    await publisher.get(`/admin/interviews/${interviewId}`);
    const res = await publisher.post(`/admin/interviews/${interviewId}/announce`, {});
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /done=announced-short/);
    const admin = await publisher.get(String(res.headers.location));
    assert.match(admin.body, /预告发布时距访谈开始不足 3\s*天/);
    const page = await resident.get(`/interviews/${interviewId}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /2026年9月30日 09:30—10:30/);
    assert.match(page.body, /<strong>张明<\/strong> 市教育局局长/);
    assert.match(page.body, /我要提问/);
  });

  test('residents ask before and during, without JavaScript; the name is kept masked', async () => {
    const forged = await resident.post(
      `/interviews/${interviewId}/questions`,
      { content: '问题' },
      { csrf: false },
    );
    assert.equal(forged.statusCode, 403);
    const empty = await resident.submit(
      `/interviews/${interviewId}`,
      `/interviews/${interviewId}/questions`,
      {
        name: '张三丰',
        content: '',
      },
    );
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写您的问题/);
    const asked = await resident.submit(
      `/interviews/${interviewId}`,
      `/interviews/${interviewId}/questions`,
      {
        name: '张三丰',
        content: '随迁子女入学需要哪些材料？',
      },
    );
    assert.equal(asked.statusCode, 303);
    residentToken = resident.csrfToken();
    assert.match((await resident.get(String(asked.headers.location))).body, /您的问题已提交/);
    t.setNow(BEFORE_END);
    for (const [name, content] of <[string, string][]>[
      ['', '学区划分什么时候公布？'],
      ['欧阳娜娜', '民办学校摇号的时间？'],
    ])
      assert.equal(
        (
          await resident.submit(`/interviews/${interviewId}`, `/interviews/${interviewId}/questions`, {
            name,
            content,
          })
        ).statusCode,
        303,
      );
    const rows = await questions();
    assert.deepEqual(
      rows.map((q) => [q.askerName, q.askerNameMasked, q.phase, q.status]),
      [
        ['张三丰', '张*丰', 'before', 'pending'],
        [null, '网友', 'during', 'pending'],
        ['欧阳娜娜', '欧**娜', 'during', 'pending'],
      ],
    );
  });

  test('officers record the guest’s answer live; the portal shows it with the masked name only', async () => {
    const [first] = await questions();
    await relogin();
    await officer.get(`/admin/interviews/${interviewId}`);
    const missing = await officer.post(`/admin/interviews/${interviewId}/questions/${first!.id}`, {
      decision: 'answer',
      [`q${first!.id}-answer`]: '',
      [`q${first!.id}-answeredBy`]: '张明',
    });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /请填写答复内容/);
    const res = await officer.post(`/admin/interviews/${interviewId}/questions/${first!.id}`, {
      decision: 'answer',
      [`q${first!.id}-answer`]: '需要户口簿、居住证和房产证明或租房合同。',
      [`q${first!.id}-answeredBy`]: '张明',
    });
    assert.equal(res.statusCode, 303);
    const page = await resident.get(`/interviews/${interviewId}`);
    assert.match(page.body, /<strong>张\*丰<\/strong> 问：随迁子女入学需要哪些材料？/);
    assert.match(page.body, /需要户口簿、居住证/);
    assert.doesNotMatch(page.body, /张三丰|欧阳娜娜/);
    // Pending questions are not shown while the interview runs.
    assert.doesNotMatch(page.body, /学区划分什么时候公布/);
  });

  test('after the end: no more questions; the open ones are due in 5 working days over 国庆节 (13 October)', async () => {
    t.setNow(AFTER_END);
    await relogin();
    const page = await resident.get(`/interviews/${interviewId}`);
    assert.doesNotMatch(page.body, /我要提问/);
    const late = await resident.post(
      `/interviews/${interviewId}/questions`,
      { content: '还能提问吗？' },
      { csrf: residentToken },
    );
    assert.equal(late.statusCode, 422);
    assert.match(late.body, /访谈已经结束，不再接受提问/);
    // 10-01 … 10-07 holiday; 10-08 (1), 10-09 (2), 10-10 Saturday make-up day (3), 10-12 (4), 10-13 (5).
    assert.match(page.body, /以下问题访谈中未及答复，将于10月13日前答复/);
    assert.match(page.body, /<strong>网友<\/strong> 问：学区划分什么时候公布？/);
    assert.match(page.body, /<strong>欧\*\*娜<\/strong> 问：民办学校摇号的时间？/);
    assert.doesNotMatch(page.body, /欧阳娜娜/);
    const admin = await officer.get(`/admin/interviews/${interviewId}`);
    assert.match(
      admin.body,
      /还有 2 条提问未答复，应于\s*<span class="nowrap">2026年10月13日<\/span>\s*前答复/,
    );
    // A declined question is never shown; an answer after the end is marked as such.
    const [, second, third] = await questions();
    await officer.post(`/admin/interviews/${interviewId}/questions/${second!.id}`, {
      decision: 'answer',
      [`q${second!.id}-answer`]: '学区划分将于每年5月公布。',
      [`q${second!.id}-answeredBy`]: '市教育局',
    });
    await officer.get(`/admin/interviews/${interviewId}`);
    await officer.post(`/admin/interviews/${interviewId}/questions/${third!.id}`, { decision: 'decline' });
    const after = await resident.get(`/interviews/${interviewId}`);
    assert.match(after.body, /学区划分将于每年5月公布/);
    assert.match(after.body, /访谈后答复/);
    assert.doesNotMatch(after.body, /民办学校摇号的时间/);
    assert.doesNotMatch(after.body, /未及答复/);
  });

  test('the transcript: 「发言人：内容」 lines, checked; public only once published', async () => {
    await officer.get(`/admin/interviews/${interviewId}`);
    const bad = await officer.post(`/admin/interviews/${interviewId}/transcript`, {
      transcript: '主持人：各位网友大家好。\n欢迎收看',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /第2行没有发言人：请写成「发言人：内容」/);
    const ok = await officer.post(`/admin/interviews/${interviewId}/transcript`, {
      transcript: '主持人：各位网友大家好。\n张明：谢谢主持人，今年的入学政策有三个变化。',
    });
    assert.equal(ok.statusCode, 303);
    assert.doesNotMatch((await resident.get(`/interviews/${interviewId}`)).body, /今年的入学政策有三个变化/);
    // An officer cannot publish; the publisher can.
    await officer.get(`/admin/interviews/${interviewId}`);
    assert.equal((await officer.post(`/admin/interviews/${interviewId}/publish`, {})).statusCode, 403);
    await publisher.get(`/admin/interviews/${interviewId}`);
    assert.equal((await publisher.post(`/admin/interviews/${interviewId}/publish`, {})).statusCode, 303);
    const page = await resident.get(`/interviews/${interviewId}`);
    assert.match(page.body, /文字实录/);
    assert.match(
      page.body,
      /<span class="transcript-speaker">张明：<\/span>谢谢主持人，今年的入学政策有三个变化。/,
    );
    const list = await resident.get('/interviews');
    assert.match(list.body, /聚焦义务教育入学政策/);
  });
});

describe('the demo city’s survey and interview (src/demo/engagement-extra.ts)', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z'), env: { RATE_LIMIT_MAX: '100000' } });
  });
  after(() => t.close());

  test('loads a survey with published results and an interview with its questions and transcript', async () => {
    const jn = await buildAgency(t.deps, { code: 'JN', name: '江南市人民政府' });
    await buildAgency(t.deps, { parentId: jn.id, code: 'JN.JYJ', name: '江南市教育局' });
    const loaded = await loadDemoEngagementExtra(
      t.deps,
      { actor: { system: true, label: '演示数据加载' } },
      '2026-11-30',
    );
    assert.deepEqual(loaded, { surveys: 1, surveyResponses: 412, interviews: 1, interviewQuestions: 10 });
    const visitor = new Browser(t.app);
    const surveys = await visitor.get('/surveys');
    const surveyHref = /href="(\/surveys\/\d+\/results)"/.exec(surveys.body)![1]!;
    const results = await visitor.get(surveyHref);
    assert.equal(results.statusCode, 200);
    assert.match(results.body, /有效答卷<\/dt>\s*<dd>412 份/);
    const interviews = await visitor.get('/interviews');
    const interviewHref = /href="(\/interviews\/\d+)"/.exec(interviews.body)![1]!;
    const page = await visitor.get(interviewHref);
    // Two days before Monday 30 November is a Saturday: the interview was on Friday 27 November, and
    // its open question is due 5 working days later: 11-30 (1), 12-01 (2), 12-02 (3), 12-03 (4), 12-04 (5).
    assert.match(page.body, /2026年11月27日 09:30—10:30/);
    assert.match(page.body, /将于12月4日前答复/);
    assert.match(page.body, /网友提问与答复（9）/);
    assert.match(page.body, /<span class="transcript-speaker">陈晓东：<\/span>/);
    assert.doesNotMatch(page.body, /王建华|冯晨/);
  });
});
