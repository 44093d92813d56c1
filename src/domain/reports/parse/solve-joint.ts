// Choosing one reading per row so that every linear rule tying rows together holds (issue 11).
//
// Rows read positionally have one reading; rows whose digits ran together or whose empty cells
// were dropped may have several. The rules are linear, so a choice of readings is consistent
// when the residual of every equation is 0. count(i, residual) — the number of consistent ways
// to choose the readings of rows i… — is memoised, bounded and pruned by the smallest and
// largest contribution the remaining rows can make. A reading is kept when at least one
// consistent choice uses it: exactly the readings a person could not rule out.
import type { Cells } from './row-reading.js';
import { propagate } from './table3-propagate.js';

/** Σ coef × cell(row, index) over the terms = value. */
export interface LinearEquation {
  terms: readonly { row: string; index: number; coef: number }[];
  value: number;
}

export interface SolveResult {
  /** The readings of each row that take part in at least one consistent choice. */
  supported: Map<string, Cells[]>;
  /** How many consistent choices exist (capped); 0 when the rules cannot all hold. */
  solutions: number;
  /** The search gave up: `supported` then holds every reading left after propagation. */
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

/**
 * Equations naming a row that is not in `readings`, or a cell that is unknown (null) in one of
 * its readings, are left out: they cannot be checked.
 */
export function solveJoint(
  readings: Map<string, Cells[]>,
  equations: readonly LinearEquation[],
): SolveResult {
  const active = equations.filter((eq) => isActive(eq, readings));
  if ([...readings.values()].every((c) => c.length === 1)) {
    const holds = active.every((eq) => residual(eq, readings) === 0);
    return { supported: readings, solutions: holds ? 1 : 0, gaveUp: false };
  }
  const reduced = reduce(readings, active);
  if (!reduced) return { supported: readings, solutions: 0, gaveUp: false };
  const ambiguous = searchOrder(reduced, active);
  if (ambiguous.length === 0) {
    const holds = active.every((eq) => residual(eq, reduced) === 0);
    return { supported: holds ? reduced : readings, solutions: holds ? 1 : 0, gaveUp: false };
  }
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

/** What one reading of `row` adds to the equation. */
function contribution(eq: LinearEquation, row: string, cells: Cells): number {
  let sum = 0;
  for (const t of eq.terms) if (t.row === row) sum += t.coef * (cells[t.index] as number);
  return sum;
}

/** Σ terms − value, with every row taken at its first reading. */
function residual(eq: LinearEquation, readings: Map<string, Cells[]>): number {
  let sum = -eq.value;
  for (const t of eq.terms) sum += t.coef * ((readings.get(t.row) as Cells[])[0]?.[t.index] as number);
  return sum;
}

/** The readings left after propagation (a sound reduction), or null when a row has none left. */
function reduce(readings: Map<string, Cells[]>, active: LinearEquation[]): Map<string, Cells[]> | null {
  const rows = searchOrder(readings, active);
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
 * Rows of small equations first (the four rows of A1 settle those equations early), then rows
 * with large numbers: a large number fits in few columns, so wrong placements are cut off near
 * the root.
 */
function searchOrder(readings: Map<string, Cells[]>, equations: readonly LinearEquation[]): string[] {
  const smallest = new Map<string, number>();
  for (const eq of equations) {
    const size = new Set(eq.terms.map((t) => t.row)).size;
    for (const t of eq.terms) smallest.set(t.row, Math.min(smallest.get(t.row) ?? Infinity, size));
  }
  const largest = (key: string) => Math.max(...(readings.get(key) as Cells[]).flat().map((v) => v ?? 0));
  return [...readings.keys()]
    .filter((k) => (readings.get(k) as Cells[]).length > 1)
    .sort((x, y) => (smallest.get(x) ?? Infinity) - (smallest.get(y) ?? Infinity) || largest(y) - largest(x));
}

const add = (a: number[], b: number[]): number[] => a.map((x, d) => x + (b[d] as number));

function isActive(eq: LinearEquation, readings: Map<string, Cells[]>): boolean {
  return eq.terms.every((t) => {
    const cands = readings.get(t.row);
    return cands !== undefined && cands.every((c) => typeof c[t.index] === 'number');
  });
}

function buildProblem(readings: Map<string, Cells[]>, rows: string[], eqs: LinearEquation[]): Problem {
  const start = eqs.map((eq) => -eq.value);
  for (const [key, cands] of readings) {
    if (cands.length !== 1) continue;
    eqs.forEach((eq, d) => (start[d] = (start[d] as number) + contribution(eq, key, cands[0] as Cells)));
  }
  const contrib = rows.map((key) =>
    (readings.get(key) as Cells[]).map((cand) => eqs.map((eq) => contribution(eq, key, cand))),
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
