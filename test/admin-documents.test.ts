// 主动公开 in the back office, as staff use it: an officer drafts (bad input → Chinese messages and
// nothing stored), submits for review; the office head publishes (an officer cannot) — the 索引号 is
// assigned and the document is findable at once; editing the published document keeps the 索引号 and
// a revision; a stale version is refused; an abolishing relation changes the target's 有效性 once the
// source is published; withdrawal needs a reason; another district's officer gets 404; the
// dashboard counts what is overdue under 第二十六条.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { attachDocumentFile, removeDocumentFile } from '../src/commands/documents/files.js';
import { deleteDocumentDraft } from '../src/commands/documents/delete-draft.js';
import {
  publishDocument,
  reopenDocument,
  submitDocumentForReview,
  withdrawDocument,
} from '../src/commands/documents/publication.js';
import { refreshDocumentValidity } from '../src/commands/documents/refresh-validity.js';
import { saveDocumentDraft } from '../src/commands/documents/save.js';
import {
  auditEvent,
  document,
  documentFile,
  documentRelation,
  documentRevision,
  documentTheme,
  gazetteIssue,
  numberSequence,
  storedFile,
} from '../src/db/schema.js';
import { Conflict, InvalidTransition } from '../src/domain/errors.js';
import { makeDocx } from '../src/extract/testing/make-files.js';
import { THEMES } from '../src/domain/documents/themes.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';
import { postMultipart } from './support/report-check.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 November 2026 in Beijing
const THEME = THEMES.find((t) => t.parent !== null)!;
const SYSTEM = { actor: { system: true as const, label: 'test' } };
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('back office: the document library (主动公开)', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let officer: Browser; // 承办人, east district
  let head: Browser; // 工作机构负责人, east district
  let westOfficer: Browser;
  let docId = 0;

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };
  const stored = async (id: number) =>
    (await t.deps.db.select().from(document).where(eq(document.id, id)))[0]!;
  const count = async () =>
    Number((await t.deps.db.select({ n: sql<number>`count(*)` }).from(document))[0]!.n);
  const idOf = (location: unknown) => Number(/\/admin\/documents\/(\d+)/.exec(String(location))![1]);
  const fields = (over: Record<string, string> = {}) => ({
    kind: 'document',
    title: '东区关于规范行政复议工作的实施办法',
    agencyId: String(city.east.id),
    docNumber: '东府[2026]3号',
    genre: '办法',
    effectLevel: 'normative',
    unifiedNumber: '',
    themes: THEME.code,
    writtenOn: '2026-09-01',
    formedOn: '',
    effectiveOn: '2026-10-01',
    expiresOn: '',
    disclosureMethod: 'proactive',
    category: 'a20-01',
    interpretationForm: '',
    mediaUrl: '',
    bodyHtml: '<p onclick="steal()">第一条 为了规范行政复议工作，制定本办法。</p><script>alert(1)</script>',
    ...over,
  });
  /** Opens the item's page (for its CSRF token and version) and posts one of its forms. */
  const act = async (b: Browser, id: number, path: string, extra: Record<string, string> = {}) => {
    await b.get(`/admin/documents/${id}`);
    return b.post(`/admin/documents/${id}/${path}`, {
      version: String((await stored(id)).version),
      ...extra,
    });
  };

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    officer = await browserOf(await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' }));
    head = await browserOf(await buildUser(t.deps, { agencyId: city.east.id, role: 'office_head' }));
    westOfficer = await browserOf(await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' }));
  });
  after(() => t.close());

  test('bad input: every problem in Chinese at once, the typed values kept, nothing stored', async () => {
    const before = await count();
    const res = await officer.submit(
      '/admin/documents/new',
      '/admin/documents/new',
      fields({
        title: '',
        mediaUrl: 'javascript:alert(1)',
        writtenOn: '2026-13-01',
        effectiveOn: '2026-10-01',
        expiresOn: '2026-09-01',
        themes: 'T99.99',
        kind: 'interpretation',
      }),
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /请填写标题/);
    assert.match(res.body, /请填写以 http:\/\/ 或 https:\/\/ 开头的完整网址/);
    assert.match(res.body, /成文日期格式应为 年-月-日/);
    assert.match(res.body, /有效期截止日期不能早于施行日期/);
    assert.match(res.body, /所选主题分类不存在/);
    assert.match(res.body, /政策解读请选择解读形式/);
    assert.match(res.body, /value="东府\[2026\]3号"/); // what was typed comes back
    assert.equal(await count(), before);
  });

  test('an officer drafts: the 文号 is kept as typed and normalised, the body sanitised, warnings shown', async () => {
    const form = await officer.get('/admin/documents/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /novalidate/);
    const res = await officer.post('/admin/documents/new', fields());
    assert.equal(res.statusCode, 303);
    docId = idOf(res.headers.location);
    const row = await stored(docId);
    assert.equal(row.state, 'draft');
    assert.equal(row.docNumber, '东府[2026]3号');
    assert.equal(row.docNumberNorm, '东府〔2026〕3号');
    assert.equal(row.bodyHtml, '<p>第一条 为了规范行政复议工作，制定本办法。</p>');
    assert.equal(row.formedOn, '2026-09-01'); // the 成文日期 when no 形成日期 is given
    assert.equal(row.indexNumber, null);
    const themes = await t.deps.db.select().from(documentTheme).where(eq(documentTheme.documentId, docId));
    assert.deepEqual(
      themes.map((x) => x.themeCode),
      [THEME.code],
    );
    const page = await officer.get(String(res.headers.location));
    assert.match(page.body, /草稿已保存/);
    assert.match(page.body, /行政规范性文件通常应有统一编号/);
    // 2026-09-01 + 20 working days is long past on 30 November: overdue, said in words.
    assert.match(page.body, /第二十六条发布期限/);
    assert.match(page.body, /已逾期/);
    assert.doesNotMatch(page.body, /<script>alert/);
  });

  test('the list filters by state and finds a 文号 typed in another form; the dashboard counts the overdue', async () => {
    const list = await officer.get(`/admin/documents?state=draft&q=${encodeURIComponent('东府（2026）3号')}`);
    assert.equal(list.statusCode, 200);
    assert.match(list.body, new RegExp(`href="/admin/documents/${docId}"`));
    const none = await officer.get('/admin/documents?state=published');
    assert.doesNotMatch(none.body, new RegExp(`href="/admin/documents/${docId}"`));
    const overdue = await officer.get('/admin/documents?state=overdue');
    assert.match(overdue.body, new RegExp(`href="/admin/documents/${docId}"`));
    assert.match(overdue.body, /已逾期/);
    const dashboard = await officer.get('/admin');
    assert.match(dashboard.body, /逾期未发布的主动公开信息/);
    assert.match(dashboard.body, /<span class="stat">1<\/span>/);
    assert.match(dashboard.body, /href="\/admin\/documents"[^>]*>主动公开/);
  });

  test("another district's officer gets 404 for the page, the form and every step", async () => {
    assert.equal((await westOfficer.get(`/admin/documents/${docId}`)).statusCode, 404);
    assert.equal((await westOfficer.get(`/admin/documents/${docId}/edit`)).statusCode, 404);
    await westOfficer.get('/admin/documents');
    const res = await westOfficer.post(`/admin/documents/${docId}/submit`, { version: '1' });
    assert.equal(res.statusCode, 404);
    const list = await westOfficer.get('/admin/documents');
    assert.doesNotMatch(list.body, new RegExp(`href="/admin/documents/${docId}"`));
    assert.equal((await stored(docId)).state, 'draft');
  });

  test('submit → the officer cannot publish (403) → the head publishes: 索引号, 发布日期, findable at once', async () => {
    assert.equal((await act(officer, docId, 'submit')).statusCode, 303);
    assert.equal((await stored(docId)).state, 'review');
    const refused = await act(officer, docId, 'publish');
    assert.equal(refused.statusCode, 403);
    assert.equal((await stored(docId)).state, 'review');
    const res = await act(head, docId, 'publish');
    assert.equal(res.statusCode, 303);
    const row = await stored(docId);
    assert.equal(row.state, 'published');
    assert.equal(row.indexNumber, `${city.east.code}/2026-00001`);
    assert.equal(row.publishedOn, '2026-11-30');
    const [hit] = await t.deps.db
      .select({ id: document.id })
      .from(document)
      .where(sql`${document.searchVector} @@ plainto_tsquery('simple', '复议')`);
    assert.equal(hit?.id, docId);
    const page = await head.get(`/admin/documents/${docId}?done=publish`);
    assert.match(page.body, /已发布。/);
    assert.match(page.body, new RegExp(`${city.east.code}/2026-00001`));
    const events = await t.deps.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.subjectType, 'document'), eq(auditEvent.subjectId, String(docId))));
    assert.deepEqual(
      events.map((e) => e.action),
      ['document.created', 'document.submitted', 'document.published'],
    );
  });

  test('editing the published document keeps the 索引号 and the previous version as a revision', async () => {
    const form = await head.get(`/admin/documents/${docId}/edit`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /修改说明/);
    const before = await stored(docId);
    const noNote = await head.post(`/admin/documents/${docId}/edit`, {
      ...fields({ title: '东区关于规范行政复议工作的实施办法（修订）' }),
      version: String(before.version),
    });
    assert.equal(noNote.statusCode, 422);
    assert.match(noNote.body, /请填写修改说明/);
    const res = await head.post(`/admin/documents/${docId}/edit`, {
      ...fields({ title: '东区关于规范行政复议工作的实施办法（修订）' }),
      version: String(before.version),
      note: '更正标题',
    });
    assert.equal(res.statusCode, 303);
    const row = await stored(docId);
    assert.equal(row.title, '东区关于规范行政复议工作的实施办法（修订）');
    assert.equal(row.indexNumber, before.indexNumber);
    assert.equal(row.publishedOn, before.publishedOn);
    const revisions = await t.deps.db
      .select()
      .from(documentRevision)
      .where(eq(documentRevision.documentId, docId));
    assert.equal(revisions.length, 1);
    assert.equal(revisions[0]!.version, before.version);
    assert.equal((revisions[0]!.snapshot as { title: string }).title, '东区关于规范行政复议工作的实施办法');
    const page = await head.get(`/admin/documents/${docId}`);
    assert.match(page.body, /修订记录/);
    assert.match(page.body, /更正标题/);
  });

  test('a stale version is refused: the person is told, the input kept, nothing changed', async () => {
    const row = await stored(docId);
    await head.get(`/admin/documents/${docId}/edit`);
    const res = await head.post(`/admin/documents/${docId}/edit`, {
      ...fields({ title: '过时的修改' }),
      version: String(row.version - 1),
      note: '过时',
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.body, /已被他人更新/);
    assert.match(res.body, /value="过时的修改"/);
    assert.equal((await stored(docId)).title, row.title);
  });

  test('an abolishing relation: not by an officer; recorded by the head, it counts once the source is published', async () => {
    const created = await officer.submit(
      '/admin/documents/new',
      '/admin/documents/new',
      fields({ title: '东区关于废止部分规范性文件的决定', docNumber: '东府〔2026〕9号', genre: '决定' }),
    );
    const newer = idOf(created.headers.location);
    const byOfficer = await act(officer, newer, 'relations', {
      kind: 'abolishes',
      target: '东府（2026）3号',
    });
    assert.equal(byOfficer.statusCode, 403);
    const res = await act(head, newer, 'relations', {
      kind: 'abolishes',
      target: '东府（2026）3号',
      effectiveOn: '2026-11-30',
    });
    assert.equal(res.statusCode, 303);
    assert.equal((await stored(docId)).validity, 'effective'); // a draft abolishes nothing
    assert.equal((await act(officer, newer, 'submit')).statusCode, 303);
    assert.equal((await act(head, newer, 'publish')).statusCode, 303);
    const target = await stored(docId);
    assert.equal(target.validity, 'abolished');
    assert.equal(target.validitySince, '2026-11-30');
    assert.equal((await stored(newer)).indexNumber, `${city.east.code}/2026-00002`);
    const page = await head.get(`/admin/documents/${docId}`);
    assert.match(page.body, /被废止/);
    assert.match(page.body, /东区关于废止部分规范性文件的决定/);
    // Removing the relation gives the target back its own 有效性.
    const [rel] = await t.deps.db
      .select({ id: documentRelation.id })
      .from(documentRelation)
      .where(eq(documentRelation.toId, docId));
    await head.get(`/admin/documents/${newer}`);
    const removed = await head.post(`/admin/documents/${newer}/relations/${rel!.id}/delete`, {});
    assert.equal(removed.statusCode, 303);
    assert.equal((await stored(docId)).validity, 'effective');
    // An unknown target is a message on the form, not an error page.
    const unknown = await act(head, newer, 'relations', { kind: 'amends', target: '东府〔1999〕1号' });
    assert.equal(unknown.statusCode, 422);
    assert.match(unknown.body, /没有索引号或发文字号为「东府〔1999〕1号」的文件/);
  });

  test('withdrawal needs a reason; the reason is audited and shown; the 索引号 stays', async () => {
    const missing = await act(head, docId, 'withdraw', { reason: '' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /请填写撤回理由/);
    assert.equal((await stored(docId)).state, 'published');
    const res = await act(head, docId, 'withdraw', { reason: '内容有误，需重新审核' });
    assert.equal(res.statusCode, 303);
    const row = await stored(docId);
    assert.equal(row.state, 'withdrawn');
    assert.equal(row.withdrawnReason, '内容有误，需重新审核');
    assert.equal(row.indexNumber, `${city.east.code}/2026-00001`);
    const [event] = await t.deps.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'document.withdrawn'), eq(auditEvent.subjectId, String(docId))));
    assert.equal((event!.data as { reason: string }).reason, '内容有误，需重新审核');
    const page = await head.get(`/admin/documents/${docId}`);
    assert.match(page.body, /撤回理由：内容有误，需重新审核/);
  });

  test('an attachment: type sniffed from the bytes, a DOCX read for search in the same request; other types refused', async () => {
    const id = idOf(
      (
        await officer.submit(
          '/admin/documents/new',
          '/admin/documents/new',
          fields({ title: '东区营商环境优化方案', docNumber: '', effectLevel: 'other' }),
        )
      ).headers.location,
    );
    await officer.get(`/admin/documents/${id}`);
    const cookie = `gk_sid=${officer.cookie('gk_sid')}; gk_csrf=${officer.cookie('gk_csrf')}`;
    const csrf = officer.csrfToken();
    const version = String((await stored(id)).version);
    const junk = await postMultipart(
      t.app,
      `/admin/documents/${id}/files`,
      { _csrf: csrf, version },
      { name: '说明.docx', bytes: new TextEncoder().encode('这不是 Word 文件') },
      { cookie },
    );
    assert.equal(junk.statusCode, 422);
    assert.match(junk.body, /附件“说明\.docx”的文件类型不支持/);
    const docx = makeDocx([{ paragraph: '附件正文：推行跨省通办和帮办代办服务。' }]);
    const res = await postMultipart(
      t.app,
      `/admin/documents/${id}/files`,
      { _csrf: csrf, version },
      { name: '附件1.docx', bytes: docx },
      { cookie },
    );
    assert.equal(res.statusCode, 303);
    const [file] = await t.deps.db.select().from(documentFile).where(eq(documentFile.documentId, id));
    assert.match(file!.extractedText, /跨省通办/);
    assert.match((await stored(id)).bodyTokens, /跨省/);
    const page = await officer.get(`/admin/documents/${id}`);
    assert.match(page.body, /附件1\.docx/);
    assert.match(page.body, /已提取 \d+ 字/);
  });

  test('time alone changes 有效性: the daily job marks a document 失效 after its 有效期至', async () => {
    const saved = await saveDocumentDraft(t.deps, SYSTEM, {
      fields: fields({
        title: '东区2026年冬季供暖临时措施',
        docNumber: '',
        effectiveOn: '2026-11-01',
        expiresOn: '2026-12-31',
      }),
    });
    const review = await submitDocumentForReview(t.deps, SYSTEM, {
      documentId: saved.id,
      version: saved.version,
    });
    await publishDocument(t.deps, SYSTEM, { documentId: saved.id, version: review.version });
    assert.equal((await stored(saved.id)).validity, 'effective');
    t.setNow(new Date('2027-01-04T02:00:00Z'));
    try {
      const report = await refreshDocumentValidity(t.deps);
      assert.ok(report.changed >= 1);
      const row = await stored(saved.id);
      assert.equal(row.validity, 'expired');
      assert.equal(row.validitySince, '2027-01-01'); // the day after the last day in force
      assert.equal((await refreshDocumentValidity(t.deps)).changed, 0); // nothing more to do
    } finally {
      t.setNow(NOW);
    }
  });

  test('索引号规则: the head sets the agency template (checked, in Chinese); later numbers follow it, earlier ones stay', async () => {
    assert.equal((await officer.get('/admin/documents/index-template')).statusCode, 403);
    const page = await head.get('/admin/documents/index-template');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /\{agency\}\/\{year\}-\{serial:5\}（系统默认）/);
    const bad = await head.post(`/admin/documents/index-template?agency=${city.east.id}`, {
      indexTemplate: '{agency}{serial:3}',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /相邻的两个占位符之间必须有分隔符/);
    const ok = await head.post(`/admin/documents/index-template?agency=${city.east.id}`, {
      indexTemplate: '{agency}-{theme}-{year}-{serial:3}',
    });
    assert.equal(ok.statusCode, 303);
    const saved = await saveDocumentDraft(t.deps, SYSTEM, {
      fields: fields({ title: '东区2027年重点工作任务分解方案', docNumber: '' }),
    });
    const review = await submitDocumentForReview(t.deps, SYSTEM, {
      documentId: saved.id,
      version: saved.version,
    });
    const published = await publishDocument(t.deps, SYSTEM, {
      documentId: saved.id,
      version: review.version,
    });
    assert.match(
      published.indexNumber,
      new RegExp(`^${city.east.code}-${THEME.code.replace('.', '\\.')}-2026-\\d{3}$`),
    );
    assert.equal((await stored(docId)).indexNumber, `${city.east.code}/2026-00001`);
  });

  test('a 政策解读 linked to its document takes that document off the list of those lacking one', async () => {
    const saved = await saveDocumentDraft(t.deps, SYSTEM, {
      fields: fields({
        title: '东区养老服务补贴管理办法',
        docNumber: '东府规〔2026〕2号',
        issuerIds: String(city.dept.id),
      }),
    });
    const review = await submitDocumentForReview(t.deps, SYSTEM, {
      documentId: saved.id,
      version: saved.version,
    });
    await publishDocument(t.deps, SYSTEM, { documentId: saved.id, version: review.version });
    const joint = await officer.get(`/admin/documents/${saved.id}`);
    assert.match(joint.body, /联合发文机关<\/dt><dd>测试市教育局/);
    const lacking = await officer.get('/admin/documents/lacking-interpretation');
    assert.match(lacking.body, new RegExp(`href="/admin/documents/${saved.id}"`));

    const created = await officer.submit(
      '/admin/documents/new?kind=interpretation',
      '/admin/documents/new',
      fields({
        kind: 'interpretation',
        title: '图解：东区养老服务补贴管理办法',
        docNumber: '',
        effectLevel: 'other',
        interpretationForm: 'video',
      }),
    );
    assert.equal(created.statusCode, 303);
    const interpretation = idOf(created.headers.location);
    const page = await officer.get(`/admin/documents/${interpretation}`);
    assert.match(page.body, /视频或访谈解读通常应填写链接/);
    // Only an interpretation interprets; an officer may link it to a published document.
    const linked = await act(officer, interpretation, 'relations', {
      kind: 'interprets',
      target: '东府规（2026）2号',
    });
    assert.equal(linked.statusCode, 303);
    assert.equal((await act(officer, interpretation, 'submit')).statusCode, 303);
    assert.equal((await act(head, interpretation, 'publish')).statusCode, 303);
    const after = await officer.get('/admin/documents/lacking-interpretation');
    assert.doesNotMatch(after.body, new RegExp(`href="/admin/documents/${saved.id}"`));
    const original = await officer.get(`/admin/documents/${saved.id}`);
    assert.match(original.body, /相关解读/);
    assert.match(original.body, /图解：东区养老服务补贴管理办法/);
  });

  test('the 索引号 counter is gap-free: a publication that fails takes no number', async () => {
    const draft = async (title: string) => {
      const saved = await saveDocumentDraft(t.deps, SYSTEM, { fields: fields({ title, docNumber: '' }) });
      return submitDocumentForReview(t.deps, SYSTEM, { documentId: saved.id, version: saved.version });
    };
    const a = await draft('东区政务公开工作要点');
    const b = await draft('东区政务公开工作要点实施方案');
    const counter = async () =>
      (
        await t.deps.db
          .select({ last: numberSequence.last })
          .from(numberSequence)
          .where(and(eq(numberSequence.agencyId, city.east.id), eq(numberSequence.name, 'index-number')))
      )[0]!.last;
    const before = await counter();
    await assert.rejects(
      publishDocument(t.deps, SYSTEM, { documentId: a.id, version: a.version - 1 }),
      (e: Error) => e instanceof Conflict,
    );
    assert.equal(await counter(), before);
    const first = await publishDocument(t.deps, SYSTEM, { documentId: a.id, version: a.version });
    const second = await publishDocument(t.deps, SYSTEM, { documentId: b.id, version: b.version });
    const serial = (n: string) => Number(n.slice(n.lastIndexOf('-') + 1));
    assert.equal(serial(first.indexNumber), before + 1);
    assert.equal(serial(second.indexNumber), before + 2);
  });
  test('an item recorded as 依申请公开 stays in the inventory: no publish button, the reason shown, publishing refused', async () => {
    const saved = await saveDocumentDraft(t.deps, SYSTEM, {
      fields: fields({ title: '东区行政复议案件内部统计表', docNumber: '', disclosureMethod: 'on_request' }),
    });
    const id = saved.id;
    assert.equal((await act(officer, id, 'submit')).statusCode, 303);
    const page = await head.get(`/admin/documents/${id}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, new RegExp(`action="/admin/documents/${id}/publish"`));
    assert.match(page.body, /本文件不能发布/);
    assert.match(page.body, /依申请公开.*不在平台发布.*第十九条、第二十条/);
    // Posted anyway (an old page, the API of a script): refused with the reason, nothing changes.
    const refused = await act(head, id, 'publish');
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /依申请公开.*不在平台发布/);
    const row = await stored(id);
    assert.equal(row.state, 'review');
    assert.equal(row.indexNumber, null);
    await assert.rejects(
      publishDocument(t.deps, SYSTEM, { documentId: id, version: row.version }),
      (e: Error) => e instanceof InvalidTransition && /依申请公开/.test(e.message),
    );
  });

  test('a published item cannot leave 主动公开 while published: withdraw it first', async () => {
    const draft = await saveDocumentDraft(t.deps, SYSTEM, {
      fields: fields({ title: '东区政务服务事项清单', docNumber: '' }),
    });
    const reviewed = await submitDocumentForReview(t.deps, SYSTEM, {
      documentId: draft.id,
      version: draft.version,
    });
    await publishDocument(t.deps, SYSTEM, { documentId: draft.id, version: reviewed.version });
    const before = await stored(draft.id);
    await head.get(`/admin/documents/${draft.id}/edit`);
    const res = await head.post(`/admin/documents/${draft.id}/edit`, {
      ...fields({ title: '东区政务服务事项清单', docNumber: '', disclosureMethod: 'not_disclosed' }),
      version: String(before.version),
      note: '改为不予公开',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /已发布的文件公开方式只能是“主动公开”.*请先撤回/);
    // The form says so beside the field.
    assert.match(res.body, /平台只发布主动公开的信息（条例第十九条、第二十条）/);
    const after = await stored(draft.id);
    assert.equal(after.disclosureMethod, 'proactive');
    assert.equal(after.version, before.version);
  });
  test('removing an attachment deletes its stored bytes, unless another record still uses the same file', async () => {
    const saved = await saveDocumentDraft(t.deps, SYSTEM, {
      fields: fields({ title: '东区政务公开工作要点', docNumber: '' }),
    });
    const docx = makeDocx([{ paragraph: '政务公开工作要点正文。' }]);
    const attach = async (version: number, name: string) =>
      attachDocumentFile(t.deps, SYSTEM, {
        documentId: saved.id,
        version,
        file: { filename: name, mediaType: DOCX, bytes: Buffer.from(docx) },
        extractedText: '政务公开工作要点正文。',
      });
    const first = await attach(saved.version, '要点.docx');
    const second = await attach(first.version, '要点（公报版）.docx');
    const fileOf = async (linkId: number) =>
      (await t.deps.db.select().from(documentFile).where(eq(documentFile.id, linkId)))[0]!.fileId;
    const storedRows = async (fileId: number) =>
      (await t.deps.db.select({ id: storedFile.id }).from(storedFile).where(eq(storedFile.id, fileId)))
        .length;
    const firstFile = await fileOf(first.id);
    const secondFile = await fileOf(second.id);
    // The second file is also the PDF of a gazette issue: removing the attachment must not take it away.
    await t.deps.db.insert(gazetteIssue).values({
      agencyId: city.east.id,
      year: 2026,
      number: 98,
      publishedOn: '2026-11-30',
      fileId: secondFile,
    });
    const removed = await removeDocumentFile(t.deps, SYSTEM, {
      documentId: saved.id,
      version: second.version,
      documentFileId: first.id,
    });
    assert.equal(await storedRows(firstFile), 0);
    await removeDocumentFile(t.deps, SYSTEM, {
      documentId: saved.id,
      version: removed.version,
      documentFileId: second.id,
    });
    assert.equal(await storedRows(secondFile), 1);
    const links = await t.deps.db.select().from(documentFile).where(eq(documentFile.documentId, saved.id));
    assert.equal(links.length, 0);
  });
  test('删除草稿: a never-published draft is deleted after a confirmation page, with its attachment; nothing else can be', async () => {
    const saved = await saveDocumentDraft(t.deps, SYSTEM, {
      fields: fields({ title: '东区临时草拟的通知', docNumber: '' }),
    });
    const attached = await attachDocumentFile(t.deps, SYSTEM, {
      documentId: saved.id,
      version: saved.version,
      file: {
        filename: '草稿附件.docx',
        mediaType: DOCX,
        bytes: Buffer.from(makeDocx([{ paragraph: '草稿附件' }])),
      },
      extractedText: '草稿附件',
    });
    const fileId = (await t.deps.db.select().from(documentFile).where(eq(documentFile.id, attached.id)))[0]!
      .fileId;
    const detail = await officer.get(`/admin/documents/${saved.id}`);
    assert.match(
      detail.body,
      new RegExp(`<a class="button button-warning" href="/admin/documents/${saved.id}/delete">删除草稿</a>`),
    );
    const confirm = await officer.get(`/admin/documents/${saved.id}/delete`);
    assert.equal(confirm.statusCode, 200);
    assert.match(confirm.body, /确定要删除草稿「东区临时草拟的通知」吗？/);
    assert.match(confirm.body, new RegExp(`name="version" value="${attached.version}"`));
    // Another district's officer: the item does not exist for them.
    await westOfficer.get('/admin/documents');
    const foreign = await westOfficer.post(`/admin/documents/${saved.id}/delete`, {
      confirm: 'yes',
      version: String(attached.version),
    });
    assert.equal(foreign.statusCode, 404);
    // Not from the confirmation page: sent there, nothing deleted.
    const unconfirmed = await officer.post(`/admin/documents/${saved.id}/delete`, {
      version: String(attached.version),
    });
    assert.equal(unconfirmed.statusCode, 303);
    assert.equal(unconfirmed.headers.location, `/admin/documents/${saved.id}/delete`);
    // A stale version: refused, nothing deleted.
    await officer.get(`/admin/documents/${saved.id}/delete`);
    const stale = await officer.post(`/admin/documents/${saved.id}/delete`, {
      confirm: 'yes',
      version: String(saved.version),
    });
    assert.equal(stale.statusCode, 409);
    assert.equal((await stored(saved.id)).title, '东区临时草拟的通知');
    await officer.get(`/admin/documents/${saved.id}/delete`);
    const done = await officer.post(`/admin/documents/${saved.id}/delete`, {
      confirm: 'yes',
      version: String(attached.version),
    });
    assert.equal(done.statusCode, 303);
    assert.equal((await t.deps.db.select().from(document).where(eq(document.id, saved.id))).length, 0);
    assert.equal((await t.deps.db.select().from(storedFile).where(eq(storedFile.id, fileId))).length, 0);
    const [event] = await t.deps.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, 'document.draftDeleted'), eq(auditEvent.subjectId, String(saved.id))));
    assert.equal((event!.data as { title: string }).title, '东区临时草拟的通知');

    // Once published, never deletable — not even back in draft after withdrawal (its 索引号 is kept).
    const other = await saveDocumentDraft(t.deps, SYSTEM, {
      fields: fields({ title: '东区已发布过的通知', docNumber: '' }),
    });
    const review = await submitDocumentForReview(t.deps, SYSTEM, {
      documentId: other.id,
      version: other.version,
    });
    const published = await publishDocument(t.deps, SYSTEM, {
      documentId: other.id,
      version: review.version,
    });
    const notADraft = (e: Error) =>
      e instanceof InvalidTransition && /只能删除从未发布过的草稿/.test(e.message);
    await assert.rejects(
      deleteDocumentDraft(t.deps, SYSTEM, { documentId: other.id, version: published.version }),
      notADraft,
    );
    const withdrawn = await withdrawDocument(t.deps, SYSTEM, {
      documentId: other.id,
      version: published.version,
      reason: '需要修改内容',
    });
    const reopened = await reopenDocument(t.deps, SYSTEM, {
      documentId: other.id,
      version: withdrawn.version,
    });
    assert.equal((await stored(other.id)).state, 'draft');
    await assert.rejects(
      deleteDocumentDraft(t.deps, SYSTEM, { documentId: other.id, version: reopened.version }),
      notADraft,
    );
    assert.doesNotMatch((await officer.get(`/admin/documents/${other.id}`)).body, /删除草稿/);
  });
});
