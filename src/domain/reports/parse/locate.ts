// Finding the row labels of a table, in print order, and the part of the text each table takes.
import { findLoose } from './label-match.js';
import { findFirst, findLast, toKey, type Doc, type Span } from './normalize.js';

export interface LabelSpec {
  /** Keys with the numbering (「（一）」 → 「一」): tried first, they also cut glued digits right. */
  keys: string[];
  /** Keys without the numbering, for pages that number rows differently or not at all. */
  fallback: string[];
}

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;
/** Long labels are matched on their start: the rest varies between sites and is skipped. */
const PREFIX = 12;

function splitLabel(label: string): { numbering: string; core: string } {
  const numbering = NUMBERING.exec(label)?.[0] ?? '';
  const core = label.slice(numbering.length).replace(/[（(][^（()）]*[）)]$/, '');
  return { numbering, core };
}

export function labelSpec(
  label: string,
  alternates: readonly string[] = [],
  extraFallback: readonly string[] = [],
): LabelSpec {
  const keys = new Set<string>();
  const fallback = new Set<string>();
  for (const form of [label, ...alternates]) {
    const { numbering, core } = splitLabel(form);
    const coreKey = toKey(core).slice(0, PREFIX);
    if (numbering) keys.add(toKey(numbering) + coreKey);
    fallback.add(coreKey);
  }
  for (const extra of extraFallback) fallback.add(toKey(extra));
  return { keys: [...keys], fallback: [...fallback] };
}

export function findLabel(doc: Doc, spec: LabelSpec, from: number, to: number): Span | null {
  return findFirst(doc, spec.keys, from, to) ?? findFirst(doc, spec.fallback, from, to);
}

/** How many following labels are looked at to decide that a label is absent. */
const LOOKAHEAD = 3;

/**
 * Each label is searched after the previous one. A label whose first occurrence comes after one
 * of the next labels is taken as absent (its words occur later, in another row or section), so
 * the search does not jump over rows that are present. A label still absent is then matched
 * loosely where it is expected (its span carries `loose`, the printed text).
 */
export function locateSequence(
  doc: Doc,
  specs: readonly LabelSpec[],
  from: number,
  to: number,
): (Span | null)[] {
  const found: (Span | null)[] = [];
  let cursor = from;
  specs.forEach((spec, i) => {
    const span = findLabel(doc, spec, cursor, to);
    const overtaken =
      span &&
      specs.slice(i + 1, i + 1 + LOOKAHEAD).some((next) => {
        const other = findLabel(doc, next, cursor, to);
        return other !== null && other.start < span.start;
      });
    if (!span || overtaken) {
      found.push(null);
      return;
    }
    found.push(span);
    cursor = span.end;
  });
  return looseFill(doc, specs, found, from, to);
}

/**
 * Labels not found exactly are looked for loosely (label-match.ts), each between the labels found
 * before and after it, in print order.
 */
function looseFill(
  doc: Doc,
  specs: readonly LabelSpec[],
  found: (Span | null)[],
  from: number,
  to: number,
): (Span | null)[] {
  if (!found.includes(null)) return found;
  const all = specs.map((s) => [...s.keys, ...s.fallback]);
  let lo = from;
  found.forEach((span, i) => {
    if (span) return void (lo = span.end);
    const hi = found.slice(i + 1).find((s) => s !== null)?.start ?? to;
    const others = all.filter((_, j) => j !== i).flat();
    const loose = findLoose(doc, specs[i] as LabelSpec, lo, hi, others);
    if (!loose) return;
    found[i] = loose;
    lo = loose.end;
  });
  return found;
}

const keys = (...labels: string[]): string[] => labels.map(toKey);

export const HEADINGS = {
  table2: keys('主动公开政府信息情况'),
  table2Block: keys('第二十条第（一）项'),
  table3: keys('收到和处理政府信息公开申请情况'),
  table3First: keys('一、本年新收政府信息公开申请', '本年新收政府信息公开申请'),
  // Only the heading and the table's own header words: the overview often mentions 「行政复议、行政诉讼」.
  table4: keys('行政复议、行政诉讼情况', '行政法复议、行政诉讼情况', '被申请行政复议、提起行政诉讼的情况'),
  table4Header: keys('复议后起诉', '未经复议直接起诉'),
  afterTable4: keys('存在的主要问题', '存在问题', '主要问题及改进', '其他需要报告的事项'),
} as const;

export interface Region {
  start: number;
  end: number;
}

export interface Regions {
  table2: Region | null;
  table3: Region | null;
  table4: Region | null;
}

/**
 * Table 三 starts at its first row label; its heading is the last one before that label (a
 * heading can also be quoted in the overview). Table 二 ends there; table 四 follows table 三.
 */
export function locateRegions(doc: Doc): Regions {
  const size = doc.text.length;
  const firstRow = findFirst(doc, HEADINGS.table3First, 0, size);
  const head3 = firstRow
    ? findLast(doc, HEADINGS.table3, 0, firstRow.start)
    : findFirst(doc, HEADINGS.table3, 0, size);
  const t3Start = head3?.start ?? firstRow?.start ?? null;
  const t2End = t3Start ?? size;
  const head2 = findLast(doc, HEADINGS.table2, 0, t2End) ?? findFirst(doc, HEADINGS.table2Block, 0, t2End);
  const table2 = head2 ? { start: head2.end, end: t2End } : null;
  const after3 = t3Start ?? head2?.end ?? 0;
  const head4 =
    findFirst(doc, HEADINGS.table4, after3, size) ?? findFirst(doc, HEADINGS.table4Header, after3, size);
  const table3 = t3Start === null ? null : { start: t3Start, end: head4?.start ?? size };
  const table4 = head4
    ? { start: head4.start, end: findFirst(doc, HEADINGS.afterTable4, head4.end, size)?.start ?? size }
    : null;
  return { table2, table3, table4 };
}
