import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { InvalidInput } from '../errors.js';
import { calendarDaysFromChineseDays } from './chinese-days.js';
import { buildWorkCalendar } from './work-calendar.js';
import { countWorkdays, workdayOnOrAfter, workdaysAfter } from './workdays.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);

// [day 0, n, n-th working day after day 0, how it was counted by hand]
const VECTORS: [string, number, string, string][] = [
  [
    '2026-09-30',
    20,
    '2026-11-03',
    '国庆 10-01..07 off; 10-08,09,10(Sat 调休) = 3; 10-12..30 = 15; 11-02, 11-03',
  ],
  [
    '2020-01-20',
    20,
    '2020-02-25',
    '01-21..23 = 3; 01-24..02-02 off (extended 春节); 02-03..21 = 15; 02-24, 25',
  ],
  ['2026-02-13', 1, '2026-02-14', 'Saturday 02-14 is a 春节 make-up day'],
  ['2026-02-13', 2, '2026-02-24', '02-14; then 02-15..23 off'],
  ['2026-02-13', 6, '2026-02-28', '02-14, 02-24..27, then Saturday 02-28 is a make-up day'],
  ['2026-02-13', 7, '2026-03-02', 'Sunday 03-01 is a rest day'],
  ['2026-02-12', 20, '2026-03-18', '02-13, 02-14, 02-24..28 = 7; 03-02..13 = 10; 03-16, 17, 18'],
  ['2025-12-31', 1, '2026-01-04', '元旦 01-01..03 off; Sunday 01-04 is a make-up day'],
  ['2025-12-31', 2, '2026-01-05', 'after the make-up Sunday comes Monday'],
  ['2025-12-25', 5, '2026-01-04', '12-26, 12-29, 12-30, 12-31, then 01-04 across the year end'],
  ['2019-09-27', 1, '2019-09-29', 'Saturday 09-28 is a rest day, Sunday 09-29 a make-up day'],
  ['2019-09-27', 3, '2019-10-08', '09-29, 09-30, then 国庆 10-01..07 off'],
  ['2019-10-08', 4, '2019-10-12', '10-09, 10, 11 and Saturday 10-12 (make-up)'],
  ['2024-09-13', 1, '2024-09-14', 'Saturday 09-14 is a 中秋 make-up day'],
  ['2024-09-13', 2, '2024-09-18', '中秋 09-15..17 off'],
  ['2024-09-27', 7, '2024-10-12', '09-29(Sun), 09-30, 10-08..11, Saturday 10-12'],
  ['2025-09-30', 1, '2025-10-09', '国庆/中秋 10-01..08 off'],
  ['2025-09-30', 3, '2025-10-11', '10-09, 10-10, Saturday 10-11 (make-up)'],
  ['2023-09-28', 1, '2023-10-07', '中秋/国庆 09-29..10-06 off; Saturday 10-07 make-up'],
  ['2023-09-28', 3, '2023-10-09', '10-07, Sunday 10-08 (make-up), Monday 10-09'],
  ['2022-01-28', 2, '2022-01-30', 'Saturday 01-29 and Sunday 01-30 are both make-up days'],
  ['2022-01-28', 3, '2022-02-07', '春节 01-31..02-06 off'],
  ['2021-02-05', 1, '2021-02-07', 'Saturday 02-06 rest, Sunday 02-07 make-up'],
  ['2020-01-18', 1, '2020-01-19', 'Sunday 01-19 is a make-up day'],
  ['2020-01-23', 1, '2020-02-03', '01-24..02-02 off; Saturday 02-01 is no longer a make-up day'],
  ['2022-12-30', 1, '2023-01-03', '2022-12-31..2023-01-02 元旦 off, across the year end'],
  ['2024-12-31', 1, '2025-01-02', '元旦 2025-01-01 off'],
];

describe('workdaysAfter', () => {
  for (const [start, n, expected, why] of VECTORS) {
    it(`${start} + ${n} working days → ${expected} (${why})`, () => {
      assert.equal(workdaysAfter(cal, start, n), expected);
    });
  }

  it('0 working days after a date is the date itself', () => {
    assert.equal(workdaysAfter(cal, '2026-10-03', 0), '2026-10-03');
  });

  it('counts day 0 itself only when asked to', () => {
    assert.equal(workdaysAfter(cal, '2026-09-30', 1, { includeStart: true }), '2026-09-30');
    assert.equal(workdaysAfter(cal, '2026-10-01', 1, { includeStart: true }), '2026-10-08');
  });

  it('a local closure moves the result', () => {
    const closure = {
      date: '2026-11-03',
      workday: false,
      name: '停电',
      kind: 'closure' as const,
      source: '本机关',
    };
    const c = buildWorkCalendar([...official.days, closure], official.years);
    assert.equal(workdaysAfter(c, '2026-09-30', 20), '2026-11-04');
  });

  it('in a year without official data it skips the statutory holidays (and the clock warns about it)', () => {
    // Friday 2027-01-01 is 元旦 (《全国年节及纪念日放假办法》), then the weekend.
    assert.equal(workdaysAfter(cal, '2026-12-31', 1), '2027-01-04');
  });

  it('rejects a negative or fractional count', () => {
    assert.throws(() => workdaysAfter(cal, '2026-09-30', -1), InvalidInput);
    assert.throws(() => workdaysAfter(cal, '2026-09-30', 1.5), InvalidInput);
  });

  it('reports a calendar that has no working day at all instead of looping', () => {
    const days = Array.from({ length: 4000 }, (_, i) => {
      const date = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
      return { date, workday: false, name: null, kind: 'closure' as const, source: 'x' };
    });
    assert.throws(() => workdaysAfter(buildWorkCalendar(days, []), '2026-01-01', 1), InvalidInput);
  });
});

describe('countWorkdays / workdayOnOrAfter', () => {
  it('October 2026 has 18 working days (1–7 off, Saturday 10 worked)', () => {
    assert.equal(countWorkdays(cal, '2026-10-01', '2026-10-31'), 18);
  });

  it('an empty range has none', () => assert.equal(countWorkdays(cal, '2026-10-09', '2026-10-08'), 0));

  it('moves a rest day to the next working day and keeps a working day', () => {
    assert.equal(workdayOnOrAfter(cal, '2026-10-03'), '2026-10-08');
    assert.equal(workdayOnOrAfter(cal, '2026-10-10'), '2026-10-10');
  });
});
