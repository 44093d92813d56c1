// 表二数据填报: the figures of table 二 that the document library does not hold (行政许可, 行政处罚,
// 行政强制, 行政事业性收费; in the 2019 format also 其他对外管理服务事项 and 政府集中采购), and
// overrides of the library's 规章/规范性文件 figures, for one agency, year and scope. A blank cell
// is not entered (规章/规范性文件 then come from the library).
import type { FC } from 'hono/jsx';
import type { Table2RowDef } from '../../domain/reports/table2-schema.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, Input, PostForm, type FieldErrors } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export interface ReportFiguresView {
  shell: Omit<AdminShellProps, 'title'>;
  reportTitle: string;
  reportHref: string;
  action: string;
  rows: readonly Table2RowDef[];
  /** Where each row's figures come from now (文件库统计, 人工填报 …). */
  sources: Record<string, string>;
  values: Record<string, string>;
  errors?: FieldErrors;
}

/** The form field of a cell: 「c.licensing.decisions」. */
export const figureField = (row: string, column: string) => `c.${row}.${column}`;

export const ReportFiguresPage: FC<ReportFiguresView> = (p) => {
  const title = '填报表二数据';
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs
        lang="zh"
        items={[
          { label: '年度报告', href: '/admin/reports' },
          { label: p.reportTitle, href: p.reportHref },
          { label: title },
        ]}
      />
      <h1>{title}</h1>
      <p class="lead">{p.reportTitle}</p>
      <p>
        规章、规范性文件的数字默认由文件库统计，在此填写则以填写的为准；其他各行请按本机关的业务统计填写。留空表示不填报。金额按表头单位填写。
      </p>
      <PostForm action={p.action} csrf={p.shell.csrf ?? ''}>
        {p.rows.map((r) => (
          <fieldset class="fieldset">
            <legend>
              {r.label}
              {p.sources[r.key] ? <span class="hint-inline">（当前来源：{p.sources[r.key]}）</span> : null}
            </legend>
            {r.columns.map((c) => (
              <Input
                name={figureField(r.key, c.key)}
                label={`${r.label}：${c.label}`}
                value={p.values[`${r.key}.${c.key}`]}
                errors={p.errors}
                width={c.kind === 'amountText' ? 'medium' : 'short'}
              />
            ))}
          </fieldset>
        ))}
        <Input
          name="sourceNote"
          label="数据来源（选填）"
          hint="例如：市行政审批局提供。"
          value={p.values.sourceNote}
          errors={p.errors}
        />
        <div class="button-group">
          <Button>保存</Button>
          <a href={p.reportHref}>返回年度报告</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
