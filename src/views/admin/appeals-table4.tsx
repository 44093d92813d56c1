// 年度报告表四预览: the counts of one year in the report's layout (政府信息公开行政复议、行政诉讼情况),
// for the actor's subtree or one agency, with the counting rule for cases that span years stated;
// the system administrator can change that rule here.
import type { FC } from 'hono/jsx';
import {
  APPEAL_YEAR_RULE_LABELS,
  APPEAL_YEAR_RULES,
  type AppealYearRule,
} from '../../domain/appeals/appeals.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  TABLE4_GROUPS,
  TABLE4_SUIT_LABEL,
} from '../../domain/reports/table4-schema.js';
import type { Table4 } from '../../domain/reports/types.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { Button, PostForm, Select } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import type { Option } from './appeals.js';

export interface AppealTable4View {
  shell: Omit<AdminShellProps, 'title'>;
  year: number;
  /** The agency the table is of, or null for the actor's whole scope. */
  agencyName: string | null;
  scopeName: string;
  table: Table4;
  rule: AppealYearRule;
  yearOptions: Option[];
  agencyOptions: Option[];
  agency: string;
  canConfigure: boolean;
  ruleSaved?: boolean;
}

export const AppealTable4Page: FC<AppealTable4View> = (p) => {
  const title = `${p.year}年度报告表四预览`;
  const of = p.agencyName ?? p.scopeName;
  const rule = APPEAL_YEAR_RULE_LABELS[p.rule];
  return (
    <AdminLayout {...p.shell} title={title}>
      <Breadcrumbs lang="zh" items={[{ label: '复议诉讼', href: '/admin/appeals' }, { label: '表四预览' }]} />
      {p.ruleSaved ? (
        <div class="notice notice-success" role="status">
          统计规则已保存。
        </div>
      ) : null}
      <h1>{title}</h1>
      <form method="get" action="/admin/appeals/table4" class="filters">
        <Select name="year" label="年度" value={String(p.year)} options={p.yearOptions} />
        <Select
          name="agency"
          label="机关"
          value={p.agency}
          options={p.agencyOptions}
          includeBlank="全部（合计）"
        />
        <button type="submit" class="button button-secondary">
          查看
        </button>
      </form>
      <p class="lead">
        {of}
        {p.agencyName ? '' : '（含下属机关合计）'}，{p.year}年：
      </p>
      <section aria-labelledby="t4-title">
        <h2 id="t4-title">四、政府信息公开行政复议、行政诉讼情况</h2>
        <div class="table-wrap">
          <table class="report-table t4" aria-labelledby="t4-title">
            <thead>
              <tr>
                <th colspan={5} rowspan={2} scope="colgroup">
                  {TABLE4_GROUP_LABELS.review}
                </th>
                <th colspan={10} scope="colgroup">
                  {TABLE4_SUIT_LABEL}
                </th>
              </tr>
              <tr>
                <th colspan={5} scope="colgroup">
                  {TABLE4_GROUP_LABELS.suitDirect}
                </th>
                <th colspan={5} scope="colgroup">
                  {TABLE4_GROUP_LABELS.suitAfterReview}
                </th>
              </tr>
              <tr>
                {TABLE4_GROUPS.flatMap((g) =>
                  TABLE4_COLUMNS.map((c) => (
                    <th scope="col" class="num">
                      <span class="visually-hidden">{TABLE4_GROUP_LABELS[g]}</span>
                      {TABLE4_COLUMN_LABELS[c]}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              <tr>
                {TABLE4_GROUPS.flatMap((g) =>
                  TABLE4_COLUMNS.map((c, i) => (
                    <td class="num" data-cell={`${g}.${c}`}>
                      {String(p.table[g][i] ?? 0)}
                    </td>
                  )),
                )}
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="rule-title">
        <h2 id="rule-title">跨年案件的统计规则</h2>
        <p>
          本系统当前采用：<strong>{rule.name}</strong>。{rule.description}
        </p>
        <p class="hint">
          法律和年度报告格式未规定跨年案件如何统计，各地做法不一；本规则由系统管理员按本地要求统一设置，适用于所有机关。
          各案件计入「结果维持」「结果纠正」「其他结果」中的哪一栏，以登记审理结果时的选择为准。
        </p>
        {p.canConfigure ? (
          <PostForm action="/admin/appeals/table4/rule" csrf={p.shell.csrf ?? ''}>
            <input type="hidden" name="year" value={String(p.year)} />
            <Select
              name="rule"
              label="统计规则"
              value={p.rule}
              options={APPEAL_YEAR_RULES.map((r) => ({ value: r, label: APPEAL_YEAR_RULE_LABELS[r].name }))}
            />
            <Button variant="secondary">保存统计规则</Button>
          </PostForm>
        ) : null}
      </section>
    </AdminLayout>
  );
};
