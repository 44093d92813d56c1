// 信箱设置 in the back office: the mailboxes of the actor's subtree and one form to add or edit one
// (saveMailbox). Post/Redirect/Get; a stale version (someone else saved first) shows the form again
// with the input kept; a mailbox outside the subtree answers 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveMailbox } from '../../commands/letters/save-mailbox.js';
import { Conflict } from '../../domain/errors.js';
import { LETTER_KINDS } from '../../domain/letters/kinds.js';
import { authorizeAction } from '../../policies/policy.js';
import { listMailboxesForAdmin, mailboxForAdmin, type MailboxRow } from '../../queries/mailboxes-admin.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { MailboxFormPage, newMailboxValues, type MailboxFormValues } from '../../views/admin/mailbox-form.js';
import { MailboxListPage } from '../../views/admin/mailboxes.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, formBody, idParam, scopeAgencyOptions } from './helpers.js';

const CONFLICT_MESSAGE = '该信箱已被他人修改：请核对下面的内容后重新保存。';
const FLAGS = ['reviewRequired', 'nameRequired', 'phoneRequired', 'emailRequired', 'active'] as const;
const NUMBERS = [
  'warnDaysBefore',
  'yellowDaysAfter',
  'redDaysAfter',
  'maxExtensionDays',
  'queryCodeLength',
  'sortOrder',
] as const;

/**
 * A whole number as typed → number; anything else is handed on as typed for the command to refuse
 * (a number too large for the database as 0, which every field here refuses with its own words).
 */
const num = (v: string | undefined) =>
  v !== undefined && /^\s*-?\d{1,6}\s*$/.test(v)
    ? Number(v)
    : v !== undefined && /^\s*-?\d+\s*$/.test(v)
      ? 0
      : v;

/** The posted form → saveMailbox's input. */
export function mailboxInput(form: MailboxFormValues, id?: number) {
  const timeLimits: Record<string, unknown> = {};
  for (const k of LETTER_KINDS) timeLimits[k] = num(form[`timeLimits.${k}`]);
  const input: Record<string, unknown> = {
    code: (form.code ?? '').trim(),
    kind: form.kind ?? '',
    name: (form.name ?? '').trim(),
    agencyId: num(form.agencyId),
    leaderName: form.leaderName?.trim() || undefined,
    leaderTitle: form.leaderTitle?.trim() || undefined,
    intro: form.intro ?? '',
    timeLimits,
  };
  for (const n of NUMBERS) input[n] = num(form[n]);
  for (const f of FLAGS) input[f] = form[f] === 'yes';
  if (id !== undefined) {
    input.id = id;
    input.version = num(form.version);
  }
  return input;
}

function recordValues(m: MailboxRow): MailboxFormValues {
  const v: MailboxFormValues = {
    code: m.code,
    kind: m.kind,
    name: m.name,
    agencyId: String(m.agencyId),
    leaderName: m.leaderName ?? '',
    leaderTitle: m.leaderTitle ?? '',
    intro: m.intro,
    version: String(m.version),
  };
  for (const k of LETTER_KINDS) v[`timeLimits.${k}`] = String(m.timeLimits[k] ?? '');
  for (const n of NUMBERS) v[n] = String(m[n]);
  for (const f of FLAGS) v[f] = m[f] ? 'yes' : '';
  return v;
}

export function registerAdminMailboxRoutes(app: FastifyInstance, deps: AppDeps): void {
  const post = { preHandler: [requireStaff, app.csrfProtection] };

  const renderForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    mode: 'new' | 'edit',
    values: MailboxFormValues,
    extra: { id?: number; errors?: FieldErrors; conflict?: string; status?: number } = {},
  ) =>
    reply.html(
      <MailboxFormPage
        shell={adminShell(req, reply, deps)}
        mode={mode}
        id={extra.id}
        values={values}
        errors={extra.errors}
        conflict={extra.conflict}
        agencyOptions={await scopeAgencyOptions(deps, req)}
      />,
      extra.status,
    );

  app.get('/admin/mailboxes', { preHandler: requireStaff }, async (req, reply) => {
    const mailboxes = await listMailboxesForAdmin(deps.db, actorOf(req));
    return reply.html(
      <MailboxListPage
        shell={adminShell(req, reply, deps)}
        mailboxes={mailboxes}
        done={doneFlag(req, ['created', 'updated'] as const)}
      />,
    );
  });

  app.get('/admin/mailboxes/new', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'mailbox.configure');
    return renderForm(req, reply, 'new', newMailboxValues(String(actor.agencyId)));
  });

  app.post('/admin/mailboxes/new', post, async (req, reply) => {
    authorizeAction(actorOf(req), 'mailbox.configure');
    const form = formBody(req);
    return withFormErrors(
      async () => {
        await saveMailbox(deps, commandContext(req), mailboxInput(form) as never);
        return reply.redirect('/admin/mailboxes?done=created', 303);
      },
      (errors) => renderForm(req, reply, 'new', form, { errors, status: 422 }),
    );
  });

  app.get('/admin/mailboxes/:id/edit', { preHandler: requireStaff }, async (req, reply) => {
    const m = await mailboxForAdmin(deps.db, actorOf(req), idParam(req));
    return renderForm(req, reply, 'edit', recordValues(m), { id: m.id });
  });

  app.post('/admin/mailboxes/:id/edit', post, async (req, reply) => {
    const m = await mailboxForAdmin(deps.db, actorOf(req), idParam(req));
    const form = formBody(req);
    try {
      return await withFormErrors(
        async () => {
          await saveMailbox(deps, commandContext(req), mailboxInput(form, m.id) as never);
          return reply.redirect('/admin/mailboxes?done=updated', 303);
        },
        (errors) => renderForm(req, reply, 'edit', form, { id: m.id, errors, status: 422 }),
      );
    } catch (e) {
      if (!(e instanceof Conflict)) throw e;
      const stale = e.message.includes('代码') ? e.message : CONFLICT_MESSAGE;
      return renderForm(
        req,
        reply,
        'edit',
        { ...form, version: String(m.version) },
        {
          id: m.id,
          conflict: stale,
          status: 409,
        },
      );
    }
  });
}
