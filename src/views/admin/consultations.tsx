// 意见征集 in the back office: the list of the actor's subtree and the draft's form (new or edit).
import type { FC } from 'hono/jsx';
import { CONSULTATION_TYPE_LABELS, CONSULTATION_TYPES } from '../../domain/consultations/index.js';
import type { ConsultationSummary } from '../../queries/consultations.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import {
  Button,
  ErrorSummary,
  Input,
  PostForm,
  Select,
  TextArea,
  fieldId,
  type FieldErrors,
} from '../components/forms.js';
import { Table } from '../components/table.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { periodRange, StatusTag, typeText } from '../portal/consultation-parts.js';

const TITLE = '意见征集';

export interface ConsultationListView {
  shell: Omit<AdminShellProps, 'title'>;
  items: ConsultationSummary[];
  canCreate: boolean;
  /** The system administrator sets the minimum periods. */
  canConfigure?: boolean;
}

export const ConsultationListPage: FC<ConsultationListView> = (p) => (
  <AdminLayout {...p.shell} title={TITLE}>
    <Breadcrumbs lang="zh" items={[{ label: '工作台', href: '/admin' }, { label: TITLE }]} />
    <h1>{TITLE}</h1>
    <p>
      规章、行政规范性文件和重大行政决策草案向社会公开征求意见：开始征集时按事项类型检查最短期限，征集结束、每条意见作出采纳决定后发布意见采纳情况。
    </p>
    {p.canCreate ? (
      <p>
        <a class="button button-primary" href="/admin/consultations/new">
          新建意见征集
        </a>
      </p>
    ) : null}
    {p.canConfigure ? (
      <p>
        <a href="/admin/consultations/settings">设置各类事项的最短征集期限</a>
      </p>
    ) : null}
    {p.items.length === 0 ? (
      <p>还没有意见征集。</p>
    ) : (
      <Table
        caption={`共 ${p.items.length} 项`}
        head={['标题', '征集机关', '事项类型', '征集期间', '意见数', '状态']}
        rows={p.items.map((c) => [
          <a href={`/admin/consultations/${c.id}`}>{c.title}</a>,
          c.agency.name,
          typeText(c),
          periodRange(c),
          String(c.opinions),
          <StatusTag status={c.status} />,
        ])}
      />
    )}
  </AdminLayout>
);

export type ConsultationFormValues = Partial<
  Record<
    | 'id'
    | 'version'
    | 'agencyId'
    | 'title'
    | 'description'
    | 'document'
    | 'decisionType'
    | 'concernsMarket'
    | 'opensOn'
    | 'closesOn'
    | 'email'
    | 'postalAddress',
    string
  >
>;

export interface ConsultationFormView {
  shell: Omit<AdminShellProps, 'title'>;
  values: ConsultationFormValues;
  agencyOptions: { value: string; label: string }[];
  /** The minimum period of each type, for the hint. */
  periodsHint: string;
  errors?: FieldErrors;
  conflict?: string;
}

export const ConsultationFormPage: FC<ConsultationFormView> = (p) => {
  const editing = !!p.values.id;
  const title = editing ? '修改意见征集' : '新建意见征集';
  const action = editing ? `/admin/consultations/${p.values.id}/edit` : '/admin/consultations/new';
  const market = fieldId('concernsMarket');
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[{ label: TITLE, href: '/admin/consultations' }, { label: title }]} />
      {p.conflict ? (
        <div class="notice notice-warning" role="alert">
          {p.conflict}
        </div>
      ) : null}
      <h1>{title}</h1>
      <PostForm action={action} csrf={p.shell.csrf ?? ''}>
        {editing ? (
          <>
            <input type="hidden" name="id" value={p.values.id} />
            <input type="hidden" name="version" value={p.values.version ?? ''} />
          </>
        ) : null}
        <Select
          name="agencyId"
          label="征集机关"
          value={p.values.agencyId}
          options={p.agencyOptions}
          errors={p.errors}
          includeBlank="请选择"
        />
        <Input name="title" label="标题" value={p.values.title} errors={p.errors} />
        <Select
          name="decisionType"
          label="征集事项类型"
          hint={p.periodsHint}
          value={p.values.decisionType}
          options={CONSULTATION_TYPES.map((t) => ({ value: t, label: CONSULTATION_TYPE_LABELS[t] }))}
          errors={p.errors}
          includeBlank="请选择"
        />
        <div class="field">
          <div class="radio">
            <input
              type="checkbox"
              id={market}
              name="concernsMarket"
              value="yes"
              checked={p.values.concernsMarket === 'yes'}
            />
            <label for={market}>
              与市场主体生产经营活动密切相关（仅对行政规范性文件适用，征求意见期限不少于30日）
            </label>
          </div>
        </div>
        <Input
          name="document"
          label="关联文件（选填）"
          hint="文件库中草案或已发布文件的编号、发文字号或完整标题"
          value={p.values.document}
          errors={p.errors}
        />
        <TextArea
          name="description"
          label="起草说明（选填）"
          value={p.values.description}
          errors={p.errors}
          rows={8}
        />
        <Input
          name="opensOn"
          label="开始日期"
          hint="格式：年-月-日，例如 2026-12-01。开始和截止当日都计入征集期。"
          value={p.values.opensOn}
          errors={p.errors}
          width="short"
        />
        <Input
          name="closesOn"
          label="截止日期"
          hint="开始征集时按事项类型检查最短期限。"
          value={p.values.closesOn}
          errors={p.errors}
          width="short"
        />
        <Input
          name="email"
          label="接收意见的电子邮箱（选填）"
          value={p.values.email}
          errors={p.errors}
          width="medium"
        />
        <Input
          name="postalAddress"
          label="接收意见的通信地址（选填）"
          value={p.values.postalAddress}
          errors={p.errors}
        />
        <div class="button-group">
          <Button>保存草稿</Button>
          <a href={editing ? `/admin/consultations/${p.values.id}` : '/admin/consultations'}>取消</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
