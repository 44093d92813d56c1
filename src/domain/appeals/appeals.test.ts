import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  APPEAL_RESULTS,
  APPEAL_YEAR_RULES,
  appealGroup,
  appealProblems,
  table4ForYear,
  type AppealFacts,
  type ReportedAppeal,
} from './appeals.js';

const appeal = (
  kind: 'review' | 'direct' | 'after',
  filedOn: string,
  result: ReportedAppeal['result'],
  decidedOn: string | null,
): ReportedAppeal => ({
  kind: kind === 'review' ? 'reconsideration' : 'litigation',
  afterReconsideration: kind === 'after',
  filedOn,
  result,
  decidedOn,
});

// Eight cases counted by hand below.
const CASES: ReportedAppeal[] = [
  appeal('review', '2025-03-01', 'upheld', '2025-05-10'), // A: filed and decided in 2025
  appeal('review', '2025-11-20', 'corrected', '2026-01-15'), // B: filed 2025, decided 2026
  appeal('review', '2026-02-01', 'pending', null), // C: filed 2026, pending
  appeal('direct', '2025-06-01', 'other', '2025-12-31'), // D: decided on the last day of 2025
  appeal('direct', '2025-12-31', 'upheld', '2026-01-01'), // E: filed on the last day, decided the next
  appeal('after', '2026-03-03', 'corrected', '2026-09-09'), // F: filed and decided in 2026
  appeal('after', '2024-07-07', 'upheld', '2026-04-04'), // G: filed 2024, decided 2026 (three years)
  appeal('direct', '2026-10-10', 'pending', null), // H: filed 2026, pending
];

//                    维持 纠正 其他 未结 总计
const rows = (review: number[], suitDirect: number[], suitAfterReview: number[]) => ({
  columns: ['upheld', 'corrected', 'other', 'pending', 'total'],
  review,
  suitDirect,
  suitAfterReview,
});

describe('table 四 of a year, counted by hand', () => {
  it("'both' (default): pending in the filing year, the result again in the year decided", () => {
    // 2024: G pending.
    assert.deepEqual(table4ForYear(CASES, 2024), rows([0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 1, 1]));
    // 2025: A upheld, B pending (decided 2026); D other (31 Dec counts), E pending; G not at all.
    assert.deepEqual(table4ForYear(CASES, 2025), rows([1, 0, 0, 1, 2], [0, 0, 1, 1, 2], [0, 0, 0, 0, 0]));
    // 2026: B corrected, C pending; E upheld, H pending; F corrected, G upheld.
    assert.deepEqual(
      table4ForYear(CASES, 2026, 'both'),
      rows([0, 1, 0, 1, 2], [1, 0, 0, 1, 2], [1, 1, 0, 0, 2]),
    );
    assert.deepEqual(table4ForYear(CASES, 2027), rows([0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]));
  });

  it("'filed': once, in the filing year, with the result known on 31 December", () => {
    assert.deepEqual(
      table4ForYear(CASES, 2024, 'filed'),
      rows([0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 1, 1]),
    );
    assert.deepEqual(
      table4ForYear(CASES, 2025, 'filed'),
      rows([1, 0, 0, 1, 2], [0, 0, 1, 1, 2], [0, 0, 0, 0, 0]),
    );
    // 2026: C pending, H pending, F corrected; B, E and G belong to earlier years.
    assert.deepEqual(
      table4ForYear(CASES, 2026, 'filed'),
      rows([0, 0, 0, 1, 1], [0, 0, 0, 1, 1], [0, 1, 0, 0, 1]),
    );
  });

  it("'decided': once, in the year decided; undecided cases in their filing year", () => {
    // G is decided in 2026: 2024 shows nothing.
    assert.deepEqual(
      table4ForYear(CASES, 2024, 'decided'),
      rows([0, 0, 0, 0, 0], [0, 0, 0, 0, 0], [0, 0, 0, 0, 0]),
    );
    // 2025: A upheld, D other; B and E were decided in 2026.
    assert.deepEqual(
      table4ForYear(CASES, 2025, 'decided'),
      rows([1, 0, 0, 0, 1], [0, 0, 1, 0, 1], [0, 0, 0, 0, 0]),
    );
    assert.deepEqual(
      table4ForYear(CASES, 2026, 'decided'),
      rows([0, 1, 0, 1, 2], [1, 0, 0, 1, 2], [1, 1, 0, 0, 2]),
    );
  });

  it('groups: 复议, 直接起诉, 复议后起诉', () => {
    assert.equal(appealGroup({ kind: 'reconsideration', afterReconsideration: false }), 'review');
    assert.equal(appealGroup({ kind: 'litigation', afterReconsideration: false }), 'suitDirect');
    assert.equal(appealGroup({ kind: 'litigation', afterReconsideration: true }), 'suitAfterReview');
  });
});

describe('validation of an appeal', () => {
  const TODAY = '2026-11-30';
  const ok: AppealFacts = {
    kind: 'litigation',
    filedOn: '2026-03-01',
    afterReconsideration: true,
    result: 'upheld',
    decidedOn: '2026-06-01',
  };
  it('accepts a consistent record, and a pending one without a date', () => {
    assert.deepEqual(appealProblems(ok, TODAY), {});
    assert.deepEqual(appealProblems({ ...ok, result: 'pending', decidedOn: null }, TODAY), {});
    assert.deepEqual(appealProblems({ ...ok, filedOn: TODAY, decidedOn: TODAY }, TODAY), {});
  });
  it('filed no later than today', () => {
    assert.equal(
      appealProblems({ ...ok, filedOn: '2026-12-01' }, TODAY).filedOn,
      '申请（起诉）日期不能晚于今天',
    );
    assert.match(appealProblems({ ...ok, filedOn: '2026-02-30' }, TODAY).filedOn!, /有效/);
  });
  it('a result has a date, 尚未审结 has none', () => {
    assert.equal(
      appealProblems({ ...ok, decidedOn: null }, TODAY).decidedOn,
      '已有审理结果的，请填写审结日期',
    );
    assert.match(
      appealProblems({ ...ok, result: 'pending' }, TODAY).decidedOn!,
      /尚未审结的案件不填写审结日期/,
    );
  });
  it('decided on or after filing, and not in the future', () => {
    assert.equal(
      appealProblems({ ...ok, decidedOn: '2026-02-28' }, TODAY).decidedOn,
      '审结日期不能早于申请（起诉）日期',
    );
    assert.equal(appealProblems({ ...ok, decidedOn: '2026-12-01' }, TODAY).decidedOn, '审结日期不能晚于今天');
  });
  it('复议后起诉 only for a lawsuit', () => {
    assert.equal(
      appealProblems({ ...ok, kind: 'reconsideration' }, TODAY).afterReconsideration,
      '只有行政诉讼才区分是否经过复议',
    );
    assert.deepEqual(
      appealProblems({ ...ok, kind: 'reconsideration', afterReconsideration: false }, TODAY),
      {},
    );
  });
});

describe('properties of table 四', () => {
  const day = fc.integer({ min: 0, max: 365 * 6 }).map((n) => {
    const d = new Date(Date.UTC(2021, 0, 1) + n * 86_400_000);
    return d.toISOString().slice(0, 10);
  });
  const anAppeal: fc.Arbitrary<ReportedAppeal> = fc
    .record({
      kind: fc.constantFrom('reconsideration' as const, 'litigation' as const),
      after: fc.boolean(),
      filedOn: day,
      result: fc.constantFrom(...APPEAL_RESULTS),
      lag: fc.integer({ min: 0, max: 800 }),
    })
    .map((r) => ({
      kind: r.kind,
      afterReconsideration: r.kind === 'litigation' && r.after,
      filedOn: r.filedOn,
      result: r.result,
      decidedOn:
        r.result === 'pending'
          ? null
          : new Date(Date.parse(r.filedOn) + r.lag * 86_400_000).toISOString().slice(0, 10),
    }));
  const appeals = fc.array(anAppeal, { maxLength: 40 });
  const YEARS = Array.from({ length: 10 }, (_, i) => 2020 + i);
  const total = (t: ReturnType<typeof table4ForYear>) =>
    t.review[4]! + t.suitDirect[4]! + t.suitAfterReview[4]!;

  it("'filed' and 'decided' count every appeal exactly once over the years", () => {
    fc.assert(
      fc.property(appeals, (list) => {
        for (const rule of ['filed', 'decided'] as const) {
          assert.equal(
            YEARS.reduce((n, y) => n + total(table4ForYear(list, y, rule)), 0),
            list.length,
          );
        }
      }),
    );
  });

  it("'both' counts each appeal once, or twice when decided after its filing year", () => {
    fc.assert(
      fc.property(appeals, (list) => {
        const twice = list.filter((a) => a.decidedOn && a.decidedOn.slice(0, 4) !== a.filedOn.slice(0, 4));
        assert.equal(
          YEARS.reduce((n, y) => n + total(table4ForYear(list, y, 'both')), 0),
          list.length + twice.length,
        );
      }),
    );
  });

  it('per group and year, 总计 = 维持 + 纠正 + 其他 + 尚未审结 (rule B3), for every rule', () => {
    fc.assert(
      fc.property(appeals, fc.constantFrom(...YEARS), (list, year) => {
        for (const rule of APPEAL_YEAR_RULES) {
          const t = table4ForYear(list, year, rule);
          for (const row of [t.review, t.suitDirect, t.suitAfterReview])
            assert.equal(row[4], row[0]! + row[1]! + row[2]! + row[3]!);
        }
      }),
    );
  });

  it("'both' and 'filed': a year's table does not change when a case is decided after that year", () => {
    fc.assert(
      fc.property(appeals, fc.constantFrom(...YEARS), (list, year) => {
        // The same register as it stood on 31 December of `year`.
        const then = list.map((a) =>
          a.decidedOn && a.decidedOn > `${year}-12-31`
            ? { ...a, result: 'pending' as const, decidedOn: null }
            : a,
        );
        for (const rule of ['both', 'filed'] as const)
          assert.deepEqual(table4ForYear(list, year, rule), table4ForYear(then, year, rule));
      }),
    );
  });
});
