// Table 三 alone, rules A1 and B1 (kept for callers that solve one table): the equations of
// rules.ts as linear equations for the joint solver (solve-joint.ts).
import type { Table3Equation } from '../rules.js';
import type { Cells } from './row-reading.js';
import { solveJoint, type LinearEquation, type SolveResult } from './solve-joint.js';

export type { SolveResult } from './solve-joint.js';

/** Σ plus rows − Σ minus rows = 0 in one column, keyed by the bare row key. */
export function table3Linear(eq: Table3Equation, rowId: (key: string) => string = (k) => k): LinearEquation {
  return {
    terms: [
      ...eq.plus.map((row) => ({ row: rowId(row), index: eq.column, coef: 1 })),
      ...eq.minus.map((row) => ({ row: rowId(row), index: eq.column, coef: -1 })),
    ],
    value: 0,
  };
}

export function solveTable3(
  readings: Map<string, Cells[]>,
  equations: readonly Table3Equation[],
): SolveResult {
  return solveJoint(
    readings,
    equations.map((eq) => table3Linear(eq)),
  );
}
