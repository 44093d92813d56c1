// 主动公开 in the back office: the library of the actor's subtree with its filters (state, kind,
// agency, 效力级别, 有效性, words of the title or a 文号), the 第二十六条 due date of what is not yet
// published with 「已逾期」/「即将到期」 in words, and the list of normative documents that still lack
// a 政策解读. GET forms: no JavaScript.
import type { FC } from 'hono/jsx';
import {
  DOCUMENT_KINDS,
  EFFECT_LEVELS,
  PUBLICATION_STATES,
  VALIDITY_STATES,
} from '../../domain/documents/vocab.js';
import type { LackingInterpretation } from '../../queries/document-admin.js';
import type { AdminDocumentPage } from '../../queries/document-admin-list.js';
import { Breadcrumbs } from '../components/breadcrumbs.js';
import { FilterForm } from '../components/filter-form.js';
import { Input, Select } from '../components/forms.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import {
  DOCUMENT_KIND_LABELS,
  EFFECT_LEVEL_LABELS,
  labelOf,
  PUBLICATION_STATE_LABELS,
  VALIDITY_LABELS,
} from '../models/document-labels.js';
import { DueMark, truncate } from './applications.js';

export type Option = { value: string; label: string };

export interface DocumentFilterValues {
  state: string;
  kind: string;
  agency: string;
  effectLevel: string;
  validity: string;
  q: string;
  sort: 'updated' | 'due' | 'published';
}

export interface DocumentListView {
  shell: Omit<AdminShellProps, 'title'>;
  page: AdminDocumentPage;
  filter: DocumentFilterValues;
  agencyOptions: Option[];
  canCreate: boolean;
  canConfigure: boolean;
}

/** Query string of the list with some values changed (paging keeps the filters). */
export function documentsAdminHref(
  f: DocumentFilterValues,
  change: Partial<DocumentFilterValues> & { page?: number } = {},
) {
  const v = { ...f, ...change };
  const q = new URLSearchParams();
  for (const k of ['state', 'kind', 'agency', 'effectLevel', 'validity', 'q'] as const)
    if (v[k]) q.set(k, v[k]);
  if (v.sort !== 'updated') q.set('sort', v.sort);
  if (change.page && change.page > 1) q.set('page', String(change.page));
  const s = q.toString();
  return `/admin/documents${s ? `?${s}` : ''}`;
}

const options = <K extends string>(values: readonly K[], labels: Record<K, { zh: string }>) =>
  values.map((v) => ({ value: v, label: labels[v].zh }));

const STATE_OPTIONS = [
  ...options(PUBLICATION_STATES, PUBLICATION_STATE_LABELS),
  { value: 'overdue', label: '逾期未发布（第二十六条）' },
];

export const DocumentListPage: FC<DocumentListView> = (p) => {
  const l = p.shell.lang;
  const f = p.filter;
  const r = p.page;
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const title = '主动公开';
  return (
    <AdminLayout {...p.shell} title={title}>
      <h1>{title}</h1>
      <p class="button-group">
        {p.canCreate ? (
          <a class="button button-primary" href="/admin/documents/new">
            新建文件或解读
          </a>
        ) : null}
        <a class="button button-secondary" href="/admin/documents/lacking-interpretation">
          尚无解读的规范性文件
        </a>
        {p.canConfigure ? (
          <a class="button button-secondary" href="/admin/documents/index-template">
            索引号规则
          </a>
        ) : null}
      </p>
      <FilterForm action="/admin/documents">
        <Select name="state" label="发布状态" value={f.state} options={STATE_OPTIONS} includeBlank="全部" />
        <Select
          name="kind"
          label="类别"
          value={f.kind}
          options={options(DOCUMENT_KINDS, DOCUMENT_KIND_LABELS)}
          includeBlank="全部"
        />
        <Select
          name="agency"
          label="发布机构"
          value={f.agency}
          options={p.agencyOptions}
          includeBlank="全部"
        />
        <Select
          name="effectLevel"
          label="效力级别"
          value={f.effectLevel}
          options={options(EFFECT_LEVELS, EFFECT_LEVEL_LABELS)}
          includeBlank="全部"
        />
        <Select
          name="validity"
          label="有效性"
          value={f.validity}
          options={options(VALIDITY_STATES, VALIDITY_LABELS)}
          includeBlank="全部"
        />
        <Input name="q" label="搜索" hint="标题中的字词、发文字号或索引号" value={f.q} width="medium" />
        <Select
          name="sort"
          label="排序"
          value={f.sort}
          options={[
            { value: 'updated', label: '按最近修改' },
            { value: 'due', label: '按发布期限（最早到期在前）' },
            { value: 'published', label: '按发布日期（最新在前）' },
          ]}
        />
      </FilterForm>
      {r.items.length === 0 ? (
        <p>没有符合条件的文件。</p>
      ) : (
        <Table
          caption={`共 ${r.total} 份${pages > 1 ? `，第 ${r.page}/${pages} 页` : ''}`}
          head={['标题', '发文字号', '发布机构', '类别', '状态', '有效性', '发布日期', '发布期限']}
          rows={r.items.map((d) => [
            <a href={`/admin/documents/${d.id}`} title={d.title}>
              {truncate(d.title, 40)}
            </a>,
            d.docNumber ? <span class="nowrap">{d.docNumber}</span> : '—',
            d.agencyName,
            labelOf(DOCUMENT_KIND_LABELS, d.kind),
            <span class="nowrap">{labelOf(PUBLICATION_STATE_LABELS, d.state)}</span>,
            <span class="nowrap">{labelOf(VALIDITY_LABELS, d.validity)}</span>,
            d.publishedOn ? <span class="nowrap">{formatDate(l, d.publishedOn)}</span> : '—',
            d.dueDate ? (
              <>
                <span class="nowrap">{formatDate(l, d.dueDate)}</span>{' '}
                <DueMark overdue={d.overdue} dueSoon={d.dueSoon} />
              </>
            ) : (
              '—'
            ),
          ])}
        />
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label="分页">
          {r.page > 1 ? <a href={documentsAdminHref(f, { page: r.page - 1 })}>上一页</a> : null}
          {r.page < pages ? <a href={documentsAdminHref(f, { page: r.page + 1 })}>下一页</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
};

export const LackingInterpretationPage: FC<{
  shell: Omit<AdminShellProps, 'title'>;
  items: LackingInterpretation[];
  canCreate: boolean;
}> = (p) => {
  const l = p.shell.lang;
  const title = '尚无解读的规范性文件';
  return (
    <AdminLayout {...p.shell} title={title}>
      <Breadcrumbs lang={l} items={[{ label: '主动公开', href: '/admin/documents' }, { label: title }]} />
      <h1>{title}</h1>
      <p>
        已发布、仍然有效的规章和行政规范性文件中，还没有已发布的政策解读与之关联的文件。起草解读后，在解读的页面记录「解读」关系即可从本列表移除。
      </p>
      {p.items.length === 0 ? (
        <p>没有缺少解读的文件。</p>
      ) : (
        <Table
          caption={`共 ${p.items.length} 份`}
          head={['标题', '发文字号', '发布机构', '发布日期', '有效性']}
          rows={p.items.map((d) => [
            <a href={`/admin/documents/${d.id}`}>{d.title}</a>,
            d.docNumber ?? '—',
            d.agencyName,
            d.publishedOn ? <span class="nowrap">{formatDate(l, d.publishedOn)}</span> : '—',
            labelOf(VALIDITY_LABELS, d.validity),
          ])}
        />
      )}
      {p.canCreate ? (
        <p>
          <a class="button button-secondary" href="/admin/documents/new?kind=interpretation">
            新建政策解读
          </a>
        </p>
      ) : null}
    </AdminLayout>
  );
};
