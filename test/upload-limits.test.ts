// Issue 8, item 4: an anonymous multipart request may not make the server hold 100 MB. Each upload
// form has limits that fit it — one file, a few small fields — checked while the body streams in,
// and a body larger than the form can need is refused from its Content-Length, before it is read.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { createTestApp, type TestApp } from './support/app.js';
import { multipartBody, postMultipart, sampleDocx } from './support/report-check.js';

const MB = 1024 * 1024;

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Body bytes the client had written when the answer came. */
  sent: number;
}

/**
 * Starts a request that announces `headers` and then sends its body slowly, 64 KB at a time, up to
 * `total` bytes; resolves with the answer as soon as it comes (or rejects after 15 s).
 */
function slowUpload(port: number, path: string, headers: Record<string, string>, total: number) {
  return new Promise<RawAnswer>((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request({ port, path, method: 'POST', headers }, (res) => {
      answered = true;
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sent });
        req.destroy();
      });
    });
    // The server may close the connection right after its answer: a write that finds it closed
    // (EPIPE, ECONNRESET) is expected; only no answer at all is a failure (the timer below).
    req.on('error', () => {});
    const chunk = Buffer.alloc(64 * 1024, 'a');
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer after 15 s (${sent} bytes sent)`));
    }, 15_000);
    const pump = () => {
      if (answered || req.destroyed) return clearTimeout(timer);
      if (sent >= total) return void req.end();
      sent += chunk.length;
      req.write(chunk);
      setTimeout(pump, 50);
    };
    req.on('close', () => clearTimeout(timer));
    req.flushHeaders();
    setTimeout(pump, 200);
  });
}

describe('upload limits per form (issue 8.4)', () => {
  let t: TestApp;
  let port = 0;
  before(async () => {
    t = await createTestApp();
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  after(() => t.close());

  const boundary = '----gongkai-test';
  const multipartHeaders = (length?: number): Record<string, string> => ({
    'content-type': `multipart/form-data; boundary=${boundary}`,
    ...(length === undefined ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(length) }),
  });

  test('API: a body announced at 50 MB is refused with 413 before it is read (Chinese message, stable code)', async () => {
    const res = await slowUpload(port, '/api/v1/report-check', multipartHeaders(50 * MB), 50 * MB);
    assert.equal(res.status, 413);
    assert.ok(res.sent < 5 * MB, `answered after ${res.sent} bytes of 50 MB`);
    const { error } = JSON.parse(res.body);
    assert.equal(error.code, 'FILE_TOO_LARGE');
    assert.match(error.message, /文件不能超过 10 MB/);
    assert.equal(res.headers.connection, 'close');
  });

  test('the web form (up to 5 files of 10 MB): a larger body, refused the same, with the Chinese error page', async () => {
    const res = await slowUpload(port, '/report-check', multipartHeaders(60 * MB), 60 * MB);
    assert.equal(res.status, 413);
    assert.ok(res.sent < 5 * MB, `answered after ${res.sent} bytes of 60 MB`);
    assert.match(res.body, /一次最多上传 5 个文件，每个文件不能超过 10 MB/);
  });

  test('the calendar import (back office): an anonymous body announced at 20 MB is refused before it is read', async () => {
    const res = await slowUpload(port, '/admin/calendar/import', multipartHeaders(20 * MB), 20 * MB);
    assert.equal(res.status, 413);
    assert.ok(res.sent < 5 * MB, `answered after ${res.sent} bytes of 20 MB`);
  });

  test('a multipart body without a length (chunked) is refused with 411 before it is read', async () => {
    const res = await slowUpload(port, '/api/v1/report-check', multipartHeaders(), 50 * MB);
    assert.equal(res.status, 411);
    assert.ok(res.sent < 5 * MB, `answered after ${res.sent} bytes`);
    assert.equal(JSON.parse(res.body).error.code, 'LENGTH_REQUIRED');
  });

  test('API: ten 1 MB text fields beside the file (10 MB, under the size limit) are refused with 413', async () => {
    const fields = Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`f${i}`, 'x'.repeat(MB)]));
    const res = await postMultipart(t.app, '/api/v1/report-check', fields, {
      name: 'report.docx',
      bytes: sampleDocx(),
    });
    assert.equal(res.statusCode, 413);
    assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
  });

  test('API: a stray text field is cut at 1 KB, and the file is still read', async () => {
    const res = await postMultipart(
      t.app,
      '/api/v1/report-check',
      { note: 'x'.repeat(MB) },
      { name: 'report.docx', bytes: sampleDocx() },
    );
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().status, 'ok');
  });

  test('an upload that fits the form still works, on the wire too (Content-Length as browsers send it)', async () => {
    const { payload, contentType } = await multipartBody({}, { name: 'report.docx', bytes: sampleDocx() });
    const res = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(
        {
          port,
          path: '/api/v1/report-check',
          method: 'POST',
          headers: { 'content-type': contentType, 'content-length': String(payload.length) },
        },
        (r) => {
          let body = '';
          r.setEncoding('utf8');
          r.on('data', (c: string) => (body += c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, body }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
    assert.equal(res.status, 200);
    assert.equal(JSON.parse(res.body).status, 'ok');
  });
});
