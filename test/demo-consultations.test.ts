// The demo's consultations (src/demo/consultations.ts), loaded through the commands: two feedback
// reports published whose counts match their opinions and their own 说明, one consultation open
// today, all marked synthetic; the public pages show masked names and no contact.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { consultation, consultationOpinion } from '../src/db/schema.js';
import { loadDemoConsultations } from '../src/demo/consultations.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import { buildAgency } from './support/factories.js';

const SYSTEM = { actor: { system: true as const, label: '演示数据加载' } };

describe('demo consultations', () => {
  let t: TestApp;
  let loaded: { consultations: number; consultationOpinions: number };

  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
    const city = await buildAgency(t.deps, { code: 'JN', name: '江南市人民政府' });
    for (const [code, name] of [
      ['JN.GXJ', '江南市工业和信息化局'],
      ['JN.SFJ', '江南市司法局'],
      ['JN.JTJ', '江南市交通运输局'],
    ])
      await buildAgency(t.deps, { parentId: city.id, code, name });
    loaded = await loadDemoConsultations(t.deps, SYSTEM, '2026-11-30');
  });
  after(() => t.close());

  test('two reports published with their counts, one open, all synthetic', async () => {
    assert.deepEqual(loaded, { consultations: 3, consultationOpinions: 30 });
    const rows = await t.deps.db.select().from(consultation);
    assert.ok(rows.every((r) => r.synthetic));
    assert.deepEqual(rows.map((r) => r.state).sort(), ['feedback_published', 'feedback_published', 'open']);
    for (const r of rows.filter((x) => x.state === 'feedback_published')) {
      const ops = await t.deps.db
        .select()
        .from(consultationOpinion)
        .where(eq(consultationOpinion.consultationId, r.id));
      const n = (a: string) => ops.filter((o) => o.adoption === a).length;
      // The 说明 states the same numbers as the opinions.
      assert.match(r.feedbackSummary!, new RegExp(`收到意见(建议)?${ops.length}条`));
      assert.match(
        r.feedbackSummary!,
        new RegExp(`采纳${n('adopted')}条，部分采纳${n('partly')}条，未采纳${n('not_adopted')}条`),
      );
      assert.ok(
        ops.every((o) => o.adoption === 'adopted' || o.reason),
        'a reason unless adopted',
      );
      const page = await new Browser(t.app).get(`/consultations/${r.id}/feedback`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<dt>收到意见数</dt><dd>${ops.length} 条</dd>`));
      for (const o of ops) {
        if (o.authorName && o.authorName !== o.authorNameMasked)
          assert.ok(!page.body.includes(o.authorName), `${o.authorName} unmasked`);
        if (o.contactEnc) assert.ok(!page.body.includes(t.deps.personalData.decrypt(o.contactEnc)!));
      }
    }
    const open = rows.find((r) => r.state === 'open')!;
    const page = await new Browser(t.app).get(`/consultations/${open.id}`);
    assert.match(page.body, /提交意见/);
    assert.match(page.body, /重大行政决策/);
    assert.match(page.body, /国务院令第713号/);
  });
});
