import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import fc from 'fast-check';
import { addDays, buildWorkCalendar, calendarDaysFromChineseDays, countWorkdays } from '../calendar/index.js';
import { checkPeriod, daysLeft, earliestClosingDay } from './period.js';
import {
  DEFAULT_CONSULTATION_PERIODS as P,
  parseConsultationPeriods,
  type ConsultationType,
} from './rules.js';
import { InvalidInput } from '../errors.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);

// [type, concernsMarket, opensOn, earliest closing day, counted by hand]
const VECTORS: [ConsultationType, boolean, string, string, string][] = [
  ['rule', false, '2026-06-01', '2026-06-30', '1–30 June: 30 days, both ends counted'],
  ['rule', false, '2026-02-01', '2026-03-02', 'February 2026 has 28 days: 02-01..28 = 28, 03-01, 03-02'],
  ['major_decision', false, '2026-12-15', '2027-01-13', '12-15..31 = 17; 01-01..13 = 13'],
  ['normative', true, '2026-09-28', '2026-10-27', 'market variant: 30 calendar days, holidays count'],
  [
    'normative',
    false,
    '2026-09-28',
    '2026-10-12',
    '09-28, 29, 30 = 3; 国庆 10-01..07 off; 10-08, 09, 10 (Sat 调休) = 6; Sun 10-11 off; 10-12 = 7',
  ],
  ['normative', false, '2026-10-01', '2026-10-15', 'opens on 国庆: 10-08, 09, 10, 12, 13, 14, 15'],
  ['normative', false, '2026-11-30', '2026-12-08', 'Mon 11-30, 12-01..04 = 5; weekend; 12-07, 12-08'],
  ['other', false, '2026-06-01', '2026-06-01', 'no minimum: the same day'],
];

describe('consultation minimum periods (hand-counted)', () => {
  for (const [type, market, opens, earliest, how] of VECTORS) {
    it(`${type}${market ? ' (market)' : ''} from ${opens}: earliest close ${earliest} — ${how}`, () => {
      const ok = checkPeriod(type, market, opens, earliest, cal, P);
      assert.equal(ok.ok, true);
      assert.equal(ok.earliestClose, earliest);
      if (type === 'other') return;
      const short = checkPeriod(type, market, opens, addDays(earliest, -1), cal, P);
      assert.equal(short.ok, false);
    });
  }

  it('refuses a 规范性文件 of 6 working days over 国庆 with the minimum and the earliest closing day', () => {
    const r = checkPeriod('normative', false, '2026-09-28', '2026-10-10', cal, P);
    assert.equal(r.ok, false);
    assert.equal(r.length, 6);
    assert.ok(!r.ok);
    assert.match(r.message, /^行政规范性文件公开征求意见的期限不少于7个工作日/);
    assert.match(r.message, /国办发〔2018〕37号/);
    assert.match(r.message, /本次征集期只有6个工作日/);
    assert.match(r.message, /截止日期最早为2026年10月12日$/);
  });

  it('names the market variant and 国务院令第713号 in the refusals', () => {
    const m = checkPeriod('normative', true, '2026-06-01', '2026-06-20', cal, P);
    assert.ok(!m.ok);
    assert.match(m.message, /^涉及市场主体生产经营活动的行政规范性文件公开征求意见的期限不少于30日/);
    assert.match(m.message, /本次征集期只有20日/);
    const d = checkPeriod('major_decision', false, '2026-06-01', '2026-06-29', cal, P);
    assert.ok(!d.ok);
    assert.match(d.message, /国务院令第713号）第十四条/);
    assert.match(d.message, /截止日期最早为2026年6月30日/);
  });

  it('refuses a closing day before the opening day', () => {
    const r = checkPeriod('other', false, '2026-06-02', '2026-06-01', cal, P);
    assert.ok(!r.ok);
    assert.equal(r.message, '截止日期不能早于开始日期');
  });

  it('an installation may lengthen a period (and the message follows it)', () => {
    const periods = parseConsultationPeriods({ normative: { days: 10, source: '本市规定' } });
    assert.equal(periods.normative.days, 10);
    assert.equal(periods.normative.unit, 'workdays');
    assert.deepEqual(periods.rule, P.rule);
    const r = checkPeriod('normative', false, '2026-11-30', '2026-12-10', cal, periods);
    assert.ok(!r.ok);
    assert.match(r.message, /不少于10个工作日（本市规定）/);
    assert.match(r.message, /截止日期最早为2026年12月11日/);
  });

  it('refuses a stored setting that makes no sense, in Chinese', () => {
    assert.throws(
      () => parseConsultationPeriods({ rule: { days: -1 } }),
      (e: unknown) => e instanceof InvalidInput && e.fieldErrors['rule.days'] === '最短期限不能为负数',
    );
  });

  it('days left counts today and the last day', () => {
    assert.equal(daysLeft('2026-06-01', '2026-06-30', '2026-05-31'), null);
    assert.equal(daysLeft('2026-06-01', '2026-06-30', '2026-06-01'), 30);
    assert.equal(daysLeft('2026-06-01', '2026-06-30', '2026-06-30'), 1);
    assert.equal(daysLeft('2026-06-01', '2026-06-30', '2026-07-01'), 0);
  });

  it('property: the earliest closing day is exactly the minimum, and a day earlier is not', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2500 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('days' as const, 'workdays' as const),
        (offset, days, unit) => {
          const opens = addDays('2020-01-01', offset);
          const rule = { days, unit, source: 'x' };
          const close = earliestClosingDay(rule, opens, cal);
          const length = unit === 'days' ? days : countWorkdays(cal, opens, close);
          assert.equal(length, days);
          if (days > 1) {
            const before = addDays(close, -1);
            const shorter = unit === 'days' ? days - 1 : countWorkdays(cal, opens, before);
            assert.ok(shorter < days);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
