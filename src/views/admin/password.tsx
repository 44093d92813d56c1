import type { FC } from 'hono/jsx';
import { Button, ErrorSummary, Input, PostForm, type FieldErrors } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

const T = {
  title: { zh: '修改密码', en: 'Change password' },
  forced: {
    zh: '首次登录或密码被重置后，请先设置新密码。',
    en: 'Please set a new password before you continue.',
  },
  current: { zh: '当前密码', en: 'Current password' },
  next: { zh: '新密码', en: 'New password' },
  nextHint: {
    zh: '至少 10 个字符，须同时包含字母和数字，不能包含登录名，也不能是常见密码（如 password123）。',
    en: 'At least 10 characters, letters and digits, not containing your login, not a common password (such as password123).',
  },
  confirm: { zh: '再次输入新密码', en: 'Repeat the new password' },
  submit: { zh: '保存新密码', en: 'Save new password' },
  done: {
    zh: '密码已修改。您在其他设备上的登录已失效。',
    en: 'Password changed. Your other sessions have ended.',
  },
};

export const PasswordPage: FC<{
  shell: Omit<AdminShellProps, 'title'>;
  forced: boolean;
  done?: boolean;
  errors?: FieldErrors;
}> = (p) => {
  const l = p.shell.lang;
  return (
    <AdminLayout {...p.shell} title={T.title[l]} hasErrors={!!p.errors}>
      <ErrorSummary lang={l} errors={p.errors} />
      {p.done ? (
        <div class="notice notice-success" role="status">
          {T.done[l]}
        </div>
      ) : null}
      <h1>{T.title[l]}</h1>
      {p.forced ? <p class="notice notice-warning">{T.forced[l]}</p> : null}
      <PostForm action="/admin/account/password" csrf={p.shell.csrf ?? ''}>
        <Input
          name="current"
          label={T.current[l]}
          type="password"
          errors={p.errors}
          autocomplete="current-password"
          width="medium"
        />
        <Input
          name="next"
          label={T.next[l]}
          hint={T.nextHint[l]}
          type="password"
          errors={p.errors}
          autocomplete="new-password"
          width="medium"
        />
        <Input
          name="confirm"
          label={T.confirm[l]}
          type="password"
          errors={p.errors}
          autocomplete="new-password"
          width="medium"
        />
        <Button>{T.submit[l]}</Button>
      </PostForm>
    </AdminLayout>
  );
};
