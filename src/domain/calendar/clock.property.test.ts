import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from './chinese-days.js';
import { computeDeadline } from './clock.js';
import type { ClockFacts } from './clock-facts.js';
import { addDays, fromDayNumber, toDayNumber, yearOf } from './iso-date.js';
import { buildWorkCalendar } from './work-calendar.js';
import { countWorkdays, workdaysAfter } from './workdays.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);

const dateIn = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const received = dateIn('2019-01-01', '2026-12-31');
const pauseSpec = fc.record({
  offset: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 0, max: 30 }),
});
const consultationSpec = fc.record({
  offset: fc.integer({ min: 0, max: 30 }),
  answeredAfter: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  kind: fc.constantFrom('third-party' as const, 'agency' as const),
});
const spec = fc.record({
  received,
  extension: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  pauses: fc.array(pauseSpec, { maxLength: 3 }),
  consultations: fc.array(consultationSpec, { maxLength: 2 }),
  fee: fc.option(
    fc.record({ offset: fc.integer({ min: 0, max: 20 }), paidAfter: fc.integer({ min: 0, max: 30 }) }),
    {
      nil: null,
    },
  ),
  corrected: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  todayOffset: fc.integer({ min: -5, max: 120 }),
});
type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

/** Turns offsets into dated facts, all relative to the receipt day. */
function toFacts(s: Spec, receivedOn = s.received): ClockFacts {
  const at = (n: number) => addDays(receivedOn, n);
  return {
    received: { channel: 'in-person', date: receivedOn },
    extension: s.extension ? { approvedOn: at(1), workdays: s.extension } : null,
    pauses: s.pauses.map((p) => ({ from: at(p.offset), to: at(p.offset + p.length) })),
    consultations: s.consultations.map((c, i) => ({
      party: `第三方${i}`,
      kind: c.kind,
      sentOn: at(c.offset),
      answeredOn: c.answeredAfter === null ? null : at(c.offset + c.answeredAfter),
    })),
    fee: s.fee ? { noticeOn: at(s.fee.offset), paidOn: at(s.fee.offset + s.fee.paidAfter) } : null,
    correction: s.corrected ? { requestedOn: receivedOn, dueBy: at(30), receivedOn: at(s.corrected) } : null,
  };
}
const today = (s: Spec) => addDays(s.received, s.todayOffset);

describe('properties of the clock', () => {
  it('a due date is always a working day', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const d = computeDeadline(toFacts(s), cal, today(s));
        assert.ok(d.dueDate && cal.isWorkday(d.dueDate), `${d.dueDate} is not a working day`);
      }),
    );
  });

  it('the counted working days of the explanation sum to the period: 20, or 20 + the extension', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const ex = computeDeadline(toFacts(s), cal, today(s)).explanation!;
        assert.equal(
          ex.segments.reduce((n, seg) => n + seg.workdays, 0),
          ex.period,
        );
        assert.equal(ex.period, 20 + (s.extension ?? 0));
      }),
    );
  });

  it('the explanation covers every day from the day after day 0 to the due date, in order', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const d = computeDeadline(toFacts(s), cal, today(s));
        const segs = d.explanation!.segments;
        assert.equal(segs[0]?.from, addDays(d.explanation!.start, 1));
        segs.slice(1).forEach((seg, i) => assert.equal(seg.from, addDays(segs[i]!.to, 1)));
        assert.equal(segs.at(-1)?.to, d.dueDate);
      }),
    );
  });

  it('a later receipt never gives an earlier due date (same pauses)', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 0, max: 60 }), (s, delay) => {
        const base = { ...s, corrected: null, fee: null };
        const early = toFacts(base);
        const late = {
          ...early,
          received: { channel: 'in-person' as const, date: addDays(s.received, delay) },
        };
        const a = computeDeadline(early, cal, today(s)).dueDate!;
        const b = computeDeadline(late, cal, today(s)).dueDate!;
        assert.ok(a <= b, `received ${s.received} → ${a}, ${delay} days later → ${b}`);
      }),
    );
  });

  it('a pause never shortens the period', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const without = computeDeadline(
          toFacts({ ...s, pauses: [], consultations: [], fee: null }),
          cal,
          today(s),
        );
        const withPauses = computeDeadline(toFacts(s), cal, today(s));
        assert.ok(withPauses.dueDate! >= without.dueDate!);
        assert.equal(withPauses.explanation!.period, without.explanation!.period);
      }),
    );
  });

  it('without pauses, days left = working days after today through the due date', () => {
    fc.assert(
      fc.property(received, fc.integer({ min: 0, max: 40 }), (r, offset) => {
        const t = addDays(r, offset);
        const d = computeDeadline({ received: { channel: 'online', date: r } }, cal, t);
        const expected =
          t <= d.dueDate!
            ? countWorkdays(cal, addDays(t, 1), d.dueDate!)
            : -countWorkdays(cal, addDays(d.dueDate!, 1), t);
        assert.equal(d.daysLeft, expected);
        assert.equal(d.state, t > d.dueDate! ? 'overdue' : 'running');
      }),
    );
  });

  it('a year without official data is always flagged', () => {
    fc.assert(
      fc.property(spec, fc.constantFrom(...official.years), (s, missing) => {
        const r = fromDayNumber(toDayNumber(`${missing}-01-01`) + (toDayNumber(s.received) % 365));
        const partial = buildWorkCalendar(
          official.days,
          official.years.filter((y) => y !== missing),
        );
        const d = computeDeadline(toFacts(s, r), partial, r);
        assert.equal(yearOf(r), missing);
        assert.ok(d.warnings.some((w) => w.code === 'NO_OFFICIAL_CALENDAR' && w.year === missing));
      }),
    );
  });

  it('workdaysAfter lands on a working day with exactly n working days in between', () => {
    fc.assert(
      fc.property(received, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const due = workdaysAfter(cal, d, n);
        assert.ok(cal.isWorkday(due));
        assert.equal(countWorkdays(cal, addDays(d, 1), due), n);
      }),
    );
  });
});
