// 政府公报 in the back office (issue 10 item 4): the list of issues, a new issue, and one issue with
// its PDF and the documents it holds. Every change goes through src/commands/gazette.ts.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  addGazetteDocument,
  createGazetteIssue,
  deleteGazetteIssue,
  GAZETTE_PDF_MAX_BYTES,
  moveGazetteDocument,
  removeGazetteDocument,
  updateGazetteIssue,
  uploadGazettePdf,
} from '../../commands/gazette.js';
import { NotFound } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction } from '../../policies/policy.js';
import {
  GAZETTE_LIST_LIMIT,
  gazetteCandidates,
  gazetteIssueForStaff,
  gazettePdf,
  listGazetteIssues,
  type GazetteIssueDetail,
} from '../../queries/gazette.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { GazetteListPage, GazetteNewPage, type GazetteFormValues } from '../../views/admin/gazette.js';
import {
  GazetteIssuePage,
  type GazetteDone,
  type GazetteIssueView,
} from '../../views/admin/gazette-issue.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { flattenMultipart, registerUploads, type Upload } from '../uploads.js';
import { contentDisposition } from './notices.js';
import {
  actorOf,
  commandContext,
  currentYear,
  doneFlag,
  formBody,
  idParam,
  offered,
  scopeAgencyOptions,
  yearOptions,
} from './helpers.js';

/** The years offered in the filter: next year and the fifteen before this one. */
const YEARS_BACK = 15;
const DONE_FLAGS: readonly GazetteDone[] = ['created', 'updated', 'pdf', 'added', 'removed', 'moved'];

function gazetteYears(deps: AppDeps) {
  const current = currentYear(deps);
  return yearOptions(current + 1, current - YEARS_BACK);
}

const valuesOf = (i: GazetteIssueDetail): GazetteFormValues => ({
  year: String(i.year),
  number: String(i.number),
  totalNumber: i.totalNumber === null ? '' : String(i.totalNumber),
  publishedOn: i.publishedOn,
});

export async function registerAdminGazetteRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const renderIssue = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extra: Partial<Pick<GazetteIssueView, 'values' | 'errors' | 'form' | 'reference' | 'done'>> = {},
  ) => {
    const issue = await gazetteIssueForStaff(deps.db, actorOf(req), id);
    return reply.html(
      <GazetteIssuePage
        shell={adminShell(req, reply, deps)}
        issue={issue}
        candidates={await gazetteCandidates(deps.db, issue)}
        values={extra.values ?? valuesOf(issue)}
        errors={extra.errors}
        form={extra.form}
        reference={extra.reference}
        done={extra.done}
        maxPdfMb={GAZETTE_PDF_MAX_BYTES / 1024 / 1024}
      />,
      extra.errors ? 422 : undefined,
    );
  };
  /** Runs a command of the issue page; its errors re-render the page with the form marked. */
  const onIssue = (
    form: NonNullable<GazetteIssueView['form']>,
    done: GazetteDone,
    run: (req: FastifyRequest, id: number, body: Record<string, string>) => Promise<unknown>,
  ) => {
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const id = idParam(req);
      const body = formBody(req);
      return withFormErrors(
        async () => {
          await run(req, id, body);
          return reply.redirect(`/admin/gazette/${id}?done=${done}`, 303);
        },
        (errors: FieldErrors) =>
          renderIssue(req, reply, id, {
            errors,
            form,
            reference: body.reference,
            ...(form === 'edit' ? { values: body } : {}),
          }),
      );
    };
  };

  app.get('/admin/gazette', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'gazette.manage');
    const q = req.query as Record<string, string | undefined>;
    const agencies = await scopeAgencyOptions(deps, req);
    const years = gazetteYears(deps);
    const filter = { year: offered(q.year, years), agency: offered(q.agency, agencies) };
    const issues = await listGazetteIssues(deps.db, actor, {
      year: filter.year ? Number(filter.year) : undefined,
      agencyId: filter.agency ? Number(filter.agency) : undefined,
    });
    return reply.html(
      <GazetteListPage
        shell={adminShell(req, reply, deps)}
        issues={issues}
        truncated={issues.length >= GAZETTE_LIST_LIMIT}
        agencyOptions={agencies}
        yearOptions={years}
        filter={filter}
      />,
    );
  });

  const renderNew = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: GazetteFormValues,
    errors?: FieldErrors,
  ) =>
    reply.html(
      <GazetteNewPage
        shell={adminShell(req, reply, deps)}
        values={values}
        agencyOptions={await scopeAgencyOptions(deps, req)}
        errors={errors}
      />,
      errors ? 422 : undefined,
    );

  app.get('/admin/gazette/new', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'gazette.manage');
    const today = localDate(deps.now());
    // The next issue of the actor's own agency this year, as a starting point.
    const own = await listGazetteIssues(deps.db, actor, {
      year: Number(today.slice(0, 4)),
      agencyId: actor.agencyId,
    });
    const last = own[0];
    return renderNew(req, reply, {
      agencyId: String(actor.agencyId),
      year: today.slice(0, 4),
      number: String((last?.number ?? 0) + 1),
      totalNumber: last?.totalNumber ? String(last.totalNumber + 1) : '',
      publishedOn: today,
    });
  });

  app.post('/admin/gazette/new', { preHandler: [requireStaff, app.csrfProtection] }, async (req, reply) => {
    authorizeAction(actorOf(req), 'gazette.manage');
    const form = formBody(req);
    return withFormErrors(
      async () => {
        const created = await createGazetteIssue(deps, commandContext(req), form);
        return reply.redirect(`/admin/gazette/${created.id}?done=created`, 303);
      },
      (errors) => renderNew(req, reply, form, errors),
    );
  });

  app.get('/admin/gazette/:id', { preHandler: requireStaff }, async (req, reply) =>
    renderIssue(req, reply, idParam(req), { done: doneFlag(req, DONE_FLAGS) }),
  );

  app.get('/admin/gazette/:id/pdf', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    await gazetteIssueForStaff(deps.db, actorOf(req), id);
    const file = await gazettePdf(deps.db, id);
    if (!file) throw new NotFound();
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition(file.filename, `gazette-${id}.pdf`))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.bytes);
  });

  const post = { preHandler: [requireStaff, app.csrfProtection] };
  app.post(
    '/admin/gazette/:id',
    post,
    onIssue('edit', 'updated', (req, issueId, body) =>
      updateGazetteIssue(deps, commandContext(req), { ...body, issueId }),
    ),
  );
  app.post(
    '/admin/gazette/:id/items',
    post,
    onIssue('add', 'added', (req, issueId, body) =>
      addGazetteDocument(deps, commandContext(req), {
        issueId,
        documentId: body.documentId,
        reference: body.reference,
      }),
    ),
  );
  app.post(
    '/admin/gazette/:id/items/remove',
    post,
    onIssue('add', 'removed', (req, issueId, body) =>
      removeGazetteDocument(deps, commandContext(req), { issueId, documentId: body.documentId as never }),
    ),
  );
  app.post(
    '/admin/gazette/:id/items/move',
    post,
    onIssue('add', 'moved', (req, issueId, body) =>
      moveGazetteDocument(deps, commandContext(req), {
        issueId,
        documentId: body.documentId as never,
        direction: body.direction as never,
      }),
    ),
  );
  app.post('/admin/gazette/:id/delete', post, async (req, reply) => {
    const id = idParam(req);
    return withFormErrors(
      async () => {
        await deleteGazetteIssue(deps, commandContext(req), { issueId: id });
        return reply.redirect('/admin/gazette', 303);
      },
      (errors) => renderIssue(req, reply, id, { errors, form: 'delete' }),
    );
  });

  // The PDF: multipart, with the file's limit enforced while it streams in.
  await app.register(async (scope) => {
    await registerUploads(scope, { maxFileBytes: GAZETTE_PDF_MAX_BYTES, fields: 2, maxFieldBytes: 1024 });
    scope.post(
      '/admin/gazette/:id/pdf',
      { preHandler: [requireStaff, flattenMultipart, scope.csrfProtection] },
      async (req, reply) => {
        const id = idParam(req);
        const file = ((req.body ?? {}) as { file?: Upload | null }).file ?? null;
        return withFormErrors(
          async () => {
            await uploadGazettePdf(deps, commandContext(req), { issueId: id, file });
            return reply.redirect(`/admin/gazette/${id}?done=pdf`, 303);
          },
          (errors) => renderIssue(req, reply, id, { errors, form: 'pdf' }),
        );
      },
    );
  });
}
