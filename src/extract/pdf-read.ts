// A PDF → the reader's text (issue 11): pdf.js's text items per page; pages without any text (a
// scanned report, or scanned table pages inside a typed one) are read by OCR (ocr.ts), at most
// `maxPages` of them. When no OCR engine is installed and no page has text, the file cannot be
// read and the reason says why; with some text, the pages that have it are read as they are.
import { DEFAULT_OCR_LIMITS, ocrPage, ocrUnavailable, OcrFailed, type OcrLimits } from './ocr.js';
import { pdfPagesToText, type PdfTextItem } from './pdf.js';

export interface PdfPage {
  items: PdfTextItem[];
  /** The page's size in points (its view box). */
  width: number;
  height: number;
}

export type PdfPages = (bytes: Uint8Array) => Promise<PdfPage[]>;

/** Said to the reader pool before OCR starts: the job may take the OCR time limit instead. */
export type OnOcr = () => void;

export type PdfText = { text: string; ocrPages: number } | { unreadable: string };

/** Fewer visible characters than this on a page: it is an image (page numbers do not count). */
const MIN_TEXT_CHARS = 8;

export function needsOcr(page: PdfPage): boolean {
  let chars = 0;
  for (const i of page.items) chars += i.str.replace(/\s+/g, '').length;
  return chars < MIN_TEXT_CHARS;
}

export async function readPdfText(
  bytes: Uint8Array,
  pdfPages: PdfPages,
  ocr: OcrLimits = DEFAULT_OCR_LIMITS,
  onOcr?: OnOcr,
): Promise<PdfText> {
  const pages = await pdfPages(bytes);
  const scanned = pages.map((p, i) => (needsOcr(p) ? i : -1)).filter((i) => i >= 0);
  const typed = pages.length - scanned.length;
  if (scanned.length === 0) return { text: pdfPagesToText(pages.map((p) => p.items)), ocrPages: 0 };
  onOcr?.();
  const why = await ocrUnavailable(ocr);
  if (why !== null) {
    if (typed > 0) return { text: pdfPagesToText(pages.map((p) => p.items)), ocrPages: 0 };
    return { unreadable: `PDF 是扫描图像，没有文字层，需要文字识别（OCR）；${why}` };
  }
  const items = pages.map((p) => p.items);
  let read = 0;
  for (const i of scanned.slice(0, Math.max(0, ocr.maxPages))) {
    const page = pages[i] as PdfPage;
    try {
      items[i] = await ocrPage(bytes, i + 1, page, ocr);
      read++;
    } catch (e) {
      if (!(e instanceof OcrFailed)) throw e;
      // A page that cannot be recognised is left out; the reader says which rows are missing.
      if (typed === 0 && scanned.length === 1) return { unreadable: `文字识别（OCR）失败：${e.message}` };
    }
  }
  return { text: pdfPagesToText(items), ocrPages: read };
}
