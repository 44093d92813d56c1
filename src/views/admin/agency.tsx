// One agency: all its data, its subordinate agencies and what the actor may do with it.
import type { FC } from 'hono/jsx';
import { AGENCY_KIND_LABELS, isAgencyKind, OFFICE_CONTACT_FIELDS } from '../../domain/agencies/agency.js';
import type { AgencyRecord, AgencySummary } from '../../queries/agencies.js';
import { Button, ErrorSummary, PostForm } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { ACTIVE_LABELS, AGENCY_FIELD_LABELS as F } from '../models/admin-labels.js';

const T = {
  back: { zh: '返回机构列表', en: 'All agencies' },
  edit: { zh: '编辑', en: 'Edit' },
  addChild: { zh: '新增下级机构', en: 'Add a subordinate agency' },
  users: { zh: '查看本机构用户', en: 'Users of this agency' },
  deactivate: { zh: '停用机构', en: 'Deactivate' },
  reactivate: { zh: '启用机构', en: 'Reactivate' },
  children: { zh: '下级机构', en: 'Subordinate agencies' },
  noChildren: { zh: '没有下级机构。', en: 'No subordinate agencies.' },
  office: { zh: '政府信息公开工作机构', en: 'Disclosure office' },
  created: { zh: '机构已新增。', en: 'The agency was created.' },
  updated: { zh: '机构信息已保存。', en: 'The agency was saved.' },
  deactivated: { zh: '机构已停用。', en: 'The agency was deactivated.' },
  reactivated: { zh: '机构已启用。', en: 'The agency was reactivated.' },
  guideGapsTitle: {
    zh: '政府信息公开指南缺少联系信息',
    en: 'The disclosure guide lacks contact details',
  },
  guideGaps: {
    zh: '《政府信息公开条例》第十二条要求指南载明政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和互联网联系方式。本机构的指南目前缺少：',
    en: 'Article 12 of the Regulations requires the guide to state the disclosure office’s name, address, hours, telephone, fax and online contact. This agency’s guide lacks:',
  },
  fillIn: { zh: '编辑机构信息补充', en: 'Edit the agency to add them' },
};

export type AgencyDone = 'created' | 'updated' | 'deactivated' | 'reactivated';

export interface AgencyDetailView {
  shell: Omit<AdminShellProps, 'title'>;
  agency: AgencyRecord;
  /** The parent, linked only when it lies in the actor's scope. */
  parent: { id: number; name: string; linkable: boolean } | null;
  subordinates: AgencySummary[];
  canEdit: boolean;
  /** Deactivation is not offered for the root or the actor's own agency. */
  canDeactivate: boolean;
  canViewUsers: boolean;
  /** The 第十二条 contact items its published 指南 would lack (empty when complete). */
  guideGaps: string[];
  done?: AgencyDone;
  error?: string;
}

export const AgencyDetailPage: FC<AgencyDetailView> = (p) => {
  const l = p.shell.lang;
  const a = p.agency;
  const v = (text?: string | null) => text ?? '';
  return (
    <AdminLayout {...p.shell} title={a.name} hasErrors={!!p.error}>
      <p>
        <a href="/admin/agencies">{T.back[l]}</a>
      </p>
      <ErrorSummary lang={l} message={p.error} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {T[p.done][l]}
        </div>
      ) : null}
      <h1>{a.name}</h1>
      {a.active && p.guideGaps.length ? (
        <div class="notice notice-warning" role="status">
          <h2 class="notice-title">{T.guideGapsTitle[l]}</h2>
          <p>
            {T.guideGaps[l]}
            {p.guideGaps.join('、')}。
          </p>
          {p.canEdit ? (
            <p>
              <a href={`/admin/agencies/${a.id}/edit`}>{T.fillIn[l]}</a>
            </p>
          ) : null}
        </div>
      ) : null}
      <SummaryList
        rows={[
          { key: F.code[l], value: a.code },
          { key: F.name[l], value: a.name },
          { key: F.shortName[l], value: v(a.shortName) },
          { key: F.kind[l], value: isAgencyKind(a.kind) ? AGENCY_KIND_LABELS[a.kind] : a.kind },
          {
            key: F.parentId[l],
            value: p.parent ? (
              p.parent.linkable ? (
                <a href={`/admin/agencies/${p.parent.id}`}>{p.parent.name}</a>
              ) : (
                p.parent.name
              )
            ) : (
              ''
            ),
          },
          { key: F.sortOrder[l], value: String(a.sortOrder) },
          { key: F.active[l], value: ACTIVE_LABELS[a.active ? 'true' : 'false'][l] },
        ]}
      />
      <h2>{T.office[l]}</h2>
      <SummaryList
        rows={([...OFFICE_CONTACT_FIELDS, 'functions'] as const).map((k) => ({
          key: F[k][l],
          value: v(a[k]),
        }))}
      />
      {p.canEdit ? (
        <div class="button-group">
          <a class="button button-secondary" href={`/admin/agencies/${a.id}/edit`}>
            {T.edit[l]}
          </a>
          {a.active ? (
            <a class="button button-secondary" href={`/admin/agencies/new?parent=${a.id}`}>
              {T.addChild[l]}
            </a>
          ) : null}
          {a.active && p.canDeactivate ? (
            // Deactivation is confirmed on a page of its own (no JavaScript needed).
            <a class="button button-warning" href={`/admin/agencies/${a.id}/deactivate`}>
              {T.deactivate[l]}
            </a>
          ) : null}
          {!a.active ? (
            <PostForm
              action={`/admin/agencies/${a.id}/reactivate`}
              csrf={p.shell.csrf ?? ''}
              class="inline-form"
            >
              <Button variant="secondary">{T.reactivate[l]}</Button>
            </PostForm>
          ) : null}
        </div>
      ) : null}
      {p.canViewUsers ? (
        <p>
          <a href={`/admin/users?agency=${a.id}`}>{T.users[l]}</a>
        </p>
      ) : null}
      <h2>{T.children[l]}</h2>
      {p.subordinates.length === 0 ? (
        <p>{T.noChildren[l]}</p>
      ) : (
        <ul>
          {p.subordinates.map((c) => (
            <li>
              <a href={`/admin/agencies/${c.id}`}>{c.name}</a>
              {c.active ? null : <span class="tag tag-grey">{ACTIVE_LABELS.false[l]}</span>}
            </li>
          ))}
        </ul>
      )}
    </AdminLayout>
  );
};
