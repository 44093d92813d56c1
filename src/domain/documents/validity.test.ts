import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.js';
import { deriveValidity, documentDateProblems, type IncomingRelation } from './validity.js';

const inForce = { effectiveOn: '2020-01-01', expiresOn: null };
const TODAY = '2026-11-30';
const at = (
  incoming: IncomingRelation[],
  today = TODAY,
  doc: Parameters<typeof deriveValidity>[0] = inForce,
) => deriveValidity(doc, incoming, today);

describe('有效性 from the document’s own dates', () => {
  it('in force since its 施行日期, nothing scheduled', () => {
    assert.deepEqual(at([]), { validity: 'effective', since: '2020-01-01', changesOn: null });
  });

  it('尚未生效 before its 施行日期, changing on that day', () => {
    const doc = { effectiveOn: '2027-01-01', expiresOn: null };
    assert.deepEqual(at([], '2026-12-31', doc), {
      validity: 'pending',
      since: null,
      changesOn: '2027-01-01',
    });
    assert.deepEqual(at([], '2027-01-01', doc), {
      validity: 'effective',
      since: '2027-01-01',
      changesOn: null,
    });
  });

  it('without a 施行日期 it is in force, since an unknown day', () => {
    assert.deepEqual(at([], TODAY, { effectiveOn: null, expiresOn: null }), {
      validity: 'effective',
      since: null,
      changesOn: null,
    });
  });

  it('有效期至 2025-12-31: still in force that day, 失效 from 2026-01-01', () => {
    const doc = { effectiveOn: '2021-01-01', expiresOn: '2025-12-31' };
    assert.deepEqual(at([], '2025-12-31', doc), {
      validity: 'effective',
      since: '2021-01-01',
      changesOn: '2026-01-01',
    });
    assert.deepEqual(at([], '2026-01-01', doc), {
      validity: 'expired',
      since: '2026-01-01',
      changesOn: null,
    });
  });
});

describe('有效性 from later documents', () => {
  it('abolished on a future day: still 有效 until then, 废止 from that day', () => {
    const rel: IncomingRelation[] = [{ kind: 'abolishes', effectiveOn: '2027-01-01' }];
    assert.deepEqual(at(rel, '2026-12-31'), {
      validity: 'effective',
      since: '2020-01-01',
      changesOn: '2027-01-01',
    });
    assert.deepEqual(at(rel, '2027-01-01'), { validity: 'abolished', since: '2027-01-01', changesOn: null });
  });

  it('replaced by a new document: 废止 from the day the new one takes effect', () => {
    assert.deepEqual(at([{ kind: 'replaces', effectiveOn: '2024-03-01' }]), {
      validity: 'abolished',
      since: '2024-03-01',
      changesOn: null,
    });
  });

  it('declared invalid: as a whole 失效; naming articles 部分失效', () => {
    assert.equal(at([{ kind: 'invalidates', effectiveOn: '2023-05-01' }]).validity, 'expired');
    assert.equal(at([{ kind: 'invalidates', effectiveOn: '2023-05-01', note: '  ' }]).validity, 'expired');
    assert.deepEqual(at([{ kind: 'invalidates', effectiveOn: '2023-05-01', note: '第五条、第九条' }]), {
      validity: 'partly_invalid',
      since: '2023-05-01',
      changesOn: null,
    });
  });

  it('amended twice: 已修改 since the first amendment', () => {
    const rel: IncomingRelation[] = [
      { kind: 'amends', effectiveOn: '2024-01-01' },
      { kind: 'amends', effectiveOn: '2022-01-01' },
    ];
    assert.deepEqual(at(rel), { validity: 'amended', since: '2022-01-01', changesOn: null });
  });

  it('amended in 2022, then partly declared invalid in 2024: 部分失效 since 2024', () => {
    const rel: IncomingRelation[] = [
      { kind: 'amends', effectiveOn: '2022-01-01' },
      { kind: 'invalidates', effectiveOn: '2024-06-01', note: '第三章' },
    ];
    assert.deepEqual(at(rel), { validity: 'partly_invalid', since: '2024-06-01', changesOn: null });
  });

  it('expired at the end of 2023 and repealed in a 2025 clean-up: 失效 since 2024-01-01, the first end', () => {
    const doc = { effectiveOn: '2019-01-01', expiresOn: '2023-12-31' };
    assert.deepEqual(at([{ kind: 'abolishes', effectiveOn: '2025-06-01' }], TODAY, doc), {
      validity: 'expired',
      since: '2024-01-01',
      changesOn: null,
    });
  });

  it('repealed and declared invalid on the same day: 废止', () => {
    const rel: IncomingRelation[] = [
      { kind: 'invalidates', effectiveOn: '2025-01-01' },
      { kind: 'abolishes', effectiveOn: '2025-01-01' },
    ];
    assert.equal(at(rel).validity, 'abolished');
  });

  it('amended before it takes effect: still 尚未生效; repealed before it takes effect: 废止', () => {
    const doc = { effectiveOn: '2027-01-01', expiresOn: null };
    assert.deepEqual(at([{ kind: 'amends', effectiveOn: '2026-10-01' }], TODAY, doc), {
      validity: 'pending',
      since: null,
      changesOn: '2027-01-01',
    });
    assert.equal(at([{ kind: 'abolishes', effectiveOn: '2026-10-01' }], TODAY, doc).validity, 'abolished');
  });

  it('amended before it took effect: 已修改 from its 施行日期, not from the amendment', () => {
    const doc = { effectiveOn: '2027-01-01', expiresOn: null };
    assert.deepEqual(at([{ kind: 'amends', effectiveOn: '2026-10-01' }], '2027-02-01', doc), {
      validity: 'amended',
      since: '2027-01-01',
      changesOn: null,
    });
  });

  it('a relation without a date counts as already in effect, since an unknown day', () => {
    assert.deepEqual(at([{ kind: 'abolishes', effectiveOn: null }]), {
      validity: 'abolished',
      since: null,
      changesOn: null,
    });
    assert.deepEqual(at([{ kind: 'amends', effectiveOn: null }]), {
      validity: 'amended',
      since: null,
      changesOn: null,
    });
  });

  it('interpretations and implementing documents do not change it', () => {
    const rel: IncomingRelation[] = [
      { kind: 'interprets', effectiveOn: '2021-01-01' },
      { kind: 'implements', effectiveOn: '2021-03-01' },
    ];
    assert.deepEqual(at(rel), at([]));
  });

  it('the next change is the earliest scheduled fact', () => {
    const doc = { effectiveOn: '2020-01-01', expiresOn: '2027-12-31' };
    const rel: IncomingRelation[] = [
      { kind: 'abolishes', effectiveOn: '2027-06-01' },
      { kind: 'amends', effectiveOn: '2027-03-01' },
    ];
    assert.equal(at(rel, TODAY, doc).changesOn, '2027-03-01');
  });

  it('does not depend on the order of the relations', () => {
    const rel: IncomingRelation[] = [
      { kind: 'amends', effectiveOn: '2021-01-01' },
      { kind: 'invalidates', effectiveOn: '2022-01-01', note: '第二条' },
      { kind: 'amends', effectiveOn: '2023-01-01' },
      { kind: 'replaces', effectiveOn: '2027-01-01' },
    ];
    const expected = { validity: 'partly_invalid', since: '2022-01-01', changesOn: '2027-01-01' };
    for (let i = 0; i < rel.length; i++) {
      const rotated = [...rel.slice(i), ...rel.slice(0, i)];
      assert.deepEqual(at(rotated), expected);
      assert.deepEqual(at(rotated.reverse()), expected);
    }
  });

  it('rejects a date that is not YYYY-MM-DD, naming the field', () => {
    assert.throws(() => at([], '2026-13-01'), InvalidInput);
    assert.throws(
      () => at([{ kind: 'amends', effectiveOn: '2026/01/01' }]),
      (e: unknown) => e instanceof InvalidInput && 'effectiveOn' in e.fieldErrors,
    );
  });
});

describe('a document’s own dates', () => {
  it('agree: no problems', () => {
    assert.deepEqual(
      documentDateProblems({
        writtenOn: '2020-01-01',
        publishedOn: '2020-01-05',
        effectiveOn: '2020-02-01',
        expiresOn: '2025-01-31',
      }),
      {},
    );
  });

  it('a 施行日期 before the 成文日期 is allowed (「自…起执行」 applies from an earlier day)', () => {
    assert.deepEqual(documentDateProblems({ writtenOn: '2023-03-15', effectiveOn: '2023-01-01' }), {});
  });

  it('disagree: one Chinese message per field', () => {
    assert.deepEqual(
      documentDateProblems({
        writtenOn: '2020-01-10',
        publishedOn: '2020-01-05',
        effectiveOn: '2020-01-01',
        expiresOn: '2019-12-31',
      }),
      {
        expiresOn: '有效期截止日期不能早于施行日期',
        publishedOn: '发布日期不能早于成文日期',
      },
    );
  });
});
