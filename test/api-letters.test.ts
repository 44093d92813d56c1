// The letters API (政民互动, issue 13.7): write a letter (201 with the tracking number, the query code
// and the due date; 422 with Chinese field errors), look it up (404 alike for a wrong code and an
// unknown number), the mailboxes, and the public list of published letters, which never holds a
// phone, e-mail, address or unmasked name. All in the OpenAPI document. Today is 30 November 2026.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { letter } from '../src/db/schema.js';
import { PublishedLetterPage, WriterLetter } from '../src/http/api/letter-schemas.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity } from './support/factories.js';
import { buildMailbox, letterInState, validLetter, WRITER } from './support/letters.js';

let ip = 0;
const nextIp = () => `10.2.0.${++ip}`;

describe('API: letters', () => {
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
    });
    await buildMailbox(t.deps, {
      agencyId: city.dept.id,
      code: 'jyj',
      kind: 'agency',
      name: '教育局局长信箱',
    });
    await buildMailbox(t.deps, {
      agencyId: city.dept.id,
      code: 'old',
      kind: 'agency',
      name: '停用的信箱',
      active: false,
    });
  });
  after(async () => t?.close());

  const post = (payload: unknown) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/letters',
      payload: payload as object,
      remoteAddress: nextIp(),
    });
  const get = (url: string) => t.app.inject({ method: 'GET', url, remoteAddress: nextIp() });

  test('POST /api/v1/letters → 201 {trackingNumber, queryCode, dueDate}; the letter is stored from the API channel', async () => {
    const res = await post(validLetter('mayor', { kind: 'suggest' }));
    assert.equal(res.statusCode, 201, res.body);
    const body = res.json() as {
      trackingNumber: string;
      queryCode: string;
      dueDate: string | null;
      receivedOn: string;
    };
    assert.ok(body.trackingNumber && body.queryCode);
    assert.equal(body.receivedOn, '2026-11-30');
    assert.ok('dueDate' in body);
    assert.equal(res.headers['cache-control'], 'no-store');
    const [row] = await t.deps.db.select().from(letter).where(eq(letter.trackingNumber, body.trackingNumber));
    assert.equal(row?.channel, 'api');
    assert.equal(row?.kind, 'suggest');

    const found = await get(`/api/v1/letters/${body.trackingNumber}?queryCode=${body.queryCode}`);
    assert.equal(found.statusCode, 200, found.body);
    const view = WriterLetter.parse(found.json());
    assert.equal(view.state, 'submitted');
    assert.equal(view.stateLabel, '待受理');
    assert.equal(view.reply, null);
    assert.equal(view.canRate, false);
    for (const secret of [WRITER.phone, WRITER.email, WRITER.address])
      assert.ok(!found.body.includes(secret));
  });

  test('422 with Chinese field errors, every problem at once; unknown fields named; nothing stored', async () => {
    const before = await t.deps.db.$count(letter);
    const res = await post({
      mailboxCode: 'mayor',
      kind: 'praise',
      phone: '123',
      title: '',
      content: '短',
      publicConsent: 'maybe',
    });
    assert.equal(res.statusCode, 422);
    const e = (res.json() as { error: { code: string; fieldErrors: Record<string, string> } }).error;
    assert.equal(e.code, 'INVALID_INPUT');
    assert.equal(e.fieldErrors.kind, '请选择留言类型（咨询、建议、投诉或求助）');
    assert.match(e.fieldErrors.phone ?? '', /联系电话格式不正确/);
    assert.equal(e.fieldErrors.title, '请填写标题');
    assert.match(e.fieldErrors.content ?? '', /至少 10 个字/);
    assert.equal(e.fieldErrors.name, '请填写姓名', 'the mayor’s mailbox requires a name');

    const unknown = await post({ ...validLetter('mayor'), idNumber: '110101199003070000', title: '' });
    assert.equal(unknown.statusCode, 422);
    const u = (unknown.json() as { error: { fieldErrors: Record<string, string> } }).error.fieldErrors;
    assert.match(u.idNumber ?? '', /不支持的字段「idNumber」/);
    assert.equal(u.title, '请填写标题');

    const closed = await post(validLetter('old'));
    assert.equal(closed.statusCode, 422);
    assert.match(closed.body, /所选信箱不存在或已停用/);
    assert.equal(await t.deps.db.$count(letter), before);
  });

  test('lookup: a wrong code and an unknown number answer the same 404', async () => {
    const ok = (await post(validLetter('jyj'))).json() as { trackingNumber: string; queryCode: string };
    const wrong = await get(`/api/v1/letters/${ok.trackingNumber}?queryCode=000000`);
    const unknown = await get(`/api/v1/letters/XX000000000?queryCode=${ok.queryCode}`);
    assert.equal(wrong.statusCode, 404);
    assert.equal(unknown.statusCode, 404);
    const msg = (r: typeof wrong) => (r.json() as { error: { code: string; message: string } }).error;
    assert.deepEqual(
      { ...msg(wrong) },
      { ...msg(unknown), requestId: (msg(wrong) as { requestId?: string }).requestId },
    );
    assert.equal((await get(`/api/v1/letters/${ok.trackingNumber}`)).statusCode, 422, 'the code is required');
  });

  test('after the reply: the reply with its date and unit', async () => {
    const l = await letterInState(t.deps, 'jyj', 'replied');
    const res = await get(`/api/v1/letters/${l.trackingNumber}?queryCode=${l.queryCode}`);
    const view = WriterLetter.parse(res.json());
    assert.equal(view.state, 'replied');
    assert.equal(view.reply?.repliedOn, '2026-11-30');
    assert.equal(view.reply?.agencyName, '测试市教育局');
    assert.match(view.reply?.text ?? '', /积水问题/);
    assert.equal(view.canRate, true);
  });

  test('GET /api/v1/mailboxes → items {code, name, agencyCode} of the open mailboxes', async () => {
    const res = await get('/api/v1/mailboxes');
    assert.equal(res.statusCode, 200);
    const items = (
      res.json() as { items: { code: string; name: string; agencyCode: string; kind: string }[] }
    ).items;
    const mayor = items.find((i) => i.code === 'mayor');
    assert.deepEqual(
      { code: mayor?.code, name: mayor?.name, agencyCode: mayor?.agencyCode, kind: mayor?.kind },
      { code: 'mayor', name: '市长信箱', agencyCode: city.city.code, kind: 'leader' },
    );
    assert.ok(!items.some((i) => i.code === 'old'), 'an inactive mailbox is not listed');
  });

  test('GET /api/v1/letters: published letters only, paged, filtered by mailbox — never a contact detail', async () => {
    const pub = await letterInState(t.deps, 'mayor', 'published');
    await letterInState(t.deps, 'mayor', 'replied');
    const res = await get('/api/v1/letters?mailbox=mayor');
    assert.equal(res.statusCode, 200, res.body);
    const page = PublishedLetterPage.parse(res.json());
    assert.equal(page.total, 1);
    assert.equal(page.data[0]?.trackingNumber, pub.trackingNumber);
    assert.equal(page.data[0]?.writer, '张*丰');
    assert.equal(page.data[0]?.acceptedOn, '2026-11-30');
    assert.equal(page.data[0]?.repliedOn, '2026-11-30');
    assert.ok(page.data[0]?.url.endsWith(`/letters/${pub.trackingNumber}`));
    for (const secret of [WRITER.name, WRITER.phone, WRITER.email, WRITER.address])
      assert.ok(!res.body.includes(secret), secret);
    const jyj = PublishedLetterPage.parse((await get('/api/v1/letters?mailbox=jyj')).json());
    assert.equal(jyj.total, 0);
    assert.equal((await get('/api/v1/letters?mailbox=nope')).statusCode, 422);
    assert.equal((await get('/api/v1/letters?month=2026-13')).statusCode, 422);
    assert.equal((await get('/api/v1/letters?pageSize=1000')).statusCode, 422);
  });

  test('the four operations are in the OpenAPI document, public and without a token', async () => {
    const spec = (await get('/api/openapi.json')).json() as {
      paths: Record<string, Record<string, { operationId: string; security?: unknown[] }>>;
    };
    assert.equal(spec.paths['/api/v1/letters']?.post?.operationId, 'submitLetter');
    assert.equal(spec.paths['/api/v1/letters']?.get?.operationId, 'listPublishedLetters');
    assert.equal(spec.paths['/api/v1/letters/{trackingNumber}']?.get?.operationId, 'lookupLetter');
    assert.equal(spec.paths['/api/v1/mailboxes']?.get?.operationId, 'listMailboxes');
  });

  test('writing is rate-limited per client like the other public writes', async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/letters',
        payload: {},
        remoteAddress: '10.9.9.9',
      });
      last = res.statusCode;
    }
    assert.equal(last, 429);
  });
});
