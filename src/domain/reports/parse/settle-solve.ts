// Settling every row jointly (issue 11 item 2): the rows with several readings, tied together
// by the sum rules (A1, B1 across table 三) and by the constraints given from outside the tables
// (a figure quoted in the text, a neighbouring year), are solved as one system per connected
// group of rows. A reading survives when some choice satisfying every equation uses it; a cell is
// settled when every surviving choice gives it one value, and its basis is the first step that
// made it so: the row's own split (B2, B3), the sum rules, or one constraint. A constraint that
// no surviving choice satisfies is not applied (the caller reports it as C4 or C1–C3).
import { cellKey } from '../location.js';
import type { CellConstraint, CellValue, RuleId, SettleBasis } from '../types.js';
import type { AmbiguityCause } from './violations.js';
import { groupsAddUp, type Cells } from './row-reading.js';
import type { RowVar } from './settle-types.js';
import { solveJoint, type LinearEquation } from './solve-joint.js';

export interface RuleEquation extends LinearEquation {
  rule: RuleId;
}

export interface Settlement {
  /** The readings of each row (by id) that survive every applied equation. */
  supported: Map<string, CellValue[][]>;
  /** Why a row still has several readings. */
  cause: Map<string, AmbiguityCause>;
  /** Each cell settled by evidence other than its own printed figure, by row id and position. */
  bases: Map<string, Map<number, SettleBasis>>;
  applied: CellConstraint[];
}

interface Group {
  ids: string[];
  rules: RuleEquation[];
  constraints: { c: CellConstraint; eq: LinearEquation }[];
}

const RULE_ORDER: readonly RuleId[] = ['A1', 'B1', 'B2', 'B3'];

export function settleRows(
  vars: readonly RowVar[],
  rules: readonly RuleEquation[],
  constraints: readonly CellConstraint[],
): Settlement {
  if (vars.every((v) => v.candidates.length === 1 && !v.loose)) return direct(vars);
  const first = solveAll(vars, rules, constraints);
  if (!first.failed || !vars.some((v) => v.loose)) return first.settlement;
  // Whitespace inside a digit run is evidence, not law (item 1): when the readings that respect it
  // satisfy no rule, the readings that ignore it are added, and kept if the rules then hold.
  const second = solveAll(vars.map(loosened), rules, constraints);
  return second.failed ? first.settlement : second.settlement;
}

/** Every row has one reading (the common case): nothing to solve. */
function direct(vars: readonly RowVar[]): Settlement {
  const supported = new Map<string, CellValue[][]>();
  const bases = new Map<string, Map<number, SettleBasis>>();
  for (const v of vars) {
    supported.set(v.id, v.candidates);
    if (v.split) recordStage(bases, v.id, v.candidates, null, { kind: 'sum', rules: [v.split] });
  }
  return { supported, cause: new Map(), bases, applied: [] };
}

function solveAll(
  vars: readonly RowVar[],
  rules: readonly RuleEquation[],
  constraints: readonly CellConstraint[],
): { settlement: Settlement; failed: boolean } {
  const readings = new Map<string, Cells[]>();
  const original = new Map<string, CellValue[][]>();
  for (const v of vars) {
    const cands = v.candidates;
    original.set(v.id, cands);
    readings.set(
      v.id,
      cands.map((c, i) => [...c.map((x) => (typeof x === 'number' ? x : null)), i]),
    );
  }
  const at = cellIndex(vars);
  const linear = constraints
    .map((c) => ({ c, eq: constraintEquation(c, at) }))
    .filter((x): x is { c: CellConstraint; eq: LinearEquation } => x.eq !== null);
  const supported = new Map<string, Cells[]>(readings);
  const cause = new Map<string, AmbiguityCause>();
  const bases = new Map<string, Map<number, SettleBasis>>();
  const applied: CellConstraint[] = [];
  let failed =
    rules.some((eq) => isFixed(eq, readings) && !holds(eq, readings)) ||
    vars.some((v) => !original.get(v.id)?.some((c) => ownSumsHold(v, c)));
  for (const group of groups(readings, rules, linear)) {
    const result = settleGroup(group, readings, supported, bases, vars, applied);
    failed ||= result === 'none-consistent';
    if (result) for (const id of group.ids) cause.set(id, result);
  }
  for (const v of vars) {
    if (v.split && !bases.has(v.id))
      recordStage(bases, v.id, original.get(v.id) as CellValue[][], null, {
        kind: 'sum',
        rules: [v.split],
      });
  }
  const out = new Map<string, CellValue[][]>();
  for (const [id, cands] of supported) {
    const all = original.get(id) as CellValue[][];
    out.set(
      id,
      cands.map((c) => all[c[c.length - 1] as number] as CellValue[]),
    );
  }
  return { settlement: { supported: out, cause, bases, applied }, failed };
}

/**
 * Solves one group: the sum rules first, then each constraint in turn. Returns the cause when
 * rows stay ambiguous because the rules cannot hold or the search gave up, else null.
 */
function settleGroup(
  group: Group,
  readings: Map<string, Cells[]>,
  supported: Map<string, Cells[]>,
  bases: Map<string, Map<number, SettleBasis>>,
  vars: readonly RowVar[],
  applied: CellConstraint[],
): AmbiguityCause | null {
  const local = new Map<string, Cells[]>();
  for (const eq of [...group.rules, ...group.constraints.map((x) => x.eq)])
    for (const t of eq.terms) local.set(t.row, readings.get(t.row) as Cells[]);
  for (const id of group.ids) local.set(id, readings.get(id) as Cells[]);
  const ruled = solveJoint(local, group.rules);
  if (ruled.gaveUp) return 'too-many';
  if (ruled.solutions === 0) return 'none-consistent';
  const byId = new Map(vars.map((v) => [v.id, v]));
  const sumRules = [...new Set(group.rules.map((eq) => eq.rule))];
  let current = ruled.supported;
  const stages: { state: Map<string, Cells[]>; basis: (id: string) => SettleBasis }[] = [
    {
      state: current,
      basis: (id) => ({ kind: 'sum', rules: orderRules([byId.get(id)?.split ?? null, ...sumRules]) }),
    },
  ];
  let equations: LinearEquation[] = group.rules;
  for (const { c, eq } of group.constraints) {
    const next = solveJoint(current, [...equations, eq]);
    if (next.gaveUp || next.solutions === 0) continue;
    applied.push(c);
    equations = [...equations, eq];
    current = next.supported;
    stages.push({ state: current, basis: () => c.basis });
  }
  for (const id of group.ids) {
    const before = readings.get(id) as Cells[];
    const split = byId.get(id)?.split ?? null;
    for (const stage of stages) {
      recordStage(bases, id, stage.state.get(id) as Cells[], before, stage.basis(id), split);
    }
    supported.set(id, current.get(id) as Cells[]);
  }
  return null;
}

/**
 * Records `basis` for each cell of row `id` that is single-valued in `now` and has no basis
 * yet. A cell already single-valued in `before` (the row's own readings) gets the row's split
 * rule as its basis, or none when the row was not split.
 */
function recordStage(
  bases: Map<string, Map<number, SettleBasis>>,
  id: string,
  now: readonly (readonly (CellValue | number | null)[])[],
  before: readonly Cells[] | null,
  basis: SettleBasis,
  split: 'B2' | 'B3' | null = null,
): void {
  const width = (now[0]?.length ?? 0) - (before === null ? 0 : 1);
  const row = bases.get(id) ?? new Map<number, SettleBasis>();
  for (let i = 0; i < width; i++) {
    if (row.has(i) || !single(now, i)) continue;
    if (before !== null && single(before, i)) {
      if (split) row.set(i, { kind: 'sum', rules: [split] });
      continue;
    }
    row.set(i, basis);
  }
  if (row.size > 0) bases.set(id, row);
}

const single = (rows: readonly (readonly unknown[])[], i: number): boolean =>
  rows.length > 0 && rows.every((r) => r[i] === rows[0]?.[i]);

function orderRules(rules: (RuleId | null)[]): RuleId[] {
  return RULE_ORDER.filter((r) => rules.includes(r));
}

/** The row's readings whose own sums hold, and those that ignore the whitespace in its digits. */
function loosened(v: RowVar): RowVar {
  if (!v.loose) return v;
  const kept = v.candidates.filter((c) => ownSumsHold(v, c));
  const seen = new Set(kept.map((r) => r.join(',')));
  const candidates = [...kept, ...v.loose().filter((r) => !seen.has(r.join(',')))];
  if (candidates.length === 0) return v;
  return { ...v, candidates, split: v.table === 'table4' ? 'B3' : 'B2', loose: undefined };
}

const GROUPS: Partial<Record<RowVar['table'], readonly number[]>> = { table3: [7], table4: [5, 5, 5] };

/** B2 along a table-三 row, B3 in each table-四 group (table 二 has no sums). */
function ownSumsHold(v: RowVar, cells: readonly CellValue[]): boolean {
  const groups = GROUPS[v.table];
  if (!groups || cells.some((c) => c !== null && typeof c !== 'number')) return true;
  return groupsAddUp(cells as Cells, groups);
}

function cellIndex(vars: readonly RowVar[]): Map<string, { id: string; index: number }> {
  const at = new Map<string, { id: string; index: number }>();
  for (const v of vars) v.cells.forEach((cell, index) => at.set(cellKey(cell), { id: v.id, index }));
  return at;
}

function constraintEquation(
  c: CellConstraint,
  at: Map<string, { id: string; index: number }>,
): LinearEquation | null {
  const terms: LinearEquation['terms'][number][] = [];
  for (const [cells, coef] of [
    [c.plus, 1],
    [c.minus, -1],
  ] as const) {
    for (const cell of cells) {
      const where = at.get(cellKey(cell));
      if (!where) return null;
      terms.push({ row: where.id, index: where.index, coef });
    }
  }
  return terms.length > 0 && Number.isFinite(c.value) ? { terms, value: c.value } : null;
}

const ambiguous = (readings: Map<string, Cells[]>, id: string) => (readings.get(id)?.length ?? 0) > 1;
const isFixed = (eq: LinearEquation, readings: Map<string, Cells[]>) =>
  eq.terms.every((t) => readings.get(t.row)?.length === 1);

function holds(eq: LinearEquation, readings: Map<string, Cells[]>): boolean {
  let sum = -eq.value;
  for (const t of eq.terms) {
    const v = readings.get(t.row)?.[0]?.[t.index];
    if (typeof v !== 'number') return true;
    sum += t.coef * v;
  }
  return sum === 0;
}

/** Rows with several readings, grouped by the equations that tie them (union–find). */
function groups(
  readings: Map<string, Cells[]>,
  rules: readonly RuleEquation[],
  constraints: readonly { c: CellConstraint; eq: LinearEquation }[],
): Group[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const id of readings.keys()) if (ambiguous(readings, id)) parent.set(id, id);
  const link = (eq: LinearEquation) => {
    if (!eq.terms.every((t) => readings.has(t.row))) return null;
    const ids = eq.terms.map((t) => t.row).filter((id) => parent.has(id));
    if (ids.length === 0) return null;
    for (const id of ids.slice(1)) parent.set(find(id), find(ids[0] as string));
    return ids[0] as string;
  };
  const ruleAt = rules.map((eq) => [eq, link(eq)] as const);
  const constraintAt = constraints.map((x) => [x, link(x.eq)] as const);
  const out = new Map<string, Group>();
  for (const id of parent.keys()) {
    const root = find(id);
    const g = out.get(root) ?? { ids: [], rules: [], constraints: [] };
    g.ids.push(id);
    out.set(root, g);
  }
  for (const [eq, id] of ruleAt) if (id) out.get(find(id))?.rules.push(eq);
  for (const [x, id] of constraintAt) if (id) out.get(find(id))?.constraints.push(x);
  return [...out.values()];
}
