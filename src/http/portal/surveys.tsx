// 网上调查 on the portal: /surveys, /surveys/:id (the form while open; the POST stores a response —
// CSRF-checked, limited per client address and minute), /surveys/:id/results (only once published).
// One response per person is not enforceable without identifying people (no login, no cookie kept):
// the rate limit stops scripts, and the results page says that the survey is not a sample.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SURVEY_NOT_OPEN, submitSurveyResponse } from '../../commands/surveys/respond.js';
import { NotFound } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { publicSurvey, publicSurveys } from '../../queries/surveys.js';
import type { FieldErrors } from '../../views/components/forms.js';
import {
  SurveyFormPage,
  SurveyListPage,
  SurveyResultsPage,
  SurveyThanksPage,
} from '../../views/portal/surveys.js';
import { formBody, idParam } from '../admin/helpers.js';
import { withFormErrors } from '../forms.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';

/** Per client address and minute: a person fills in a survey once; a script is stopped. */
export const SURVEY_RATE_LIMITS = {
  pages: { max: 120, timeWindow: '1 minute' },
  submit: { max: 10, timeWindow: '1 minute' },
} as const;

export function registerPortalSurveyRoutes(app: FastifyInstance, deps: AppDeps): void {
  const today = () => localDate(deps.now());

  const formPage = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    values: Record<string, string> = {},
    errors?: FieldErrors,
  ) => {
    const { survey } = await publicSurvey(deps.db, id, today());
    return reply
      .header('cache-control', 'no-store')
      .html(
        <SurveyFormPage
          shell={portalShell(req, deps)}
          survey={survey}
          csrf={reply.generateCsrf()}
          values={values}
          errors={errors}
        />,
        errors ? 422 : undefined,
      );
  };

  app.get('/surveys', { config: { rateLimit: SURVEY_RATE_LIMITS.pages } }, async (req, reply) =>
    reply.html(
      <SurveyListPage shell={portalShell(req, deps)} surveys={await publicSurveys(deps.db, today())} />,
    ),
  );

  app.get('/surveys/:id', { config: { rateLimit: SURVEY_RATE_LIMITS.pages } }, async (req, reply) =>
    formPage(req, reply, idParam(req)),
  );

  app.post(
    '/surveys/:id',
    { preHandler: app.csrfProtection, config: { rateLimit: SURVEY_RATE_LIMITS.submit } },
    async (req, reply) => {
      const id = idParam(req);
      const form = formBody(req);
      return withFormErrors(
        async () => {
          await submitSurveyResponse(deps, { surveyId: id, form });
          return reply.redirect(`/surveys/${id}/thanks`, 303);
        },
        (errors) => formPage(req, reply, id, errors._form === SURVEY_NOT_OPEN ? {} : form, errors),
      );
    },
  );

  app.get('/surveys/:id/thanks', { config: { rateLimit: SURVEY_RATE_LIMITS.pages } }, async (req, reply) => {
    const { survey } = await publicSurvey(deps.db, idParam(req), today());
    return reply.html(<SurveyThanksPage shell={portalShell(req, deps)} survey={survey} />);
  });

  app.get('/surveys/:id/results', { config: { rateLimit: SURVEY_RATE_LIMITS.pages } }, async (req, reply) => {
    const { survey, tally } = await publicSurvey(deps.db, idParam(req), today());
    if (!tally) throw new NotFound('该调查的结果尚未公布');
    return reply.html(<SurveyResultsPage shell={portalShell(req, deps)} survey={survey} tally={tally} />);
  });
}
