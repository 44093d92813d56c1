// The figures of 政民互动 for the annual report's text and monitoring (interactionFigures) and the
// monthly statistics per unit (letterMonthlyStats), counted by hand from letters written on fixed
// days through the real commands, and consultation, survey, interview and Q&A rows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { acceptLetter, declineLetter } from '../src/commands/letters/triage.js';
import {
  consultation,
  consultationOpinion,
  interview,
  interviewQuestion,
  qaItem,
  survey,
  surveyResponse,
} from '../src/db/schema.js';
import { fillPlaceholders } from '../src/domain/reports/annual/text.js';
import { computeAnnualReport } from '../src/queries/annual-report.js';
import { interactionFigures } from '../src/queries/interaction-figures.js';
import { letterMonthlyStats } from '../src/queries/letter-stats.js';
import { createTestApp, type TestApp } from './support/app.js';
import { buildCity } from './support/factories.js';
import { buildMailbox, letterInState, letterVersion, SYSTEM, writeLetter } from './support/letters.js';
import { rateLetter } from '../src/commands/letters/rate.js';

/** 10:00 in Beijing on that day. */
const at = (day: string) => new Date(`${day}T02:00:00Z`);

describe('interaction figures', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  before(async () => {
    t = await createTestApp({ now: at('2026-07-01') });
    city = await buildCity(t.deps);
    await buildMailbox(t.deps, {
      agencyId: city.dept.id,
      code: 'jyj',
      kind: 'agency',
      name: '教育局信箱',
      reviewRequired: false,
    });
    await buildMailbox(t.deps, {
      agencyId: city.east.id,
      code: 'east',
      kind: 'agency',
      name: '东区信箱',
      reviewRequired: false,
    });

    // 1 July (Wednesday): accepted, never answered — overdue, and past three months by 30 November.
    const late = await writeLetter(t.deps, 'jyj');
    await acceptLetter(t.deps, SYSTEM, { letterId: late.id, version: await letterVersion(t.deps, late.id) });
    // 10 September: still waiting for triage — within 15 days of three months on 30 November (near).
    t.setNow(at('2026-09-10'));
    await writeLetter(t.deps, 'jyj', { kind: 'suggest' });
    // 23 November (Monday): replied the same day, rated 满意; and one replied on the 25th.
    t.setNow(at('2026-11-23'));
    const quick = await letterInState(t.deps, 'jyj', 'replied');
    await rateLetter(t.deps, SYSTEM, {
      trackingNumber: quick.trackingNumber,
      queryCode: quick.queryCode,
      satisfaction: 'satisfied',
    });
    const slow = await writeLetter(t.deps, 'jyj');
    await acceptLetter(t.deps, SYSTEM, { letterId: slow.id, version: await letterVersion(t.deps, slow.id) });
    // An invalid one (spam): not counted anywhere.
    const junk = await writeLetter(t.deps, 'jyj', { title: '无效留言' });
    await declineLetter(t.deps, SYSTEM, {
      letterId: junk.id,
      version: await letterVersion(t.deps, junk.id),
      triage: 'invalid',
      reason: '内容与政务无关',
      replyText: '您的留言内容与政务无关，按无效件处理。',
    });
    t.setNow(at('2026-11-25'));
    const { submitReply } = await import('../src/commands/letters/reply.js');
    await submitReply(t.deps, SYSTEM, {
      letterId: slow.id,
      version: await letterVersion(t.deps, slow.id),
      text: '您好，您反映的问题已经处理完毕。',
    });
    // 东区: one published letter on 25 November.
    await letterInState(t.deps, 'east', 'published');

    // Consultations, a survey, an interview, Q&A items of the 教育局 (their tables, as their modules write them).
    const db = t.deps.db;
    const [c1] = await db
      .insert(consultation)
      .values({
        agencyId: city.dept.id,
        title: '草案一',
        decisionType: 'normative',
        opensOn: '2026-03-02',
        closesOn: '2026-04-10',
        state: 'feedback_published',
        feedbackPublishedAt: at('2026-04-20'),
      })
      .returning();
    await db.insert(consultation).values({
      agencyId: city.dept.id,
      title: '草稿',
      decisionType: 'rule',
      opensOn: '2026-05-01',
      state: 'draft',
    });
    const opinion = (adoption: string) => ({
      consultationId: c1!.id,
      channel: 'online',
      content: '意见',
      receivedOn: '2026-03-05',
      adoption,
    });
    await db
      .insert(consultationOpinion)
      .values([opinion('adopted'), opinion('partly'), opinion('not_adopted'), opinion('adopted')]);
    const [s1] = await db
      .insert(survey)
      .values({
        agencyId: city.dept.id,
        title: '调查',
        opensOn: '2026-06-01',
        state: 'results_published',
        resultsPublishedAt: at('2026-07-01'),
      })
      .returning();
    await db.insert(surveyResponse).values([
      { surveyId: s1!.id, answers: {} },
      { surveyId: s1!.id, answers: {} },
    ]);
    const [i1] = await db
      .insert(interview)
      .values({
        agencyId: city.dept.id,
        title: '访谈',
        startsAt: at('2026-05-20'),
        endsAt: at('2026-05-20'),
        state: 'announced',
      })
      .returning();
    await db.insert(interviewQuestion).values([
      { interviewId: i1!.id, content: '问一', phase: 'before', status: 'answered', answer: '答' },
      { interviewId: i1!.id, content: '问二', phase: 'during', status: 'pending' },
      { interviewId: i1!.id, content: '问三', phase: 'during', status: 'declined' },
    ]);
    await db.insert(qaItem).values([
      {
        agencyId: city.dept.id,
        question: '问',
        answer: '答',
        state: 'published',
        publishedAt: at('2026-02-01'),
      },
      {
        agencyId: city.dept.id,
        question: '问',
        answer: '答',
        state: 'published',
        publishedAt: at('2025-02-01'),
      },
      { agencyId: city.dept.id, question: '问', answer: '答', state: 'draft' },
    ]);
    t.setNow(at('2026-11-30'));
  });
  after(async () => t?.close());

  test('the 教育局 in 2026: letters, consultations, surveys, interviews and Q&A counted by hand', async () => {
    const f = await interactionFigures(t.deps.db, {
      agencyId: city.dept.id,
      year: 2026,
      today: '2026-11-30',
    });
    assert.deepEqual(f.letters, {
      received: 4, // the invalid one is not counted
      replied: 2,
      replyRate: 0.5,
      avgReplyDays: 1, // (0 + 2) / 2 calendar days
      overdue: 2, // 1 July (accepted) and 10 September (awaiting triage: its clock runs from receipt)
      repliedLate: 0,
      vetoRiskNear: 1, // 10 September
      vetoRiskPast: 1, // 1 July
      rated: 1,
      satisfactionRate: 1,
      published: 0,
    });
    assert.deepEqual(f.consultations, {
      opened: 1,
      opinions: 4,
      adopted: 2,
      partlyAdopted: 1,
      feedbackPublished: 1,
    });
    assert.deepEqual(f.surveys, { opened: 1, responses: 2, resultsPublished: 1 });
    assert.deepEqual(f.interviews, { held: 1, questions: 2, answered: 1, transcriptsPublished: 0 });
    assert.deepEqual(f.qa, { publishedInYear: 1, publishedNow: 2 });
  });

  test('a scope counts its subtree; another year counts nothing', async () => {
    const east = await interactionFigures(t.deps.db, {
      scopePath: city.east.path,
      year: 2026,
      today: '2026-11-30',
    });
    assert.equal(east.letters.received, 1);
    assert.equal(east.letters.published, 1);
    assert.equal(east.consultations.opened, 0);
    const all = await interactionFigures(t.deps.db, { year: 2026, today: '2026-11-30' });
    assert.equal(all.letters.received, 5);
    const past = await interactionFigures(t.deps.db, {
      agencyId: city.dept.id,
      year: 2025,
      today: '2026-11-30',
    });
    assert.equal(past.letters.received, 0);
    assert.equal(past.letters.replyRate, null);
    assert.equal(past.qa.publishedInYear, 1);
  });

  test('the annual report quotes them: the 政民互动 placeholders of its texts are the figures of the year, 本级 and 汇总', async () => {
    const own = await computeAnnualReport(t.deps.db, { agencyId: city.dept.id, year: 2026, scope: 'own' });
    assert.deepEqual(own.interaction, {
      lettersReceived: 4,
      lettersReplied: 2,
      letterReplyRate: 0.5,
      consultations: 1,
      opinions: 4,
      opinionsAdopted: 3, // 2 adopted + 1 partly
      interviews: 1,
      qaPublished: 1,
    });
    assert.equal(
      fillPlaceholders(own, '收到留言{{收到留言}}件，答复率{{留言答复率}}，采纳意见{{采纳意见}}条'),
      '收到留言4件，答复率50%，采纳意见3条',
    );
    const east = await computeAnnualReport(t.deps.db, {
      agencyId: city.east.id,
      year: 2026,
      scope: 'rollup',
    });
    assert.equal(east.interaction?.lettersReceived, 1);
  });

  test('monthly statistics per unit: 留言数, 答复数, 答复率, 平均答复用时 (working and calendar days), 满意率', async () => {
    const s = await letterMonthlyStats(t.deps.db, { year: 2026, month: 11 });
    const jyj = s.rows.find((r) => r.agencyId === city.dept.id);
    assert.deepEqual(jyj && { ...jyj }, {
      year: 2026,
      month: 11,
      agencyId: city.dept.id,
      agencyCode: city.dept.code,
      agencyName: '测试市教育局',
      received: 2,
      replied: 2,
      replyRate: 1,
      avgReplyWorkdays: 1, // 0 and 2 (Tuesday 24, Wednesday 25)
      avgReplyDays: 1,
      rated: 1,
      verySatisfied: 0,
      satisfied: 1,
      neutral: 0,
      dissatisfied: 0,
      satisfactionRate: 1,
    });
    assert.equal(s.total.received, 3);
    assert.equal(s.total.replied, 3);
    const year = await letterMonthlyStats(t.deps.db, { year: 2026, scopePath: city.dept.path });
    assert.deepEqual(
      year.rows.map((r) => [r.month, r.received, r.replied]),
      [
        [7, 1, 0],
        [9, 1, 0],
        [11, 2, 2],
      ],
    );
    assert.equal(year.total.replyRate, 0.5);
  });
});
