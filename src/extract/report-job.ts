// One reading job, as run inside a reader worker (read-worker.mjs): bytes of a file, or pasted
// text or HTML → the parsed report. Everything that parses untrusted input (text decoding, ZIP,
// DOCX XML, PDF, HTML, the report reader itself) runs here, off the server's main thread.
import { parseReport, unreadableReport, type ReportInput } from '../domain/reports/parse/parse-report.js';
import type { CellConstraint, ParsedReport } from '../domain/reports/types.js';
import { decodeText } from './decode-text.js';
import { detectKind } from './detect-kind.js';
import { docxToHtml } from './docx.js';
import type { ParserLimits } from './limits.js';
import { checkPdfInflatedSize, PdfTooLarge } from './pdf-guard.js';
import { pdfPagesToText } from './pdf.js';
import { readPdfText, type OnOcr, type PdfPages } from './pdf-read.js';
import { ZipCorrupt, ZipTooLarge } from './zip-guard.js';
import { htmlToPlainText, sanitizeBodyHtml } from '../lib/sanitize-html.js';

export type ReportJob = (
  | { kind: 'file'; bytes: Uint8Array; name: string }
  | { kind: 'text'; text: string }
  | { kind: 'html'; html: string }
) & {
  /** Facts from outside the report that help settle its cells (a neighbouring year's, issue 11). */
  constraints?: CellConstraint[];
};

/** The text of an attachment for search (a document's PDF or DOCX), nothing else. */
export type TextJob = { kind: 'extract-text'; bytes: Uint8Array; name: string };
export type TextOutcome = { text: string } | { contentTooLarge: number } | { unreadable: string };

export type JobLimits = Pick<ParserLimits, 'maxDocxUnzippedBytes' | 'maxPdfInflatedBytes' | 'ocr'>;

/** The report, or the budget the file's unpacked content went over. */
export type JobOutcome = { report: ParsedReport } | { contentTooLarge: number };

export type { PdfPages } from './pdf-read.js';

/** A file that is a PDF but cannot be read (a scan without an OCR engine): the reason, in Chinese. */
class Unreadable extends Error {}

export async function runReportJob(
  job: ReportJob,
  limits: JobLimits,
  pdfPages: PdfPages,
  onOcr?: OnOcr,
): Promise<JobOutcome> {
  if (job.kind === 'text') return { report: parseReport(job.text, job.constraints) };
  if (job.kind === 'html') return { report: parseReport({ html: job.html }, job.constraints) };
  let input: ReportInput | null;
  try {
    input = await extractInput(job.bytes, job.name, limits, pdfPages, onOcr);
  } catch (e) {
    if (e instanceof Unreadable) return { report: unreadableReport(e.message) };
    if (e instanceof ZipTooLarge) return { contentTooLarge: limits.maxDocxUnzippedBytes };
    if (e instanceof PdfTooLarge) return { contentTooLarge: limits.maxPdfInflatedBytes };
    const reason = e instanceof ZipCorrupt || e instanceof Error ? e.message : String(e);
    return { report: unreadableReport(`无法解析文件内容（${reason}）`) };
  }
  if (input === null)
    return {
      report: unreadableReport(
        '不支持的文件格式（请提供文本、HTML、DOCX 或 PDF 文件；旧版 .doc 请另存为 .docx）',
      ),
    };
  return { report: parseReport(input, job.constraints) };
}

/** Bytes of any supported file → the reader's input; null for an unsupported format. */
async function extractInput(
  bytes: Uint8Array,
  name: string,
  limits: JobLimits,
  pdfPages: PdfPages,
  onOcr?: OnOcr,
): Promise<ReportInput | null> {
  const kind = detectKind(bytes, name);
  if (kind === 'pdf') {
    checkPdfInflatedSize(bytes, limits.maxPdfInflatedBytes);
    const read = await readPdfText(bytes, pdfPages, limits.ocr, onOcr);
    if ('unreadable' in read) throw new Unreadable(read.unreadable);
    return read.text;
  }
  if (kind === 'docx') return { html: await docxToHtml(bytes, limits.maxDocxUnzippedBytes) };
  if (kind === 'other-binary') return null;
  const text = decodeText(bytes);
  return kind === 'html' ? { html: text } : text;
}

/**
 * The plain text of a PDF or DOCX attachment (search only: no layout is kept); '' for any other
 * kind. Runs in a reader worker under the same limits as a report.
 */
export async function runTextJob(job: TextJob, limits: JobLimits, pdfPages: PdfPages): Promise<TextOutcome> {
  try {
    const kind = detectKind(job.bytes, job.name);
    if (kind === 'pdf') {
      checkPdfInflatedSize(job.bytes, limits.maxPdfInflatedBytes);
      // Search reads the text layer only: OCR is for the report checker (its own time limit).
      return { text: pdfPagesToText((await pdfPages(job.bytes)).map((p) => p.items)) };
    }
    if (kind === 'docx')
      return {
        text: htmlToPlainText(sanitizeBodyHtml(await docxToHtml(job.bytes, limits.maxDocxUnzippedBytes))),
      };
    return { text: '' };
  } catch (e) {
    if (e instanceof ZipTooLarge) return { contentTooLarge: limits.maxDocxUnzippedBytes };
    if (e instanceof PdfTooLarge) return { contentTooLarge: limits.maxPdfInflatedBytes };
    return { unreadable: e instanceof Error ? e.message : String(e) };
  }
}
