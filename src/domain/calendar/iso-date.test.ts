import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.js';
import {
  addDays,
  addMonths,
  daysBetween,
  isIsoDate,
  parseIsoDate,
  weekday,
  maxIso,
  minIso,
} from './iso-date.js';

describe('ISO dates', () => {
  it('accepts real dates only', () => {
    assert.equal(isIsoDate('2024-02-29'), true);
    assert.equal(isIsoDate('2026-02-29'), false);
    assert.equal(isIsoDate('2026-2-3'), false);
    assert.equal(isIsoDate('2026-10-10T00:00'), false);
    assert.throws(
      () => parseIsoDate('2026-13-01', 'receivedOn'),
      (e: unknown) => {
        return e instanceof InvalidInput && /YYYY-MM-DD/.test(e.fieldErrors.receivedOn ?? '');
      },
    );
  });

  it('adds days across month, leap-day and year ends', () => {
    assert.equal(addDays('2024-02-28', 1), '2024-02-29');
    assert.equal(addDays('2023-02-28', 1), '2023-03-01');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.equal(daysBetween('2026-03-01', '2026-04-30'), 60);
  });

  it('knows the weekday (0 = Sunday)', () => {
    assert.equal(weekday('2026-10-10'), 6); // the make-up Saturday
    assert.equal(weekday('2026-10-11'), 0);
    assert.equal(weekday('2020-02-01'), 6);
    assert.equal(weekday('1969-12-31'), 3); // before the epoch too
  });

  it('adds months, ending on the last day of a shorter month', () => {
    assert.equal(addMonths('2026-03-15', 6), '2026-09-15');
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(addMonths('2023-08-31', 6), '2024-02-29');
    assert.equal(addMonths('2026-10-31', 3), '2027-01-31');
  });

  it('orders dates', () => {
    assert.equal(maxIso('2026-01-02', '2025-12-31', '2026-01-01'), '2026-01-02');
    assert.equal(minIso('2026-01-02', '2025-12-31'), '2025-12-31');
  });
});
