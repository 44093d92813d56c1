import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from './chinese-days.js';
import {
  lawsuitAfterReconsiderationDue,
  lawsuitDirectDue,
  remediesFor,
  proactiveDisclosureDue,
  reconsiderationApplicationDue,
} from './other-deadlines.js';
import { buildWorkCalendar } from './work-calendar.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);

describe('主动公开 within 20 working days of formation or change (第二十六条)', () => {
  it('formed 2026-09-30 → publish by 2026-11-03, with its derivation', () => {
    const d = proactiveDisclosureDue(cal, '2026-09-30');
    assert.equal(d.dueDate, '2026-11-03');
    assert.equal(d.explanation.period, 20);
    assert.match(d.explanation.startReason, /第二十六条/);
    assert.equal(d.explanation.segments[0]?.reason, '国庆节');
  });
  it('formed 2026-02-12 → 2026-03-18, across 春节 and two make-up Saturdays', () => {
    assert.equal(proactiveDisclosureDue(cal, '2026-02-12').dueDate, '2026-03-18');
  });
});

describe('行政复议 application: 60 calendar days (行政复议法第二十条)', () => {
  it('knew 2026-03-01 → 2026-04-30, a Thursday, nothing to move', () => {
    const d = reconsiderationApplicationDue(cal, '2026-03-01');
    assert.deepEqual(
      [d.dueDate, d.explanation.nominalDue, d.explanation.rolledForward],
      ['2026-04-30', '2026-04-30', null],
    );
    assert.match(d.explanation.rule, /60日/);
  });
  it('knew 2026-08-02 → day 60 is 10-01 (国庆节) → moved to 10-08', () => {
    const d = reconsiderationApplicationDue(cal, '2026-08-02');
    assert.equal(d.dueDate, '2026-10-08');
    assert.equal(d.explanation.rolledForward, '期间最后一日2026-10-01为国庆节，顺延至2026-10-08');
  });
  it('keeps day 60 when the agency turns the moving rule off', () => {
    assert.equal(
      reconsiderationApplicationDue(cal, '2026-08-02', { calendarPeriodRollsForward: false }).dueDate,
      '2026-10-01',
    );
  });
  it('knew 2026-05-12 → Saturday 07-11 → Monday 07-13', () => {
    assert.equal(reconsiderationApplicationDue(cal, '2026-05-12').dueDate, '2026-07-13');
  });
  it('knew 2026-08-11 → the make-up Saturday 10-10 is a working day and stays', () => {
    assert.equal(reconsiderationApplicationDue(cal, '2026-08-11').dueDate, '2026-10-10');
  });
});

describe('行政诉讼 filing windows', () => {
  it('directly: 6 months, 2026-03-15 → 2026-09-15', () => {
    assert.equal(lawsuitDirectDue(cal, '2026-03-15').dueDate, '2026-09-15');
  });
  it('directly: 2026-04-01 → 10-01 (国庆节) → 10-08', () => {
    assert.equal(lawsuitDirectDue(cal, '2026-04-01').dueDate, '2026-10-08');
  });
  it('directly: 2025-08-31 → 2026-02-28, the last day of February and a make-up Saturday', () => {
    assert.equal(lawsuitDirectDue(cal, '2025-08-31').dueDate, '2026-02-28');
  });
  it('directly: 2026-08-31 → Sunday 2027-02-28 → 03-01, flagged: no 2027 data', () => {
    const d = lawsuitDirectDue(cal, '2026-08-31');
    assert.equal(d.dueDate, '2027-03-01');
    assert.deepEqual(
      d.warnings.map((w) => w.code),
      ['NO_OFFICIAL_CALENDAR'],
    );
  });
  it('after 复议: 15 days, 2026-09-01 → 09-16', () => {
    assert.equal(lawsuitAfterReconsiderationDue(cal, '2026-09-01').dueDate, '2026-09-16');
  });
  it('after 复议: 2026-09-16 → 10-01 → 10-08; 2026-02-05 → 02-20 (春节) → 02-24', () => {
    assert.equal(lawsuitAfterReconsiderationDue(cal, '2026-09-16').dueDate, '2026-10-08');
    assert.equal(lawsuitAfterReconsiderationDue(cal, '2026-02-05').dueDate, '2026-02-24');
  });
  it('after the 复议 period expired without a decision, the rule says so', () => {
    assert.match(
      lawsuitAfterReconsiderationDue(cal, '2026-09-01', 'period-expired').explanation.rule,
      /复议期满/,
    );
  });
});

describe('remedies by the decision’s date (行政复议法 2023 第二十三条第一款第（四）项, from 2024-01-01)', () => {
  it('a refusal to disclose decided 2026-03-10: 行政复议 first, no direct lawsuit', () => {
    const r = remediesFor(cal, { kind: 'refusal', decidedOn: '2026-03-10', knewOn: '2026-03-12' });
    assert.equal(r.reconsiderationFirst, true);
    assert.equal(r.lawsuitDirect, null);
    // 03-12 + 60 days = 05-11 (a Monday).
    assert.equal(r.reconsideration.dueDate, '2026-05-11');
    assert.match(r.rule, /应当先申请行政复议.*第二十三条第一款第（四）项/);
  });
  it('the same refusal decided on 2023-12-29, before the revision took effect: the choice remains', () => {
    const r = remediesFor(cal, { kind: 'refusal', decidedOn: '2023-12-29', knewOn: '2024-01-02' });
    assert.equal(r.reconsiderationFirst, false);
    // 2024-01-02 + 6 months = 2024-07-02 (a Tuesday).
    assert.equal(r.lawsuitDirect?.dueDate, '2024-07-02');
  });
  it('a decision to disclose, challenged (e.g. by a third party): either route', () => {
    const r = remediesFor(cal, { kind: 'other', decidedOn: '2026-03-10', knewOn: '2026-03-12' });
    assert.deepEqual([r.reconsiderationFirst, r.lawsuitDirect?.dueDate], [false, '2026-09-14']); // 09-12 is a Saturday
    assert.match(r.rule, /也可以直接向人民法院提起行政诉讼/);
  });
});
