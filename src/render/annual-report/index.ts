// One entry point for every download of an annual report (the CLI's `report build --format`, the
// portal's and the back office's downloads): the bytes, their media type and a file name.
import { renderAnnualReportDocx } from './docx.js';
import { annualReportDocument } from './html.js';
import { reportFileName, type RenderableReport } from './model.js';
import { renderAnnualReportPdf, type PdfOptions } from './pdf.js';
import { renderAnnualReportXlsx } from './xlsx.js';

export type AnnualReportFormat = 'html' | 'pdf' | 'docx' | 'xlsx';

export const ANNUAL_REPORT_FORMATS: readonly AnnualReportFormat[] = ['html', 'pdf', 'docx', 'xlsx'];

export const CONTENT_TYPES: Record<AnnualReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface RenderedReport {
  body: Buffer | string;
  contentType: string;
  fileName: string;
}

export async function renderAnnualReport(
  report: RenderableReport,
  format: AnnualReportFormat,
  options: PdfOptions = {},
): Promise<RenderedReport> {
  const body =
    format === 'html'
      ? await annualReportDocument(report)
      : format === 'pdf'
        ? await renderAnnualReportPdf(report, options)
        : format === 'docx'
          ? await renderAnnualReportDocx(report)
          : await renderAnnualReportXlsx(report);
  return { body, contentType: CONTENT_TYPES[format], fileName: reportFileName(report, format) };
}

export type { RenderableReport } from './model.js';
