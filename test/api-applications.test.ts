// The applications API (issue 9.8) as an integration would use it: apply without a token, look the
// application up with its tracking number and query code, and — with a staff token — list, read,
// handle and decide it. "Today" is Monday 30 November 2026 in Beijing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { Validator } from '@seriousme/openapi-schema-validator';
import { refreshApplicationViews } from '../src/commands/refresh-application-views.js';
import { application } from '../src/db/schema.js';
import { OUTCOME_RULES, OUTCOMES, type Outcome } from '../src/domain/applications/outcomes.js';
import { createTestApp, type TestApp } from './support/app.js';
import { apiGet, tokenFor } from './support/api.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';
import { validApplication, VALID_CREDIT_CODE } from './support/applications.js';

const MONDAY = new Date('2026-11-30T02:00:00Z');
const CHINESE = /[\u4e00-\u9fff]/;

let clients = 0;
/** A client address of its own, so one test's calls do not use up another's rate limit. */
const newClient = () => `10.0.${Math.floor(++clients / 250)}.${clients % 250}`;

function post(
  app: FastifyInstance,
  url: string,
  body: unknown,
  opts: { token?: string; ip?: string; cookie?: string } = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url,
    remoteAddress: opts.ip ?? newClient(),
    headers: {
      'content-type': 'application/json',
      ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
      ...(opts.cookie ? { cookie: opts.cookie } : {}),
    },
    payload: JSON.stringify(body),
  });
}

async function countApplications(t: TestApp): Promise<number> {
  return (await t.deps.db.select({ id: application.id }).from(application)).length;
}

describe('applications API: apply and look up (public)', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  before(async () => {
    t = await createTestApp({ now: MONDAY });
    city = await buildCity(t.deps);
  });
  after(() => t.close());

  test('POST on a working day answers 201 with a due date 20 working days after receipt', async () => {
    const before = await countApplications(t);
    const res = await post(t.app, '/api/v1/applications', validApplication(city.dept.code));
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), ['dueDate', 'queryCode', 'receivedOn', 'trackingNumber']);
    assert.equal(body.receivedOn, '2026-11-30');
    // Working days after Mon 30 Nov: Dec 1–4 (4), 7–11 (9), 14–18 (14), 21–25 (19), Mon 28 (20).
    assert.equal(body.dueDate, '2026-12-28');
    assert.match(body.trackingNumber, /^2026-\d{7}$/);
    assert.match(body.queryCode, /^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    assert.equal(await countApplications(t), before + 1);
  });

  test('bad input to every field gets a Chinese message under its name, and nothing is stored', async () => {
    const long = (n: number) => '长'.repeat(n);
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['agencyCode', { agencyCode: '' }, /请选择受理机关/],
      ['agencyCode', { agencyCode: 'NO.SUCH' }, /受理机关不存在/],
      ['applicantType', { applicantType: 'person' }, /请选择申请人类型/],
      ['name', { name: '  ' }, /请填写申请人姓名或名称/],
      ['contactPerson', { contactPerson: long(51) }, /联系人不能超过 50 个字/],
      ['idType', { idType: 'idcard' }, /请选择证件类型/],
      ['idType', { idType: 'creditCode', idNumber: VALID_CREDIT_CODE }, /自然人应提供/],
      ['idNumber', { idNumber: '' }, /请填写公民身份号码/],
      ['phone', { phone: '12' }, /联系电话格式不正确/],
      ['email', { email: 'not-an-address' }, /电子邮箱格式不正确/],
      ['email', { email: null, delivery: 'email' }, /请填写电子邮箱/],
      ['address', { address: long(201) }, /通信地址不能超过 200 个字/],
      ['address', { address: null, delivery: 'post' }, /请填写通信地址/],
      ['postalCode', { postalCode: '1234' }, /邮政编码应为 6 位数字/],
      ['description', { description: '学校' }, /请描述所需的政府信息/],
      ['documentTitle', { documentTitle: long(201) }, /文件名称不能超过 200 个字/],
      ['documentNumber', { documentNumber: long(101) }, /文号不能超过 100 个字/],
      ['form', { form: 'fax' }, /请选择获取信息的形式/],
      ['delivery', { delivery: 'pigeon' }, /请选择获取信息的途径/],
      ['purpose', { purpose: '科研' }, /不支持的字段「purpose」/],
    ];
    const before = await countApplications(t);
    const ip = newClient();
    for (const [field, override, message] of cases) {
      const res = await post(t.app, '/api/v1/applications', validApplication(city.dept.code, override), {
        ip,
      });
      assert.equal(res.statusCode, 422, `${field}: ${res.body}`);
      const { error } = res.json();
      assert.equal(error.code, 'INVALID_INPUT');
      assert.match(error.message, CHINESE);
      assert.deepEqual(Object.keys(error.fieldErrors), [field], `${field}: ${res.body}`);
      assert.match(error.fieldErrors[field], message, field);
    }
    // Not even an object; and several problems at once are all named.
    const notObject = await post(t.app, '/api/v1/applications', ['x'], { ip });
    assert.equal(notObject.statusCode, 422);
    assert.match(JSON.stringify(notObject.json().error.fieldErrors), /JSON 对象/);
    const many = await post(t.app, '/api/v1/applications', { phone: '1', emial: 'x@example.com' }, { ip });
    const fields = Object.keys(many.json().error.fieldErrors).sort();
    for (const f of [
      'agencyCode',
      'applicantType',
      'name',
      'idType',
      'phone',
      'description',
      'form',
      'delivery',
      'emial',
    ])
      assert.ok(fields.includes(f), `${f} in ${fields.join(',')}`);
    assert.equal(await countApplications(t), before);
  });

  test('a wrong check digit of a 居民身份证 and of a 统一社会信用代码 is named', async () => {
    const before = await countApplications(t);
    const person = await post(
      t.app,
      '/api/v1/applications',
      validApplication(city.dept.code, { idNumber: '320508198503121235' }),
    );
    assert.equal(person.statusCode, 422);
    assert.match(person.json().error.fieldErrors.idNumber, /公民身份号码.*校验/);
    const company = await post(
      t.app,
      '/api/v1/applications',
      validApplication(city.dept.code, {
        applicantType: 'commercial',
        idType: 'creditCode',
        idNumber: VALID_CREDIT_CODE.slice(0, 17) + '5',
      }),
    );
    assert.equal(company.statusCode, 422);
    assert.match(company.json().error.fieldErrors.idNumber, /统一社会信用代码.*校验/);
    // The valid code of the same company is accepted.
    const ok = await post(
      t.app,
      '/api/v1/applications',
      validApplication(city.dept.code, {
        applicantType: 'commercial',
        name: '苏州某某科技有限公司',
        contactPerson: '李四',
        idType: 'creditCode',
        idNumber: VALID_CREDIT_CODE,
      }),
    );
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(await countApplications(t), before + 1);
  });

  test('GET with the right code shows the case; a wrong code and an unknown number answer the same 404', async () => {
    const s = (await post(t.app, '/api/v1/applications', validApplication(city.dept.code))).json();
    const ip = newClient();
    const get = (number: string, code: string) =>
      t.app.inject({
        method: 'GET',
        url: `/api/v1/applications/${encodeURIComponent(number)}?queryCode=${encodeURIComponent(code)}`,
        remoteAddress: ip,
      });
    const res = await get(s.trackingNumber, s.queryCode.toLowerCase());
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.trackingNumber, s.trackingNumber);
    assert.equal(body.status, 'received');
    assert.equal(body.statusLabel, '办理中');
    assert.equal(body.receivedOn, '2026-11-30');
    assert.equal(body.dueDate, '2026-12-28');
    assert.equal(body.explanation.period, 20);
    assert.equal(body.outcome, null);
    // Notices served on the applicant so far (e.g. the receipt), each with the contract's fields only.
    for (const n of body.notices)
      assert.deepEqual(Object.keys(n).sort(), ['id', 'issuedOn', 'number', 'servedOn', 'title']);
    // Nothing of the applicant's personal data.
    assert.doesNotMatch(res.body, /张三|13812345678|320508/);
    const wrongCode = await get(s.trackingNumber, 'AAAA-BBBB-CCCC');
    const unknown = await get('2026-9999999', s.queryCode);
    for (const r of [wrongCode, unknown]) {
      assert.equal(r.statusCode, 404);
      assert.equal(r.headers['cache-control'], 'no-store');
    }
    const strip = (r: LightMyRequestResponse) => {
      const { requestId: _id, ...rest } = r.json().error;
      return rest;
    };
    assert.deepEqual(strip(wrongCode), strip(unknown));
    assert.equal(strip(wrongCode).code, 'NOT_FOUND');
    assert.match(strip(wrongCode).message, /申请编号或查询码不正确/);
    const noCode = await t.app.inject({
      method: 'GET',
      url: `/api/v1/applications/${s.trackingNumber}`,
      remoteAddress: ip,
    });
    assert.equal(noCode.statusCode, 422);
    assert.match(noCode.json().error.fieldErrors.queryCode, /请填写查询码/);
  });

  test('the applicant downloads a notice served on them as PDF; any miss is the same 404', async () => {
    const s = (await post(t.app, '/api/v1/applications', validApplication(city.dept.code))).json();
    const other = (await post(t.app, '/api/v1/applications', validApplication(city.dept.code))).json();
    const ip = newClient();
    const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: ip });
    const lookup = (await get(`/api/v1/applications/${s.trackingNumber}?queryCode=${s.queryCode}`)).json();
    // Online delivery: the 登记回执 is served in the lookup at once.
    const receipt = lookup.notices[0];
    assert.ok(receipt, 'a notice served online');
    const pdfUrl = (tn: string, id: number, code: string) =>
      `/api/v1/applications/${tn}/notices/${id}.pdf?queryCode=${encodeURIComponent(code)}`;
    const res = await get(pdfUrl(s.trackingNumber, receipt.id, s.queryCode));
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(res.headers['cache-control'], 'no-store');
    assert.match(
      String(res.headers['content-disposition']),
      /^attachment; filename="notice-\d+\.pdf"; filename\*=UTF-8''/,
    );
    assert.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const otherNotice = (
      await get(`/api/v1/applications/${other.trackingNumber}?queryCode=${other.queryCode}`)
    ).json().notices[0].id as number;
    const misses = [
      pdfUrl(s.trackingNumber, receipt.id, 'AAAA-BBBB-CCCC'),
      pdfUrl('2026-9999999', receipt.id, s.queryCode),
      pdfUrl(s.trackingNumber, otherNotice, s.queryCode),
      pdfUrl(s.trackingNumber, 999999, s.queryCode),
    ];
    const bodies = [];
    for (const url of misses) {
      const r = await get(url);
      assert.equal(r.statusCode, 404, url);
      const { requestId: _id, ...rest } = r.json().error;
      bodies.push(rest);
    }
    for (const b of bodies) assert.deepEqual(b, bodies[0]);
  });

  test('a logged-in browser session counts for nothing: the public POST is the platform’s, staff routes want a token', async () => {
    const officer = await buildUser(t.deps, { agencyId: city.city.id });
    const browser = new Browser(t.app);
    assert.equal((await browser.login(officer.login, officer.password)).statusCode, 303);
    const cookie = `gk_sid=${browser.cookie('gk_sid')}`;
    assert.equal((await t.app.inject({ method: 'GET', url: '/admin', headers: { cookie } })).statusCode, 200);
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/applications', headers: { cookie } });
    assert.equal(list.statusCode, 401);
    const reg = await post(
      t.app,
      '/api/v1/applications/register',
      { ...validApplication(city.dept.code), receipt: { channel: 'in-person', submittedOn: '2026-11-30' } },
      { cookie },
    );
    assert.equal(reg.statusCode, 401);
  });

  test('the public endpoints answer 429 after 30 calls a minute from one client', async () => {
    const ip = newClient();
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) {
      const res = await t.app.inject({
        method: 'GET',
        url: '/api/v1/applications/2026-0000001?queryCode=AAAA-BBBB-CCCC',
        remoteAddress: ip,
      });
      codes.push(res.statusCode);
    }
    assert.deepEqual(codes.slice(0, 30), Array(30).fill(404));
    assert.deepEqual(codes.slice(30), [429, 429]);
    const limited = await t.app.inject({
      method: 'GET',
      url: '/api/v1/applications/2026-0000001?queryCode=AAAA-BBBB-CCCC',
      remoteAddress: ip,
    });
    assert.equal(limited.json().error.code, 'RATE_LIMITED');
    assert.ok(limited.headers['retry-after']);
    // Another client is not affected.
    const other = await t.app.inject({
      method: 'GET',
      url: '/api/v1/applications/2026-0000001?queryCode=AAAA-BBBB-CCCC',
      remoteAddress: newClient(),
    });
    assert.equal(other.statusCode, 404);
    // The POST has its own limit of 30 per client.
    const postIp = newClient();
    const posts: number[] = [];
    for (let i = 0; i < 31; i++)
      posts.push((await post(t.app, '/api/v1/applications', {}, { ip: postIp })).statusCode);
    assert.deepEqual(posts.slice(0, 30), Array(30).fill(422));
    assert.equal(posts[30], 429);
  });
});

describe('applications API: staff', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let officer: string;
  let officerId: number;
  let head: string;
  let westOfficer: string;
  before(async () => {
    t = await createTestApp({ now: MONDAY });
    city = await buildCity(t.deps);
    const o = await buildUser(t.deps, { agencyId: city.east.id });
    officerId = o.id;
    officer = (await tokenFor(t.deps, o.login)).token;
    head = (
      await tokenFor(t.deps, (await buildUser(t.deps, { agencyId: city.east.id, role: 'office_head' })).login)
    ).token;
    westOfficer = (await tokenFor(t.deps, (await buildUser(t.deps, { agencyId: city.west.id })).login)).token;
  });
  after(() => t.close());

  async function apply(agencyCode = city.east.code) {
    const res = await post(t.app, '/api/v1/applications', validApplication(agencyCode));
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    if (agencyCode === city.west.code) return { ...r, id: 0 };
    const list = await apiGet(t.app, `/api/v1/applications?view=all&q=${r.trackingNumber}`, officer);
    const id = list.json().data[0]?.id as number;
    assert.ok(id, `${r.trackingNumber} in the officer's list`);
    return { ...r, id } as { id: number; trackingNumber: string; queryCode: string };
  }

  const caseOf = async (id: string, token = officer) =>
    apiGet(t.app, `/api/v1/applications/${id}/case`, token);
  const record = (id: string, version: number, event: Record<string, unknown>, token = officer) =>
    post(t.app, `/api/v1/applications/${id}/events`, { version, event }, { token });

  test('the list carries the contract fields, in the token user’s scope, paged by next', async () => {
    const a = await apply();
    const b = await apply(city.eastTown.code);
    await apply(city.west.code);
    const res = await apiGet(t.app, '/api/v1/applications?view=all&limit=1', officer);
    assert.equal(res.statusCode, 200, res.body);
    const first = res.json();
    assert.equal(first.data.length, 1);
    const item = first.data[0];
    for (const k of [
      'id',
      'trackingNumber',
      'agencyCode',
      'status',
      'dueDate',
      'outcome',
      'receivedOn',
      'applicantType',
      'assignedTo',
    ])
      assert.ok(k in item, k);
    assert.equal(item.trackingNumber, a.trackingNumber);
    assert.equal(item.agencyCode, city.east.code);
    assert.equal(item.status, 'received');
    assert.equal(item.dueDate, '2026-12-28');
    assert.equal(item.outcome, null);
    assert.doesNotMatch(res.body, /13812345678|320508198503121234|张三/);
    assert.equal(first.next, a.id);
    const second = (
      await apiGet(t.app, `/api/v1/applications?view=all&limit=1&after=${first.next}`, officer)
    ).json();
    assert.deepEqual(
      second.data.map((i: { trackingNumber: string }) => i.trackingNumber),
      [b.trackingNumber],
    );
    assert.equal(second.next, null, 'the west application is outside the east officer’s scope');
    const town = (
      await apiGet(t.app, `/api/v1/applications?view=all&agencyCode=${city.eastTown.code}`, officer)
    ).json();
    assert.deepEqual(
      town.data.map((i: { id: number }) => i.id),
      [b.id],
    );
    const outside = await apiGet(t.app, `/api/v1/applications?agencyCode=${city.west.code}`, officer);
    assert.equal(outside.statusCode, 404);
    const badView = await apiGet(t.app, '/api/v1/applications?view=late', officer);
    assert.equal(badView.statusCode, 422);
    assert.match(badView.json().error.fieldErrors.view, /view 只能是/);
    assert.equal((await apiGet(t.app, '/api/v1/applications')).statusCode, 401);
  });

  test('the case shows masked personal data, the deadline with its explanation, allowed steps and history', async () => {
    const a = await apply();
    const res = await caseOf(a.trackingNumber);
    assert.equal(res.statusCode, 200, res.body);
    const c = res.json();
    assert.equal(c.version, 1);
    assert.equal(c.applicant.idNumberMasked, '320***********1234');
    assert.doesNotMatch(res.body, /320508198503121234|13812345678|zhangsan@example\.com|人民路100号/);
    assert.equal(c.deadline.dueDate, '2026-12-28');
    assert.equal(c.deadline.explanation.period, 20);
    assert.ok(c.allowed.includes('correctionRequested'));
    assert.ok(c.allowed.includes('decisionServed'));
    assert.deepEqual(
      c.history.map((h: { type: string; label: string }) => [h.type, h.label]),
      [['received', '收到申请']],
    );
  });

  test('an officer of another agency gets 404 for reading and for acting on the application', async () => {
    const a = await apply();
    const read = await caseOf(a.trackingNumber, westOfficer);
    assert.equal(read.statusCode, 404);
    assert.equal(read.json().error.code, 'NOT_FOUND');
    const act = await record(a.trackingNumber, 1, { type: 'withdrawn', on: '2026-11-30' }, westOfficer);
    assert.equal(act.statusCode, 404);
    const assign = await post(
      t.app,
      `/api/v1/applications/${a.trackingNumber}/assign`,
      { version: 1, userId: null },
      { token: westOfficer },
    );
    assert.equal(assign.statusCode, 404);
    assert.equal((await caseOf(a.trackingNumber)).json().version, 1, 'nothing was recorded');
    // Outside the scope answers exactly like a number that does not exist.
    const unknown = await caseOf('2026-9999999');
    assert.equal(unknown.statusCode, 404);
    const { requestId: _a, ...outsideBody } = read.json().error;
    const { requestId: _b, ...unknownBody } = unknown.json().error;
    assert.deepEqual(outsideBody, unknownBody);
  });

  test('a stale version answers 409 CONFLICT; a step the state forbids 409 INVALID_TRANSITION; the head alone approves an extension', async () => {
    const a = await apply();
    const first = await record(a.trackingNumber, 1, {
      type: 'extensionRequested',
      on: '2026-11-30',
      workdays: 20,
      reason: '需要调取档案',
    });
    assert.equal(first.statusCode, 200, first.body);
    assert.equal(first.json().version, 2);
    const stale = await record(a.trackingNumber, 1, { type: 'withdrawn', on: '2026-11-30' });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().error.code, 'CONFLICT');
    assert.match(stale.json().error.message, CHINESE);
    const byOfficer = await record(a.trackingNumber, 2, {
      type: 'extensionApproved',
      on: '2026-11-30',
      workdays: 20,
    });
    assert.equal(byOfficer.statusCode, 403);
    assert.equal(byOfficer.json().error.code, 'NOT_ALLOWED');
    const byHead = await record(
      a.trackingNumber,
      2,
      { type: 'extensionApproved', on: '2026-11-30', workdays: 20 },
      head,
    );
    assert.equal(byHead.statusCode, 200, byHead.body);
    const paid = await record(a.trackingNumber, 3, { type: 'feePaid', on: '2026-11-30' });
    assert.equal(paid.statusCode, 409);
    assert.equal(paid.json().error.code, 'INVALID_TRANSITION');
    const c = (await caseOf(a.trackingNumber)).json();
    assert.equal(c.version, 3);
    assert.ok(c.deadline.dueDate > '2026-12-28');
    assert.deepEqual(
      c.history.map((h: { type: string }) => h.type),
      ['received', 'extensionRequested', 'extensionApproved'],
    );
  });

  test('a bad event is a 422 keyed under event', async () => {
    const a = await apply();
    const noDate = await record(a.trackingNumber, 1, { type: 'correctionRequested', on: '30/11/2026' });
    assert.equal(noDate.statusCode, 422);
    const fe = noDate.json().error.fieldErrors;
    assert.match(fe['event.on'], /日期应为 YYYY-MM-DD/);
    assert.ok(fe['event.dueBy']);
    const noType = await record(a.trackingNumber, 1, { type: 'lunch', on: '2026-11-30' });
    assert.equal(noType.statusCode, 422);
    assert.match(JSON.stringify(noType.json().error.fieldErrors), /请选择要记录的办理事项/);
    const refusal = await record(a.trackingNumber, 1, {
      type: 'decisionServed',
      on: '2026-11-30',
      outcome: 'denied.thirdParty',
    });
    assert.equal(refusal.statusCode, 422);
    assert.match(refusal.json().error.fieldErrors['event.reasons'], /请说明理由/);
    const noVersion = await post(
      t.app,
      `/api/v1/applications/${a.trackingNumber}/events`,
      { event: { type: 'withdrawn', on: '2026-11-30' } },
      { token: officer },
    );
    assert.equal(noVersion.statusCode, 422);
    assert.match(noVersion.json().error.fieldErrors.version, /版本号/);
    assert.equal((await caseOf(a.trackingNumber)).json().version, 1);
  });

  test('assign and take back, under the same lock', async () => {
    const a = await apply();
    const res = await post(
      t.app,
      `/api/v1/applications/${a.trackingNumber}/assign`,
      { version: 1, userId: officerId },
      { token: officer },
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), { version: 2 });
    const c = (await caseOf(a.trackingNumber)).json();
    assert.equal(c.assignedTo.id, officerId);
    const listed = (await apiGet(t.app, `/api/v1/applications?q=${a.trackingNumber}`, officer)).json();
    assert.match(listed.data[0].assignedTo, /测试用户/);
    const stale = await post(
      t.app,
      `/api/v1/applications/${a.trackingNumber}/assign`,
      { version: 1, userId: null },
      { token: officer },
    );
    assert.equal(stale.statusCode, 409);
    const back = await post(
      t.app,
      `/api/v1/applications/${a.trackingNumber}/assign`,
      { version: 2, userId: null },
      { token: officer },
    );
    assert.equal(back.statusCode, 200);
    assert.equal((await caseOf(a.trackingNumber)).json().assignedTo, null);
  });

  test('the office registers a posted application with the day it signed for it', async () => {
    const before = await countApplications(t);
    const body = {
      ...validApplication(city.east.code, { form: 'paper', delivery: 'post' }),
      receipt: { channel: 'signed-post', signedOn: '2026-11-27' },
    };
    const res = await post(t.app, '/api/v1/applications/register', body, { token: officer });
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json();
    assert.equal(r.receivedOn, '2026-11-27');
    // From Fri 27 Nov: Nov 30 (1), Dec 1–4 (5), 7–11 (10), 14–18 (15), 21–24 (19), Fri 25 (20).
    assert.equal(r.dueDate, '2026-12-25');
    const future = await post(
      t.app,
      '/api/v1/applications/register',
      { ...body, receipt: { channel: 'in-person', submittedOn: '2026-12-01' } },
      { token: officer },
    );
    assert.equal(future.statusCode, 422);
    assert.match(future.json().error.fieldErrors['receipt.submittedOn'], /不能晚于今天/);
    const unconfirmed = await post(
      t.app,
      '/api/v1/applications/register',
      { ...body, receipt: { channel: 'fax', arrivedOn: '2026-11-27' } },
      { token: officer },
    );
    assert.equal(unconfirmed.statusCode, 422);
    assert.match(unconfirmed.json().error.fieldErrors['receipt.confirmedOn'], /第三十一条/);
    const noReceipt = await post(t.app, '/api/v1/applications/register', validApplication(city.east.code), {
      token: officer,
    });
    assert.match(noReceipt.json().error.fieldErrors.receipt, /receipt/);
    const outside = await post(t.app, '/api/v1/applications/register', body, { token: westOfficer });
    assert.equal(outside.statusCode, 404);
    assert.equal(await countApplications(t), before + 1);
  });
});

describe('applications API: every table 三 outcome row can be reached', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let officer: string;
  before(async () => {
    t = await createTestApp({ now: MONDAY });
    city = await buildCity(t.deps);
    officer = (await tokenFor(t.deps, (await buildUser(t.deps, { agencyId: city.dept.id })).login)).token;
  });
  after(() => t.close());

  async function apply() {
    const res = await post(t.app, '/api/v1/applications', validApplication(city.dept.code));
    assert.equal(res.statusCode, 201, res.body);
    const r = res.json() as { trackingNumber: string; queryCode: string };
    const id = (await apiGet(t.app, `/api/v1/applications?view=all&q=${r.trackingNumber}`, officer)).json()
      .data[0].id as number;
    return { ...r, id };
  }

  async function step(id: string, event: Record<string, unknown>, note?: string) {
    const version = (await apiGet(t.app, `/api/v1/applications/${id}/case`, officer)).json().version;
    const res = await post(
      t.app,
      `/api/v1/applications/${id}/events`,
      { version, event, note },
      { token: officer },
    );
    assert.equal(res.statusCode, 200, `${JSON.stringify(event)}: ${res.body}`);
  }

  test('decisions through the decision event, closures through their facts and the passing of time', async () => {
    const reached = new Map<Outcome, { id: number; trackingNumber: string; queryCode: string }>();
    const later: Outcome[] = [];
    for (const outcome of OUTCOMES) {
      const a = await apply();
      const rule = OUTCOME_RULES[outcome];
      if (rule.source === 'decision') {
        if (outcome === 'unable.unclearAfterCorrection') {
          // Only a corrected application can still be unclear (第三十条).
          await step(a.trackingNumber, {
            type: 'correctionRequested',
            on: '2026-11-30',
            dueBy: '2026-12-14',
          });
          await step(a.trackingNumber, { type: 'correctionReceived', on: '2026-11-30' });
        }
        await step(a.trackingNumber, {
          type: 'decisionServed',
          on: '2026-11-30',
          outcome,
          ground: rule.grounds[0] ?? null,
          reasons: rule.group === 'granted' ? null : '经审查，依照所引条款作出上述答复。',
          disclosed: '所申请的信息以电子文件形式通过本平台提供。',
        });
      } else if (outcome === 'other.noCorrection') {
        await step(a.trackingNumber, { type: 'correctionRequested', on: '2026-11-30', dueBy: '2026-12-14' });
        later.push(outcome);
      } else if (outcome === 'other.feeUnpaid') {
        // The fee notice lists the calculation (the officer's note).
        await step(
          a.trackingNumber,
          { type: 'feeNotified', on: '2026-11-30', amount: 100 },
          '按件计收：超出部分 1 件，每件 100 元。',
        );
        await step(a.trackingNumber, { type: 'feeNoticeReceived', on: '2026-11-30' });
        later.push(outcome);
      } else if (outcome === 'other.misc') {
        await step(a.trackingNumber, { type: 'withdrawn', on: '2026-11-30' });
      } else {
        assert.fail(`no way through the API to ${outcome}`);
      }
      reached.set(outcome, a);
    }
    assert.deepEqual(later.sort(), ['other.feeUnpaid', 'other.noCorrection']);
    // Nothing corrected by 14 December, nothing paid within the payment period: time closes both
    // (the case and the lookup compute the view fresh; the list reads the view the nightly job refreshes).
    t.setNow(new Date('2027-02-01T02:00:00Z'));
    await refreshApplicationViews(t.deps);
    for (const [outcome, a] of reached) {
      const c = (await apiGet(t.app, `/api/v1/applications/${a.trackingNumber}/case`, officer)).json();
      assert.equal(c.outcome, outcome, `${outcome}: case`);
      assert.equal(c.outcomeLabel, OUTCOME_RULES[outcome].label);
      const pub = await t.app.inject({
        method: 'GET',
        url: `/api/v1/applications/${a.trackingNumber}?queryCode=${a.queryCode}`,
        remoteAddress: newClient(),
      });
      assert.equal(pub.json().outcome, outcome, `${outcome}: public lookup`);
      const listed = (
        await apiGet(t.app, `/api/v1/applications?view=closed&q=${a.trackingNumber}`, officer)
      ).json();
      assert.equal(listed.data.length, 1, `${outcome}: listed as closed`);
      assert.equal(listed.data[0].outcome, outcome, `${outcome}: list`);
    }
    assert.equal(reached.size, OUTCOMES.length);
  });
});

describe('applications API in the OpenAPI document', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(() => t.close());

  test('the document validates and describes every new path, the states, the outcomes and every event type', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const result = await new Validator().validate(structuredClone(spec));
    assert.deepEqual(result.errors ?? [], []);
    for (const [path, method] of [
      ['/api/v1/applications', 'post'],
      ['/api/v1/applications', 'get'],
      ['/api/v1/applications/{trackingNumber}', 'get'],
      ['/api/v1/applications/{trackingNumber}/case', 'get'],
      ['/api/v1/applications/{trackingNumber}/events', 'post'],
      ['/api/v1/applications/{trackingNumber}/assign', 'post'],
      ['/api/v1/applications/register', 'post'],
      ['/api/v1/applications/{trackingNumber}/notices/{noticeId}.pdf', 'get'],
    ] as const)
      assert.ok(spec.paths[path]?.[method], `${method} ${path}`);
    const submit = spec.paths['/api/v1/applications'].post;
    assert.deepEqual(submit.security, []);
    assert.ok(submit.responses['201'] && !submit.responses['200']);
    assert.equal(submit.responses['429'].$ref, '#/components/responses/RateLimited');
    assert.equal(
      spec.paths['/api/v1/applications/{trackingNumber}/events'].post.responses['409'].$ref,
      '#/components/responses/Conflict',
    );
    const schemas = spec.components.schemas;
    assert.deepEqual(schemas.ApplicationRequest.properties.applicantType.enum, [
      'natural',
      'commercial',
      'research',
      'publicInterest',
      'legalService',
      'otherOrg',
    ]);
    assert.deepEqual(schemas.ApplicationRequest.properties.idType.enum, [
      'residentId',
      'creditCode',
      'passport',
      'hkMacauPermit',
      'taiwanPermit',
      'other',
    ]);
    assert.ok(schemas.ApplicationRequest.required.includes('idNumber'));
    assert.ok(!schemas.ApplicationRequest.required.includes('email'));
    assert.deepEqual(schemas.PublicApplication.properties.status.enum, [
      'received',
      'awaiting-correction',
      'consulting',
      'awaiting-payment',
      'decided',
      'closed-abandoned',
      'closed-fee-unpaid',
      'withdrawn',
      'transferred',
    ]);
    const outcomeEnum =
      schemas.PublicApplication.properties.outcome.anyOf?.[0]?.enum ??
      schemas.PublicApplication.properties.outcome.enum;
    assert.deepEqual(
      outcomeEnum.filter((o: unknown) => o !== null),
      [...OUTCOMES],
    );
    const events = schemas.ApplicationEvent;
    assert.deepEqual(events.discriminator, { propertyName: 'type' });
    const types = events.oneOf.map(
      (s: { properties: { type: { const: string } } }) => s.properties.type.const,
    );
    assert.deepEqual(types.sort(), [
      'consultationAnswered',
      'consultationReceived',
      'consultationSent',
      'correctionReceived',
      'correctionRequested',
      'decisionServed',
      'extensionApproved',
      'extensionRequested',
      'feeNoticeReceived',
      'feeNotified',
      'feePaid',
      'reasonablePeriodNotified',
      'transferred',
      'withdrawn',
    ]);
    const pdf = spec.paths['/api/v1/applications/{trackingNumber}/notices/{noticeId}.pdf'].get;
    assert.ok(pdf.responses['200'].content['application/pdf']);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs' });
    assert.ok(docs.body.includes('POST /api/v1/applications'));
    assert.match(docs.body, /curl -X POST -H &quot;Content-Type: application\/json&quot;/);
  });
});
