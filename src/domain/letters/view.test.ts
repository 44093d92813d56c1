// Hand-counted vectors of the letter's view: due dates over 国庆 2026 and its make-up Saturday
// (2026-10-10), the warning levels day by day, extensions, veto risk at the three months.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from '../calendar/chinese-days.js';
import { buildWorkCalendar } from '../calendar/work-calendar.js';
import type { LetterEvent } from './events.js';
import { DEFAULT_TIME_LIMITS, type LetterRules } from './kinds.js';
import { assertCanTake, canTake, letterView, letterViewColumns, mailboxRules } from './view.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);
const rules: LetterRules = {
  timeLimits: { ...DEFAULT_TIME_LIMITS },
  warnDaysBefore: 2,
  yellowDaysAfter: 0,
  redDaysAfter: 5,
};
const received = (on: string, kind: 'consult' | 'complain' = 'consult'): LetterEvent => ({
  type: 'submitted',
  on,
  kind,
});
// Received and accepted Wed 2026-09-30; consult: 5 working days from the day after:
// 10-01..10-07 国庆 (0), Thu 10-08 (1), Fri 10-09 (2), Sat 10-10 调休上班 (3), Mon 10-12 (4), Tue 10-13 (5).
const accepted: LetterEvent[] = [received('2026-09-30'), { type: 'accepted', on: '2026-09-30' }];

describe('letterView: due date from the working-day calendar', () => {
  it('accepted 2026-09-30 → due 2026-10-13, across 国庆 and the make-up Saturday', () => {
    const v = letterView(accepted, rules, cal, '2026-10-01');
    assert.equal(v.state, 'handling');
    assert.equal(v.triage, 'accepted');
    assert.equal(v.acceptedOn, '2026-09-30');
    assert.equal(v.dueDate, '2026-10-13');
    assert.equal(v.workingDaysLeft, 5);
    assert.equal(v.warningLevel, null);
  });

  it('before triage the clock runs from the day of receipt (complain: 7 working days)', () => {
    // Fri 2026-11-27: Mon 11-30 (1), 12-01 (2), 12-02 (3), 12-03 (4), 12-04 (5), Mon 12-07 (6), Tue 12-08 (7).
    const v = letterView([received('2026-11-27', 'complain')], rules, cal, '2026-11-27');
    assert.equal(v.state, 'submitted');
    assert.equal(v.acceptedOn, null);
    assert.equal(v.dueDate, '2026-12-08');
  });

  it('acceptance later than receipt moves the start: accepted Mon 2026-11-30 → due Mon 2026-12-07', () => {
    const v = letterView(
      [received('2026-11-27'), { type: 'accepted', on: '2026-11-30' }],
      rules,
      cal,
      '2026-11-30',
    );
    assert.equal(v.dueDate, '2026-12-07');
  });

  it('an approved extension of 5 working days: due 2026-10-20 (10-14, 15, 16, 19, 20)', () => {
    const events: LetterEvent[] = [
      ...accepted,
      { type: 'extensionRequested', on: '2026-10-09', days: 5, reason: '需现场核查' },
    ];
    const pending = letterView(events, rules, cal, '2026-10-09');
    assert.equal(pending.extensionPending, true);
    assert.equal(pending.dueDate, '2026-10-13');
    const v = letterView(
      [...events, { type: 'extensionApproved', on: '2026-10-09', days: 5 }],
      rules,
      cal,
      '2026-10-09',
    );
    assert.equal(v.extensionPending, false);
    assert.equal(v.extensionDays, 5);
    assert.equal(v.dueDate, '2026-10-20');
    const refused = letterView(
      [...events, { type: 'extensionRefused', on: '2026-10-09', reason: '理由不足' }],
      rules,
      cal,
      '2026-10-09',
    );
    assert.equal(refused.dueDate, '2026-10-13');
  });
});

describe('letterView: warning levels day by day (预警 2 before, 黄牌 after, 红牌 5 after)', () => {
  const cases: [string, number, string | null][] = [
    // today, working days left (negative: past the due date), level
    ['2026-10-09', 3, null], // Fri: 10-10, 10-12, 10-13 left
    ['2026-10-10', 2, 'warn'], // the make-up Saturday: 10-12, 10-13 left
    ['2026-10-11', 2, 'warn'], // Sunday: nothing counted
    ['2026-10-13', 0, 'warn'], // the due date itself
    ['2026-10-14', -1, 'yellow'], // the first day after it
    ['2026-10-18', -3, 'yellow'], // Sunday: 10-14, 15, 16 past
    ['2026-10-20', -5, 'yellow'], // the fifth working day after: still yellow
    ['2026-10-21', -6, 'red'], // past the fifth working day after
  ];
  for (const [today, left, level] of cases)
    it(`${today}: ${left} working days, ${level ?? 'no warning'}`, () => {
      const v = letterView(accepted, rules, cal, today);
      assert.equal(v.workingDaysLeft, left);
      assert.equal(v.warningLevel, level);
    });

  it('a replied letter has no due date, no warning and no veto risk', () => {
    const v = letterView(
      [...accepted, { type: 'replied', on: '2026-12-31', text: '答复' }],
      rules,
      cal,
      '2027-02-01',
    );
    assert.equal(v.state, 'replied');
    assert.equal(v.repliedOn, '2026-12-31');
    assert.equal(v.dueDate, null);
    assert.equal(v.warningLevel, null);
    assert.equal(v.workingDaysLeft, null);
    assert.equal(v.vetoRisk, 'none');
  });

  it('yellowDaysAfter 2: the first two working days after the due date stay at 预警', () => {
    const r = { ...rules, yellowDaysAfter: 2 };
    assert.equal(letterView(accepted, r, cal, '2026-10-15').warningLevel, 'warn'); // 10-14, 10-15
    assert.equal(letterView(accepted, r, cal, '2026-10-16').warningLevel, 'yellow');
  });
});

describe('letterView: the three-month veto risk (received 2026-09-30 → 2026-12-30)', () => {
  const cases: [string, string][] = [
    ['2026-12-14', 'none'], // 16 days before
    ['2026-12-15', 'near'], // VETO_NEAR_DAYS = 15 days before
    ['2026-12-30', 'near'], // three months exactly: not yet more than three months
    ['2026-12-31', 'past'],
  ];
  for (const [today, risk] of cases)
    it(`${today}: ${risk}`, () => {
      const v = letterView(accepted, rules, cal, today);
      assert.equal(v.vetoDate, '2026-12-30');
      assert.equal(v.vetoRisk, risk);
    });

  it('a letter received 2026-11-30 reaches its three months on 2027-02-28 (the shorter month)', () => {
    assert.equal(letterView([received('2026-11-30')], rules, cal, '2027-03-01').vetoRisk, 'past');
    assert.equal(letterView([received('2026-11-30')], rules, cal, '2027-02-28').vetoRisk, 'near');
  });
});

describe('letterView: states and the steps allowed in them', () => {
  it('declined letters are answered at once with the reason', () => {
    const v = letterView(
      [
        received('2026-11-30'),
        {
          type: 'declined',
          on: '2026-12-01',
          triage: 'invalid',
          reason: '无实际内容',
          replyText: '来信无实际内容。',
        },
      ],
      rules,
      cal,
      '2026-12-01',
    );
    assert.equal(v.state, 'replied');
    assert.equal(v.triage, 'invalid');
    assert.equal(v.replyText, '来信无实际内容。');
    assert.equal(canTake(v, 'rated'), true);
    assert.equal(canTake(v, 'accepted'), false);
  });

  it('escalated → instructing; instructed → handling; drafted → review; returned → handling', () => {
    const steps: LetterEvent[] = [...accepted, { type: 'escalated', on: '2026-10-08', leader: '王市长' }];
    assert.equal(letterView(steps, rules, cal, '2026-10-08').state, 'instructing');
    steps.push({ type: 'instructed', on: '2026-10-09', instruction: '请教育局办理', agencyId: 2 });
    assert.equal(letterView(steps, rules, cal, '2026-10-09').state, 'handling');
    steps.push({ type: 'replyDrafted', on: '2026-10-09', text: '初稿' });
    const review = letterView(steps, rules, cal, '2026-10-09');
    assert.equal(review.state, 'review');
    assert.equal(review.draftText, '初稿');
    steps.push({ type: 'reviewReturned', on: '2026-10-09', comment: '补充' });
    assert.equal(letterView(steps, rules, cal, '2026-10-09').state, 'handling');
  });

  it('a transfer before triage leaves the letter to be triaged; after, it is handled', () => {
    const before = letterView(
      [
        received('2026-11-30'),
        { type: 'transferred', on: '2026-11-30', fromAgencyId: 1, toAgencyId: 2, reason: '事权' },
      ],
      rules,
      cal,
      '2026-11-30',
    );
    assert.equal(before.state, 'submitted');
    const after = letterView(
      [
        ...accepted,
        { type: 'transferred', on: '2026-10-08', fromAgencyId: 1, toAgencyId: 2, reason: '事权' },
      ],
      rules,
      cal,
      '2026-10-08',
    );
    assert.equal(after.state, 'handling');
  });

  it('a step not allowed in the state is refused in Chinese', () => {
    const v = letterView([received('2026-11-30')], rules, cal, '2026-11-30');
    assert.throws(() => assertCanTake(v, 'archived'), /信件当前状态为「待受理」，不能「归档」/);
    assert.throws(() => assertCanTake(v, 'extensionApproved'), /没有等待审批的延期申请/);
  });

  it('cache columns and mailbox rules', () => {
    const v = letterView(accepted, rules, cal, '2026-10-14');
    assert.deepEqual(letterViewColumns(v, '2026-10-14'), {
      state: 'handling',
      triage: 'accepted',
      acceptedOn: '2026-09-30',
      dueDate: '2026-10-13',
      warningLevel: 'yellow',
      supervised: false,
      repliedOn: null,
      viewComputedOn: '2026-10-14',
    });
    assert.deepEqual(
      mailboxRules({ timeLimits: { consult: 3 }, warnDaysBefore: 1, yellowDaysAfter: 0, redDaysAfter: 3 })
        .timeLimits,
      { consult: 3, suggest: 5, complain: 7, help: 7 },
    );
  });
});
