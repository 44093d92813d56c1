// 一案一档: one application's file as one PDF — a cover page (tracking number, agency, applicant,
// dates, state, outcome), the history of the case as a table, then every notice served, each from a
// new page, laid out exactly as when it was served (layoutNotice). Pages after the cover are numbered.
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { chineseDate } from '../domain/notices/dates.js';
import type { NoticeDocument } from '../domain/notices/document.js';
import { loadNoticeFonts } from '../lib/fonts.js';
import {
  BODY_LINE,
  BODY_SIZE,
  createNoticePdf,
  layoutNotice,
  numberPages,
  PAGE,
  pdfBuffer,
  TEXT_WIDTH,
  type RenderOptions,
} from './notice-pdf.js';

export interface CaseFileEntry {
  on: IsoDate;
  /** What happened, in words, e.g. 「发出补正告知书」. */
  what: string;
  /** Who recorded or did it (a name, or 「申请人」「系统」). */
  who: string;
}

export interface CaseFile {
  trackingNumber: string;
  agency: string;
  /** The applicant as shown in the file (the caller masks identity numbers). */
  applicant: string;
  receivedOn: IsoDate;
  /** The state in words, e.g. 「已答复」. */
  state: string;
  /** The outcome in words, e.g. 「部分公开」; null while open. */
  outcome: string | null;
  /** The day the file was put together. */
  compiledOn: IsoDate;
  history: readonly CaseFileEntry[];
  notices: readonly NoticeDocument[];
}

const TABLE_SIZE = 14;
const CELL_PAD = 5;

function heading(pdf: PDFKit.PDFDocument, text: string, size: number): void {
  pdf.font('title').fontSize(size);
  pdf.text(text, PAGE.left, pdf.y, { width: TEXT_WIDTH, align: 'center' });
}

/** Draws a table with a repeated header row; returns nothing, leaves pdf.y under the table. */
function table(
  pdf: PDFKit.PDFDocument,
  widths: readonly number[],
  header: readonly string[] | null,
  rows: readonly (readonly string[])[],
): void {
  const bottom = PAGE.height - PAGE.bottom;
  const rowHeight = (cells: readonly string[]) =>
    Math.max(
      ...cells.map((c, i) => pdf.heightOfString(c, { width: widths[i]! - 2 * CELL_PAD, lineGap: 4 })),
    ) +
    2 * CELL_PAD;
  const drawRow = (cells: readonly string[], font: 'body' | 'title') => {
    pdf.font(font).fontSize(TABLE_SIZE);
    const h = rowHeight(cells);
    const y = pdf.y;
    let x = PAGE.left;
    cells.forEach((c, i) => {
      pdf.rect(x, y, widths[i]!, h).lineWidth(0.6).stroke();
      pdf.text(c, x + CELL_PAD, y + CELL_PAD, { width: widths[i]! - 2 * CELL_PAD, lineGap: 4 });
      x += widths[i]!;
    });
    pdf.x = PAGE.left;
    pdf.y = y + h;
  };
  if (header) drawRow(header, 'title');
  for (const row of rows) {
    pdf.font('body').fontSize(TABLE_SIZE);
    if (pdf.y + rowHeight(row) > bottom) {
      pdf.addPage();
      if (header) drawRow(header, 'title');
    }
    drawRow(row, 'body');
  }
}

export async function renderCaseFilePdf(file: CaseFile, options: RenderOptions = {}): Promise<Buffer> {
  const pdf = createNoticePdf(loadNoticeFonts(options.font), {
    title: `政府信息公开申请案卷 ${file.trackingNumber}`,
    author: file.agency,
  });
  const done = pdfBuffer(pdf);

  // Cover.
  pdf.y = PAGE.top + 3 * BODY_LINE;
  heading(pdf, '政府信息公开申请案卷', 26);
  pdf.y += 2 * BODY_LINE;
  const label = 7 * BODY_SIZE;
  table(pdf, [label, TEXT_WIDTH - label], null, [
    ['申请编号', file.trackingNumber],
    ['办理机关', file.agency],
    ['申请人', file.applicant],
    ['收到申请日期', chineseDate(file.receivedOn)],
    ['办理状态', file.state],
    ['办理结果', file.outcome ?? '尚未办结'],
    ['告知书数量', `${file.notices.length}份`],
    ['立卷日期', chineseDate(file.compiledOn)],
  ]);

  // History.
  pdf.addPage();
  heading(pdf, '办理过程', 18);
  pdf.y += BODY_LINE / 2;
  const dateWidth = 8.5 * TABLE_SIZE;
  const whoWidth = 8 * TABLE_SIZE;
  table(
    pdf,
    [dateWidth, TEXT_WIDTH - dateWidth - whoWidth, whoWidth],
    ['日期', '办理事项', '经办人'],
    file.history.length > 0
      ? file.history.map((e) => [chineseDate(e.on), e.what, e.who])
      : [['', '（无记录）', '']],
  );

  for (const notice of file.notices) {
    pdf.addPage();
    layoutNotice(pdf, notice);
  }
  numberPages(pdf, 1);
  pdf.end();
  return done;
}
