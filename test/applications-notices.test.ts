// Notices issued with the steps of an application: the 登记回执 at intake, a numbered notice for
// each step that needs one, gap-free numbers per agency, prefix and year, frozen text.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { asc, eq } from 'drizzle-orm';
import { recordApplicationEvent } from '../src/commands/applications/record.js';
import { agencySetting, notice } from '../src/db/schema.js';
import { NOTICE_PREFIX_SETTING } from '../src/domain/notices/number.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity, buildUser } from './support/factories.js';
import { actorOf, submitted } from './support/applications.js';
import type { Actor } from '../src/domain/agencies/actor.js';
import { InvalidInput } from '../src/domain/errors.js';
import { DECISION_OUTCOMES, OUTCOME_RULES } from '../src/domain/applications/outcomes.js';

describe('notices of an application', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let officer: Actor;
  before(async () => {
    t = await createTestApp({ now: new Date('2026-11-30T02:00:00Z') });
    city = await buildCity(t.deps);
    officer = await actorOf(t.deps, (await buildUser(t.deps, { agencyId: city.dept.id })).id);
    await t.deps.db
      .insert(agencySetting)
      .values({ agencyId: city.dept.id, key: NOTICE_PREFIX_SETTING, value: '测教' });
  });
  after(() => t.close());

  const noticesOf = (id: number) =>
    t.deps.db.select().from(notice).where(eq(notice.applicationId, id)).orderBy(asc(notice.id));

  test('intake issues a 登记回执 without a number, served online when the applicant chose online delivery', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const [receipt] = await noticesOf(s.id);
    assert.equal(receipt?.kind, 'receipt');
    assert.equal(receipt?.number, null);
    assert.equal(receipt?.servedMethod, 'online');
    assert.ok(receipt?.paragraphs.some((p) => p.includes(s.trackingNumber) && p.includes('2026年12月28日')));
  });

  test('a partial disclosure gets the next 依复 number, cites its ground and ends with the remedies', async () => {
    const s = await submitted(t.deps, city.dept.code, { delivery: 'post' });
    const r = await recordApplicationEvent(
      t.deps,
      { actor: officer },
      {
        applicationId: s.id,
        version: 1,
        event: {
          type: 'decisionServed',
          on: '2026-11-30',
          outcome: 'partial',
          ground: '第十五条',
          reasons: '名单中含有住户的个人信息，公开会对第三方合法权益造成损害',
          disclosed: '已将去除个人信息后的项目名单随本答复书一并提供',
        },
      },
    );
    assert.equal(r.notice?.number, '测教依复〔2026〕1号');
    const [, reply] = await noticesOf(s.id);
    assert.equal(
      reply?.servedMethod,
      null,
      'posted notices are served when the post arrives, recorded later',
    );
    const text = reply!.paragraphs.join('\n');
    assert.match(text, /第十五条/);
    assert.match(text, /去除个人信息后的项目名单/);
    assert.match(reply!.paragraphs.at(-1)!, /行政复议/);
  });

  test('concurrent replies of one agency get consecutive numbers without gaps or duplicates', async () => {
    const apps = await Promise.all([1, 2, 3, 4, 5].map(() => submitted(t.deps, city.dept.code)));
    const results = await Promise.all(
      apps.map((a) =>
        recordApplicationEvent(
          t.deps,
          { actor: officer },
          {
            applicationId: a.id,
            version: 1,
            event: { type: 'decisionServed', on: '2026-11-30', outcome: 'granted' },
          },
        ),
      ),
    );
    const numbers = results
      .map((r) => Number(/〔2026〕(\d+)号/.exec(r.notice!.number!)![1]))
      .sort((a, b) => a - b);
    assert.deepEqual(numbers, [2, 3, 4, 5, 6]);
  });

  test('a failed step (stale version) takes no number', async () => {
    const s = await submitted(t.deps, city.dept.code);
    await assert.rejects(
      recordApplicationEvent(
        t.deps,
        { actor: officer },
        {
          applicationId: s.id,
          version: 99,
          event: { type: 'decisionServed', on: '2026-11-30', outcome: 'granted' },
        },
      ),
    );
    const r = await recordApplicationEvent(
      t.deps,
      { actor: officer },
      {
        applicationId: s.id,
        version: 1,
        event: { type: 'decisionServed', on: '2026-11-30', outcome: 'granted' },
      },
    );
    assert.equal(r.notice?.number, '测教依复〔2026〕7号', 'the rolled-back attempt left no gap after 6');
  });

  test('every decision outcome issues a complete reply (no placeholder left, remedies last)', async () => {
    for (const outcome of DECISION_OUTCOMES) {
      const rule = OUTCOME_RULES[outcome];
      const s = await submitted(t.deps, city.dept.code);
      let version = 1;
      // 补正后申请内容仍不明确 needs a correction first (第三十条).
      if (outcome === 'unable.unclearAfterCorrection') {
        for (const event of [
          { type: 'correctionRequested', on: '2026-11-30', dueBy: '2026-12-14' },
          { type: 'correctionReceived', on: '2026-11-30' },
        ])
          version = (
            await recordApplicationEvent(t.deps, { actor: officer }, { applicationId: s.id, version, event })
          ).version;
      }
      const r = await recordApplicationEvent(
        t.deps,
        { actor: officer },
        {
          applicationId: s.id,
          version,
          event: {
            type: 'decisionServed',
            on: '2026-11-30',
            outcome,
            ground: rule.grounds[0] ?? null,
            reasons: '经核查的具体理由',
          },
        },
      );
      const [n] = await t.deps.db.select().from(notice).where(eq(notice.id, r.notice!.id));
      const text = n!.paragraphs.join('\n');
      assert.ok(!text.includes('{{'), `${outcome}: ${text}`);
      assert.match(n!.paragraphs.at(-1)!, /行政复议|行政诉讼/, outcome);
    }
  });

  test('a consultation letter goes to the third party, does not name the applicant, and is not shown to the applicant', async () => {
    const s = await submitted(t.deps, city.dept.code);
    await recordApplicationEvent(
      t.deps,
      { actor: officer },
      {
        applicationId: s.id,
        version: 1,
        event: {
          type: 'consultationSent',
          on: '2026-11-30',
          party: '苏州某建设有限公司',
          kind: 'third-party',
        },
      },
    );
    const letter = (await noticesOf(s.id)).find((n) => n.kind === 'consultationThirdParty');
    assert.equal(letter?.addressee, '苏州某建设有限公司');
    assert.equal(letter?.toApplicant, false);
    assert.ok(!letter!.paragraphs.join('').includes('张三'));
    assert.match(letter!.number!, /^测教依征〔2026〕1号$/);
  });

  test('a correction notice lists what the officer wrote and the correction deadline', async () => {
    const s = await submitted(t.deps, city.dept.code);
    await recordApplicationEvent(
      t.deps,
      { actor: officer },
      {
        applicationId: s.id,
        version: 1,
        event: { type: 'correctionRequested', on: '2026-11-30', dueBy: '2026-12-14' },
        note: '请写明所需项目所在的街道\n请写明项目的大致年份',
      },
    );
    const n = (await noticesOf(s.id)).find((x) => x.kind === 'correction')!;
    assert.ok(n.paragraphs.includes('请写明所需项目所在的街道'));
    assert.ok(n.paragraphs.some((p) => p.includes('2026年12月14日')));
  });

  test('a fee notice without a note explains the standard; a 第三十五条 notice without reasons is refused, keyed by the note', async () => {
    const s = await submitted(t.deps, city.dept.code);
    const r = await recordApplicationEvent(
      t.deps,
      { actor: officer },
      {
        applicationId: s.id,
        version: 1,
        event: { type: 'feeNotified', on: '2026-11-30', amount: 120 },
      },
    );
    const [fee] = await t.deps.db.select().from(notice).where(eq(notice.id, r.notice!.id));
    assert.match(fee!.paragraphs.join(''), /国办函〔2020〕109号/);
    const other = await submitted(t.deps, city.dept.code);
    await assert.rejects(
      recordApplicationEvent(
        t.deps,
        { actor: officer },
        {
          applicationId: other.id,
          version: 1,
          event: { type: 'reasonablePeriodNotified', on: '2026-11-30', replyBy: '2027-02-26' },
        },
      ),
      (e: unknown) => e instanceof InvalidInput && /理由/.test(e.fieldErrors.note ?? ''),
    );
    assert.equal((await noticesOf(other.id)).length, 1, 'only the receipt: nothing was stored');
  });

  test('a transfer to an agency of this installation gives its phone in the notice', async () => {
    const s = await submitted(t.deps, city.dept.code);
    await recordApplicationEvent(
      t.deps,
      { actor: officer },
      {
        applicationId: s.id,
        version: 1,
        event: { type: 'transferred', on: '2026-11-30', to: '东区人民政府', reason: '该项目由东区组织实施' },
      },
    );
    const n = (await noticesOf(s.id)).find((x) => x.kind === 'transfer')!;
    assert.match(n.paragraphs.join(''), /东区人民政府（联系方式：电话 0512-00000000）/);
  });
});
