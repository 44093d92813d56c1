// Every reading of a row whose cell boundaries were lost, constrained by its own sum rule.
//
// A row is a list of groups; the last cell of each group is the sum of the others (table 三:
// one group of 6 + 总计, rule B2; table 四: three groups of 4 + 总计, rule B3). The input is
// either a run of digits ("104355812421133": cells glued together) or a list of numbers whose
// empty cells were dropped ("243 10 1 7 261"): in both, parts are read left to right, and with
// `allowEmpty` a cell may also be an empty (0) cell that consumed nothing.

export interface PartSource {
  length: number;
  /** Every way to read one part at pos: [value, next position]. Shorter parts first. */
  parts(pos: number): [number, number][];
  /** Where a part equal to value ends if it starts at pos, else -1. */
  exact(pos: number, value: number): number;
  /** The fewest units a part of this value takes. */
  unitsFor(value: number): number;
  /** Each part is exactly one unit (a token), so a slot takes at most one. */
  atomic: boolean;
}

/** Digits glued together; a part has no leading zero unless it is "0". */
export function digitSource(s: string): PartSource {
  return {
    length: s.length,
    parts(pos) {
      const out: [number, number][] = [];
      if (s[pos] === '0') return pos < s.length ? [[0, pos + 1]] : [];
      for (let end = pos + 1; end <= s.length && end - pos <= 15; end++)
        out.push([Number(s.slice(pos, end)), end]);
      return out;
    },
    exact(pos, value) {
      const t = String(value);
      return s.startsWith(t, pos) ? pos + t.length : -1;
    },
    unitsFor: (value) => String(value).length,
    atomic: false,
  };
}

/** Separate numbers whose empty cells were left out. */
export function tokenSource(values: readonly number[]): PartSource {
  return {
    length: values.length,
    parts: (pos) => (pos < values.length ? [[values[pos] as number, pos + 1]] : []),
    exact: (pos, value) => (values[pos] === value ? pos + 1 : -1),
    unitsFor: () => 1,
    atomic: true,
  };
}

export interface SplitOptions {
  /** Group sizes, e.g. [7] for a table-三 row, [5, 5, 5] for table 四. */
  groups: readonly number[];
  allowEmpty: boolean;
  /** Stop after this many readings. */
  limit: number;
}

export interface SplitResult {
  readings: number[][];
  /** True when the search gave up (too many readings or steps): `readings` is then partial. */
  overflow: boolean;
}

const MAX_STEPS = 200_000;

export function splitIntoGroups(src: PartSource, opts: SplitOptions): SplitResult {
  const readings: number[][] = [];
  const acc: number[] = [];
  let steps = 0;
  let overflow = false;
  const laterSlots = opts.groups.map((_, g) => opts.groups.slice(g + 1).reduce((a, b) => a + b, 0));

  /** A lower bound on the units still needed after reaching (g, slot) with `partial`. */
  const needed = (g: number, slot: number, partial: number): number => {
    const size = opts.groups[g] as number;
    if (opts.allowEmpty) return partial > 0 ? src.unitsFor(partial) : 0;
    return size - 1 - slot + src.unitsFor(partial) + (laterSlots[g] as number);
  };

  const visit = (pos: number, g: number, slot: number, partial: number): void => {
    if (overflow) return;
    if (++steps > MAX_STEPS || readings.length >= opts.limit) {
      overflow = true;
      return;
    }
    if (g === opts.groups.length) {
      if (pos === src.length) readings.push([...acc]);
      return;
    }
    const size = opts.groups[g] as number;
    if (opts.allowEmpty && src.length - pos > slotsLeft(g, slot)) return;
    if (slot === size - 1) {
      closeGroup(pos, g, partial);
      return;
    }
    if (opts.allowEmpty) descend(0, pos, g, slot, partial);
    for (const [value, next] of src.parts(pos)) {
      if (next + needed(g, slot + 1, partial + value) > src.length) break;
      descend(value, next, g, slot, partial);
    }
  };

  const slotsLeft = (g: number, slot: number): number =>
    src.atomic ? (opts.groups[g] as number) - slot + (laterSlots[g] as number) : Infinity;

  const descend = (value: number, next: number, g: number, slot: number, partial: number): void => {
    acc.push(value);
    visit(next, g, slot + 1, partial + value);
    acc.pop();
  };

  const closeGroup = (pos: number, g: number, partial: number): void => {
    if (opts.allowEmpty && partial === 0) {
      acc.push(0);
      visit(pos, g + 1, 0, 0);
      acc.pop();
    }
    const next = src.exact(pos, partial);
    if (next < 0) return;
    acc.push(partial);
    visit(next, g + 1, 0, 0);
    acc.pop();
  };

  visit(0, 0, 0, 0);
  return { readings: dedupe(readings), overflow };
}

function dedupe(readings: number[][]): number[][] {
  const seen = new Set<string>();
  return readings.filter((r) => {
    const key = r.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
