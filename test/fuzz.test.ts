// Malformed input on every route the app registered (read from Fastify's own table): NUL bytes, huge
// ids, broken percent-encodings, control characters, impossible dates, broken and oversized bodies.
// Every answer must be a deliberate one (< 500). Bounded and seeded: the same requests every run.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from './support/app.js';
import { tokenFor } from './support/api.js';
import { buildCity, buildUser } from './support/factories.js';
import { registeredRoutes, type RegisteredRoute } from './support/routes.js';

const SEED = 20_261_130;
const RANDOM_CASES = 300;

/**
 * URL-component text as a client may send it: already encoded, or deliberately broken. The first
 * CORE go to every route; the rest come up in the seeded random requests.
 */
const NASTY = [
  '%00',
  '99999999999',
  '9'.repeat(40),
  '%zz',
  '%E2%80',
  '%0a',
  '%2F%09%2Fevil.example',
  '0000-01-01',
  encodeURIComponent('中文'),
  '',
  'x'.repeat(5000),
  // the rest: random requests only
  'a%00b',
  '-1',
  '1e309',
  '0x10',
  '%',
  '%C0%AF',
  '%E2%80%8B',
  '%0d%0aX-Injected:%201',
  '%7F',
  '%09',
  '..%2F..%2Fetc',
  '%2F%2Fevil.example',
  '99999-12-31',
  '2026-02-30',
  encodeURIComponent('<script>'),
];

/** How many of NASTY every route gets (the rest: random requests). */
const CORE = 11;

const QUERY_NAMES = [
  'next',
  'back',
  'set',
  'agency',
  'agencyId',
  'role',
  'parent',
  'scope',
  'done',
  'n',
  'r',
  'q',
  'kind',
  'actor',
  'action',
  'subjectType',
  'from',
  'to',
  'page',
  'limit',
  'after',
  'tree',
  'received',
  'channel',
  'year',
  'id',
];

/** Percent-encodes every byte of a string's UTF-8 (lone surrogates become U+FFFD, never a throw). */
function pct(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
}

const componentArb = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }).map(pct) },
  { weight: 1, arbitrary: fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map(String) },
);

type Who = 'anon' | 'staff' | 'api';
const BODY_KINDS = [
  'multipart',
  'multipart-no-boundary',
  'multipart-cut',
  'oversized',
  'json-broken',
] as const;
type BodyKind = 'form' | (typeof BODY_KINDS)[number];

interface Case {
  route: RegisteredRoute;
  who: Who;
  param: string;
  query: [string, string][];
  body: BodyKind;
  fields: [string, string][];
}

function fillPath(path: string, value: string): string {
  return path.replace(/:\w+(\([^)]*\))?/g, value || '1');
}

describe('fuzz: malformed input never gets a 5xx', () => {
  let t: TestApp;
  let routes: RegisteredRoute[];
  let cookie = '';
  let csrf = '';
  let token = '';
  const fieldNames = new Set<string>(['_csrf', 'file', 'text']);

  before(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '1000000' } });
    const city = await buildCity(t.deps);
    const admin = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
    token = (await tokenFor(t.deps, admin.login)).token;
    // Log in by hand (a cookie jar of our own), then keep one CSRF token valid for every form.
    const jar = new Map<string, string>();
    const keep = (res: LightMyRequestResponse) => {
      for (const c of res.cookies) jar.set(c.name, c.value);
      cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    };
    const page = await t.app.inject({ url: '/admin/login' });
    keep(page);
    csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const login = await t.app.inject({
      method: 'POST',
      url: '/admin/login',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ login: admin.login, password: admin.password, _csrf: csrf }).toString(),
    });
    keep(login);
    assert.equal(login.statusCode, 303);
    routes = registeredRoutes(t.app).filter(
      (r) =>
        (r.method === 'GET' || r.method === 'POST') &&
        !r.path.startsWith('/assets/') &&
        r.path !== '/admin/logout', // would end the session the rest of the run uses
    );
    // Every form's field names, read from the pages themselves.
    const formPages = routes.filter((r) => r.method === 'GET' && !r.path.includes(':'));
    const withIds = [`/admin/agencies/${city.dept.id}/edit`, `/admin/users/${admin.id}/edit`];
    for (const url of [...formPages.map((r) => r.path), ...withIds]) {
      const res = await t.app.inject({ url, headers: { cookie } });
      for (const m of res.body.matchAll(/<(?:input|select|textarea)[^>]*\bname="([^"]+)"/g))
        fieldNames.add(m[1]!);
    }
  });
  after(() => t?.close());

  async function send(c: Case): Promise<LightMyRequestResponse> {
    const path = fillPath(c.route.path, c.param);
    const qs = c.query.map(([k, v]) => `${k}=${v}`).join('&');
    const url = qs ? `${path}?${qs}` : path;
    const headers: Record<string, string> = {};
    if (c.who === 'staff') headers.cookie = cookie;
    if (c.who === 'api') headers.authorization = `Bearer ${token}`;
    if (c.route.method === 'GET') return t.app.inject({ method: 'GET', url, headers });
    const fields = [['_csrf', csrf] as [string, string], ...c.fields];
    const boundary = 'fuzzBoundary7MA4YWxk';
    const multipart = () =>
      fields
        .map(([k, v]) => {
          const value = decodeLoose(v);
          return k === 'file'
            ? `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${value}.docx"\r\nContent-Type: application/octet-stream\r\n\r\n${value}\r\n`
            : `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${value}\r\n`;
        })
        .join('');
    switch (c.body) {
      case 'form':
        return t.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          payload: fields.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&'),
        });
      case 'multipart':
        return t.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: `${multipart()}--${boundary}--\r\n`,
        });
      case 'multipart-cut':
        return t.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
          payload: multipart().slice(0, -7),
        });
      case 'multipart-no-boundary':
        return t.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': 'multipart/form-data' },
          payload: multipart(),
        });
      case 'oversized':
        return t.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
          payload: `_csrf=${csrf}&text=${'a'.repeat(2 * 1024 * 1024)}`, // over every body limit
        });
      case 'json-broken':
        return t.app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'content-type': 'application/json' },
          payload: '{"text": "\\u0000', // cut off inside a string
        });
    }
  }

  function describeCase(c: Case, res: LightMyRequestResponse): string {
    const fields = c.route.method === 'POST' ? ` ${c.body} ${JSON.stringify(c.fields).slice(0, 200)}` : '';
    const url =
      fillPath(c.route.path, c.param) +
      (c.query.length ? `?${c.query.map((p) => p.join('=')).join('&')}` : '');
    return `${res.statusCode} ${c.who} ${c.route.method} ${url.slice(0, 200)}${fields}`;
  }

  function whoFor(r: RegisteredRoute): Who[] {
    if (r.path.startsWith('/api/')) return ['anon', 'api'];
    if (r.path.startsWith('/admin')) return ['anon', 'staff'];
    return ['anon'];
  }

  test('every route × every nasty value, in the path, the query and the form', async () => {
    const failures: string[] = [];
    const names = [...fieldNames];
    for (const route of routes) {
      for (const who of whoFor(route)) {
        for (const v of NASTY.slice(0, CORE)) {
          const c: Case = {
            route,
            who,
            param: v,
            query: QUERY_NAMES.map((n) => [n, v] as [string, string]),
            body: 'form',
            fields: names.map((n) => [n, v] as [string, string]).filter(([n]) => n !== '_csrf'),
          };
          const res = await send(c);
          if (res.statusCode >= 500) failures.push(describeCase(c, res));
        }
        if (route.method !== 'POST') continue;
        for (const body of BODY_KINDS) {
          const c: Case = {
            route,
            who,
            param: '1',
            query: [],
            body,
            fields: [
              ['text', '%00'],
              ['file', 'x'],
            ],
          };
          const res = await send(c);
          if (res.statusCode >= 500) failures.push(describeCase(c, res));
        }
      }
    }
    assert.deepEqual(failures, []);
  });

  test('seeded random requests: odd query strings, broken and oversized bodies', async () => {
    const names = [...fieldNames].filter((n) => n !== '_csrf');
    const caseArb: fc.Arbitrary<Case> = fc.record({
      route: fc.constantFrom(...routes),
      who: fc.constantFrom<Who>('anon', 'staff', 'api'),
      param: componentArb,
      query: fc.array(fc.tuple(fc.constantFrom(...QUERY_NAMES), componentArb), { maxLength: 3 }),
      body: fc.constantFrom<BodyKind>(
        'form',
        'form',
        'multipart',
        'multipart-no-boundary',
        'multipart-cut',
        'oversized',
        'json-broken',
      ),
      fields: fc.array(fc.tuple(fc.constantFrom(...names), componentArb), { maxLength: 6 }),
    });
    const failures: string[] = [];
    for (const c of fc.sample(caseArb, { seed: SEED, numRuns: RANDOM_CASES })) {
      const res = await send(c);
      if (res.statusCode >= 500) failures.push(describeCase(c, res));
    }
    assert.deepEqual(failures, []);
  });
});

/** Percent-decoding that keeps what does not decode (for raw multipart values). */
function decodeLoose(v: string): string {
  try {
    return decodeURIComponent(v);
  } catch {
    return v;
  }
}
