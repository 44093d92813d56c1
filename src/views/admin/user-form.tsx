// "新增用户" and "编辑用户". The agency is chosen from the actor's subtree, the role from the roles
// the actor may grant; the login cannot be changed once created.
import type { FC } from 'hono/jsx';
import { Button, ErrorSummary, Input, PostForm, Select, type FieldErrors } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';
import { USER_FIELD_LABELS as F } from '../models/admin-labels.js';
import type { Option } from './users.js';

const T = {
  newTitle: { zh: '新增用户', en: 'Add a user' },
  editTitle: { zh: '编辑用户', en: 'Edit user' },
  loginHint: {
    zh: '以字母开头，3–40 个字符，可含字母、数字、点、下划线和短横线；创建后不能修改。',
    en: 'Starts with a letter, 3–40 characters; cannot be changed later.',
  },
  passwordNote: {
    zh: '保存后系统将生成一次性临时密码并只显示一次，用户首次登录时须修改密码。',
    en: 'A one-time temporary password is generated and shown once; the user must change it at first login.',
  },
  choose: { zh: '请选择', en: 'Choose' },
  create: { zh: '新增用户', en: 'Create user' },
  save: { zh: '保存', en: 'Save' },
  cancel: { zh: '取消', en: 'Cancel' },
};

export type UserFormValues = Partial<Record<'login' | 'displayName' | 'role' | 'agencyId', string>>;

export interface UserFormView {
  shell: Omit<AdminShellProps, 'title'>;
  mode: 'new' | 'edit';
  userId?: number;
  values: UserFormValues;
  agencyOptions: Option[];
  roleOptions: Option[];
  errors?: FieldErrors;
}

export const UserFormPage: FC<UserFormView> = (p) => {
  const l = p.shell.lang;
  const title = p.mode === 'new' ? T.newTitle[l] : T.editTitle[l];
  const action = p.mode === 'new' ? '/admin/users/new' : `/admin/users/${p.userId}/edit`;
  return (
    <AdminLayout {...p.shell} title={title} hasErrors={!!p.errors}>
      <ErrorSummary lang={l} errors={p.errors} />
      <h1>{title}</h1>
      {p.mode === 'edit' ? (
        <p class="lead">
          {F.login[l]}：{p.values.login}
        </p>
      ) : null}
      <PostForm action={action} csrf={p.shell.csrf ?? ''}>
        {p.mode === 'new' ? (
          <Input
            name="login"
            label={F.login[l]}
            hint={T.loginHint[l]}
            value={p.values.login}
            errors={p.errors}
            width="medium"
            autocomplete="off"
          />
        ) : null}
        <Input
          name="displayName"
          label={F.displayName[l]}
          value={p.values.displayName}
          errors={p.errors}
          width="medium"
        />
        <Select
          name="agencyId"
          label={F.agencyId[l]}
          value={p.values.agencyId}
          options={p.agencyOptions}
          errors={p.errors}
          includeBlank={T.choose[l]}
        />
        <Select
          name="role"
          label={F.role[l]}
          value={p.values.role}
          options={p.roleOptions}
          errors={p.errors}
          includeBlank={T.choose[l]}
        />
        {p.mode === 'new' ? <p class="hint">{T.passwordNote[l]}</p> : null}
        <div class="button-group">
          <Button>{p.mode === 'new' ? T.create[l] : T.save[l]}</Button>
          <a href={p.mode === 'new' ? '/admin/users' : `/admin/users/${p.userId}`}>{T.cancel[l]}</a>
        </div>
      </PostForm>
    </AdminLayout>
  );
};
