import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { facetTokens, MAX_MONTHS, monthsQuery } from './facets.js';

describe('facet lexemes', () => {
  it('a theme brings its first level; joint issuers are agencies; sorted and distinct', () => {
    assert.equal(facetTokens(['T05.02', 'T05', 'T02.01'], [12, 3]), '~a12 ~a3 ~tT02 ~tT02.01 ~tT05 ~tT05.02');
    assert.equal(facetTokens([], []), '');
  });

  it('months from a date to another, newest first, across a year end', () => {
    // 2025-11-20 … 2026-02-01: Nov and Dec 2025, Jan and Feb 2026 (whole months: the date is a bound).
    assert.equal(
      monthsQuery('2025-11-20', '2026-02-01'),
      "'~m202602' | '~m202601' | '~m202512' | '~m202511'",
    );
    assert.equal(monthsQuery('2026-03-01', '2026-03-31'), "'~m202603'");
    assert.equal(monthsQuery('2026-04-01', '2026-03-31'), null);
  });

  it('too many months to name is left to the date check on the rows', () => {
    // 24 months: 2024-12 … 2026-11.
    assert.equal(monthsQuery('2024-12-01', '2026-11-30')?.split(' | ').length, MAX_MONTHS);
    assert.equal(monthsQuery('2024-11-30', '2026-11-30'), null);
  });
});
