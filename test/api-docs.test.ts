import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createTestApp, type TestApp } from './support/app.js';
import { registeredRoutes } from './support/routes.js';

type Operation = {
  operationId: string;
  summary: string;
  security: unknown[];
  parameters: { name: string; in: string; schema: { maximum?: number } }[];
  responses: Record<string, { $ref?: string; content?: Record<string, { schema: { $ref: string } }> }>;
};
type Spec = {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, unknown> };
};

describe('OpenAPI document and API docs', () => {
  let t: TestApp;
  let spec: Spec;
  before(async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    assert.equal(res.statusCode, 200, 'the spec is public: no token needed');
    assert.match(String(res.headers['content-type']), /^application\/json/);
    spec = res.json() as Spec;
  });
  after(() => t.close());

  test('it is a valid OpenAPI 3.1 document', async () => {
    assert.equal(spec.openapi, '3.1.0');
    const validator = new Validator();
    const result = await validator.validate(structuredClone(spec));
    assert.deepEqual(result.errors ?? [], []);
    assert.equal(result.valid, true);
    assert.equal(validator.version, '3.1');
    // The validator does reject a broken document (so the check above can fail).
    const broken = await new Validator().validate({ ...structuredClone(spec), paths: { 'no-slash': {} } });
    assert.equal(broken.valid, false);
  });

  test('every registered /api/v1 route is in the document, and every documented one is registered', () => {
    const routes = registeredRoutes(t.app).filter(
      (r) => r.path.startsWith('/api/v1/') && r.method !== 'HEAD',
    );
    assert.ok(routes.length >= 6, `found ${routes.length} routes`);
    const documented = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`),
    );
    assert.deepEqual(routes.map((r) => `${r.method} ${r.path}`).sort(), documented.sort());
  });

  test('every operation needs a bearer token and answers 401, except the public ones; each refers to a known schema', () => {
    const publicOps: string[] = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const op of Object.values(ops)) {
        if (op.security.length === 0) {
          publicOps.push(op.operationId);
          assert.equal(op.responses['401'], undefined, path);
          assert.equal(
            op.responses['429']?.$ref,
            '#/components/responses/RateLimited',
            `${path}: public operations are rate-limited`,
          );
        } else {
          assert.deepEqual(op.security, [{ bearerAuth: [] }], path);
          assert.equal(op.responses['401']?.$ref, '#/components/responses/Unauthenticated', path);
        }
        const content = (op.responses['200'] ?? op.responses['201'])!.content!;
        const ref = (content['application/json'] ?? Object.values(content)[0])!.schema.$ref;
        assert.ok(spec.components.schemas[ref.replace('#/components/schemas/', '')], `${path}: ${ref}`);
      }
    }
    // Only the report check (a published report is public information), the applicant's and the
    // letter writer's own endpoints (apply, write; look up with the tracking number and query code),
    // and what is published (the document library, the mailboxes and published letters,
    // consultations, the Q&A library) are open to anyone.
    assert.deepEqual(publicOps.sort(), [
      'checkReport',
      'checkReportSeries',
      'getApplicationNoticePdf',
      'getConsultation',
      'getDocument',
      'getQa',
      'listConsultations',
      'listDocuments',
      'listMailboxes',
      'listPublishedLetters',
      'listQa',
      'lookupApplication',
      'lookupLetter',
      'searchDocuments',
      'submitApplication',
      'submitLetter',
    ]);
  });

  test('the documented limits are the enforced ones (one zod schema for both)', () => {
    const limit = spec.paths['/api/v1/users']!.get!.parameters.find((p) => p.name === 'limit')!;
    assert.equal(limit.in, 'query');
    assert.equal(limit.schema.maximum, 500);
    const user = JSON.stringify(spec.components.schemas.User);
    assert.doesNotMatch(user, /password|failedLogins|lockedUntil/);
  });

  test('/api/docs is a Chinese HTML page listing every operation with an example call', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/html/);
    assert.match(String(res.headers['content-security-policy']), /script-src 'self'/);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.match(res.body, /<h1>接口文档<\/h1>/);
    assert.doesNotMatch(res.body, /<script|style=/);
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        assert.ok(res.body.includes(`${method.toUpperCase()} ${path}`), `${method} ${path} listed`);
        assert.ok(res.body.includes(op.summary), op.summary);
        assert.ok(res.body.includes(`id="op-${op.operationId}"`), op.operationId);
      }
    }
    assert.match(
      res.body,
      /curl -H &quot;Authorization: Bearer \$GONGKAI_TOKEN&quot; &quot;http:\/\/localhost:\d+\/api\/v1\/agencies\/JN\.JYJ&quot;/,
    );
    assert.match(res.body, /需要访问令牌/);
    assert.match(res.body, /href="\/api\/openapi.json"/);
  });

  test('/api/docs is Chinese only (its descriptions are not translated), and offers no English', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs', cookies: { lang: 'en' } });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<html lang="zh-CN">/);
    assert.doesNotMatch(res.body, /class="lang-switch"/);
  });
});
