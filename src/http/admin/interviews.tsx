// 在线访谈 in the back office: /admin/interviews (list), /new, /:id (questions, transcript), /:id/edit,
// and the steps /:id/announce, /:id/questions/:qid (answer or decline), /:id/transcript, /:id/publish.
// Every change goes through src/commands/interviews.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  announceInterview,
  publishTranscript,
  recordTranscript,
  saveInterview,
} from '../../commands/interviews/interviews.js';
import { answerInterviewQuestion } from '../../commands/interviews/questions.js';
import { guestsText, INTERVIEW_RULES } from '../../domain/interviews/interview.js';
import { formatTime, localDate } from '../../lib/time.js';
import { authorizeAction, can } from '../../policies/policy.js';
import { interviewForStaff, listInterviewsForStaff, type InterviewDetail } from '../../queries/interviews.js';
import type { FieldErrors } from '../../views/components/forms.js';
import {
  InterviewAdminListPage,
  InterviewAdminPage,
  InterviewFormPage,
  type InterviewDone,
  type InterviewFormValues,
} from '../../views/admin/interviews.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, formBody, idParam, scopeAgencyOptions } from './helpers.js';

const DONE: readonly InterviewDone[] = [
  'created',
  'updated',
  'announced',
  'announced-short',
  'answered',
  'transcript',
  'published',
];

const valuesOf = (i: InterviewDetail): InterviewFormValues => ({
  agencyId: String(i.agencyId),
  title: i.title,
  intro: i.intro,
  date: localDate(i.startsAt),
  startTime: formatTime(i.startsAt),
  endTime: formatTime(i.endsAt),
  answerWithinDays: String(i.answerWithinDays),
  guests: guestsText(i.guests),
  version: String(i.version),
});

export function registerAdminInterviewRoutes(app: FastifyInstance, deps: AppDeps): void {
  const post = { preHandler: [requireStaff, app.csrfProtection] };

  const renderForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    action: string,
    values: InterviewFormValues,
    errors?: FieldErrors,
  ) =>
    reply.html(
      <InterviewFormPage
        shell={adminShell(req, reply, deps)}
        action={action}
        values={values}
        agencyOptions={await scopeAgencyOptions(deps, req)}
        errors={errors}
      />,
      errors ? 422 : undefined,
    );

  const renderInterview = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: {
      done?: InterviewDone;
      errors?: FieldErrors;
      errorsFor?: string;
      transcript?: string;
      answerValues?: Record<string, string>;
    } = {},
  ) => {
    const actor = actorOf(req);
    const data = await interviewForStaff(deps.db, actor, id, deps.now());
    const subject = { agencyPath: data.interview.agencyPath };
    return reply.html(
      <InterviewAdminPage
        shell={adminShell(req, reply, deps)}
        data={data}
        canEdit={can(actor, 'engagement.edit', subject)}
        canPublish={can(actor, 'engagement.publish', subject)}
        {...extra}
      />,
      extra.errors ? 422 : undefined,
    );
  };

  app.get('/admin/interviews', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'engagement.view');
    return reply.html(
      <InterviewAdminListPage
        shell={adminShell(req, reply, deps)}
        interviews={await listInterviewsForStaff(deps.db, actor, deps.now())}
        canEdit={can(actor, 'engagement.edit')}
      />,
    );
  });

  app.get('/admin/interviews/new', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'engagement.edit');
    return renderForm(req, reply, '/admin/interviews/new', {
      agencyId: String(actorOf(req).agencyId),
      startTime: '09:30',
      endTime: '10:30',
      answerWithinDays: String(INTERVIEW_RULES.answerWithinDays),
    });
  });

  const save = (id?: number) => async (req: FastifyRequest, reply: FastifyReply) => {
    const form = formBody(req);
    return withFormErrors(
      async () => {
        const saved = await saveInterview(deps, commandContext(req), { ...form, id });
        return reply.redirect(`/admin/interviews/${saved.id}?done=${id ? 'updated' : 'created'}`, 303);
      },
      (errors) =>
        renderForm(req, reply, id ? `/admin/interviews/${id}/edit` : '/admin/interviews/new', form, errors),
    );
  };

  app.post('/admin/interviews/new', post, async (req, reply) => {
    authorizeAction(actorOf(req), 'engagement.edit');
    return save()(req, reply);
  });

  app.get('/admin/interviews/:id', { preHandler: requireStaff }, async (req, reply) =>
    renderInterview(req, reply, idParam(req), { done: doneFlag(req, DONE) }),
  );

  app.get('/admin/interviews/:id/edit', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const data = await interviewForStaff(deps.db, actorOf(req), id, deps.now());
    authorizeAction(actorOf(req), 'engagement.edit');
    return renderForm(req, reply, `/admin/interviews/${id}/edit`, valuesOf(data.interview));
  });

  app.post('/admin/interviews/:id/edit', post, async (req, reply) => save(idParam(req))(req, reply));

  app.post('/admin/interviews/:id/announce', post, async (req, reply) => {
    const id = idParam(req);
    return withFormErrors(
      async () => {
        const r = await announceInterview(deps, commandContext(req), { interviewId: id });
        return reply.redirect(
          `/admin/interviews/${id}?done=${r.shortNotice ? 'announced-short' : 'announced'}`,
          303,
        );
      },
      (errors) => renderInterview(req, reply, id, { errors, errorsFor: 'page' }),
    );
  });

  app.post('/admin/interviews/:id/questions/:qid', post, async (req, reply) => {
    const id = idParam(req);
    const qid = idParam(req, 'qid');
    const body = formBody(req);
    const prefix = `q${qid}`;
    const values = { answer: body[`${prefix}-answer`] ?? '', answeredBy: body[`${prefix}-answeredBy`] ?? '' };
    return withFormErrors(
      async () => {
        await answerInterviewQuestion(deps, commandContext(req), {
          interviewId: id,
          questionId: qid,
          decision: body.decision,
          ...values,
        });
        return reply.redirect(`/admin/interviews/${id}?done=answered#question-${qid}`, 303);
      },
      (errors) =>
        renderInterview(req, reply, id, {
          errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [`${prefix}-${k}`, v])),
          errorsFor: String(qid),
          answerValues: values,
        }),
    );
  });

  app.post('/admin/interviews/:id/transcript', post, async (req, reply) => {
    const id = idParam(req);
    const body = formBody(req);
    return withFormErrors(
      async () => {
        await recordTranscript(deps, commandContext(req), {
          interviewId: id,
          version: body.version,
          transcript: body.transcript ?? '',
        });
        return reply.redirect(`/admin/interviews/${id}?done=transcript`, 303);
      },
      (errors) =>
        renderInterview(req, reply, id, { errors, errorsFor: 'transcript', transcript: body.transcript }),
    );
  });

  app.post('/admin/interviews/:id/publish', post, async (req, reply) => {
    const id = idParam(req);
    return withFormErrors(
      async () => {
        await publishTranscript(deps, commandContext(req), { interviewId: id });
        return reply.redirect(`/admin/interviews/${id}?done=published`, 303);
      },
      (errors) => renderInterview(req, reply, id, { errors, errorsFor: 'transcript' }),
    );
  });
}
