import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from './chinese-days.js';
import type { InvalidInput } from '../errors.js';
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
        receivedOn: '2026-09-24', // not recorded: assumed received the day it was sent
        receiptAssumed: true,
        answerDue: '2026-10-22',
        answeredOn: '2026-10-12',
        excludedUntil: '2026-10-12',
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
  });
});

describe('the excluded time of a consultation is capped by the party’s 15 working days (§1.14)', () => {
  // Received Tuesday 2026-09-01: 09-02..04, 09-07..11, 09-14..18 = 13; Sunday 09-20 (make-up) = 14.
  // The letter goes out Monday 09-21. The party's 15 working days from 09-21: 09-22..24 = 3
  // (中秋 09-25 off); 09-28..30 = 6; 国庆 off; 10-08, 09, Sat 10-10 = 9; 10-12..16 = 14; 10-19 = 15.
  const late = facts('2026-09-01', { consultations: [thirdParty('2026-09-21', '2026-11-20')] });
  it('an answer on 11-20, a month late, extends nothing: due 10-27, not 11-30', () => {
    // Paused 09-21..10-19 only; 10-20..23 = 18; 10-26, 27 = 20. (Uncapped, the pause ran to 11-20:
    // 11-23..27 = 19, 11-30 = 20.)
    const d = computeDeadline(late, cal, '2026-10-20');
    assert.equal(d.dueDate, '2026-10-27');
    assert.equal(d.consultations[0]?.answerDue, '2026-10-19');
    assert.equal(d.consultations[0]?.excludedUntil, '2026-10-19');
    const pause = d.explanation!.segments.filter((s) => s.kind === 'pause');
    assert.deepEqual([pause[0]?.from, pause.at(-1)?.to], ['2026-09-21', '2026-10-19']);
    assert.ok(d.explanation!.notes.some((n) => /晚于其答复期限2026-10-19/.test(n)));
  });

  it('the party’s period runs from its receipt of the letter, when recorded (第三十二条)', () => {
    // Received by the party on Friday 09-25 (中秋, but a letter can arrive on a holiday): its 15 working
    // days: 09-28..30 = 3; 10-08, 09, 10 = 6; 10-12..16 = 11; 10-19..22 = 15 → 10-22. Paused 09-21..10-22;
    // 10-23 = 15; 10-26..30 = 20 → due 10-30.
    const c = { ...thirdParty('2026-09-21', '2026-11-20'), receivedOn: '2026-09-25' };
    const d = computeDeadline(facts('2026-09-01', { consultations: [c] }), cal, '2026-10-20');
    assert.equal(d.consultations[0]?.answerDue, '2026-10-22');
    assert.equal(d.consultations[0]?.receiptAssumed, false);
    assert.equal(d.dueDate, '2026-10-30');
  });

  it('an unrecorded receipt is assumed (a documented rule) and the explanation says so', () => {
    const d = computeDeadline(late, cal, '2026-10-20');
    assert.match(
      d.explanation!.notes[0]!,
      /^2026-09-21发出的征求意见书，第三方收到的日期未记录，按发出当日收到计算（2026-09-21）；其15个工作日的答复期限至2026-10-19（第三十二条）/,
    );
    // Assuming delivery 2 days later moves the party's period and with it the due date:
    // receipt Wednesday 09-23 → 09-24 = 1 (中秋 09-25 off); 09-28..30 = 4; 10-08..10 = 7;
    // 10-12..16 = 12; 10-19..21 = 15 → 10-21. Paused 09-21..10-21; 10-22, 23 = 16; 10-26..29 = 20.
    const d2 = computeDeadline(late, cal, '2026-10-20', { consultationReceiptAssumedDays: 2 });
    assert.deepEqual([d2.consultations[0]?.answerDue, d2.dueDate], ['2026-10-21', '2026-10-29']);
    assert.match(d2.explanation!.notes[0]!, /按发出后第2日收到计算（2026-09-23）/);
  });

  it('an unanswered agency consultation: consent is deemed given when its period ends (第三十四条)', () => {
    const agency: Consultation = { party: '市财政局', kind: 'agency', sentOn: '2026-09-21' };
    const d = computeDeadline(facts('2026-09-01', { consultations: [agency] }), cal, '2026-11-20');
    assert.equal(d.dueDate, '2026-10-27');
    assert.ok(d.explanation!.notes.some((n) => /逾期未答复视为同意公开（第三十四条）/.test(n)));
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
    assert.match(d.explanation!.notes.join(''), /申请人收到的日期未记录，按通知当日收到计算（2026-06-05）/);
  });
  it('the payment window runs from the applicant’s receipt of a posted notice, not the notice’s date', () => {
    // Notice dated 06-05, received by post on Friday 06-12. 20 working days from 06-12: 06-15..18 = 4;
    // 端午 06-19; 06-22..26 = 9; 06-29..07-03 = 14; 07-06..10 = 19; 07-13 = 20. Counted from the
    // notice's date the case closed on 07-07 while the applicant still had a week to pay.
    const posted = facts('2026-06-01', { fee: { noticeOn: '2026-06-05', receivedOn: '2026-06-12' } });
    assert.equal(computeDeadline(posted, cal, '2026-07-07').state, 'paused');
    const d = computeDeadline(posted, cal, '2026-07-14');
    assert.deepEqual([d.state, d.closedBy, d.closedOn], ['closed', 'fee-unpaid', '2026-07-14']);
  });
  it('the payment window’s assumption is a rule: 7 days of post → the same window as a recorded 06-12', () => {
    const d = computeDeadline(unpaid, cal, '2026-07-07', { feeNoticeReceiptAssumedDays: 7 });
    assert.equal(d.state, 'paused');
    assert.match(
      d.explanation!.notes.join(''),
      /按通知后第7日收到计算（2026-06-12）；缴费期限为收到后20个工作日，至2026-07-13/,
    );
  });
});

describe('years without official holiday data (design rule 3)', () => {
  it('a deadline running into 2027 rests on the statutory 元旦 and is flagged', () => {
    // 12-11, 12-14..18, 12-21..25, 12-28..31 = 15; Friday 2027-01-01 is 元旦 — fixed by
    // 《全国年节及纪念日放假办法》 even before the 2027 notice (it was counted as working day 16
    // before); 01-04..08 = 20.
    const d = computeDeadline(facts('2026-12-10'), cal, '2026-12-10');
    assert.equal(d.dueDate, '2027-01-08');
    const newYear = d.explanation!.segments.find((s) => s.from <= '2027-01-01' && '2027-01-01' <= s.to);
    assert.equal(newYear?.kind, 'holiday');
    assert.match(
      newYear!.reason,
      /^元旦（《全国年节及纪念日放假办法》（2024年修订，国务院令第798号）规定的法定节假日）/,
    );
    assert.deepEqual(
      d.warnings.map((w) => [w.code, 'year' in w ? w.year : null]),
      [['NO_OFFICIAL_CALENDAR', 2027]],
    );
    assert.match(d.warnings[0]!.message, /2027年尚无/);
  });
  it('2028: 除夕 and 中秋 are computed from the lunar calendar, 中秋 falling on 国庆 day 3', () => {
    // 正月初一 2028 = 01-26, so 除夕 01-25 to 初三 01-28 rest (798号: 4 days); 中秋 = 10-03.
    const days = ['2028-01-25', '2028-01-26', '2028-01-27', '2028-01-28'];
    assert.deepEqual(
      days.map((d) => cal.dayInfo(d).name),
      ['春节', '春节', '春节', '春节'],
    );
    assert.equal(cal.dayInfo('2028-01-24').workday, true);
    assert.equal(cal.dayInfo('2028-10-03').name, '中秋节、国庆节');
    assert.equal(cal.dayInfo('2028-05-02').workday, false); // 劳动节 day 2 (Tuesday), since 2025
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

describe('receipt before the 2019 条例 took effect (第五十六条: 2019-05-15)', () => {
  it('is refused with a message that says why, instead of being counted under the 2019 rules', () => {
    assert.throws(
      () => computeDeadline(facts('2019-05-14'), cal, '2019-06-01'),
      (e: InvalidInput) =>
        /早于2019年5月15日。修订后的《政府信息公开条例》自该日起施行，此前收到的申请适用2007年《条例》（15个工作日，可延长15个工作日）/.test(
          e.fieldErrors['received.date'] ?? '',
        ),
    );
  });
  it('the first day of the revised 条例 is counted: 2019-05-15 → due 2019-06-13', () => {
    // 05-16, 17 = 2; 05-20..24 = 7; 05-27..31 = 12; 06-03..06 = 16; 端午 06-07 off; 06-10..13 = 20.
    assert.equal(computeDeadline(facts('2019-05-15'), cal, '2019-05-15').dueDate, '2019-06-13');
  });
});

describe('dates before receipt are refused (第三十一条: nothing happens before the application arrives)', () => {
  const cases: [string, Partial<ClockFacts>, string][] = [
    ['a reply', { repliedOn: '2026-08-31' }, 'repliedOn'],
    [
      'an extension approval',
      { extension: { approvedOn: '2026-08-31', workdays: 5 } },
      'extension.approvedOn',
    ],
    ['a consultation', { consultations: [thirdParty('2026-08-31')] }, 'consultations.0.sentOn'],
    ['a pause', { pauses: [{ from: '2026-08-30', to: '2026-09-03' }] }, 'pauses.0.from'],
    ['a fee notice', { fee: { noticeOn: '2026-08-31' } }, 'fee.noticeOn'],
    ['a withdrawal', { withdrawnOn: '2026-08-31' }, 'withdrawnOn'],
  ];
  for (const [what, more, path] of cases) {
    it(`${what} dated before receipt (2026-09-01)`, () => {
      assert.throws(
        () => computeDeadline(facts('2026-09-01', more), cal, '2026-09-10'),
        (e: InvalidInput) => /不能早于收到申请之日（2026-09-01）/.test(e.fieldErrors[path] ?? ''),
      );
    });
  }
});
