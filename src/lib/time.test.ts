import { strict as assert } from 'node:assert';
import { afterEach, describe, it } from 'node:test';
import {
  DEFAULT_TIME_ZONE,
  formatDate,
  formatDateTime,
  formatTime,
  localDate,
  setTimeZone,
  startOfLocalDay,
} from './time.js';

describe('times for people', () => {
  afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

  it('shows a stored UTC instant in Asia/Shanghai by default (01:12 UTC is 09:12)', () => {
    const lockedUntil = new Date('2026-11-30T01:12:00Z');
    assert.equal(formatTime(lockedUntil), '09:12');
    assert.equal(formatDateTime('zh', lockedUntil), '2026年11月30日 09:12');
    assert.equal(formatDateTime('en', '2026-11-30T01:12:00.000Z'), '30 Nov 2026 09:12');
  });

  it('puts a late-evening UTC instant on the next day in China', () => {
    assert.equal(localDate(new Date('2026-12-31T17:00:00Z')), '2027-01-01');
    assert.equal(formatDate('zh', new Date('2026-12-31T17:00:00Z')), '2027年1月1日');
  });

  it('shows a calendar day (YYYY-MM-DD) as it is, whatever the zone', () => {
    setTimeZone('America/New_York');
    assert.equal(formatDate('zh', '2026-10-01'), '2026年10月1日');
  });

  it('follows the configured zone', () => {
    setTimeZone('UTC');
    assert.equal(formatTime(new Date('2026-11-30T01:12:00Z')), '01:12');
    assert.throws(() => setTimeZone('Mars/Olympus'), RangeError);
  });

  it('turns a typed day into the instant it begins in the zone', () => {
    assert.equal(startOfLocalDay('2026-11-30').toISOString(), '2026-11-29T16:00:00.000Z');
    assert.equal(startOfLocalDay('2026-11-30', 1).toISOString(), '2026-11-30T16:00:00.000Z');
  });
});
