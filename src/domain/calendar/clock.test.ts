import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from './chinese-days.js';
import { computeDeadline } from './clock.js';
import type { ClockFacts } from './clock-facts.js';
import { buildWorkCalendar } from './work-calendar.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);
const facts = (date: string, more: Partial<ClockFacts> = {}): ClockFacts => ({
  received: { channel: 'in-person', date },
  ...more,
});

describe('the reply clock (第三十三条): 20 working days from the day after receipt', () => {
  it('received 2026-09-30 → due 2026-11-03, across 国庆 and the make-up Saturday 10-10', () => {
    const d = computeDeadline(facts('2026-09-30'), cal, '2026-10-01');
    assert.equal(d.dueDate, '2026-11-03');
    assert.equal(d.state, 'running');
    assert.equal(d.daysLeft, 20); // 10-01 is a holiday: nothing has been counted yet
    const ex = d.explanation!;
    assert.equal(ex.start, '2026-09-30');
    assert.equal(ex.startReason, '收到申请之日（第三十一条，当面提交），自次日起计算');
    assert.deepEqual(ex.segments[0], {
      from: '2026-10-01',
      to: '2026-10-07',
      kind: 'holiday',
      reason: '国庆节',
      workdays: 0,
    });
    const makeup = ex.segments.find((s) => s.from === '2026-10-10');
    assert.deepEqual(makeup, {
      from: '2026-10-10',
      to: '2026-10-10',
      kind: 'makeup-workday',
      reason: '调休上班日（国庆节）',
      workdays: 1,
    });
    assert.equal(ex.segments.at(-1)?.to, '2026-11-03');
    assert.equal(ex.period, 20);
  });

  // Each vector counted by hand against the official arrangements (docs/dependencies.md §3).
  const VECTORS: [string, string, string][] = [
    ['2020-01-20', '2020-02-25', '01-21..23; 01-24..02-02 off (extended 春节); 02-03..21; 02-24, 25'],
    [
      '2020-01-15',
      '2020-02-19',
      '01-16, 17, Sunday 01-19 (make-up), 01-20..23 = 7; 02-03..14 = 10; 02-17..19',
    ],
    ['2026-02-10', '2026-03-16', '02-11..13, Sat 02-14 = 4; 02-24..27, Sat 02-28 = 9; 03-02..13 = 19; 03-16'],
    ['2025-01-20', '2025-02-21', '01-21..24, Sun 01-26, Mon 01-27 = 6; 02-05..07, Sat 02-08 = 10; 02-10..21'],
    ['2025-12-15', '2026-01-13', '12-16..31 = 12; 元旦 off; Sun 01-04 = 13; 01-05..09 = 18; 01-12, 13'],
    [
      '2024-09-13',
      '2024-10-17',
      'Sat 09-14, 09-18..20, 09-23..27, Sun 09-29, 09-30 = 11; 10-08..11, Sat 10-12 = 16; 10-14..17',
    ],
  ];
  for (const [received, due, why] of VECTORS) {
    it(`received ${received} → due ${due} (${why})`, () => {
      assert.equal(computeDeadline(facts(received), cal, received).dueDate, due);
    });
  }

  it('counting from the receipt day itself, when an agency chooses that rule', () => {
    const d = computeDeadline(facts('2026-09-30'), cal, '2026-09-30', { countFromNextDay: false });
    assert.equal(d.dueDate, '2026-11-02'); // 09-30 is working day 1
    assert.match(d.explanation!.startReason, /当日起计算/);
  });
});

describe('days left and state', () => {
  const f = facts('2026-09-30');
  it('due today = 0 days left, still running', () => {
    const d = computeDeadline(f, cal, '2026-11-03');
    assert.deepEqual([d.state, d.daysLeft], ['running', 0]);
  });
  it('one working day late = overdue by 1; two = −2', () => {
    assert.deepEqual(pick(computeDeadline(f, cal, '2026-11-04')), ['overdue', -1]);
    assert.deepEqual(pick(computeDeadline(f, cal, '2026-11-05')), ['overdue', -2]);
  });
  it('a reply served on 11-02 closes the case one working day early', () => {
    const d = computeDeadline({ ...f, repliedOn: '2026-11-02' }, cal, '2026-12-01');
    assert.deepEqual([d.state, d.closedBy, d.closedOn, d.daysLeft], ['closed', 'replied', '2026-11-02', 1]);
  });
  it('a reply served late still closes the case, and shows how late it was', () => {
    assert.deepEqual(pick(computeDeadline({ ...f, repliedOn: '2026-11-05' }, cal, '2026-12-01')), [
      'closed',
      -2,
    ]);
  });
  it('a withdrawal closes the case; one dated in the future has not happened yet', () => {
    assert.equal(
      computeDeadline({ ...f, withdrawnOn: '2026-10-20' }, cal, '2026-10-21').closedBy,
      'withdrawn',
    );
    assert.equal(computeDeadline({ ...f, withdrawnOn: '2026-10-25' }, cal, '2026-10-21').state, 'running');
  });
});

function pick(d: { state: string; daysLeft: number | null }): [string, number | null] {
  return [d.state, d.daysLeft];
}

describe('补正 (第三十条)', () => {
  const correction = { requestedOn: '2026-09-04', dueBy: '2026-09-18' };
  it('the correction notice is due 7 working days after receipt', () => {
    assert.equal(computeDeadline(facts('2026-09-01'), cal, '2026-09-01').correctionNoticeDue, '2026-09-10');
    assert.equal(computeDeadline(facts('2026-09-30'), cal, '2026-09-30').correctionNoticeDue, '2026-10-15');
  });
  it('the clock restarts from the corrected application: received 09-14 → due 10-16', () => {
    // 09-15..18, Sun 09-20 (make-up), 09-21..24 = 9; 中秋 09-25..27; 09-28..30 = 12; 国庆;
    // 10-08, 09, Sat 10-10 = 15; 10-12..16 = 20.
    const d = computeDeadline(
      facts('2026-09-01', { correction: { ...correction, receivedOn: '2026-09-14' } }),
      cal,
      '2026-09-15',
    );
    assert.equal(d.dueDate, '2026-10-16');
    assert.equal(d.explanation!.start, '2026-09-14');
    assert.match(d.explanation!.startReason, /第三十条/);
  });
  it('restarting across a year end and the 2020 extended holiday: corrected 2019-12-30 → 2020-02-04', () => {
    const c = { requestedOn: '2019-12-23', dueBy: '2020-01-10', receivedOn: '2019-12-30' };
    assert.equal(
      computeDeadline(facts('2019-12-20', { correction: c }), cal, '2020-01-02').dueDate,
      '2020-02-04',
    );
  });
  it('only the corrected receipt known (the CLI --corrected): same restart, 10-16', () => {
    const d = computeDeadline(
      facts('2026-09-01', { correction: { receivedOn: '2026-09-14' } }),
      cal,
      '2026-09-15',
    );
    assert.equal(d.dueDate, '2026-10-16');
  });
  it('without a correction period set, an uncorrected application is not closed automatically', () => {
    const d = computeDeadline(
      facts('2026-09-01', { correction: { requestedOn: '2026-09-04' } }),
      cal,
      '2026-12-01',
    );
    assert.deepEqual([d.state, d.closedBy], ['paused', null]);
  });
  it('rejects a corrected application dated before the original one', () => {
    const f = facts('2026-09-01', { correction: { receivedOn: '2026-08-31' } });
    assert.throws(() => computeDeadline(f, cal, '2026-09-15'), /期限计算所需的日期有误/);
  });
  it('while awaiting the correction no reply period runs', () => {
    const d = computeDeadline(facts('2026-09-01', { correction }), cal, '2026-09-18');
    assert.deepEqual([d.state, d.dueDate, d.daysLeft, d.explanation], ['paused', null, null, null]);
  });
  it('no correction by the set date = deemed abandoned, closed the next day', () => {
    const d = computeDeadline(facts('2026-09-01', { correction }), cal, '2026-09-19');
    assert.deepEqual([d.state, d.closedBy, d.closedOn], ['closed', 'correction-abandoned', '2026-09-19']);
  });
  it('warns when the correction notice was sent after its 7 working days', () => {
    const late = computeDeadline(
      facts('2026-09-01', { correction: { ...correction, requestedOn: '2026-09-11' } }),
      cal,
      '2026-09-11',
    );
    assert.deepEqual(
      late.warnings.map((w) => w.code),
      ['CORRECTION_NOTICE_LATE'],
    );
    const onTime = computeDeadline(
      facts('2026-09-01', { correction: { ...correction, requestedOn: '2026-09-10' } }),
      cal,
      '2026-09-11',
    );
    assert.deepEqual(onTime.warnings, []);
  });
});
