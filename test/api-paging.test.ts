import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { agency, appUser } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';
import { apiGet, apiGetAll, tokenFor } from './support/api.js';
import { buildCity, buildUser } from './support/factories.js';

describe('REST API paging, validation and limits', () => {
  let t: TestApp;
  let token: string;
  before(async () => {
    t = await createTestApp();
    const city = await buildCity(t.deps);
    const admin = await buildUser(t.deps, { agencyId: city.city.id, role: 'system_admin' });
    for (let i = 0; i < 4; i++) await buildUser(t.deps, { agencyId: city.westTown.id });
    token = (await tokenFor(t.deps, admin.login)).token;
  });
  after(() => t.close());

  test('a list is read page by page through next until next is null', async () => {
    const first = (await apiGet(t.app, '/api/v1/agencies?limit=2', token)).json();
    assert.equal(first.data.length, 2);
    assert.equal(first.next, first.data[1].id);
    const agencies = await apiGetAll<{ id: number; code: string }>(t.app, '/api/v1/agencies?limit=2', token);
    const stored = await t.deps.db.select({ code: agency.code }).from(agency);
    assert.deepEqual(agencies.map((a) => a.code).sort(), stored.map((a) => a.code).sort());
    assert.deepEqual(
      agencies.map((a) => a.id),
      [...agencies.map((a) => a.id)].sort((x, y) => x - y),
    );
    const users = await apiGetAll<{ login: string }>(t.app, '/api/v1/users?limit=1', token);
    const storedUsers = await t.deps.db.select({ login: appUser.login }).from(appUser);
    assert.equal(users.length, storedUsers.length);
    assert.equal(new Set(users.map((u) => u.login)).size, users.length);
  });

  test('a full last page still says when nothing follows', async () => {
    const count = (await t.deps.db.select({ id: agency.id }).from(agency)).length;
    const page = (await apiGet(t.app, `/api/v1/agencies?limit=${count}`, token)).json();
    assert.equal(page.data.length, count);
    assert.equal(page.next, null);
  });

  test('bad query parameters answer 422 with Chinese messages per parameter', async () => {
    const cases: [string, string, RegExp][] = [
      ['/api/v1/agencies?limit=0', 'limit', /不能小于 1/],
      ['/api/v1/agencies?limit=501', 'limit', /不能大于 500/],
      ['/api/v1/users?limit=abc', 'limit', /必须是整数/],
      ['/api/v1/audit-events?after=-1', 'after', /不能为负数/],
      ['/api/v1/audit-events?after=1.5', 'after', /必须是整数/],
      ['/api/v1/agencies?tree=yes', 'tree', /只能是 0 或 1/],
    ];
    for (const [url, field, message] of cases) {
      const res = await apiGet(t.app, url, token);
      assert.equal(res.statusCode, 422, url);
      const body = res.json();
      assert.equal(body.error.code, 'INVALID_INPUT', url);
      assert.match(body.error.fieldErrors[field], message, url);
      assert.equal(body.error.requestId, res.headers['x-request-id']);
    }
  });

  test('an unknown API path answers a JSON 404', async () => {
    const res = await apiGet(t.app, '/api/v1/nothing-here', token);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'NOT_FOUND');
  });

  test('too many requests answer 429 in the JSON error shape', async () => {
    const limited = await createTestApp({ env: { RATE_LIMIT_MAX: '5' } });
    after(() => limited.close());
    const codes: number[] = [];
    for (let i = 0; i < 7; i++) codes.push((await apiGet(limited.app, '/api/v1/me')).statusCode);
    assert.deepEqual(codes, [401, 401, 401, 401, 401, 429, 429]);
    const res = await apiGet(limited.app, '/api/v1/me');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = res.json();
    assert.equal(body.error.code, 'RATE_LIMITED');
    assert.match(body.error.message, /请求过于频繁/);
    assert.ok(res.headers['retry-after']);
  });
});
