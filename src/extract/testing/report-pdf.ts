// Test support (issue 11): a report printed as a real PDF with pdfkit and the WenQuanYi font —
// tables drawn as ruled grids with every cell at its x-position, long labels wrapped in their cell,
// blank cells left without text, optionally page numbers and the title repeated on every page, or
// headers one character per line — and the same report "scanned": each page rasterised by
// pdftoppm and wrapped as an image-only PDF, which only OCR can read.
import { execFileSync } from 'node:child_process';
import PDFDocument from 'pdfkit';
import { TABLE2_BLOCKS, TABLE2_CONTENT_HEADER } from '../../domain/reports/table2-schema.js';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_LINES } from '../../domain/reports/table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  TABLE4_GROUPS,
} from '../../domain/reports/table4-schema.js';
import type { CellValue } from '../../domain/reports/types.js';
import type { Tables } from '../../domain/reports/parse/testing/table-grid.js';

export const FONT = '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc';

export interface PdfReportOptions {
  title?: string;
  /** Zeros of tables 三 and 四 as blank cells (default) or printed "0". */
  zeros?: 'blank' | 'print';
  /** 「- 2 -」 at the foot and the title at the head of every page. */
  furniture?: boolean;
  /** Column headers of tables 三 and 四 one character per line. */
  stackedHeaders?: boolean;
  /** Which tables to print (default all three, with the report's headings and prose). */
  tables?: readonly ('table2' | 'table3' | 'table4')[];
  fontSize?: number;
}

type Cell = { text: string; span?: number; align?: 'left' | 'center' };
type Row = Cell[];

const MARGIN = 45;
const WIDTH = 595.28 - 2 * MARGIN;
const LABEL = 190;

const show = (v: CellValue | undefined, zeros: 'blank' | 'print') =>
  v === 0 && zeros === 'blank' ? '' : String(v ?? '');
const stack = (s: string, on: boolean) => (on ? [...s].join('\n') : s);

function table2Rows(t: Tables): { widths: number[]; rows: Row[] }[] {
  return TABLE2_BLOCKS[t.format].map((block) => {
    const n = block.columns.length;
    const widths = [LABEL, ...block.columns.map(() => (WIDTH - LABEL) / n)];
    const rows: Row[] = [
      [{ text: block.header, span: n + 1 }],
      [{ text: TABLE2_CONTENT_HEADER }, ...block.columns.map((c) => ({ text: c.label }))],
      ...block.rows.map((r) => [
        { text: r.label, align: 'left' as const },
        ...block.columns.map((c) => ({ text: show(t.table2[r.key]?.[c.key], 'print') })),
      ]),
    ];
    return { widths, rows };
  });
}

function table3Rows(t: Tables, o: PdfReportOptions): { widths: number[]; rows: Row[] } {
  const widths = [LABEL, ...TABLE3_COLUMNS.map(() => (WIDTH - LABEL) / 7)];
  const rows: Row[] = [
    [
      { text: '' },
      ...TABLE3_COLUMNS.map((c) => ({ text: stack(TABLE3_COLUMN_LABELS[c], !!o.stackedHeaders) })),
    ],
  ];
  for (const line of TABLE3_LINES[t.format]) {
    if (line.key === null) rows.push([{ text: line.label, span: 8, align: 'left' }]);
    else
      rows.push([
        { text: line.label, align: 'left' },
        ...(t.table3.rows[line.key] ?? []).map((v) => ({ text: show(v, o.zeros ?? 'blank') })),
      ]);
  }
  return { widths, rows };
}

function table4Rows(t: Tables, o: PdfReportOptions): { widths: number[]; rows: Row[] } {
  const widths = Array.from({ length: 15 }, () => WIDTH / 15);
  const headers = TABLE4_GROUPS.flatMap(() =>
    TABLE4_COLUMNS.map((c) => ({ text: stack(TABLE4_COLUMN_LABELS[c], !!o.stackedHeaders) })),
  );
  return {
    widths,
    rows: [
      TABLE4_GROUPS.map((g) => ({ text: TABLE4_GROUP_LABELS[g], span: 5 })),
      headers,
      TABLE4_GROUPS.flatMap((g) => t.table4[g].map((v) => ({ text: show(v, o.zeros ?? 'blank') }))),
    ],
  };
}

/** The report as a PDF (A4, tables as ruled grids). */
export function reportPdf(t: Tables, o: PdfReportOptions = {}): Promise<Uint8Array> {
  const size = o.fontSize ?? 9;
  const title = o.title ?? '某某市人民政府办公室2021年政府信息公开工作年度报告';
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, bufferPages: true });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  doc.font(FONT, 'WenQuanYiMicroHei').fontSize(size);
  const bottom = doc.page.height - MARGIN - 20;
  let y = MARGIN + 20;
  const paragraph = (text: string, fontSize = size) => {
    doc.fontSize(fontSize);
    const h = doc.heightOfString(text, { width: WIDTH });
    if (y + h > bottom) y = newPage();
    doc.text(text, MARGIN, y, { width: WIDTH });
    y += h + 6;
    doc.fontSize(size);
  };
  const newPage = () => {
    doc.addPage();
    return MARGIN + 20;
  };
  const table = ({ widths, rows }: { widths: number[]; rows: Row[] }) => {
    for (const row of rows) {
      let col = 0;
      const boxes = row.map((cell) => {
        const span = cell.span ?? 1;
        const x = MARGIN + widths.slice(0, col).reduce((a, b) => a + b, 0);
        const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0);
        col += span;
        return { cell, x, w, h: cell.text ? doc.heightOfString(cell.text, { width: w - 6 }) : 0 };
      });
      const h = Math.max(size * 2, ...boxes.map((b) => b.h + 8));
      if (y + h > bottom) y = newPage();
      for (const b of boxes) {
        doc.rect(b.x, y, b.w, h).lineWidth(0.6).stroke();
        if (!b.cell.text) continue;
        doc.text(b.cell.text, b.x + 3, y + (h - b.h) / 2, {
          width: b.w - 6,
          align: b.cell.align ?? 'center',
        });
      }
      y += h;
    }
    y += 10;
  };
  const which = new Set(o.tables ?? ['table2', 'table3', 'table4']);
  paragraph(title, size + 4);
  if (which.has('table2')) {
    paragraph('一、总体情况');
    paragraph('本机关认真贯彻《中华人民共和国政府信息公开条例》，全年主动公开政府信息。');
    paragraph('二、主动公开政府信息情况');
    for (const block of table2Rows(t)) table(block);
  }
  if (which.has('table3')) {
    paragraph('三、收到和处理政府信息公开申请情况');
    table(table3Rows(t, o));
  }
  if (which.has('table4')) {
    paragraph('四、政府信息公开行政复议、行政诉讼情况');
    table(table4Rows(t, o));
    paragraph('五、存在的主要问题及改进情况');
    paragraph('一是公开深度有待拓展，二是政策解读有待加强。');
  }
  if (o.furniture) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.fontSize(size - 1);
      doc.text(title, MARGIN, MARGIN - 10, { width: WIDTH, align: 'center', lineBreak: false });
      doc.text(`- ${i + 1} -`, MARGIN, doc.page.height - MARGIN - 5, {
        width: WIDTH,
        align: 'center',
        lineBreak: false,
      });
    }
  }
  doc.end();
  return done;
}

/** The PDF's pages as images only (rasterised at `dpi` by pdftoppm): no text layer at all. */
export async function scannedPdf(pdf: Uint8Array, dpi = 200): Promise<Uint8Array> {
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: pdf }).toString())?.[1]);
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve) =>
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks)))),
  );
  for (let p = 1; p <= pages; p++) {
    const png = execFileSync(
      'pdftoppm',
      ['-f', String(p), '-l', String(p), '-r', String(dpi), '-gray', '-png', '-'],
      {
        input: pdf,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(png, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  return done;
}
