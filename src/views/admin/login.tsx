import type { FC } from 'hono/jsx';
import { Button, ErrorSummary, Input, PostForm, type FieldErrors } from '../components/forms.js';
import { AdminLayout, type AdminShellProps } from '../layout.js';

export interface LoginView {
  shell: Omit<AdminShellProps, 'title'>;
  login?: string;
  next?: string;
  errors?: FieldErrors;
  notice?: string;
}

const T = {
  title: { zh: '工作人员登录', en: 'Staff login' },
  login: { zh: '登录名', en: 'Login' },
  password: { zh: '密码', en: 'Password' },
  submit: { zh: '登录', en: 'Log in' },
  help: {
    zh: '仅限政府信息公开工作人员使用。同一登录名连续 5 次输入错误后，将暂停从本设备所在网络登录该账号 15 分钟。',
    en: 'For disclosure staff only. After 5 wrong attempts for one login, logging in to it from this network is paused for 15 minutes.',
  },
};

export const LoginPage: FC<LoginView> = ({ shell, login, next, errors, notice }) => {
  const l = shell.lang;
  return (
    <AdminLayout {...shell} title={T.title[l]} hasErrors={!!errors && Object.keys(errors).length > 0}>
      <ErrorSummary lang={l} errors={errors} />
      {notice ? <div class="notice notice-success">{notice}</div> : null}
      <h1>{T.title[l]}</h1>
      <p class="hint">{T.help[l]}</p>
      <PostForm action="/admin/login" csrf={shell.csrf ?? ''}>
        <input type="hidden" name="next" value={next ?? ''} />
        <Input
          name="login"
          label={T.login[l]}
          value={login}
          errors={errors}
          autocomplete="username"
          width="medium"
        />
        <Input
          name="password"
          label={T.password[l]}
          type="password"
          errors={errors}
          autocomplete="current-password"
          width="medium"
        />
        <Button>{T.submit[l]}</Button>
      </PostForm>
    </AdminLayout>
  );
};
