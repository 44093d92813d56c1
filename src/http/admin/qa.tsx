// 答问知识库 in the back office: the list (/admin/qa), a new item, one item with its feedback, editing,
// publishing and withdrawing (Post/Redirect/Get; the form again with its errors on InvalidInput, the
// fresh item with a message on a stale version).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { publishQaItem, withdrawQaItem } from '../../commands/qa/publication.js';
import { saveQaItem } from '../../commands/qa/save.js';
import { Conflict, InvalidInput, InvalidTransition } from '../../domain/errors.js';
import { isQaState, type QaState } from '../../domain/qa/qa.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction, can } from '../../policies/policy.js';
import {
  listQaItems,
  QA_LIST_LIMIT,
  qaCategoryOptions,
  qaItemDetail,
  type QaDetail,
} from '../../queries/qa-admin.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { QaListPage } from '../../views/admin/qa.js';
import { QaDetailPage, type QaDone } from '../../views/admin/qa-detail.js';
import { QaFormPage, type QaFormValues } from '../../views/admin/qa-form.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import {
  actorOf,
  commandContext,
  doneFlag,
  formBody,
  idParam,
  queryOf,
  scopeAgencyOptions,
} from './helpers.js';

function valuesOf(item: QaDetail): QaFormValues {
  return {
    id: String(item.id),
    version: String(item.version),
    agencyId: String(item.agency.id),
    question: item.question,
    altQuestions: item.altQuestions.join('\n'),
    answer: item.answer,
    category: item.category,
    reviewBy: item.reviewBy ?? '',
    documents: item.documents.map((d) => d.docNumber ?? d.title).join('\n'),
  };
}

export function registerAdminQaRoutes(app: FastifyInstance, deps: AppDeps): void {
  const today = () => localDate(deps.now());

  const renderForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: QaFormValues,
    p: { errors?: FieldErrors; conflict?: string } = {},
    status?: number,
  ) => {
    const [agencyOptions, categories] = await Promise.all([
      scopeAgencyOptions(deps, req),
      qaCategoryOptions(deps.db),
    ]);
    return reply.html(
      <QaFormPage
        shell={adminShell(req, reply, deps)}
        values={values}
        agencyOptions={agencyOptions}
        categories={categories}
        errors={p.errors}
        conflict={p.conflict}
      />,
      status ?? (p.errors ? 422 : undefined),
    );
  };

  const renderDetail = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    p: { done?: QaDone; problem?: string } = {},
    status?: number,
  ) => {
    const actor = actorOf(req);
    const item = await qaItemDetail(deps.db, actor, id, today());
    const scope = { agencyPath: item.agency.path };
    return reply.html(
      <QaDetailPage
        shell={adminShell(req, reply, deps)}
        item={item}
        canEdit={can(actor, 'qa.edit', scope)}
        canPublish={can(actor, 'qa.publish', scope)}
        done={p.done}
        problem={p.problem}
      />,
      status,
    );
  };

  app.get('/admin/qa', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'qa.view');
    const q = queryOf(req);
    const categories = await qaCategoryOptions(deps.db);
    const filter = {
      state: isQaState(q.state) ? q.state : '',
      category: q.category && categories.includes(q.category) ? q.category : '',
      q: (q.q ?? '').trim().slice(0, 50),
      flag: q.flag === 'review' || q.flag === 'document' ? q.flag : '',
    };
    const items = await listQaItems(
      deps.db,
      actor,
      {
        state: (filter.state || undefined) as QaState | undefined,
        category: filter.category || undefined,
        q: filter.q || undefined,
        flag: (filter.flag || undefined) as 'review' | 'document' | undefined,
      },
      today(),
    );
    return reply.html(
      <QaListPage
        shell={adminShell(req, reply, deps)}
        items={items}
        truncated={items.length >= QA_LIST_LIMIT}
        categories={categories}
        filter={filter}
        canCreate={can(actor, 'qa.edit')}
      />,
    );
  });

  app.get('/admin/qa/new', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'qa.edit');
    return renderForm(req, reply, { agencyId: String(actor.agencyId), category: '其他' });
  });

  app.post('/admin/qa/new', { preHandler: [requireStaff, app.csrfProtection] }, async (req, reply) => {
    authorizeAction(actorOf(req), 'qa.edit');
    const form = formBody(req);
    return withFormErrors(
      async () => {
        const saved = await saveQaItem(deps, commandContext(req), {
          ...form,
          id: undefined,
          version: undefined,
        });
        return reply.redirect(`/admin/qa/${saved.id}?done=created`, 303);
      },
      (errors) => renderForm(req, reply, { ...form, id: undefined, version: undefined }, { errors }),
    );
  });

  app.get('/admin/qa/:id', { preHandler: requireStaff }, async (req, reply) =>
    renderDetail(req, reply, idParam(req), {
      done: doneFlag<QaDone>(req, ['created', 'updated', 'published', 'withdrawn']),
    }),
  );

  app.get('/admin/qa/:id/edit', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    const item = await qaItemDetail(deps.db, actor, idParam(req), today());
    authorizeAction(actor, 'qa.edit');
    return renderForm(req, reply, valuesOf(item));
  });

  app.post('/admin/qa/:id/edit', { preHandler: [requireStaff, app.csrfProtection] }, async (req, reply) => {
    const actor = actorOf(req);
    const id = idParam(req);
    await qaItemDetail(deps.db, actor, id, today());
    const form = { ...formBody(req), id: String(id) };
    try {
      return await withFormErrors(
        async () => {
          await saveQaItem(deps, commandContext(req), form);
          return reply.redirect(`/admin/qa/${id}?done=updated`, 303);
        },
        (errors) => renderForm(req, reply, form, { errors }),
      );
    } catch (e) {
      if (!(e instanceof Conflict)) throw e;
      // The newest text, the person's own edits lost: they are told and see what changed.
      const fresh = valuesOf(await qaItemDetail(deps.db, actor, id, today()));
      return renderForm(req, reply, fresh, { conflict: e.message }, 409);
    }
  });

  for (const step of ['publish', 'withdraw'] as const) {
    app.post(
      `/admin/qa/:id/${step}`,
      { preHandler: [requireStaff, app.csrfProtection] },
      async (req, reply) => {
        const id = idParam(req);
        const form = formBody(req);
        const run = step === 'publish' ? publishQaItem : withdrawQaItem;
        try {
          await run(deps, commandContext(req), { id, version: form.version as never, reason: form.reason });
          return reply.redirect(
            `/admin/qa/${id}?done=${step === 'publish' ? 'published' : 'withdrawn'}`,
            303,
          );
        } catch (e) {
          if (e instanceof Conflict || e instanceof InvalidTransition)
            return renderDetail(req, reply, id, { problem: e.message }, 409);
          if (e instanceof InvalidInput)
            return renderDetail(
              req,
              reply,
              id,
              { problem: Object.values(e.fieldErrors)[0] ?? e.message },
              422,
            );
          throw e;
        }
      },
    );
  }
}
