// 机构管理: the agency tree, an agency's page, "新增下级机构", "编辑" and deactivate/reactivate.
// Every record outside the actor's subtree answers 404 (policies/policy.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createAgency, type AgencyInput } from '../../commands/create-agency.js';
import { setAgencyActive } from '../../commands/set-agency-active.js';
import { updateAgency } from '../../commands/update-agency.js';
import { OFFICE_CONTACT_FIELDS } from '../../domain/agencies/agency.js';
import { Conflict, NotFound } from '../../domain/errors.js';
import { findAgencyById, listAgencies, toTree, type AgencyRecord } from '../../queries/agencies.js';
import { guideContactGaps } from '../../queries/guide-contact.js';
import { missingGuideContact } from '../../domain/agencies/contact.js';
import { isOwnAgency } from '../../policies/agencies.js';
import { authorize, authorizeAction, can, inScope, scopePath, type Action } from '../../policies/policy.js';
import { AgencyDetailPage, type AgencyDone } from '../../views/admin/agency.js';
import { AgencyFormPage, type AgencyFormValues } from '../../views/admin/agency-form.js';
import { AgencyListPage } from '../../views/admin/agencies.js';
import { ConfirmPage } from '../../views/admin/confirm.js';
import { agencyQuery } from '../../views/models/agency-tree.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, formBody, idParam } from './helpers.js';
import { withFormErrors } from '../forms.js';

const DONE: AgencyDone[] = ['created', 'updated', 'deactivated', 'reactivated'];

async function loadAgency(
  deps: AppDeps,
  req: FastifyRequest,
  id: number,
  action: Action,
): Promise<AgencyRecord> {
  const a = await findAgencyById(deps.db, id);
  if (!a) throw new NotFound();
  authorize(actorOf(req), action, { agencyPath: a.path });
  return a;
}

function recordValues(a: AgencyRecord): AgencyFormValues {
  const keys = [
    'code',
    'name',
    'shortName',
    'kind',
    'sortOrder',
    ...OFFICE_CONTACT_FIELDS,
    'functions',
  ] as const;
  return Object.fromEntries(keys.map((k) => [k, a[k] == null ? '' : String(a[k])]));
}

async function renderDetail(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  a: AgencyRecord,
  extra: { done?: AgencyDone; error?: string; status?: number } = {},
) {
  const actor = actorOf(req);
  const parent = a.parentId != null ? await findAgencyById(deps.db, a.parentId) : undefined;
  const children = (await listAgencies(deps.db, { rootPath: a.path })).filter((c) => c.parentId === a.id);
  return reply.html(
    <AgencyDetailPage
      shell={adminShell(req, reply, deps)}
      agency={a}
      parent={
        parent
          ? { id: parent.id, name: parent.name, linkable: inScope(actor, { agencyPath: parent.path }) }
          : null
      }
      subordinates={children}
      canEdit={can(actor, 'agency.edit', { agencyPath: a.path })}
      canDeactivate={a.parentId != null && !isOwnAgency(actor, a.id)}
      canViewUsers={can(actor, 'user.view')}
      guideGaps={missingGuideContact(a)}
      done={extra.done}
      error={extra.error}
    />,
    extra.status,
  );
}

export function registerAdminAgencyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const post = { preHandler: [requireStaff, app.csrfProtection] };

  app.get('/admin/agencies', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'agency.view');
    const rows = await listAgencies(deps.db, { rootPath: scopePath(actor) });
    return reply.html(
      <AgencyListPage
        shell={adminShell(req, reply, deps)}
        roots={toTree(rows)}
        count={rows.length}
        guideGaps={await guideContactGaps(deps.db, scopePath(actor))}
        query={agencyQuery((req.query as { q?: unknown }).q)}
      />,
    );
  });

  app.get('/admin/agencies/:id', { preHandler: requireStaff }, async (req, reply) => {
    const a = await loadAgency(deps, req, idParam(req), 'agency.view');
    return renderDetail(deps, req, reply, a, { done: doneFlag(req, DONE) });
  });

  app.get('/admin/agencies/new', { preHandler: requireStaff }, async (req, reply) => {
    const parent = await loadAgency(
      deps,
      req,
      parentParam((req.query as { parent?: string }).parent),
      'agency.create',
    );
    return reply.html(
      <AgencyFormPage
        shell={adminShell(req, reply, deps)}
        mode="new"
        context={parent}
        values={{ sortOrder: '0' }}
      />,
    );
  });

  app.post('/admin/agencies/new', post, async (req, reply) => {
    const form = formBody(req);
    const parent = await loadAgency(deps, req, parentParam(form.parentId), 'agency.create');
    return withFormErrors(
      async () => {
        const created = await createAgency(
          deps,
          commandContext(req),
          parent.id,
          form as unknown as AgencyInput /* parsed by the command */,
        );
        return reply.redirect(`/admin/agencies/${created.id}?done=created`, 303);
      },
      (fieldErrors) =>
        reply.html(
          <AgencyFormPage
            shell={adminShell(req, reply, deps)}
            mode="new"
            context={parent}
            values={form}
            errors={fieldErrors}
          />,
          422,
        ),
    );
  });

  app.get('/admin/agencies/:id/edit', { preHandler: requireStaff }, async (req, reply) => {
    const a = await loadAgency(deps, req, idParam(req), 'agency.edit');
    return reply.html(
      <AgencyFormPage
        shell={adminShell(req, reply, deps)}
        mode="edit"
        context={a}
        values={recordValues(a)}
      />,
    );
  });

  app.post('/admin/agencies/:id/edit', post, async (req, reply) => {
    const a = await loadAgency(deps, req, idParam(req), 'agency.edit');
    const form = formBody(req);
    return withFormErrors(
      async () => {
        await updateAgency(deps, commandContext(req), a.id, form);
        return reply.redirect(`/admin/agencies/${a.id}?done=updated`, 303);
      },
      (fieldErrors) =>
        reply.html(
          <AgencyFormPage
            shell={adminShell(req, reply, deps)}
            mode="edit"
            context={a}
            values={form}
            errors={fieldErrors}
          />,
          422,
        ),
    );
  });

  app.get('/admin/agencies/:id/deactivate', { preHandler: requireStaff }, async (req, reply) => {
    const a = await loadAgency(deps, req, idParam(req), 'agency.edit');
    if (!a.active) return reply.redirect(`/admin/agencies/${a.id}`, 303);
    return reply.html(
      <ConfirmPage
        shell={adminShell(req, reply, deps)}
        title="停用机构"
        question={`确定要停用「${a.name}」吗？`}
        consequences={[
          '停用后，该机构的记录和账号保留，但不能再为其新增下级机构或用户。',
          '有未停用的下级机构时不能停用，请先停用下级机构。',
          '需要时可以重新启用。',
        ]}
        action={`/admin/agencies/${a.id}/deactivate`}
        confirmLabel="确认停用"
        cancelHref={`/admin/agencies/${a.id}`}
      />,
    );
  });

  for (const [verb, active] of [
    ['deactivate', false],
    ['reactivate', true],
  ] as const) {
    app.post(`/admin/agencies/:id/${verb}`, post, async (req, reply) => {
      const a = await loadAgency(deps, req, idParam(req), 'agency.edit');
      // Deactivation runs only from its confirmation page's form.
      if (!active && formBody(req).confirm !== 'yes')
        return reply.redirect(`/admin/agencies/${a.id}/deactivate`, 303);
      try {
        await setAgencyActive(deps, commandContext(req), a.id, active);
        return reply.redirect(`/admin/agencies/${a.id}?done=${verb}d`, 303);
      } catch (e) {
        if (!(e instanceof Conflict)) throw e;
        return renderDetail(deps, req, reply, a, { error: e.message, status: 409 });
      }
    });
  }
}

function parentParam(raw: string | undefined): number {
  if (!raw || !/^\d{1,9}$/.test(raw)) throw new NotFound('请从上级机构的页面新增下级机构');
  return Number(raw);
}
