// PDF → text with pdf.js (pdfjs-dist 5.6, legacy build: runs on Node 20.19+), in a reader worker
// (read-worker.mjs), after its streams were measured (pdf-guard.ts). Text items are grouped into lines by their baseline; items on one line
// far enough apart are separate table cells and are joined with " | ", which gives the reader
// layout (b).
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The text of a PDF's pages, from the items pdf.js found on each (read-worker.mjs). */
export function pdfPagesToText(pages: PdfTextItem[][]): string {
  return pages.map(linesOf).join('\n');
}

export function linesOf(items: PdfTextItem[]): string {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs((line[0]?.y ?? 0) - item.y) <= item.size * 0.4) line.push(item);
    else lines.push([item]);
  }
  return lines.map(joinLine).join('\n');
}

function joinLine(line: PdfTextItem[]): string {
  const cells = [...line].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const c of cells) {
    // A gap wider than one character separates two cells; a smaller one is inside a word.
    out += out === '' ? c.str : c.x - end > c.size ? ` | ${c.str}` : c.str;
    end = c.x + c.width;
  }
  return cells.length > 1 ? `${out} |` : out;
}
