// The 索引号 template of an agency (agency_setting 'index-number-template'): segments {agency},
// {year}, {theme}, {serial:N} with separators; an agency without its own uses the nearest one above
// it, else the default (gov.cn's 000014349/2018-00222 form). Numbers already assigned never change.
import type { FC } from 'hono/jsx';
import {
  DEFAULT_INDEX_TEMPLATE,
  formatIndexNumber,
  parseIndexTemplate,
} from '../../domain/documents/index-number.js';
import type { IndexTemplateView } from '../../queries/document-admin.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, Input, PostForm, Select, type FieldErrors } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export interface IndexTemplatePageView {
  shell: Omit<AdminShellProps, 'title'>;
  view: IndexTemplateView;
  agencyOptions: { value: string; label: string }[];
  year: number;
  value: string;
  errors?: FieldErrors;
  done?: boolean;
}

/** The number the template gives the first document of the year (a theme code as an example). */
function example(template: string, agencyCode: string, year: number): string | null {
  if ('error' in parseIndexTemplate(template)) return null;
  try {
    return formatIndexNumber(template, { agencyCode, year, themeCode: 'T02.01', serial: 1 });
  } catch {
    return null;
  }
}

export const IndexTemplatePage: FC<IndexTemplatePageView> = (p) => {
  const v = p.view;
  const title = '索引号规则';
  const now = example(v.template, v.agencyCode, p.year);
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[{ label: '主动公开', href: '/admin/documents' }, { label: title }]} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          已保存。此后首次发布的文件按新规则编号，已发布文件的索引号不变。
        </div>
      ) : null}
      <h1>{title}</h1>
      <form method="get" action="/admin/documents/index-template" class="filters">
        <Select name="agency" label="机构" value={String(v.agencyId)} options={p.agencyOptions} />
        <button type="submit" class="button button-secondary">
          查看
        </button>
      </form>
      <SummaryList
        rows={[
          { key: '机构', value: `${v.agencyName}（机构代码 ${v.agencyCode}）` },
          {
            key: '现行规则',
            value: `${v.template}（${v.own ? '本机构设置' : v.fromAgencyName ? `沿用${v.fromAgencyName}的设置` : '系统默认'}）`,
          },
          { key: '示例', value: now ? `${now}（本年度第 1 份，主题分类 T02.01）` : null },
        ]}
      />
      <PostForm action={`/admin/documents/index-template?agency=${v.agencyId}`} csrf={p.shell.csrf ?? ''}>
        <Input
          name="indexTemplate"
          label="本机构的索引号规则"
          hint={`占位符：{agency} 机构代码，{year} 发布年份，{theme} 第一个主题分类代码，{serial:5} 五位流水号（每个机构每年从 1 开始；规则中没有 {year} 时不按年重新编号）。占位符之间须有分隔符。留空则沿用上级机构的规则或系统默认规则 ${DEFAULT_INDEX_TEMPLATE}。`}
          value={p.value}
          errors={p.errors}
          width="medium"
        />
        <Button>保存</Button>
      </PostForm>
    </AdminLayout>
  );
};
