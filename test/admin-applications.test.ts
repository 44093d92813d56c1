// 依申请公开 in the back office, as staff use it: the inbox with its marks, registering a paper
// application, every handling action through the case page's forms — every table 三 row reachable —
// scope (404), the head's approval (403 for an officer), optimistic locking and the audited reveal.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq } from 'drizzle-orm';
import { submitApplication } from '../src/commands/applications/submit.js';
import { applicationEvent, application, auditEvent } from '../src/db/schema.js';
import {
  DECISION_OUTCOMES,
  OUTCOME_RULES,
  OUTCOMES,
  type Outcome,
} from '../src/domain/applications/outcomes.js';
import { localDate } from '../src/lib/time.js';
import { applicationCase } from '../src/queries/application-case.js';
import { createTestApp, type TestApp } from './support/app.js';
import { actorOf, submitted, validApplication, VALID_RESIDENT_ID } from './support/applications.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';

const TODAY = '2026-11-30';
const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 10:00 in Beijing

describe('back office: disclosure applications', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let officer: Browser;
  let officerId: number;
  let officerLogin: { login: string; password: string };
  let head: Browser;
  let west: Browser;
  let auditor: Browser;

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  /** Opens the case page, then posts one action's form with the page's version. */
  async function act(b: Browser, id: number, type: string, fields: Record<string, string> = {}) {
    const page = await b.get(`/admin/applications/${id}`);
    assert.equal(page.statusCode, 200);
    const version = /name="version" value="(\d+)"/.exec(page.body)?.[1];
    assert.ok(version, 'the case page offers a form with the version');
    const body: Record<string, string> = { type, version, [`${type}.on`]: localDate(t.deps.now()) };
    for (const [k, v] of Object.entries(fields)) body[`${type}.${k}`] = v;
    return b.post(`/admin/applications/${id}/events`, body);
  }

  async function view(id: number) {
    const actor = await actorOf(t.deps, officerId);
    return (await applicationCase(t.deps.db, actor, id, localDate(t.deps.now()))).view;
  }

  /** An application registered by the office from paper, received on `submittedOn`. */
  async function registeredOn(submittedOn: string, overrides: Record<string, unknown> = {}) {
    const actor = await actorOf(t.deps, officerId);
    return submitApplication(t.deps, { actor }, validApplication(city.dept.code, overrides), {
      receipt: { channel: 'in-person', submittedOn },
    });
  }

  const logins: Record<'officer' | 'head' | 'west' | 'auditor', { login: string; password: string }> =
    {} as never;
  async function logInAll() {
    officer = await browserOf(logins.officer);
    head = await browserOf(logins.head);
    west = await browserOf(logins.west);
    auditor = await browserOf(logins.auditor);
  }

  before(async () => {
    t = await createTestApp({ now: NOW, env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    const o = await buildUser(t.deps, { agencyId: city.dept.id, role: 'officer' });
    officerId = o.id;
    officerLogin = o;
    logins.officer = o;
    logins.head = await buildUser(t.deps, { agencyId: city.dept.id, role: 'office_head' });
    logins.west = await buildUser(t.deps, { agencyId: city.west.id, role: 'officer' });
    logins.auditor = await buildUser(t.deps, { agencyId: city.dept.id, role: 'auditor' });
    await logInAll();
  });
  after(() => t.close());

  test('the inbox lists the agency’s applications with 已逾期 and 即将到期 marks in words', async () => {
    // Received 9 Oct: 20 working days ran out long before today.
    const late = await registeredOn('2026-10-09', { name: '逾期甲' });
    // Received Tue 3 Nov: Nov 4–6 (3), 9–13 (8), 16–20 (13), 23–27 (18), Mon 30 (19), Tue 1 Dec (20).
    const soon = await registeredOn('2026-11-03', { name: '将到期乙' });
    assert.equal(soon.dueDate, '2026-12-01');
    const fresh = await submitted(t.deps, city.dept.code, { name: '新申请丙' });
    const page = await officer.get('/admin/applications');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a href="\/admin\/applications" aria-current="page">依申请公开<\/a>/);
    const row = (tracking: string) => {
      const m = new RegExp(`<tr>(?:(?!</tr>).)*${tracking}(?:(?!</tr>).)*</tr>`, 's').exec(page.body);
      assert.ok(m, `row of ${tracking}`);
      return m[0];
    };
    assert.match(row(late.trackingNumber), /逾期甲.*办理中.*<span class="tag tag-red">已逾期<\/span>/s);
    assert.match(row(soon.trackingNumber), /2026年12月1日.*<span class="tag tag-amber">即将到期<\/span>/s);
    assert.doesNotMatch(row(fresh.trackingNumber), /已逾期|即将到期/);
    assert.match(row(fresh.trackingNumber), /2026年12月28日.*未分配/s);
    // Sorted by due date: the overdue one first.
    assert.ok(page.body.indexOf(late.trackingNumber) < page.body.indexOf(fresh.trackingNumber));
    const overdue = await officer.get('/admin/applications?view=overdue');
    assert.match(overdue.body, new RegExp(late.trackingNumber));
    assert.doesNotMatch(overdue.body, new RegExp(fresh.trackingNumber));
    const soonTab = await officer.get('/admin/applications?view=dueSoon');
    assert.match(soonTab.body, new RegExp(soon.trackingNumber));
    assert.doesNotMatch(soonTab.body, new RegExp(late.trackingNumber));
    const search = await officer.get(`/admin/applications?q=${encodeURIComponent('新申请丙')}`);
    assert.match(search.body, new RegExp(fresh.trackingNumber));
    assert.doesNotMatch(search.body, new RegExp(late.trackingNumber));
    // Another district sees none of them.
    const other = await west.get('/admin/applications?view=all');
    assert.doesNotMatch(other.body, new RegExp(fresh.trackingNumber));
  });

  test('registering a signed-for post application counts from the day it was signed for', async () => {
    const form = await officer.get('/admin/applications/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /以本机关签收之日为收到申请之日/);
    const fields = {
      ...(validApplication(city.dept.code) as Record<string, string>),
      name: '邮寄申请人',
      channel: 'signed-post',
      signedOn: '2026-11-27',
      // Left over from another channel: ignored for signed post.
      submittedOn: '2026-11-30',
    };
    const res = await officer.post('/admin/applications/new', fields);
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    assert.match(res.body, /申请已登记/);
    const tracking = /id="tracking-number">([^<]+)</.exec(res.body)![1]!;
    assert.match(res.body, /id="query-code">[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}</);
    // Fri 27 Nov: Nov 30 (1), Dec 1–4 (5), 7–11 (10), 14–18 (15), 21–25 (20).
    assert.match(res.body, /收到申请之日.*2026年11月27日/s);
    assert.match(res.body, /答复期限.*2026年12月25日/s);
    const [row] = await t.deps.db.select().from(application).where(eq(application.trackingNumber, tracking));
    assert.equal(row?.receivedOn, '2026-11-27');
    assert.equal(row?.channel, 'signed-post');
    // Ordinary post without the confirmation: not received yet, nothing stored, every problem named.
    const before = (await t.deps.db.select({ id: application.id }).from(application)).length;
    const bad = await officer.post('/admin/applications/new', {
      ...fields,
      channel: 'ordinary-post',
      arrivedOn: '2026-11-27',
      confirmedOn: '',
      phone: '12',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(
      bad.body,
      /href="#f-confirmedOn">以平常信函、互联网或传真提交的申请，以双方确认之日为收到申请之日/,
    );
    assert.match(bad.body, /href="#f-phone">联系电话格式不正确/);
    assert.equal((await t.deps.db.select({ id: application.id }).from(application)).length, before);
  });

  test('every table 三 outcome row can be reached through the back office', async () => {
    const reached = new Map<Outcome, number>();
    for (const outcome of DECISION_OUTCOMES) {
      const s = await submitted(t.deps, city.dept.code);
      if (outcome === 'unable.unclearAfterCorrection') {
        assert.equal(
          (await act(officer, s.id, 'correctionRequested', { dueBy: '2026-12-14', note: '请写明文件名称' }))
            .statusCode,
          303,
        );
        assert.equal((await act(officer, s.id, 'correctionReceived')).statusCode, 303);
      }
      const rule = OUTCOME_RULES[outcome];
      // The first step shows the grounds of the chosen outcome only.
      const step = await officer.get(`/admin/applications/${s.id}?outcome=${encodeURIComponent(outcome)}`);
      for (const g of rule.grounds) assert.match(step.body, new RegExp(`<option value="${g}"`));
      const res = await act(officer, s.id, 'decisionServed', {
        outcome,
        ground: rule.grounds[0] ?? '',
        reasons: rule.group === 'granted' ? '' : '经审查，依法作出上述答复。',
        disclosed: rule.group === 'granted' || rule.group === 'partial' ? '提供文件一份' : '',
      });
      assert.equal(res.statusCode, 303, `${outcome}: ${res.body.slice(0, 300)}`);
      const page = await officer.get(res.headers.location as string);
      assert.match(page.body, /已记录：作出答复/);
      assert.ok(page.body.includes(`办理结果：${rule.label}`), `${outcome} shown on the case page`);
      reached.set(outcome, s.id);
    }
    // 其他处理: the closures follow from facts.
    const noCorrection = await submitted(t.deps, city.dept.code);
    assert.equal(
      (
        await act(officer, noCorrection.id, 'correctionRequested', {
          dueBy: '2026-12-07',
          note: '请补充文号',
        })
      ).statusCode,
      303,
    );
    const unpaid = await submitted(t.deps, city.dept.code);
    const fee = await act(officer, unpaid.id, 'feeNotified', {
      amount: '100',
      note: '按件计收：第11件，100元。',
    });
    assert.equal(fee.statusCode, 303, /error-summary.{0,600}/s.exec(fee.body)?.[0]);
    assert.equal((await act(officer, unpaid.id, 'feeNoticeReceived')).statusCode, 303);
    const withdrawn = await submitted(t.deps, city.dept.code);
    assert.equal((await act(officer, withdrawn.id, 'withdrawn', { note: '申请人来电撤回' })).statusCode, 303);
    reached.set('other.misc', withdrawn.id);
    assert.equal((await view(noCorrection.id)).outcome, null, 'still open while the correction period runs');
    try {
      // Wed 30 Dec: past the correction period (7 Dec) and the 20 working days to pay (from 30 Nov).
      t.setNow(new Date('2026-12-30T02:00:00Z'));
      reached.set('other.noCorrection', noCorrection.id);
      reached.set('other.feeUnpaid', unpaid.id);
      for (const [outcome, id] of reached) assert.equal((await view(id)).outcome, outcome, outcome);
      // A month later the old session has expired: log in again.
      const later = await browserOf(officerLogin);
      const closed = await later.get(`/admin/applications/${unpaid.id}`);
      assert.match(closed.body, /逾期未缴费，不再处理/);
    } finally {
      t.setNow(NOW);
      // Logging in a month later swept the sessions that had expired by then: everyone logs in again.
      await logInAll();
    }
    assert.deepEqual([...reached.keys()].sort(), [...OUTCOMES].sort());
  });

  test('a refusal without its ground or reasons comes back with the fields named and the input kept', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const res = await act(officer, s.id, 'decisionServed', { outcome: 'partial', ground: '', reasons: '' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /href="#f-decisionServed-ground">请选择依据/);
    assert.match(res.body, /href="#f-decisionServed-reasons">请说明理由/);
    assert.match(res.body, /<details id="act-decisionServed" class="case-action" open="">/);
    const events = await t.deps.db
      .select()
      .from(applicationEvent)
      .where(eq(applicationEvent.applicationId, s.id));
    assert.equal(events.length, 1);
  });

  test('the fee calculator shows the progressive bands and fills in the amount and the explanation', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const page = await officer.get(`/admin/applications/${s.id}?feeMethod=item&feeUnits=25&feeEarlier=0`);
    assert.equal(page.statusCode, 200);
    // Items 1–10 free, 11–25: 15 × 100 元 (国办函〔2020〕109号).
    assert.match(page.body, /计算结果：1500元/);
    assert.match(page.body, /第11至25件：15件 × 100元 = 1500元。/);
    assert.match(page.body, /name="feeNotified.amount" type="number" value="1500"/);
    assert.match(page.body, /<details id="act-feeNotified" class="case-action" open="">/);
    const huge = await officer.get(`/admin/applications/${s.id}?feeMethod=item&feeUnits=1e308`);
    assert.equal(huge.statusCode, 200);
    assert.match(huge.body, /请填写不超过 999999 的整数/);
  });

  test('consultation letters out and answers in, 第三十五条 and a transfer go through their forms', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const sent = await act(officer, s.id, 'consultationSent', {
      party: '江南建设有限公司',
      kind: 'third-party',
    });
    assert.equal(sent.statusCode, 303, /error-summary.{0,500}/s.exec(sent.body)?.[0]);
    const page = await officer.get(`/admin/applications/${s.id}`);
    assert.match(page.body, /征求意见中/);
    // The open consultation is offered by name in the receipt and answer forms.
    assert.match(page.body, /name="consultationReceived.party"[^>]*><option value="江南建设有限公司"/);
    assert.equal(
      (await act(officer, s.id, 'consultationReceived', { party: '江南建设有限公司' })).statusCode,
      303,
    );
    const answered = await act(officer, s.id, 'consultationAnswered', {
      party: '江南建设有限公司',
      note: '不同意公开报价',
    });
    assert.equal(answered.statusCode, 303);
    assert.equal((await view(s.id)).state, 'received');
    const period = await act(officer, s.id, 'reasonablePeriodNotified', { replyBy: '2027-01-29', note: '' });
    assert.equal(period.statusCode, 422);
    assert.match(period.body, /href="#f-reasonablePeriodNotified-note">请说明理由/);
    assert.equal(
      (
        await act(officer, s.id, 'reasonablePeriodNotified', {
          replyBy: '2027-01-29',
          note: '申请人本月已提交申请40件',
        })
      ).statusCode,
      303,
    );
    const moved = await act(officer, s.id, 'transferred', {
      to: '江南市住房和城乡建设局',
      reason: '该信息由住建局制作',
      note: '电话 0512-00000000，地址 江南市人民路1号',
    });
    assert.equal(moved.statusCode, 303, /error-summary.{0,600}/s.exec(moved.body)?.[0]);
    const done = await officer.get(moved.headers.location as string);
    assert.match(done.body, /已记录：转交有权机关/);
    assert.match(done.body, /已转交有权机关/);
    assert.match(done.body, /转交：江南市住房和城乡建设局/);
    assert.equal((await view(s.id)).outcome, 'unable.notHeld');
  });

  test('an officer of another agency gets 404 for the case page, its files and its POSTs', async () => {
    const s = await submitted(t.deps, city.dept.code);
    assert.equal((await west.get(`/admin/applications/${s.id}`)).statusCode, 404);
    assert.equal((await west.get(`/admin/applications/${s.id}/files/1`)).statusCode, 404);
    await west.get('/admin/applications');
    const csrf = west.csrfToken();
    const posts = [
      west.post(
        `/admin/applications/${s.id}/events`,
        { type: 'withdrawn', version: '1', 'withdrawn.on': TODAY },
        { csrf },
      ),
      west.post(`/admin/applications/${s.id}/assign`, { version: '1', userId: '' }, { csrf }),
      west.post(`/admin/applications/${s.id}/personal-data`, {}, { csrf }),
    ];
    for (const r of await Promise.all(posts)) assert.equal(r.statusCode, 404);
    assert.equal((await view(s.id)).state, 'received');
  });

  test('an officer requests an extension; only the office head may approve it', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const req = await act(officer, s.id, 'extensionRequested', { workdays: '10', reason: '需调取档案' });
    assert.equal(req.statusCode, 303);
    const page = await officer.get(`/admin/applications/${s.id}`);
    assert.match(page.body, /延期待批准/);
    assert.match(page.body, /只有政府信息公开工作机构负责人可以批准/);
    const denied = await officer.post(`/admin/applications/${s.id}/events`, {
      type: 'extensionApproved',
      version: /name="version" value="(\d+)"/.exec(page.body)![1]!,
      'extensionApproved.on': TODAY,
      'extensionApproved.workdays': '10',
    });
    assert.equal(denied.statusCode, 403);
    const headPage = await head.get(`/admin/applications/${s.id}`);
    assert.match(headPage.body, /批准延长/);
    const ok = await act(head, s.id, 'extensionApproved', { workdays: '10' });
    assert.equal(ok.statusCode, 303);
    // 28 Dec + 10 working days: Dec 29–31 (3), Jan 4–8 (8)… the clock decides; it moved later.
    const v = await view(s.id);
    assert.equal(v.deadline.originalDueDate, '2026-12-28');
    assert.ok(v.deadline.dueDate! > '2026-12-28');
    assert.equal(v.extensionPending, null);
  });

  test('two posts on the same version: one is recorded, the other is told and keeps its input', async () => {
    const s = await submitted(t.deps, city.dept.code);
    await officer.get(`/admin/applications/${s.id}`);
    const body = {
      type: 'correctionRequested',
      version: '1',
      'correctionRequested.on': TODAY,
      'correctionRequested.dueBy': '2026-12-14',
      'correctionRequested.note': '请写明所需文件的名称或文号',
    };
    const [a, b] = await Promise.all([
      officer.post(`/admin/applications/${s.id}/events`, body),
      head.post(
        `/admin/applications/${s.id}/events`,
        { ...body, 'correctionRequested.note': '第二位工作人员的补正事项' },
        { csrf: await csrfOf(head, s.id) },
      ),
    ]);
    const statuses = [a.statusCode, b.statusCode].sort();
    assert.deepEqual(statuses, [303, 409]);
    const lost = a.statusCode === 409 ? a : b;
    assert.match(lost.body, /该申请已被他人更新/);
    assert.equal((lost.body.match(/该申请已被他人更新/g) ?? []).length, 1);
    const events = await t.deps.db
      .select()
      .from(applicationEvent)
      .where(and(eq(applicationEvent.applicationId, s.id), eq(applicationEvent.type, 'correctionRequested')));
    assert.equal(events.length, 1);
  });

  async function csrfOf(b: Browser, id: number) {
    await b.get(`/admin/applications/${id}`);
    return b.csrfToken();
  }

  test('the full identity is shown on request, and every look is audited', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const page = await officer.get(`/admin/applications/${s.id}`);
    assert.match(page.body, /320\*{11}1234/);
    assert.ok(!page.body.includes(VALID_RESIDENT_ID));
    assert.ok(!page.body.includes('13812345678'));
    const shown = await officer.post(`/admin/applications/${s.id}/personal-data`, {});
    assert.equal(shown.statusCode, 200);
    assert.ok(shown.body.includes(VALID_RESIDENT_ID));
    assert.ok(shown.body.includes('13812345678'));
    assert.ok(shown.body.includes('zhangsan@example.com'));
    assert.match(shown.body, /本次查看已记入审计日志/);
    const audits = await t.deps.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.action, 'application.personalDataViewed'), eq(auditEvent.subjectId, String(s.id))),
      );
    assert.equal(audits.length, 1);
    // An auditor reads the case but not the full identity.
    const seen = await auditor.get(`/admin/applications/${s.id}`);
    assert.equal(seen.statusCode, 200);
    assert.doesNotMatch(seen.body, /查看完整身份信息/);
    assert.equal((await auditor.post(`/admin/applications/${s.id}/personal-data`, {})).statusCode, 403);
  });

  test('an attachment downloads from its own application only', async () => {
    const actor = await actorOf(t.deps, officerId);
    const s = await submitApplication(t.deps, { actor }, validApplication(city.dept.code), {
      receipt: { channel: 'in-person', submittedOn: TODAY },
      attachments: [
        { filename: '申请书扫描件.pdf', mediaType: 'application/pdf', bytes: Buffer.from('%PDF-1.4 test') },
      ],
    });
    const other = await submitted(t.deps, city.dept.code);
    const page = await officer.get(`/admin/applications/${s.id}`);
    const href = /href="(\/admin\/applications\/\d+\/files\/\d+)"/.exec(page.body)![1]!;
    const file = await officer.get(href);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-disposition']), /^attachment; filename\*=UTF-8''/);
    assert.equal(file.body, '%PDF-1.4 test');
    const fileId = href.split('/').pop();
    assert.equal((await officer.get(`/admin/applications/${other.id}/files/${fileId}`)).statusCode, 404);
  });

  test('assigning to an officer of the agency shows in the inbox under 我的', async () => {
    const s = await submitted(t.deps, city.dept.code, { name: '分配测试' });
    const page = await officer.get(`/admin/applications/${s.id}`);
    const version = /name="version" value="(\d+)"/.exec(page.body)![1]!;
    const res = await officer.post(`/admin/applications/${s.id}/assign`, {
      version,
      userId: String(officerId),
    });
    assert.equal(res.statusCode, 303);
    assert.match((await officer.get(res.headers.location as string)).body, /已记录：分配承办人/);
    const mine = await officer.get('/admin/applications?assigned=me');
    assert.match(mine.body, new RegExp(s.trackingNumber));
    const unassigned = await officer.get('/admin/applications?assigned=none');
    assert.doesNotMatch(unassigned.body, new RegExp(s.trackingNumber));
  });
});
