// Choosing one reading per table-三 row so that the rules tying rows together (A1, B1) hold.
//
// Rows read positionally have one reading; rows whose digits ran together or whose empty cells
// were dropped may have several. The rules are linear, so a choice of readings is consistent
// when the residual of every equation is 0. count(i, residual) — the number of consistent ways
// to choose the readings of rows i… — is memoised, bounded and pruned by the smallest and
// largest contribution the remaining rows can make. A reading is kept when at least one
// consistent choice uses it: exactly the readings a person could not rule out.
import type { Table3Equation } from '../rules.js';
import type { Cells } from './row-reading.js';
import { propagate } from './table3-propagate.js';

export interface SolveResult {
  /** The readings of each row that take part in at least one consistent choice. */
  supported: Map<string, Cells[]>;
  /** How many consistent choices exist (capped); 0 when the table has errors. */
  solutions: number;
  /** The search gave up: `supported` then holds every reading. */
  gaveUp: boolean;
}

const MAX_STATES = 5_000;
const COUNT_CAP = 1e9;

interface Problem {
  rows: string[];
  contrib: number[][][];
  start: number[];
  sufMin: number[][];
  sufMax: number[][];
}

export function solveTable3(
  readings: Map<string, Cells[]>,
  equations: readonly Table3Equation[],
): SolveResult {
  if ([...readings.values()].every((c) => c.length === 1))
    return { supported: readings, solutions: 1, gaveUp: false };
  const active = equations.filter((eq) => isActive(eq, readings));
  const reduced = reduce(readings, equations, active);
  if (!reduced) return { supported: readings, solutions: 0, gaveUp: false };
  const ambiguous = searchOrder(reduced, equations);
  if (ambiguous.length === 0) return { supported: reduced, solutions: 1, gaveUp: false };
  const problem = buildProblem(reduced, ambiguous, active);
  const memo = new Map<string, number>();
  const count = (i: number, res: number[]): number => {
    if (memo.size > MAX_STATES) throw new GiveUp();
    if (i === problem.rows.length) return res.every((r) => r === 0) ? 1 : 0;
    if (!withinBounds(problem, i, res)) return 0;
    const key = `${i}|${res.join(',')}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let total = 0;
    for (const c of problem.contrib[i] as number[][])
      total = Math.min(COUNT_CAP, total + count(i + 1, add(res, c)));
    memo.set(key, total);
    return total;
  };
  try {
    const solutions = count(0, problem.start);
    if (solutions === 0) return { supported: readings, solutions: 0, gaveUp: false };
    return { supported: supportedReadings(reduced, problem, count), solutions, gaveUp: false };
  } catch (e) {
    if (e instanceof GiveUp) return { supported: reduced, solutions: 0, gaveUp: true };
    throw e;
  }
}

/** The readings left after propagation (a sound reduction), or null when a row has none left. */
function reduce(
  readings: Map<string, Cells[]>,
  equations: readonly Table3Equation[],
  active: Table3Equation[],
): Map<string, Cells[]> | null {
  const rows = searchOrder(readings, equations);
  if (rows.length === 0) return readings;
  const problem = buildProblem(readings, rows, active);
  const alive = propagate(problem.contrib, problem.start);
  if (alive.some((ids) => ids.length === 0)) return null;
  const out = new Map(readings);
  rows.forEach((key, r) =>
    out.set(
      key,
      (alive[r] as number[]).map((i) => (readings.get(key) as Cells[])[i] as Cells),
    ),
  );
  return out;
}

class GiveUp extends Error {}

/**
 * Rows of A1 first (four rows settle those equations early), then rows with large numbers: a
 * large number fits in few columns, so wrong placements are cut off near the root.
 */
function searchOrder(readings: Map<string, Cells[]>, equations: readonly Table3Equation[]): string[] {
  const a1 = new Set(equations.filter((eq) => eq.rule === 'A1').flatMap((eq) => [...eq.plus, ...eq.minus]));
  const largest = (key: string) => Math.max(...(readings.get(key) as Cells[]).flat().map((v) => v ?? 0));
  return [...readings.keys()]
    .filter((k) => (readings.get(k) as Cells[]).length > 1)
    .sort((x, y) => Number(a1.has(y)) - Number(a1.has(x)) || largest(y) - largest(x));
}

const coef = (eq: Table3Equation, key: string): number =>
  (eq.plus.includes(key) ? 1 : 0) - (eq.minus.includes(key) ? 1 : 0);
const add = (a: number[], b: number[]): number[] => a.map((x, d) => x + (b[d] as number));

/** An equation is used only when all its rows were read and none has an unknown cell in it. */
function isActive(eq: Table3Equation, readings: Map<string, Cells[]>): boolean {
  return [...eq.plus, ...eq.minus].every((key) => {
    const cands = readings.get(key);
    return cands !== undefined && cands.every((c) => c[eq.column] !== null);
  });
}

function buildProblem(readings: Map<string, Cells[]>, rows: string[], eqs: Table3Equation[]): Problem {
  const start = eqs.map(() => 0);
  for (const [key, cands] of readings) {
    if (cands.length !== 1) continue;
    eqs.forEach(
      (eq, d) =>
        (start[d] = (start[d] as number) + coef(eq, key) * ((cands[0] as Cells)[eq.column] as number)),
    );
  }
  const contrib = rows.map((key) =>
    (readings.get(key) as Cells[]).map((cand) =>
      eqs.map((eq) => coef(eq, key) * (cand[eq.column] as number)),
    ),
  );
  const sufMin: number[][] = [];
  const sufMax: number[][] = [];
  let min = eqs.map(() => 0);
  let max = eqs.map(() => 0);
  for (let i = rows.length; i >= 0; i--) {
    if (i < rows.length) {
      const options = contrib[i] as number[][];
      min = min.map((m, d) => m + Math.min(...options.map((c) => c[d] as number)));
      max = max.map((m, d) => m + Math.max(...options.map((c) => c[d] as number)));
    }
    sufMin[i] = min;
    sufMax[i] = max;
  }
  return { rows, contrib, start, sufMin, sufMax };
}

function withinBounds(p: Problem, i: number, res: number[]): boolean {
  const lo = p.sufMin[i] as number[];
  const hi = p.sufMax[i] as number[];
  return res.every((r, d) => r + (lo[d] as number) <= 0 && r + (hi[d] as number) >= 0);
}

function supportedReadings(
  readings: Map<string, Cells[]>,
  p: Problem,
  count: (i: number, res: number[]) => number,
): Map<string, Cells[]> {
  const supported = new Map(readings);
  let layer = new Map<string, number[]>([[p.start.join(','), p.start]]);
  p.rows.forEach((key, i) => {
    const cands = readings.get(key) as Cells[];
    const keep = new Set<number>();
    const next = new Map<string, number[]>();
    for (const res of layer.values()) {
      (p.contrib[i] as number[][]).forEach((c, ci) => {
        const after = add(res, c);
        if (count(i + 1, after) === 0) return;
        keep.add(ci);
        next.set(after.join(','), after);
      });
    }
    supported.set(
      key,
      cands.filter((_, ci) => keep.has(ci)),
    );
    layer = next;
  });
  return supported;
}
