// 主动公开 in the back office (docs/documents.md): the library list, the form of a document or a
// 政策解读 (new, draft, published), its page with the publication steps, relations and attachments,
// and the normative documents still lacking an interpretation. Every POST is Post/Redirect/Get with a
// 「已…」 message; a stale version (someone saved first) shows the page again with the person's input
// kept; an item outside the actor's subtree answers 404 everywhere.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ConfirmPage } from '../../views/admin/confirm.js';
import { deleteDocumentDraft } from '../../commands/documents/delete-draft.js';
import { attachDocumentFile, removeDocumentFile } from '../../commands/documents/files.js';
import {
  publishDocument,
  reopenDocument,
  returnDocumentToDraft,
  submitDocumentForReview,
  setIndexNumberTemplate,
  withdrawDocument,
} from '../../commands/documents/publication.js';
import { recordDocumentRelation, removeDocumentRelation } from '../../commands/documents/relations.js';
import { IndexTemplatePage } from '../../views/admin/document-template.js';
import { editPublishedDocument, saveDocumentDraft } from '../../commands/documents/save.js';
import {
  availableActions,
  publicationRefusal,
  requiredPermission,
} from '../../domain/documents/publication.js';
import {
  isDocumentKind,
  isEffectLevel,
  isPublicationState,
  isValidity,
  type PublicationState,
} from '../../domain/documents/vocab.js';
import { Conflict, InvalidInput, InvalidTransition } from '../../domain/errors.js';
import {
  attachmentFileName,
  DOCUMENT_FILE_TYPES_TEXT,
  sniffDocumentFile,
} from '../../extract/attachment-type.js';
import { extractTextInReader } from '../../extract/read-pool.js';
import { InputRefused } from '../../extract/refused.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction, can, scopePath } from '../../policies/policy.js';
import { listAgencies, toTree } from '../../queries/agencies.js';
import {
  adminDocumentDetail,
  adminDocumentFile,
  documentsLackingInterpretation,
  indexTemplateView,
  listAdminDocuments,
  type AdminDocumentDetail,
} from '../../queries/document-admin.js';
import { DocumentDetailPage, type PostedForm } from '../../views/admin/document-detail.js';
import { DocumentFormPage, type DocumentFormValues } from '../../views/admin/document-form.js';
import {
  DocumentListPage,
  LackingInterpretationPage,
  type DocumentFilterValues,
} from '../../views/admin/documents.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { documentHref } from '../../views/models/document-links.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { flattenMultipart, registerUploads, type Upload } from '../uploads.js';
import {
  actorOf,
  agencyOptions,
  commandContext,
  formBody,
  idParam,
  queryOf,
  scopeAgencyOptions,
} from './helpers.js';

const CONFLICT_MESSAGE = '该文件已被他人更新：下面显示的是最新情况，请核对后重新操作。';
const FORM_CONFLICT_MESSAGE =
  '该文件已被他人更新：您填写的内容已保留，请打开文件页面核对最新内容后重新保存。';

/** Attachments: one file a form, at most 20 MB (a scanned gazette page is large). */
export const DOCUMENT_FILE_UPLOAD = { maxFileBytes: 20 * 1024 * 1024, fields: 4, maxFieldBytes: 1024 };
/** The body of a document can be long (urlencoded Chinese is 9 bytes a character). */
const FORM_BODY_LIMIT = 6 * 1024 * 1024;

const DONE: Record<string, string> = {
  created: '草稿已保存。',
  saved: '已保存。',
  revised: '修改已保存，修改前的版本已记入修订记录。',
  submit: '已提交审核。',
  return: '已退回修改。',
  publish: '已发布。',
  withdraw: '已撤回。',
  reopen: '已重新编辑：文件回到草稿状态。',
  relation: '关系已记录。',
  'relation-removed': '关系已删除。',
  file: '附件已上传。',
  'file-removed': '附件已删除。',
};

/** The posted form with the repeated fields (themes, joint issuers) kept as lists. */
function documentForm(req: FastifyRequest): DocumentFormValues {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: DocumentFormValues = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === '_csrf') continue;
    if (typeof v === 'string') out[k] = k === 'themes' || k === 'issuerIds' ? [v] : v;
    else if (Array.isArray(v)) out[k] = v.filter((x): x is string => typeof x === 'string');
  }
  out.themes ??= [];
  out.issuerIds ??= [];
  return out;
}

function versionOf(form: Record<string, unknown>): number {
  const v = typeof form.version === 'string' ? form.version : '';
  if (!/^\d{1,9}$/.test(v)) throw new Conflict(CONFLICT_MESSAGE);
  return Number(v);
}

/** The stored row as the form's values. */
function valuesOf(d: AdminDocumentDetail): DocumentFormValues {
  const r = d.row;
  return {
    version: String(r.version),
    kind: r.kind,
    title: r.title,
    agencyId: String(r.agencyId),
    issuerIds: d.issuers.map((i) => String(i.id)),
    docNumber: r.docNumber ?? '',
    genre: r.genre ?? '',
    effectLevel: r.effectLevel,
    unifiedNumber: r.unifiedNumber ?? '',
    themes: d.themes.map((t) => t.code),
    writtenOn: r.writtenOn ?? '',
    formedOn: r.formedOn ?? '',
    effectiveOn: r.effectiveOn ?? '',
    expiresOn: r.expiresOn ?? '',
    disclosureMethod: r.disclosureMethod,
    category: r.category ?? '',
    interpretationForm: r.interpretationForm ?? '',
    mediaUrl: r.mediaUrl ?? '',
    bodyHtml: r.bodyHtml,
  };
}

export async function registerAdminDocumentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const today = () => localDate(deps.now());

  /** Agencies of the actor's subtree it may write for, and every agency (joint issuers). */
  const formOptions = async (req: FastifyRequest) => {
    const actor = actorOf(req);
    const own = toTree(await listAgencies(deps.db, { rootPath: scopePath(actor) }));
    const all = toTree(await listAgencies(deps.db, { rootPath: '/' }));
    return {
      agencyOptions: agencyOptions(
        own,
        (n) => n.active && can(actor, 'document.edit', { agencyPath: n.path }),
      ),
      issuerOptions: agencyOptions(all, (n) => n.active),
    };
  };

  const renderForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    opts: {
      mode: 'new' | 'draft' | 'published';
      document?: { id: number; title: string };
      values: DocumentFormValues;
      errors?: FieldErrors;
      conflict?: string;
    },
    status?: number,
  ) => {
    reply.header('cache-control', 'no-store');
    return reply.html(
      <DocumentFormPage shell={adminShell(req, reply, deps)} {...opts} {...await formOptions(req)} />,
      status,
    );
  };

  const renderDetail = async (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extras: { done?: string; posted?: PostedForm; conflict?: string } = {},
    status?: number,
  ) => {
    const actor = actorOf(req);
    const detail = await adminDocumentDetail(deps.db, actor, id, today());
    const scoped = { agencyPath: detail.agencyPath };
    const state = detail.row.state as PublicationState;
    // An item that is not 主动公开 is kept in the inventory: no publish button, and the page says why.
    const publishRefusal = publicationRefusal(detail.row.disclosureMethod);
    const actions = availableActions(state).filter(
      (a) => !(a === 'publish' && publishRefusal) && can(actor, requiredPermission(state, a), scoped),
    );
    reply.header('cache-control', 'no-store');
    return reply.html(
      <DocumentDetailPage
        shell={adminShell(req, reply, deps)}
        detail={detail}
        actions={actions}
        canEdit={actions.includes('edit')}
        canRelate={can(actor, 'document.edit', scoped) && state !== 'withdrawn'}
        canDelete={
          state === 'draft' && detail.row.indexNumber === null && can(actor, 'document.edit', scoped)
        }
        publicHref={state === 'published' ? documentHref(id) : undefined}
        publishRefusal={state === 'published' ? null : publishRefusal}
        {...extras}
      />,
      status,
    );
  };

  app.get('/admin/documents', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'document.view');
    const q = queryOf(req);
    const filter: DocumentFilterValues = {
      state: q.state === 'overdue' || isPublicationState(q.state) ? q.state! : '',
      kind: isDocumentKind(q.kind) ? q.kind : '',
      agency: /^\d{1,9}$/.test(q.agency ?? '') ? q.agency! : '',
      effectLevel: isEffectLevel(q.effectLevel) ? q.effectLevel : '',
      validity: isValidity(q.validity) ? q.validity : '',
      q: (q.q ?? '').trim().slice(0, 100),
      sort: q.sort === 'due' || q.sort === 'published' ? q.sort : 'updated',
    };
    const page = /^\d{1,6}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const result = await listAdminDocuments(
      deps.db,
      actor,
      {
        state: (filter.state || null) as PublicationState | 'overdue' | null,
        kind: isDocumentKind(filter.kind) ? filter.kind : null,
        agencyId: filter.agency ? Number(filter.agency) : null,
        effectLevel: isEffectLevel(filter.effectLevel) ? filter.effectLevel : null,
        validity: isValidity(filter.validity) ? filter.validity : null,
        q: filter.q || null,
        sort: filter.sort,
        page,
        pageSize: 50,
      },
      today(),
    );
    return reply.html(
      <DocumentListPage
        shell={adminShell(req, reply, deps)}
        page={result}
        filter={filter}
        agencyOptions={await scopeAgencyOptions(deps, req)}
        canCreate={can(actor, 'document.edit')}
        canConfigure={can(actor, 'document.configure')}
      />,
    );
  });

  app.get('/admin/documents/lacking-interpretation', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    const items = await documentsLackingInterpretation(deps.db, actor);
    return reply.html(
      <LackingInterpretationPage
        shell={adminShell(req, reply, deps)}
        items={items}
        canCreate={can(actor, 'document.edit')}
      />,
    );
  });

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

  app.get('/admin/documents/new', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'document.edit');
    const kind = queryOf(req).kind === 'interpretation' ? 'interpretation' : 'document';
    return renderForm(req, reply, {
      mode: 'new',
      values: {
        kind,
        agencyId: String(actor.agencyId),
        effectLevel: 'other',
        disclosureMethod: 'proactive',
        themes: [],
        issuerIds: [],
      },
    });
  });

  app.post(
    '/admin/documents/new',
    {
      preHandler: [requireStaff, app.csrfProtection],
      bodyLimit: FORM_BODY_LIMIT,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'document.edit');
      const values = documentForm(req);
      try {
        const saved = await saveDocumentDraft(deps, commandContext(req), { fields: values });
        return reply.redirect(`/admin/documents/${saved.id}?done=created`, 303);
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        return renderForm(req, reply, { mode: 'new', values, errors: e.fieldErrors }, 422);
      }
    },
  );

  app.get('/admin/documents/:id', { preHandler: requireStaff }, async (req, reply) => {
    const done = DONE[queryOf(req).done ?? ''];
    return renderDetail(req, reply, idParam(req), { done });
  });

  app.get('/admin/documents/:id/edit', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const actor = actorOf(req);
    const detail = await adminDocumentDetail(deps.db, actor, id, today());
    const state = detail.row.state as PublicationState;
    if (!availableActions(state).includes('edit'))
      throw new InvalidTransition(
        '该文件当前状态不能编辑：待审核的文件请先退回修改，已撤回的文件请先重新编辑',
      );
    authorizeAction(actor, requiredPermission(state, 'edit'));
    return renderForm(req, reply, {
      mode: state === 'published' ? 'published' : 'draft',
      document: { id, title: detail.row.title },
      values: valuesOf(detail),
    });
  });

  app.post(
    '/admin/documents/:id/edit',
    {
      preHandler: [requireStaff, app.csrfProtection],
      bodyLimit: FORM_BODY_LIMIT,
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const id = idParam(req);
      const detail = await adminDocumentDetail(deps.db, actorOf(req), id, today());
      const values = documentForm(req);
      const published = detail.row.state === 'published';
      const mode = published ? ('published' as const) : ('draft' as const);
      const document = { id, title: detail.row.title };
      try {
        const version = versionOf(values);
        const input = { documentId: id, version, fields: values };
        if (published)
          await editPublishedDocument(deps, commandContext(req), {
            ...input,
            note: typeof values.note === 'string' ? values.note : '',
          });
        else await saveDocumentDraft(deps, commandContext(req), input);
        return reply.redirect(`/admin/documents/${id}?done=${published ? 'revised' : 'saved'}`, 303);
      } catch (e) {
        if (e instanceof InvalidInput)
          return renderForm(req, reply, { mode, document, values, errors: e.fieldErrors }, 422);
        if (e instanceof Conflict)
          return renderForm(req, reply, { mode, document, values, conflict: FORM_CONFLICT_MESSAGE }, 409);
        throw e;
      }
    },
  );

  /** The item's id, once it is known to be in the actor's subtree (outside it the item does not exist: 404). */
  const scopedId = async (req: FastifyRequest) => {
    const id = idParam(req);
    await adminDocumentDetail(deps.db, actorOf(req), id, today());
    return id;
  };

  /** The item's page again with the form posted to it, its values and the errors of the command (422). */
  const refused = (
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    form: PostedForm['form'],
    values: Record<string, string>,
    e: InvalidInput,
  ) =>
    renderDetail(
      req,
      reply,
      id,
      { posted: { form, values, errors: withoutForm(e.fieldErrors), message: e.fieldErrors._form } },
      422,
    );

  /** A publication step posted from the item's page: its form comes back with the error. */
  const step = (
    name: 'submit' | 'return' | 'publish' | 'withdraw' | 'reopen',
    run: (id: number, version: number, form: Record<string, string>, req: FastifyRequest) => Promise<unknown>,
  ) =>
    app.post(
      `/admin/documents/:id/${name}`,
      {
        preHandler: [requireStaff, app.csrfProtection],
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        // Scope first: outside the subtree the item does not exist (404), whatever was posted.
        const id = await scopedId(req);
        const form = formBody(req);
        try {
          await run(id, versionOf(form), form, req);
          return reply.redirect(`/admin/documents/${id}?done=${name}`, 303);
        } catch (e) {
          const which = name === 'withdraw' || name === 'return' ? name : 'step';
          if (e instanceof Conflict) return renderDetail(req, reply, id, { conflict: CONFLICT_MESSAGE }, 409);
          if (e instanceof InvalidInput) return refused(req, reply, id, which, form, e);
          if (e instanceof InvalidTransition)
            return renderDetail(
              req,
              reply,
              id,
              { posted: { form: which, values: form, message: e.message } },
              409,
            );
          throw e;
        }
      },
    );

  step('submit', (documentId, version, _f, req) =>
    submitDocumentForReview(deps, commandContext(req), { documentId, version }),
  );
  step('return', (documentId, version, f, req) =>
    returnDocumentToDraft(deps, commandContext(req), { documentId, version, note: f.note }),
  );
  step('publish', (documentId, version, _f, req) =>
    publishDocument(deps, commandContext(req), { documentId, version }),
  );
  step('withdraw', (documentId, version, f, req) =>
    withdrawDocument(deps, commandContext(req), { documentId, version, reason: f.reason }),
  );
  step('reopen', (documentId, version, _f, req) =>
    reopenDocument(deps, commandContext(req), { documentId, version }),
  );

  // 删除草稿: a confirmation page (the detail page's button links here), then the confirmed POST.
  app.get('/admin/documents/:id/delete', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const detail = await adminDocumentDetail(deps.db, actorOf(req), id, today());
    if (detail.row.state !== 'draft' || detail.row.indexNumber !== null)
      return reply.redirect(`/admin/documents/${id}`, 303);
    reply.header('cache-control', 'no-store');
    return reply.html(
      <ConfirmPage
        shell={adminShell(req, reply, deps)}
        title="删除草稿"
        question={`确定要删除草稿「${detail.row.title}」吗？`}
        consequences={[
          '删除后，草稿的内容、附件和关联关系都不再保留，不能恢复。',
          '删除会记入操作日志。',
          '只能删除从未发布过的草稿；已发布过的文件请撤回。',
        ]}
        action={`/admin/documents/${id}/delete`}
        confirmLabel="确认删除"
        cancelHref={`/admin/documents/${id}`}
        hidden={{ version: String(detail.row.version) }}
      />,
    );
  });

  app.post(
    '/admin/documents/:id/delete',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const id = await scopedId(req);
      const form = formBody(req);
      // Deletion runs only from its confirmation page's form.
      if (form.confirm !== 'yes') return reply.redirect(`/admin/documents/${id}/delete`, 303);
      try {
        await deleteDocumentDraft(deps, commandContext(req), { documentId: id, version: versionOf(form) });
      } catch (e) {
        if (e instanceof Conflict) return renderDetail(req, reply, id, { conflict: CONFLICT_MESSAGE }, 409);
        if (e instanceof InvalidTransition) return renderDetail(req, reply, id, { conflict: e.message }, 409);
        throw e;
      }
      return reply.redirect('/admin/documents', 303);
    },
  );

  app.post(
    '/admin/documents/:id/relations',
    {
      preHandler: [requireStaff, app.csrfProtection],
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const id = await scopedId(req);
      const form = formBody(req);
      try {
        await recordDocumentRelation(deps, commandContext(req), {
          fromId: id,
          kind: form.kind as never,
          target: form.target,
          effectiveOn: form.effectiveOn,
          note: form.note,
        });
        return reply.redirect(`/admin/documents/${id}?done=relation`, 303);
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        return refused(req, reply, id, 'relation', form, e);
      }
    },
  );

  app.post(
    '/admin/documents/:id/relations/:relationId/delete',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const id = await scopedId(req);
      const relationId = idParam(req, 'relationId');
      await removeDocumentRelation(deps, commandContext(req), { relationId, fromId: id });
      return reply.redirect(`/admin/documents/${id}?done=relation-removed`, 303);
    },
  );

  app.post(
    '/admin/documents/:id/files/:fileId/delete',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const id = await scopedId(req);
      const documentFileId = idParam(req, 'fileId');
      try {
        await removeDocumentFile(deps, commandContext(req), {
          documentId: id,
          version: versionOf(formBody(req)),
          documentFileId,
        });
      } catch (e) {
        if (e instanceof Conflict) return renderDetail(req, reply, id, { conflict: CONFLICT_MESSAGE }, 409);
        throw e;
      }
      return reply.redirect(`/admin/documents/${id}?done=file-removed`, 303);
    },
  );

  app.get('/admin/documents/:id/files/:fileId', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const file = await adminDocumentFile(deps.db, actorOf(req), id, idParam(req, 'fileId'));
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  await app.register(async (scope) => {
    await registerUploads(scope, DOCUMENT_FILE_UPLOAD);
    scope.post(
      '/admin/documents/:id/files',
      {
        preHandler: [flattenMultipart, requireStaff, scope.csrfProtection],
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const id = await scopedId(req);
        const body = (req.body ?? {}) as Record<string, unknown>;
        const form = { version: typeof body.version === 'string' ? body.version : '' };
        const upload =
          body.file && typeof body.file === 'object' && 'bytes' in body.file ? (body.file as Upload) : null;
        const refuse = (message: string) =>
          renderDetail(
            req,
            reply,
            id,
            { posted: { form: 'file', values: form, errors: { file: message } } },
            422,
          );
        if (!upload) return refuse('请选择要上传的附件');
        const name = upload.fileName || '附件';
        if (upload.truncated) return refuse(`附件“${name}”超过 20 MB，请压缩或拆分后重新上传`);
        if (upload.bytes.length === 0) return refuse(`附件“${name}”是空文件，请重新选择`);
        const type = sniffDocumentFile(upload.bytes);
        if (!type) return refuse(`附件“${name}”的文件类型不支持。请上传${DOCUMENT_FILE_TYPES_TEXT}文件`);
        // The text for search, read in a reader worker; a file it cannot read is kept without text.
        let text = '';
        if (type.extension === '.pdf' || type.extension === '.docx') {
          try {
            const outcome = await extractTextInReader(upload.bytes, name);
            if ('text' in outcome) text = outcome.text;
          } catch (e) {
            if (!(e instanceof InputRefused)) throw e;
          }
        }
        try {
          await attachDocumentFile(deps, commandContext(req), {
            documentId: id,
            version: versionOf(form),
            file: {
              filename: attachmentFileName(upload.fileName, type),
              mediaType: type.mediaType,
              bytes: upload.bytes,
            },
            extractedText: text,
          });
        } catch (e) {
          if (e instanceof Conflict) return renderDetail(req, reply, id, { conflict: CONFLICT_MESSAGE }, 409);
          if (e instanceof InvalidInput) return refuse(Object.values(e.fieldErrors)[0] ?? '附件无法保存');
          throw e;
        }
        return reply.redirect(`/admin/documents/${id}?done=file`, 303);
      },
    );
  });
}

/** Field errors without the form-wide one (shown as the summary's message instead). */
function withoutForm(errors: Record<string, string>): FieldErrors | undefined {
  const { _form: _ignored, ...rest } = errors;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
