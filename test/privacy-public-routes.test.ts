// No public page or API answer carries a writer's phone, e-mail, ID number or unmasked name (issue
// 13, "Must show"). On the demo city, plus letters written here in every state — published ones
// whose writers gave their ID number and phone in the letter itself — the test collects every
// writer's details from the database (decrypting the contact columns with deps.personalData): letter
// writers, consultation opinion authors, interview askers. Then it requests every public GET route
// of Fastify's route table — each parametric route with up to a few addresses found in the links of
// the pages already read, and every published letter — and every public API GET of the OpenAPI
// document, and looks for each detail in each answer.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { consultationOpinion, interviewQuestion, letter, mailbox } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { letterInState } from './support/letters.js';
import { registeredRoutes } from './support/routes.js';

/** Addresses read per parametric route (the pattern is what matters, not every document). */
const PER_PATTERN = 4;
/** Paths that are not pages of the portal. */
const NOT_PAGES = [
  /^\/admin(\/|$)/,
  /^\/api\//,
  /^\/assets\//,
  /^\/lang$/,
  /^\/healthz/,
  /^\/readyz/,
  /^\/metrics/,
];

const ID_NUMBER = /(?<!\d)\d{17}[\dXx](?!\d)/g;
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/g;
/**
 * A person's name (2–4 Chinese characters, or a name with the middle dot): these must appear only
 * masked. An organisation's name (江南市小微企业协会, …有限公司) is not personal data: a consultation's
 * feedback report names the organisations that gave opinions.
 */
const PERSON_NAME = /^(?:[\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]{1,10}·[\u4e00-\u9fa5]{1,10})$/;
const personName = (name: string | null) => (name && PERSON_NAME.test(name.trim()) ? name : null);

interface Secret {
  kind: string;
  value: string;
}

function routeRegex(path: string): RegExp {
  const body = path
    .split('/')
    .map((seg) =>
      seg.startsWith(':') ? '[^/?#]+' : seg === '*' ? '.*' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${body}$`);
}

function linksOf(body: string): string[] {
  return [...body.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}

describe('privacy: public routes of the demo city', () => {
  let t: TestApp;
  const secrets: Secret[] = [];
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z'), demo: true });
    // Letters of our own in every state, whatever the demo holds: to the first open mailbox.
    const [box] = await t.deps.db.select({ code: mailbox.code }).from(mailbox).limit(1);
    if (box) {
      const writers = [
        {
          name: '欧阳明辉',
          phone: '13912345601',
          email: 'ouyang.minghui@example.com',
          address: '江南市解放路18号',
        },
        {
          name: '司马春兰',
          phone: '13712345602',
          email: 'sima.chunlan@example.net',
          address: '江南市东湖路6号',
        },
      ];
      const states = ['submitted', 'handling', 'replied', 'published', 'declined', 'archived'] as const;
      for (const [i, state] of states.entries()) {
        const w = writers[i % writers.length]!;
        await letterInState(t.deps, box.code, state, {
          ...w,
          content: `我是${w.name}，身份证号码320508198503121234，电话${w.phone}。小区门口每逢下雨就严重积水，请尽快修缮排水设施。`,
        });
      }
    }
    const p = t.deps.personalData;
    const add = (kind: string, value: string | null | undefined) => {
      const v = value?.trim();
      if (v && !secrets.some((s) => s.value === v)) secrets.push({ kind, value: v });
    };
    for (const l of await t.deps.db.select().from(letter)) {
      add('姓名', personName(l.writerName));
      add('电话', p.decrypt(l.phoneEnc));
      add('邮箱', p.decrypt(l.emailEnc));
      add('地址', p.decrypt(l.addressEnc));
      for (const text of [l.title, l.content]) {
        for (const m of text.matchAll(ID_NUMBER)) add('身份证号码', m[0]);
        for (const m of text.matchAll(PHONE)) add('电话', m[0]);
      }
    }
    for (const o of await t.deps.db.select().from(consultationOpinion)) {
      add('姓名', personName(o.authorName));
      add('联系方式', p.decrypt(o.contactEnc));
    }
    for (const q of await t.deps.db.select().from(interviewQuestion)) add('姓名', personName(q.askerName));
  });
  after(async () => t?.close());

  const leaks = (url: string, body: string) =>
    secrets.filter((s) => body.includes(s.value)).map((s) => `${url}: ${s.kind}「${s.value}」`);

  test('the writers’ details were collected (letters in every state, with contact details)', () => {
    const kinds = new Set(secrets.map((s) => s.kind));
    for (const k of ['姓名', '电话', '邮箱', '身份证号码']) assert.ok(kinds.has(k), k);
  });

  test('no public page carries a writer’s phone, e-mail, ID number or unmasked name', async () => {
    const routes = registeredRoutes(t.app).filter(
      (r) => r.method === 'GET' && !NOT_PAGES.some((re) => re.test(r.path)),
    );
    const fixed = routes.filter((r) => !r.path.includes(':') && !r.path.includes('*')).map((r) => r.path);
    const patterns = routes
      .filter((r) => r.path.includes(':'))
      .map((r) => ({ path: r.path, re: routeRegex(r.path), seen: 0 }));
    const published = await t.deps.db
      .select({ trackingNumber: letter.trackingNumber })
      .from(letter)
      .where((await import('../src/queries/letter-public.js')).isPublishedLetter);
    assert.ok(published.length > 0, 'some letters are published');

    const queue = [
      ...new Set([...fixed, '/letters?page=2', ...published.map((l) => `/letters/${l.trackingNumber}`)]),
    ];
    const done = new Set<string>();
    const found: string[] = [];
    const statuses = new Map<string, number>();
    while (queue.length > 0) {
      const url = queue.shift()!;
      if (done.has(url)) continue;
      done.add(url);
      const res = await t.app.inject({
        method: 'GET',
        url,
        remoteAddress: `10.3.${done.size % 250}.${Math.floor(done.size / 250) + 1}`,
      });
      statuses.set(url, res.statusCode);
      found.push(...leaks(url, res.body));
      if (!/html|xml/.test(String(res.headers['content-type'] ?? ''))) continue;
      for (const href of linksOf(res.body)) {
        const path = href.split('?')[0]!;
        if (done.has(href) || NOT_PAGES.some((re) => re.test(path))) continue;
        const pattern = patterns.find((p) => p.re.test(path));
        if (pattern && pattern.seen < PER_PATTERN) {
          pattern.seen++;
          queue.push(href);
        }
      }
    }
    assert.deepEqual(found, []);
    // Every page of the letters read: the list, each published letter, the statistics.
    for (const l of published) assert.equal(statuses.get(`/letters/${l.trackingNumber}`), 200);
    assert.equal(statuses.get('/letters'), 200);
    assert.equal(statuses.get('/letters/statistics'), 200);
    assert.ok(done.size > 30, `${done.size} pages read`);
  });

  test('no public API answer carries them either', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const found: string[] = [];
    const read: string[] = [];
    const get = async (url: string) => {
      const res = await t.app.inject({
        method: 'GET',
        url,
        remoteAddress: `10.4.0.${(read.length % 250) + 1}`,
      });
      read.push(url);
      found.push(...leaks(url, res.body));
      return res;
    };
    const listed = new Map<string, unknown>();
    const gets = Object.entries(spec.paths)
      .filter(([, ops]) => ops.get && (ops.get.security ?? []).length === 0)
      .map(([path]) => path)
      .sort((a, b) => a.split('{').length - b.split('{').length);
    for (const path of gets) {
      if (!path.includes('{')) {
        const res = await get(path);
        await get(`${path}?pageSize=100`);
        if (res.statusCode === 200) listed.set(path, res.json());
        continue;
      }
      // An item route: its parameter from the list beside it (…/{id} ← data[].id).
      const m = /^(.*)\/\{([^}]+)\}$/.exec(path);
      const list = m
        ? (listed.get(m[1]!) as { data?: Record<string, unknown>[]; items?: Record<string, unknown>[] })
        : null;
      const items = (list?.data ?? list?.items ?? []).slice(0, PER_PATTERN);
      for (const item of items) {
        const value = item[m![2]!];
        if (typeof value === 'string' || typeof value === 'number')
          await get(`${m![1]}/${encodeURIComponent(value)}?queryCode=000000`);
      }
    }
    assert.deepEqual(found, []);
    assert.ok(read.includes('/api/v1/letters') && read.includes('/api/v1/mailboxes'));
  });
});
