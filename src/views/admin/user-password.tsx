// Shown once, straight from the POST that created the account or reset its password: the temporary
// password is never put in a URL, never stored in clear and cannot be displayed again.
import type { FC } from 'hono/jsx';
import { AdminLayout, type AdminShellProps } from '../layout.js';

const T = {
  createdTitle: { zh: '用户已新增', en: 'User created' },
  resetTitle: { zh: '密码已重置', en: 'Password reset' },
  createdLead: {
    zh: '已为 {who} 创建账号。初始临时密码：',
    en: 'An account was created for {who}. Temporary password:',
  },
  resetLead: {
    zh: '已为 {who} 重置密码，其原有登录会话已结束，API 访问令牌已全部撤销。临时密码：',
    en: 'The password of {who} was reset, their sessions ended and their API tokens were revoked. Temporary password:',
  },
  once: {
    zh: '此密码只显示这一次，离开本页后无法再次查看。请当面或通过安全渠道告知本人；该用户登录后须立即设置新密码。',
    en: 'This password is shown only once. Give it to the person through a safe channel; they must set a new password at login.',
  },
  back: { zh: '返回用户详情', en: 'Back to the user' },
};

export interface TemporaryPasswordView {
  shell: Omit<AdminShellProps, 'title'>;
  kind: 'created' | 'reset';
  user: { id: number; login: string; displayName: string };
  password: string;
}

export const TemporaryPasswordPage: FC<TemporaryPasswordView> = (p) => {
  const l = p.shell.lang;
  const title = p.kind === 'created' ? T.createdTitle[l] : T.resetTitle[l];
  const lead = (p.kind === 'created' ? T.createdLead : T.resetLead)[l].replace(
    '{who}',
    `${p.user.displayName}（${p.user.login}）`,
  );
  return (
    <AdminLayout {...p.shell} title={title}>
      <div class="notice notice-success" role="status">
        <h1>{title}</h1>
        <p>{lead}</p>
        <p class="secret">
          <code id="temporary-password">{p.password}</code>
        </p>
      </div>
      <p class="notice notice-warning">{T.once[l]}</p>
      <p>
        <a href={`/admin/users/${p.user.id}`}>{T.back[l]}</a>
      </p>
    </AdminLayout>
  );
};
