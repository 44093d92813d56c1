// An annual report as a PDF laid out like a 公文 (GB/T 9704-2012 proportions, as the notices in
// src/render/notice-pdf.ts): A4, text area 156 × 225 mm, title in 二号 centred, body in 三号 with a
// two-character indent, 一、 headings in bold, （一） headings in bold at body size, tables 二–四 with
// the official spans in 五号/小五, page numbers 「— 1 —」. The Chinese font (src/lib/fonts.ts: the
// bundled Noto Serif SC, else a system CJK font) is embedded as a subset.
import pdfmake from 'pdfmake';
import { loadNoticeFonts, type FontFace } from '../../lib/fonts.js';
import { place, reportGrids, type Grid, type GridCell, type Placed } from './layout.js';
import { bylineText, importedNote, sectionTable, titleLines, type RenderableReport } from './model.js';

const MM = 72 / 25.4;
const MARGINS = [28 * MM, 37 * MM, 26 * MM, 35 * MM] as const; // left, top, right, bottom
const TEXT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const BODY = 15; // close to 三号 (16 pt), leaving room for longer reports
const CELL_PAD = 2.5;
const TABLE_FONT: Record<Grid['table'], number> = { table2: 10, table3: 8.5, table4: 8 };

type Node = Record<string, unknown>;

/** Writes a face into pdfmake's in-memory file system; returns its descriptor. */
function fontDescriptor(face: FontFace, name: string): string | [string, string] {
  if (!pdfmake.virtualfs.existsSync(name)) pdfmake.virtualfs.writeFileSync(name, face.data);
  return face.postscriptName ? [name, face.postscriptName] : name;
}

/**
 * Narrow column headers of tables 三 and 四 break evenly: 「结果\n维持」, 「商业\n企业」, 「社会公\n益组织」
 * (left to itself the line would break after three characters and leave one alone).
 */
export const evenBreak = (cell: GridCell, table: Grid['table']): string =>
  table !== 'table2' && cell.scope === 'col' && cell.text.length >= 4
    ? `${cell.text.slice(0, Math.ceil(cell.text.length / 2))}\n${cell.text.slice(Math.ceil(cell.text.length / 2))}`
    : cell.text;

export function gridTable(grid: Grid): Node {
  const matrix: Node[][] = grid.rows.map(() => Array.from({ length: grid.columns }, () => ({})));
  const base = fontFor(grid);
  const heights = rowHeights(grid, base);
  for (const p of place(grid)) {
    const { row, col, cell } = p;
    const size = cell.kind === 'note' ? base - 1 : base;
    const room = heights.slice(row, row + (cell.rowSpan ?? 1)).reduce((s, h) => s + h, 0) - ROW_EXTRA;
    const top = Math.max(0, (room - linesOf(grid, p, base) * size * LINE) / 2);
    const head = cell.kind === 'head';
    const left = (cell.kind === 'row' && grid.table === 'table3') || cell.kind === 'note';
    const target = matrix[row] as Node[];
    target[col] = {
      text: evenBreak(cell, grid.table),
      ...(cell.rowSpan && cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
      ...(cell.colSpan && cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
      alignment: left ? 'left' : 'center',
      ...(head ? { bold: true, fillColor: '#f2f2f2' } : {}),
      ...(cell.kind === 'note' ? { fontSize: base - 1 } : {}),
      ...(top > 0.5 ? { margin: [0, top, 0, 0] } : {}),
    };
  }
  return {
    table: {
      headerRows: grid.headRows,
      dontBreakRows: true,
      widths: columnWidths(grid),
      body: matrix,
    },
    layout: {
      hLineWidth: () => 0.6,
      vLineWidth: () => 0.6,
      paddingLeft: () => CELL_PAD,
      paddingRight: () => CELL_PAD,
      paddingTop: () => 2.5,
      paddingBottom: () => 2.5,
    },
    fontSize: base,
    lineHeight: 1.15,
    margin: [0, 6, 0, 10],
  };
}

const para = (text: string): Node => ({ text, leadingIndent: 2 * BODY, margin: [0, 0, 0, 4] });

export function pdfDefinition(r: RenderableReport, fonts: Record<string, unknown>): Node {
  const grids = reportGrids(r);
  const content: Node[] = [
    { text: titleLines(r).join('\n'), style: 'title' },
    { text: bylineText(r), style: 'byline' },
  ];
  if (r.correctionNote)
    content.push({ text: `更正说明：${r.correctionNote}`, style: 'byline', color: '#7d1013' });
  for (const s of r.sections) {
    const table = sectionTable(s.number);
    // The heading of a table section moves to a new page with its table when the table would
    // otherwise run over (keepWithTable).
    content.push({ text: s.heading, style: 'h1', ...(table ? { id: `keep-${table}` } : {}) });
    content.push(...s.paragraphs.map(para));
    if (table) content.push({ ...gridTable(grids[table]), id: `table-${table}` });
    for (const p of s.parts ?? []) {
      content.push({ text: p.heading, style: 'h2' });
      content.push(...p.paragraphs.map(para));
    }
    const note = s.number === '三' ? importedNote(r) : null;
    if (note) content.push({ text: note, fontSize: 10.5, margin: [0, 0, 0, 6] });
  }
  return {
    pageSize: 'A4',
    pageMargins: [...MARGINS],
    info: { title: r.title, author: r.agencyName, subject: '政府信息公开工作年度报告' },
    language: 'zh-CN',
    content,
    pageBreakBefore: keepWithTable({
      table2: estimatedHeight(grids.table2, fontFor(grids.table2)),
      table3: estimatedHeight(grids.table3, fontFor(grids.table3)),
      table4: estimatedHeight(grids.table4, fontFor(grids.table4)),
    }),
    footer: (page: number) => ({
      text: `— ${page} —`,
      alignment: 'center',
      fontSize: 12,
      margin: [0, 30, 0, 0],
    }),
    defaultStyle: { font: 'Report', fontSize: BODY, lineHeight: 1.55, alignment: 'justify' },
    styles: {
      title: { fontSize: 22, bold: true, alignment: 'center', lineHeight: 1.4, margin: [0, 0, 0, 8] },
      byline: { fontSize: 12, alignment: 'center', margin: [0, 0, 0, 14], lineHeight: 1.3 },
      h1: { fontSize: BODY, bold: true, leadingIndent: 2 * BODY, margin: [0, 10, 0, 4], alignment: 'left' },
      h2: { fontSize: BODY, bold: true, leadingIndent: 2 * BODY, margin: [0, 4, 0, 2], alignment: 'left' },
    },
    fonts,
  };
}

interface LaidOutNode {
  id?: string;
  startPosition?: { verticalRatio?: number };
}

const TEXT_HEIGHT = 225 * MM;

/** Width of a text at a size: full-width characters 1 em, others about half. */
const textWidth = (text: string, size: number) =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? size : size * 0.55), 0);

/** Line height of table text: pdfmake's lineHeight × the CJK font's ascent + descent (≈ 1.44 em). */
const LINE = 1.15 * 1.44;
const ROW_EXTRA = 2 * 2.5 + 0.6; // vertical padding and rule

/** Lines a cell's text takes in its column(s). */
function linesOf(grid: Grid, p: Placed, base: number): number {
  const size = p.cell.kind === 'note' ? base - 1 : base;
  const width = columnWidths(grid)
    .slice(p.col, p.col + (p.cell.colSpan ?? 1))
    .reduce((s, w) => s + w, 0);
  return evenBreak(p.cell, grid.table)
    .split('\n')
    .reduce((n, part) => n + Math.max(1, Math.ceil(textWidth(part, size) / Math.max(size, width - 1))), 0);
}

/** Column widths in points (content width, without padding). */
function columnWidths(grid: Grid): number[] {
  const total = grid.widths.reduce((s, w) => s + w, 0);
  return grid.widths.map((w) => (w / total) * TEXT_WIDTH - 2 * CELL_PAD - 1);
}

/**
 * Row heights on paper, estimated from the lines of their one-row cells. pdfmake's vertical
 * alignment of spanning cells is unreliable, so the renderer centres cells itself with these, and
 * keeps a heading with its table.
 */
export function rowHeights(grid: Grid, size: number): number[] {
  const placed = place(grid);
  return grid.rows.map((_, row) => {
    const lines = Math.max(
      1,
      ...placed
        .filter((p) => p.row === row && (p.cell.rowSpan ?? 1) === 1)
        .map((p) => linesOf(grid, p, size)),
    );
    return lines * size * LINE + ROW_EXTRA;
  });
}

export const estimatedHeight = (grid: Grid, size: number): number =>
  // 8 % more than the sum of the rows: the estimate must not let a table run over its page.
  rowHeights(grid, size).reduce((s, h) => s + h, 0) * 1.08;

/**
 * The table's font size: its usual size, smaller (down to 7 pt) until the table fits on one page
 * under its heading — a table split over pages loses its spanning label cells.
 */
export function fontFor(grid: Grid): number {
  let size = TABLE_FONT[grid.table];
  while (size > 7 && estimatedHeight(grid, size) > TEXT_HEIGHT - 60) size -= 0.5;
  return size;
}

/** Breaks before a table's section heading when the heading and the table would not fit on the page. */
function keepWithTable(heights: Record<string, number>) {
  return (node: LaidOutNode): boolean => {
    const table = node.id?.startsWith('keep-') ? node.id.slice(5) : null;
    if (!table) return false;
    const used = (node.startPosition?.verticalRatio ?? 0) * TEXT_HEIGHT;
    const needed = (heights[table] ?? 0) + 40;
    // A table longer than a page starts on a fresh page unless most of this one is still free.
    return used > 0 && used + Math.min(needed, TEXT_HEIGHT * 0.6) > TEXT_HEIGHT;
  };
}

export interface PdfOptions {
  /** The NOTICE_FONT setting (a font path, `path#PostScriptName` for a .ttc); default: the bundled font. */
  font?: string | null;
}

/** The report as a PDF with its Chinese font embedded. */
export async function renderAnnualReportPdf(r: RenderableReport, options: PdfOptions = {}): Promise<Buffer> {
  const faces = loadNoticeFonts(options.font);
  const fonts = {
    Report: {
      normal: fontDescriptor(faces.regular, `ar-${digest(faces.regular)}-regular`),
      bold: fontDescriptor(faces.bold, `ar-${digest(faces.bold)}-bold`),
    },
  };
  // Everything the document needs is in memory: no URL or local file may be read.
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  pdfmake.setFonts(fonts);
  const doc = pdfDefinition(r, fonts);
  return pdfmake.createPdf(doc).getBuffer();
}

/** A short name for a face (its source), so two settings never share a virtual file. */
function digest(face: FontFace): string {
  let h = 0;
  for (const ch of face.source) h = (h * 31 + ch.charCodeAt(0)) | 0;
  return (h >>> 0).toString(36);
}
