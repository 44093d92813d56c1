// The administrator's actions on a staff account: 停用 / 启用, 重置密码 and 解锁. The reset answers
// the POST itself with the temporary password (200, no redirect), so the password never appears in
// a URL and cannot be shown again.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { resetUserPassword } from '../../commands/reset-user-password.js';
import { setUserDisabled } from '../../commands/set-user-disabled.js';
import { unlockUser } from '../../commands/unlock-user.js';
import { NotFound } from '../../domain/errors.js';
import { findUserDetail, type UserDetail } from '../../queries/users.js';
import { authorize, type Action } from '../../policies/policy.js';
import { authorizeUserManagement } from '../../policies/users.js';
import { TemporaryPasswordPage } from '../../views/admin/user-password.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, idParam } from './helpers.js';

/** The user of the URL, if the actor may see it (404 otherwise). */
export async function loadUser(deps: AppDeps, req: FastifyRequest, action: Action): Promise<UserDetail> {
  const user = await findUserDetail(deps.db, idParam(req));
  if (!user) throw new NotFound();
  authorize(actorOf(req), action, { agencyPath: user.agencyPath });
  return user;
}

export function registerAdminUserActionRoutes(app: FastifyInstance, deps: AppDeps): void {
  const post = { preHandler: [requireStaff, app.csrfProtection] };

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
