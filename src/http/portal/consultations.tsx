// 意见征集 on the portal: the list, one consultation with the opinion form while it is open, the
// submission (CSRF-checked, rate-limited per client address; no JavaScript: Post/Redirect/Get), and
// the published feedback report. Nothing here is cached: the days left change with the date.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitOpinion } from '../../commands/consultations/opinions.js';
import { acceptsOpinions } from '../../domain/consultations/index.js';
import { InvalidInput, InvalidTransition, NotFound } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { listPublicConsultations, publicConsultation } from '../../queries/consultations.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { ConsultationFeedbackPage, ConsultationPublicPage } from '../../views/portal/consultation-page.js';
import { ConsultationsPage } from '../../views/portal/consultations.js';
import { formBody, idParam } from '../admin/helpers.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';

/** Per client address and minute. */
export const CONSULTATION_RATE_LIMITS = {
  pages: { max: 120, timeWindow: '1 minute' },
  /** Each stores an opinion. */
  submit: { max: 10, timeWindow: '1 minute' },
} as const;

const SUBMITTER = { system: true as const, label: '政府门户网站（意见征集）' };

const NOT_FOUND = '没有找到该意见征集';

export function registerPortalConsultationRoutes(app: FastifyInstance, deps: AppDeps): void {
  const today = () => localDate(deps.now());
  const load = async (req: FastifyRequest) => {
    const c = await publicConsultation(deps.db, idParam(req), today());
    if (!c) throw new NotFound(NOT_FOUND);
    return c;
  };
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { values?: Record<string, string>; errors?: FieldErrors; problem?: string; status?: number } = {},
  ) => {
    const c = await load(req);
    const open = acceptsOpinions(c, today());
    return reply.html(
      <ConsultationPublicPage
        shell={portalShell(req, deps)}
        c={c}
        csrf={open ? reply.generateCsrf() : null}
        values={extra.values}
        errors={extra.errors}
        problem={extra.problem}
        sent={!extra.status && (req.query as { done?: string }).done === 'sent'}
      />,
      extra.status,
    );
  };

  app.get('/consultations', { config: { rateLimit: CONSULTATION_RATE_LIMITS.pages } }, async (req, reply) =>
    reply.html(
      <ConsultationsPage
        shell={portalShell(req, deps)}
        items={await listPublicConsultations(deps.db, today())}
      />,
    ),
  );

  app.get(
    '/consultations/:id',
    { config: { rateLimit: CONSULTATION_RATE_LIMITS.pages } },
    async (req, reply) => page(req, reply),
  );

  app.post(
    '/consultations/:id/opinions',
    { preHandler: app.csrfProtection, config: { rateLimit: CONSULTATION_RATE_LIMITS.submit } },
    async (req, reply) => {
      const id = idParam(req);
      const form = formBody(req);
      try {
        await submitOpinion(deps, { actor: SUBMITTER, requestId: req.id }, { ...form, consultationId: id });
        return reply.redirect(`/consultations/${id}?done=sent`, 303);
      } catch (e) {
        if (e instanceof InvalidInput)
          return page(req, reply, { values: form, errors: e.fieldErrors, status: 422 });
        if (e instanceof InvalidTransition) return page(req, reply, { problem: e.message, status: 409 });
        throw e;
      }
    },
  );

  app.get(
    '/consultations/:id/feedback',
    { config: { rateLimit: CONSULTATION_RATE_LIMITS.pages } },
    async (req, reply) => {
      const c = await load(req);
      if (!c.feedback) throw new NotFound('该意见征集的意见采纳情况尚未公布');
      return reply.html(
        <ConsultationFeedbackPage shell={portalShell(req, deps)} c={{ ...c, feedback: c.feedback }} />,
      );
    },
  );
}
