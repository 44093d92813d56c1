// Page furniture (issue 11): text copied from a PDF carries each page's number and running header
// or footer — 「- 3 -」, 「第 3 页」, 「第3页 共12页」, 「3/12」, the report's title repeated at the
// top of every page — and when a table crosses a page they land inside it, between a row label
// and its numbers, where they would end the row. Such lines are removed; only whole lines that
// can be nothing else (a figure alone on its line may be a cell, and stays).
const PAGE_NUMBER = [
  /^[-—–~]\s*\d{1,4}\s*[-—–~]$/,
  /^第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/,
  /^共\s*\d{1,4}\s*页\s*第\s*\d{1,4}\s*页$/,
  /^\d{1,4}\s*\/\s*\d{1,4}$/,
  /^page\s*\d{1,4}(?:\s*of\s*\d{1,4})?$/i,
];

/** A line's words without the cell separators and spaces that PDF readers add. */
const bare = (line: string) => line.replace(/[|\s]/g, '');

export function isPageNumber(line: string): boolean {
  const t = line.replace(/\|/g, ' ').trim();
  return t !== '' && t.length <= 24 && PAGE_NUMBER.some((p) => p.test(t));
}

/**
 * Removes page numbers, and the title line (the first line naming a 年度报告) where it comes back
 * further down — alone, or with a page number after it.
 */
export function stripFurniture(text: string): string {
  if (!text.includes('\n')) return text;
  const title = titleLine(text);
  // Most texts have neither: one scan of the text decides, and the lines are not split.
  if (!MAY_HAVE_NUMBER.test(text) && (title === null || !text.includes(title.raw, title.end))) return text;
  const lines = text.split('\n');
  const bareTitle = title ? bare(title.raw) : '';
  let seen = false;
  let changed = false;
  const kept = lines.filter((line) => {
    if (isPageNumber(line)) return !(changed = true);
    if (bareTitle.length >= 8 && line.includes('年度报告')) {
      const b = bare(line);
      const repeat = b === bareTitle || (b.startsWith(bareTitle) && isPageNumber(b.slice(bareTitle.length)));
      if (repeat && seen) return !(changed = true);
      if (repeat) seen = true;
    }
    return true;
  });
  return changed ? kept.join('\n') : text;
}

/** A page number could be in the text (the cheap test before the lines are looked at). */
const MAY_HAVE_NUMBER =
  /^[\s|]*(?:[-—–~]\s*\d{1,4}\s*[-—–~]|第\s*\d{1,4}\s*页|共\s*\d|\d{1,4}\s*\/\s*\d|page\s*\d)/im;

/** The first line naming a 年度报告 (the title), its words without the separators PDF readers add. */
function titleLine(text: string): { raw: string; end: number } | null {
  const at = text.indexOf('年度报告');
  if (at < 0) return null;
  const start = text.lastIndexOf('\n', at) + 1;
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  const raw = text.slice(start, end).replace(/^[\s|]+|[\s|]+$/g, '');
  return raw.length >= 8 ? { raw, end } : null;
}
