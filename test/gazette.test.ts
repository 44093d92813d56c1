// 政府公报 (issue 10 item 4): the publisher creates an issue, adds published documents by 发文字号
// (any bracket) or from the list, orders them, uploads the issue's PDF (only a PDF); another
// district's publisher cannot see it, an officer cannot compile; the portal lists the issues by year,
// shows an issue's documents and PDF, and searches the documents the gazette published.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, like } from 'drizzle-orm';
import { auditEvent, document, gazetteIssue, gazetteItem, storedFile } from '../src/db/schema.js';
import { documentSearchColumns } from '../src/lib/chinese-tokens.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';
import { postMultipart } from './support/report-check.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 November 2026 in Beijing
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('政府公报: issues, their documents and PDF, in the back office and on the portal', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let publisher: Browser; // the city's publisher
  let officer: Browser; // the city's officer: writes documents, does not compile the gazette
  let eastPublisher: Browser; // another government's publisher
  let issueId: number;
  const docs: Record<string, number> = {};

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const cookieOf = (b: Browser) => (b as unknown as { cookieHeader(): string }).cookieHeader();
  const insertDoc = async (
    key: string,
    d: { agencyId: number; title: string; docNumber?: string; body?: string; state?: string; kind?: string },
  ) => {
    const [row] = await t.deps.db
      .insert(document)
      .values({
        agencyId: d.agencyId,
        kind: d.kind ?? 'document',
        title: d.title,
        docNumber: d.docNumber ?? null,
        docNumberNorm: d.docNumber ?? null,
        bodyText: d.body ?? '',
        bodyHtml: `<p>${d.body ?? ''}</p>`,
        state: d.state ?? 'published',
        writtenOn: '2026-03-02',
        publishedOn: d.state === 'draft' ? null : '2026-03-05',
        ...documentSearchColumns({ title: d.title, docNumber: d.docNumber, bodyText: d.body }),
      })
      .returning({ id: document.id });
    docs[key] = row!.id;
  };
  const itemsOf = async (id: number) =>
    (
      await t.deps.db
        .select({ documentId: gazetteItem.documentId, position: gazetteItem.position })
        .from(gazetteItem)
        .where(eq(gazetteItem.issueId, id))
        .orderBy(asc(gazetteItem.position))
    ).map((i) => i.documentId);

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    publisher = await browserOf(await buildUser(t.deps, { agencyId: city.city.id, role: 'publisher' }));
    officer = await browserOf(await buildUser(t.deps, { agencyId: city.city.id, role: 'officer' }));
    eastPublisher = await browserOf(await buildUser(t.deps, { agencyId: city.east.id, role: 'publisher' }));
    await insertDoc('rules', {
      agencyId: city.city.id,
      title: '测试市行政复议工作规定',
      docNumber: '测府〔2026〕3号',
      body: '为了规范行政复议工作，根据有关法律法规，制定本规定。',
    });
    await insertDoc('plan', {
      agencyId: city.dept.id,
      title: '测试市教育局关于印发学前教育发展行动计划的通知',
      docNumber: '测教发〔2026〕12号',
      body: '各区教育局：现将学前教育发展行动计划印发给你们，请认真贯彻执行。',
    });
    await insertDoc('draft', {
      agencyId: city.city.id,
      title: '尚未发布的草稿',
      docNumber: '测府〔2026〕9号',
      state: 'draft',
    });
    await insertDoc('reading', {
      agencyId: city.city.id,
      title: '《测试市行政复议工作规定》政策解读',
      kind: 'interpretation',
    });
    await insertDoc('west', {
      agencyId: city.west.id,
      title: '西区行政复议案件办理规程',
      docNumber: '西府〔2026〕1号',
    });
    await insertDoc('outside', {
      agencyId: city.city.id,
      title: '测试市行政复议听证办法',
      docNumber: '测府〔2026〕20号',
      body: '行政复议听证。',
    });
  });
  after(() => t.close());

  test('the publisher creates an issue; the same number twice is refused with a Chinese message', async () => {
    const form = await publisher.get('/admin/gazette/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="number"[^>]*value="1"/); // the first issue of the year
    const res = await publisher.post('/admin/gazette/new', {
      agencyId: String(city.city.id),
      year: '2026',
      number: '1',
      totalNumber: '101',
      publishedOn: '2026-03-10',
    });
    assert.equal(res.statusCode, 303);
    issueId = Number(/\/admin\/gazette\/(\d+)/.exec(String(res.headers.location))![1]);
    const page = await publisher.get(String(res.headers.location));
    assert.match(page.body, /2026年第1期（总第101期）/);
    assert.match(page.body, /已新增本期公报/);

    await publisher.get('/admin/gazette/new');
    const dup = await publisher.post('/admin/gazette/new', {
      agencyId: String(city.city.id),
      year: '2026',
      number: '1',
      publishedOn: '2026-03-20',
    });
    assert.equal(dup.statusCode, 422);
    assert.match(dup.body, /2026年第1期已经存在，请核对期号/);
    const bad = await publisher.post('/admin/gazette/new', {
      agencyId: String(city.city.id),
      year: '2026',
      number: '',
      publishedOn: '2026/3/20',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请填写期号/);
    assert.match(bad.body, /出版日期格式为 年-月-日/);
  });

  test('documents are added by 发文字号 in any bracket or from the list; drafts, interpretations and other governments’ documents are not', async () => {
    const base = `/admin/gazette/${issueId}`;
    await publisher.get(base);
    let res = await publisher.post(`${base}/items`, { reference: '测府[2026]3号' });
    assert.equal(res.statusCode, 303);
    const page = await publisher.get(base);
    // The department's notice is offered in the list of recent documents.
    assert.match(page.body, /近期发布、尚未收录的文件/);
    assert.match(page.body, new RegExp(`name="documentId" value="${docs.plan}"`));
    res = await publisher.post(`${base}/items`, { documentId: String(docs.plan) });
    assert.equal(res.statusCode, 303);
    assert.deepEqual(await itemsOf(issueId), [docs.rules, docs.plan]);

    const refusals: [string, RegExp][] = [
      ['测府（2026）9号', /只能收录已发布的文件/],
      ['测府〔2026〕3号', /本期已收录《测试市行政复议工作规定》/],
      ['不存在的文号', /没有找到这份文件/],
    ];
    for (const [reference, message] of refusals) {
      await publisher.get(base);
      const r = await publisher.post(`${base}/items`, { reference });
      assert.equal(r.statusCode, 422, reference);
      assert.match(r.body, message);
    }
    await publisher.get(base);
    const reading = await publisher.post(`${base}/items`, { documentId: String(docs.reading) });
    assert.equal(reading.statusCode, 422);
    assert.match(reading.body, /政策解读不收入公报/);
    assert.deepEqual(await itemsOf(issueId), [docs.rules, docs.plan]);
  });

  test('the order can be changed and a document removed; every change is audited', async () => {
    const base = `/admin/gazette/${issueId}`;
    await publisher.get(base);
    await publisher.post(`${base}/items`, { reference: '测府〔2026〕20号' });
    assert.deepEqual(await itemsOf(issueId), [docs.rules, docs.plan, docs.outside]);
    await publisher.get(base);
    assert.equal(
      (await publisher.post(`${base}/items/move`, { documentId: String(docs.rules), direction: 'down' }))
        .statusCode,
      303,
    );
    assert.deepEqual(await itemsOf(issueId), [docs.plan, docs.rules, docs.outside]);
    await publisher.get(base);
    await publisher.post(`${base}/items/remove`, { documentId: String(docs.outside) });
    assert.deepEqual(await itemsOf(issueId), [docs.plan, docs.rules]);
    const positions = await t.deps.db
      .select({ p: gazetteItem.position })
      .from(gazetteItem)
      .where(eq(gazetteItem.issueId, issueId))
      .orderBy(asc(gazetteItem.position));
    assert.deepEqual(
      positions.map((r) => r.p),
      [1, 2],
    );
    const actions = (
      await t.deps.db
        .select({ action: auditEvent.action })
        .from(auditEvent)
        .where(and(like(auditEvent.action, 'gazette.%'), eq(auditEvent.subjectId, String(issueId))))
    ).map((e) => e.action);
    for (const a of ['gazette.created', 'gazette.item-added', 'gazette.item-moved', 'gazette.item-removed'])
      assert.ok(actions.includes(a), a);
  });

  test('only a PDF is accepted as the issue’s PDF; it is served to staff and the public', async () => {
    const url = `/admin/gazette/${issueId}/pdf`;
    await publisher.get(`/admin/gazette/${issueId}`);
    const csrf = publisher.csrfToken();
    const notPdf = await postMultipart(
      t.app,
      url,
      { _csrf: csrf },
      { name: 'gazette.pdf', bytes: Buffer.from('这不是 PDF 文件，只是文字。') },
      { cookie: cookieOf(publisher) },
    );
    assert.equal(notPdf.statusCode, 422);
    assert.match(notPdf.body, /只能上传 PDF 文件/);
    const ok = await postMultipart(
      t.app,
      url,
      { _csrf: csrf },
      { name: 'gazette.pdf', bytes: PDF },
      { cookie: cookieOf(publisher) },
    );
    assert.equal(ok.statusCode, 303);
    const [issue] = await t.deps.db.select().from(gazetteIssue).where(eq(gazetteIssue.id, issueId));
    assert.ok(issue!.fileId);
    const staff = await publisher.get(url);
    assert.equal(staff.statusCode, 200);
    assert.equal(staff.headers['content-type'], 'application/pdf');
    assert.deepEqual(staff.rawPayload, PDF);
    const pub = await t.app.inject({ method: 'GET', url: '/gazette/2026/1/pdf' });
    assert.equal(pub.statusCode, 200);
    assert.deepEqual(pub.rawPayload, PDF);
    // A new PDF replaces the old one, whose bytes are deleted.
    const second = Buffer.concat([PDF, Buffer.from('% 更正版\n')]);
    await publisher.get(`/admin/gazette/${issueId}`);
    const again = await postMultipart(
      t.app,
      url,
      { _csrf: publisher.csrfToken() },
      { name: 'gazette.pdf', bytes: second },
      { cookie: cookieOf(publisher) },
    );
    assert.equal(again.statusCode, 303);
    const [after] = await t.deps.db.select().from(gazetteIssue).where(eq(gazetteIssue.id, issueId));
    assert.notEqual(after!.fileId, issue!.fileId);
    assert.equal(
      (await t.deps.db.select().from(storedFile).where(eq(storedFile.id, issue!.fileId!))).length,
      0,
    );
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/gazette/2026/1/pdf' })).rawPayload, second);
  });

  test('an officer cannot compile the gazette; another government’s publisher does not see the issue', async () => {
    assert.equal((await officer.get('/admin/gazette')).statusCode, 403);
    assert.equal((await eastPublisher.get(`/admin/gazette/${issueId}`)).statusCode, 404);
    // The district's own gazette takes its own documents and those below it, not the city's.
    await eastPublisher.get('/admin/gazette/new');
    const created = await eastPublisher.post('/admin/gazette/new', {
      agencyId: String(city.east.id),
      year: '2026',
      number: '1',
      publishedOn: '2026-04-01',
    });
    assert.equal(created.statusCode, 303);
    const eastIssue = String(created.headers.location).split('?')[0]!;
    await eastPublisher.get(eastIssue);
    const city_ = await eastPublisher.post(`${eastIssue}/items`, { reference: '测府〔2026〕3号' });
    assert.equal(city_.statusCode, 422);
    assert.match(city_.body, /没有找到这份文件/);
    await eastPublisher.get(eastIssue);
    const ownIssue = Number(/(\d+)$/.exec(eastIssue)![1]);
    assert.equal(
      (await publisher.get(`/admin/gazette/${ownIssue}`)).statusCode,
      200,
      'the city sees below it',
    );
    const list = await eastPublisher.get('/admin/gazette');
    assert.equal(list.statusCode, 200);
    assert.doesNotMatch(list.body, /2026年第1期（总第101期）/);
    assert.match((await publisher.get('/admin/gazette')).body, /2026年第1期（总第101期）/);
  });

  test('an issue holding nothing can be deleted; one holding documents cannot', async () => {
    await publisher.get('/admin/gazette/new');
    const created = await publisher.post('/admin/gazette/new', {
      agencyId: String(city.city.id),
      year: '2026',
      number: '9',
      publishedOn: '2026-05-10',
    });
    const empty = String(created.headers.location).split('?')[0]!;
    await publisher.get(empty);
    assert.equal((await publisher.post(`${empty}/delete`, {})).statusCode, 303);
    assert.equal((await publisher.get(empty)).statusCode, 404);
    await publisher.get(`/admin/gazette/${issueId}`);
    const held = await publisher.post(`/admin/gazette/${issueId}/delete`, {});
    assert.equal(held.statusCode, 422);
    assert.match(held.body, /本期已收录文件或已上传 PDF，不能删除/);
  });

  test('a visitor finds the gazette from the document library', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/documents' });
    assert.match(list.body, /<a href="\/gazette">政府公报<\/a>/);
  });

  test('the portal lists the issues by year and shows an issue’s documents in order', async () => {
    const index = await t.app.inject({ method: 'GET', url: '/gazette' });
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /测试市人民政府公报/);
    assert.match(index.body, /<h2 id="y2026">2026年<\/h2>/);
    assert.match(index.body, /href="\/gazette\/2026\/1">2026年第1期（总第101期）<\/a>/);
    const issue = await t.app.inject({ method: 'GET', url: '/gazette/2026/1' });
    assert.equal(issue.statusCode, 200);
    const plan = issue.body.indexOf('学前教育发展行动计划');
    const rules = issue.body.indexOf('测试市行政复议工作规定');
    assert.ok(plan > 0 && rules > plan, 'in the issue’s order');
    assert.match(issue.body, /下载本期 PDF 版/);
    assert.equal((await t.app.inject({ method: 'GET', url: '/gazette/2026/2' })).statusCode, 404);
    assert.equal((await t.app.inject({ method: 'GET', url: '/gazette/2026/1?agency=NOPE' })).statusCode, 404);
  });

  test('the gazette search finds the documents the gazette published, by word or 文号, and only those', async () => {
    const word = await t.app.inject({ method: 'GET', url: `/gazette?q=${encodeURIComponent('行政复议')}` });
    assert.equal(word.statusCode, 200);
    assert.match(word.body, /找到 1 件/);
    assert.match(word.body, /<mark>行政复议<\/mark>/);
    assert.match(word.body, new RegExp(`href="/documents/${docs.rules}"`));
    // Published, but in no issue (removed above), and another government's: not in the gazette.
    assert.doesNotMatch(word.body, /听证办法/);
    assert.doesNotMatch(word.body, /西区行政复议/);
    const byNumber = await t.app.inject({
      method: 'GET',
      url: `/gazette?q=${encodeURIComponent('测教发（2026）12号')}`,
    });
    assert.match(byNumber.body, /找到 1 件/);
    assert.match(byNumber.body, /学前教育发展行动计划/);
    const none = await t.app.inject({ method: 'GET', url: `/gazette?q=${encodeURIComponent('海洋渔业')}` });
    assert.match(none.body, /公报中没有找到与“海洋渔业”相关的文件/);
  });
});
