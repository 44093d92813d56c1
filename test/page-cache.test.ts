// The public pages are served from memory between changes (src/http/plugins/page-cache.ts): a hit
// costs no database query, a change made through a command shows on the next request, and a change
// made by another instance on the same database shows once that instance's poll interval has passed
// (the clock is moved by hand: no timed assertion).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { updateAgency } from '../src/commands/update-agency.js';
import { setAgencyActive } from '../src/commands/set-agency-active.js';
import type { Db } from '../src/db/client.js';
import { buildApp } from '../src/http/app.js';
import type { AppDeps } from '../src/http/types.js';
import { depsFor } from '../src/main.js';
import { createTestApp, TEST_SECRETS, type TestApp } from './support/app.js';
import { buildAgency, buildCity } from './support/factories.js';

const SYSTEM = { actor: { system: true as const, label: 'test' } };
const POLL_MS = 1000;

const QUERY_METHODS = new Set([
  'select',
  'selectDistinct',
  'execute',
  'transaction',
  'insert',
  'update',
  'delete',
  'query',
  'with',
]);

/** The same database handle, counting the queries started through it. */
function counting(db: Db): { db: Db; count: () => number } {
  let n = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (typeof prop === 'string' && QUERY_METHODS.has(prop)) n++;
      return Reflect.get(target, prop, receiver) as unknown;
    },
  });
  return { db: proxy, count: () => n };
}

describe('the public page cache', () => {
  let t: TestApp;
  let clock = 0;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let spy: ReturnType<typeof counting>;

  before(async () => {
    t = await createTestApp({ build: { logger: false, pageCache: { pollMs: POLL_MS, clock: () => clock } } });
    city = await buildCity(t.deps);
    spy = counting(t.deps.db);
    t.deps.db = spy.db;
  });
  after(() => t.close());

  const get = (app: FastifyInstance, url: string, cookie?: string) =>
    app.inject({ method: 'GET', url: encodeURI(url), headers: cookie ? { cookie } : {} });

  test('a second anonymous request for a public page makes no database query', async () => {
    for (const url of [
      '/',
      '/agencies',
      '/agencies/T1/guide'.replace('T1', city.east.code),
      '/calendar/2026',
    ]) {
      const first = await get(t.app, url);
      assert.equal(first.statusCode, 200, url);
      const before = spy.count();
      const second = await get(t.app, url);
      assert.equal(spy.count(), before, `${url}: answered from memory`);
      assert.equal(second.statusCode, 200, url);
      assert.equal(second.body, first.body, url);
      // The page keeps its security headers, and nothing of one response (a cookie, its id) is replayed.
      assert.equal(second.headers['content-security-policy'], first.headers['content-security-policy'], url);
      assert.equal(second.headers['content-type'], 'text/html; charset=utf-8', url);
      assert.equal(second.headers['set-cookie'], undefined, url);
      assert.notEqual(second.headers['x-request-id'], first.headers['x-request-id'], url);
    }
  });

  test('each language has its own page', async () => {
    for (let i = 0; i < 2; i++) {
      assert.match((await get(t.app, '/')).body, /<html lang="zh-CN"/);
      assert.match((await get(t.app, '/', 'lang=en')).body, /<html lang="en"/);
    }
  });

  test('a search of the directory is not served the unfiltered page, nor stored in its place', async () => {
    await get(t.app, '/agencies');
    const found = (await get(t.app, '/agencies?q=东区')).body;
    assert.match(found, /东区人民政府/);
    assert.doesNotMatch(found, /西区人民政府/);
    assert.match((await get(t.app, '/agencies')).body, /西区人民政府/);
  });

  test('a change made through a command shows on the next request', async () => {
    const guide = `/agencies/${city.dept.code}/guide`;
    for (const url of ['/', '/agencies', guide]) assert.match((await get(t.app, url)).body, /测试市教育局/);
    await updateAgency(t.deps, SYSTEM, city.dept.id, {
      code: city.dept.code,
      name: '测试市教育体育局',
      kind: 'department',
      phone: '0512-00000000',
    });
    for (const url of ['/', '/agencies', guide]) {
      const body = (await get(t.app, url)).body;
      assert.match(body, /测试市教育体育局/, url);
    }
    await setAgencyActive(t.deps, SYSTEM, city.westTown.id, false);
    assert.doesNotMatch((await get(t.app, '/agencies')).body, /西区乙镇人民政府/);
    assert.equal((await get(t.app, `/agencies/${city.westTown.code}/guide`)).statusCode, 404);
  });

  test('renaming the government that owns the site renames every page header at once', async () => {
    const header = (body: string) => /<a class="site-name" href="\/">([^<]*)<\/a>/.exec(body)?.[1];
    assert.equal(header((await get(t.app, '/calendar/2026')).body), '测试市人民政府 政府信息公开');
    await updateAgency(t.deps, SYSTEM, city.city.id, {
      code: city.city.code,
      name: '测试市政府',
      kind: 'government',
      phone: '0512-00000000',
    });
    for (const url of ['/calendar/2026', '/deadlines'])
      assert.equal(header((await get(t.app, url)).body), '测试市政府 政府信息公开', url);
  });

  test('a change made by another instance on the same database shows after the poll interval', async () => {
    // A second instance: its own dependencies and its own app (and cache) over the same database.
    const other: AppDeps = { ...(await depsFor(t.database, t.deps.config, TEST_SECRETS)), now: t.deps.now };
    const otherApp = await buildApp(other, {
      logger: false,
      pageCache: { pollMs: POLL_MS, clock: () => clock },
    });
    try {
      assert.equal((await get(t.app, '/agencies')).statusCode, 200); // in the first instance's cache
      const extra = await buildAgency(other, {
        parentId: city.city.id,
        kind: 'department',
        name: '测试市统计局',
      });
      assert.match(
        (await get(otherApp, '/agencies')).body,
        /测试市统计局/,
        'the instance that made the change',
      );
      assert.doesNotMatch((await get(t.app, '/agencies')).body, /测试市统计局/, 'within the poll interval');
      clock += POLL_MS;
      assert.match((await get(t.app, '/agencies')).body, /测试市统计局/, 'after the poll interval');

      // And back: a change on the first instance reaches the second one's cached pages.
      await get(otherApp, '/');
      await updateAgency(t.deps, SYSTEM, extra.id, {
        code: extra.code,
        name: '测试市统计调查局',
        kind: 'department',
        phone: '0512-00000000',
      });
      clock += POLL_MS;
      assert.match((await get(otherApp, '/')).body, /测试市统计调查局/);
    } finally {
      await otherApp.close();
    }
  });
});
