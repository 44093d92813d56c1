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
// From the day the 2019 条例 took effect (earlier receipts are refused) into a year without a notice.
const received = dateIn('2019-05-15', '2027-06-30');
const pauseSpec = fc.record({
  offset: fc.integer({ min: 0, max: 40 }),
  length: fc.integer({ min: 0, max: 30 }),
});
const consultationSpec = fc.record({
  offset: fc.integer({ min: 0, max: 30 }),
  receivedAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  answeredAfter: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
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
      receivedOn: c.receivedAfter === null ? null : at(c.offset + c.receivedAfter),
      answeredOn:
        c.answeredAfter === null ? null : at(c.offset + Math.max(c.answeredAfter, c.receivedAfter ?? 0)),
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
        const lateOn = addDays(s.received, delay);
        // Facts dated before the later receipt would be refused: keep those both cases share.
        const all = toFacts(base);
        const early: ClockFacts = {
          ...all,
          extension: all.extension ? { ...all.extension, approvedOn: null } : null,
          pauses: all.pauses!.filter((p) => p.from >= lateOn),
          consultations: all.consultations!.filter((c) => c.sentOn >= lateOn),
        };
        const late = { ...early, received: { channel: 'in-person' as const, date: lateOn } };
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
      fc.property(spec, fc.constantFrom(...official.years.filter((y) => y > 2019)), (s, missing) => {
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

  it('the excluded time of a consultation never exceeds the consulted party’s 15 working days', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const d = computeDeadline(toFacts(s), cal, today(s));
        for (const c of d.consultations) {
          assert.ok(c.excludedUntil <= c.answerDue, `${c.excludedUntil} after ${c.answerDue}`);
          assert.equal(countWorkdays(cal, addDays(c.receivedOn, 1), c.answerDue), 15);
          if (c.answeredOn)
            assert.equal(c.excludedUntil, c.answeredOn < c.answerDue ? c.answeredOn : c.answerDue);
        }
      }),
    );
  });

  it('an answer later than the party’s period gives the same due date as one on its last day', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 90 }), (s, lateBy) => {
        const f = toFacts({ ...s, pauses: [], fee: null });
        const base = computeDeadline(f, cal, today(s));
        const onTime = {
          ...f,
          consultations: f.consultations!.map((c, i) => ({
            ...c,
            answeredOn: base.consultations[i]!.answerDue,
          })),
        };
        const late = {
          ...f,
          consultations: f.consultations!.map((c, i) => ({
            ...c,
            answeredOn: addDays(base.consultations[i]!.answerDue, lateBy),
          })),
        };
        assert.equal(
          computeDeadline(late, cal, today(s)).dueDate,
          computeDeadline(onTime, cal, today(s)).dueDate,
        );
      }),
    );
  });

  it('an extension approved after the original due date never moves the due date', () => {
    fc.assert(
      fc.property(spec, fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 20 }), (s, after, n) => {
        const f = toFacts({ ...s, extension: null });
        const plain = computeDeadline(f, cal, today(s));
        const approvedOn = addDays(plain.dueDate!, after);
        const d = computeDeadline({ ...f, extension: { approvedOn, workdays: n } }, cal, today(s));
        assert.equal(d.dueDate, plain.dueDate);
        assert.ok(d.warnings.some((w) => w.code === 'EXTENSION_LATE'));
      }),
    );
  });
});
