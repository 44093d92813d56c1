// One published annual report on the portal's 年报 column: the report in the official layout (the
// renderers' component: tables with their spans, charts as SVG), which version it is (a correction
// says so, and the earlier versions stay linked), and the downloads (PDF, Word, Excel).
import type { Child, FC } from 'hono/jsx';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { PortalLayout, type ShellProps } from '../layout.js';
import { platformHref } from '../models/document-links.js';
import { PlatformNav, type PlatformAgency } from './agency-platform.js';
import { ANNUAL_REPORT_CSS_HREF } from './annual-report-links.js';

export interface AnnualReportPageView {
  shell: Omit<ShellProps, 'title'>;
  agency: PlatformAgency;
  title: string;
  /** The report itself (AnnualReportView, rendered by the route: views do not import renderers). */
  report: Child;
  version: number;
  /** True when a later version corrects this one. */
  superseded: { version: number; href: string } | null;
  versions: { version: number; href: string; publishedOn: string; current: boolean }[];
  downloads: { label: string; href: string; type: string }[];
}

export const PortalAnnualReportPage: FC<AnnualReportPageView> = (p) => (
  <PortalLayout {...p.shell} title={p.title}>
    <Breadcrumbs
      lang="zh"
      items={[
        { label: '首页', href: '/' },
        { label: '机构目录', href: '/agencies' },
        { label: `${p.agency.name}政府信息公开`, href: platformHref.home(p.agency.code) },
        { label: '政府信息公开年报', href: platformHref.annualReports(p.agency.code) },
        { label: p.title },
      ]}
    />
    <PlatformNav agency={p.agency} current="annualReports" />
    <link rel="stylesheet" href={ANNUAL_REPORT_CSS_HREF} />
    {p.superseded ? (
      <div class="notice notice-warning" role="note">
        本报告已被更正，现行版本为<a href={p.superseded.href}>第{p.superseded.version}版</a>。
      </div>
    ) : null}
    {p.report}
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">下载</h2>
      <ul>
        {p.downloads.map((d) => (
          <li>
            <a href={d.href} type={d.type} download>
              {d.label}
            </a>
          </li>
        ))}
      </ul>
    </section>
    {p.versions.length > 1 ? (
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">版本</h2>
        <ul>
          {p.versions.map((v) =>
            v.current ? (
              <li aria-current="page">
                第{v.version}版（{v.publishedOn}发布，本页）
              </li>
            ) : (
              <li>
                <a href={v.href}>
                  第{v.version}版（{v.publishedOn}发布）
                </a>
              </li>
            ),
          )}
        </ul>
      </section>
    ) : null}
  </PortalLayout>
);
