// The demo library is right for any first-start day: generated for an ordinary day, the first days
// of a year, a leap day and a day years ahead, every item passes the back office's field checks,
// nothing is dated after the day, relations point at earlier items, and the gazette holds published
// documents only. Deterministic: the same day gives the same library.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseDocumentFields } from '../commands/documents/fields.js';
import { normalizeDocNumber } from '../domain/documents/doc-number.js';
import { demoDocuments, DEMO_DOCUMENTS_FIRST_YEAR } from './documents.js';

const DAYS = ['2026-11-28', '2027-01-03', '2028-02-29', '2031-07-15'];

describe('demo document library', () => {
  for (const today of DAYS)
    test(`first start on ${today}: valid items, dated up to that day`, () => {
      const { documents, gazette } = demoDocuments(today);
      const year = Number(today.slice(0, 4));
      assert.ok(
        documents.length >= 3000 && documents.length <= 5000 + (year - 2026) * 500,
        `${documents.length}`,
      );
      for (const [i, d] of documents.entries()) {
        const v = parseDocumentFields({ ...d.fields, agencyId: 1, issuerIds: [] });
        const published = d.state === 'published' || d.state === 'withdrawn';
        assert.equal(published, d.publishedOn !== null, v.title);
        if (d.publishedOn) {
          assert.ok(d.publishedOn <= today, `${v.title} published ${d.publishedOn}`);
          assert.ok(v.writtenOn! <= d.publishedOn, v.title);
        }
        assert.ok(v.writtenOn! >= `${DEMO_DOCUMENTS_FIRST_YEAR}-01-01` && v.writtenOn! <= today, v.title);
        if (v.effectLevel === 'normative' && published)
          assert.match(v.unifiedNumber ?? '', /^JNS\d{3}-\d{4}-\d{4}$/, v.title);
        if (v.docNumber && v.effectLevel !== 'rule') assert.ok(normalizeDocNumber(v.docNumber), v.docNumber);
        for (const r of d.relations) {
          assert.ok(r.to < i, `${v.title} → an earlier item`);
          assert.equal(documents[r.to]!.state, 'published');
        }
      }
      for (const g of gazette) {
        assert.ok(g.publishedOn <= today);
        for (const k of g.documents) {
          assert.equal(documents[k]!.state, 'published');
          assert.equal(documents[k]!.fields.kind, 'document');
        }
      }
      // 发文字号 are unique (a 代字 counts per year).
      const numbers = documents.map((d) => String(d.fields.docNumber)).filter((n) => n !== '');
      assert.equal(new Set(numbers).size, numbers.length);
    });

  test('the same day gives the same library', () => {
    const a = demoDocuments('2026-11-28');
    const b = demoDocuments('2026-11-28');
    assert.deepEqual(a, b);
  });
});
