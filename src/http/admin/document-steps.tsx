// 主动公开 in the back office: what is posted from one item's page (docs/documents.md) — the
// publication steps, 删除草稿, relations and attachments. Every POST is Post/Redirect/Get with a
// 「已…」 message; a stale version shows the page again (409); a refused form comes back with its
// errors (422); an item outside the actor's subtree answers 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { deleteDocumentDraft } from '../../commands/documents/delete-draft.js';
import { attachDocumentFile, removeDocumentFile } from '../../commands/documents/files.js';
import {
  publishDocument,
  reopenDocument,
  returnDocumentToDraft,
  submitDocumentForReview,
  withdrawDocument,
} from '../../commands/documents/publication.js';
import { recordDocumentRelation, removeDocumentRelation } from '../../commands/documents/relations.js';
import { Conflict, InvalidInput, InvalidTransition } from '../../domain/errors.js';
import {
  attachmentFileName,
  DOCUMENT_FILE_TYPES_TEXT,
  sniffDocumentFile,
} from '../../extract/attachment-type.js';
import { extractTextInReader } from '../../extract/read-pool.js';
import { InputRefused } from '../../extract/refused.js';
import { localDate } from '../../lib/time.js';
import { adminDocumentDetail, adminDocumentFile } from '../../queries/document-admin-detail.js';
import { ConfirmPage } from '../../views/admin/confirm.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { flattenMultipart, registerUploads, type Upload } from '../uploads.js';
import { actorOf, commandContext, formBody, idParam } from './helpers.js';
import { CONFLICT_MESSAGE, documentPage, versionOf } from './document-page.js';

/** Attachments: one file a form, at most 20 MB (a scanned gazette page is large). */
export const DOCUMENT_FILE_UPLOAD = { maxFileBytes: 20 * 1024 * 1024, fields: 4, maxFieldBytes: 1024 };

export async function registerDocumentStepRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const today = () => localDate(deps.now());
  const { renderDetail, scopedId, refused } = documentPage(deps);

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
