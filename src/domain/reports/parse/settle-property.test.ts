// Property of joint solving (issue 11): it never returns a solution that breaks a rule, and it
// never drops the true one — checked against brute force on small random systems. The same on
// whole reports is in property.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Cells } from './row-reading.js';
import { solveJoint, type LinearEquation } from './solve-joint.js';

const WIDTH = 3;

/** A small system: the true reading of each row, decoys beside it, equations true of the truth. */
const system = fc
  .integer({ min: 1, max: 5 })
  .chain((rows) =>
    fc.record({
      truth: fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: WIDTH, maxLength: WIDTH }), {
        minLength: rows,
        maxLength: rows,
      }),
      decoys: fc.array(
        fc.array(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: WIDTH, maxLength: WIDTH }), {
          maxLength: 3,
        }),
        { minLength: rows, maxLength: rows },
      ),
      at: fc.array(fc.nat(rows * 7), { minLength: rows, maxLength: rows }),
      equations: fc.array(
        fc.array(
          fc.record({
            row: fc.nat(rows - 1),
            index: fc.nat(WIDTH - 1),
            coef: fc.constantFrom(1, -1),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        { maxLength: 4 },
      ),
    }),
  )
  .map(({ truth, decoys, at, equations }) => {
    const readings = new Map<string, Cells[]>();
    truth.forEach((t, r) => {
      const others = (decoys[r] ?? []).filter((d) => d.join() !== t.join());
      const unique = [...new Map(others.map((d) => [d.join(), d])).values()];
      const pos = (at[r] ?? 0) % (unique.length + 1);
      readings.set(`r${r}`, [...unique.slice(0, pos), t, ...unique.slice(pos)]);
    });
    const eqs: LinearEquation[] = equations.map((terms) => {
      const t = terms.map((x) => ({ ...x, row: `r${x.row}` }));
      const value = terms.reduce((s, x) => s + x.coef * ((truth[x.row] as number[])[x.index] as number), 0);
      return { terms: t, value };
    });
    return { truth, readings, eqs };
  });

function bruteForce(readings: Map<string, Cells[]>, eqs: LinearEquation[]) {
  const rows = [...readings.keys()];
  const supported = new Map<string, Set<string>>(rows.map((r) => [r, new Set()]));
  let solutions = 0;
  const choice = new Map<string, Cells>();
  const visit = (i: number): void => {
    if (i === rows.length) {
      const ok = eqs.every(
        (eq) =>
          eq.terms.reduce((s, t) => s + t.coef * ((choice.get(t.row) as number[])[t.index] as number), 0) ===
          eq.value,
      );
      if (!ok) return;
      solutions++;
      for (const [r, c] of choice) supported.get(r)?.add(c.join());
      return;
    }
    for (const c of readings.get(rows[i] as string) as Cells[]) {
      choice.set(rows[i] as string, c);
      visit(i + 1);
    }
  };
  visit(0);
  return { supported, solutions };
}

describe('property: the joint solver against brute force', () => {
  it('keeps exactly the readings used by some choice satisfying every equation, the true one among them', () => {
    fc.assert(
      fc.property(system, ({ truth, readings, eqs }) => {
        const result = solveJoint(readings, eqs);
        const brute = bruteForce(readings, eqs);
        assert.equal(result.gaveUp, false);
        assert.equal(result.solutions, brute.solutions);
        for (const [row, set] of brute.supported) {
          const kept = (result.supported.get(row) ?? []).map((c) => c.join());
          assert.deepEqual([...kept].sort(), [...set].sort(), row);
        }
        truth.forEach((t, r) => assert.ok(result.supported.get(`r${r}`)?.some((c) => c.join() === t.join())));
      }),
      { numRuns: 300 },
    );
  });
});
