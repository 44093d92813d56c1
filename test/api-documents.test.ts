// The document library API: public, rate-limited, published documents only, strict whitelisted
// bodies (each response parsed with the schema the OpenAPI document is generated from), Chinese
// field errors with stable codes, and the three operations in a valid OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { DocumentDetail, DocumentPage, SearchResult } from '../src/http/api/document-schemas.js';
import { gazetteIssue, gazetteItem } from '../src/db/schema.js';
import { MATCH_WINDOW, MAX_SEARCH_PAGE } from '../src/queries/search-documents.js';
import { apiGet } from './support/api.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity } from './support/factories.js';
import {
  attachFile,
  insertDocument,
  insertDocuments,
  insertRelation,
  publicChange,
  seedDocumentLibrary,
} from './support/documents.js';

describe('documents API', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  const ids: Record<string, number> = {};

  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    const d = t.deps;
    const lib = await seedDocumentLibrary(d, city, {
      themes: ['T16.03'],
      bodyHtml: '<p>第一条 为了规范<b>行政复议</b>工作。</p>',
    });
    Object.assign(ids, lib);
    await insertRelation(d, { fromId: lib.reg, toId: lib.old, kind: 'abolishes', effectiveOn: '2025-03-01' });
    ids.xss = (
      await insertDocument(d, { agencyId: city.east.id, title: '<img src=x onerror=alert(1)>通知' })
    ).id;
    ids.file = await attachFile(d, lib.reg, {
      filename: '附件.pdf',
      mediaType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4'),
    });
    await publicChange(d);
  });
  after(() => t.close());

  test('GET /api/v1/documents: published documents, newest first, without a token', async () => {
    const res = await apiGet(t.app, '/api/v1/documents');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-ratelimit-limit'], '120');
    const page = DocumentPage.parse(res.json());
    assert.equal(page.total, 3);
    assert.deepEqual(
      page.data.map((d) => d.id),
      [ids.xss, ids.reg, ids.old],
    );
    const reg = page.data.find((d) => d.id === ids.reg)!;
    assert.deepEqual(reg.agency, { code: city.city.code, name: city.city.name });
    assert.match(reg.url, new RegExp(`^http://localhost:\\d+/documents/${ids.reg}$`));
    // The title is data: JSON carries it as typed (escaping is the page's job).
    assert.equal(page.data[0]!.title, '<img src=x onerror=alert(1)>通知');
    const body = res.body;
    for (const secret of ['titleTokens', 'title_tokens', 'bodyTokens', 'version', 'createdBy', 'state'])
      assert.ok(!body.includes(`"${secret}"`), `${secret} is not in the response`);
  });

  test('filters and paging, and bad values are a 422 with a Chinese message per field', async () => {
    const get = async (q: string) =>
      DocumentPage.parse((await apiGet(t.app, `/api/v1/documents?${q}`)).json());
    assert.deepEqual(
      (await get('validity=abolished')).data.map((d) => d.id),
      [ids.old],
    );
    assert.deepEqual(
      (await get(`agency=${city.dept.code}`)).data.map((d) => d.id),
      [ids.reg],
      'a joint issuer finds the joint document',
    );
    assert.deepEqual(
      (await get('theme=T16&category=a20-01&year=2020')).data.map((d) => d.id),
      [ids.reg],
    );
    const paged = await get('pageSize=2&page=2');
    assert.equal(paged.data.length, 1);
    assert.equal(paged.total, 3);

    const bad = await apiGet(t.app, '/api/v1/documents?effectLevel=law&pageSize=1000&theme=X1&agency=NOPE');
    assert.equal(bad.statusCode, 422);
    const err = bad.json().error;
    assert.equal(err.code, 'INVALID_INPUT');
    assert.match(err.fieldErrors.effectLevel, /effectLevel 只能是 rule、normative、other 之一/);
    assert.match(err.fieldErrors.pageSize, /pageSize 不能大于 100/);
    assert.match(err.fieldErrors.theme, /主题分类代码/);
    const unknownAgency = await apiGet(t.app, '/api/v1/documents?agency=NOPE');
    assert.equal(unknownAgency.statusCode, 422);
    assert.equal(unknownAgency.json().error.fieldErrors.agency, '没有这个机构代码');
  });

  test('GET /api/v1/documents/{id}: the metadata, body, attachments and relations both ways', async () => {
    const res = await apiGet(t.app, `/api/v1/documents/${ids.reg}`);
    assert.equal(res.statusCode, 200);
    const doc = DocumentDetail.parse(res.json());
    assert.deepEqual(
      doc.issuers.map((a) => a.code),
      [city.city.code, city.dept.code],
    );
    assert.deepEqual(doc.themes, [{ code: 'T16.03', label: '公安、安全、司法\\司法' }]);
    assert.equal(doc.docNumber, '测府〔2020〕12号');
    assert.equal(doc.effectLevel, 'rule');
    assert.equal(doc.validity, 'effective');
    assert.equal(doc.bodyHtml, '<p>第一条 为了规范<b>行政复议</b>工作。</p>');
    assert.equal(doc.attachments.length, 1);
    assert.match(doc.attachments[0]!.url, new RegExp(`/documents/${ids.reg}/files/${ids.file}$`));
    assert.equal(doc.relations.outgoing[0]!.kind, 'abolishes');
    assert.equal(doc.relations.outgoing[0]!.document.id, ids.old);
    assert.deepEqual(doc.gazette, []);

    const old = DocumentDetail.parse((await apiGet(t.app, `/api/v1/documents/${ids.old}`)).json());
    assert.equal(old.validity, 'abolished');
    assert.equal(old.validitySince, '2025-03-01');
    assert.equal(old.relations.incoming[0]!.document.id, ids.reg);

    for (const id of [ids.draft, ids.withdrawn, 999999]) {
      const missing = await apiGet(t.app, `/api/v1/documents/${id}`);
      assert.equal(missing.statusCode, 404, String(id));
      assert.equal(missing.json().error.code, 'NOT_FOUND');
    }
    assert.equal((await apiGet(t.app, '/api/v1/documents/abc')).statusCode, 422);
  });

  test('GET /api/v1/search: ranked hits with escaped, marked snippets, facets, a 文号 in any brackets', async () => {
    const res = await apiGet(t.app, `/api/v1/search?q=${encodeURIComponent('行政复议')}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-ratelimit-limit'], '60');
    const r = SearchResult.parse(res.json());
    assert.equal(r.hits[0]!.id, ids.reg);
    assert.match(r.hits[0]!.titleHtml, /<mark>行政复议<\/mark>/);
    assert.ok(r.facets.effectLevels.some((f) => f.key === 'rule' && f.count >= 1));
    assert.ok(r.facets.agencies.some((a) => a.code === city.city.code));

    const byNumber = SearchResult.parse(
      (await apiGet(t.app, `/api/v1/search?q=${encodeURIComponent('测府(2020)12号')}`)).json(),
    );
    assert.equal(byNumber.hits[0]!.id, ids.reg);

    const xss = SearchResult.parse(
      (await apiGet(t.app, `/api/v1/search?q=${encodeURIComponent('通知')}`)).json(),
    );
    assert.equal(xss.hits[0]!.id, ids.xss);
    assert.doesNotMatch(xss.hits[0]!.titleHtml, /<img/);
    assert.match(xss.hits[0]!.titleHtml, /&lt;img/);

    const none = SearchResult.parse(
      (await apiGet(t.app, `/api/v1/search?q=${encodeURIComponent('草稿')}`)).json(),
    );
    assert.equal(none.total, 0, 'drafts are never found');

    const missing = await apiGet(t.app, '/api/v1/search');
    assert.equal(missing.statusCode, 422);
    assert.equal(missing.json().error.fieldErrors.q, '请提供检索词 q');
  });

  test('the three operations are in a valid OpenAPI document, public and rate-limited', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const result = await new Validator().validate(structuredClone(spec));
    assert.deepEqual(result.errors ?? [], []);
    for (const path of ['/api/v1/documents', '/api/v1/documents/{id}', '/api/v1/search']) {
      const op = spec.paths[path]?.get;
      assert.ok(op, path);
      assert.deepEqual(op.security, [], `${path} is public`);
      assert.equal(op.responses['429'].$ref, '#/components/responses/RateLimited');
    }
    const q = spec.paths['/api/v1/search'].get.parameters.find((p: { name: string }) => p.name === 'q');
    assert.equal(q.required, true);
    const schemas = spec.components.schemas;
    assert.deepEqual(schemas.DocumentSummary.properties.validity.enum, [
      'pending',
      'effective',
      'amended',
      'partly_invalid',
      'expired',
      'abolished',
    ]);
    assert.equal(schemas.Document.additionalProperties, false);
  });

  test('GET /api/v1/search?gazette=true: only documents a 政府公报 issue printed; a bad value is a 422', async () => {
    const [issue] = await t.deps.db
      .insert(gazetteIssue)
      .values({ agencyId: city.city.id, year: 2010, number: 7, publishedOn: '2010-05-20' })
      .returning({ id: gazetteIssue.id });
    await t.deps.db.insert(gazetteItem).values({ issueId: issue!.id, documentId: ids.old!, position: 1 });
    const search = async (extra: string) =>
      SearchResult.parse(
        (await apiGet(t.app, `/api/v1/search?q=${encodeURIComponent('测试市')}${extra}`)).json(),
      );
    const all = await search('');
    assert.deepEqual(new Set(all.hits.map((h) => h.id)), new Set([ids.reg, ids.old]));
    const printed = await search('&gazette=true');
    assert.deepEqual(
      printed.hits.map((h) => h.id),
      [ids.old],
    );
    assert.equal(printed.total, 1);
    assert.equal((await search('&gazette=false')).total, all.total);
    const bad = await apiGet(t.app, `/api/v1/search?q=${encodeURIComponent('测试市')}&gazette=yes`);
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.fieldErrors.gazette, 'gazette 只能是 true、false 之一');
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const param = spec.paths['/api/v1/search'].get.parameters.find(
      (p: { name: string }) => p.name === 'gazette',
    );
    assert.deepEqual(param.schema.enum, ['true', 'false']);
  });
});

describe('documents API: search past its window of newest matches', () => {
  let t: TestApp;

  before(async () => {
    t = await createTestApp();
    const city = await buildCity(t.deps);
    // MATCH_WINDOW + 5 documents sharing 河道保洁, one a day; and 3 on 绿道.
    const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    await insertDocuments(t.deps, [
      ...Array.from({ length: MATCH_WINDOW + 5 }, (_, i) => ({
        agencyId: city.city.id,
        title: `关于做好河道保洁工作的通知（第${i}号）`,
        publishedOn: day(i),
      })),
      ...Array.from({ length: 3 }, (_, i) => ({
        agencyId: city.west.id,
        title: `西区绿道建设情况通报（第${i}期）`,
        publishedOn: day(i),
      })),
    ]);
    await publicChange(t.deps);
  });
  after(() => t.close());

  const search = async (q: string) => {
    const res = await apiGet(t.app, `/api/v1/search?${q}`);
    assert.equal(res.statusCode, 200, res.body);
    return SearchResult.parse(res.json());
  };

  test('totalExact is false past the window: total is an estimate, facets and pages cover the newest', async () => {
    const r = await search(`q=${encodeURIComponent('河道保洁')}`);
    assert.equal(r.totalExact, false);
    assert.ok(r.total > MATCH_WINDOW, `total ${r.total} is more than the window`);
    assert.equal(r.hits.length, 10);
    // The facets count the MATCH_WINDOW documents read, not the 205 that match.
    assert.equal(
      r.facets.validity.reduce((n, f) => n + f.count, 0),
      MATCH_WINDOW,
    );
    assert.deepEqual(
      r.facets.agencies.map((a) => a.count),
      [MATCH_WINDOW],
    );
    // The last page is full; the page after it is refused with the API's error shape.
    const last = await search(`q=${encodeURIComponent('河道保洁')}&page=${MAX_SEARCH_PAGE}`);
    assert.equal(last.hits.length, 10);
    assert.ok(
      last.hits.every((h) => !/（第[0-4]号）/.test(h.title)),
      'the 5 oldest are outside the window',
    );
    const beyond = await apiGet(
      t.app,
      `/api/v1/search?q=${encodeURIComponent('河道保洁')}&page=${MAX_SEARCH_PAGE + 1}`,
    );
    assert.equal(beyond.statusCode, 422);
    assert.equal(beyond.json().error.code, 'INVALID_INPUT');
    assert.equal(beyond.json().error.fieldErrors.page, `page 不能大于 ${MAX_SEARCH_PAGE}`);
  });

  test('totalExact is true inside the window, and the OpenAPI document describes it', async () => {
    const r = await search(`q=${encodeURIComponent('绿道')}`);
    assert.equal(r.totalExact, true);
    assert.equal(r.total, 3);
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const schema = spec.components.schemas.SearchResult;
    assert.equal(schema.properties.totalExact.type, 'boolean');
    assert.ok(schema.required.includes('totalExact'));
    assert.match(schema.properties.facets.description, new RegExp(`最新 ${MATCH_WINDOW} 件`));
    const page = spec.paths['/api/v1/search'].get.parameters.find((p: { name: string }) => p.name === 'page');
    assert.equal(page.schema.maximum, MAX_SEARCH_PAGE);
  });
});
