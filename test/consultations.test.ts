// 意见征集 end to end through the pages: a draft linked to a library document by its 文号, a period
// shorter than the type's minimum refused (422, in Chinese, naming the earliest closing day), a
// stale edit refused (409), opinions through the portal without JavaScript and entered by staff,
// closing only after the last day, a reason required unless adopted, and the published feedback
// report whose counts match its opinions and which shows masked names only.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { auditEvent, consultation, consultationOpinion } from '../src/db/schema.js';
import { consultationPeriods } from '../src/queries/consultation-settings.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { insertDocument } from './support/documents.js';
import { buildCity, buildUser } from './support/factories.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 November 2026, 10:00 in Beijing

describe('意见征集 (consultations)', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let head: Browser; // office head of the east district
  let headUser: { login: string; password: string };
  let id: number;

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const row = async () => (await t.deps.db.select().from(consultation).where(eq(consultation.id, id)))[0]!;
  const opinions = () =>
    t.deps.db
      .select()
      .from(consultationOpinion)
      .where(eq(consultationOpinion.consultationId, id))
      .orderBy(asc(consultationOpinion.id));
  const unescape = (html: string) => html.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    headUser = await buildUser(t.deps, { agencyId: city.east.id, role: 'office_head' });
    head = await browserOf(headUser);
    await insertDocument(t.deps, {
      agencyId: city.east.id,
      title: '东区养犬管理办法（征求意见稿）',
      docNumber: '东府〔2026〕9号',
      state: 'draft',
      effectLevel: 'normative',
    });
  });
  after(() => t.close());

  test('a draft linked by 文号 cannot open with 6 working days: 422 naming the minimum and the earliest day', async () => {
    await head.get('/admin/consultations/new');
    const res = await head.post('/admin/consultations/new', {
      agencyId: String(city.east.id),
      title: '东区养犬管理办法（征求意见稿）',
      decisionType: 'normative',
      document: '东府〔2026〕9号',
      description: '为规范养犬行为，起草了本办法。',
      opensOn: '2026-11-30',
      closesOn: '2026-12-07',
    });
    assert.equal(res.statusCode, 303);
    id = Number(/\/admin\/consultations\/(\d+)/.exec(String(res.headers.location))![1]);
    const stored = await row();
    assert.equal(stored.state, 'draft');
    assert.ok(stored.documentId);
    const page = await head.get(`/admin/consultations/${id}?done=created`);
    assert.match(page.body, /草稿已保存。/);
    assert.match(page.body, /东府〔2026〕9号/);
    const open = await head.post(`/admin/consultations/${id}/open`, { version: String(stored.version) });
    assert.equal(open.statusCode, 422);
    const body = unescape(open.body);
    assert.match(body, /行政规范性文件公开征求意见的期限不少于7个工作日/);
    assert.match(body, /本次征集期只有6个工作日/);
    assert.match(body, /截止日期最早为2026年12月8日/);
    assert.equal((await row()).state, 'draft');
    // Not public while a draft.
    assert.equal((await new Browser(t.app).get(`/consultations/${id}`)).statusCode, 404);
  });

  test('a stale edit is refused with 409; the right version saves and the consultation opens', async () => {
    const v = (await row()).version;
    await head.get(`/admin/consultations/${id}/edit`);
    const fields = {
      agencyId: String(city.east.id),
      title: '东区养犬管理办法（征求意见稿）',
      decisionType: 'normative',
      document: '东府〔2026〕9号',
      opensOn: '2026-11-30',
      closesOn: '2026-12-08',
    };
    const stale = await head.post(`/admin/consultations/${id}/edit`, { ...fields, version: String(v - 1) });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /已被他人修改/);
    await head.get(`/admin/consultations/${id}/edit`);
    const saved = await head.post(`/admin/consultations/${id}/edit`, { ...fields, version: String(v) });
    assert.equal(saved.statusCode, 303);
    await head.get(`/admin/consultations/${id}`);
    const open = await head.post(`/admin/consultations/${id}/open`, { version: String(v + 1) });
    assert.equal(open.statusCode, 303);
    assert.equal((await row()).state, 'open');
    const events = await t.deps.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.subjectType, 'consultation'));
    assert.deepEqual(
      events.filter((e) => e.subjectId === String(id)).map((e) => e.action),
      ['consultation.created', 'consultation.updated', 'consultation.opened'],
    );
  });

  test('the page of the document put to consultation links to it (意见征集)', async () => {
    // The consultation's document as the library publishes it (a linked published document).
    const doc = await insertDocument(t.deps, {
      agencyId: city.east.id,
      title: '东区养犬管理办法',
      docNumber: '东府〔2026〕10号',
      effectLevel: 'normative',
    });
    await t.deps.db.update(consultation).set({ documentId: doc.id }).where(eq(consultation.id, id));
    const page = await new Browser(t.app).get(`/documents/${doc.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="doc-consultations">意见征集<\/h2>/);
    assert.match(page.body, new RegExp(`<a href="/consultations/${id}">东区养犬管理办法（征求意见稿）</a>`));
  });

  test('the portal takes an opinion without JavaScript (CSRF form, Post/Redirect/Get)', async () => {
    const visitor = new Browser(t.app);
    const page = await visitor.get(`/consultations/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /还剩 9 天（含今天）/);
    assert.match(page.body, /不少于7个工作日/);
    assert.match(page.body, /<form method="post" action="\/consultations\/\d+\/opinions"/);
    assert.doesNotMatch(page.body, /<script/);
    const empty = await visitor.post(`/consultations/${id}/opinions`, { name: '', content: '' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写意见内容/);
    const noToken = await visitor.post(
      `/consultations/${id}/opinions`,
      { content: '没有令牌的提交' },
      { csrf: false },
    );
    assert.equal(noToken.statusCode, 403);
    await visitor.get(`/consultations/${id}`);
    const sent = await visitor.post(`/consultations/${id}/opinions`, {
      name: '张三丰',
      contact: '13800138000',
      clause: '第五条',
      content: '建议将遛犬时间限制放宽到晚上十点。',
    });
    assert.equal(sent.statusCode, 303);
    const done = await visitor.get(String(sent.headers.location));
    assert.match(done.body, /您的意见已提交/);
    const [o] = await opinions();
    assert.equal(o!.channel, 'online');
    assert.equal(o!.authorNameMasked, '张*丰');
    assert.equal(o!.receivedOn, '2026-11-30');
    assert.ok(o!.contactEnc && !o!.contactEnc.includes('13800138000'), 'the contact is stored encrypted');
  });

  test('staff enter a letter; closing waits for the last day; decisions need a reason unless adopted', async () => {
    await head.get(`/admin/consultations/${id}`);
    const entered = await head.post(`/admin/consultations/${id}/opinions`, {
      channel: 'letter',
      receivedOn: '2026-11-30',
      name: '李四',
      contact: '东区某路1号',
      content: '建议明确大型犬的登记要求。',
    });
    assert.equal(entered.statusCode, 303);
    await head.get(`/admin/consultations/${id}`);
    const early = await head.post(`/admin/consultations/${id}/close`, {
      version: String((await row()).version),
    });
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /征集期至2026年12月8日，期满后才能结束征集/);

    t.setNow(new Date('2026-12-09T02:00:00Z'));
    head = await browserOf(headUser); // the session of nine days ago has expired
    const closedForm = await new Browser(t.app).get(`/consultations/${id}`);
    assert.doesNotMatch(closedForm.body, /action="\/consultations\/\d+\/opinions"/);
    await head.get(`/admin/consultations/${id}`);
    const close = await head.post(`/admin/consultations/${id}/close`, {
      version: String((await row()).version),
    });
    assert.equal(close.statusCode, 303);

    const [first, second] = await opinions();
    await head.get(`/admin/consultations/${id}`);
    const noReason = await head.post(`/admin/consultations/opinions/${first!.id}/decide`, {
      was: 'pending',
      decision: 'not_adopted',
      reason: '',
    });
    assert.equal(noReason.statusCode, 422);
    assert.match(noReason.body, /不予采纳的，请说明理由/);
    await head.get(`/admin/consultations/${id}`);
    const partly = await head.post(`/admin/consultations/opinions/${first!.id}/decide`, {
      was: 'pending',
      decision: 'partly',
      reason: '放宽至晚上九点。',
    });
    assert.equal(partly.statusCode, 303);
    // Publishing with an undecided opinion is refused.
    await head.get(`/admin/consultations/${id}`);
    const tooSoon = await head.post(`/admin/consultations/${id}/feedback`, {
      version: String((await row()).version),
    });
    assert.equal(tooSoon.statusCode, 409);
    assert.match(tooSoon.body, /还有 1 条意见未作出采纳决定/);
    await head.get(`/admin/consultations/${id}`);
    const adopted = await head.post(`/admin/consultations/opinions/${second!.id}/decide`, {
      was: 'pending',
      decision: 'adopted',
      reason: '',
    });
    assert.equal(adopted.statusCode, 303);
    // A second decision from a page read before the first one: 409.
    const stale = await head.post(`/admin/consultations/opinions/${second!.id}/decide`, {
      was: 'pending',
      decision: 'not_adopted',
      reason: '重复',
    });
    assert.equal(stale.statusCode, 409);
    await head.get(`/admin/consultations/${id}`);
    const published = await head.post(`/admin/consultations/${id}/feedback`, {
      version: String((await row()).version),
      feedbackSummary: '共收到意见2条，采纳2条（其中部分采纳1条）。',
    });
    assert.equal(published.statusCode, 303);
    assert.equal((await row()).state, 'feedback_published');
  });

  test('the feedback report counts its opinions and shows masked names only', async () => {
    const visitor = new Browser(t.app);
    const res = await visitor.get(`/consultations/${id}/feedback`);
    assert.equal(res.statusCode, 200);
    const stored = await opinions();
    const body = unescape(res.body);
    assert.match(body, new RegExp(`<dt>收到意见数</dt><dd>${stored.length} 条</dd>`));
    const adopted = stored.filter((o) => o.adoption === 'adopted' || o.adoption === 'partly').length;
    assert.match(body, new RegExp(`<dt>采纳数</dt><dd>${adopted} 条（其中部分采纳 1 条）</dd>`));
    assert.match(body, /征集期间/);
    assert.match(body, /2026年11月30日至2026年12月8日/);
    assert.match(body, /张\*丰/);
    assert.match(body, /李\*/);
    assert.match(body, /放宽至晚上九点。/);
    for (const secret of ['张三丰', '李四', '13800138000', '东区某路1号'])
      for (const url of [`/consultations/${id}/feedback`, `/consultations/${id}`, '/consultations'])
        assert.ok(!unescape((await visitor.get(url)).body).includes(secret), `${secret} on ${url}`);
    const list = await visitor.get('/consultations');
    assert.match(list.body, /已公布采纳情况（1）/);
  });

  test('another district cannot see the consultation (404)', async () => {
    const west = await browserOf(await buildUser(t.deps, { agencyId: city.west.id, role: 'office_head' }));
    assert.equal((await west.get(`/admin/consultations/${id}`)).statusCode, 404);
    const list = await west.get('/admin/consultations');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /东区养犬管理办法/);
  });

  test('the system administrator lengthens a minimum period; nonsense is refused in Chinese', async () => {
    const admin = await browserOf(await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' }));
    const page = await admin.get('/admin/consultations/settings');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /行政规范性文件（涉及市场主体）/);
    const fields = (normativeDays: string) => ({
      'rule.days': '30',
      'rule.unit': 'days',
      'rule.source': '《规章制定程序条例》',
      'normative.days': normativeDays,
      'normative.unit': 'workdays',
      'normative.source': '本省规定',
      'normativeMarket.days': '30',
      'normativeMarket.unit': 'days',
      'normativeMarket.source': '《优化营商环境条例》第六十二条',
      'major_decision.days': '30',
      'major_decision.unit': 'days',
      'major_decision.source': '国务院令第713号 第十四条',
      'other.days': '0',
      'other.unit': 'days',
      'other.source': '由起草机关确定',
    });
    const bad = await admin.post('/admin/consultations/settings', fields('十'));
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /最短期限须为整数/);
    await admin.get('/admin/consultations/settings');
    const ok = await admin.post('/admin/consultations/settings', fields('10'));
    assert.equal(ok.statusCode, 303);
    const periods = await consultationPeriods(t.deps.db);
    assert.deepEqual(periods.normative, { days: 10, unit: 'workdays', source: '本省规定' });
    const [event] = await t.deps.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'consultation.periods-updated'));
    const data = event!.data as { before: Record<string, string>; after: Record<string, string> };
    assert.match(data.before.normative!, /^7个工作日（《国务院办公厅关于加强行政规范性文件/);
    assert.equal(data.after.normative, '10个工作日（本省规定）');
    // An officer may not change them.
    assert.equal((await head.get('/admin/consultations/settings')).statusCode, 403);
    await admin.get('/admin/consultations/settings');
    const restored = await admin.post('/admin/consultations/settings', { ...fields('10'), restore: 'yes' });
    assert.equal(restored.statusCode, 303);
    assert.equal((await consultationPeriods(t.deps.db)).normative.days, 7);
  });
});
