// 用户管理: the list (filtered by agency and role), a user's page, "新增用户" and "编辑".
// Records outside the actor's subtree answer 404; the actions on an account are in user-actions.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createUser } from '../../commands/create-user.js';
import { temporaryPassword } from '../../commands/reset-user-password.js';
import { updateUser } from '../../commands/update-user.js';
import { isRole, ROLES } from '../../domain/agencies/roles.js';
import { listAgencies, toTree } from '../../queries/agencies.js';
import { listUsers, userStatus } from '../../queries/users.js';
import { assignableRoles, authorizeAction, can, scopePath } from '../../policies/policy.js';
import { authorizeUserManagement, canManageUser, isSelf } from '../../policies/users.js';
import { UserDetailPage, type UserDone } from '../../views/admin/user.js';
import { UserFormPage, type UserFormValues } from '../../views/admin/user-form.js';
import { TemporaryPasswordPage } from '../../views/admin/user-password.js';
import { UserListPage } from '../../views/admin/users.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, agencyOptions, commandContext, doneFlag, formBody, roleOptions } from './helpers.js';
import { loadUser } from './user-actions.js';
import { withFormErrors } from '../forms.js';

const DONE: UserDone[] = ['created', 'updated', 'disabled', 'enabled', 'unlocked'];

async function renderForm(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  p: { mode: 'new' | 'edit'; userId?: number; values: UserFormValues; errors?: Record<string, string> },
) {
  const actor = actorOf(req);
  const roots = toTree(await listAgencies(deps.db, { rootPath: scopePath(actor) }));
  // New accounts go to active agencies only; an edited account keeps its current agency on offer.
  const agencies = agencyOptions(roots, (n) => n.active || String(n.id) === p.values.agencyId);
  const roles = roleOptions(req.lang, assignableRoles(actor));
  return reply.html(
    <UserFormPage shell={adminShell(req, reply, deps)} {...p} agencyOptions={agencies} roleOptions={roles} />,
    p.errors ? 422 : undefined,
  );
}

export function registerAdminUserRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/users', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'user.view');
    const q = req.query as { agency?: string; role?: string };
    const agency = /^\d{1,9}$/.test(q.agency ?? '') ? q.agency! : '';
    const role = isRole(q.role ?? '') ? q.role! : '';
    const scope = scopePath(actor);
    const users = await listUsers(deps.db, scope, {
      agencyId: agency ? Number(agency) : undefined,
      role: role || undefined,
    });
    const now = deps.now();
    return reply.html(
      <UserListPage
        shell={adminShell(req, reply, deps)}
        users={users.map((u) => ({ ...u, status: userStatus(u, now) }))}
        agencyOptions={agencyOptions(toTree(await listAgencies(deps.db, { rootPath: scope })))}
        roleOptions={roleOptions(req.lang, ROLES)}
        filter={{ agency, role }}
        canCreate={can(actor, 'user.manage')}
      />,
    );
  });

  app.get('/admin/users/:id', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    const user = await loadUser(deps, req, 'user.view');
    return reply.html(
      <UserDetailPage
        shell={adminShell(req, reply, deps)}
        user={{ ...user, status: userStatus(user, deps.now()) }}
        canManage={canManageUser(actor, user)}
        isSelf={isSelf(actor, user)}
        done={doneFlag(req, DONE)}
      />,
    );
  });

  app.get('/admin/users/new', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'user.manage');
    const agency = (req.query as { agency?: string }).agency;
    return renderForm(deps, req, reply, { mode: 'new', values: { agencyId: agency } });
  });

  app.post(
    '/admin/users/new',
    {
      preHandler: [requireStaff, app.csrfProtection],
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'user.manage');
      const form = formBody(req);
      const password = temporaryPassword(form.login);
      return withFormErrors(
        async () => {
          const created = await createUser(deps, commandContext(req), {
            ...form,
            password,
            mustChangePassword: true,
          } as Parameters<typeof createUser>[2]);
          const user = { id: created.id, login: created.login, displayName: form.displayName?.trim() ?? '' };
          return reply.html(
            <TemporaryPasswordPage
              shell={adminShell(req, reply, deps)}
              kind="created"
              user={user}
              password={password}
            />,
          );
        },
        (fieldErrors) => renderForm(deps, req, reply, { mode: 'new', values: form, errors: fieldErrors }),
      );
    },
  );

  app.get('/admin/users/:id/edit', { preHandler: requireStaff }, async (req, reply) => {
    const user = await loadUser(deps, req, 'user.manage');
    authorizeUserManagement(actorOf(req), user);
    const values = {
      login: user.login,
      displayName: user.displayName,
      role: user.role,
      agencyId: String(user.agencyId),
    };
    return renderForm(deps, req, reply, { mode: 'edit', userId: user.id, values });
  });

  app.post(
    '/admin/users/:id/edit',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const user = await loadUser(deps, req, 'user.manage');
      authorizeUserManagement(actorOf(req), user);
      const form = formBody(req);
      return withFormErrors(
        async () => {
          await updateUser(deps, commandContext(req), user.id, form);
          return reply.redirect(`/admin/users/${user.id}?done=updated`, 303);
        },
        (fieldErrors) =>
          renderForm(deps, req, reply, {
            mode: 'edit',
            userId: user.id,
            values: { ...form, login: user.login },
            errors: fieldErrors,
          }),
      );
    },
  );
}
