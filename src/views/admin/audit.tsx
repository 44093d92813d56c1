// 审计日志: the append-only audit log, newest first, filtered and paginated. Read-only by design —
// there is no edit or delete anywhere; a system administrator can check the hash chain.
import type { FC } from 'hono/jsx';
import type { AuditPage, AuditRow } from '../../queries/audit-log.js';
import { Button, ErrorSummary, Input, PostForm, Select, type FieldErrors } from '../components/forms.js';
import { formatDate, formatDateTime, type Lang } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { AuditData } from './audit-data.js';
import {
  actionLabel,
  AUDIT_ACTION_GROUPS,
  AUDIT_ACTION_LABELS,
  AUDIT_SUBJECT_LABELS,
  subjectDetail,
  subjectLabel,
} from '../models/audit-labels.js';

const T = {
  title: { zh: '审计日志', en: 'Audit log' },
  intro: {
    zh: '系统记录每一项操作（谁、何时、对哪条记录做了什么），日志只能追加，不能修改或删除。',
    en: 'Every operation is recorded (who, when, what, on which record). The log is append-only.',
  },
  action: { zh: '操作', en: 'Action' },
  subjectType: { zh: '对象类型', en: 'Subject type' },
  actor: { zh: '操作人', en: 'Actor' },
  actorHint: { zh: '姓名或登录名的一部分', en: 'Part of a name or login' },
  from: { zh: '开始日期', en: 'From' },
  to: { zh: '结束日期', en: 'To' },
  all: { zh: '全部', en: 'All' },
  filter: { zh: '筛选', en: 'Filter' },
  clear: { zh: '清除筛选', en: 'Clear filters' },
  when: { zh: '时间', en: 'When' },
  subject: { zh: '对象', en: 'Subject' },
  details: { zh: '详情', en: 'Details' },
  none: { zh: '没有符合条件的记录。', en: 'No events match.' },
  summary: { zh: '共 {total} 条，第 {page} / {pages} 页', en: '{total} events, page {page} of {pages}' },
  prev: { zh: '上一页', en: 'Previous' },
  next: { zh: '下一页', en: 'Next' },
  verify: { zh: '校验哈希链', en: 'Verify the hash chain' },
  intact: {
    zh: '完整：已校验 {n} 条事件，未发现改动或缺失。',
    en: 'Intact: {n} events checked, no edits or gaps.',
  },
  broken: {
    zh: '发现问题：已校验 {n} 条事件，以下事件被改动或缺失：',
    en: 'Problems found in {n} events checked:',
  },
  head: { zh: '另行保存的签名链头（可选）', en: 'Signed head kept elsewhere (optional)' },
  headHint: {
    zh: '粘贴日志或备份中的一行 gongkai-audit-head:v1:…。不填时对照服务器数据目录中记录的链头；只有对照链头记录，才能发现最新的事件被删除。',
    en: 'Paste a gongkai-audit-head:v1:… line from the log or a backup. When empty, the head recorded in the data directory is used; only a recorded head reveals deleted newest events.',
  },
  againstPasted: {
    zh: '已对照您粘贴的链头记录（第 {seq} 号事件）。',
    en: 'Checked against the pasted head (event {seq}).',
  },
  againstRecorded: {
    zh: '已对照数据目录中的链头记录（第 {seq} 号事件）。',
    en: 'Checked against the head recorded in the data directory (event {seq}).',
  },
  noHead: {
    zh: '未对照链头记录：最新事件若被删除，本次校验无法发现。',
    en: 'No recorded head was used: deleted newest events cannot be found this way.',
  },
};

export interface AuditFilterValues {
  action: string;
  subjectType: string;
  actor: string;
  from: string;
  to: string;
}

export interface AuditLogView {
  shell: Omit<AdminShellProps, 'title'>;
  result: AuditPage;
  filter: AuditFilterValues;
  errors?: FieldErrors;
  canVerify: boolean;
  verification?: {
    checked: number;
    problems: { seq: number; message: string }[];
    /** The recorded head the chain was checked against (pasted, or kept in the data directory). */
    against?: { seq: number; source: 'pasted' | 'recorded' };
  };
  /** The pasted head, kept when the form comes back with an error. */
  headValue?: string;
}

function pageHref(f: AuditFilterValues, page: number): string {
  const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v !== ''));
  q.set('page', String(page));
  return `/admin/audit?${q.toString()}`;
}

const Against: FC<{ lang: Lang; v: NonNullable<AuditLogView['verification']> }> = ({ lang, v }) => (
  <p>
    {v.against
      ? T[v.against.source === 'pasted' ? 'againstPasted' : 'againstRecorded'][lang].replace(
          '{seq}',
          String(v.against.seq),
        )
      : T.noHead[lang]}
  </p>
);

const Verification: FC<{ lang: Lang; v: NonNullable<AuditLogView['verification']> }> = ({ lang, v }) =>
  v.problems.length === 0 ? (
    <div class="notice notice-success" role="status">
      <p>{T.intact[lang].replace('{n}', String(v.checked))}</p>
      <Against lang={lang} v={v} />
    </div>
  ) : (
    <div class="error-summary" role="alert">
      <p>{T.broken[lang].replace('{n}', String(v.checked))}</p>
      <ul>
        {v.problems.map((p) => (
          <li>{p.message}</li>
        ))}
      </ul>
      <Against lang={lang} v={v} />
    </div>
  );

const Subject: FC<{ lang: Lang; e: AuditRow }> = ({ lang, e }) => {
  const detail = subjectDetail(lang, e, (iso) => formatDate(lang, iso));
  const href =
    e.subjectName && (e.subjectType === 'agency' || e.subjectType === 'user')
      ? `/admin/${e.subjectType === 'agency' ? 'agencies' : 'users'}/${e.subjectId}`
      : null;
  return (
    <>
      {subjectLabel(lang, e.subjectType)}
      {detail ? <br /> : null}
      {href ? <a href={href}>{detail}</a> : detail}
    </>
  );
};

const Filters: FC<{ lang: Lang; f: AuditFilterValues; errors?: FieldErrors }> = ({ lang: l, f, errors }) => (
  <form method="get" action="/admin/audit" class="filters" novalidate>
    <Select
      name="action"
      label={T.action[l]}
      value={f.action}
      includeBlank={T.all[l]}
      options={[
        ...Object.entries(AUDIT_ACTION_GROUPS).map(([value, t]) => ({ value, label: t[l] })),
        ...Object.entries(AUDIT_ACTION_LABELS).map(([value, t]) => ({ value, label: t[l] })),
      ]}
    />
    <Select
      name="subjectType"
      label={T.subjectType[l]}
      value={f.subjectType}
      includeBlank={T.all[l]}
      options={Object.entries(AUDIT_SUBJECT_LABELS).map(([value, t]) => ({ value, label: t[l] }))}
    />
    <Input
      name="actor"
      label={T.actor[l]}
      hint={T.actorHint[l]}
      value={f.actor}
      width="short"
      errors={errors}
    />
    <Input name="from" label={T.from[l]} type="date" value={f.from} width="short" errors={errors} />
    <Input name="to" label={T.to[l]} type="date" value={f.to} width="short" errors={errors} />
    <button type="submit" class="button button-secondary">
      {T.filter[l]}
    </button>
    <a href="/admin/audit">{T.clear[l]}</a>
  </form>
);

export const AuditLogPage: FC<AuditLogView> = (p) => {
  const l = p.shell.lang;
  const r = p.result;
  return (
    <AdminLayout {...p.shell} title={T.title[l]} hasErrors={!!p.errors}>
      <ErrorSummary lang={l} errors={p.errors} />
      <h1>{T.title[l]}</h1>
      <p class="lead">{T.intro[l]}</p>
      {p.verification ? <Verification lang={l} v={p.verification} /> : null}
      {p.canVerify ? (
        <PostForm action="/admin/audit/verify" csrf={p.shell.csrf ?? ''}>
          <Input
            lang={l}
            name="head"
            label={T.head[l]}
            hint={T.headHint[l]}
            value={p.headValue}
            errors={p.errors}
          />
          <Button variant="secondary">{T.verify[l]}</Button>
        </PostForm>
      ) : null}
      <Filters lang={l} f={p.filter} errors={p.errors} />
      {r.events.length === 0 ? (
        <p>{T.none[l]}</p>
      ) : (
        <div class="table-wrap">
          <table class="audit-table">
            <caption>
              {T.summary[l]
                .replace('{total}', String(r.total))
                .replace('{page}', String(r.page))
                .replace('{pages}', String(r.pages))}
            </caption>
            <thead>
              <tr>
                <th scope="col">{T.when[l]}</th>
                <th scope="col">{T.actor[l]}</th>
                <th scope="col">{T.action[l]}</th>
                <th scope="col">{T.subject[l]}</th>
                <th scope="col">{T.details[l]}</th>
              </tr>
            </thead>
            <tbody>
              {r.events.map((e) => (
                <tr data-action={e.action}>
                  <td>
                    <span class="nowrap">{formatDateTime(l, e.at)}</span>
                  </td>
                  <td>{e.actorLabel}</td>
                  <td>{actionLabel(l, e.action)}</td>
                  <td>
                    <Subject lang={l} e={e} />
                  </td>
                  <td>
                    <AuditData lang={l} subjectType={e.subjectType} data={e.data} names={r.names} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {r.pages > 1 ? (
        <nav class="pagination" aria-label={l === 'zh' ? '分页' : 'Pages'}>
          {r.page > 1 ? <a href={pageHref(p.filter, r.page - 1)}>{T.prev[l]}</a> : null}
          {r.page < r.pages ? <a href={pageHref(p.filter, r.page + 1)}>{T.next[l]}</a> : null}
        </nav>
      ) : null}
    </AdminLayout>
  );
};
