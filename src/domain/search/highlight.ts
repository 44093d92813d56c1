// Highlights for search results: the title and a snippet of the body as HTML in which everything is
// escaped except the <mark> tags put around the words searched for. Words are matched as text
// (case-insensitive for Latin letters); a 文号 is matched in any of the forms people type
// (苏府[2020]12号 marks 苏府〔2020〕12号 and the reverse).
import type { DocNumber } from '../documents/doc-number.js';

export function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A 文号 in any bracket, digit width, spacing, with or without 第 and leading zeros. */
function docNumberPattern(d: DocNumber): string {
  const digits = (n: number) =>
    [...String(n)].map((c) => `[${c}${String.fromCharCode(0xff10 + Number(c))}]`).join('');
  const s = '[\\s\\u3000]*';
  return (
    `${escapeRegExp(d.prefix)}${s}[〔［\\[（(【﹝〈《<〘]${s}${digits(d.year)}${s}年?${s}` +
    `[〕］\\]）)】﹞〉》>〙]${s}第?${s}[0０]*${digits(d.serial)}${s}号`
  );
}

export interface Highlighter {
  /** The whole text, escaped, with the words marked. */
  full(text: string): string;
  /** About `length` characters around the best-matching place, escaped, marked, with … at cuts. */
  snippet(text: string, length?: number): string;
}

const DEFAULT_SNIPPET_LENGTH = 120;

/**
 * A highlighter for the words of a query. Single-character words are marked only when the query has
 * nothing longer (号 or 的 would otherwise be marked everywhere).
 */
export function highlighter(words: readonly string[], docNumber: DocNumber | null = null): Highlighter {
  const longer = words.filter((w) => w.length > 1);
  const chosen = [...new Set(longer.length > 0 ? longer : words)].filter((w) => w !== '');
  chosen.sort((a, b) => b.length - a.length);
  const patterns = [...(docNumber ? [docNumberPattern(docNumber)] : []), ...chosen.map(escapeRegExp)];
  const re = patterns.length > 0 ? new RegExp(patterns.join('|'), 'giu') : null;

  const ranges = (text: string): [number, number][] => {
    if (!re) return [];
    const out: [number, number][] = [];
    for (const m of text.matchAll(re)) if (m[0].length > 0) out.push([m.index, m.index + m[0].length]);
    return out;
  };

  const render = (text: string, from: number, to: number, marks: [number, number][]): string => {
    let html = '';
    let at = from;
    for (const [a, b] of marks) {
      if (b <= from || a >= to) continue;
      const s = Math.max(a, from);
      const e = Math.min(b, to);
      html += escapeHtml(text.slice(at, s)) + `<mark>${escapeHtml(text.slice(s, e))}</mark>`;
      at = e;
    }
    return html + escapeHtml(text.slice(at, to));
  };

  return {
    full(text) {
      return render(text, 0, text.length, ranges(text));
    },
    snippet(raw, length = DEFAULT_SNIPPET_LENGTH) {
      const text = raw.replace(/\s+/g, ' ').trim();
      const marks = ranges(text);
      if (text.length <= length) return render(text, 0, text.length, marks);
      // The window holding the most distinct matched words; ties go to the earliest.
      let start = 0;
      let best = -1;
      for (const [a] of marks) {
        const from = Math.max(0, a - Math.floor(length / 4));
        const seen = new Set<string>();
        for (const [x, y] of marks) {
          if (x >= from && y <= from + length) seen.add(text.slice(x, y).toLowerCase());
        }
        if (seen.size > best) {
          best = seen.size;
          start = from;
        }
      }
      start = Math.min(start, Math.max(0, text.length - length));
      const end = Math.min(text.length, start + length);
      return (start > 0 ? '…' : '') + render(text, start, end, marks) + (end < text.length ? '…' : '');
    },
  };
}
