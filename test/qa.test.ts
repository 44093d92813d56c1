// 答问知识库 (issue 13.6): an officer writes items with alternative questions and linked documents,
// the publisher publishes them; the portal finds them with the document library's Chinese search
// (an alternative question included), counts 有用/没用 votes with the thanks (no JavaScript), hides
// withdrawn items; the back office flags items past their review date or resting on a document no
// longer in force; matchingAnswers finds the relevant item for a letter's text and the component's
// 引用此答复 link carries it to the letter page; reuse is counted with its audit event.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { recordQaReuse } from '../src/commands/qa/reuse.js';
import { auditEvent, document, qaFeedback, qaItem } from '../src/db/schema.js';
import { matchingAnswers, qaAnswerForReuse } from '../src/queries/qa-match.js';
import { searchQa } from '../src/queries/qa-search.js';
import { QaMatches } from '../src/views/admin/qa-matches.js';
import { actorOf } from './support/applications.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { insertDocument } from './support/documents.js';
import { buildCity, buildUser } from './support/factories.js';
import { buildMailbox, letterInState } from './support/letters.js';

const NOW = new Date('2026-11-30T02:00:00Z');

describe('答问知识库', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let officer: Browser;
  let publisher: Browser;
  let officerId: number;
  const ids = {} as { fund: number; baby: number; draft: number };
  const docs = {} as { fund: number; old: number };

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const idOf = (location: unknown) => Number(/\/admin\/qa\/(\d+)/.exec(String(location))![1]);
  const row = async (id: number) => (await t.deps.db.select().from(qaItem).where(eq(qaItem.id, id)))[0]!;

  /** Writes an item through the back-office form and publishes it; returns its id. */
  const write = async (fields: Record<string, string>, publish = true) => {
    await officer.get('/admin/qa/new');
    const res = await officer.post('/admin/qa/new', {
      agencyId: String(city.city.id),
      category: '其他',
      ...fields,
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 2000));
    const id = idOf(res.headers.location);
    if (publish) {
      await publisher.get(`/admin/qa/${id}`);
      const p = await publisher.post(`/admin/qa/${id}/publish`, { version: String((await row(id)).version) });
      assert.equal(p.statusCode, 303);
    }
    return id;
  };

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    const o = await buildUser(t.deps, { agencyId: city.city.id, role: 'officer' });
    const p = await buildUser(t.deps, { agencyId: city.city.id, role: 'publisher' });
    officerId = o.id;
    officer = await browserOf(o);
    publisher = await browserOf(p);
    docs.fund = (
      await insertDocument(t.deps, {
        agencyId: city.city.id,
        title: '测试市住房公积金提取管理办法',
        docNumber: '测府规〔2024〕3号',
        effectLevel: 'normative',
      })
    ).id;
    docs.old = (
      await insertDocument(t.deps, {
        agencyId: city.city.id,
        title: '测试市新生儿落户办理规定',
        docNumber: '测府规〔2019〕1号',
        validity: 'abolished',
      })
    ).id;
    ids.fund = await write({
      question: '租房可以提取住房公积金吗？',
      altQuestions: '无房职工怎样提取公积金付房租\n租房提取需要什么材料',
      answer:
        '在本市无自有住房且租赁住房的职工，可以申请提取住房公积金支付房租。\n\n办理时携带身份证和租赁合同。',
      category: '住房公积金',
      documents: '测府规[2024]3号',
      reviewBy: '2027-06-30',
    });
    ids.baby = await write({
      question: '新生儿怎么办理户口登记？',
      answer: '新生儿出生后一个月内，由监护人持出生医学证明到户籍派出所办理出生登记。',
      category: '户籍办理',
      documents: '测试市新生儿落户办理规定',
      reviewBy: '2026-01-31',
    });
    ids.draft = await write(
      { question: '公积金贷款额度是多少？', answer: '草稿：公积金贷款最高额度。', category: '住房公积金' },
      false,
    );
  });
  after(() => t.close());

  test('the form refuses a document that is not published, with a Chinese message, and stores nothing', async () => {
    await officer.get('/admin/qa/new');
    const res = await officer.post('/admin/qa/new', {
      agencyId: String(city.city.id),
      question: '问题',
      answer: '答复',
      category: '其他',
      documents: '测府规〔2099〕9号',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /没有找到已发布的文件：测府规〔2099〕9号/);
    assert.equal((await t.deps.db.select().from(qaItem).where(eq(qaItem.question, '问题'))).length, 0);
  });

  test('the portal search finds published items by Chinese words, an alternative question included', async () => {
    const page = await officer.get(`/qa?q=${encodeURIComponent('公积金 房租')}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`href="/qa/${ids.fund}"`));
    assert.match(page.body, /找到 1 条/);
    // Only an alternative question has 材料: the item is found and the question shown with it.
    const alt = await searchQa(t.deps.db, { q: '租房提取 材料' });
    assert.deepEqual(
      alt.hits.map((h) => h.id),
      [ids.fund],
    );
    assert.match(alt.hits[0]!.alsoAskedHtml ?? '', /<mark>材料<\/mark>/);
    // The draft is not public, even when its words match.
    const loan = await searchQa(t.deps.db, { q: '贷款额度' });
    assert.equal(loan.total, 0);
    // Nothing found: the query without one of its words is suggested when that finds something.
    const none = await officer.get(`/qa?q=${encodeURIComponent('公积金 火星')}`);
    assert.match(none.body, /没有找到与“公积金 火星”相关的问答/);
    assert.match(none.body, new RegExp(`href="/qa\\?q=${encodeURIComponent('公积金')}"`));
    // Browsing by category.
    const cat = await officer.get(`/qa?category=${encodeURIComponent('户籍办理')}`);
    assert.match(cat.body, new RegExp(`href="/qa/${ids.baby}"`));
    assert.doesNotMatch(cat.body, new RegExp(`href="/qa/${ids.fund}"`));
  });

  test('the item page shows the answer and its documents; a vote is counted with a thanks, without JavaScript', async () => {
    const reader = new Browser(t.app);
    const page = await reader.get(`/qa/${ids.fund}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /这条答复对您有帮助吗？/);
    assert.match(page.body, new RegExp(`href="/documents/${docs.fund}"`));
    assert.match(page.body, /测府规〔2024〕3号/);
    const res = await reader.post(`/qa/${ids.fund}/feedback`, {
      helpful: 'no',
      comment: '没写清楚合同要不要备案',
    });
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, `/qa/${ids.fund}?thanks=no#feedback`);
    const thanks = await reader.get(`/qa/${ids.fund}?thanks=no`);
    assert.match(thanks.body, /感谢您的反馈/);
    await reader.get(`/qa/${ids.fund}`);
    assert.equal((await reader.post(`/qa/${ids.fund}/feedback`, { helpful: 'yes' })).statusCode, 303);
    const r = await row(ids.fund);
    assert.equal(r.helpfulYes, 1);
    assert.equal(r.helpfulNo, 1);
    const votes = await t.deps.db.select().from(qaFeedback).where(eq(qaFeedback.qaId, ids.fund));
    assert.equal(votes.length, 2);
    // A comment too long is refused with the form again, in Chinese, and nothing is counted.
    await reader.get(`/qa/${ids.fund}`);
    const long = await reader.post(`/qa/${ids.fund}/feedback`, { helpful: 'yes', comment: '长'.repeat(501) });
    assert.equal(long.statusCode, 422);
    assert.match(long.body, /意见不能超过 500 个字/);
    assert.equal((await row(ids.fund)).helpfulYes, 1);
    // Without the page's token the vote is refused.
    const forged = await reader.post(`/qa/${ids.fund}/feedback`, { helpful: 'yes' }, { csrf: false });
    assert.equal(forged.statusCode, 403);
    assert.equal((await row(ids.fund)).helpfulYes, 1);
    // The back office shows the counts and the comment.
    const detail = await officer.get(`/admin/qa/${ids.fund}`);
    assert.match(detail.body, /没写清楚合同要不要备案/);
    assert.match(detail.body, /1 人/);
  });

  test('the document page lists the published questions that rest on it (相关问答), never drafts', async () => {
    const page = await new Browser(t.app).get(`/documents/${docs.fund}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h2 id="doc-questions">相关问答<\/h2>/);
    assert.match(page.body, new RegExp(`<a href="/qa/${ids.fund}">租房可以提取住房公积金吗？</a>`));
    assert.doesNotMatch(page.body, /公积金贷款额度是多少/);
  });

  test('flags: past the review date, and a linked document no longer in force', async () => {
    const list = await officer.get('/admin/qa?flag=review');
    assert.match(list.body, new RegExp(`href="/admin/qa/${ids.baby}"`));
    assert.doesNotMatch(list.body, new RegExp(`href="/admin/qa/${ids.fund}"`));
    assert.match(list.body, /已过复核日期/);
    const byDoc = await officer.get('/admin/qa?flag=document');
    assert.match(byDoc.body, new RegExp(`href="/admin/qa/${ids.baby}"`));
    assert.match(byDoc.body, /依据文件已失效/);
    // The fund's document is abolished later: it is flagged too.
    await t.deps.db.update(document).set({ validity: 'abolished' }).where(eq(document.id, docs.fund));
    const after = await officer.get('/admin/qa?flag=document');
    assert.match(after.body, new RegExp(`href="/admin/qa/${ids.fund}"`));
    await t.deps.db.update(document).set({ validity: 'effective' }).where(eq(document.id, docs.fund));
  });

  test('a withdrawn item is not public (page 404, search, votes) and can be published again', async () => {
    const id = await write({
      question: '灵活就业人员如何缴纳社保？',
      answer: '可在社保经办窗口登记参保。',
      category: '社会保障',
    });
    assert.equal((await officer.get(`/qa/${id}`)).statusCode, 200);
    await publisher.get(`/admin/qa/${id}`);
    const w = await publisher.post(`/admin/qa/${id}/withdraw`, {
      version: String((await row(id)).version),
      reason: '政策调整',
    });
    assert.equal(w.statusCode, 303);
    const gone = await new Browser(t.app).get(`/qa/${id}`);
    assert.equal(gone.statusCode, 404);
    assert.match(gone.body, /没有找到该问答/);
    assert.equal((await searchQa(t.deps.db, { q: '灵活就业' })).total, 0);
    const reader = new Browser(t.app);
    await reader.get(`/qa/${ids.fund}`);
    assert.equal((await reader.post(`/qa/${id}/feedback`, { helpful: 'yes' })).statusCode, 404);
    assert.equal((await row(id)).helpfulYes, 0);
    const events = await t.deps.db
      .select({ action: auditEvent.action })
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectType, 'qa_item'), eq(auditEvent.subjectId, String(id))));
    assert.deepEqual(
      events.map((e) => e.action),
      ['qa.created', 'qa.published', 'qa.withdrawn'],
    );
    // An officer cannot publish (the publisher's right).
    await officer.get(`/admin/qa/${id}`);
    const denied = await officer.post(`/admin/qa/${id}/publish`, {
      version: String((await row(id)).version),
    });
    assert.equal(denied.statusCode, 403);
  });

  test('a stale version is refused with the newest text (optimistic lock)', async () => {
    const before = await row(ids.baby);
    await officer.get(`/admin/qa/${ids.baby}/edit`);
    const ok = await officer.post(`/admin/qa/${ids.baby}/edit`, {
      version: String(before.version),
      agencyId: String(city.city.id),
      question: before.question,
      answer: `${before.answer}（已更新）`,
      category: before.category,
      reviewBy: '2027-12-31',
      documents: '',
    });
    assert.equal(ok.statusCode, 303);
    await officer.get(`/admin/qa/${ids.baby}/edit`);
    const stale = await officer.post(`/admin/qa/${ids.baby}/edit`, {
      version: String(before.version),
      agencyId: String(city.city.id),
      question: before.question,
      answer: '旧的答复',
      category: before.category,
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /已被他人更新/);
    assert.match((await row(ids.baby)).answer, /已更新/);
  });

  test('matchingAnswers returns the relevant published item for a letter text; the 引用 link carries it', async () => {
    const letter =
      '关于租房提取公积金的咨询\n您好，我在江南市工作，目前没有自己的房子，一直租房住，请问可以用住房公积金交房租吗？需要带哪些材料？谢谢！';
    const matches = await matchingAnswers(t.deps.db, letter, { limit: 3 });
    assert.equal(matches[0]?.id, ids.fund);
    assert.ok(!matches.some((m) => m.id === ids.draft), 'drafts are never matched');
    assert.deepEqual(
      matches[0]!.documents.map((d) => d.id),
      [docs.fund],
    );
    // A letter about something else brings up nothing.
    assert.deepEqual(await matchingAnswers(t.deps.db, '小区门口路灯坏了很久，晚上出行不便。'), []);
    const html = String(QaMatches({ matches, letterHref: '/admin/letters/7' }));
    assert.match(html, /相关问答/);
    assert.match(html, /租房可以提取住房公积金吗？/);
    assert.match(html, new RegExp(`href="/admin/letters/7\\?useAnswer=${ids.fund}#reply"[^>]*>引用此答复`));
    assert.match(html, new RegExp(`href="/documents/${docs.fund}"`));
    const reuse = await qaAnswerForReuse(t.deps.db, ids.fund);
    assert.match(reuse?.answer ?? '', /可以申请提取住房公积金支付房租/);
    assert.equal(await qaAnswerForReuse(t.deps.db, ids.draft), null);
  });

  test('recordQaReuse counts the reuse with its audit event', async () => {
    const actor = await actorOf(t.deps, officerId);
    await recordQaReuse(t.deps, { actor }, { qaId: ids.fund, letterId: 42 });
    assert.equal((await row(ids.fund)).reuseCount, 1);
    const [e] = await t.deps.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'qa.reused'), eq(auditEvent.subjectId, String(ids.fund))));
    assert.equal((e!.data as { letterId: number }).letterId, 42);
    await assert.rejects(
      () => recordQaReuse(t.deps, { actor }, { qaId: ids.draft, letterId: 42 }),
      /未找到该问答/,
    );
  });
  test('the letter page: 相关问答 beside the reply, 引用此答复 pre-fills it, and the reply counts the reuse', async () => {
    const box = await buildMailbox(t.deps, { agencyId: city.city.id, reviewRequired: false });
    const l = await letterInState(t.deps, box.code, 'handling', {
      title: '关于租房提取公积金的咨询',
      content: '我在本市工作，没有自己的住房，一直租房住，请问可以提取住房公积金交房租吗？',
    });
    const page = await officer.get(`/admin/letters/${l.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /相关问答/);
    assert.match(page.body, new RegExp(`href="/admin/letters/${l.id}\\?useAnswer=${ids.fund}#reply"`));
    const chosen = await officer.get(`/admin/letters/${l.id}?useAnswer=${ids.fund}`);
    assert.match(chosen.body, /已引用答问库中的答复/);
    assert.match(chosen.body, /<textarea[^>]*>[^<]*可以申请提取住房公积金支付房租/);
    assert.match(chosen.body, new RegExp(`name="reply.qaIds" value="${ids.fund}"`));
    const before = (await row(ids.fund)).reuseCount;
    const version = /name="version" value="(\d+)"/.exec(chosen.body)![1]!;
    const sent = await officer.post(`/admin/letters/${l.id}/actions`, {
      action: 'reply',
      version,
      'reply.text': '您好！在本市无自有住房且租赁住房的职工，可以申请提取住房公积金支付房租。',
      'reply.qaIds': String(ids.fund),
    });
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 500));
    assert.equal((await row(ids.fund)).reuseCount, before + 1);
  });
});
