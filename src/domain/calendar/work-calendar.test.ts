import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { InvalidInput } from '../errors.js';
import { calendarDaysFromChineseDays } from './chinese-days.js';
import { buildWorkCalendar, type CalendarDay } from './work-calendar.js';
import { countWorkdays } from './workdays.js';

const official = calendarDaysFromChineseDays(data, 'chinese-days@1.5.7');
const cal = buildWorkCalendar(official.days, official.years);

// The make-up working days of the State Council notices 2019–2026 (docs/dependencies.md §3), all weekend days.
const MAKEUP_DAYS: Record<number, string[]> = {
  2019: ['02-02', '02-03', '04-28', '05-05', '09-29', '10-12'],
  2020: ['01-19', '04-26', '05-09', '06-28', '09-27', '10-10'], // 02-01 cancelled by the COVID extension
  2021: ['02-07', '02-20', '04-25', '05-08', '09-18', '09-26', '10-09'],
  2022: ['01-29', '01-30', '04-02', '04-24', '05-07', '10-08', '10-09'],
  2023: ['01-28', '01-29', '04-23', '05-06', '06-25', '10-07', '10-08'],
  2024: ['02-04', '02-18', '04-07', '04-28', '05-11', '09-14', '09-29', '10-12'],
  2025: ['01-26', '02-08', '04-27', '09-28', '10-11'],
  2026: ['01-04', '02-14', '02-28', '05-09', '09-20', '10-10'],
};
const makeupDates = Object.entries(MAKEUP_DAYS).flatMap(([y, ds]) => ds.map((d) => `${y}-${d}`));

describe('official calendar from chinese-days', () => {
  it('covers exactly 2019–2026 and nothing before the 2019 条例', () => {
    assert.deepEqual(official.years, [2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026]);
    assert.ok(official.days.every((d) => d.date >= '2019-01-01'));
  });

  it('has exactly the official make-up working days, no more, no fewer', () => {
    const fromData = official.days.filter((d) => d.kind === 'makeup-workday').map((d) => d.date);
    assert.deepEqual(fromData.sort(), [...makeupDates].sort());
  });

  for (const date of makeupDates) {
    it(`${date} is a make-up working day (调休上班)`, () => {
      assert.equal(cal.isWorkday(date), true);
      assert.equal(cal.dayInfo(date).kind, 'makeup-workday');
    });
  }

  // Weekday days off, including the 2020 extension of the Spring Festival (01-31..02-02, and the
  // make-up Saturday 02-01 that it cancelled).
  for (const date of [
    '2020-01-31',
    '2020-02-01',
    '2020-02-02',
    '2024-02-16',
    '2025-01-28',
    '2025-10-08',
    '2026-02-23',
    '2026-10-07',
  ]) {
    it(`${date} is a day off`, () => assert.equal(cal.isWorkday(date), false));
  }

  it('is-workday 2026-10-10 → true (make-up Saturday); 2026-10-07 → false', () => {
    assert.equal(cal.isWorkday('2026-10-10'), true);
    assert.equal(cal.isWorkday('2026-10-07'), false);
  });

  it('an ordinary Sunday after a make-up Saturday is still a rest day (2026-10-11)', () => {
    assert.equal(cal.isWorkday('2026-10-11'), false);
    assert.equal(cal.isWorkday('2026-10-08'), true);
  });

  // Weekdays − weekday holidays + make-up days, recomputed by hand for 2019, 2020, 2024–2026
  // (e.g. 2026: 261 − 19 + 6 = 248); 2021–2023 as listed in docs/dependencies.md §3.
  const perYear: [number, number][] = [
    [2019, 250],
    [2020, 249],
    [2021, 250],
    [2022, 249],
    [2023, 249],
    [2024, 251],
    [2025, 248],
    [2026, 248],
  ];
  for (const [year, n] of perYear) {
    it(`${year} has ${n} working days`, () =>
      assert.equal(countWorkdays(cal, `${year}-01-01`, `${year}-12-31`), n));
  }

  it('says why a day is or is not a working day, in Chinese', () => {
    assert.equal(cal.dayInfo('2026-10-10').reason, '调休上班日（国庆节）');
    assert.equal(cal.dayInfo('2026-10-07').reason, '国庆节');
    assert.equal(cal.dayInfo('2026-09-25').reason, '中秋节'); // the package's short name 中秋 is expanded
    assert.equal(cal.dayInfo('2026-10-11').reason, '周末');
    assert.equal(cal.dayInfo('2026-10-10').source, 'chinese-days@1.5.7');
  });

  it('knows which years have official data; a year without it keeps the statutory holidays, flagged', () => {
    assert.equal(cal.hasOfficialData(2026), true);
    assert.equal(cal.hasOfficialData(2027), false);
    assert.equal(cal.hasOfficialData(2018), false);
    // No 2027 notice yet, but 国庆 10-01..03 is fixed by 《全国年节及纪念日放假办法》 (it was a
    // working day here before); the notice's bridging days (10-04..07) cannot be known.
    const info = cal.dayInfo('2027-10-01');
    assert.deepEqual(
      [info.workday, info.kind, info.name, info.official],
      [false, 'holiday', '国庆节', false],
    );
    assert.equal(info.source, '《全国年节及纪念日放假办法》（2024年修订，国务院令第798号）');
    assert.equal(cal.dayInfo('2027-10-04').workday, true);
  });

  it('every holiday of the 2024 办法 (国务院令第798号), 2027: 13 days, lunar ones computed', () => {
    // 正月初一 2027 = 02-06 (除夕 02-05); 清明 (solar term) 04-05; 端午 (五月初五) 06-09; 中秋 (八月十五) 09-15.
    const rest = [
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ];
    for (const d of rest) assert.equal(cal.dayInfo(d).kind, 'holiday', d);
    // Weekdays next to them stay working days: 调休 and 补假 come only with the notice.
    for (const d of ['2027-02-04', '2027-02-09', '2027-04-06', '2027-06-10', '2027-09-16', '2027-10-04'])
      assert.equal(cal.isWorkday(d), true, d);
  });

  it('years before 2025 follow the 2013 办法 (国务院令第644号): 春节 初一–初三, 劳动节 one day', () => {
    // A calendar with no official year at all, to see the rule for 2024: 正月初一 = 02-10.
    const bare = buildWorkCalendar([], []);
    assert.equal(bare.isWorkday('2024-02-09'), true); // 除夕 was not a statutory holiday before 2025
    assert.deepEqual(
      ['2024-02-10', '2024-02-11', '2024-02-12'].map((d) => bare.dayInfo(d).kind),
      ['holiday', 'holiday', 'holiday'],
    );
    assert.equal(bare.isWorkday('2024-05-02'), true);
    assert.equal(
      bare.dayInfo('2024-05-01').source,
      '《全国年节及纪念日放假办法》（2013年修订，国务院令第644号）',
    );
  });
});

describe('agency overrides', () => {
  const closure: CalendarDay = {
    date: '2026-11-03',
    workday: false,
    name: '台风停止办公',
    kind: 'closure',
    source: '市政府通知〔2026〕5号',
  };

  it('a later entry wins over the official one', () => {
    const moved: CalendarDay = {
      date: '2026-10-07',
      workday: true,
      name: null,
      kind: 'override',
      source: '本机关',
    };
    const c = buildWorkCalendar([...official.days, moved, closure], official.years);
    assert.equal(c.isWorkday('2026-10-07'), true);
    assert.equal(c.isWorkday('2026-11-03'), false);
    assert.equal(c.dayInfo('2026-11-03').reason, '台风停止办公（依据：市政府通知〔2026〕5号）');
    assert.equal(c.dayInfo('2026-10-07').reason, '调整为工作日（依据：本机关）');
  });

  it('rejects impossible dates and a closure marked as a working day', () => {
    assert.throws(() => buildWorkCalendar([{ ...closure, date: '2026-02-30' }], []), InvalidInput);
    assert.throws(
      () => buildWorkCalendar([{ ...closure, workday: true }], []),
      (e: unknown) => {
        return e instanceof InvalidInput && Object.keys(e.fieldErrors).includes('days.0');
      },
    );
  });
});

describe('calendarDaysFromChineseDays', () => {
  it('does not treat a stray day of a neighbouring year as official data for that year', () => {
    const stray = { holidays: { '2027-01-01': "New Year's Day,元旦,1" }, workdays: {}, inLieuDays: {} };
    const out = calendarDaysFromChineseDays(stray);
    assert.deepEqual(out.years, []);
    assert.equal(out.days[0]?.name, '元旦');
  });

  it('rejects a value it cannot read', () => {
    const bad = { holidays: { '2026-10-01': 'National Day' }, workdays: {}, inLieuDays: {} };
    assert.throws(() => calendarDaysFromChineseDays(bad), InvalidInput);
  });
});
