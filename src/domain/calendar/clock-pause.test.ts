import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from './chinese-days.js';
import { computeDeadline } from './clock.js';
import type { ClockFacts, Consultation } from './clock-facts.js';
import { buildWorkCalendar } from './work-calendar.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);
const facts = (date: string, more: Partial<ClockFacts> = {}): ClockFacts => ({
  received: { channel: 'online', date },
  ...more,
});
const thirdParty = (sentOn: string, answeredOn: string | null = null): Consultation => ({
  party: '某科技有限公司',
  kind: 'third-party',
  sentOn,
  answeredOn,
});

describe('time not counted (第三十三条第三款)', () => {
  it('received 2026-09-01, pause 09-10..09-25 → due 2026-10-21', () => {
    // 09-02..04, 09-07..09 = 6; paused through 中秋 09-25; 09-28..30 = 9; 国庆 off;
    // 10-08, 09, Sat 10-10 = 12; 10-12..16 = 17; 10-19, 20, 21 = 20.
    const d = computeDeadline(
      facts('2026-09-01', { pauses: [{ from: '2026-09-10', to: '2026-09-25' }] }),
      cal,
      '2026-09-15',
    );
    assert.equal(d.dueDate, '2026-10-21');
    assert.deepEqual([d.state, d.daysLeft], ['paused', 14]);
    const pause = d.explanation!.segments.find((s) => s.kind === 'pause');
    assert.deepEqual(pause, {
      from: '2026-09-10',
      to: '2026-09-25',
      kind: 'pause',
      reason: '不计算在期限内的期间',
      workdays: 0,
    });
  });

  it('a third-party consultation across 中秋 and 国庆: sent 09-24, answered 10-12 → due 11-04', () => {
    // received Sunday 2026-09-20 (a make-up day); 09-21..23 = 3; paused 09-24..10-12;
    // 10-13..16 = 7; 10-19..23 = 12; 10-26..30 = 17; 11-02..04 = 20.
    const d = computeDeadline(
      facts('2026-09-20', { consultations: [thirdParty('2026-09-24', '2026-10-12')] }),
      cal,
      '2026-10-13',
    );
    assert.equal(d.dueDate, '2026-11-04');
    // 15 working days for the answer: 09-28..30, 10-08..10 (Sat), 10-12..16, 10-19..22.
    assert.deepEqual(d.consultations, [
      {
        party: '某科技有限公司',
        kind: 'third-party',
        sentOn: '2026-09-24',
        answerDue: '2026-10-22',
        answeredOn: '2026-10-12',
      },
    ]);
    const pause = d.explanation!.segments.find((s) => s.kind === 'pause');
    assert.equal(pause?.reason, '征求第三方意见（不计算在期限内）');
    assert.deepEqual([pause?.from, pause?.to], ['2026-09-24', '2026-10-12']);
  });

  it('overlapping consultations of a third party and another agency pause their union', () => {
    // 09-02..09 = 6; paused 09-10..18; Sun 09-20 = 7; 09-21..24 = 11; 09-28..30 = 14;
    // 10-08, 09, Sat 10-10 = 17; 10-12, 13, 14 = 20.
    const agency: Consultation = {
      party: '市财政局',
      kind: 'agency',
      sentOn: '2026-09-14',
      answeredOn: '2026-09-18',
    };
    const d = computeDeadline(
      facts('2026-09-01', { consultations: [thirdParty('2026-09-10', '2026-09-15'), agency] }),
      cal,
      '2026-10-01',
    );
    assert.equal(d.dueDate, '2026-10-14');
    const reasons = d
      .explanation!.segments.filter((s) => s.kind === 'pause')
      .map((s) => `${s.from}..${s.to} ${s.reason}`);
    assert.deepEqual(reasons, [
      '2026-09-10..2026-09-15 征求第三方意见（不计算在期限内）',
      '2026-09-16..2026-09-18 征求其他机关意见（不计算在期限内）',
    ]);
  });

  describe('an unanswered consultation', () => {
    const f = facts('2026-03-02', { consultations: [thirdParty('2026-03-05')] });
    it('pauses until its 15-working-day window ends (03-26): due 04-22, after 清明', () => {
      // 03-03, 04 = 2; paused 03-05..26; 03-27, 30, 31, 04-01..03 = 8; 清明 04-04..06;
      // 04-07..10 = 12; 04-13..17 = 17; 04-20..22 = 20.
      const d = computeDeadline(f, cal, '2026-03-10');
      assert.deepEqual(
        [d.dueDate, d.state, d.daysLeft, d.consultations[0]?.answerDue],
        ['2026-04-22', 'paused', 18, '2026-03-26'],
      );
    });
    it('once the window has passed the clock runs again', () => {
      const d = computeDeadline(f, cal, '2026-03-30');
      assert.deepEqual([d.dueDate, d.state, d.daysLeft], ['2026-04-22', 'running', 16]);
    });
    it('with the open-ended rule the pause lasts until today', () => {
      const early = computeDeadline(f, cal, '2026-03-10', { unansweredConsultationPause: 'until-today' });
      assert.deepEqual([early.dueDate, early.state], ['2026-04-03', 'paused']);
      // paused 03-05..30: 03-03, 04, 31, 04-01..03 = 6; 04-07..10 = 10; 04-13..24 = 20.
      const late = computeDeadline(f, cal, '2026-03-30', { unansweredConsultationPause: 'until-today' });
      assert.equal(late.dueDate, '2026-04-24');
    });
  });
});

describe('which days a pause FROM..TO excludes (configurable, UNVERIFIED)', () => {
  const f = facts('2026-09-01', { pauses: [{ from: '2026-09-10', to: '2026-09-15' }] });
  it('by default both ends are excluded: due on the make-up Saturday 10-10', () => {
    // 09-02..09 = 6; paused 09-10..15; 09-16..18, Sun 09-20, 09-21..24 = 14; 09-28..30 = 17;
    // 10-08, 09, Sat 10-10 = 20.
    assert.equal(computeDeadline(f, cal, '2026-09-01').dueDate, '2026-10-10');
  });
  it('the answer day counts when TO is not excluded', () => {
    assert.equal(computeDeadline(f, cal, '2026-09-01', { pauseExcludesToDay: false }).dueDate, '2026-10-09');
  });
  it('the dispatch day counts when FROM is not excluded', () => {
    assert.equal(
      computeDeadline(f, cal, '2026-09-01', { pauseExcludesFromDay: false }).dueDate,
      '2026-10-09',
    );
  });
});

describe('fee notice and payment (信息处理费, UNVERIFIED)', () => {
  const paid = facts('2026-06-01', { fee: { noticeOn: '2026-06-05', paidOn: '2026-06-10' } });
  it('pauses from notice to payment by default: due 07-06, across 端午', () => {
    // 06-02..04 = 3; paused 06-05..10; 06-11, 12, 06-15..18 = 9; 端午 06-19; 06-22..26 = 14;
    // 06-29, 30, 07-01..03 = 19; 07-06 = 20.
    assert.equal(computeDeadline(paid, cal, '2026-06-11').dueDate, '2026-07-06');
  });
  it('does not pause when the agency turns the rule off: due 06-30', () => {
    assert.equal(computeDeadline(paid, cal, '2026-06-11', { feePausesClock: false }).dueDate, '2026-06-30');
  });
  const unpaid = facts('2026-06-01', { fee: { noticeOn: '2026-06-05' } });
  it('an unpaid fee pauses to the end of the 20-working-day payment window (07-06): due 07-29', () => {
    const d = computeDeadline(unpaid, cal, '2026-06-20');
    assert.deepEqual([d.state, d.dueDate], ['paused', '2026-07-29']);
    assert.equal(computeDeadline(unpaid, cal, '2026-07-06').state, 'paused');
  });
  it('not paid by the end of the window: processing stops (closed)', () => {
    const d = computeDeadline(unpaid, cal, '2026-07-07');
    assert.deepEqual([d.state, d.closedBy, d.closedOn], ['closed', 'fee-unpaid', '2026-07-07']);
  });
});

describe('years without official holiday data (design rule 3)', () => {
  it('a deadline running into 2027 is computed Mon–Fri and flagged', () => {
    // 12-11, 12-14..18, 12-21..25, 12-28..31 = 15; 2027-01-01 (no notice yet) = 16; 01-04..07 = 20.
    const d = computeDeadline(facts('2026-12-10'), cal, '2026-12-10');
    assert.equal(d.dueDate, '2027-01-07');
    assert.deepEqual(
      d.warnings.map((w) => [w.code, 'year' in w ? w.year : null]),
      [['NO_OFFICIAL_CALENDAR', 2027]],
    );
    assert.match(d.warnings[0]!.message, /2027年尚无/);
  });
  it('a case received in 2018 (before the data starts) is flagged for 2018', () => {
    const d = computeDeadline(facts('2018-12-28'), cal, '2019-01-02');
    assert.deepEqual(
      d.warnings.map((w) => ('year' in w ? w.year : null)),
      [2018],
    );
  });
  it('an overdue case counted into 2027 is flagged even though it was due in 2026', () => {
    const d = computeDeadline(facts('2026-10-08'), cal, '2027-01-05');
    assert.equal(d.dueDate, '2026-11-04'); // 10-09, Sat 10-10, 10-12..30 = 17; 11-02..04
    assert.equal(d.state, 'overdue');
    assert.ok(d.warnings.some((w) => w.code === 'NO_OFFICIAL_CALENDAR' && w.year === 2027));
  });
  it('a deadline fully inside official years has no warning', () => {
    assert.deepEqual(computeDeadline(facts('2026-06-01'), cal, '2026-06-01').warnings, []);
  });
});
