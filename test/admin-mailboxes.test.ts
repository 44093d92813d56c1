// 信箱设置 in the back office: an office head adds a mailbox with its time limits and warning levels,
// sees it listed in words, edits it (a stale edit is refused), gets Chinese errors for bad numbers;
// another district's mailbox is 404 and an officer may not configure mailboxes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { mailbox } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildCity, buildUser } from './support/factories.js';
import { buildMailbox } from './support/letters.js';

describe('back office: mailbox configuration', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let head: Browser;
  let officer: Browser;

  const browserOf = async (u: { login: string; password: string }) => {
    const b = new Browser(t.app);
    assert.equal((await b.login(u.login, u.password)).statusCode, 303);
    return b;
  };

  const form = (over: Record<string, string> = {}) => ({
    name: '东区区长信箱',
    code: 'east-head',
    kind: 'leader',
    agencyId: String(city.east.id),
    leaderName: '李某某',
    leaderTitle: '区长',
    intro: '受理范围：东区的咨询、建议、投诉和求助。',
    'timeLimits.consult': '4',
    'timeLimits.suggest': '5',
    'timeLimits.complain': '8',
    'timeLimits.help': '6',
    maxExtensionDays: '10',
    warnDaysBefore: '1',
    yellowDaysAfter: '0',
    redDaysAfter: '3',
    reviewRequired: 'yes',
    queryCodeLength: '8',
    nameRequired: 'yes',
    phoneRequired: 'yes',
    active: 'yes',
    sortOrder: '1',
    ...over,
  });

  before(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    head = await browserOf(await buildUser(t.deps, { agencyId: city.east.id, role: 'office_head' }));
    officer = await browserOf(await buildUser(t.deps, { agencyId: city.east.id, role: 'officer' }));
  });
  after(() => t.close());

  test('an office head adds a mailbox and sees its rules in words', async () => {
    const page = await head.get('/admin/mailboxes/new');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<a href="\/admin\/mailboxes" aria-current="page">信箱设置<\/a>/);
    // The documented defaults are prefilled.
    assert.match(page.body, /name="timeLimits.complain" type="number" value="7"/);
    const res = await head.post('/admin/mailboxes/new', form());
    assert.equal(res.statusCode, 303, res.body.slice(0, 400));
    const list = await head.get(res.headers.location as string);
    assert.match(list.body, /已新增信箱/);
    assert.match(list.body, /东区区长信箱.*区长 李某某.*领导信箱.*东区人民政府/s);
    assert.match(list.body, /咨询 4、建议 5、投诉 8、求助 6 个工作日/);
    assert.match(list.body, /预警：到期前 1 个工作日；黄牌：逾期超过 0 个工作日；红牌：逾期超过 3 个工作日/);
    const [row] = await t.deps.db.select().from(mailbox).where(eq(mailbox.code, 'east-head'));
    assert.deepEqual(row?.timeLimits, { consult: 4, suggest: 5, complain: 8, help: 6 });
    assert.equal(row?.queryCodeLength, 8);
    assert.equal(row?.emailRequired, false);
  });

  test('bad numbers come back with Chinese messages beside their fields, nothing saved', async () => {
    await head.get('/admin/mailboxes/new');
    const res = await head.post(
      '/admin/mailboxes/new',
      form({ code: 'east-bad', 'timeLimits.consult': '0', queryCodeLength: '2', redDaysAfter: '' }),
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /咨询的办理时限至少 1 个工作日/);
    assert.match(res.body, /查询码至少 4 位/);
    assert.match(res.body, /href="#f-timeLimits-consult"/);
    const rows = await t.deps.db.select().from(mailbox).where(eq(mailbox.code, 'east-bad'));
    assert.equal(rows.length, 0);
  });

  test('editing saves the new rules; a stale form is refused with the input kept', async () => {
    const box = await buildMailbox(t.deps, {
      agencyId: city.east.id,
      name: '东区信访信箱',
      code: 'east-mail',
    });
    const edit = await head.get(`/admin/mailboxes/${box.id}/edit`);
    assert.equal(edit.statusCode, 200);
    const version = /name="version" value="(\d+)"/.exec(edit.body)?.[1];
    assert.ok(version);
    const values = {
      ...form({ name: '东区信访信箱', code: 'east-mail', kind: 'agency', leaderName: '', leaderTitle: '' }),
      'timeLimits.consult': '3',
      active: '',
      version,
    };
    const ok = await head.post(`/admin/mailboxes/${box.id}/edit`, values);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 400));
    const [row] = await t.deps.db.select().from(mailbox).where(eq(mailbox.id, box.id));
    assert.equal(row?.timeLimits.consult, 3);
    assert.equal(row?.active, false);
    const list = await head.get('/admin/mailboxes');
    assert.match(list.body, /东区信访信箱(?:(?!<\/tr>).)*停用/s);
    // The same (now stale) version again.
    await head.get(`/admin/mailboxes/${box.id}/edit`);
    const stale = await head.post(`/admin/mailboxes/${box.id}/edit`, {
      ...values,
      'timeLimits.consult': '9',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /已被他人修改/);
    assert.match(stale.body, /name="timeLimits.consult" type="number" value="9"/);
  });

  test('scope and rights: another district’s mailbox is 404, an officer may not configure', async () => {
    const west = await buildMailbox(t.deps, { agencyId: city.west.id, name: '西区信箱' });
    assert.equal((await head.get(`/admin/mailboxes/${west.id}/edit`)).statusCode, 404);
    const list = await head.get('/admin/mailboxes');
    assert.doesNotMatch(list.body, /西区信箱/);
    assert.equal((await officer.get('/admin/mailboxes')).statusCode, 403);
    assert.equal((await officer.get('/admin/mailboxes/new')).statusCode, 403);
    assert.doesNotMatch((await officer.get('/admin')).body, /信箱设置/);
  });
});
