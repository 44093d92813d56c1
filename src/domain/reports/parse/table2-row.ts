// One table-二 row → its possible readings. Table 二 has no sum rule, so glued digits or dropped
// empty cells can only be settled when a single reading is possible; otherwise every reading is
// listed (the 2021 single-number rows are always unique).
import type { Table2Kind } from '../table2-schema.js';
import type { CellValue } from '../types.js';
import type { Cell, Evidence } from './cells.js';

export type Table2Reading =
  { kind: 'read'; candidates: CellValue[][] } | { kind: 'missing' } | { kind: 'unreadable'; reason: string };

const LIMIT = 2000;

export function readTable2Row(ev: Evidence, kinds: readonly Table2Kind[]): Table2Reading {
  const n = kinds.length;
  const items = ev.items;
  const present = items.filter((c) => c.kind !== 'empty');
  if (present.length === 0) {
    return ev.atEnd
      ? { kind: 'missing' }
      : { kind: 'read', candidates: [blank(n).map((c, i) => convert(c, kinds[i] as Table2Kind))] };
  }
  if (ev.mode === 'cells') return readPositional(ev, kinds);
  if (items.length === n)
    return { kind: 'read', candidates: [items.map((c, i) => convert(c, kinds[i] as Table2Kind))] };
  if (present.length > n) return { kind: 'unreadable', reason: '数字多于栏目数' };
  const glued = present.length === 1 && n > 1 ? splitKinds(cellText(present[0] as Cell), kinds) : [];
  const candidates = glued.length > 0 ? glued : placements(present, kinds);
  return candidates.length > 0 ? { kind: 'read', candidates } : { kind: 'unreadable', reason: '无法拆分' };
}

const blank = (n: number): Cell[] => Array.from({ length: n }, () => ({ kind: 'empty' }) as const);

function readPositional(ev: Evidence, kinds: readonly Table2Kind[]): Table2Reading {
  const n = kinds.length;
  let cells = ev.items;
  let last = cells.length - 1;
  while (last >= 0 && cells[last]?.kind === 'empty') last--;
  // Empty cells before the numbers come from column spans; trailing ones from wider grids.
  while (last >= n && cells[0]?.kind === 'empty') {
    cells = cells.slice(1);
    last--;
  }
  if (last >= n) return { kind: 'unreadable', reason: '数字多于栏目数' };
  if (cells.length < n && ev.atEnd) return { kind: 'missing' };
  const row = [...cells.slice(0, n), ...blank(Math.max(0, n - cells.length))];
  return { kind: 'read', candidates: [row.map((c, i) => convert(c, kinds[i] as Table2Kind))] };
}

function cellText(c: Cell): string {
  return c.kind === 'empty' ? '' : c.text;
}

/** A printed cell as the value of its column: amounts as printed, blanks as 0. */
export function convert(cell: Cell, kind: Table2Kind): CellValue {
  if (cell.kind === 'empty') return kind === 'amountText' ? null : 0;
  if (cell.kind === 'bad') return null;
  if (kind === 'amountText') return cell.text;
  if (cell.kind === 'amount') return kind === 'amountWan' && /万元$/.test(cell.text) ? cell.value : null;
  return cell.value;
}

const PART: Record<Table2Kind, RegExp> = {
  count: /^(?:0|[1-9]\d*)$/,
  delta: /^-?(?:0|[1-9]\d*)$/,
  amountWan: /^(?:0|[1-9]\d*)(?:\.\d+)?(?:万元)?$/,
  amountText: /^(?:0|[1-9]\d*)(?:\.\d+)?(?:万元|亿元|元)?$/,
};

function partValue(text: string, kind: Table2Kind): CellValue {
  if (kind === 'amountText') return text;
  return Number(text.replace(/万元$/, ''));
}

/** Every way to cut glued text into one valid part per column. */
export function splitKinds(text: string, kinds: readonly Table2Kind[]): CellValue[][] {
  const out: CellValue[][] = [];
  const acc: CellValue[] = [];
  const visit = (pos: number, i: number): void => {
    if (out.length >= LIMIT) return;
    if (i === kinds.length) {
      if (pos === text.length) out.push([...acc]);
      return;
    }
    const kind = kinds[i] as Table2Kind;
    const maxEnd = text.length - (kinds.length - 1 - i);
    for (let end = pos + 1; end <= maxEnd; end++) {
      const part = text.slice(pos, end);
      if (!PART[kind].test(part)) continue;
      acc.push(partValue(part, kind));
      visit(end, i + 1);
      acc.pop();
    }
  };
  visit(0, 0);
  return out;
}

/** Numbers whose empty cells were left out: every order-preserving choice of columns. */
function placements(present: readonly Cell[], kinds: readonly Table2Kind[]): CellValue[][] {
  const out: CellValue[][] = [];
  const choose = (start: number, taken: number[]): void => {
    if (taken.length === present.length) {
      const row = kinds.map((kind, col) => {
        const at = taken.indexOf(col);
        return at < 0 ? convert({ kind: 'empty' }, kind) : convert(present[at] as Cell, kind);
      });
      out.push(row);
      return;
    }
    for (let col = start; col < kinds.length; col++) choose(col + 1, [...taken, col]);
  };
  choose(0, []);
  return out;
}
