// Addresses of the portal's 年报 column: an agency's list of published reports, one report (the
// current version, or an earlier one with ?version=N) and its downloads.
import { platformHref } from '../models/document-links.js';

export type ReportDownload = 'pdf' | 'docx' | 'xlsx';

export const annualReportHref = {
  list: (code: string) => platformHref.annualReports(code),
  report: (code: string, year: number, scope: 'own' | 'rollup', version?: number) =>
    `${platformHref.annualReports(code)}/${year}/${scope}${version ? `?version=${version}` : ''}`,
  download: (code: string, year: number, scope: 'own' | 'rollup', ext: ReportDownload, version?: number) =>
    `${platformHref.annualReports(code)}/${year}/${scope}/report.${ext}${version ? `?version=${version}` : ''}`,
};

/** The stylesheet of the report's official layout (the CSP allows no inline style). */
export const ANNUAL_REPORT_CSS_HREF = '/annual-report.css';
