// The applications or appeals counted in one cell of a report's table 三 or 四: what a finding links
// to, so that the person can find the case that makes a figure wrong.
import type { FC } from 'hono/jsx';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export interface ReportCasesView {
  shell: Omit<AdminShellProps, 'title'>;
  reportTitle: string;
  reportHref: string;
  cellName: string;
  cases: { label: string; href: string }[];
  limit: number;
}

export const ReportCasesPage: FC<ReportCasesView> = (p) => {
  const title = `${p.cellName}的相关案件`;
  return (
    <AdminLayout {...p.shell} title={title}>
      <Breadcrumbs
        lang="zh"
        items={[
          { label: '年度报告', href: '/admin/reports' },
          { label: p.reportTitle, href: p.reportHref },
          { label: '相关案件' },
        ]}
      />
      <h1>{title}</h1>
      <p role="status">
        {p.cases.length === 0
          ? '该单元格没有统计任何案件。'
          : `共列出 ${p.cases.length} 件${p.cases.length >= p.limit ? `（最多列出 ${p.limit} 件）` : ''}。`}
      </p>
      {p.cases.length > 0 ? (
        <ul>
          {p.cases.map((c) => (
            <li>
              <a href={c.href}>{c.label}</a>
            </li>
          ))}
        </ul>
      ) : null}
      <p>
        <a href={p.reportHref}>返回年度报告</a>
      </p>
    </AdminLayout>
  );
};
