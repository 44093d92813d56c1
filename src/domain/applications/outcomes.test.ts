import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { check } from '../reports/check.js';
import { emptyTable2, emptyTable3, emptyTable4 } from '../reports/shape.js';
import { TABLE3_COLUMNS, TABLE3_LINES, table3RowKeys } from '../reports/table3-schema.js';
import type { ReportFormat } from '../reports/types.js';
import { InvalidInput } from '../errors.js';
import { APPLICANT_TYPES } from './applicant.js';
import {
  countOutcomes,
  DECISION_OUTCOMES,
  OUTCOME_RULES,
  OUTCOMES,
  outcomeRow2019,
  outcomeRowLabel,
  reportFormatForYear,
  table3ForYear,
  type ReportedApplication,
  validateDecision,
  type ConcludedApplication,
} from './outcomes.js';

describe('outcomes are the table 三 rows of the 2021 format', () => {
  it('the same keys, in print order, as the report schema (one union for both)', () => {
    const schemaOutcomeRows = TABLE3_LINES['2021'].filter((l) => l.role === 'outcome').map((l) => l.key);
    assert.deepEqual([...OUTCOMES], schemaOutcomeRows);
    assert.deepEqual(Object.keys(OUTCOME_RULES).sort(), [...OUTCOMES].sort());
  });
  it('labels come from the report: （三）1 is 「1.属于国家秘密」', () => {
    assert.equal(outcomeRowLabel('denied.stateSecret'), '1.属于国家秘密');
    assert.equal(OUTCOME_RULES['denied.stateSecret'].label, '不予公开（属于国家秘密）');
  });
  it('legal bases (docs/legal.md §1.10): 第十四条 for （三）1–3, 第十五条 for （三）4, 第十六条 for （三）5–7', () => {
    assert.deepEqual(OUTCOME_RULES['denied.lawForbidden'].grounds, ['第十四条']);
    assert.deepEqual(OUTCOME_RULES['denied.thirdParty'].grounds, ['第十五条']);
    assert.deepEqual(OUTCOME_RULES['denied.internalAffairs'].grounds, ['第十六条第一款']);
    assert.deepEqual(OUTCOME_RULES['denied.enforcementFile'].grounds, ['第十六条第二款']);
    assert.equal(OUTCOME_RULES.partial.basis, '第三十七条');
    assert.equal(OUTCOME_RULES['unable.needsCreation'].basis, '第三十八条');
    assert.equal(OUTCOME_RULES['notProcessed.petition'].basis, '第三十九条第一款');
    assert.equal(OUTCOME_RULES['notProcessed.massRepeat'].basis, '第三十五条');
    assert.equal(OUTCOME_RULES['other.noCorrection'].basis, '第三十条');
  });
  it('every withholding row requires a ground; a grant does not', () => {
    for (const o of OUTCOMES) {
      const r = OUTCOME_RULES[o];
      if (r.group === 'denied' || r.group === 'partial') assert.equal(r.groundRequired, true, o);
    }
    assert.equal(OUTCOME_RULES.granted.groundRequired, false);
  });
  it('no correction in time and fee unpaid are closures, not choices of the officer', () => {
    assert.ok(!DECISION_OUTCOMES.includes('other.noCorrection'));
    assert.ok(!DECISION_OUTCOMES.includes('other.feeUnpaid'));
    assert.ok(DECISION_OUTCOMES.includes('other.misc'));
    assert.equal(DECISION_OUTCOMES.length, 19);
  });
});

describe('validateDecision', () => {
  const fields = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      assert.ok(e instanceof InvalidInput);
      return e.fieldErrors;
    }
    assert.fail('expected InvalidInput');
  };
  it('a refusal on 第十六条 must say which paragraph, and give reasons', () => {
    assert.deepEqual(
      fields(() => validateDecision({ outcome: 'partial' })),
      { ground: '请选择依据（第十四条、第十五条、第十六条第一款、第十六条第二款）', reasons: '请说明理由' },
    );
    assert.deepEqual(
      fields(() =>
        validateDecision({ outcome: 'denied.process', ground: '第十六条第一款', reasons: '过程性信息' }),
      ),
      { ground: '「不予公开（属于四类过程性信息）」的依据应为第十六条第二款' },
    );
  });
  it('a single possible ground is filled in when left out only if not required', () => {
    assert.deepEqual(
      fields(() => validateDecision({ outcome: 'denied.stateSecret', reasons: '经定密' })),
      { ground: '请注明依据（第十四条）' },
    );
    assert.deepEqual(validateDecision({ outcome: 'granted' }), {
      outcome: 'granted',
      ground: null,
      reasons: null,
    });
    assert.deepEqual(
      validateDecision({ outcome: 'denied.stateSecret', ground: ' 第十四条 ', reasons: '经定密' }),
      {
        outcome: 'denied.stateSecret',
        ground: '第十四条',
        reasons: '经定密',
      },
    );
  });
  it('closures and unknown outcomes cannot be chosen', () => {
    assert.deepEqual(
      fields(() => validateDecision({ outcome: 'other.feeUnpaid' })),
      { outcome: '请选择办理结果' },
    );
    assert.deepEqual(
      fields(() => validateDecision({ outcome: 'total' })),
      { outcome: '请选择办理结果' },
    );
  });
});

describe('2021 → 2019 rows', () => {
  it('（六）1–3 become （六）其他处理; every other row keeps its key, and each is a 2019 row', () => {
    assert.equal(outcomeRow2019('other.noCorrection'), 'other');
    assert.equal(outcomeRow2019('other.feeUnpaid'), 'other');
    assert.equal(outcomeRow2019('other.misc'), 'other');
    assert.equal(outcomeRow2019('denied.adminQuery'), 'denied.adminQuery');
    const rows2019 = table3RowKeys('2019');
    for (const o of OUTCOMES) assert.ok(rows2019.includes(outcomeRow2019(o)), o);
  });
});

describe('counting concluded applications into table 三', () => {
  it('hand count: 3 applications', () => {
    // natural granted, natural fee unpaid, a law firm's partial disclosure → in 2021:
    // granted[natural]=1, other.feeUnpaid[natural]=1, partial[legalService]=1; total row natural 2, legalService 1.
    const list: ConcludedApplication[] = [
      { outcome: 'granted', applicantType: 'natural' },
      { outcome: 'other.feeUnpaid', applicantType: 'natural' },
      { outcome: 'partial', applicantType: 'legalService' },
    ];
    const r = countOutcomes(list, '2021');
    assert.deepEqual(r.granted, [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(r['other.feeUnpaid'], [1, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(r.partial, [0, 0, 0, 0, 1, 0, 1]);
    assert.deepEqual(r.total, [2, 0, 0, 0, 1, 0, 3]);
    // In 2019 the fee-unpaid case is in （六）其他处理, and there is no other.* row.
    const r19 = countOutcomes(list, '2019');
    assert.deepEqual(r19.other, [1, 0, 0, 0, 0, 0, 1]);
    assert.equal(r19['other.feeUnpaid'], undefined);
  });

  const concluded = fc.array(
    fc.record({ outcome: fc.constantFrom(...OUTCOMES), applicantType: fc.constantFrom(...APPLICANT_TYPES) }),
    { maxLength: 200 },
  );
  const format = fc.constantFrom<ReportFormat>('2019', '2021');

  it('property: per column, the total is the number of concluded applications of that applicant type', () => {
    fc.assert(
      fc.property(concluded, format, (list, f) => {
        const r = countOutcomes(list, f);
        APPLICANT_TYPES.forEach((t, col) => {
          assert.equal(r.total![col], list.filter((a) => a.applicantType === t).length);
        });
        assert.equal(r.total![6], list.length);
      }),
    );
  });

  it('property: the report rules A1, B1 and B2 hold on the result (run by the report checker)', () => {
    fc.assert(
      fc.property(concluded, format, fc.nat({ max: 20 }), (list, f, carried) => {
        const table3 = emptyTable3(f);
        const counted = countOutcomes(list, f);
        for (const key of Object.keys(table3.rows)) {
          if (counted[key]) table3.rows[key] = counted[key]!;
        }
        // Everything received this year was concluded; `carried` applications came from last year and
        // are still open: A1 (新收 + 结转 = 总计 + 结转下年) holds with these figures.
        const carriedRow = TABLE3_COLUMNS.map((_, i) => (i === 0 || i === 6 ? carried : 0));
        table3.rows.newReceived = counted.total!;
        table3.rows.carriedOver = carriedRow;
        table3.rows.carriedForward = carriedRow;
        const violations = check({ format: f, table2: emptyTable2(f), table3, table4: emptyTable4() });
        const sums = violations.filter((v) => v.rule === 'A1' || v.rule === 'B1' || v.rule === 'B2');
        assert.deepEqual(sums, []);
      }),
    );
  });

  it('the checker does catch a miscount (the property above can fail)', () => {
    const table3 = emptyTable3('2021');
    const counted = countOutcomes([{ outcome: 'granted', applicantType: 'research' }], '2021');
    for (const key of Object.keys(table3.rows)) if (counted[key]) table3.rows[key] = counted[key]!;
    table3.rows.granted = [0, 0, 1, 0, 0, 0, 2]; // 总计 column wrong → B2
    const v = check({ format: '2021', table2: emptyTable2('2021'), table3, table4: emptyTable4() });
    assert.ok(v.some((x) => x.rule === 'B2'));
  });
});

describe('table 三 of a report year from the applications', () => {
  // 2025: A received 2024-12-20, concluded 2025-01-10 (上年结转, concluded); B received 2025-03-01,
  // concluded 2025-03-20 (新收, concluded); C received 2025-12-28, open (新收, 结转下年); D received
  // 2024-06-01, concluded 2024-07-01 (not in 2025 at all); E received 2026-01-02 (not yet).
  const apps: ReportedApplication[] = [
    { applicantType: 'natural', receivedOn: '2024-12-20', concludedOn: '2025-01-10', outcome: 'granted' },
    {
      applicantType: 'commercial',
      receivedOn: '2025-03-01',
      concludedOn: '2025-03-20',
      outcome: 'other.misc',
    },
    { applicantType: 'natural', receivedOn: '2025-12-28', concludedOn: null, outcome: null },
    { applicantType: 'natural', receivedOn: '2024-06-01', concludedOn: '2024-07-01', outcome: 'granted' },
    { applicantType: 'research', receivedOn: '2026-01-02', concludedOn: null, outcome: null },
  ];
  it('hand count for 2025', () => {
    const t = table3ForYear(apps, 2025);
    assert.deepEqual(t.newReceived, [1, 1, 0, 0, 0, 0, 2]); // B, C
    assert.deepEqual(t.carriedOver, [1, 0, 0, 0, 0, 0, 1]); // A
    assert.deepEqual(t.granted, [1, 0, 0, 0, 0, 0, 1]); // A
    assert.deepEqual(t['other.misc'], [0, 1, 0, 0, 0, 0, 1]); // B
    assert.deepEqual(t.total, [1, 1, 0, 0, 0, 0, 2]);
    assert.deepEqual(t.carriedForward, [1, 0, 0, 0, 0, 0, 1]); // C
  });
  it('the format follows the year: 2020 → 2019 试行, 2021 → 2021', () => {
    assert.equal(reportFormatForYear(2020), '2019');
    assert.equal(reportFormatForYear(2021), '2021');
    const t2020 = table3ForYear([apps[1]!], 2020);
    assert.deepEqual(t2020.other, [0, 0, 0, 0, 0, 0, 0]); // the one （六） row of 2019 试行; B is not in 2020
    assert.equal(t2020['other.misc'], undefined);
  });

  const day = fc
    .integer({ min: 0, max: 3 * 365 })
    .map((n) => new Date(Date.UTC(2024, 0, 1 + n)).toISOString().slice(0, 10));
  const app = fc
    .tuple(
      fc.constantFrom(...APPLICANT_TYPES),
      day,
      fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }),
      fc.constantFrom(...OUTCOMES),
    )
    .map(([applicantType, receivedOn, after, outcome]): ReportedApplication => {
      const concludedOn =
        after === null
          ? null
          : new Date(Date.parse(receivedOn) + after * 86_400_000).toISOString().slice(0, 10);
      return { applicantType, receivedOn, concludedOn, outcome: concludedOn ? outcome : null };
    });
  it('property: the whole table 三 passes A1, B1 and B2 of the report checker, for any year and format', () => {
    fc.assert(
      fc.property(
        fc.array(app, { maxLength: 120 }),
        fc.constantFrom(2024, 2025, 2026),
        fc.constantFrom<ReportFormat>('2019', '2021'),
        (list, year, f) => {
          const table3 = emptyTable3(f);
          Object.assign(table3.rows, table3ForYear(list, year, f));
          const v = check({ format: f, table2: emptyTable2(f), table3, table4: emptyTable4() });
          assert.deepEqual(
            v.filter((x) => x.rule === 'A1' || x.rule === 'B1' || x.rule === 'B2'),
            [],
          );
          // Consecutive years chain: this year's 结转下年 is next year's 上年结转 (rule C1's idea).
          assert.deepEqual(table3ForYear(list, year + 1, f).carriedOver, table3.rows.carriedForward);
        },
      ),
    );
  });
});
