import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { renderDocument } from '../src/domain/reports/parse/testing/layouts.js';
import { SAMPLE_2021, SUZHOU_2020 } from '../src/domain/reports/parse/testing/samples.js';
import { ReportCheckResult } from '../src/http/api/report-check-schemas.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildAgency, buildUser } from './support/factories.js';
import {
  fixtureExpected,
  fixtureText,
  JUNK,
  postMultipart,
  sampleDocx,
  withChangedCell,
} from './support/report-check.js';

const URL = '/api/v1/report-check';

describe('POST /api/v1/report-check', () => {
  let t: TestApp;
  let text: string;
  let ip = 0;
  before(async () => {
    t = await createTestApp();
    text = await fixtureText();
  });
  after(() => t.close());

  // Each call from its own address, so that the per-IP limit only bites in its own test.
  const from = () => `10.1.0.${++ip}`;
  const postJson = (payload: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method: 'POST',
      url: URL,
      payload: payload as Record<string, unknown>,
      headers,
      remoteAddress: from(),
    });

  test('pasted text, no token: 200 with the canonical JSON of the fixture, status ok', async () => {
    const res = await postJson({ text });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    const body = ReportCheckResult.parse(res.json());
    const expected = await fixtureExpected();
    const { note: _note, ...table3 } = expected.table3;
    assert.equal(body.status, 'ok');
    assert.deepEqual(body.missing, []);
    assert.deepEqual(body.violations, []);
    assert.deepEqual(
      [body.file, body.format, body.year, body.agency],
      [null, '2019', 2020, '苏州市人民政府'],
    );
    assert.deepEqual(body.table3, table3);
    assert.deepEqual(body.table4, expected.table4);
    assert.deepEqual(body.table2, expected.table2);
    assert.deepEqual(Object.keys(res.json()).slice(0, 3), ['file', 'status', 'missing']);
  });

  test('a changed cell: status violations, naming rules A1 and B2 with expected and actual', async () => {
    const res = await postJson({ text: withChangedCell(text) });
    assert.equal(res.statusCode, 200);
    const body = ReportCheckResult.parse(res.json());
    assert.equal(body.status, 'violations');
    assert.deepEqual(
      body.violations.map((v) => [v.rule, v.where, v.expected, v.actual]),
      [
        ['A1', 'table3 column natural', 2739, 2738],
        ['B2', 'table3 row newReceived', 2834, 2833],
      ],
    );
    // Additions to the contract: where each violation is, as data, and the suspect with its fix.
    assert.deepEqual(body.violations[1]?.location.sum?.minus, [
      { table: 'table3', row: 'newReceived', column: 'total' },
    ]);
    assert.deepEqual(
      body.suspects.map((s) => [s.cell, s.value, s.fix, s.rules]),
      [[{ table: 'table3', row: 'newReceived', column: 'natural' }, 2661, 2660, ['A1', 'B2']]],
    );
    assert.match(body.verdict, /^有错误：/);
  });

  test('HTML source works as well', async () => {
    const res = await postJson({
      html: renderDocument(SUZHOU_2020, 'e', { title: '某某市人民政府2020年政府信息公开工作年度报告' }),
    });
    assert.equal(res.statusCode, 200);
    const body = ReportCheckResult.parse(res.json());
    assert.equal(body.status, 'ok');
    assert.deepEqual(body.table3, SUZHOU_2020.table3);
  });

  test('empty or malformed input: 422 INVALID_INPUT with Chinese field errors', async () => {
    for (const payload of [{ text: '  ' }, {}, { text: 'a', html: '<p>b</p>' }, { text: 3 }, { body: 'x' }]) {
      const res = await postJson(payload);
      assert.equal(res.statusCode, 422, JSON.stringify(payload));
      const err = res.json().error;
      assert.equal(err.code, 'INVALID_INPUT');
      assert.ok(
        Object.values(err.fieldErrors as Record<string, string>).every((m) => /[\u4e00-\u9fff]/.test(m)),
        JSON.stringify(err),
      );
      assert.equal(err.requestId, res.headers['x-request-id']);
    }
    const empty = await postJson({ text: '' });
    assert.equal(empty.json().error.fieldErrors.text, '请提供报告内容：text 或 html 不能为空');
  });

  test('a file upload (multipart): DOCX read; junk unreadable; unsupported type 422; too large 413', async () => {
    const docx = await postMultipart(
      t.app,
      URL,
      {},
      { name: 'report.docx', bytes: sampleDocx() },
      { remoteAddress: from() },
    );
    assert.equal(docx.statusCode, 200);
    const body = ReportCheckResult.parse(docx.json());
    assert.deepEqual(
      [body.file, body.status, body.format, body.agency],
      ['report.docx', 'ok', '2021', '某某区人民政府'],
    );
    assert.deepEqual(body.table3, SAMPLE_2021.table3);

    const junk = await postMultipart(
      t.app,
      URL,
      {},
      { name: 'junk.txt', bytes: JUNK },
      { remoteAddress: from() },
    );
    assert.equal(junk.statusCode, 200);
    assert.equal(junk.json().status, 'unreadable');
    assert.equal(
      junk.json().verdict,
      '这不是可以读取的政府信息公开工作年度报告：不是文本文件（可能是二进制数据或编码错误）。',
    );

    const doc = await postMultipart(
      t.app,
      URL,
      {},
      { name: 'old.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) },
      { remoteAddress: from() },
    );
    assert.equal(doc.statusCode, 422);
    assert.equal(doc.json().error.code, 'INVALID_INPUT');
    assert.match(doc.json().error.fieldErrors.file, /只能上传/);

    const none = await postMultipart(t.app, URL, { note: 'no file' }, undefined, { remoteAddress: from() });
    assert.equal(none.statusCode, 422);
    assert.match(none.json().error.fieldErrors.file, /请上传报告文件/);

    const big = await postMultipart(
      t.app,
      URL,
      {},
      { name: 'big.txt', bytes: new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41) },
      { remoteAddress: from() },
    );
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().error.code, 'TOO_LARGE');
  });

  test('a JSON body over 10 MB: 413 TOO_LARGE', async () => {
    const res = await postJson({ text: 'a'.repeat(10 * 1024 * 1024 + 1) });
    assert.equal(res.statusCode, 413);
    assert.equal(res.json().error.code, 'TOO_LARGE');
  });

  test('no CSRF token is needed, and a staff session cookie changes nothing', async () => {
    const agency = await buildAgency(t.deps);
    const u = await buildUser(t.deps, { agencyId: agency.id });
    const b = new Browser(t.app);
    await b.login(u.login, u.password);
    const res = await postJson({ text }, { cookie: `gk_sid=${b.cookie('gk_sid')}` });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });

  test('20 calls a minute per IP; the 21st gets 429 JSON', async () => {
    const statuses: number[] = [];
    let last = null;
    for (let i = 0; i < 21; i++) {
      last = await t.app.inject({
        method: 'POST',
        url: URL,
        payload: { text: '' },
        remoteAddress: '10.2.0.1',
      });
      statuses.push(last.statusCode);
    }
    assert.deepEqual(statuses, [...Array(20).fill(422), 429]);
    assert.equal(last?.json().error.code, 'RATE_LIMITED');
    const other = await t.app.inject({
      method: 'POST',
      url: URL,
      payload: { text: '' },
      remoteAddress: '10.2.0.2',
    });
    assert.equal(other.statusCode, 422, 'another address is not affected');
  });

  test('the operation is in the OpenAPI document and the docs: public, JSON or multipart body', async () => {
    const spec = (await t.app.inject({ url: '/api/openapi.json' })).json();
    const op = spec.paths['/api/v1/report-check'].post;
    assert.equal(op.operationId, 'checkReport');
    assert.deepEqual(op.security, []);
    assert.equal(
      op.requestBody.content['application/json'].schema.$ref,
      '#/components/schemas/ReportCheckRequest',
    );
    assert.deepEqual(op.requestBody.content['multipart/form-data'].schema.required, ['file']);
    assert.equal(
      op.responses['200'].content['application/json'].schema.$ref,
      '#/components/schemas/ReportCheckResult',
    );
    assert.deepEqual(Object.keys(op.responses).sort(), ['200', '411', '413', '422', '429', '503']);
    assert.ok(spec.components.schemas.ReportViolation);
    const docs = await t.app.inject({ url: '/api/docs' });
    assert.match(docs.body, /id="op-checkReport"/);
    assert.match(docs.body, /公开接口：无需访问令牌/);
    assert.match(
      docs.body,
      /curl -F &quot;file=@report\.pdf&quot; &quot;http:\/\/localhost:\d+\/api\/v1\/report-check&quot;/,
    );
    assert.match(docs.body, /<a href="#schema-ReportCheckRequest">ReportCheckRequest<\/a>/);
  });
});
