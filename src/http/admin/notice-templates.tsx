// 告知书模板 (notice.configure, the actor's own agency): the list of every template in force, the
// 文号 prefix with a preview of the next number, editing one template with its placeholders, a
// preview filled with sample values, and 恢复默认. Saving and resetting are audited commands
// (src/commands/notice-templates.ts); a template that validateTemplate refuses comes back with its
// problems in the error summary (422).
import { NUMBER_SUFFIXES } from '../../domain/notices/number.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resetNoticeTemplate, saveNoticeTemplate, setNoticePrefix } from '../../commands/notice-templates.js';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import type { NoticeDocument } from '../../domain/notices/document.js';
import { numberLabel } from '../../domain/notices/number.js';
import { localDate } from '../../lib/time.js';
import {
  checkNoticeTemplate,
  noticeTemplateDetail,
  noticeTemplateOverview,
  noticeTemplatePreview,
  type NoticeTemplateDetail,
} from '../../queries/notice-templates.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { NoticeTemplateEditPage } from '../../views/admin/notice-templates-edit.js';
import { NoticeTemplatesPage, type TemplatesDone } from '../../views/admin/notice-templates.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, formBody } from './helpers.js';

const DONE: readonly TemplatesDone[] = ['saved', 'reset', 'prefix', 'unchanged'];

function keyParam(req: FastifyRequest): string {
  return (req.params as { key?: string }).key ?? '';
}

export function registerAdminNoticeTemplateRoutes(app: FastifyInstance, deps: AppDeps): void {
  const today = () => localDate(deps.now());

  const renderList = async (
    req: FastifyRequest,
    reply: FastifyReply,
    extras: {
      done?: TemplatesDone;
      prefixForm?: { value: string; errors?: FieldErrors; preview?: string | null };
    } = {},
    status?: number,
  ) => {
    const overview = await noticeTemplateOverview(deps.db, actorOf(req), today());
    reply.header('cache-control', 'no-store');
    return reply.html(
      <NoticeTemplatesPage shell={adminShell(req, reply, deps)} overview={overview} {...extras} />,
      status,
    );
  };

  app.get('/admin/notice-templates', { preHandler: requireStaff }, (req, reply) =>
    renderList(req, reply, { done: doneFlag(req, DONE) }),
  );

  app.post(
    '/admin/notice-templates/prefix',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const form = formBody(req);
      const value = (form.prefix ?? '').trim();
      if (form.intent === 'preview') {
        // The number the next reply would get with the prefix typed (nothing saved).
        const overview = await noticeTemplateOverview(deps.db, actorOf(req), today());
        const next = /〔\d{4}〕(\d+)号$/.exec(overview.prefix.nextReplyNumber ?? '')?.[1] ?? '1';
        try {
          const preview = numberLabel(
            `${value || overview.prefix.fallback}${NUMBER_SUFFIXES.decision}`,
            Number(today().slice(0, 4)),
            Number(next),
          );
          return renderList(req, reply, { prefixForm: { value, preview } });
        } catch (e) {
          if (!(e instanceof InvalidInput)) throw e;
          return renderList(
            req,
            reply,
            { prefixForm: { value, errors: { prefix: e.fieldErrors.prefix ?? e.message } } },
            422,
          );
        }
      }
      try {
        const r = await setNoticePrefix(deps, commandContext(req), { prefix: value });
        return reply.redirect(`/admin/notice-templates?done=${r.changed ? 'prefix' : 'unchanged'}`, 303);
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        return renderList(
          req,
          reply,
          { prefixForm: { value, errors: { prefix: e.fieldErrors.prefix ?? e.message } } },
          422,
        );
      }
    },
  );

  const detailOf = async (req: FastifyRequest): Promise<NoticeTemplateDetail> => {
    const detail = await noticeTemplateDetail(deps.db, actorOf(req), keyParam(req), today());
    if (!detail) throw new NotFound('没有这种告知书模板');
    return detail;
  };

  /** The preview, or null when the text cannot be filled (its problems are then shown as errors). */
  const previewOf = (
    d: NoticeTemplateDetail,
    values: { title: string; body: string },
  ): NoticeDocument | null => {
    try {
      return noticeTemplatePreview(
        d.key,
        { title: values.title, addressee: d.current.addressee, body: values.body },
        { agencyName: d.agency.name, prefix: d.prefix.value, today: today() },
      );
    } catch (e) {
      if (e instanceof InvalidInput) return null;
      throw e;
    }
  };

  const renderEdit = (
    req: FastifyRequest,
    reply: FastifyReply,
    d: NoticeTemplateDetail,
    values: { title: string; body: string },
    opts: { errors?: FieldErrors; previewOfUnsaved?: boolean } = {},
  ) => {
    reply.header('cache-control', 'no-store');
    return reply.html(
      <NoticeTemplateEditPage
        shell={adminShell(req, reply, deps)}
        detail={d}
        values={values}
        errors={opts.errors}
        preview={opts.errors ? null : previewOf(d, values)}
        previewOfUnsaved={opts.previewOfUnsaved}
      />,
      opts.errors ? 422 : undefined,
    );
  };

  app.get('/admin/notice-templates/:key', { preHandler: requireStaff }, async (req, reply) => {
    const d = await detailOf(req);
    return renderEdit(req, reply, d, { title: d.current.title, body: d.current.body });
  });

  app.post(
    '/admin/notice-templates/:key',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const d = await detailOf(req);
      const form = formBody(req);
      const values = { title: form.title ?? '', body: form.body ?? '' };
      try {
        if (form.intent === 'preview') {
          // Checked as if saved, so the officer sees the same problems before saving.
          checkNoticeTemplate(d, { ...values, addressee: d.current.addressee });
          return renderEdit(req, reply, d, values, { previewOfUnsaved: true });
        }
        const r = await saveNoticeTemplate(deps, commandContext(req), { key: d.key, ...values });
        return reply.redirect(`/admin/notice-templates?done=${r.changed ? 'saved' : 'unchanged'}`, 303);
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        const errors: FieldErrors = {};
        for (const [field, message] of Object.entries(e.fieldErrors))
          errors[field === 'title' ? 'title' : 'body'] ??= message;
        return renderEdit(req, reply, d, values, { errors });
      }
    },
  );

  app.post(
    '/admin/notice-templates/:key/reset',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const d = await detailOf(req);
      const r = await resetNoticeTemplate(deps, commandContext(req), { key: d.key });
      return reply.redirect(`/admin/notice-templates?done=${r.changed ? 'reset' : 'unchanged'}`, 303);
    },
  );
}
