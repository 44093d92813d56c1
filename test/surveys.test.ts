// 网上调查 (issue 13 item 5): an officer drafts a survey with its questions in the back office (a
// form without JavaScript), the publisher opens it, residents answer on the portal without
// JavaScript (CSRF-checked, limited per client address), the results are public only once
// published, as tables with counts and percentages.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { count, eq } from 'drizzle-orm';
import { survey, surveyResponse } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 November 2026 in Beijing

describe('网上调查: draft, open, answer on the portal, publish the results', () => {
  let t: TestApp;
  let officer: Browser;
  let publisher: Browser;
  let eastOfficer: Browser;
  let surveyId: number;
  let cityId: number;
  /** A resident's browser and a token of its session taken while the survey was open. */
  let resident: Browser;
  let residentToken: string;

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const responses = async () =>
    Number(
      (
        await t.deps.db
          .select({ n: count() })
          .from(surveyResponse)
          .where(eq(surveyResponse.surveyId, surveyId))
      )[0]!.n,
    );

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    const city = await buildCity(t.deps);
    cityId = city.city.id;
    officer = await browserOf(await buildUser(t.deps, { agencyId: city.city.id, role: 'officer' }));
    publisher = await browserOf(await buildUser(t.deps, { agencyId: city.city.id, role: 'publisher' }));
    eastOfficer = await browserOf(await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' }));
  });
  after(() => t.close());

  test('the officer drafts a survey: a choice question needs two options; blank blocks are skipped', async () => {
    const page = await officer.get('/admin/surveys/new');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /name="q2.text"/); // blank blocks offered
    const fields = {
      agencyId: String(cityId),
      title: '公交线网优化意见调查',
      intro: '请就公交线路调整谈谈您的看法。',
      opensOn: '',
      closesOn: '2026-12-31',
      'q0.text': '您多久乘坐一次公交？',
      'q0.type': 'single',
      'q0.options': '每天\n每周几次\n很少',
      'q0.required': 'yes',
      'q1.text': '您希望改进哪些方面？',
      'q1.type': 'multiple',
      'q1.options': '发车间隔\n线路覆盖',
      'q2.text': '其他建议',
      'q2.type': 'text',
      'q2.options': '',
      'q3.text': '',
      'q3.type': 'single',
      'q3.options': '',
    };
    const bad = await officer.post('/admin/surveys/new', { ...fields, 'q1.options': '发车间隔' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /第2题：选择题至少要有 2 个选项，每行一个/);
    // A number beyond the id column is a field error, not a database error.
    const huge = await officer.post('/admin/surveys/new', { ...fields, agencyId: '99999999999' });
    assert.equal(huge.statusCode, 422);
    assert.match(huge.body, /请选择发起单位/);
    const res = await officer.post('/admin/surveys/new', fields);
    assert.equal(res.statusCode, 303);
    surveyId = Number(/\/admin\/surveys\/(\d+)/.exec(String(res.headers.location))![1]);
    const [row] = await t.deps.db.select().from(survey).where(eq(survey.id, surveyId));
    assert.equal(row!.state, 'draft');
    assert.deepEqual(
      (row!.questions as { id: string; type: string }[]).map((q) => [q.id, q.type]),
      [
        ['q1', 'single'],
        ['q2', 'multiple'],
        ['q3', 'text'],
      ],
    );
  });

  test('a draft is not on the portal; another district cannot see it; an officer cannot open it', async () => {
    const visitor = new Browser(t.app);
    assert.equal((await visitor.get(`/surveys/${surveyId}`)).statusCode, 404);
    assert.doesNotMatch((await visitor.get('/surveys')).body, /公交线网优化意见调查/);
    assert.equal((await eastOfficer.get(`/admin/surveys/${surveyId}`)).statusCode, 404);
    await officer.get(`/admin/surveys/${surveyId}`);
    assert.equal((await officer.post(`/admin/surveys/${surveyId}/open`, {})).statusCode, 403);
  });

  test('the publisher opens it; a resident answers without JavaScript; mistakes are shown in Chinese', async () => {
    await publisher.get(`/admin/surveys/${surveyId}`);
    const opened = await publisher.post(`/admin/surveys/${surveyId}/open`, {});
    assert.equal(opened.statusCode, 303);
    const visitor = (resident = new Browser(t.app));
    const form = await visitor.get(`/surveys/${surveyId}`);
    residentToken = visitor.csrfToken();
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /type="radio"[^>]*name="q1"/);
    assert.match(form.body, /type="checkbox"[^>]*name="q2.1"/);
    // Without the CSRF token: refused.
    const forged = await visitor.post(`/surveys/${surveyId}`, { q1: '0' }, { csrf: false });
    assert.equal(forged.statusCode, 403);
    const missing = await visitor.submit(`/surveys/${surveyId}`, `/surveys/${surveyId}`, { 'q2.0': 'on' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /第1题：请选择一项/);
    assert.match(missing.body, /name="q2.0"[^>]*checked/); // the answers are shown back
    const ok = await visitor.post(`/surveys/${surveyId}`, {
      q1: '0',
      'q2.0': 'on',
      'q2.1': 'on',
      q3: '增加夜班车',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, `/surveys/${surveyId}/thanks`);
    assert.match((await visitor.get(String(ok.headers.location))).body, /提交成功/);
    for (const answer of <Record<string, string>[]>[{ q1: '0' }, { q1: '2', 'q2.0': 'on' }])
      assert.equal(
        (await visitor.submit(`/surveys/${surveyId}`, `/surveys/${surveyId}`, answer)).statusCode,
        303,
      );
    assert.equal(await responses(), 3);
  });

  test('the results are not public until published; then tables with counts and percentages', async () => {
    const visitor = new Browser(t.app);
    assert.equal((await visitor.get(`/surveys/${surveyId}/results`)).statusCode, 404);
    // The back office sees the tallies so far, and the free texts.
    const staff = await officer.get(`/admin/surveys/${surveyId}`);
    assert.match(staff.body, /增加夜班车/);
    await publisher.get(`/admin/surveys/${surveyId}`);
    const empty = await publisher.post(`/admin/surveys/${surveyId}/publish`, { summary: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写调查结果说明/);
    const res = await publisher.post(`/admin/surveys/${surveyId}/publish`, {
      summary: '多数受访者每天乘坐公交，希望缩短发车间隔。',
    });
    assert.equal(res.statusCode, 303);
    const page = await visitor.get(`/surveys/${surveyId}/results`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /有效答卷<\/dt>\s*<dd>3 份/);
    assert.match(page.body, /多数受访者每天乘坐公交/);
    // q1: 每天 2 of 3 → 66.7%, 很少 1 → 33.3%; q2 (2 answered): 发车间隔 2 → 100.0%, 线路覆盖 1 → 50.0%.
    assert.match(
      page.body,
      /<th scope="row">每天<\/th><td class="num">2<\/td><td class="num">(?:(?!<\/td>).)*66\.7%/s,
    );
    assert.match(
      page.body,
      /<th scope="row">很少<\/th><td class="num">1<\/td><td class="num">(?:(?!<\/td>).)*33\.3%/s,
    );
    assert.match(
      page.body,
      /<th scope="row">线路覆盖<\/th><td class="num">1<\/td><td class="num">(?:(?!<\/td>).)*50\.0%/s,
    );
    // Free texts are counted, not shown.
    assert.doesNotMatch(page.body, /增加夜班车/);
    assert.match(page.body, /文字回答 1 条/);
  });

  test('a closed survey takes no more responses; the form route is limited per client address', async () => {
    const page = await resident.get(`/surveys/${surveyId}`);
    assert.doesNotMatch(page.body, /type="radio"/);
    assert.match(page.body, /查看调查结果/);
    const late = await resident.post(`/surveys/${surveyId}`, { q1: '0' }, { csrf: residentToken });
    assert.equal(late.statusCode, 422);
    assert.match(late.body, /该调查目前不接受填写/);
    assert.equal(await responses(), 3);
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++)
      status = (await resident.post(`/surveys/${surveyId}`, { q1: '0' }, { csrf: residentToken })).statusCode;
    assert.equal(status, 429);
  });
});
