// One table-三 row or the table-四 row: evidence → every reading of its cells that is possible.
import type { Cell, Evidence } from './cells.js';
import { digitSource, splitIntoGroups, tokenSource, type PartSource } from './splits.js';

export type Cells = (number | null)[];

export type RowReading =
  | {
      kind: 'read';
      candidates: Cells[];
      /** The cells were recovered by splitting with the row's own sums (digits run together, empty cells left out). */
      split?: boolean;
      /**
       * Readings that ignore the whitespace inside the run of digits (issue 11 item 1): tried only when
       * the readings that respect it satisfy no rule. Computed on demand.
       */
      loose?: () => Cells[];
    }
  /** Nothing to read because the text stops here (cut off). */
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string };

const sum = (a: number, b: number) => a + b;
const zeros = (n: number): Cells => Array.from({ length: n }, () => 0);
const CANDIDATE_LIMIT = 5000;

export function readRow(ev: Evidence, groups: readonly number[]): RowReading {
  const n = groups.reduce(sum, 0);
  if (ev.mode === 'cells') return readCells(ev, groups, n);
  return readTokens(ev, groups, n);
}

/** Positional cells → numbers; an empty 总计 is null when its group has something to add up. */
export function toVector(cells: readonly Cell[], groups: readonly number[]): Cells {
  const out: Cells = [];
  let at = 0;
  for (const size of groups) {
    const group = cells.slice(at, at + size);
    const parts = group.slice(0, size - 1).map(cellNumber);
    const total = group[size - 1];
    const partsSum = parts.some((p) => p === null) ? null : (parts as number[]).reduce(sum, 0);
    const blankTotal = !total || total.kind === 'empty';
    out.push(...parts, blankTotal ? (partsSum === 0 ? 0 : null) : cellNumber(total));
    at += size;
  }
  return out;
}

function cellNumber(cell: Cell | undefined): number | null {
  if (!cell || cell.kind === 'empty') return 0;
  return cell.kind === 'number' ? cell.value : null;
}

/** True when every group whose cells are all known adds up. */
export function groupsAddUp(cells: Cells, groups: readonly number[]): boolean {
  let at = 0;
  for (const size of groups) {
    const group = cells.slice(at, at + size);
    at += size;
    if (group.some((c) => c === null)) continue;
    const parts = (group.slice(0, size - 1) as number[]).reduce(sum, 0);
    if (parts !== group[size - 1]) return false;
  }
  return true;
}

function readCells(ev: Evidence, groups: readonly number[], n: number): RowReading {
  const items = ev.items;
  const last = findLastIndex(items, (c) => c.kind !== 'empty');
  if (last < 0)
    return ev.atEnd && items.length < n ? { kind: 'missing' } : { kind: 'read', candidates: [zeros(n)] };
  const leading = items.findIndex((c) => c.kind !== 'empty');
  // Header spans leave empty cells before the numbers; drop as many as needed to fit n cells,
  // and try dropping more only where the row is long enough (a blank last 总计).
  const options: { drop: number; cells: Cells }[] = [];
  for (let drop = Math.max(0, last - n + 1); drop <= leading; drop++) {
    const cells = items.slice(drop);
    if (cells.length < n && (drop > 0 || ev.atEnd)) continue;
    if (cells.length < n) return readTokens({ ...ev, mode: 'tokens' }, groups, n);
    options.push({ drop, cells: toVector(cells.slice(0, n), groups) });
  }
  if (options.length === 0) return last - leading >= n ? tooMany() : { kind: 'missing' };
  // Best: an alignment whose every group adds up with its 总计 printed; then one that adds up as
  // far as it can be checked; else the least shifted one, so a real error stays visible.
  const checked = options.filter((o) => o.cells.every((c) => c !== null) && groupsAddUp(o.cells, groups));
  const consistent = checked.length > 0 ? checked : options.filter((o) => groupsAddUp(o.cells, groups));
  // Of several, the one ending with the last printed cell is the row: extra empty cells come
  // from the spans of header cells above it (table 四), not after it.
  const flush = consistent.filter((o) => items.length - o.drop === n);
  const chosen =
    consistent.length > 1 && flush.length === 1
      ? flush
      : consistent.length > 0
        ? consistent
        : options.slice(0, 1);
  return { kind: 'read', candidates: distinct(chosen.map((o) => o.cells)) };
}

function readTokens(ev: Evidence, groups: readonly number[], n: number): RowReading {
  if (ev.items.length === n) return positional(ev.items, groups);
  const present = ev.items.filter((c) => c.kind !== 'empty');
  if (present.length === 0) return ev.atEnd ? { kind: 'missing' } : { kind: 'read', candidates: [zeros(n)] };
  if (present.some((c) => c.kind !== 'number' || !Number.isInteger(c.value) || c.value < 0)) {
    return { kind: 'unreadable', reason: `无法识别：${present.map(cellText).join(' ')}` };
  }
  if (present.length > n) return moreThanCells(present, groups);
  const values = present.map((c) => (c as { value: number }).value);
  const glued = present.length === 1 && n > 1 ? (present[0] as { text: string }).text : null;
  let result =
    glued !== null && /^\d+$/.test(glued)
      ? splitGlued(glued, groups)
      : split(tokenSource(values), groups, true);
  // Whitespace inside a run of digits is evidence, not law: when no split that respects it
  // satisfies the row's sums, the run is read as one (「230 000023」 → 23|0|0|0|0|0|23).
  const joined = glued === null ? joinedDigits(present) : null;
  if (!result.overflow && result.readings.length === 0 && joined !== null)
    result = splitGlued(joined, groups);
  if (result.overflow) return { kind: 'unreadable', reason: '数字连在一起，可能的拆分过多，无法确定' };
  if (result.readings.length === 0) {
    return ev.atEnd
      ? { kind: 'missing' }
      : { kind: 'unreadable', reason: `无法按合计关系拆分：${present.map(cellText).join(' ')}` };
  }
  const loose = joined === null ? undefined : () => looseReadings(joined, groups);
  return { kind: 'read', candidates: result.readings, split: true, ...(loose ? { loose } : {}) };
}

/**
 * As many numbers as cells: read in place. Readings that ignore the whitespace are offered to
 * the settling step, which tries them only when the rules do not all hold otherwise.
 */
function positional(items: readonly Cell[], groups: readonly number[]): RowReading {
  const vector = toVector(items, groups);
  const joined = joinedDigits(items);
  if (joined === null) return { kind: 'read', candidates: [vector] };
  return { kind: 'read', candidates: [vector], loose: () => looseReadings(joined, groups) };
}

/** More numbers than cells: a space fell inside a number (「1 1 0 0 0 0 0 11」 for 11|0|…|11). */
function moreThanCells(present: readonly Cell[], groups: readonly number[]): RowReading {
  const joined = joinedDigits(present);
  const readings = joined === null ? [] : looseReadings(joined, groups);
  return readings.length > 0 ? { kind: 'read', candidates: readings, split: true } : tooMany();
}

/** The digits of several tokens as one run, when every token is plain digits. */
function joinedDigits(present: readonly Cell[]): string | null {
  if (present.length < 2) return null;
  const texts = present.map(cellText);
  return texts.every((t) => /^\d+$/.test(t)) ? texts.join('') : null;
}

function looseReadings(digits: string, groups: readonly number[]): Cells[] {
  const result = splitGlued(digits, groups);
  return result.overflow ? [] : result.readings;
}

/** Glued digits: every cell printed (zeros too) is tried first, then empty cells left out. */
function splitGlued(digits: string, groups: readonly number[]) {
  const full = split(digitSource(digits), groups, false);
  return full.readings.length > 0 || full.overflow ? full : split(digitSource(digits), groups, true);
}

function split(src: PartSource, groups: readonly number[], allowEmpty: boolean) {
  return splitIntoGroups(src, { groups, allowEmpty, limit: CANDIDATE_LIMIT });
}

const tooMany = (): RowReading => ({ kind: 'unreadable', reason: '数字多于栏目数' });

function cellText(c: Cell): string {
  return c.kind === 'empty' ? '' : c.text;
}

function findLastIndex<T>(items: readonly T[], pred: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (pred(items[i] as T)) return i;
  return -1;
}

export function distinct(vectors: Cells[]): Cells[] {
  const seen = new Set<string>();
  return vectors.filter((v) => {
    const key = v.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
