// 主动公开 in the back office (docs/documents.md): the library list, the form of a document or a
// 政策解读 (new, draft, published), its page, and the normative documents still lacking an
// interpretation. What is posted from the page (steps, 删除草稿, relations, attachments) is in
// document-steps.tsx, 索引号规则 in document-settings.tsx; this function registers them too.
// Every POST is Post/Redirect/Get with a 「已…」 message; a stale version (someone saved first)
// shows the form again with the person's input kept; an item outside the actor's subtree answers 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { editPublishedDocument, saveDocumentDraft } from '../../commands/documents/save.js';
import { availableActions, requiredPermission } from '../../domain/documents/publication.js';
import {
  isDocumentKind,
  isEffectLevel,
  isPublicationState,
  isValidity,
  type PublicationState,
} from '../../domain/documents/vocab.js';
import { Conflict, InvalidInput, InvalidTransition } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction, can, scopePath } from '../../policies/policy.js';
import { listAgencies, toTree } from '../../queries/agencies.js';
import { adminDocumentDetail, type AdminDocumentDetail } from '../../queries/document-admin-detail.js';
import { listAdminDocuments } from '../../queries/document-admin-list.js';
import { documentsLackingInterpretation } from '../../queries/document-admin.js';
import { DocumentFormPage, type DocumentFormValues } from '../../views/admin/document-form.js';
import {
  DocumentListPage,
  LackingInterpretationPage,
  type DocumentFilterValues,
} from '../../views/admin/documents.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { documentPage, versionOf } from './document-page.js';
import { registerDocumentSettingsRoutes } from './document-settings.js';
import { registerDocumentStepRoutes } from './document-steps.js';
import { actorOf, agencyOptions, commandContext, idParam, queryOf, scopeAgencyOptions } from './helpers.js';

const FORM_CONFLICT_MESSAGE =
  '该文件已被他人更新：您填写的内容已保留，请打开文件页面核对最新内容后重新保存。';

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
  const { renderDetail } = documentPage(deps);

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

  registerDocumentSettingsRoutes(app, deps);
  await registerDocumentStepRoutes(app, deps);
}
