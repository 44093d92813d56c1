// 政府公报 in the back office: the issues of the gazettes in the actor's scope (filtered by year and
// agency) and the form for a new issue.
import type { FC } from 'hono/jsx';
import type { GazetteIssueSummary } from '../../queries/gazette.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { FilterForm, listCaption, YearAgencyFilters } from '../components/filter-form.js';
import { Button, ErrorSummary, Input, PostForm, Select, type FieldErrors } from '../components/forms.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export type Option = { value: string; label: string };

/** Field names of an issue as people read them. */
export const GAZETTE_FIELD_LABELS = {
  agencyId: '编印机关',
  year: '年度',
  number: '期号',
  totalNumber: '总期号',
  publishedOn: '出版日期',
  documents: '收录文件',
  file: 'PDF 版',
} as const;

/** 2026年第3期（总第215期） */
export function issueName(i: { year: number; number: number; totalNumber: number | null }): string {
  return `${i.year}年第${i.number}期${i.totalNumber ? `（总第${i.totalNumber}期）` : ''}`;
}

export interface GazetteListView {
  shell: Omit<AdminShellProps, 'title'>;
  issues: GazetteIssueSummary[];
  truncated: boolean;
  agencyOptions: Option[];
  yearOptions: Option[];
  filter: { year: string; agency: string };
}

export const GazetteListPage: FC<GazetteListView> = (p) => {
  const F = GAZETTE_FIELD_LABELS;
  const title = '政府公报';
  return (
    <AdminLayout {...p.shell} title={title}>
      <h1>{title}</h1>
      <p class="lead">
        政府公报的期次、每期收录的文件和 PDF 版。公报在门户网站「政府公报」栏目按年度列出，可全文检索。
      </p>
      <p class="button-group">
        <a class="button button-secondary" href="/admin/gazette/new">
          新增一期
        </a>
        <a href="/gazette">在门户网站查看</a>
      </p>
      <FilterForm action="/admin/gazette">
        <YearAgencyFilters labels={F} {...p} />
      </FilterForm>
      {p.issues.length === 0 ? (
        <p>没有符合条件的公报期次。</p>
      ) : (
        <Table
          caption={listCaption(p.issues.length, p.truncated, '期')}
          head={['期次', F.agencyId, F.publishedOn, F.documents, F.file]}
          rows={p.issues.map((i) => [
            <a href={`/admin/gazette/${i.id}`}>{issueName(i)}</a>,
            i.agency.name,
            <span class="nowrap">{formatDate('zh', i.publishedOn)}</span>,
            `${i.documents} 件`,
            i.file ? '已上传' : <span class="tag tag-amber">未上传</span>,
          ])}
        />
      )}
    </AdminLayout>
  );
};

export type GazetteFormValues = Partial<
  Record<'agencyId' | 'year' | 'number' | 'totalNumber' | 'publishedOn', string>
>;

export const GazetteNewPage: FC<{
  shell: Omit<AdminShellProps, 'title'>;
  values: GazetteFormValues;
  agencyOptions: Option[];
  errors?: FieldErrors;
}> = (p) => {
  const title = '新增一期公报';
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang="zh" errors={p.errors} />
      <Breadcrumbs lang="zh" items={[{ label: '政府公报', href: '/admin/gazette' }, { label: title }]} />
      <h1>{title}</h1>
      <PostForm action="/admin/gazette/new" csrf={p.shell.csrf ?? ''}>
        <Select
          name="agencyId"
          label={GAZETTE_FIELD_LABELS.agencyId}
          value={p.values.agencyId}
          options={p.agencyOptions}
          errors={p.errors}
        />
        <GazetteIssueFieldsBlock values={p.values} errors={p.errors} />
        <div class="button-group">
          <Button>保存</Button>
          <a href="/admin/gazette">取消</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};

/** Year, numbers and date: the same fields when creating and when correcting an issue. */
export const GazetteIssueFieldsBlock: FC<{ values: GazetteFormValues; errors?: FieldErrors }> = (p) => {
  const F = GAZETTE_FIELD_LABELS;
  return (
    <>
      <Input name="year" label={F.year} value={p.values.year} errors={p.errors} width="short" />
      <Input
        name="number"
        label={F.number}
        hint="本年度的第几期，例如 12"
        value={p.values.number}
        errors={p.errors}
        width="short"
      />
      <Input
        name="totalNumber"
        label={`${F.totalNumber}（选填）`}
        hint="创刊以来的总期数"
        value={p.values.totalNumber}
        errors={p.errors}
        width="short"
      />
      <Input
        name="publishedOn"
        label={F.publishedOn}
        hint="格式：年-月-日，例如 2026-06-30"
        value={p.values.publishedOn}
        errors={p.errors}
        width="short"
      />
    </>
  );
};
