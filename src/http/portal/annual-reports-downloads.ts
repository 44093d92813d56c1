// Downloads of a published annual report: PDF (Chinese font embedded), DOCX and XLSX (totals as
// formulas), rendered from the version as frozen — the same content as its page.
import type { FastifyInstance } from 'fastify';
import { NotFound } from '../../domain/errors.js';
import { CONTENT_TYPES, renderAnnualReport } from '../../render/annual-report/index.js';
import { reportFileName } from '../../render/annual-report/model.js';
import type { ReportDownload } from '../../views/portal/annual-report-links.js';
import { contentDisposition } from '../admin/notices.js';
import type { AppDeps } from '../types.js';
import { loadPublished, renderablePublished, reportParams } from './annual-reports.js';

export const DOWNLOADS: readonly { ext: ReportDownload; label: string; type: string }[] = [
  { ext: 'pdf', label: 'PDF 版', type: CONTENT_TYPES.pdf },
  { ext: 'docx', label: 'Word 版', type: CONTENT_TYPES.docx },
  { ext: 'xlsx', label: 'Excel 表格（合计为公式）', type: CONTENT_TYPES.xlsx },
];

export function downloadRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/agencies/:code/annual-reports/:year/:scope/report.:ext', async (req, reply) => {
    const ext = (req.params as { ext?: string }).ext;
    const download = DOWNLOADS.find((d) => d.ext === ext);
    if (!download) throw new NotFound('没有该格式的下载');
    const k = reportParams(req);
    const { agency, report } = await loadPublished(deps, k);
    const r = renderablePublished(report);
    const out = await renderAnnualReport(r, download.ext);
    const ascii = `annual-report-${agency.code}-${k.year}-${k.scope}-v${report.version}.${download.ext}`;
    return reply
      .type(download.type)
      .header('content-disposition', contentDisposition(reportFileName(r, download.ext), ascii))
      .header('cache-control', 'public, max-age=300')
      .header('x-content-type-options', 'nosniff')
      .send(out.body);
  });
}
