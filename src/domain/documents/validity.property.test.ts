import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { addDays, fromDayNumber, toDayNumber } from '../calendar/iso-date.js';
import { deriveValidity, type IncomingRelation } from './validity.js';
import { RELATION_KINDS } from './vocab.js';

const dateIn = (from: string, to: string) =>
  fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
const day = dateIn('2019-01-01', '2030-12-31');
const doc = fc.record({ effectiveOn: fc.option(day), expiresOn: fc.option(day) });
const relation: fc.Arbitrary<IncomingRelation> = fc.record({
  kind: fc.constantFrom(...RELATION_KINDS),
  effectiveOn: fc.option(day, { freq: 5 }),
  note: fc.option(fc.constantFrom('第三条', ' '), { freq: 2 }),
});
const relations = fc.array(relation, { maxLength: 5 });

describe('有效性, for any dates and relations', () => {
  it('stays the same every day until changesOn (a cache refreshed on that day is never stale)', () => {
    fc.assert(
      fc.property(doc, relations, day, fc.integer({ min: 1, max: 800 }), (d, rels, today, ahead) => {
        const now = deriveValidity(d, rels, today);
        const later = addDays(today, ahead);
        if (now.changesOn !== null && later >= now.changesOn) return;
        const then = deriveValidity(d, rels, later);
        assert.equal(then.validity, now.validity);
        assert.equal(then.since, now.since);
      }),
    );
  });

  it('once 废止 or 失效, always so, from the same day', () => {
    fc.assert(
      fc.property(doc, relations, day, fc.integer({ min: 1, max: 3000 }), (d, rels, today, ahead) => {
        const now = deriveValidity(d, rels, today);
        if (now.validity !== 'abolished' && now.validity !== 'expired') return;
        assert.equal(now.changesOn, null);
        assert.deepEqual(deriveValidity(d, rels, addDays(today, ahead)), now);
      }),
    );
  });

  it('never dates a state after today, nor a pending one at all', () => {
    fc.assert(
      fc.property(doc, relations, day, (d, rels, today) => {
        const r = deriveValidity(d, rels, today);
        if (r.since !== null) assert.ok(r.since <= today, `${r.since} > ${today}`);
        if (r.validity === 'pending') assert.equal(r.since, null);
        if (r.changesOn !== null) assert.ok(r.changesOn > today);
      }),
    );
  });
});
