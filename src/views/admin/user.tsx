// One staff account: its data, status and the administrator's actions on it.
import type { FC } from 'hono/jsx';
import type { UserDetail, UserStatus } from '../../queries/users.js';
import { Button, ErrorSummary, PostForm } from '../components/forms.js';
import { SummaryList } from '../components/summary-list.js';
import { formatDateTime } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { USER_FIELD_LABELS as F } from '../models/admin-labels.js';
import { roleLabel, StatusTag } from './users.js';

const T = {
  back: { zh: '返回用户列表', en: 'All users' },
  edit: { zh: '编辑', en: 'Edit' },
  disable: { zh: '停用', en: 'Disable' },
  enable: { zh: '启用', en: 'Enable' },
  reset: { zh: '重置密码', en: 'Reset password' },
  unlock: { zh: '解锁', en: 'Unlock' },
  mustChange: { zh: '下次登录须修改密码', en: 'Must change password at next login' },
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
  created: { zh: '创建时间', en: 'Created' },
  passwordChanged: { zh: '密码最近修改', en: 'Password last changed' },
  self: {
    zh: '这是您本人的账号：不能停用或重置，请通过“修改密码”更改密码。',
    en: 'This is your own account.',
  },
  resetHint: {
    zh: '重置后将生成一次性临时密码，该用户的登录会话立即结束，API 访问令牌全部撤销。',
    en: 'Generates a one-time temporary password, ends the user’s sessions and revokes their API tokens.',
  },
  done: {
    created: { zh: '用户已新增。', en: 'The user was created.' },
    updated: { zh: '用户信息已保存。', en: 'The user was saved.' },
    disabled: { zh: '用户已停用，其登录会话已结束。', en: 'The user was disabled and logged out.' },
    enabled: { zh: '用户已启用。', en: 'The user was enabled.' },
    unlocked: { zh: '账号已解锁。', en: 'The account was unlocked.' },
  },
};

export type UserDone = keyof typeof T.done;

export interface UserDetailView {
  shell: Omit<AdminShellProps, 'title'>;
  user: UserDetail & { status: UserStatus };
  canManage: boolean;
  isSelf: boolean;
  done?: UserDone;
  error?: string;
}

export const UserDetailPage: FC<UserDetailView> = (p) => {
  const l = p.shell.lang;
  const u = p.user;
  const csrf = p.shell.csrf ?? '';
  const title = `${u.displayName}（${u.login}）`;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.error}>
      <p>
        <a href="/admin/users">{T.back[l]}</a>
      </p>
      <ErrorSummary lang={l} message={p.error} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {T.done[p.done][l]}
        </div>
      ) : null}
      <h1>{title}</h1>
      <SummaryList
        rows={[
          { key: F.login[l], value: u.login },
          { key: F.displayName[l], value: u.displayName },
          { key: F.role[l], value: roleLabel(l, u.role) },
          { key: F.agencyId[l], value: <a href={`/admin/agencies/${u.agencyId}`}>{u.agencyName}</a> },
          { key: F.status[l], value: <StatusTag lang={l} status={u.status} /> },
          ...(u.status === 'locked'
            ? [{ key: F.lockedUntil[l], value: formatDateTime(l, u.lockedUntil) }]
            : []),
          { key: F.failedLogins[l], value: String(u.failedLogins) },
          { key: T.mustChange[l], value: u.mustChangePassword ? T.yes[l] : T.no[l] },
          { key: T.passwordChanged[l], value: formatDateTime(l, u.passwordChangedAt) },
          { key: T.created[l], value: formatDateTime(l, u.createdAt) },
        ]}
      />
      {p.canManage ? (
        <>
          {p.isSelf ? <p class="notice">{T.self[l]}</p> : null}
          <div class="button-group">
            <a class="button button-secondary" href={`/admin/users/${u.id}/edit`}>
              {T.edit[l]}
            </a>
            {u.status === 'locked' ? (
              <PostForm action={`/admin/users/${u.id}/unlock`} csrf={csrf} class="inline-form">
                <Button variant="secondary">{T.unlock[l]}</Button>
              </PostForm>
            ) : null}
            {p.isSelf ? null : (
              <>
                {u.disabled ? (
                  <PostForm action={`/admin/users/${u.id}/enable`} csrf={csrf} class="inline-form">
                    <Button variant="secondary">{T.enable[l]}</Button>
                  </PostForm>
                ) : (
                  // Disabling and resetting are confirmed on a page of their own (no JavaScript needed).
                  <a class="button button-warning" href={`/admin/users/${u.id}/disable`}>
                    {T.disable[l]}
                  </a>
                )}
                <a class="button button-warning" href={`/admin/users/${u.id}/reset-password`}>
                  {T.reset[l]}
                </a>
              </>
            )}
          </div>
          {p.isSelf ? null : <p class="hint">{T.resetHint[l]}</p>}
        </>
      ) : null}
    </AdminLayout>
  );
};
