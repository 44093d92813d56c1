// 网上调查 in the back office: /admin/surveys (list), /new, /:id (steps and tallies), /:id/edit, and
// the steps /:id/open, /:id/close, /:id/publish. Every change goes through src/commands/surveys.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { closeSurvey, openSurvey, publishSurveyResults, saveSurvey } from '../../commands/surveys/surveys.js';
import { questionDraftsFromForm } from '../../domain/surveys/survey.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction, can } from '../../policies/policy.js';
import { listSurveysForStaff, surveyForStaff } from '../../queries/surveys.js';
import type { FieldErrors } from '../../views/components/forms.js';
import {
  SurveyAdminListPage,
  SurveyAdminPage,
  SurveyFormPage,
  surveyFormValues,
  type SurveyDone,
  type SurveyFormValues,
} from '../../views/admin/surveys.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, formBody, idParam, scopeAgencyOptions } from './helpers.js';

const DONE: readonly SurveyDone[] = ['created', 'updated', 'opened', 'closed', 'published'];

export function registerAdminSurveyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const today = () => localDate(deps.now());
  const post = { preHandler: [requireStaff, app.csrfProtection] };

  const renderForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    action: string,
    values: SurveyFormValues,
    opts: { id?: number; errors?: FieldErrors } = {},
  ) => {
    const current = opts.id ? await surveyForStaff(deps.db, actorOf(req), opts.id, today()) : null;
    return reply.html(
      <SurveyFormPage
        shell={adminShell(req, reply, deps)}
        action={action}
        values={values}
        agencyOptions={await scopeAgencyOptions(deps, req)}
        questionsEditable={!current || current.survey.state === 'draft'}
        questions={current?.survey.questions ?? []}
        errors={opts.errors}
      />,
      opts.errors ? 422 : undefined,
    );
  };

  const renderSurvey = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: { done?: SurveyDone; errors?: FieldErrors; summary?: string } = {},
  ) => {
    const actor = actorOf(req);
    const data = await surveyForStaff(deps.db, actor, id, today());
    const subject = { agencyPath: data.survey.agencyPath };
    return reply.html(
      <SurveyAdminPage
        shell={adminShell(req, reply, deps)}
        data={data}
        canEdit={can(actor, 'engagement.edit', subject)}
        canPublish={can(actor, 'engagement.publish', subject)}
        {...extra}
      />,
      extra.errors ? 422 : undefined,
    );
  };

  app.get('/admin/surveys', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'engagement.view');
    return reply.html(
      <SurveyAdminListPage
        shell={adminShell(req, reply, deps)}
        surveys={await listSurveysForStaff(deps.db, actor, today())}
        canEdit={can(actor, 'engagement.edit')}
      />,
    );
  });

  app.get('/admin/surveys/new', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'engagement.edit');
    return renderForm(req, reply, '/admin/surveys/new', {
      agencyId: String(actorOf(req).agencyId),
      'q0.type': 'single',
      'q0.required': 'yes',
    });
  });

  const save = (id?: number) => async (req: FastifyRequest, reply: FastifyReply) => {
    const form = formBody(req);
    const action = id ? `/admin/surveys/${id}/edit` : '/admin/surveys/new';
    return withFormErrors(
      async () => {
        const saved = await saveSurvey(deps, commandContext(req), {
          ...form,
          id,
          questions: questionDraftsFromForm(form),
        });
        return reply.redirect(`/admin/surveys/${saved.id}?done=${id ? 'updated' : 'created'}`, 303);
      },
      (errors) => renderForm(req, reply, action, form, { id, errors }),
    );
  };

  app.post('/admin/surveys/new', post, async (req, reply) => {
    authorizeAction(actorOf(req), 'engagement.edit');
    return save()(req, reply);
  });

  app.get('/admin/surveys/:id', { preHandler: requireStaff }, async (req, reply) =>
    renderSurvey(req, reply, idParam(req), { done: doneFlag(req, DONE) }),
  );

  app.get('/admin/surveys/:id/edit', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const data = await surveyForStaff(deps.db, actorOf(req), id, today());
    authorizeAction(actorOf(req), 'engagement.edit');
    return renderForm(req, reply, `/admin/surveys/${id}/edit`, surveyFormValues(data.survey), { id });
  });

  app.post('/admin/surveys/:id/edit', post, async (req, reply) => save(idParam(req))(req, reply));

  const step =
    (
      done: SurveyDone,
      run: (req: FastifyRequest, id: number, body: Record<string, string>) => Promise<unknown>,
    ) =>
    async (req: FastifyRequest, reply: FastifyReply) => {
      const id = idParam(req);
      const body = formBody(req);
      return withFormErrors(
        async () => {
          await run(req, id, body);
          return reply.redirect(`/admin/surveys/${id}?done=${done}`, 303);
        },
        (errors) => renderSurvey(req, reply, id, { errors, summary: body.summary }),
      );
    };

  app.post(
    '/admin/surveys/:id/open',
    post,
    step('opened', (req, surveyId) => openSurvey(deps, commandContext(req), { surveyId })),
  );
  app.post(
    '/admin/surveys/:id/close',
    post,
    step('closed', (req, surveyId) => closeSurvey(deps, commandContext(req), { surveyId })),
  );
  app.post(
    '/admin/surveys/:id/publish',
    post,
    step('published', (req, surveyId, body) =>
      publishSurveyResults(deps, commandContext(req), { surveyId, summary: body.summary }),
    ),
  );
}
