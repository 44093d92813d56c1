// Loose label matching (issue 11): a label with characters missing or misread (「其他法律行政止公开」
// for 「其他法律行政法规禁止公开」, OCR's 「请期不补正」 for 「逾期不补正」) is still recognised — but only
// where that row is expected: between the labels found before and after it in the sequence, as a
// run of label text (no figures) whose best common subsequence with the label covers most of it.
// The span says what was printed (`loose`), and the report lists it, so that nobody takes a loose
// match for an exact one.
import type { LabelSpec } from './locate.js';
import type { Doc, Span } from './normalize.js';

/** Share of the label's characters that must be found, in order, in the printed run. */
const MIN_SHARE = 0.7;
/** Shorter labels (「其他」) are too easily found by chance. */
const MIN_KEY = 4;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** Length of the longest common subsequence of a and b. */
export function commonLength(a: string, b: string): number {
  let prev = new Uint16Array(b.length + 1);
  let row = new Uint16Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      row[j] =
        a[i - 1] === b[j - 1]
          ? (prev[j - 1] as number) + 1
          : Math.max(prev[j] as number, row[j - 1] as number);
    }
    [prev, row] = [row, prev];
  }
  return prev[b.length] as number;
}

/** Runs of key characters without digits in [kFrom, kTo): the label texts printed there. */
function runs(key: string, kFrom: number, kTo: number): { k: number; length: number }[] {
  const out: { k: number; length: number }[] = [];
  let start = -1;
  for (let k = kFrom; k <= kTo; k++) {
    const text = k < kTo && !isDigit(key.charCodeAt(k));
    if (text && start < 0) start = k;
    if (!text && start >= 0) {
      out.push({ k: start, length: k - start });
      start = -1;
    }
  }
  return out;
}

/**
 * The best loose match of `spec` in the text range [from, to), or null. `others`: the keys of the
 * table's other labels — a run holding one of them is that row, not this one.
 */
export function findLoose(
  doc: Doc,
  spec: LabelSpec,
  from: number,
  to: number,
  others: readonly string[],
): Span | null {
  const kFrom = doc.keyAt[from] as number;
  const kTo = doc.keyAt[to] as number;
  const keys = spec.fallback.filter((k) => k.length >= MIN_KEY);
  if (keys.length === 0 || kTo <= kFrom) return null;
  let best: { k: number; length: number; score: number } | null = null;
  for (const run of runs(doc.key, kFrom, kTo)) {
    const text = doc.key.slice(run.k, run.k + run.length);
    if (others.some((o) => o.length >= MIN_KEY && text.includes(o))) continue;
    for (const key of keys) {
      // The label starts the run (after a numbering of up to three characters); its tail is free.
      const head = text.slice(0, key.length + 3);
      const common = commonLength(head, key);
      const score = common / key.length;
      if (score < MIN_SHARE || common < MIN_KEY) continue;
      if (!best || score > best.score) best = { k: run.k, length: Math.min(run.length, head.length), score };
    }
  }
  if (!best) return null;
  const runStart = doc.pos[best.k] as number;
  const end = (doc.pos[best.k + best.length - 1] as number) + 1;
  // The row's numbering 「2.」「（三）」 before the words belongs to the label, not to the cells before it.
  const numbering = NUMBERING_BEFORE.exec(doc.text.slice(Math.max(from, runStart - 8), runStart));
  const start = runStart - (numbering?.[0].length ?? 0);
  return { start, end, loose: doc.text.slice(start, end).replace(/\s+/g, '') };
}

const NUMBERING_BEFORE =
  /(?:\d{1,2}\s*[.．、]|[（(][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}、)\s*$/;
