// 政民互动 letters on the portal: the hub and its nav item, the mailboxes, the writing form with its
// rules and error summary, the one-time confirmation, the writer's lookup and rating, the published
// letters and the monthly statistics — through app.inject, like a browser without JavaScript.
// Today is Monday 30 November 2026 in Beijing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { letter, letterFile } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity } from './support/factories.js';
import { buildMailbox, letterInState, validLetter, WRITER } from './support/letters.js';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

let ip = 0;
/** A fresh client address per request where a test sends many (the routes are rate-limited). */
function nextIp(): string {
  ip += 1;
  return `10.1.${Math.floor(ip / 250)}.${(ip % 250) + 1}`;
}

async function multipart(fields: Record<string, string>, files: { name: string; bytes: Buffer }[]) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('attachments', new Blob([new Uint8Array(f.bytes)]), f.name);
  const req = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    payload: Buffer.from(await req.arrayBuffer()),
    contentType: req.headers.get('content-type') ?? '',
  };
}

function summaryLinks(html: string): string[] {
  const summary = /<div class="error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
  return [...summary.matchAll(/<a href="#[^"]+">([^<]*)<\/a>/g)].map((m) => m[1]!);
}

const FORM = (code: string, overrides: Record<string, string> = {}) => {
  const { mailboxCode: _m, publicConsent, ...rest } = validLetter(code);
  return {
    ...Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])),
    ...(publicConsent ? { publicConsent: 'yes' } : {}),
    ...overrides,
  } as Record<string, string>;
};

describe('portal: 政民互动', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
    city = await buildCity(t.deps);
    await buildMailbox(t.deps, {
      agencyId: city.city.id,
      code: 'mayor',
      kind: 'leader',
      name: '市长信箱',
      leaderName: '王某某',
      leaderTitle: '市长',
      intro: '欢迎您给市长写信。',
    });
    await buildMailbox(t.deps, {
      agencyId: city.dept.id,
      code: 'jyj',
      kind: 'agency',
      name: '教育局局长信箱',
    });
    await buildMailbox(t.deps, {
      agencyId: city.city.id,
      code: 'watch',
      kind: 'supervision',
      name: '公众监督',
      nameRequired: false,
      phoneRequired: false,
    });
  });
  after(async () => t?.close());

  async function send(
    b: Browser,
    code: string,
    fields: Record<string, string>,
    files: { name: string; bytes: Buffer }[] = [],
  ) {
    await b.get(`/mailboxes/${code}`);
    const body = await multipart({ _csrf: b.csrfToken(), ...fields }, files);
    return t.app.inject({
      method: 'POST',
      url: `/mailboxes/${code}/submit`,
      payload: body.payload,
      headers: { 'content-type': body.contentType, cookie: `gk_csrf=${b.cookie('gk_csrf')}` },
      remoteAddress: nextIp(),
    });
  }

  async function follow(b: Browser, posted: LightMyRequestResponse): Promise<LightMyRequestResponse> {
    assert.equal(posted.statusCode, 303, posted.body.slice(0, 2000));
    for (const c of posted.cookies) b.setCookie(c.name, c.value);
    return b.get(String(posted.headers.location));
  }

  async function lookup(b: Browser, trackingNumber: string, queryCode: string) {
    await b.get('/letters/lookup');
    return b.post('/letters/lookup', { trackingNumber, queryCode });
  }

  test('the hub links every column, and the portal nav has one item 政民互动 (English: Public engagement)', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/interaction' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>政民互动<\/h1>/);
    for (const href of [
      '/mailboxes',
      '/letters',
      '/letters/statistics',
      '/consultations',
      '/surveys',
      '/interviews',
      '/qa',
    ])
      assert.match(res.body, new RegExp(`<a href="${href}">`), href);
    assert.match(res.body, /<a href="\/interaction" aria-current="page">政民互动<\/a>/);
    const home = await t.app.inject({ method: 'GET', url: '/', cookies: { lang: 'en' } });
    assert.match(home.body, /<a href="\/interaction">Public engagement<\/a>/);
    const en = await t.app.inject({ method: 'GET', url: '/interaction', cookies: { lang: 'en' } });
    assert.match(en.body, /<html lang="zh-CN"/, 'the hub is Chinese only');
  });

  test('the mailboxes, grouped: 领导信箱, 部门信箱, 公众监督', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/mailboxes' });
    assert.equal(res.statusCode, 200);
    const body = res.body;
    const at = (s: string) => body.indexOf(s);
    assert.ok(at('<h2 id="mk-leader">领导信箱</h2>') > 0);
    assert.ok(at('<h2 id="mk-agency">部门信箱</h2>') > at('<h2 id="mk-leader">'));
    assert.ok(at('<h2 id="mk-supervision">公众监督</h2>') > at('<h2 id="mk-agency">'));
    assert.ok(at('<a href="/mailboxes/mayor">市长信箱</a>') > at('mk-leader'));
    assert.ok(at('<a href="/mailboxes/jyj">教育局局长信箱</a>') > at('mk-agency'));
    assert.match(body, /市长 王某某/);
  });

  test('a mailbox states its rules — time limits per kind, what is not accepted, privacy — and asks what it requires', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/mailboxes/mayor' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>市长信箱<\/h1>/);
    assert.match(res.body, /欢迎您给市长写信。/);
    assert.match(res.body, /咨询 5 个工作日/);
    assert.match(res.body, /投诉 7 个工作日/);
    assert.match(res.body, /延长不超过 10 个工作日/);
    assert.match(res.body, /110、119、120/);
    assert.match(res.body, /不会公开/);
    assert.match(
      res.body,
      /<form method="post" action="\/mailboxes\/mayor\/submit" novalidate="" class="letter-form" enctype="multipart\/form-data">/,
    );
    assert.match(res.body, /<label for="f-name">姓名<\/label>/);
    assert.match(res.body, /<label for="f-email">电子邮箱（选填）<\/label>/);
    assert.match(res.body, /type="checkbox" id="f-publicConsent" name="publicConsent" value="yes"/);
    const watch = await t.app.inject({ method: 'GET', url: '/mailboxes/watch' });
    assert.match(watch.body, /<label for="f-name">姓名（选填）<\/label>/);
    assert.match(watch.body, /<label for="f-phone">联系电话（选填）<\/label>/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/mailboxes/nope' })).statusCode, 404);
  });

  test('a form with problems comes back 422 with the summary in form order and everything typed', async () => {
    const b = new Browser(t.app);
    const before = await t.deps.db.$count(letter);
    const res = await send(
      b,
      'mayor',
      FORM('mayor', { kind: '', phone: '12345', title: '', content: '请问何时修路？修路？' }),
    );
    assert.equal(res.statusCode, 422);
    assert.deepEqual(summaryLinks(res.body), [
      '请选择留言类型（咨询、建议、投诉或求助）',
      '联系电话格式不正确，请填写手机号码或带区号的固定电话',
      '请填写标题',
    ]);
    assert.match(res.body, /<title>错误：/);
    assert.match(res.body, /value="12345"/);
    assert.match(res.body, /请问何时修路？修路？<\/textarea>/);
    assert.match(res.body, /value="zhangsanfeng@example.com"/);
    assert.match(res.body, /id="f-publicConsent" name="publicConsent" value="yes" checked/);
    assert.equal(await t.deps.db.$count(letter), before, 'nothing stored');
  });

  test('too many attachments: 「最多 3 个」 with every other problem, nothing stored', async () => {
    const b = new Browser(t.app);
    const before = await t.deps.db.$count(letter);
    const files = [1, 2, 3, 4].map((i) => ({ name: `${i}.pdf`, bytes: PDF }));
    const res = await send(b, 'mayor', FORM('mayor', { title: '' }), files);
    assert.equal(res.statusCode, 422);
    assert.deepEqual(summaryLinks(res.body), ['请填写标题', '附件最多 3 个，您选择了 4 个']);
    assert.equal(await t.deps.db.$count(letter), before);
  });

  test('without the CSRF token the letter is refused', async () => {
    const body = await multipart(FORM('mayor'), []);
    const res = await t.app.inject({
      method: 'POST',
      url: '/mailboxes/mayor/submit',
      payload: body.payload,
      headers: { 'content-type': body.contentType },
      remoteAddress: nextIp(),
    });
    assert.equal(res.statusCode, 403);
  });

  test('writing in: 303 to the confirmation with the number and the code shown once; the writer looks it up', async () => {
    const b = new Browser(t.app);
    const posted = await send(b, 'mayor', FORM('mayor'), [{ name: '照片.pdf', bytes: PDF }]);
    assert.equal(posted.headers['cache-control'], 'no-store');
    const done = await follow(b, posted);
    assert.equal(done.statusCode, 200);
    assert.match(done.body, /<h1>留言已提交<\/h1>/);
    const trackingNumber = /id="tracking-number">([^<]+)</.exec(done.body)?.[1];
    const queryCode = /id="query-code">([^<]+)</.exec(done.body)?.[1];
    assert.ok(trackingNumber && queryCode);
    assert.doesNotMatch(String(posted.headers.location), new RegExp(queryCode));
    const again = await b.get('/letters/done');
    assert.match(again.body, /确认页面已关闭/);
    assert.doesNotMatch(again.body, new RegExp(queryCode));

    const [row] = await t.deps.db.select().from(letter).where(eq(letter.trackingNumber, trackingNumber));
    assert.ok(row);
    assert.equal(row.channel, 'web');
    assert.equal(row.publicConsent, true);
    assert.notEqual(row.phoneEnc, WRITER.phone, 'the phone is stored encrypted');
    assert.equal(await t.deps.db.$count(letterFile, eq(letterFile.letterId, row.id)), 1);

    const found = await lookup(b, trackingNumber, queryCode);
    assert.equal(found.statusCode, 200);
    assert.match(found.body, /<strong id="letter-state">待受理<\/strong>/);
    assert.match(found.body, /关于小区门口道路积水的咨询/);
    assert.doesNotMatch(found.body, /满意度评价/, 'nothing to rate before the reply');

    const wrong = await lookup(b, trackingNumber, '000000');
    assert.equal(wrong.statusCode, 404);
    assert.match(wrong.body, /留言编号或查询码不正确/);
    const unknown = await lookup(b, 'XX0000000000', queryCode);
    assert.equal(unknown.statusCode, 404);
    assert.equal(
      /<div class="error-summary"[\s\S]*?<\/div>/.exec(unknown.body)?.[0],
      /<div class="error-summary"[\s\S]*?<\/div>/.exec(wrong.body)?.[0],
      'the same answer for an unknown number and a wrong code',
    );
  });

  test('after the reply the writer sees it with its date and unit, and rates it once', async () => {
    const l = await letterInState(t.deps, 'jyj', 'replied');
    const b = new Browser(t.app);
    const found = await lookup(b, l.trackingNumber, l.queryCode);
    assert.match(found.body, /<strong id="letter-state">已答复<\/strong>/);
    assert.match(found.body, /积水问题已转市政部门/);
    assert.match(found.body, /测试市教育局/);
    assert.match(found.body, /2026年11月30日/);
    assert.match(found.body, /满意度评价/);
    const token = b.csrfToken();
    const missing = await b.post('/letters/lookup/rate', {
      trackingNumber: l.trackingNumber,
      queryCode: l.queryCode,
    });
    assert.equal(missing.statusCode, 422);
    assert.deepEqual(summaryLinks(missing.body), ['请选择满意程度']);
    const rated = await b.post('/letters/lookup/rate', {
      trackingNumber: l.trackingNumber,
      queryCode: l.queryCode,
      satisfaction: 'satisfied',
      comment: '答复及时',
    });
    assert.equal(rated.statusCode, 200);
    assert.match(rated.body, /感谢您的评价/);
    assert.match(rated.body, /<dd id="satisfaction">满意<\/dd>/);
    assert.doesNotMatch(rated.body, /提交评价/, 'rated once');
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.id, l.id));
    assert.equal(row?.satisfaction, 'satisfied');
    const wrong = await b.post(
      '/letters/lookup/rate',
      { trackingNumber: l.trackingNumber, queryCode: '999999', satisfaction: 'dissatisfied' },
      { csrf: token },
    );
    assert.equal(wrong.statusCode, 404);
  });

  test('published letters: the public version with 受理日期, 答复日期, 答复单位 — never the contact details', async () => {
    const pub = await letterInState(t.deps, 'mayor', 'published');
    const replied = await letterInState(t.deps, 'mayor', 'replied', { title: '未公开的留言标题' });
    const list = await t.app.inject({ method: 'GET', url: '/letters' });
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<h1>留言选登<\/h1>/);
    assert.match(
      list.body,
      new RegExp(`<a class="doc-title" href="/letters/${pub.trackingNumber}">关于小区门口道路积水的咨询</a>`),
    );
    assert.match(list.body, /受理日期：2026年11月30日/);
    assert.match(list.body, /答复日期：2026年11月30日/);
    assert.match(list.body, /答复单位：/);
    assert.doesNotMatch(list.body, /未公开的留言标题/);
    for (const secret of [WRITER.name, WRITER.phone, WRITER.email, WRITER.address])
      assert.ok(!list.body.includes(secret), secret);

    const one = await t.app.inject({ method: 'GET', url: `/letters/${pub.trackingNumber}` });
    assert.equal(one.statusCode, 200);
    assert.match(one.body, /张\*丰/);
    assert.match(one.body, /积水问题已转市政部门/);
    for (const secret of [WRITER.name, WRITER.phone, WRITER.email, WRITER.address])
      assert.ok(!one.body.includes(secret), secret);
    assert.equal(
      (await t.app.inject({ method: 'GET', url: `/letters/${replied.trackingNumber}` })).statusCode,
      404,
    );

    const other = await t.app.inject({ method: 'GET', url: '/letters?mailbox=jyj' });
    assert.doesNotMatch(other.body, new RegExp(pub.trackingNumber));
    const month = await t.app.inject({ method: 'GET', url: '/letters?month=2026-11&mailbox=mayor' });
    assert.match(month.body, new RegExp(pub.trackingNumber));
    const none = await t.app.inject({ method: 'GET', url: '/letters?month=2026-10' });
    assert.match(none.body, /没有符合条件的公开留言/);
  });

  test('monthly statistics per unit: 留言数, 答复数, 答复率, 平均答复用时, 满意率', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/letters/statistics?year=2026&month=11' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>留言办理情况统计<\/h1>/);
    const row =
      /<tr><td class="nowrap">11月<\/td><td>测试市教育局<\/td>(.*?)<\/tr>/.exec(res.body)?.[1] ?? '';
    const cells = [...row.matchAll(/<td class="num[^"]*">([^<]*)<\/td>/g)].map((m) => m[1]);
    // 教育局: one replied letter, rated 满意, replied the day it was received.
    assert.deepEqual(cells, ['1', '1', '100.0%', '0.0 个工作日', '1', '100.0%']);
    assert.match(res.body, /<div class="table-wrap">/);
    const empty = await t.app.inject({ method: 'GET', url: '/letters/statistics?year=2026&month=1' });
    assert.match(empty.body, /所选期间没有留言/);
  });
});
