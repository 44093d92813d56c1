// PDF → text with pdf.js (pdfjs-dist 5.6, legacy build: runs on Node 20.19+), in a reader worker
// (read-worker.mjs), after its streams were measured (pdf-guard.ts); scanned pages come from OCR
// (ocr.ts) as the same positioned items. Text items are grouped into lines by their baseline;
// items on one line far enough apart are separate table cells and are joined with " | ", which
// gives the reader layout (b). Empty table cells have no text at all: their places are recovered
// from the x-positions of the cells around them (pdf-columns.ts, issue 11), and a header printed
// one character per line is read back as words (pdf-stacked.ts).
import { joinWords, placeColumns, type Column, type Line } from './pdf-columns.js';
import { unstackHeaders } from './pdf-stacked.js';

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** The text of a PDF's pages, from the items pdf.js (or OCR) found on each (read-worker.mjs). */
export function pdfPagesToText(pages: PdfTextItem[][]): string {
  let columns: Column[] = [];
  return pages
    .map((items) => {
      const lines = unstackHeaders(groupLines(items));
      const placed = placeColumns(lines, columns);
      columns = placed.columns;
      return lines.map((line, i) => placed.texts[i] ?? joinLine(line)).join('\n');
    })
    .join('\n');
}

/** One page's text. */
export function linesOf(items: PdfTextItem[]): string {
  return pdfPagesToText([items]);
}

/** Items sorted top to bottom into lines (same baseline within 0.4 of a size), each left to right. */
export function groupLines(items: readonly PdfTextItem[]): Line[] {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs((line[0]?.y ?? 0) - item.y) <= item.size * 0.4) line.push(item);
    else lines.push([item]);
  }
  return lines.map((l) => l.sort((a, b) => a.x - b.x));
}

export function joinLine(line: readonly PdfTextItem[]): string {
  const out = joinWords(line);
  return line.length > 1 ? `${out} |` : out;
}
