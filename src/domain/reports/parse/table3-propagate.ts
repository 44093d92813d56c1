// Before the joint search, each rule is looked at on its own: a reading of a row is dropped when
// no choice of readings of the other rows can satisfy that one equation (subset sums over the
// reachable totals). Repeated until nothing changes, this removes most impossible placements
// cheaply and keeps the joint search small.

/** Reachable-sum sets larger than this are not built; that equation is then left out. */
const MAX_SET = 1_500;

/**
 * contrib[row][reading][dim]: what choosing a reading adds to each equation; start[dim]: what the
 * settled rows add. Returns, per row, the indices of the readings that survive.
 */
export function propagate(contrib: number[][][], start: number[]): number[][] {
  let alive = contrib.map((readings) => readings.map((_, i) => i));
  for (let round = 0; round < 5; round++) {
    let changed = false;
    for (let d = 0; d < start.length; d++) {
      const next = pruneDimension(contrib, alive, d, -(start[d] as number));
      if (!next) continue;
      if (next.some((ids, r) => ids.length !== (alive[r] as number[]).length)) changed = true;
      alive = next;
    }
    if (!changed) break;
  }
  return alive;
}

function pruneDimension(
  contrib: number[][][],
  alive: number[][],
  d: number,
  target: number,
): number[][] | null {
  const values = alive.map((ids, r) => [
    ...new Set(ids.map((i) => (contrib[r] as number[][])[i]?.[d] as number)),
  ]);
  if (values.every((v) => v.length === 1)) return null;
  const prefix = reachable(values);
  const suffix = reachable([...values].reverse())?.reverse();
  if (!prefix || !suffix) return null;
  return alive.map((ids, r) => {
    const before = prefix[r] as Set<number>;
    const after = suffix[r + 1] as Set<number>;
    const ok = new Map<number, boolean>();
    return ids.filter((i) => {
      const x = (contrib[r] as number[][])[i]?.[d] as number;
      if (!ok.has(x))
        ok.set(
          x,
          [...before].some((p) => after.has(target - p - x)),
        );
      return ok.get(x) as boolean;
    });
  });
}

/** sets[i] = every sum of one value from each of the first i lists; null when too large. */
function reachable(values: number[][]): Set<number>[] | null {
  const sets: Set<number>[] = [new Set([0])];
  for (const options of values) {
    const next = new Set<number>();
    for (const p of sets[sets.length - 1] as Set<number>) for (const x of options) next.add(p + x);
    if (next.size > MAX_SET) return null;
    sets.push(next);
  }
  return sets;
}
