// 依申请公开 inbox: the applications of the actor's subtree (or one agency of it), by what an
// officer asks every morning — open, due within 3 working days, overdue, concluded, mine,
// unassigned — with the due date and its marks (words, not only colour). A GET form: no JavaScript.
import type { FC } from 'hono/jsx';
import { CASE_STATE_LABELS } from '../../domain/applications/transitions.js';
import type { InboxPage, InboxView } from '../../queries/application-inbox.js';
import { Input, Select } from '../components/forms.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export type Option = { value: string; label: string };

export interface InboxFilterValues {
  view: InboxView;
  agency: string;
  assigned: '' | 'me' | 'none';
  q: string;
  sort: 'due' | 'received';
}

export interface ApplicationInboxView {
  shell: Omit<AdminShellProps, 'title'>;
  page: InboxPage;
  filter: InboxFilterValues;
  views: { value: InboxView; label: string }[];
  agencyOptions: Option[];
  canRegister: boolean;
  /** Staff accounts have 「我的」; the filter is offered only to those who handle cases. */
  canBeAssigned: boolean;
}

/** Query string of the inbox with some values changed (tabs and paging keep the other filters). */
export function inboxHref(f: InboxFilterValues, change: Partial<InboxFilterValues> & { page?: number }) {
  const v = { ...f, ...change };
  const q = new URLSearchParams();
  if (v.view !== 'open') q.set('view', v.view);
  if (v.agency) q.set('agency', v.agency);
  if (v.assigned) q.set('assigned', v.assigned);
  if (v.q) q.set('q', v.q);
  if (v.sort !== 'due') q.set('sort', v.sort);
  if (change.page && change.page > 1) q.set('page', String(change.page));
  const s = q.toString();
  return `/admin/applications${s ? `?${s}` : ''}`;
}

/** The first characters of a long text, with an ellipsis. */
export function truncate(text: string, max = 30): string {
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max).join('')}…` : text;
}

/** 「已逾期」/「即将到期」 beside a due date: a word in a coloured tag, so colour is never the only sign. */
export const DueMark: FC<{ overdue: boolean; dueSoon: boolean }> = ({ overdue, dueSoon }) =>
  overdue ? (
    <span class="tag tag-red">已逾期</span>
  ) : dueSoon ? (
    <span class="tag tag-amber">即将到期</span>
  ) : null;

export const ApplicationInboxPage: FC<ApplicationInboxView> = (p) => {
  const l = p.shell.lang;
  const f = p.filter;
  const r = p.page;
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const title = '依申请公开';
  return (
    <AdminLayout {...p.shell} title={title}>
      <h1>{title}</h1>
      {p.canRegister ? (
        <p>
          <a class="button button-secondary" href="/admin/applications/new">
            登记纸质、当面、邮寄或传真申请
          </a>
        </p>
      ) : null}
      <nav aria-label="申请分类" class="button-group">
        {p.views.map((v) => (
          <a
            class={v.value === f.view ? 'button button-primary' : 'button button-secondary'}
            href={inboxHref(f, { view: v.value })}
            aria-current={v.value === f.view ? 'page' : undefined}
          >
            {v.label}
          </a>
        ))}
      </nav>
      <form method="get" action="/admin/applications" class="filters">
        {f.view !== 'open' ? <input type="hidden" name="view" value={f.view} /> : null}
        <Select
          name="agency"
          label="受理机关"
          value={f.agency}
          options={p.agencyOptions}
          includeBlank="全部"
        />
        {p.canBeAssigned ? (
          <Select
            name="assigned"
            label="承办人"
            value={f.assigned}
            includeBlank="全部"
            options={[
              { value: 'me', label: '我的' },
              { value: 'none', label: '未分配' },
            ]}
          />
        ) : (
          <Select
            name="assigned"
            label="承办人"
            value={f.assigned}
            includeBlank="全部"
            options={[{ value: 'none', label: '未分配' }]}
          />
        )}
        <Input name="q" label="搜索" hint="申请编号、申请人或申请内容" value={f.q} width="medium" />
        <Select
          name="sort"
          label="排序"
          value={f.sort}
          options={[
            { value: 'due', label: '按答复期限（最早到期在前）' },
            { value: 'received', label: '按收到日期（最新在前）' },
          ]}
        />
        <button type="submit" class="button button-secondary">
          筛选
        </button>
        <a href={inboxHref(f, { agency: '', assigned: '', q: '', sort: 'due' })}>清除筛选</a>
      </form>
      {r.items.length === 0 ? (
        <p>没有符合条件的申请。</p>
      ) : (
        <Table
          caption={`共 ${r.total} 件申请${pages > 1 ? `，第 ${r.page}/${pages} 页` : ''}`}
          head={['申请编号', '受理机关', '申请人', '申请内容', '收到日期', '状态', '答复期限', '承办人']}
          rows={r.items.map((a) => [
            <a href={`/admin/applications/${a.id}`} class="nowrap">
              {a.trackingNumber}
            </a>,
            a.agencyName,
            a.applicantName,
            <span title={a.description}>{truncate(a.description)}</span>,
            <span class="nowrap">{formatDate(l, a.receivedOn)}</span>,
            <span class="nowrap">{CASE_STATE_LABELS[a.state] ?? a.state}</span>,
            a.dueDate ? (
              <>
                <span class="nowrap">{formatDate(l, a.dueDate)}</span>{' '}
                <DueMark overdue={a.overdue} dueSoon={a.dueSoon} />
              </>
            ) : (
              '—'
            ),
            a.assignedTo ?? '未分配',
          ])}
        />
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label="分页">
          {r.page > 1 ? <a href={inboxHref(f, { page: r.page - 1 })}>上一页</a> : null}
          {r.page < pages ? <a href={inboxHref(f, { page: r.page + 1 })}>下一页</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
};
