import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { InvalidInput } from '../errors.js';
import { computeFee, DEFAULT_FEE_SCHEDULE, feeMonth, type FeeSchedule } from './fees.js';

describe('按件计收 (办法 第四条): per applicant per month, 1–10 free, 11–30 100元, then +100元 per band of 10', () => {
  it('25 items, none earlier: 10 free + 15 × 100 = 1500元', () => {
    const f = computeFee({ method: 'item', units: 25 });
    assert.equal(f.amount, 1500);
    assert.deepEqual(f.explanation, [
      '第1至10件：10件，免费。',
      '第11至25件：15件 × 100元 = 1500元。',
      '按件计收，合计1500元（国办函〔2020〕109号）。',
    ]);
  });
  it('5 items after 28 this month: items 29–33 → 29, 30 at 100 = 200; 31–33 at 200 = 600; 800元', () => {
    const f = computeFee({ method: 'item', units: 5, earlierUnits: 28 });
    assert.equal(f.amount, 800);
    assert.deepEqual(
      f.lines.map((l) => [l.from, l.to, l.rate, l.amount]),
      [
        [29, 30, 100, 200],
        [31, 33, 200, 600],
      ],
    );
    assert.equal(f.explanation[0], '本月此前已计28件，本申请自第29件起累计计算（办法第四条）。');
  });
  it('50 items: 0 + 20 × 100 + 10 × 200 + 10 × 300 = 7000元', () => {
    assert.equal(computeFee({ method: 'item', units: 50 }).amount, 7000);
  });
  it('item 61 alone (60 earlier): bands 31–40 200, 41–50 300, 51–60 400, 61–70 500 → 500元', () => {
    assert.equal(computeFee({ method: 'item', units: 1, earlierUnits: 60 }).amount, 500);
  });
  it('10 items: free', () => {
    assert.equal(computeFee({ method: 'item', units: 10 }).amount, 0);
  });
});

describe('按量计收 (办法 第五条): pages 1–30 free, 31–100 10元, 101–200 20元, 201+ 40元', () => {
  it('250 pages: 0 + 70 × 10 + 100 × 20 + 50 × 40 = 700 + 2000 + 2000 = 4700元', () => {
    const f = computeFee({ method: 'page', units: 250 });
    assert.equal(f.amount, 4700);
    assert.equal(f.explanation.at(-1), '按量计收，合计4700元（国办函〔2020〕109号）。');
    assert.equal(f.explanation[3], '第201至250页：50页 × 40元 = 2000元。');
  });
  it('30 pages free, 31 pages 10元 (page 31 alone: 「第31页」)', () => {
    assert.equal(computeFee({ method: 'page', units: 30 }).amount, 0);
    const f = computeFee({ method: 'page', units: 31 });
    assert.equal(f.amount, 10);
    assert.equal(f.explanation[1], '第31页：1页 × 10元 = 10元。');
  });
});

describe('the schedule is data', () => {
  it('an agency table with other rates is applied as given', () => {
    const s: FeeSchedule = {
      ...DEFAULT_FEE_SCHEDULE,
      page: {
        unit: '页',
        bands: [
          { upTo: 50, rate: 0 },
          { upTo: null, rate: 5 },
        ],
      },
    };
    assert.equal(computeFee({ method: 'page', units: 60 }, s).amount, 50);
  });
  it('bad counts are refused with messages keyed by field', () => {
    assert.throws(
      () => computeFee({ method: 'item', units: 0, earlierUnits: -1 }),
      (e: unknown) =>
        e instanceof InvalidInput &&
        e.fieldErrors.units === '数量应为正整数' &&
        e.fieldErrors.earlierUnits === '此前已计数量应为非负整数',
    );
  });
  it('the month of an application', () => {
    assert.equal(feeMonth('2026-03-31'), '2026-03');
  });
});

describe('properties', () => {
  const method = fc.constantFrom('item' as const, 'page' as const);
  it('cumulative: two applications in a row cost what one with both would', () => {
    fc.assert(
      fc.property(
        method,
        fc.nat(300),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        (m, e, a, b) => {
          const split =
            computeFee({ method: m, units: a, earlierUnits: e }).amount +
            computeFee({ method: m, units: b, earlierUnits: e + a }).amount;
          assert.equal(split, computeFee({ method: m, units: a + b, earlierUnits: e }).amount);
        },
      ),
    );
  });
  it('progressive: each further unit costs at least as much as the one before; lines cover every unit once', () => {
    fc.assert(
      fc.property(method, fc.nat(500), fc.integer({ min: 1, max: 500 }), (m, e, n) => {
        const f = computeFee({ method: m, units: n, earlierUnits: e });
        assert.equal(
          f.lines.reduce((s, l) => s + l.count, 0),
          n,
        );
        for (let i = 1; i < f.lines.length; i++) {
          assert.equal(f.lines[i]!.from, f.lines[i - 1]!.to + 1);
          assert.ok(f.lines[i]!.rate > f.lines[i - 1]!.rate);
        }
      }),
    );
  });
});
