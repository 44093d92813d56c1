// 报送期限: the deadlines a jurisdiction set for the annual reports of its subtree, instead of 条例
// 第四十九条's (a department's report by 31 January, a government's by 31 March), with the form to
// set one and a button to remove each.
import type { FC } from 'hono/jsx';
import type { DeadlineRow } from '../../queries/annual-report-admin-status.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, ErrorSummary, Input, PostForm, Select, type FieldErrors } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export interface ReportDeadlinesView {
  shell: Omit<AdminShellProps, 'title'>;
  rows: (DeadlineRow & { levelName: string })[];
  agencyOptions: { value: string; label: string }[];
  levelOptions: { value: string; label: string }[];
  values: Record<string, string>;
  errors?: FieldErrors;
  done?: 'set' | 'removed';
}

export const ReportDeadlinesPage: FC<ReportDeadlinesView> = (p) => {
  const title = '年度报告报送期限';
  const csrf = p.shell.csrf ?? '';
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[{ label: '年度报告', href: '/admin/reports' }, { label: title }]} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {p.done === 'set' ? '报送期限已保存。' : '报送期限已删除，恢复适用上级或条例规定的期限。'}
        </div>
      ) : null}
      <h1>{title}</h1>
      <p>
        未作规定的，按《政府信息公开条例》第四十九条：行政机关于每年1月31日前提交并公布上一年度的年度报告；县级以上地方人民政府（本系统中的人民政府、县级市（区）人民政府）的年度报告于每年3月31日前公布。
        本级机关规定的期限适用于其所属的全部机关，下级机关另有规定的，以下级机关的规定为准。
      </p>
      <h2>已规定的期限</h2>
      {p.rows.length === 0 ? (
        <p>尚未规定，全部按条例规定的期限。</p>
      ) : (
        <div class="table-wrap">
          <table class="report-table">
            <caption class="visually-hidden">已规定的报送期限</caption>
            <thead>
              <tr>
                <th scope="col">规定机关</th>
                <th scope="col">适用机关类型</th>
                <th scope="col">期限（次年）</th>
                <th scope="col">依据</th>
                <th scope="col">操作</th>
              </tr>
            </thead>
            <tbody>
              {p.rows.map((r) => (
                <tr>
                  <th scope="row">{r.agencyName}</th>
                  <td>{r.levelName}</td>
                  <td class="nowrap">
                    {r.month}月{r.day}日
                  </td>
                  <td>{r.note ?? '—'}</td>
                  <td>
                    <PostForm
                      action={`/admin/reports/deadlines/${r.id}/remove`}
                      csrf={csrf}
                      class="inline-form"
                    >
                      <button type="submit" class="link-button">
                        删除（{r.agencyName}·{r.levelName}）
                      </button>
                    </PostForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>规定期限</h2>
      <PostForm action="/admin/reports/deadlines" csrf={csrf}>
        <Select
          name="agencyId"
          label="规定机关"
          hint="期限适用于该机关及其所属机关。"
          value={p.values.agencyId}
          options={p.agencyOptions}
          errors={p.errors}
          includeBlank="请选择"
        />
        <Select
          name="level"
          label="适用机关类型"
          value={p.values.level}
          options={p.levelOptions}
          errors={p.errors}
        />
        <Input
          name="month"
          label="月"
          hint="次年的月份，例如 1。"
          value={p.values.month}
          errors={p.errors}
          width="short"
        />
        <Input name="day" label="日" hint="例如 20。" value={p.values.day} errors={p.errors} width="short" />
        <Input
          name="note"
          label="依据（选填）"
          hint="例如：市政府办公室关于做好年度报告工作的通知。"
          value={p.values.note}
          errors={p.errors}
        />
        <div class="button-group">
          <Button>保存</Button>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
