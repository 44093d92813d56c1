// 信件办理 inbox: the letters of the actor's subtree, filtered by state, mailbox, kind, warning level,
// mine and overdue (a GET form: no JavaScript), with the due date and its warning level in words.
import type { FC } from 'hono/jsx';
import { LETTER_KINDS, LETTER_STATES, WARNING_LEVELS } from '../../domain/letters/kinds.js';
import type { LetterInboxPage as InboxResult } from '../../queries/letter-inbox.js';
import { Input, Select } from '../components/forms.js';
import { Table } from '../components/table.js';
import { formatDate } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import {
  LETTER_KIND_LABELS,
  LETTER_STATE_LABELS,
  TRIAGE_LABELS,
  WARNING_LEVEL_LABELS,
} from '../models/letter-labels.js';
import { truncate } from './applications.js';
import { SupervisedBadge, VetoBadge, WarningBadge } from './letter-badges.js';

export interface LetterFilterValues {
  state: string;
  mailbox: string;
  kind: string;
  warning: string;
  mine: boolean;
  overdue: boolean;
  q: string;
  sort: 'due' | 'received';
}

export interface LetterInboxView {
  shell: Omit<AdminShellProps, 'title'>;
  page: InboxResult;
  filter: LetterFilterValues;
  mailboxOptions: { value: string; label: string }[];
  canEnter: boolean;
  canMine: boolean;
  canStats: boolean;
}

export const DEFAULT_LETTER_FILTER: LetterFilterValues = {
  state: 'open',
  mailbox: '',
  kind: '',
  warning: '',
  mine: false,
  overdue: false,
  q: '',
  sort: 'due',
};

/** Query string of the inbox with some values changed (paging keeps the other filters). */
export function letterInboxHref(
  f: LetterFilterValues,
  change: Partial<LetterFilterValues> & { page?: number },
) {
  const v = { ...f, ...change };
  const q = new URLSearchParams();
  if (v.state !== 'open') q.set('state', v.state);
  if (v.mailbox) q.set('mailbox', v.mailbox);
  if (v.kind) q.set('kind', v.kind);
  if (v.warning) q.set('warning', v.warning);
  if (v.mine) q.set('mine', '1');
  if (v.overdue) q.set('overdue', '1');
  if (v.q) q.set('q', v.q);
  if (v.sort !== 'due') q.set('sort', v.sort);
  if (change.page && change.page > 1) q.set('page', String(change.page));
  const s = q.toString();
  return `/admin/letters${s ? `?${s}` : ''}`;
}

const Check: FC<{ name: string; label: string; checked: boolean }> = (p) => (
  <div class="field">
    <div class="radio">
      <input type="checkbox" id={`f-${p.name}`} name={p.name} value="1" checked={p.checked} />
      <label for={`f-${p.name}`}>{p.label}</label>
    </div>
  </div>
);

export const LetterInboxPage: FC<LetterInboxView> = (p) => {
  const l = p.shell.lang;
  const f = p.filter;
  const r = p.page;
  const pages = Math.max(1, Math.ceil(r.total / r.pageSize));
  const title = '信件办理';
  return (
    <AdminLayout {...p.shell} title={title}>
      <h1>{title}</h1>
      <p class="button-group">
        {p.canEnter ? (
          <a class="button button-secondary" href="/admin/letters/new">
            登记来信、来电
          </a>
        ) : null}
        {p.canStats ? <a href="/admin/letters/statistics">月度统计</a> : null}
      </p>
      <form method="get" action="/admin/letters" class="filters">
        <Select
          name="state"
          label="状态"
          value={f.state}
          options={[
            { value: 'open', label: '未办结' },
            ...LETTER_STATES.map((s) => ({ value: s, label: LETTER_STATE_LABELS[s] })),
            { value: 'all', label: '全部' },
          ]}
        />
        <Select
          name="mailbox"
          label="信箱"
          value={f.mailbox}
          options={p.mailboxOptions}
          includeBlank="全部"
        />
        <Select
          name="kind"
          label="类型"
          value={f.kind}
          options={LETTER_KINDS.map((k) => ({ value: k, label: LETTER_KIND_LABELS[k] }))}
          includeBlank="全部"
        />
        <Select
          name="warning"
          label="预警级别"
          value={f.warning}
          options={[
            ...WARNING_LEVELS.map((w) => ({ value: w, label: WARNING_LEVEL_LABELS[w] })),
            { value: 'any', label: '任一级别' },
          ]}
          includeBlank="全部"
        />
        <Input name="q" label="搜索" hint="信件编号或标题中的词" value={f.q} width="medium" />
        <Select
          name="sort"
          label="排序"
          value={f.sort}
          options={[
            { value: 'due', label: '按办理期限（最早到期在前）' },
            { value: 'received', label: '按来信日期（最新在前）' },
          ]}
        />
        {p.canMine ? <Check name="mine" label="只看我的" checked={f.mine} /> : null}
        <Check name="overdue" label="只看已逾期" checked={f.overdue} />
        <button type="submit" class="button button-secondary">
          筛选
        </button>
        <a href="/admin/letters">清除筛选</a>
      </form>
      {r.items.length === 0 ? (
        <p>没有符合条件的信件。</p>
      ) : (
        <Table
          caption={`共 ${r.total} 件信件${pages > 1 ? `，第 ${r.page}/${pages} 页` : ''}`}
          head={['信件编号', '标题', '信箱', '类型', '来信日期', '状态', '办理期限', '承办单位']}
          rows={r.items.map((a) => [
            <a href={`/admin/letters/${a.id}`} class="nowrap">
              {a.trackingNumber}
            </a>,
            <span title={a.title}>{truncate(a.title, 24)}</span>,
            a.mailboxName,
            LETTER_KIND_LABELS[a.kind as keyof typeof LETTER_KIND_LABELS] ?? '其他',
            <span class="nowrap">{formatDate(l, a.receivedOn)}</span>,
            <>
              <span class="nowrap">
                {LETTER_STATE_LABELS[a.state as keyof typeof LETTER_STATE_LABELS] ?? a.state}
              </span>
              {a.triage !== 'pending' && a.triage !== 'accepted' ? (
                <div class="hint">{TRIAGE_LABELS[a.triage as keyof typeof TRIAGE_LABELS]}</div>
              ) : null}
            </>,
            a.dueDate ? (
              <>
                <span class="nowrap">{formatDate(l, a.dueDate)}</span> <WarningBadge level={a.warningLevel} />{' '}
                <SupervisedBadge supervised={a.supervised} /> <VetoBadge risk={a.vetoRisk} />
              </>
            ) : a.repliedOn ? (
              <span class="nowrap">{formatDate(l, a.repliedOn)}答复</span>
            ) : (
              '—'
            ),
            <>
              {a.handlingAgencyName}
              {a.handlingAssigned ? null : <div class="hint">（尚未交办）</div>}
              {a.assignedTo ? <div class="hint">承办人：{a.assignedTo}</div> : null}
            </>,
          ])}
        />
      )}
      {pages > 1 ? (
        <nav class="pagination" aria-label="分页">
          {r.page > 1 ? <a href={letterInboxHref(f, { page: r.page - 1 })}>上一页</a> : null}
          {r.page < pages ? <a href={letterInboxHref(f, { page: r.page + 1 })}>下一页</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
};
