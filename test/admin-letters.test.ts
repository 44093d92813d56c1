// 信件办理 in the back office, as staff use it (fixed dates): the inbox with warning levels in words
// and its filters, entering a letter received by post, the case page with the writer masked and the
// audited reveal, the handling journey through the page's forms (accept to a unit, draft, review,
// publish with the masking suggestion), a duplicate linked by tracking number, a stale form, scope.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { acceptLetter } from '../src/commands/letters/triage.js';
import { appUser, auditEvent, letter } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';
import {
  buildMailbox,
  letterInState,
  letterVersion,
  SYSTEM,
  WRITER,
  writeLetter,
} from './support/letters.js';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 November, 10:00 in Beijing
const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('back office: letters', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let box: { id: number; code: string };
  let officer: Browser;
  let head: Browser;
  let deptOfficer: Browser;
  let west: Browser;
  let officerName: string;
  let deptOfficerName: string;
  let red: { id: number; trackingNumber: string };
  let yellow: { id: number; trackingNumber: string };
  let fresh: { id: number; trackingNumber: string };

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  /** Opens the case page, then posts one action's form with the page's version. */
  async function act(b: Browser, id: number, action: string, fields: Record<string, string> = {}) {
    const page = await b.get(`/admin/letters/${id}`);
    assert.equal(page.statusCode, 200);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
    assert.ok(version, 'the case page offers a form with the version');
    const body: Record<string, string> = { action, version };
    for (const [k, v] of Object.entries(fields)) body[`${action}.${k}`] = v;
    return b.post(`/admin/letters/${id}/actions`, body);
  }

  /** A letter written and accepted on `day` (the clock moved there and back). */
  async function acceptedOn(day: string, overrides: Record<string, unknown> = {}) {
    t.setNow(at(day));
    const s = await writeLetter(t.deps, box.code, overrides);
    await acceptLetter(t.deps, SYSTEM, { letterId: s.id, version: await letterVersion(t.deps, s.id) });
    t.setNow(NOW);
    return s;
  }

  const nameOf = async (id: number) =>
    (await t.deps.db.select({ n: appUser.displayName }).from(appUser).where(eq(appUser.id, id)))[0]!.n;

  const rowOf = (html: string, tracking: string) => {
    const m = new RegExp(`<tr>(?:(?!</tr>).)*${tracking}(?:(?!</tr>).)*</tr>`, 's').exec(html);
    assert.ok(m, `row of ${tracking}`);
    return m[0];
  };

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    // The mayor's mailbox, run by the city government's office (defaults: 咨询 5 working days,
    // 预警 2 days before, 黄牌 after the due date, 红牌 5 working days after it; review required).
    box = await buildMailbox(t.deps, {
      agencyId: city.city.id,
      kind: 'leader',
      name: '市长信箱',
      leaderName: '王某某',
      leaderTitle: '市长',
    });
    const o = await buildUser(t.deps, { agencyId: city.city.id, role: 'officer' });
    officerName = await nameOf(o.id);
    officer = await browserOf(o);
    head = await browserOf(await buildUser(t.deps, { agencyId: city.city.id, role: 'office_head' }));
    const d = await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' });
    deptOfficerName = await nameOf(d.id);
    deptOfficer = await browserOf(d);
    west = await browserOf(await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' }));
    // Accepted Mon 2 Nov: due Mon 9 Nov; 红牌 after Mon 16 Nov.
    red = await acceptedOn('2026-11-02', { title: '红牌来信：路灯不亮' });
    // Accepted Fri 20 Nov: due Fri 27 Nov; 黄牌 from Mon 30 Nov.
    yellow = await acceptedOn('2026-11-20', { title: '黄牌来信：公交站牌' });
    fresh = await writeLetter(t.deps, box.code, { title: '今天的来信：垃圾分类' });
  });
  after(() => t.close());

  test('the inbox shows the warning level in words, filters by it, and stays within scope', async () => {
    const page = await officer.get('/admin/letters');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a href="\/admin\/letters" aria-current="page">信件办理<\/a>/);
    assert.match(
      rowOf(page.body, red.trackingNumber),
      /2026年11月9日.*<span class="tag letter-warning letter-warning-red">红牌<\/span>/s,
    );
    assert.match(rowOf(page.body, yellow.trackingNumber), /2026年11月27日.*>黄牌<\/span>/s);
    assert.match(rowOf(page.body, fresh.trackingNumber), /待受理/);
    assert.doesNotMatch(rowOf(page.body, fresh.trackingNumber), /预警|黄牌|红牌/);
    assert.match(rowOf(page.body, red.trackingNumber), /市长信箱.*咨询.*2026年11月2日.*办理中/s);
    // Earliest due first.
    assert.ok(page.body.indexOf(red.trackingNumber) < page.body.indexOf(yellow.trackingNumber));
    const reds = await officer.get('/admin/letters?warning=red');
    assert.match(reds.body, new RegExp(red.trackingNumber));
    assert.doesNotMatch(reds.body, new RegExp(yellow.trackingNumber));
    const overdue = await officer.get('/admin/letters?overdue=1');
    assert.match(overdue.body, new RegExp(yellow.trackingNumber));
    assert.doesNotMatch(overdue.body, new RegExp(fresh.trackingNumber));
    const submitted = await officer.get('/admin/letters?state=submitted');
    assert.match(submitted.body, new RegExp(fresh.trackingNumber));
    assert.doesNotMatch(submitted.body, new RegExp(red.trackingNumber));
    // Another district sees none of them, and not the case page either.
    const other = await west.get('/admin/letters?state=all');
    assert.equal(other.statusCode, 200);
    assert.doesNotMatch(other.body, new RegExp(fresh.trackingNumber));
    assert.equal((await west.get(`/admin/letters/${fresh.id}`)).statusCode, 404);
  });

  test('a letter received by post is entered with its day of receipt', async () => {
    const form = await officer.get('/admin/letters/new');
    assert.equal(form.statusCode, 200);
    const empty = await officer.post('/admin/letters/new', { channel: 'post', receivedOn: '2026-11-26' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请选择信箱/);
    assert.match(empty.body, /请填写标题/);
    assert.match(empty.body, /请选择来信人是否同意公开来信/);
    const res = await officer.post('/admin/letters/new', {
      mailboxCode: box.code,
      channel: 'post',
      receivedOn: '2026-11-26',
      kind: 'suggest',
      name: '赵六',
      phone: '13900001111',
      title: '建议增设社区图书室',
      content: '我们社区老人和孩子很多，建议在社区服务中心增设一间图书室，方便大家读书看报。',
      publicConsent: 'no',
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 600));
    assert.match(res.body, /来信已登记/);
    const tracking = /id="tracking-number">([^<]+)</.exec(res.body)?.[1];
    assert.ok(tracking);
    assert.match(res.body, /id="query-code">\d{6}</);
    assert.match(res.body, /收到日期.*2026年11月26日/s);
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.trackingNumber, tracking));
    assert.equal(row?.channel, 'post');
    assert.equal(row?.receivedOn, '2026-11-26');
    assert.equal(row?.publicConsent, false);
  });

  test('the case page masks the writer; the reveal shows the contact and is audited', async () => {
    const page = await officer.get(`/admin/letters/${fresh.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /张\*丰/);
    assert.match(page.body, /138\*\*\*\*5678/);
    assert.ok(!page.body.includes(WRITER.phone), 'no full phone number');
    assert.ok(!page.body.includes(WRITER.name), 'no full name');
    assert.ok(!page.body.includes(WRITER.email), 'no e-mail');
    assert.match(page.body, /三个月答复期限.*2027年2月28日/s);
    const shown = await officer.post(`/admin/letters/${fresh.id}/personal-data`, {});
    assert.equal(shown.statusCode, 200);
    assert.ok(shown.body.includes(WRITER.phone));
    assert.ok(shown.body.includes(WRITER.email));
    assert.match(shown.body, /本次查看已记入审计日志/);
    const events = await t.deps.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, 'letter.personalDataViewed'), eq(auditEvent.subjectId, String(fresh.id))),
      );
    assert.equal(events.length, 1);
  });

  test('accept to a unit, the unit drafts, the head reviews, publishes the masked version', async () => {
    const s = await writeLetter(t.deps, box.code, {
      title: '关于人民路积水的咨询',
      content: `我是${WRITER.name}，住在人民路，电话${WRITER.phone}。人民路小区门口每逢下雨就积水，请问何时修缮？`,
    });
    const accepted = await act(officer, s.id, 'accept', { agencyId: String(city.dept.id), note: '' });
    assert.equal(accepted.statusCode, 303, accepted.body.slice(0, 600));
    const after1 = await officer.get(accepted.headers.location as string);
    assert.match(after1.body, /已办理：受理/);
    assert.match(after1.body, /承办单位<\/dt><dd>测试市教育局/);
    // The unit sees it in its inbox and drafts the reply.
    assert.match((await deptOfficer.get('/admin/letters')).body, new RegExp(s.trackingNumber));
    // The reply form has the Q&A library's matching answers beside it.
    assert.match(
      (await deptOfficer.get(`/admin/letters/${s.id}`)).body,
      /<details id="reply"[^>]*>.*相关问答/s,
    );
    const missing = await act(deptOfficer, s.id, 'reply', { text: '' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /请填写答复内容/);
    const drafted = await act(deptOfficer, s.id, 'reply', {
      text: '您好，人民路排水管道将于12月中旬完成疏通。感谢您的来信。',
    });
    assert.equal(drafted.statusCode, 303, drafted.body.slice(0, 600));
    // An officer may not review; the head of the mailbox's office does.
    const page = await officer.get(`/admin/letters/${s.id}`);
    assert.match(page.body, /待审核/);
    assert.doesNotMatch(page.body, /审核通过并答复/);
    const version = /name="version" value="(\d+)"/.exec((await head.get(`/admin/letters/${s.id}`)).body)?.[1];
    const approved = await head.post(`/admin/letters/${s.id}/actions`, {
      action: 'review',
      version: version!,
      'review.decision': 'approve',
      'review.comment': '',
    });
    assert.equal(approved.statusCode, 303, approved.body.slice(0, 600));
    const replied = await head.get(`/admin/letters/${s.id}`);
    assert.match(replied.body, /已答复/);
    // Every step dated, with its actor and unit.
    assert.match(replied.body, new RegExp(`受理.*测试市教育局.*${officerName}.*测试市人民政府`, 's'));
    assert.match(replied.body, new RegExp(`拟写答复.*12月中旬.*${deptOfficerName}.*测试市教育局`, 's'));
    assert.match(replied.body, /审核通过/);
    // The publication editor: the public version is prefilled masked, the findings are listed.
    assert.match(replied.body, /自动识别的个人信息/);
    assert.match(replied.body, /姓名：张三丰 → 张\*丰/);
    const content = /name="publication.publicContent"[^>]*>([^<]*)</.exec(replied.body)?.[1];
    assert.ok(content?.includes('我是张*丰'), content);
    assert.ok(!content?.includes(WRITER.phone));
    const title = /name="publication.publicTitle" type="text" value="([^"]*)"/.exec(replied.body)?.[1];
    const reply = /name="publication.publicReply"[^>]*>([^<]*)</.exec(replied.body)?.[1];
    const v2 = /name="version" value="(\d+)"/.exec(replied.body)?.[1];
    const published = await head.post(`/admin/letters/${s.id}/actions`, {
      action: 'publication',
      version: v2!,
      'publication.publish': 'yes',
      'publication.publicTitle': title!,
      'publication.publicContent': content!.replace(/&amp;/g, '&'),
      'publication.publicReply': reply!,
      'publication.reason': '',
    });
    assert.equal(published.statusCode, 303, published.body.slice(0, 800));
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.id, s.id));
    assert.equal(row?.publication, 'published');
    assert.ok(row?.publicContent?.includes('张*丰'));
    assert.ok(!row?.publicContent?.includes(WRITER.phone));
  });

  test('a duplicate is declined, linked to the earlier letter by its tracking number, and answered', async () => {
    const first = await writeLetter(t.deps, box.code, { title: '小区噪声扰民' });
    const again = await writeLetter(t.deps, box.code, { title: '小区噪声扰民（再次反映）' });
    const page = await officer.get(`/admin/letters/${again.id}`);
    assert.match(page.body, /同一来信人的其他信件/);
    const res = await act(officer, again.id, 'decline', {
      triage: 'duplicate',
      reason: '与此前来信反映同一事项，正在办理中',
      duplicateOfTracking: first.trackingNumber,
      replyText: '您反映的噪声问题已在办理中（前信），办理结果将一并答复。',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 600));
    const done = await officer.get(`/admin/letters/${again.id}`);
    assert.match(done.body, /重复件/);
    assert.match(
      done.body,
      new RegExp(`重复于.*<a href="/admin/letters/${first.id}">${first.trackingNumber}</a>`, 's'),
    );
    assert.match(done.body, /已答复/);
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.id, again.id));
    assert.equal(row?.duplicateOf, first.id);
  });

  test('a stale form is refused with the input kept; an extension is requested and decided', async () => {
    const s = await acceptedOn('2026-11-27', { title: '复杂事项需要延期' });
    const page = await officer.get(`/admin/letters/${s.id}`);
    const stale = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const requested = await act(officer, s.id, 'extension', { days: '5', reason: '需要会同多个部门核实' });
    assert.equal(requested.statusCode, 303, requested.body.slice(0, 600));
    const again = await officer.post(`/admin/letters/${s.id}/actions`, {
      action: 'escalate',
      version: stale,
      'escalate.leader': '王某某市长',
      'escalate.note': '请批示',
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /已被他人办理/);
    assert.match(again.body, /value="王某某市长"/);
    const headPage = await head.get(`/admin/letters/${s.id}`);
    assert.match(headPage.body, /延期待审批/);
    const v = /name="version" value="(\d+)"/.exec(headPage.body)![1]!;
    const approved = await head.post(`/admin/letters/${s.id}/actions`, {
      action: 'extensionDecision',
      version: v,
      'extensionDecision.approve': 'yes',
      'extensionDecision.days': '5',
      'extensionDecision.reason': '',
    });
    assert.equal(approved.statusCode, 303, approved.body.slice(0, 600));
    const after2 = await head.get(`/admin/letters/${s.id}`);
    // Accepted Fri 27 Nov: due Fri 4 Dec, with 5 more working days Fri 11 Dec.
    assert.match(after2.body, /2026年12月11日.*含批准延期5个工作日/s);
    assert.match(after2.body, /批准延期5个工作日/);
  });
  test('呈办 and 交办, 审核退回, 督办, 转办, 不予公开 and 归档 through their forms', async () => {
    const s = await acceptedOn('2026-11-30', { title: '需要领导批示的来信' });
    assert.equal(
      (await act(officer, s.id, 'escalate', { leader: '王某某市长', note: '请批示' })).statusCode,
      303,
    );
    const waiting = await officer.get(`/admin/letters/${s.id}`);
    assert.match(waiting.body, /等待领导批示/);
    assert.match(waiting.body, /呈王某某市长批示/);
    const instructed = await act(officer, s.id, 'instruct', {
      instruction: '请市教育局认真研究，按时答复。',
      agencyId: String(city.dept.id),
    });
    assert.equal(instructed.statusCode, 303, instructed.body.slice(0, 600));
    const drafted = await act(deptOfficer, s.id, 'reply', { text: '初稿：正在研究。' });
    assert.equal(drafted.statusCode, 303);
    const returned = await act(head, s.id, 'review', { decision: 'return', comment: '请写明具体时间' });
    assert.equal(returned.statusCode, 303, returned.body.slice(0, 600));
    const again = await deptOfficer.get(`/admin/letters/${s.id}`);
    assert.match(again.body, /审核退回（2026年11月30日）：请写明具体时间/);
    assert.match(again.body, /领导批示后交办.*请市教育局认真研究.*交办：测试市教育局/s);
    // 督办 is offered on the red letter (not on one that is not yet at a level).
    const redPage = await head.get(`/admin/letters/${red.id}`);
    assert.match(redPage.body, /<summary>督办<\/summary>/);
    assert.doesNotMatch((await head.get(`/admin/letters/${fresh.id}`)).body, /<summary>督办<\/summary>/);
    const supervised = await act(head, red.id, 'supervise', { comment: '请于本周内答复' });
    assert.equal(supervised.statusCode, 303, supervised.body.slice(0, 600));
    assert.match(
      (await officer.get('/admin/letters')).body,
      /<span class="tag letter-supervised">督办<\/span>/,
    );
    // 转办 to the west district: the city office (the mailbox's) still sees it; the district does too.
    const moved = await writeLetter(t.deps, box.code, { title: '应由西区办理的来信' });
    const transferred = await act(officer, moved.id, 'transfer', {
      agencyId: String(city.west.id),
      reason: '属西区管辖',
    });
    assert.equal(transferred.statusCode, 303, transferred.body.slice(0, 600));
    assert.match((await west.get('/admin/letters')).body, new RegExp(moved.trackingNumber));
    const history = await officer.get(`/admin/letters/${moved.id}`);
    assert.match(history.body, /由测试市人民政府转至西区人民政府.*属西区管辖/s);
    // A writer who did not agree: only 不予公开; then 归档.
    const secret = await letterInState(t.deps, box.code, 'replied', {
      publicConsent: false,
      title: '不公开的来信',
    });
    const page = await head.get(`/admin/letters/${secret.id}`);
    assert.match(page.body, /来信人不同意公开：只能决定不予公开/);
    assert.doesNotMatch(page.body, /核对无误，公开/);
    const withheld = await act(head, secret.id, 'publication', { publish: 'no', reason: '来信人不同意公开' });
    assert.equal(withheld.statusCode, 303, withheld.body.slice(0, 600));
    assert.equal((await act(officer, secret.id, 'archive')).statusCode, 303);
    const archived = await officer.get(`/admin/letters/${secret.id}`);
    assert.match(archived.body, /已归档/);
    assert.match(archived.body, /决定不公开.*来信人不同意公开/s);
  });

  test('the writer’s attachment is listed and downloaded from the case page, within scope only', async () => {
    const s = await writeLetter(t.deps, box.code, {
      title: '附有照片的来信',
      files: [{ filename: '积水照片.png', mediaType: 'image/png', bytes: Buffer.from('png-bytes') }],
    });
    const page = await officer.get(`/admin/letters/${s.id}`);
    const href = /href="(\/admin\/letters\/\d+\/files\/\d+)">积水照片.png<\/a>/.exec(page.body)?.[1];
    assert.ok(href, 'the attachment is linked');
    const file = await officer.get(href);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.equal(file.body, 'png-bytes');
    assert.equal((await west.get(href)).statusCode, 404);
  });

  test('the monthly statistics count the subtree’s letters per unit', async () => {
    const res = await head.get('/admin/letters/statistics?year=2026&month=11');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /信件办理月度统计/);
    assert.match(res.body, /2026年11月.*测试市人民政府/s);
    assert.match(res.body, /合计/);
    const other = await west.get('/admin/letters/statistics?year=2026&month=11');
    assert.doesNotMatch(other.body, /测试市教育局/);
  });
});
