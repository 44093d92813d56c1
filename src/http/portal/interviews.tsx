// 在线访谈 on the portal: /interviews and /interviews/:id (announcement, question form before and
// during, answered questions, open questions with their due date, the transcript once published).
// POST /interviews/:id/questions takes a question — CSRF-checked, limited per client address.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { submitInterviewQuestion } from '../../commands/interviews/questions.js';
import { publicInterview, publicInterviews } from '../../queries/interviews.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { InterviewListPage, InterviewPage } from '../../views/portal/interviews.js';
import { formBody, idParam } from '../admin/helpers.js';
import { withFormErrors } from '../forms.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';

export const INTERVIEW_RATE_LIMITS = {
  pages: { max: 120, timeWindow: '1 minute' },
  ask: { max: 10, timeWindow: '1 minute' },
} as const;

export function registerPortalInterviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: { values?: Record<string, string>; errors?: FieldErrors; asked?: boolean } = {},
  ) => {
    const data = await publicInterview(deps.db, id, deps.now());
    return reply
      .header('cache-control', 'no-store')
      .html(
        <InterviewPage shell={portalShell(req, deps)} {...data} csrf={reply.generateCsrf()} {...extra} />,
        extra.errors ? 422 : undefined,
      );
  };

  app.get('/interviews', { config: { rateLimit: INTERVIEW_RATE_LIMITS.pages } }, async (req, reply) =>
    reply.html(
      <InterviewListPage
        shell={portalShell(req, deps)}
        interviews={await publicInterviews(deps.db, deps.now())}
      />,
    ),
  );

  app.get('/interviews/:id', { config: { rateLimit: INTERVIEW_RATE_LIMITS.pages } }, async (req, reply) =>
    page(req, reply, idParam(req), { asked: (req.query as { asked?: string }).asked === '1' }),
  );

  app.post(
    '/interviews/:id/questions',
    { preHandler: app.csrfProtection, config: { rateLimit: INTERVIEW_RATE_LIMITS.ask } },
    async (req, reply) => {
      const id = idParam(req);
      const form = formBody(req);
      return withFormErrors(
        async () => {
          await submitInterviewQuestion(deps, { interviewId: id, name: form.name, content: form.content });
          return reply.redirect(`/interviews/${id}?asked=1`, 303);
        },
        (errors) => page(req, reply, id, { values: form, errors }),
      );
    },
  );
}
