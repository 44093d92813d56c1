// A notice (告知书、答复书) as a PDF laid out like a 公文 (GB/T 9704-2012): A4, text area 156 × 225 mm
// (margins 37 mm top, 28 mm left, 26 mm right, 35 mm bottom), body in 三号 (16 pt) at 28 characters
// per line and 22 lines per page, two-character first-line indent, title in 二号 centred, 发文字号
// above it, the signing agency centred over the date with the date four characters from the right,
// page numbers 「— 1 —」 under the text area. The Chinese font is embedded as a subset.
import PDFDocument from 'pdfkit';
import type { NoticeDocument } from '../domain/notices/document.js';
import { chineseUpperDate } from '../domain/notices/dates.js';
import { loadNoticeFonts, type NoticeFonts } from '../lib/fonts.js';

const MM = 72 / 25.4;
export const PAGE = {
  width: 595.28,
  height: 841.89,
  top: 37 * MM,
  left: 28 * MM,
  right: 26 * MM,
  bottom: 35 * MM,
} as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 三号. */
export const BODY_SIZE = 16;
/** 28 characters per line: the spacing that fits 28 full-width characters in the text width. */
export const BODY_SPACING = TEXT_WIDTH / 28 - BODY_SIZE;
/** 22 lines in the 225 mm text height. */
export const BODY_LINE = (225 * MM) / 22;
const TITLE_SIZE = 22; // 二号
const TITLE_LINE = 36;
const PAGE_NUMBER_SIZE = 14; // 四号
/** The signature at its tightest: one blank line, the agency, the date. */
const SIGNATURE_LINES = 3;

export interface RenderOptions {
  /** The NOTICE_FONT setting (a font path, `path#PostScriptName` for a .ttc); default: the bundled font. */
  font?: string | null;
}

/** A PDF document set up for notices: A4, 公文 margins, the fonts registered as 'body' and 'title'. */
export function createNoticePdf(
  fonts: NoticeFonts,
  info: { title: string; author?: string },
): PDFKit.PDFDocument {
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, left: PAGE.left, right: PAGE.right, bottom: PAGE.bottom },
    bufferPages: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: { Title: info.title, ...(info.author ? { Author: info.author } : {}) },
  });
  register(pdf, 'body', fonts.regular);
  register(pdf, 'title', fonts.bold);
  pdf.font('body');
  return pdf;
}

function register(pdf: PDFKit.PDFDocument, name: string, face: NoticeFonts['regular']): void {
  try {
    if (face.postscriptName) pdf.registerFont(name, face.data, face.postscriptName);
    else pdf.registerFont(name, face.data);
    pdf.font(name); // parses the font now, so a wrong file or name fails here, not mid-page
  } catch (e) {
    throw new Error(`无法使用告知书字体 ${face.source}（${(e as Error).message}），请检查 NOTICE_FONT 设置`, {
      cause: e,
    });
  }
}

/** Line gap that makes lines `line` points apart at the current font size. */
function gapFor(pdf: PDFKit.PDFDocument, line: number): number {
  return Math.max(0, line - pdf.currentLineHeight(false));
}

/** Moves to a new page unless `height` points still fit above the bottom margin. */
function ensureRoom(pdf: PDFKit.PDFDocument, height: number): void {
  if (pdf.y + height > PAGE.height - PAGE.bottom) pdf.addPage();
}

function bodyText(pdf: PDFKit.PDFDocument, text: string, options: PDFKit.Mixins.TextOptions = {}): void {
  pdf.font('body').fontSize(BODY_SIZE);
  pdf.text(text, PAGE.left, pdf.y, {
    width: TEXT_WIDTH,
    lineGap: gapFor(pdf, BODY_LINE),
    characterSpacing: BODY_SPACING,
    ...options,
  });
}

/**
 * Lays out one notice from the top of the current page (the caller adds the page). Used for a single
 * notice and for each notice of a case file.
 */
export function layoutNotice(pdf: PDFKit.PDFDocument, doc: NoticeDocument): void {
  const char = BODY_SIZE + BODY_SPACING;
  pdf.x = PAGE.left;
  pdf.y = PAGE.top;
  if (doc.number) {
    bodyText(pdf, doc.number, { align: 'right', characterSpacing: 0 });
    pdf.y += BODY_LINE;
  }
  pdf.font('title').fontSize(TITLE_SIZE);
  pdf.text(doc.title, PAGE.left, pdf.y, {
    width: TEXT_WIDTH,
    align: 'center',
    lineGap: gapFor(pdf, TITLE_LINE),
  });
  pdf.y += BODY_LINE;
  bodyText(pdf, `${doc.addressee}：`);
  const bottom = PAGE.height - PAGE.bottom;
  doc.paragraphs.forEach((p, i) => {
    if (i === doc.paragraphs.length - 1) {
      // A page holding only the signature is not allowed (GB/T 9704-2012 §7.3.5.4): when the last
      // paragraph fits on this page but the signature (with at least one blank line) would not,
      // the paragraph moves to the next page with it.
      pdf.font('body').fontSize(BODY_SIZE);
      const height = pdf.heightOfString(p, {
        width: TEXT_WIDTH,
        indent: 2 * char,
        lineGap: gapFor(pdf, BODY_LINE),
        characterSpacing: BODY_SPACING,
      });
      const room = bottom - pdf.y;
      if (height <= room && height + SIGNATURE_LINES * BODY_LINE > room && pdf.y > PAGE.top + BODY_LINE)
        pdf.addPage();
    }
    bodyText(pdf, p, { indent: 2 * char });
  });

  // Signature: two blank lines for the seal, the agency centred over the date, the date four
  // characters from the right edge (GB/T 9704-2012 §7.3.5.1).
  const date = chineseUpperDate(doc.signature.date);
  pdf.font('body').fontSize(BODY_SIZE);
  const opts = { characterSpacing: BODY_SPACING };
  const dateWidth = pdf.widthOfString(date, opts);
  const agencyWidth = pdf.widthOfString(doc.signature.agency, opts);
  const right = PAGE.width - PAGE.right;
  const dateX = right - 4 * char - dateWidth;
  const centre = dateX + dateWidth / 2;
  const agencyX = Math.max(PAGE.left, Math.min(centre - agencyWidth / 2, right - agencyWidth));
  // Two blank lines for the seal where they fit, else one.
  ensureRoom(pdf, SIGNATURE_LINES * BODY_LINE);
  pdf.y += (bottom - pdf.y >= (SIGNATURE_LINES + 1) * BODY_LINE ? 2 : 1) * BODY_LINE;
  const lineGap = gapFor(pdf, BODY_LINE);
  pdf.text(doc.signature.agency, agencyX, pdf.y, { lineBreak: false, lineGap, ...opts });
  pdf.x = PAGE.left;
  pdf.y += BODY_LINE;
  pdf.text(date, dateX, pdf.y, { lineBreak: false, lineGap, ...opts });
  pdf.x = PAGE.left;
  pdf.y += BODY_LINE;

  if (doc.footer && doc.footer.length > 0) {
    pdf.y += BODY_LINE / 2;
    for (const line of doc.footer) bodyText(pdf, line, { indent: 2 * char });
  }
}

/** Writes 「— n —」 centred 7 mm under the text area of every page from `firstPage` on (counting from 1). */
export function numberPages(pdf: PDFKit.PDFDocument, firstPage = 0): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start + firstPage; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0; // writing below the text area must not open a new page
    pdf.font('body').fontSize(PAGE_NUMBER_SIZE);
    pdf.text(`— ${i - range.start - firstPage + 1} —`, PAGE.left, PAGE.height - PAGE.bottom + 7 * MM, {
      width: TEXT_WIDTH,
      align: 'center',
      lineBreak: false,
    });
    pdf.page.margins.bottom = bottom;
  }
}

/** Collects the PDF's bytes once `end()` has been called. */
export function pdfBuffer(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

export async function renderNoticePdf(doc: NoticeDocument, options: RenderOptions = {}): Promise<Buffer> {
  const pdf = createNoticePdf(loadNoticeFonts(options.font), {
    title: doc.title,
    author: doc.signature.agency,
  });
  const done = pdfBuffer(pdf);
  layoutNotice(pdf, doc);
  numberPages(pdf);
  pdf.end();
  return done;
}
