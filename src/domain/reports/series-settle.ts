// Settling a series of years: each report is re-settled with the constraints its neighbours give
// (series.ts) until nothing changes, then C1–C3 are checked between consecutive years. The reading
// is done by `resettle` — in process (series-check.ts) or in a reader worker (the use case) — so
// this loop stays pure apart from what it is handed.
import { checkAgainstPrevious } from './check-cross.js';
import { sortViolations } from './check.js';
import { constraintSide } from './parse/quoted-figures.js';
import { neighbourConstraints, seriesGroups } from './series.js';
import { suspectCells } from './suspects.js';
import type { CellConstraint, ParsedReport } from './types.js';
import { verdictOf } from './verdict.js';

/** Re-settles member `i` (its position in the series) with these constraints from its neighbours. */
export type Resettle<R extends ParsedReport> = (i: number, constraints: CellConstraint[]) => Promise<R>;

/** Rounds at most: each round can only settle cells, so a series of n years needs about n. */
const MAX_ROUNDS = 6;

const constraintKey = (c: CellConstraint): string => JSON.stringify([c.plus, c.minus, c.value, c.basis]);

/**
 * The members of one series, in year order, each settled with every constraint its neighbours
 * give on a cell it leaves open, and with the C1–C3 findings against the year before.
 */
export async function settleSeries<R extends ParsedReport>(
  members: readonly R[],
  resettle: Resettle<R>,
): Promise<R[]> {
  const current = [...members];
  // Constraints once applied stay applied: a cell they settled must not come undone next round.
  const applied = members.map(() => new Map<string, CellConstraint>());
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const changed: number[] = [];
    current.forEach((r, i) => {
      if (r.status === 'unreadable') return;
      const given = neighbourConstraints(r, neighbour(current, i - 1), neighbour(current, i + 1));
      const fresh = given.filter((c) => constraintSide(r, c) === null && !applied[i]?.has(constraintKey(c)));
      if (fresh.length === 0) return;
      for (const c of fresh) applied[i]?.set(constraintKey(c), c);
      changed.push(i);
    });
    if (changed.length === 0) break;
    const settled = await Promise.all(changed.map((i) => resettle(i, [...(applied[i]?.values() ?? [])])));
    changed.forEach((i, k) => (current[i] = settled[k] as R));
  }
  return current.map((r, i) => withCrossFindings(r, neighbour(current, i - 1)));
}

function neighbour<R extends ParsedReport>(list: readonly R[], i: number): R | null {
  const r = list[i];
  return r && r.status !== 'unreadable' ? r : null;
}

/** C1–C3 against the year before (warnings: the status stays, the verdict counts them). */
export function withCrossFindings<R extends ParsedReport>(r: R, previous: ParsedReport | null): R {
  if (!previous || r.status === 'unreadable' || r.year === null || previous.year !== r.year - 1) return r;
  const found = checkAgainstPrevious(r, previous);
  if (found.length === 0) return r;
  const violations = sortViolations([...r.violations, ...found]);
  const suspects = suspectCells({ ...r, violations });
  return { ...r, violations, suspects, verdict: verdictOf({ ...r, violations, suspects }) };
}

/** Where a report stands in its series (indexes into the reports given to checkSeriesOf). */
export interface SeriesPlace {
  agency: string | null;
  /** The years of the series, in order. */
  years: number[];
  previous: number | null;
  next: number | null;
}

/**
 * Every series among `reports` (see seriesGroups) settled; each report's place in its series, or
 * null for a report in none. `resettle(i, constraints)` re-reads report `i` of `reports`.
 */
export async function checkSeriesOf<R extends ParsedReport>(
  reports: readonly R[],
  force: boolean,
  resettle: Resettle<R>,
): Promise<{ reports: R[]; places: (SeriesPlace | null)[] }> {
  const out = [...reports];
  const places: (SeriesPlace | null)[] = reports.map(() => null);
  for (const group of seriesGroups(reports, force)) {
    const members = group.map((i) => reports[i] as R);
    const settled = await settleSeries(members, (k, cs) => resettle(group[k] as number, cs));
    const years = members.map((m) => m.year as number);
    const agencies = new Set(members.map((m) => m.agency));
    const agency = agencies.size === 1 ? (members[0]?.agency ?? null) : null;
    group.forEach((i, k) => {
      out[i] = settled[k] as R;
      places[i] = {
        agency,
        years,
        previous: k > 0 ? (group[k - 1] as number) : null,
        next: k + 1 < group.length ? (group[k + 1] as number) : null,
      };
    });
  }
  return { reports: out, places };
}
