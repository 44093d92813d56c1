// 用户管理: staff accounts in the actor's scope, filtered by agency and role (a GET form).
import type { FC } from 'hono/jsx';
import { isRole, ROLE_LABELS } from '../../domain/agencies/roles.js';
import type { UserListItem, UserStatus } from '../../queries/users.js';
import { Select } from '../components/forms.js';
import type { Lang } from '../i18n.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { USER_FIELD_LABELS as F, USER_STATUS_LABELS } from '../models/admin-labels.js';
import { Table } from '../components/table.js';

const T = {
  title: { zh: '用户管理', en: 'Users' },
  add: { zh: '新增用户', en: 'Add a user' },
  filter: { zh: '筛选', en: 'Filter' },
  all: { zh: '全部', en: 'All' },
  clear: { zh: '清除筛选', en: 'Clear filters' },
  none: { zh: '没有符合条件的用户。', en: 'No users match.' },
  count: { zh: '共 {n} 个用户', en: '{n} users' },
  caption: { zh: '用户列表', en: 'Users' },
};

export type Option = { value: string; label: string };

export interface UserListView {
  shell: Omit<AdminShellProps, 'title'>;
  users: (UserListItem & { status: UserStatus })[];
  agencyOptions: Option[];
  roleOptions: Option[];
  filter: { agency: string; role: string };
  canCreate: boolean;
}

export function roleLabel(lang: Lang, role: string): string {
  return isRole(role) ? ROLE_LABELS[role][lang] : role;
}

export const StatusTag: FC<{ lang: Lang; status: UserStatus }> = ({ lang, status }) => (
  <span class={`tag ${status === 'active' ? 'tag-green' : status === 'locked' ? 'tag-red' : 'tag-grey'}`}>
    {USER_STATUS_LABELS[status][lang]}
  </span>
);

export const UserListPage: FC<UserListView> = (p) => {
  const l = p.shell.lang;
  return (
    <AdminLayout {...p.shell} title={T.title[l]}>
      <h1>{T.title[l]}</h1>
      {p.canCreate ? (
        <p>
          <a class="button button-secondary" href="/admin/users/new">
            {T.add[l]}
          </a>
        </p>
      ) : null}
      <form method="get" action="/admin/users" class="filters">
        <Select
          name="agency"
          label={F.agencyId[l]}
          value={p.filter.agency}
          options={p.agencyOptions}
          includeBlank={T.all[l]}
        />
        <Select
          name="role"
          label={F.role[l]}
          value={p.filter.role}
          options={p.roleOptions}
          includeBlank={T.all[l]}
        />
        <button type="submit" class="button button-secondary">
          {T.filter[l]}
        </button>
        <a href="/admin/users">{T.clear[l]}</a>
      </form>
      {p.users.length === 0 ? (
        <p>{T.none[l]}</p>
      ) : (
        <Table
          caption={T.count[l].replace('{n}', String(p.users.length))}
          head={[F.login[l], F.displayName[l], F.role[l], F.agencyId[l], F.status[l]]}
          rows={p.users.map((u) => [
            <a href={`/admin/users/${u.id}`}>{u.login}</a>,
            u.displayName,
            roleLabel(l, u.role),
            u.agencyName,
            <StatusTag lang={l} status={u.status} />,
          ])}
        />
      )}
    </AdminLayout>
  );
};
