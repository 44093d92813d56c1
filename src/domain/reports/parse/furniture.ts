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
  const lines = text.split('\n');
  const titleAt = lines.findIndex((l) => l.includes('年度报告'));
  const title = titleAt >= 0 ? bare(lines[titleAt] as string) : '';
  let changed = false;
  const kept = lines.filter((line, i) => {
    if (isPageNumber(line)) return !(changed = true);
    if (title.length >= 8 && i > titleAt) {
      const b = bare(line);
      if (b === title || (b.startsWith(title) && isPageNumber(b.slice(title.length))))
        return !(changed = true);
    }
    return true;
  });
  return changed ? kept.join('\n') : text;
}
