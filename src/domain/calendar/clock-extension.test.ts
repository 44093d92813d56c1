import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { InvalidInput } from '../errors.js';
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

describe('extension (第三十三条第二款) and 第三十五条', () => {
  it('received 2026-09-30 + extend 20 → due 2026-12-01, counted on after the original due date', () => {
    const d = computeDeadline(
      facts('2026-09-30', { extension: { approvedOn: '2026-10-28', workdays: 20 } }),
      cal,
      '2026-10-28',
    );
    assert.deepEqual([d.dueDate, d.originalDueDate, d.explanation!.period], ['2026-12-01', '2026-11-03', 40]);
    const ext = d.explanation!.segments.filter((s) => s.kind === 'extension');
    assert.equal(ext[0]?.from, '2026-11-04');
    assert.equal(
      ext.reduce((n, s) => n + s.workdays, 0),
      20,
    );
  });
  it('a 5-day extension: 11-03 + 5 working days = 11-10', () => {
    const d = computeDeadline(
      facts('2026-09-30', { extension: { approvedOn: '2026-10-28', workdays: 5 } }),
      cal,
      '2026-10-28',
    );
    assert.equal(d.dueDate, '2026-11-10');
  });
  it('rejects an extension over 20 working days with a clear message', () => {
    const f = facts('2026-09-30', { extension: { approvedOn: '2026-10-28', workdays: 21 } });
    assert.throws(
      () => computeDeadline(f, cal, '2026-10-28'),
      (e: unknown) => {
        return (
          e instanceof InvalidInput &&
          /最长不得超过20个工作日/.test(e.fieldErrors['extension.workdays'] ?? '')
        );
      },
    );
    const zero = facts('2026-09-30', { extension: { approvedOn: '2026-10-28', workdays: 0 } });
    assert.throws(() => computeDeadline(zero, cal, '2026-10-28'), InvalidInput);
  });
  it('warns when the extension was approved after the original due date', () => {
    const late = computeDeadline(
      facts('2026-09-30', { extension: { approvedOn: '2026-11-04', workdays: 10 } }),
      cal,
      '2026-11-04',
    );
    assert.deepEqual(
      late.warnings.map((w) => w.code),
      ['EXTENSION_LATE'],
    );
  });
  it('an extension approved after the due date does not revive the clock: the case stays overdue', () => {
    // Original due 2026-11-03 (received 09-30); approved Wednesday 11-04, one day too late. Applied,
    // it would have moved the due date to 11-17 (11-04..06, 11-09..13, 11-16, 17) and the state to
    // running; it is recorded and shown as late instead.
    const late = computeDeadline(
      facts('2026-09-30', { extension: { approvedOn: '2026-11-04', workdays: 10 } }),
      cal,
      '2026-11-05',
    );
    assert.deepEqual(
      [late.dueDate, late.originalDueDate, late.state, late.daysLeft],
      ['2026-11-03', '2026-11-03', 'overdue', -2],
    );
    assert.equal(late.explanation!.period, 20);
    assert.match(
      late.warnings[0]!.message,
      /晚于原答复期限届满日2026-11-03（第三十三条第二款）：期限届满后批准的延长不产生延长效果/,
    );
    assert.ok(late.explanation!.notes.some((n) => /2026-11-04批准，晚于原答复期限届满日2026-11-03/.test(n)));
  });
  it('approved on the last day of the original period, it still counts (11-03 → 11-17)', () => {
    const d = computeDeadline(
      facts('2026-09-30', { extension: { approvedOn: '2026-11-03', workdays: 10 } }),
      cal,
      '2026-11-05',
    );
    assert.deepEqual([d.dueDate, d.state], ['2026-11-17', 'running']);
  });
  it('an approval date not recorded is assumed in time, and the explanation says so', () => {
    const d = computeDeadline(facts('2026-09-30', { extension: { workdays: 10 } }), cal, '2026-11-05');
    assert.equal(d.dueDate, '2026-11-17');
    assert.match(d.explanation!.notes.join(''), /延长答复期限的批准日期未记录，按在原答复期限届满前批准/);
  });
  it('a 第三十五条 reply date set by the agency becomes the due date (11-03 + 30 working days = 12-15)', () => {
    const d = computeDeadline(
      facts('2026-09-30', { reasonablePeriod: { notifiedOn: '2026-10-20', replyBy: '2026-12-15' } }),
      cal,
      '2026-10-20',
    );
    assert.deepEqual([d.dueDate, d.explanation!.period], ['2026-12-15', 50]);
    assert.match(d.explanation!.segments.at(-1)!.reason, /第三十五条/);
  });
  it('a 第三十五条 date earlier than the statutory due date does not shorten the period', () => {
    const d = computeDeadline(
      facts('2026-09-30', { reasonablePeriod: { notifiedOn: '2026-10-09', replyBy: '2026-10-20' } }),
      cal,
      '2026-10-09',
    );
    assert.deepEqual([d.dueDate, d.explanation!.period], ['2026-11-03', 20]);
  });
});

describe('input checks', () => {
  it('rejects an impossible date, naming the field', () => {
    assert.throws(
      () => computeDeadline(facts('2026-02-30'), cal, '2026-03-01'),
      (e: unknown) => {
        return e instanceof InvalidInput && 'received.date' in e.fieldErrors;
      },
    );
  });
  it('rejects an answer dated before the consultation was sent', () => {
    const c = {
      party: '某公司',
      kind: 'third-party' as const,
      sentOn: '2026-09-10',
      answeredOn: '2026-09-09',
    };
    assert.throws(
      () => computeDeadline(facts('2026-09-01', { consultations: [c] }), cal, '2026-09-11'),
      (e: unknown) => {
        return e instanceof InvalidInput && 'consultations.0.answeredOn' in e.fieldErrors;
      },
    );
  });
});
