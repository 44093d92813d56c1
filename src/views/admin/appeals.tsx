// 复议诉讼: the register of 行政复议 and 行政诉讼 in the actor's scope, filtered by kind, result,
// year and agency (a GET form), with links to record a new case and to the table 四 preview.
import type { FC } from 'hono/jsx';
import {
  APPEAL_KIND_LABELS,
  APPEAL_KINDS,
  APPEAL_RESULT_LABELS,
  APPEAL_RESULTS,
  appealKindText,
  type AppealResult,
} from '../../domain/appeals/appeals.js';
import type { AppealItem } from '../../queries/appeals.js';
import { FilterForm, listCaption, YearAgencyFilters } from '../components/filter-form.js';
import { Select } from '../components/forms.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export type Option = { value: string; label: string };

/** Field names of an appeal as people read them (forms, list, detail). */
export const APPEAL_FIELD_LABELS = {
  agencyId: '被申请（被诉）机关',
  trackingNumber: '关联申请编号',
  kind: '案件类型',
  afterReconsideration: '复议后起诉',
  body: '复议机关或受理法院',
  caseNumber: '案号',
  appellant: '申请人（原告）',
  filedOn: '申请（起诉）日期',
  result: '审理结果',
  decidedOn: '审结日期',
  note: '备注',
  year: '申请（起诉）年度',
} as const;

export const kindOptions: Option[] = APPEAL_KINDS.map((k) => ({ value: k, label: APPEAL_KIND_LABELS[k] }));
export const resultOptions: Option[] = APPEAL_RESULTS.map((r) => ({
  value: r,
  label: APPEAL_RESULT_LABELS[r],
}));

export const ResultTag: FC<{ result: AppealResult }> = ({ result }) => (
  <span
    class={`tag ${result === 'pending' ? 'tag-amber' : result === 'corrected' ? 'tag-red' : result === 'upheld' ? 'tag-green' : 'tag-grey'}`}
  >
    {APPEAL_RESULT_LABELS[result]}
  </span>
);

export interface AppealListView {
  shell: Omit<AdminShellProps, 'title'>;
  appeals: AppealItem[];
  /** True when the list was cut at the limit. */
  truncated: boolean;
  agencyOptions: Option[];
  yearOptions: Option[];
  filter: { kind: string; result: string; year: string; agency: string };
  canCreate: boolean;
}

export const AppealListPage: FC<AppealListView> = (p) => {
  const F = APPEAL_FIELD_LABELS;
  const title = '复议诉讼';
  return (
    <AdminLayout {...p.shell} title={title}>
      <h1>{title}</h1>
      <p class="lead">因政府信息公开工作引起的行政复议、行政诉讼案件登记，是年度报告表四的数据来源。</p>
      <p class="button-group">
        {p.canCreate ? (
          <a class="button button-secondary" href="/admin/appeals/new">
            登记案件
          </a>
        ) : null}
        <a href="/admin/appeals/table4">年度报告表四预览</a>
      </p>
      <FilterForm action="/admin/appeals">
        <Select name="kind" label={F.kind} value={p.filter.kind} options={kindOptions} includeBlank="全部" />
        <Select
          name="result"
          label={F.result}
          value={p.filter.result}
          options={resultOptions}
          includeBlank="全部"
        />
        <YearAgencyFilters labels={F} {...p} />
      </FilterForm>
      {p.appeals.length === 0 ? (
        <p>没有符合条件的案件。</p>
      ) : (
        <Table
          caption={listCaption(p.appeals.length, p.truncated, '件')}
          head={[F.filedOn, F.kind, F.appellant, F.agencyId, F.body, F.result, F.decidedOn, '关联申请']}
          rows={p.appeals.map((a) => [
            <a href={`/admin/appeals/${a.id}`} class="nowrap">
              {formatDate('zh', a.filedOn)}
            </a>,
            appealKindText(a),
            a.appellant,
            a.agency.name,
            a.body,
            <ResultTag result={a.result} />,
            a.decidedOn ? <span class="nowrap">{formatDate('zh', a.decidedOn)}</span> : '—',
            a.application ? (
              <a href={`/admin/applications/${a.application.id}`}>{a.application.trackingNumber}</a>
            ) : (
              '—'
            ),
          ])}
        />
      )}
    </AdminLayout>
  );
};
