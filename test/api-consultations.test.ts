// The consultation API: public, drafts never listed (404), the rule applied and the days left, and
// the feedback report once published — its counts match its opinions and it carries masked names
// only, never a name as written or a contact; both operations in a valid OpenAPI document.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import {
  closeConsultation,
  openConsultation,
  publishFeedback,
} from '../src/commands/consultations/lifecycle.js';
import { decideOpinion, enterOpinion, submitOpinion } from '../src/commands/consultations/opinions.js';
import { saveConsultation } from '../src/commands/consultations/save.js';
import { eq } from 'drizzle-orm';
import { consultationOpinion } from '../src/db/schema.js';
import { ConsultationDetail, ConsultationList } from '../src/http/api/consultation-schemas.js';
import { apiGet } from './support/api.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity } from './support/factories.js';

const SYSTEM = { actor: { system: true as const, label: 'test' } };
const PORTAL = { actor: { system: true as const, label: '政府门户网站（意见征集）' } };

describe('consultations API', () => {
  let t: TestApp;
  const ids = { published: 0, open: 0, draft: 0 };

  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
    const city = await buildCity(t.deps);
    const d = t.deps;
    const base = { agencyId: city.east.id, description: '起草说明' };
    ids.published = (
      await saveConsultation(d, SYSTEM, {
        ...base,
        title: '东区物业管理规定（草案）',
        decisionType: 'rule',
        opensOn: '2026-09-01',
        closesOn: '2026-09-30',
      })
    ).id;
    await openConsultation(d, SYSTEM, { id: ids.published, version: 1 });
    const people = [
      ['王小明', '13911112222', 'adopted', null],
      ['赵六', null, 'partly', '部分内容已在第十条体现'],
      [null, null, 'not_adopted', '超出本规定调整范围'],
    ] as const;
    for (const [name, contact, decision, reason] of people) {
      const o = await enterOpinion(d, SYSTEM, {
        consultationId: ids.published,
        channel: 'email',
        receivedOn: '2026-09-10',
        name,
        contact,
        content: `建议修改第三条（${decision}）。`,
      });
      await decideOpinion(d, SYSTEM, { opinionId: o.id, decision, reason });
    }
    await closeConsultation(d, SYSTEM, { id: ids.published, version: 2 });
    await publishFeedback(d, SYSTEM, { id: ids.published, version: 3, feedbackSummary: '感谢各方意见。' });

    ids.open = (
      await saveConsultation(d, SYSTEM, {
        ...base,
        title: '东区促进民营经济发展若干措施（征求意见稿）',
        decisionType: 'normative',
        opensOn: '2026-11-30',
        closesOn: '2026-12-08',
      })
    ).id;
    await openConsultation(d, SYSTEM, { id: ids.open, version: 1 });
    await submitOpinion(d, PORTAL, {
      consultationId: ids.open,
      name: '钱七',
      contact: 'qian7@example.com',
      content: '建议增加对小微企业的支持。',
    });
    ids.draft = (
      await saveConsultation(d, SYSTEM, { ...base, title: '尚未公布的草案', decisionType: 'other' })
    ).id;
  });
  after(() => t.close());

  test('GET /api/v1/consultations lists what the portal shows, without a token; drafts never', async () => {
    const res = await apiGet(t.app, '/api/v1/consultations');
    assert.equal(res.statusCode, 200);
    const body = ConsultationList.parse(res.json());
    assert.deepEqual(body.data.map((c) => c.id).sort(), [ids.published, ids.open].sort());
    const open = ConsultationList.parse((await apiGet(t.app, '/api/v1/consultations?status=open')).json());
    assert.deepEqual(
      open.data.map((c) => [c.id, c.status, c.opinions]),
      [[ids.open, 'open', 1]],
    );
    const bad = await apiGet(t.app, '/api/v1/consultations?status=nope');
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.code, 'INVALID_INPUT');
    assert.match(bad.json().error.fieldErrors.status, /status 只能是/);
  });

  test('GET /api/v1/consultations/{id}: the rule applied and the days left while open', async () => {
    const res = await apiGet(t.app, `/api/v1/consultations/${ids.open}`);
    assert.equal(res.statusCode, 200);
    const c = ConsultationDetail.parse(res.json());
    assert.equal(c.rule.text, '不少于7个工作日');
    assert.match(c.rule.source, /国办发〔2018〕37号/);
    assert.equal(c.daysLeft, 9);
    assert.equal(c.feedback, null);
    assert.ok(!res.body.includes('钱七') && !res.body.includes('qian7@example.com'));
  });

  test('the published feedback: counts match the opinions, masked names only', async () => {
    const res = await apiGet(t.app, `/api/v1/consultations/${ids.published}`);
    assert.equal(res.statusCode, 200);
    const c = ConsultationDetail.parse(res.json());
    const stored = await t.deps.db
      .select()
      .from(consultationOpinion)
      .where(eq(consultationOpinion.consultationId, ids.published));
    const f = c.feedback!;
    assert.equal(f.received, stored.length);
    assert.equal(f.adopted, stored.filter((o) => o.adoption === 'adopted' || o.adoption === 'partly').length);
    assert.equal(f.partly, 1);
    assert.equal(f.notAdopted, 1);
    assert.equal(f.rows.length, f.received);
    assert.deepEqual(
      f.rows.map((r) => [r.number, r.name, r.adoption]),
      [
        [1, '王*明', 'adopted'],
        [2, '赵*', 'partly'],
        [3, '匿名', 'not_adopted'],
      ],
    );
    assert.equal(f.rows[1]!.reason, '部分内容已在第十条体现');
    for (const secret of ['王小明', '赵六', '13911112222']) assert.ok(!res.body.includes(secret), secret);
    assert.equal(c.status, 'feedback_published');
  });

  test('a draft or an unknown id answers 404 with the error shape; a bad id 422', async () => {
    for (const id of [ids.draft, 999999]) {
      const res = await apiGet(t.app, `/api/v1/consultations/${id}`);
      assert.equal(res.statusCode, 404);
      assert.equal(res.json().error.code, 'NOT_FOUND');
      assert.equal(res.json().error.message, '没有找到该意见征集');
    }
    assert.equal((await apiGet(t.app, '/api/v1/consultations/abc')).statusCode, 422);
  });

  test('both operations are in a valid OpenAPI document', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const result = await new Validator().validate(structuredClone(spec));
    assert.equal(result.valid, true, JSON.stringify(result.errors));
    assert.ok(spec.paths['/api/v1/consultations'].get);
    assert.ok(spec.paths['/api/v1/consultations/{id}'].get);
  });
});
