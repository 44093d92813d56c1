// 年度报告 in the back office: which agencies of the actor's subtree have submitted their report of a
// year, against each one's deadline (条例 第四十九条 or the jurisdiction's own), with a link to
// every report.
import type { FC } from 'hono/jsx';
import { stateName } from '../../domain/reports/annual/text-workflow.js';
import type { StatusCell, StatusRow } from '../../queries/annual-report-admin-status.js';
import { localDate } from '../../lib/time.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { STATE_TAG } from './report-labels.js';

export interface ReportStatusView {
  shell: Omit<AdminShellProps, 'title'>;
  year: number;
  yearOptions: { value: string; label: string }[];
  today: string;
  rows: StatusRow[];
  canConfigure: boolean;
}

const SUBMITTED = ['submitted', 'approved', 'published'];

const Cell: FC<{ cell: StatusCell; href: string; due: string; today: string }> = ({
  cell,
  href,
  due,
  today,
}) => {
  const submitted = cell.state !== null && SUBMITTED.includes(cell.state);
  const submittedOn = cell.submittedAt ? formatDate('zh', cell.submittedAt) : null;
  const late = submitted && cell.submittedAt !== null && localDate(cell.submittedAt) > due;
  const overdue = !submitted && today > due;
  return (
    <>
      <a href={href}>
        <span class={`tag ${STATE_TAG[(cell.state ?? 'none') as keyof typeof STATE_TAG]}`}>
          {stateName(cell.state)}
        </span>
      </a>
      {submittedOn ? <span class="hint-inline nowrap">（{submittedOn} 报送）</span> : null}
      {overdue ? <span class="tag tag-red">已逾期</span> : null}
      {late ? <span class="tag tag-amber">逾期报送</span> : null}
    </>
  );
};

export const ReportStatusPage: FC<ReportStatusView> = (p) => {
  const title = `${p.year}年度政府信息公开工作年度报告`;
  const count = (f: (r: StatusRow) => boolean) => p.rows.filter(f).length;
  const submitted = count((r) => r.own.state !== null && SUBMITTED.includes(r.own.state));
  return (
    <AdminLayout {...p.shell} title={title}>
      <h1>{title}</h1>
      <form method="get" action="/admin/reports" class="filters">
        <label for="year">年度</label>
        <select id="year" name="year" class="select">
          {p.yearOptions.map((o) => (
            <option value={o.value} selected={o.value === String(p.year)}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" class="button button-secondary">
          查看
        </button>
      </form>
      <p role="status">
        共 {p.rows.length} 个机关，已报送本级报告 {submitted} 个，未报送 {p.rows.length - submitted} 个。
        {p.year}年度的报告于{p.year + 1}年报送，期限见下表。
      </p>
      {p.canConfigure ? (
        <p>
          <a href="/admin/reports/deadlines">设置报送期限</a>
        </p>
      ) : null}
      <div class="table-wrap">
        <table class="report-table">
          <caption class="visually-hidden">各机关年度报告报送情况</caption>
          <thead>
            <tr>
              <th scope="col">机关</th>
              <th scope="col">报送期限</th>
              <th scope="col">本级报告</th>
              <th scope="col">汇总报告</th>
            </tr>
          </thead>
          <tbody>
            {p.rows.map((r) => (
              <tr>
                <th scope="row">
                  {'　'.repeat(r.agency.depth)}
                  {r.agency.name}
                </th>
                <td class="nowrap" title={r.basis}>
                  {formatDate('zh', r.due)}
                </td>
                <td>
                  <Cell
                    cell={r.own}
                    href={`/admin/reports/${r.agency.id}/${p.year}/own`}
                    due={r.due}
                    today={p.today}
                  />
                </td>
                <td>
                  {r.rollup ? (
                    <Cell
                      cell={r.rollup}
                      href={`/admin/reports/${r.agency.id}/${p.year}/rollup`}
                      due={r.due}
                      today={p.today}
                    />
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminLayout>
  );
};
