// Empty cells of PDF tables (issue 11). A blank cell has no text, so "予以公开 | 5 | 3 | 8" does not
// say which columns 5 and 3 are in. Their x-positions do: within a table (a run of lines between
// header rows), the cells of one column overlap horizontally and cells of two columns do not. The
// columns are the merged x-intervals of every figure in the table, plus header words standing
// over no figure at all (a column empty in every row); each row is then printed with one cell per
// column, an empty piece between pipes for a blank cell ("予以公开 | 5 |  | 3 | 8 |"), as HTML tables
// with &nbsp; cells already are. A row whose figures do not fall one per column is left as it was.
import type { PdfTextItem } from './pdf.js';

export type Line = PdfTextItem[];

/** A figure, an amount with its unit, or a mark printed in a cell with nothing to report. */
const VALUE = /^(?:[-−]?\d[\d,]*(?:\.\d+)?\s*(?:万元|亿元|元|%)?|-|—|——|\/)$/;

export const isValue = (item: PdfTextItem): boolean => VALUE.test(item.str.trim());

/** The figures a line ends with (after its label), or [] when text follows a figure. */
function valuesOf(line: Line): Line {
  let first = line.length;
  while (first > 0 && isValue(line[first - 1] as PdfTextItem)) first--;
  return line.slice(first);
}

export interface Column {
  left: number;
  right: number;
}

/** A row label's numbering: 「（一）」「1.」「一、」. */
const NUMBERED = /^\s*(?:[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、]|[一二三四五六七八九十]+、)/;

/**
 * Header lines (three or more cells, no figure, none a numbered row label — a row whose cells are
 * all blank is not a header; OCR splits a group label 「三、本年度办理结果」 in two) and the end of
 * the page separate tables.
 */
function isHeader(line: Line): boolean {
  return (
    line.length >= 3 &&
    !line.some(isValue) &&
    !line.some((w) => NUMBERED.test(w.str)) &&
    headerCells(line).length >= 3
  );
}

/**
 * For each line, its text with one cell per column, or null to print it as it is. `carried`: the
 * columns of the last table of the page before, for a table that goes on at the top of this page
 * without its header; `columns` comes back for the next page.
 */
export function placeColumns(
  lines: readonly Line[],
  carried: Column[] = [],
): { texts: (string | null)[]; columns: Column[] } {
  const texts: (string | null)[] = lines.map(() => null);
  let columns: Column[] = [];
  let start = 0;
  while (start < lines.length) {
    let end = start;
    while (end < lines.length && !isHeader(lines[end] as Line)) end++;
    const headers = headersAbove(lines, start);
    const found = placeBlock(lines, headers, start === 0 ? carried : [], start, end, texts);
    if (found.length >= 2) columns = found;
    start = end + 1;
  }
  return { texts, columns };
}

/** Lines without figures, up to four, right above the table and before its first row: its header. */
function headersAbove(lines: readonly Line[], at: number): Line[] {
  const out: Line[] = [];
  for (let i = at - 1; i >= 0 && out.length < 4 && !lines[i]?.some(isValue); i--) out.push(lines[i] as Line);
  for (let i = at; i < lines.length && !lines[i]?.some(isValue); i++) out.push(lines[i] as Line);
  return out;
}

function placeBlock(
  lines: readonly Line[],
  headers: Line[],
  carried: Column[],
  start: number,
  end: number,
  out: (string | null)[],
): Column[] {
  // A lone figure without a label (a page number) is no table row.
  const rows = lines.slice(start, end).map((l) => {
    const values = valuesOf(l);
    return values.length === 1 && l.length === 1 ? [] : values;
  });
  const figures = rows.flat();
  if (figures.length === 0) return [];
  const columns = mergeIntervals(figures.map((f) => ({ left: f.x, right: f.x + f.width })));
  // Row labels end where the columns begin: header words left of that are not columns.
  let labelRight = -Infinity;
  lines.slice(start, end).forEach((line, i) => {
    const n = (rows[i] as Line).length;
    if (n === 0) return;
    for (const t of line.slice(0, line.length - n)) labelRight = Math.max(labelRight, t.x + t.width);
  });
  const extra = [...carried, ...headers.flatMap(headerCells)];
  for (const c of extra) {
    const centre = (c.left + c.right) / 2;
    if (centre <= labelRight) continue;
    if (!columns.some((k) => overlaps(k, c.left, c.right))) columns.push({ left: c.left, right: c.right });
  }
  columns.sort((a, b) => a.left - b.left);
  if (columns.length < 2) return columns;
  const placed = rows.map((values) => (values.length === 0 ? null : assign(values, columns)));
  // Every row of a table ends in its last column (its 总计 or 现行有效件数): rows that end in
  // different columns are not one grid (cells merely spaced out), and are left as printed.
  if (placed.some((cells) => cells !== null && cells[cells.length - 1] === '')) return [];
  rows.forEach((values, i) => {
    const cells = placed[i];
    if (!cells) return;
    const line = lines[start + i] as Line;
    const label = line.slice(0, line.length - values.length);
    const text = label.length > 0 ? joinWords(label) : '';
    out[start + i] = `${text}${text ? ' ' : ''}| ${cells.join(' | ')} |`;
  });
  return columns;
}

/** A header line's cells: words closer than a character belong to one cell (OCR splits words). */
function headerCells(line: Line): Column[] {
  const cells: Column[] = [];
  for (const w of line) {
    const last = cells[cells.length - 1];
    if (last && w.x - last.right <= w.size) last.right = Math.max(last.right, w.x + w.width);
    else cells.push({ left: w.x, right: w.x + w.width });
  }
  return cells;
}

const overlaps = (c: Column, left: number, right: number) => left < c.right && right > c.left;

function mergeIntervals(spans: Column[]): Column[] {
  const sorted = [...spans].sort((a, b) => a.left - b.left);
  const out: Column[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.left < last.right) last.right = Math.max(last.right, s.right);
    else out.push({ ...s });
  }
  return out;
}

/** Each figure into the column it overlaps most; null when two share one or one fits none. */
function assign(values: Line, columns: Column[]): string[] | null {
  const cells = columns.map(() => '');
  const used = new Set<number>();
  for (const v of values) {
    let best = -1;
    let bestOverlap = 0;
    columns.forEach((c, i) => {
      const o = Math.min(c.right, v.x + v.width) - Math.max(c.left, v.x);
      if (o > bestOverlap) [best, bestOverlap] = [i, o];
    });
    if (best < 0 || used.has(best)) return null;
    used.add(best);
    cells[best] = v.str.trim();
  }
  return cells;
}

/** Words of one line: a gap wider than a character separates two cells, a smaller one is a word. */
export function joinWords(words: readonly PdfTextItem[]): string {
  let out = '';
  let end = -Infinity;
  for (const w of words) {
    out += out === '' ? w.str : w.x - end > w.size ? ` | ${w.str}` : w.str;
    end = w.x + w.width;
  }
  return out;
}
