// The 答问知识库 API: public, rate-limited, published items only, strict whitelisted bodies (each
// response parsed with the schema the OpenAPI document is generated from), Chinese field errors with
// stable codes, and both operations in a valid OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { publishQaItem } from '../src/commands/qa/publication.js';
import { saveQaItem } from '../src/commands/qa/save.js';
import { QaDetail, QaPage } from '../src/http/api/qa-schemas.js';
import { apiGet } from './support/api.js';
import { createTestApp, type TestApp } from './support/app.js';
import { insertDocument } from './support/documents.js';
import { buildCity } from './support/factories.js';

const SYSTEM = { actor: { system: true as const, label: '测试' } };

describe('Q&A API', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  const ids = {} as { fund: number; school: number; draft: number; doc: number };

  const item = async (fields: Record<string, string>, publish = true) => {
    const saved = await saveQaItem(t.deps, SYSTEM, { agencyId: String(city.city.id), ...fields });
    if (publish) await publishQaItem(t.deps, SYSTEM, { id: saved.id, version: saved.version });
    return saved.id;
  };

  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    ids.doc = (
      await insertDocument(t.deps, {
        agencyId: city.city.id,
        title: '测试市义务教育招生入学办法',
        docNumber: '测教规〔2025〕2号',
      })
    ).id;
    ids.fund = await item({
      question: '离职后可以提取住房公积金吗？',
      altQuestions: '辞职了公积金怎么取出来',
      answer: '与单位终止劳动关系且未重新就业满半年的，可以申请提取。',
      category: '住房公积金',
    });
    ids.school = await item({
      question: '随迁子女如何申请义务教育学位？',
      answer: '持居住证和社保缴纳证明，在报名期间通过招生平台申请。',
      category: '教育入学',
      documents: '测教规〔2025〕2号',
    });
    ids.draft = await item(
      { question: '公积金贷款最高额度？', answer: '草稿中的公积金答复', category: '住房公积金' },
      false,
    );
  });
  after(() => t.close());

  test('GET /api/v1/qa: published items, searched in Chinese, by category, without a token', async () => {
    const res = await apiGet(t.app, `/api/v1/qa?q=${encodeURIComponent('辞职 公积金')}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-ratelimit-limit'], '60');
    const page = QaPage.parse(res.json());
    assert.deepEqual(
      page.data.map((d) => d.id),
      [ids.fund],
    );
    assert.match(page.data[0]!.alsoAskedHtml ?? '', /<mark>辞职<\/mark>/);
    assert.match(page.data[0]!.url, new RegExp(`/qa/${ids.fund}$`));
    const all = QaPage.parse((await apiGet(t.app, '/api/v1/qa')).json());
    assert.equal(all.total, 2, 'the draft is not listed');
    assert.deepEqual(all.categories.map((c) => c.category).sort(), ['住房公积金', '教育入学'].sort());
    const school = QaPage.parse(
      (await apiGet(t.app, `/api/v1/qa?category=${encodeURIComponent('教育入学')}`)).json(),
    );
    assert.deepEqual(
      school.data.map((d) => d.id),
      [ids.school],
    );
    for (const secret of ['helpfulYes', 'reuseCount', 'titleTokens', 'version', 'state'])
      assert.ok(!res.body.includes(`"${secret}"`), `${secret} is not in the response`);
  });

  test('GET /api/v1/qa/{id}: the item with its linked documents; drafts are 404; bad input 422', async () => {
    const res = await apiGet(t.app, `/api/v1/qa/${ids.school}`);
    assert.equal(res.statusCode, 200);
    const d = QaDetail.parse(res.json());
    assert.equal(d.question, '随迁子女如何申请义务教育学位？');
    assert.deepEqual(d.agency, { code: city.city.code, name: city.city.name });
    assert.deepEqual(
      d.documents.map((x) => [x.id, x.docNumber]),
      [[ids.doc, '测教规〔2025〕2号']],
    );
    const draft = await apiGet(t.app, `/api/v1/qa/${ids.draft}`);
    assert.equal(draft.statusCode, 404);
    assert.equal(draft.json().error.code, 'NOT_FOUND');
    const bad = await apiGet(t.app, '/api/v1/qa?pageSize=500');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().error.fieldErrors.pageSize, /pageSize 不能大于 50/);
    assert.equal((await apiGet(t.app, '/api/v1/qa/abc')).statusCode, 422);
  });

  test('both operations are in a valid OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    assert.ok(spec.paths['/api/v1/qa']?.get);
    assert.ok(spec.paths['/api/v1/qa/{id}']?.get);
    const result = await new Validator().validate(structuredClone(spec));
    assert.equal(result.valid, true, JSON.stringify(result.errors));
  });
});
