// Properties of the letter's view over random receipts, limits, extensions and days: the due date
// is a working day exactly limit + extension working days after the start; warning levels and
// the veto risk only ever rise as the days pass; a reply clears them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from '../calendar/chinese-days.js';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { buildWorkCalendar } from '../calendar/work-calendar.js';
import { countWorkdays } from '../calendar/workdays.js';
import type { LetterEvent } from './events.js';
import { LETTER_KINDS, type LetterRules } from './kinds.js';
import { letterView } from './view.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);
const dateIn = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);

const spec = fc.record({
  received: dateIn('2024-01-01', '2027-06-30'),
  kind: fc.constantFrom(...LETTER_KINDS),
  limit: fc.integer({ min: 1, max: 20 }),
  acceptAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
  extension: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  warn: fc.integer({ min: 0, max: 5 }),
  yellow: fc.integer({ min: 0, max: 5 }),
  redExtra: fc.integer({ min: 0, max: 10 }),
  day: fc.integer({ min: 0, max: 120 }),
  step: fc.integer({ min: 1, max: 30 }),
});

const LEVEL = { none: 0, warn: 1, yellow: 2, red: 3 } as const;
const RISK = { none: 0, near: 1, past: 2 } as const;

type Spec = typeof spec extends fc.Arbitrary<infer T> ? T : never;

function build(s: Spec) {
  const rules: LetterRules = {
    timeLimits: { consult: s.limit, suggest: s.limit, complain: s.limit, help: s.limit },
    warnDaysBefore: s.warn,
    yellowDaysAfter: s.yellow,
    redDaysAfter: s.yellow + s.redExtra,
  };
  const events: LetterEvent[] = [{ type: 'submitted', on: s.received, kind: s.kind }];
  const start = s.acceptAfter === null ? s.received : addDays(s.received, s.acceptAfter);
  if (s.acceptAfter !== null) events.push({ type: 'accepted', on: start });
  if (s.extension !== null) {
    events.push({ type: 'extensionRequested', on: start, days: s.extension, reason: '核查' });
    events.push({ type: 'extensionApproved', on: start, days: s.extension });
  }
  return { rules, events, start };
}

describe('letterView properties', () => {
  it('the due date is a working day, limit + extension working days after the start', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const { rules, events, start } = build(s);
        const v = letterView(events, rules, cal, addDays(s.received, s.day));
        assert.ok(v.dueDate);
        assert.ok(cal.isWorkday(v.dueDate));
        assert.ok(v.dueDate > start);
        assert.equal(countWorkdays(cal, addDays(start, 1), v.dueDate), s.limit + (s.extension ?? 0));
      }),
      { numRuns: 300 },
    );
  });

  it('warning level and veto risk never fall as the days pass', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const { rules, events } = build(s);
        const a = letterView(events, rules, cal, addDays(s.received, s.day));
        const b = letterView(events, rules, cal, addDays(s.received, s.day + s.step));
        assert.ok(LEVEL[a.warningLevel ?? 'none'] <= LEVEL[b.warningLevel ?? 'none']);
        assert.ok(RISK[a.vetoRisk] <= RISK[b.vetoRisk]);
        assert.ok((a.workingDaysLeft ?? 0) >= (b.workingDaysLeft ?? 0));
      }),
      { numRuns: 300 },
    );
  });

  it('past the due date there is always a warning; a reply clears every warning and the risk', () => {
    fc.assert(
      fc.property(spec, (s) => {
        const { rules, events } = build(s);
        const today = addDays(s.received, s.day);
        const v = letterView(events, rules, cal, today);
        if (v.dueDate && today > v.dueDate) assert.notEqual(v.warningLevel, null);
        const replied = letterView(
          [...events, { type: 'replied', on: today, text: '答复' }],
          rules,
          cal,
          today,
        );
        assert.equal(replied.warningLevel, null);
        assert.equal(replied.vetoRisk, 'none');
        assert.equal(replied.dueDate, null);
      }),
      { numRuns: 200 },
    );
  });
});
