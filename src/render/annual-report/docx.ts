// An annual report as a DOCX that an office can open, edit and print in Word or WPS, with the same
// structure as the PDF: A4 with the 公文 margins, title in 方正小标宋简体 二号 centred, 一、 headings in
// 黑体, （一） headings in 楷体, body in 仿宋_GB2312 三号 with a two-character indent, tables 二–四 with
// the official merged cells in 宋体 五号/小五, page numbers 「— 1 —」. Fonts are referenced, not
// embedded (as src/render/notice-docx.ts): office PCs have them or substitute a Song face.
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  convertMillimetersToTwip,
} from 'docx';
import { officialPageSection } from '../docx-page.js';
import { reportGrids, type Grid, type GridCell } from './layout.js';
import { bylineText, importedNote, sectionTable, titleLines, type RenderableReport } from './model.js';

const face = (eastAsia: string) => ({
  ascii: 'Times New Roman',
  hAnsi: 'Times New Roman',
  eastAsia,
  cs: eastAsia,
});
const BODY_FONT = face('仿宋_GB2312');
const TITLE_FONT = face('方正小标宋简体');
const HEADING_FONT = face('黑体');
const PART_FONT = face('楷体_GB2312');
const TABLE_FONT = face('宋体');
/** Half-points: 三号 16 pt, 二号 22 pt, 五号 10.5 pt, 小五 9 pt. */
const BODY_SIZE = 32;
const TITLE_SIZE = 44;
const TABLE_SIZE: Record<Grid['table'], number> = { table2: 21, table3: 18, table4: 18 };
const CHAR = 320;
const TEXT_WIDTH = convertMillimetersToTwip(156);
const LINE = { line: 560, before: 0, after: 0 }; // 28 pt lines

function body(text: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.BOTH,
    spacing: LINE,
    indent: { firstLine: 2 * CHAR },
    children: [new TextRun({ text, font: BODY_FONT, size: BODY_SIZE })],
  });
}

function heading(text: string, font: typeof BODY_FONT, bold = false): Paragraph {
  return new Paragraph({
    spacing: { ...LINE, before: 120 },
    indent: { firstLine: 2 * CHAR },
    keepNext: true,
    children: [new TextRun({ text, font, size: BODY_SIZE, bold })],
  });
}

const RULE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE };

function cellOf(grid: Grid, c: GridCell, widths: number[], col: number): TableCell {
  const span = c.colSpan ?? 1;
  const width = widths.slice(col, col + span).reduce((s, w) => s + w, 0);
  const left = (c.kind === 'row' && grid.table === 'table3') || c.kind === 'note';
  return new TableCell({
    ...(span > 1 ? { columnSpan: span } : {}),
    ...(c.rowSpan && c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: BORDERS,
    ...(c.kind === 'head' ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'F2F2F2' } } : {}),
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: [
      new Paragraph({
        alignment: left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [
          new TextRun({
            text: c.text,
            font: TABLE_FONT,
            size: c.kind === 'note' ? TABLE_SIZE[grid.table] - 2 : TABLE_SIZE[grid.table],
            bold: c.kind === 'head',
          }),
        ],
      }),
    ],
  });
}

export function docxTable(grid: Grid): Table {
  const total = grid.widths.reduce((s, w) => s + w, 0);
  const widths = grid.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  // Columns taken by row spans from above, per row, so that each cell knows its column.
  const taken: boolean[][] = grid.rows.map(() => Array<boolean>(grid.columns).fill(false));
  const rows = grid.rows.map((cells, r) => {
    let col = 0;
    const out = cells.map((c) => {
      while (taken[r]?.[col]) col++;
      for (let i = 0; i < (c.rowSpan ?? 1); i++)
        for (let j = 0; j < (c.colSpan ?? 1); j++) (taken[r + i] ?? [])[col + j] = true;
      const cell = cellOf(grid, c, widths, col);
      col += c.colSpan ?? 1;
      return cell;
    });
    return new TableRow({
      children: out,
      cantSplit: true,
      ...(r < grid.headRows ? { tableHeader: true } : {}),
    });
  });
  return new Table({ rows, columnWidths: widths, width: { size: TEXT_WIDTH, type: WidthType.DXA } });
}

export async function renderAnnualReportDocx(r: RenderableReport): Promise<Buffer> {
  const grids = reportGrids(r);
  const children: (Paragraph | Table)[] = [
    ...titleLines(r).map(
      (line) =>
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { line: 700, before: 0, after: 0 },
          children: [new TextRun({ text: line, font: TITLE_FONT, size: TITLE_SIZE })],
        }),
    ),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 120, after: 240 },
      children: [new TextRun({ text: bylineText(r), font: BODY_FONT, size: 24 })],
    }),
  ];
  if (r.correctionNote)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 240 },
        children: [new TextRun({ text: `更正说明：${r.correctionNote}`, font: BODY_FONT, size: 24 })],
      }),
    );
  for (const s of r.sections) {
    children.push(heading(s.heading, HEADING_FONT));
    children.push(...s.paragraphs.map(body));
    for (const p of s.parts ?? []) {
      children.push(heading(p.heading, PART_FONT, true));
      children.push(...p.paragraphs.map(body));
    }
    const table = sectionTable(s.number);
    if (table) children.push(docxTable(grids[table]), new Paragraph({ children: [] }));
    const note = s.number === '三' ? importedNote(r) : null;
    if (note)
      children.push(new Paragraph({ children: [new TextRun({ text: note, font: BODY_FONT, size: 21 })] }));
  }
  const document = new Document({
    title: r.title,
    creator: r.agencyName,
    styles: { default: { document: { run: { font: BODY_FONT, size: BODY_SIZE } } } },
    sections: [officialPageSection(children)],
  });
  return Packer.toBuffer(document);
}
