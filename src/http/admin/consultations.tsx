// 意见征集 in the back office: the list, a new draft and its edit form, the consultation's page with
// its steps (open: the minimum period checked → 422 with the reason; close; publish the feedback
// report), the entry of opinions received off-line, and each opinion's decision.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  closeConsultation,
  openConsultation,
  publishFeedback,
} from '../../commands/consultations/lifecycle.js';
import { decideOpinion, enterOpinion } from '../../commands/consultations/opinions.js';
import { saveConsultationPeriods } from '../../commands/consultations/periods.js';
import { saveConsultation } from '../../commands/consultations/save.js';
import {
  DEFAULT_CONSULTATION_PERIODS,
  feedbackBlockers,
  PERIOD_KEY_LABELS,
  PERIOD_KEYS,
  periodText,
} from '../../domain/consultations/index.js';
import { Conflict, InvalidInput, InvalidTransition, NotFound } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction, can } from '../../policies/policy.js';
import { consultationPeriods } from '../../queries/consultation-settings.js';
import {
  consultationForStaff,
  consultationOfOpinion as findConsultationOfOpinion,
  listConsultationsForStaff,
  opinionsForStaff,
  type ConsultationDetail,
} from '../../queries/consultations.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { ConsultationPage, type ConsultationDone } from '../../views/admin/consultation-page.js';
import { ConsultationSettingsPage } from '../../views/admin/consultation-settings.js';
import {
  ConsultationFormPage,
  ConsultationListPage,
  type ConsultationFormValues,
} from '../../views/admin/consultations.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, formBody, idParam, scopeAgencyOptions } from './helpers.js';

const DONE: readonly ConsultationDone[] = [
  'created',
  'updated',
  'opened',
  'closed',
  'published',
  'entered',
  'decided',
];

const today = (deps: AppDeps) => localDate(deps.now());

function formValues(c: ConsultationDetail): ConsultationFormValues {
  return {
    id: String(c.id),
    version: String(c.version),
    agencyId: String(c.agency.id),
    title: c.title,
    description: c.description,
    document: c.document ? String(c.document.id) : '',
    decisionType: c.decisionType,
    concernsMarket: c.concernsMarket ? 'yes' : '',
    opensOn: c.opensOn ?? '',
    closesOn: c.closesOn ?? '',
    email: c.email ?? '',
    postalAddress: c.postalAddress ?? '',
  };
}

async function renderForm(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  values: ConsultationFormValues,
  status?: number,
  extra: { errors?: FieldErrors; conflict?: string } = {},
) {
  const periods = await consultationPeriods(deps.db);
  const hint = `最短期限：${PERIOD_KEYS.filter((k) => periods[k].days > 0)
    .map((k) => `${PERIOD_KEY_LABELS[k]}${periodText(periods[k])}`)
    .join('；')}。`;
  return reply.html(
    <ConsultationFormPage
      shell={adminShell(req, reply, deps)}
      values={values}
      agencyOptions={await scopeAgencyOptions(deps, req)}
      periodsHint={hint}
      {...extra}
    />,
    status,
  );
}

interface PageExtra {
  problem?: string;
  errors?: FieldErrors;
  values?: Record<string, string>;
  decision?: { opinionId: number; errors: FieldErrors; values: Record<string, string> };
}

async function renderPage(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  status?: number,
  extra: PageExtra = {},
) {
  const actor = actorOf(req);
  const c = await consultationForStaff(deps.db, actor, id, today(deps));
  const opinions = await opinionsForStaff(deps.db, id);
  const scoped = { agencyPath: c.agencyPath };
  return reply.html(
    <ConsultationPage
      shell={adminShell(req, reply, deps)}
      c={c}
      opinions={opinions}
      canEdit={can(actor, 'engagement.edit', scoped)}
      canPublish={can(actor, 'engagement.publish', scoped)}
      done={status ? undefined : doneFlag(req, DONE)}
      blockers={feedbackBlockers(c.state, opinions)}
      {...extra}
    />,
    status,
  );
}

/**
 * Runs a step of the consultation's page: on success redirect with its done flag; a refusal
 * (invalid input, a state that does not allow it, a stale page) shows the page again with the
 * reason and its status (422 / 409).
 */
async function step(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  id: number,
  work: () => Promise<unknown>,
  done: ConsultationDone,
  onInvalid?: (e: InvalidInput) => PageExtra,
) {
  try {
    await work();
    return reply.redirect(`/admin/consultations/${id}?done=${done}`, 303);
  } catch (e) {
    if (e instanceof InvalidInput)
      return renderPage(deps, req, reply, id, 422, onInvalid ? onInvalid(e) : { problem: e.message });
    if (e instanceof InvalidTransition || e instanceof Conflict)
      return renderPage(deps, req, reply, id, 409, { problem: e.message });
    throw e;
  }
}

export function registerAdminConsultationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const post = { preHandler: [requireStaff, app.csrfProtection] };

  app.get('/admin/consultations', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'engagement.view');
    return reply.html(
      <ConsultationListPage
        shell={adminShell(req, reply, deps)}
        items={await listConsultationsForStaff(deps.db, actor, today(deps))}
        canCreate={can(actor, 'engagement.edit')}
        canConfigure={can(actor, 'rules.manage')}
      />,
    );
  });

  app.get('/admin/consultations/new', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'engagement.edit');
    return renderForm(deps, req, reply, { agencyId: String(actor.agencyId) });
  });

  app.post('/admin/consultations/new', post, async (req, reply) => {
    authorizeAction(actorOf(req), 'engagement.edit');
    const form = formBody(req);
    return withFormErrors(
      async () => {
        const { id } = await saveConsultation(deps, commandContext(req), {
          ...form,
          id: undefined,
          version: undefined,
        });
        return reply.redirect(`/admin/consultations/${id}?done=created`, 303);
      },
      (errors) => renderForm(deps, req, reply, form, 422, { errors }),
    );
  });

  app.get('/admin/consultations/settings', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'rules.manage');
    return reply.html(
      <ConsultationSettingsPage
        shell={adminShell(req, reply, deps)}
        periods={await consultationPeriods(deps.db)}
        defaults={DEFAULT_CONSULTATION_PERIODS}
        saved={(req.query as { done?: string }).done === 'saved'}
      />,
    );
  });

  app.post('/admin/consultations/settings', post, async (req, reply) => {
    authorizeAction(actorOf(req), 'rules.manage');
    const form = formBody(req);
    const input = Object.fromEntries(
      PERIOD_KEYS.map((k) => {
        const days = (form[`${k}.days`] ?? '').trim();
        return [
          k,
          {
            days: /^\d{1,4}$/.test(days) ? Number(days) : Number.NaN,
            unit: form[`${k}.unit`],
            source: form[`${k}.source`] ?? '',
          },
        ];
      }),
    );
    return withFormErrors(
      async () => {
        await saveConsultationPeriods(deps, commandContext(req), input, {
          restoreDefaults: form.restore === 'yes',
        });
        return reply.redirect('/admin/consultations/settings?done=saved', 303);
      },
      async (errors) =>
        reply.html(
          <ConsultationSettingsPage
            shell={adminShell(req, reply, deps)}
            periods={await consultationPeriods(deps.db)}
            defaults={DEFAULT_CONSULTATION_PERIODS}
            values={form}
            errors={errors}
          />,
          422,
        ),
    );
  });

  app.get('/admin/consultations/:id', { preHandler: requireStaff }, async (req, reply) =>
    renderPage(deps, req, reply, idParam(req)),
  );

  app.get('/admin/consultations/:id/edit', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    const c = await consultationForStaff(deps.db, actor, idParam(req), today(deps));
    if (!can(actor, 'engagement.edit', { agencyPath: c.agencyPath }) || c.state !== 'draft')
      throw new NotFound();
    return renderForm(deps, req, reply, formValues(c));
  });

  app.post('/admin/consultations/:id/edit', post, async (req, reply) => {
    const id = idParam(req);
    const form = { ...formBody(req), id: String(id) };
    try {
      return await withFormErrors(
        async () => {
          await saveConsultation(deps, commandContext(req), form);
          return reply.redirect(`/admin/consultations/${id}?done=updated`, 303);
        },
        (errors) => renderForm(deps, req, reply, form, 422, { errors }),
      );
    } catch (e) {
      if (!(e instanceof Conflict || e instanceof InvalidTransition)) throw e;
      const c = await consultationForStaff(deps.db, actorOf(req), id, today(deps));
      return renderForm(deps, req, reply, { ...form, version: String(c.version) }, 409, {
        conflict: e.message,
      });
    }
  });

  app.post('/admin/consultations/:id/open', post, async (req, reply) => {
    const id = idParam(req);
    const { version } = formBody(req);
    return step(
      deps,
      req,
      reply,
      id,
      () => openConsultation(deps, commandContext(req), { id, version }),
      'opened',
    );
  });

  app.post('/admin/consultations/:id/close', post, async (req, reply) => {
    const id = idParam(req);
    const { version } = formBody(req);
    return step(
      deps,
      req,
      reply,
      id,
      () => closeConsultation(deps, commandContext(req), { id, version }),
      'closed',
    );
  });

  app.post('/admin/consultations/:id/feedback', post, async (req, reply) => {
    const id = idParam(req);
    const form = formBody(req);
    return step(
      deps,
      req,
      reply,
      id,
      () => publishFeedback(deps, commandContext(req), { ...form, id }),
      'published',
    );
  });

  app.post('/admin/consultations/:id/opinions', post, async (req, reply) => {
    const id = idParam(req);
    const form = formBody(req);
    return step(
      deps,
      req,
      reply,
      id,
      () => enterOpinion(deps, commandContext(req), { ...form, consultationId: id }),
      'entered',
      (e) => ({ errors: e.fieldErrors, values: form }),
    );
  });

  app.post('/admin/consultations/opinions/:id/decide', post, async (req, reply) => {
    const opinionId = idParam(req);
    const form = formBody(req);
    const consultationId = await consultationOfOpinion(deps, opinionId);
    return step(
      deps,
      req,
      reply,
      consultationId,
      () => decideOpinion(deps, commandContext(req), { ...form, opinionId }),
      'decided',
      (e) => ({ decision: { opinionId, errors: e.fieldErrors, values: form } }),
    );
  });
}

async function consultationOfOpinion(deps: AppDeps, opinionId: number): Promise<number> {
  const id = await findConsultationOfOpinion(deps.db, opinionId);
  if (id === null) throw new NotFound('没有找到该意见');
  return id;
}
