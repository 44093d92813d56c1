// 办理规则 (/admin/settings/rules): the system administrator sets the rules the law leaves open
// (src/domain/applications/rules.ts); every computation reads them (src/queries/application-rules.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveInstallationRules } from '../../commands/application-rules.js';
import { authorizeAction } from '../../policies/policy.js';
import { loadInstallationRules } from '../../queries/application-rules.js';
import { AdminRulesPage, rulesFormInput, rulesFormValues } from '../../views/admin/rules.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, formBody } from './helpers.js';

const writeLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

export async function registerAdminRulesRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const render = (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) => {
    reply.header('cache-control', 'no-store');
    if (errors) reply.code(422);
    return reply.html(
      <AdminRulesPage
        shell={adminShell(req, reply, deps)}
        values={values}
        errors={errors}
        done={doneFlag(req, ['saved', 'restored'] as const)}
      />,
    );
  };

  app.get('/admin/settings/rules', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'rules.manage');
    return render(req, reply, rulesFormValues(await loadInstallationRules(deps.db)));
  });

  app.post(
    '/admin/settings/rules',
    { preHandler: [requireStaff, app.csrfProtection], config: writeLimit },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'rules.manage');
      const form = formBody(req);
      return withFormErrors(
        async () => {
          await saveInstallationRules(deps, commandContext(req), rulesFormInput(form));
          return reply.redirect('/admin/settings/rules?done=saved', 303);
        },
        (errors) => render(req, reply, form, errors),
      );
    },
  );

  app.post(
    '/admin/settings/rules/defaults',
    { preHandler: [requireStaff, app.csrfProtection], config: writeLimit },
    async (req, reply) => {
      await saveInstallationRules(deps, commandContext(req), {}, { restoreDefaults: true });
      return reply.redirect('/admin/settings/rules?done=restored', 303);
    },
  );
}
