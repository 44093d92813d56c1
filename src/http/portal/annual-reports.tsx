// The portal's 年报 column (条例 第四十九条): an agency's published annual reports, each report's page
// in the official layout as frozen when it was submitted, earlier versions of a corrected report,
// and the downloads (PDF, DOCX, XLSX through the report renderers). Pages without a query string
// are served from the page cache until a command changes public data (report.published does).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NotFound } from '../../domain/errors.js';
import { formatDate } from '../../lib/time.js';
import {
  publicAgency,
  publishedReport,
  publishedVersions,
  type PublishedReport,
} from '../../queries/annual-report-public.js';
import { AnnualReportView } from '../../render/annual-report/html.js';
import { reportTitle } from '../../render/annual-report/model.js';
import { ANNUAL_REPORT_CSS } from '../../render/annual-report/styles.js';
import { PortalAnnualReportsPage } from '../../views/portal/agency-platform.js';
import { annualReportHref, ANNUAL_REPORT_CSS_HREF } from '../../views/portal/annual-report-links.js';
import { PortalAnnualReportPage } from '../../views/portal/annual-report-page.js';
import { renderableOf } from '../admin/reports-render.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';
import { downloadRoutes, DOWNLOADS } from './annual-reports-downloads.js';

const NO_SUCH_AGENCY = '没有找到该机构。请从机构目录中选择要查看的机构。';
const NO_SUCH_REPORT = '没有找到该年度报告。请从本机关的政府信息公开年报栏目中选择。';

export interface ReportParams {
  code: string;
  year: number;
  scope: 'own' | 'rollup';
  version?: number;
}

export function reportParams(req: FastifyRequest): ReportParams {
  const p = req.params as Record<string, string | undefined>;
  const v = (req.query as { version?: unknown } | undefined)?.version;
  if (!/^20\d{2}$/.test(p.year ?? '') || (p.scope !== 'own' && p.scope !== 'rollup'))
    throw new NotFound(NO_SUCH_REPORT);
  if (v !== undefined && (typeof v !== 'string' || !/^\d{1,4}$/.test(v))) throw new NotFound(NO_SUCH_REPORT);
  return { code: p.code ?? '', year: Number(p.year), scope: p.scope, ...(v ? { version: Number(v) } : {}) };
}

/** The agency and the published version asked for, or 404 (drafts and reports in review do not exist here). */
export async function loadPublished(deps: AppDeps, k: ReportParams) {
  const agency = await publicAgency(deps.db, k.code);
  if (!agency) throw new NotFound(NO_SUCH_AGENCY);
  const report = await publishedReport(deps.db, agency.id, k);
  if (!report) throw new NotFound(NO_SUCH_REPORT);
  return { agency, report };
}

export function renderablePublished(report: PublishedReport) {
  return renderableOf(
    { report: report.frozen, year: report.year, scope: report.scope },
    report,
    report.history,
  );
}

export function registerPortalAnnualReportRoutes(app: FastifyInstance, deps: AppDeps): void {
  // The report's stylesheet (its official layout), served as a file: the CSP allows no inline style.
  app.get(ANNUAL_REPORT_CSS_HREF, async (_req, reply) =>
    reply
      .type('text/css; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(ANNUAL_REPORT_CSS),
  );

  app.get<{ Params: { code: string } }>(
    '/agencies/:code/annual-reports',
    { config: { pageCache: true } },
    async (req, reply) => {
      const agency = await publicAgency(deps.db, req.params.code);
      if (!agency) throw new NotFound(NO_SUCH_AGENCY);
      const versions = await publishedVersions(deps.db, agency.id);
      const newest = versions.filter(
        (v, i) => versions.findIndex((w) => w.year === v.year && w.scope === v.scope) === i,
      );
      const reports = newest.map((v) => ({
        title: reportTitle(agency.name, v.year, v.scope),
        href: annualReportHref.report(agency.code, v.year, v.scope),
        publishedOn: formatDate('zh', v.publishedAt),
        version: v.version,
        correctionNote: v.correctionNote,
        earlier: versions
          .filter((w) => w.year === v.year && w.scope === v.scope && w.version < v.version)
          .map((w) => ({
            version: w.version,
            href: annualReportHref.report(agency.code, w.year, w.scope, w.version),
            publishedOn: formatDate('zh', w.publishedAt),
          })),
      }));
      return reply.html(
        <PortalAnnualReportsPage shell={portalShell(req, deps)} agency={agency} reports={reports} />,
      );
    },
  );

  app.get(
    '/agencies/:code/annual-reports/:year/:scope',
    { config: { pageCache: (req) => Object.keys((req.query ?? {}) as object).length === 0 } },
    async (req, reply) => {
      const k = reportParams(req);
      const { agency, report } = await loadPublished(deps, k);
      const r = renderablePublished(report);
      const newest = report.versions.at(-1)!;
      const asked = k.version !== undefined ? report.version : undefined;
      return reply.html(
        <PortalAnnualReportPage
          shell={portalShell(req, deps)}
          agency={agency}
          title={r.title}
          report={<AnnualReportView r={r} />}
          version={report.version}
          superseded={
            newest.version > report.version
              ? { version: newest.version, href: annualReportHref.report(agency.code, k.year, k.scope) }
              : null
          }
          versions={report.versions.map((v) => ({
            version: v.version,
            href: annualReportHref.report(
              agency.code,
              k.year,
              k.scope,
              v.version === newest.version ? undefined : v.version,
            ),
            publishedOn: formatDate('zh', v.publishedAt),
            current: v.version === report.version,
          }))}
          downloads={DOWNLOADS.map((d) => ({
            label: `${d.label}（${r.title}${report.version > 1 ? `，第${report.version}版` : ''}）`,
            href: annualReportHref.download(agency.code, k.year, k.scope, d.ext, asked),
            type: d.type,
          }))}
        />,
      );
    },
  );

  downloadRoutes(app, deps);
}
