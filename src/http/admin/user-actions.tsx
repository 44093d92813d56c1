// The administrator's actions on a staff account: 停用 / 启用, 重置密码 and 解锁. The reset answers
// the POST itself with the temporary password (200, no redirect), so the password never appears in
// a URL and cannot be shown again. 停用 and 重置密码 are confirmed first (a GET page whose form posts
// confirm=yes); a POST without it is sent to that page, so nothing happens on one stray click.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resetUserPassword } from '../../commands/reset-user-password.js';
import { setUserDisabled } from '../../commands/set-user-disabled.js';
import { unlockUser } from '../../commands/unlock-user.js';
import { NotFound } from '../../domain/errors.js';
import { findUserDetail, type UserDetail } from '../../queries/users.js';
import { authorize, type Action } from '../../policies/policy.js';
import { authorizeUserManagement } from '../../policies/users.js';
import { ConfirmPage } from '../../views/admin/confirm.js';
import { TemporaryPasswordPage } from '../../views/admin/user-password.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, formBody, idParam } from './helpers.js';

/** The user of the URL, if the actor may see it (404 otherwise). */
export async function loadUser(deps: AppDeps, req: FastifyRequest, action: Action): Promise<UserDetail> {
  const user = await findUserDetail(deps.db, idParam(req));
  if (!user) throw new NotFound();
  authorize(actorOf(req), action, { agencyPath: user.agencyPath });
  return user;
}

/** The confirmation pages of the actions that are hard to undo. */
const CONFIRM = {
  disable: {
    title: '停用用户',
    question: (name: string) => `确定要停用「${name}」的账号吗？`,
    consequences: [
      '停用后，该用户立即退出登录，不能再登录后台。',
      '账号及其操作记录保留；需要时可以重新启用。',
    ],
    confirmLabel: '确认停用',
  },
  'reset-password': {
    title: '重置密码',
    question: (name: string) => `确定要重置「${name}」的密码吗？`,
    consequences: [
      '原密码立即失效，该用户的登录会话立即结束，其 API 访问令牌全部撤销。',
      '系统生成一个临时密码，只显示一次，请通过安全的渠道告知本人。',
      '本人用临时密码登录后，须先设置新密码。',
    ],
    confirmLabel: '确认重置密码',
  },
} as const;

type Confirmed = keyof typeof CONFIRM;

function confirmPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  verb: Confirmed,
  user: UserDetail,
) {
  const c = CONFIRM[verb];
  return reply.html(
    <ConfirmPage
      shell={adminShell(req, reply, deps)}
      title={c.title}
      question={c.question(`${user.displayName}（${user.login}）`)}
      consequences={[...c.consequences]}
      action={`/admin/users/${user.id}/${verb}`}
      confirmLabel={c.confirmLabel}
      cancelHref={`/admin/users/${user.id}`}
    />,
  );
}

/** True when the POST comes from the confirmation page's form. */
const confirmed = (req: FastifyRequest) => formBody(req).confirm === 'yes';

export function registerAdminUserActionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const post = { preHandler: [requireStaff, app.csrfProtection] };

  for (const verb of Object.keys(CONFIRM) as Confirmed[]) {
    app.get(`/admin/users/:id/${verb}`, { preHandler: requireStaff }, async (req, reply) => {
      const user = await loadUser(deps, req, 'user.manage');
      authorizeUserManagement(actorOf(req), user);
      return confirmPage(deps, req, reply, verb, user);
    });
  }

  const simple = [
    [
      'disable',
      'disabled',
      (req: FastifyRequest, id: number) => setUserDisabled(deps, commandContext(req), id, true),
    ],
    [
      'enable',
      'enabled',
      (req: FastifyRequest, id: number) => setUserDisabled(deps, commandContext(req), id, false),
    ],
    ['unlock', 'unlocked', (req: FastifyRequest, id: number) => unlockUser(deps, commandContext(req), id)],
  ] as const;
  for (const [verb, done, run] of simple) {
    app.post(`/admin/users/:id/${verb}`, post, async (req, reply) => {
      const user = await loadUser(deps, req, 'user.manage');
      authorizeUserManagement(actorOf(req), user);
      if (verb === 'disable' && !confirmed(req))
        return reply.redirect(`/admin/users/${user.id}/disable`, 303);
      await run(req, user.id);
      return reply.redirect(`/admin/users/${user.id}?done=${done}`, 303);
    });
  }

  app.post(
    '/admin/users/:id/reset-password',
    { ...post, config: { rateLimit: { max: 30, timeWindow: '1 minute' } } },
    async (req, reply) => {
      const user = await loadUser(deps, req, 'user.manage');
      authorizeUserManagement(actorOf(req), user);
      if (!confirmed(req)) return reply.redirect(`/admin/users/${user.id}/reset-password`, 303);
      const r = await resetUserPassword(deps, commandContext(req), user.id);
      return reply.html(
        <TemporaryPasswordPage
          shell={adminShell(req, reply, deps)}
          kind="reset"
          user={{ id: user.id, login: r.login, displayName: r.displayName }}
          password={r.temporaryPassword}
        />,
      );
    },
  );
}
