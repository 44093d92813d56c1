// 索引号规则 in the back office (docs/documents.md): the index-number template of one agency of the
// actor's subtree, shown with the template it inherits and saved Post/Redirect/Get.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { setIndexNumberTemplate } from '../../commands/documents/publication.js';
import { InvalidInput } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction, can, scopePath } from '../../policies/policy.js';
import { listAgencies, toTree } from '../../queries/agencies.js';
import { indexTemplateView } from '../../queries/document-admin.js';
import { IndexTemplatePage } from '../../views/admin/document-template.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, agencyOptions, commandContext, formBody, queryOf } from './helpers.js';

export function registerDocumentSettingsRoutes(app: FastifyInstance, deps: AppDeps): void {
  const today = () => localDate(deps.now());

  /** 索引号规则: the template of one agency of the actor's subtree (its own by default). */
  const renderTemplate = async (
    req: FastifyRequest,
    reply: FastifyReply,
    agencyId: number,
    opts: { value?: string; errors?: FieldErrors; done?: boolean } = {},
  ) => {
    const actor = actorOf(req);
    const view = await indexTemplateView(deps.db, actor, agencyId);
    const roots = toTree(await listAgencies(deps.db, { rootPath: scopePath(actor) }));
    return reply.html(
      <IndexTemplatePage
        shell={adminShell(req, reply, deps)}
        view={view}
        agencyOptions={agencyOptions(roots, (n) => can(actor, 'document.configure', { agencyPath: n.path }))}
        year={Number(today().slice(0, 4))}
        value={opts.value ?? view.own ?? ''}
        errors={opts.errors}
        done={opts.done}
      />,
      opts.errors ? 422 : undefined,
    );
  };
  const templateAgency = (req: FastifyRequest) => {
    const raw = queryOf(req).agency ?? '';
    return /^\d{1,9}$/.test(raw) ? Number(raw) : actorOf(req).agencyId;
  };

  app.get('/admin/documents/index-template', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'document.configure');
    return renderTemplate(req, reply, templateAgency(req), { done: queryOf(req).done === 'saved' });
  });

  app.post(
    '/admin/documents/index-template',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'document.configure');
      const agencyId = templateAgency(req);
      const value = formBody(req).indexTemplate ?? '';
      try {
        await setIndexNumberTemplate(deps, commandContext(req), { agencyId, template: value });
        return reply.redirect(`/admin/documents/index-template?agency=${agencyId}&done=saved`, 303);
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        return renderTemplate(req, reply, agencyId, { value, errors: e.fieldErrors });
      }
    },
  );
}
