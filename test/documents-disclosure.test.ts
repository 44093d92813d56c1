// 公开方式 on the public side (条例 第十九条、第二十条: the platform publishes 主动公开 information only).
// The publish command refuses an item recorded as 依申请公开 or 不予公开 (test/admin-documents.test.ts);
// here, as defence in depth, rows that nonetheless say 'published' with another 公开方式 are absent
// from every public read: the list and its filter options, the page and its attachment, the relations
// shown on a public page, search and its facets, the feeds, the sitemap, the API and the gazette.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { gazetteIssue, gazetteItem } from '../src/db/schema.js';
import { apiGet } from './support/api.js';
import { createTestApp, type TestApp } from './support/app.js';
import { attachFile, insertDocument, insertRelation, publicChange } from './support/documents.js';
import { buildCity } from './support/factories.js';

describe('only 主动公开 documents reach the public', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  const ids: Record<string, number> = {};
  let fileId = 0;

  before(async () => {
    t = await createTestApp({ env: { RATE_LIMIT_MAX: '100000' } });
    city = await buildCity(t.deps);
    const d = t.deps;
    ids.open = (
      await insertDocument(d, {
        agencyId: city.city.id,
        title: '测试市湿地保护管理办法',
        docNumber: '测府〔2024〕5号',
        publishedOn: '2024-05-01',
      })
    ).id;
    // Rows a command would never leave (the publish command refuses them), inserted directly.
    ids.onRequest = (
      await insertDocument(d, {
        agencyId: city.west.id,
        title: '西区湿地保护内部工作方案',
        docNumber: '西政办〔2023〕8号',
        publishedOn: '2023-08-01',
        disclosureMethod: 'on_request',
        themes: ['T10.01'],
      })
    ).id;
    ids.closed = (
      await insertDocument(d, {
        agencyId: city.west.id,
        title: '西区湿地保护涉密事项清单',
        publishedOn: '2022-02-01',
        disclosureMethod: 'not_disclosed',
      })
    ).id;
    fileId = await attachFile(d, ids.onRequest, {
      filename: '方案.pdf',
      mediaType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 inventory'),
    });
    // The public document amends the inventory item, and is interpreted by it (both ways shown on its page).
    await insertRelation(d, { fromId: ids.open, toId: ids.onRequest, kind: 'amends' });
    await insertRelation(d, { fromId: ids.closed, toId: ids.open, kind: 'implements' });
    const [issue] = await d.db
      .insert(gazetteIssue)
      .values({ agencyId: city.city.id, year: 2024, number: 5, publishedOn: '2024-05-31' })
      .returning({ id: gazetteIssue.id });
    await d.db.insert(gazetteItem).values([
      { issueId: issue!.id, documentId: ids.open, position: 1 },
      { issueId: issue!.id, documentId: ids.onRequest, position: 2 },
    ]);
    await publicChange(d);
  });
  after(() => t.close());

  const get = (url: string) => t.app.inject({ method: 'GET', url: encodeURI(url) });
  const HIDDEN = /西区湿地保护内部工作方案|西区湿地保护涉密事项清单/;

  test('the list, its filter options, search and its facets show the 主动公开 document only', async () => {
    const list = (await get('/documents')).body;
    assert.match(list, /测试市湿地保护管理办法/);
    assert.match(list, /共 1 件/);
    assert.doesNotMatch(list, HIDDEN);
    // No agency is offered in the filter for what only its inventory holds.
    assert.doesNotMatch(list, new RegExp(`<option value="${city.west.code}"`));
    const search = (await get('/search?q=湿地保护')).body;
    assert.match(search, new RegExp(`/documents/${ids.open}"`));
    assert.doesNotMatch(search, HIDDEN);
    assert.doesNotMatch(search, new RegExp(city.west.name), 'no facet counts the inventory items');
    assert.doesNotMatch((await get(`/search?q=${encodeURIComponent('西政办[2023]8号')}`)).body, HIDDEN);
  });

  test('their pages and attachments are a 404; the public page does not show relations to them', async () => {
    for (const id of [ids.onRequest, ids.closed])
      assert.equal((await get(`/documents/${id}`)).statusCode, 404);
    assert.equal((await get(`/documents/${ids.onRequest}/files/${fileId}`)).statusCode, 404);
    const page = await get(`/documents/${ids.open}`);
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, HIDDEN);
  });

  test('feeds, the sitemap and the agency platform leave them out', async () => {
    for (const url of [
      '/documents/feed.atom',
      `/agencies/${city.west.code}/feed.atom`,
      `/agencies/${city.west.code}`,
    ])
      assert.doesNotMatch((await get(url)).body, HIDDEN, url);
    const sitemap = (await get('/sitemap.xml')).body;
    assert.match(sitemap, new RegExp(`/documents/${ids.open}</loc>`));
    for (const id of [ids.onRequest, ids.closed])
      assert.doesNotMatch(sitemap, new RegExp(`/documents/${id}</loc>`));
  });

  test('the API answers as the portal does', async () => {
    const list = (await apiGet(t.app, '/api/v1/documents')).json() as { total: number };
    assert.equal(list.total, 1);
    for (const id of [ids.onRequest, ids.closed])
      assert.equal((await apiGet(t.app, `/api/v1/documents/${id}`)).statusCode, 404);
    const found = (await apiGet(t.app, `/api/v1/search?q=${encodeURIComponent('湿地保护')}`)).json() as {
      total: number;
    };
    assert.equal(found.total, 1);
  });

  test('the gazette lists, counts and finds only what is public', async () => {
    const index = (await get('/gazette')).body;
    assert.match(index, /2024年第5期<\/a> <span class="nowrap">2024年5月31日<\/span>，收录文件 1 件/);
    const issue = (await get('/gazette/2024/5')).body;
    assert.match(issue, /测试市湿地保护管理办法/);
    assert.doesNotMatch(issue, HIDDEN);
    const found = (await get('/gazette?q=湿地保护')).body;
    assert.match(found, new RegExp(`<a href="/documents/${ids.open}">`));
    assert.match(found, /找到 1 件/);
    assert.doesNotMatch(found, HIDDEN);
  });
});
