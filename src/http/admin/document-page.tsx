// The back-office page of one 主动公开 item, shared by the routes that show it (documents.tsx) and
// the ones that post to it (document-steps.tsx): the page with the actor's actions, the 404 of an
// item outside the actor's subtree, and the page again with a refused form's errors.
import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  availableActions,
  publicationRefusal,
  requiredPermission,
} from '../../domain/documents/publication.js';
import type { PublicationState } from '../../domain/documents/vocab.js';
import { Conflict, type InvalidInput } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { can } from '../../policies/policy.js';
import { adminDocumentDetail } from '../../queries/document-admin-detail.js';
import { DocumentDetailPage, type PostedForm } from '../../views/admin/document-detail.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { documentHref } from '../../views/models/document-links.js';
import { adminShell } from '../page.js';
import type { AppDeps } from '../types.js';
import { actorOf, idParam } from './helpers.js';

export const CONFLICT_MESSAGE = '该文件已被他人更新：下面显示的是最新情况，请核对后重新操作。';

export function versionOf(form: Record<string, unknown>): number {
  const v = typeof form.version === 'string' ? form.version : '';
  if (!/^\d{1,9}$/.test(v)) throw new Conflict(CONFLICT_MESSAGE);
  return Number(v);
}

export function documentPage(deps: AppDeps) {
  const today = () => localDate(deps.now());

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

  return { renderDetail, scopedId, refused };
}

/** Field errors without the form-wide one (shown as the summary's message instead). */
function withoutForm(errors: Record<string, string>): FieldErrors | undefined {
  const { _form: _ignored, ...rest } = errors;
  return Object.keys(rest).length > 0 ? rest : undefined;
}
