// 信件办理 in the back office: the inbox, entering a letter received by post, a call or a visit, the
// monthly statistics, and the case page with every handling action. Each action posts
// {action, version, <action>.<field>…} to /admin/letters/:id/actions → the letters command of that
// step (letters-actions.tsx), then Post/Redirect/Get with 「已办理：…」. A stale version (someone else
// acted first) shows the case again with the input kept; a letter outside the actor's scope is 404.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LetterFields } from '../../commands/letters/fields.js';
import { submitLetter } from '../../commands/letters/submit.js';
import { Conflict, InvalidInput, InvalidTransition, NotAllowed } from '../../domain/errors.js';
import { isWithin } from '../../domain/agencies/agency.js';
import { LETTER_KINDS, WARNING_LEVELS } from '../../domain/letters/kinds.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction, can, scopePath } from '../../policies/policy.js';
import { listAgencies, toTree } from '../../queries/agencies.js';
import {
  letterAttachment,
  letterCase,
  letterMaskingSuggestion,
  letterOfficers,
  type LetterCase,
} from '../../queries/letter-case.js';
import { letterInbox } from '../../queries/letter-inbox.js';
import { letterMonthlyStats } from '../../queries/letter-stats.js';
import { mailboxesForEntry, mailboxOptions } from '../../queries/mailboxes-admin.js';
import { matchingAnswers, qaAnswerForReuse } from '../../queries/qa-match.js';
import type { FieldErrors } from '../../views/components/forms.js';
import {
  isLetterAction,
  LETTER_ACTION_LABELS,
  type LetterAction,
  type PostedLetterAction,
} from '../../views/admin/letter-actions.js';
import { LetterCasePage, type RevealedContact } from '../../views/admin/letter-case.js';
import { EnterLetterPage, LetterEnteredPage, STAFF_CHANNELS } from '../../views/admin/letter-new.js';
import { LetterStatsPage } from '../../views/admin/letter-stats.js';
import {
  DEFAULT_LETTER_FILTER,
  LetterInboxPage,
  type LetterFilterValues,
} from '../../views/admin/letters.js';
import { QaMatches, USE_ANSWER_PARAM } from '../../views/admin/qa-matches.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import {
  agencyOptions,
  actorOf,
  commandContext,
  currentYear,
  formBody,
  idParam,
  queryOf,
  yearOptions,
} from './helpers.js';
import { actionsFor, revealContact, REVEAL_AVAILABLE, runLetterAction } from './letters-actions.js';

const CONFLICT_MESSAGE = '该信件已被他人办理：下面显示的是最新情况，您填写的内容已保留，请核对后重新提交。';

function today(deps: AppDeps): string {
  return localDate(deps.now());
}

interface CaseExtras {
  done?: string;
  posted?: PostedLetterAction;
  conflict?: string;
  revealed?: RevealedContact;
}

/** The fields of one action's form, without the `<action>.` prefix. */
function fieldsOf(action: string, form: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  const prefix = `${action}.`;
  for (const [k, v] of Object.entries(form)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

/** Errors keyed by the command's field names → the prefixed names of the posted form. */
function postedErrors(action: string, form: Record<string, string>, e: InvalidInput): PostedLetterAction {
  const errors: FieldErrors = {};
  const other: string[] = [];
  for (const [k, m] of Object.entries(e.fieldErrors)) {
    const name = `${action}.${k === 'duplicateOf' ? 'duplicateOfTracking' : k}`;
    if (name in form) errors[name] ??= m;
    else other.push(m);
  }
  return {
    action,
    values: form,
    errors: Object.keys(errors).length > 0 ? errors : undefined,
    message: other.length > 0 ? other.join('；') : Object.keys(errors).length > 0 ? undefined : e.message,
  };
}

export function registerAdminLetterRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/letters', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'letter.view');
    const q = queryOf(req);
    const boxes = await mailboxOptions(deps.db, actor);
    const filter: LetterFilterValues = {
      state: /^[a-z]{2,12}$/.test(q.state ?? '') ? q.state! : DEFAULT_LETTER_FILTER.state,
      mailbox: boxes.some((b) => String(b.id) === q.mailbox) ? q.mailbox! : '',
      kind: (LETTER_KINDS as readonly string[]).includes(q.kind ?? '') ? q.kind! : '',
      warning: [...WARNING_LEVELS, 'any'].includes(q.warning ?? '') ? q.warning! : '',
      mine: q.mine === '1' && 'userId' in actor,
      overdue: q.overdue === '1',
      q: (q.q ?? '').trim().slice(0, 100),
      sort: q.sort === 'received' ? 'received' : 'due',
    };
    const page = /^\d{1,6}$/.test(q.page ?? '') ? Math.max(1, Number(q.page)) : 1;
    const result = await letterInbox(
      deps.db,
      actor,
      {
        state: filter.state,
        mailboxId: filter.mailbox ? Number(filter.mailbox) : null,
        kind: filter.kind || null,
        warning: (filter.warning || null) as 'warn' | 'yellow' | 'red' | 'any' | null,
        mine: filter.mine,
        overdue: filter.overdue,
        q: filter.q || null,
        sort: filter.sort,
        page,
        pageSize: 50,
      },
      today(deps),
    );
    return reply.html(
      <LetterInboxPage
        shell={adminShell(req, reply, deps)}
        page={result}
        filter={filter}
        mailboxOptions={boxes.map((b) => ({ value: String(b.id), label: `${b.name}（${b.agencyName}）` }))}
        canEnter={can(actor, 'letter.handle')}
        canMine={can(actor, 'letter.handle')}
        canStats
      />,
    );
  });

  app.get('/admin/letters/statistics', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'letter.view');
    const q = queryOf(req);
    const thisYear = currentYear(deps);
    const asked = /^\d{4}$/.test(q.year ?? '') ? Number(q.year) : thisYear;
    // Letters are counted from the year 2000 on: a year outside that is this year.
    const year = asked >= 2000 && asked <= thisYear + 1 ? asked : thisYear;
    const month = /^(?:[1-9]|1[0-2])$/.test(q.month ?? '') ? Number(q.month) : undefined;
    const boxes = await mailboxOptions(deps.db, actor);
    const mailbox = boxes.find((b) => String(b.id) === q.mailbox);
    const scope = scopePath(actor);
    const stats = await letterMonthlyStats(deps.db, {
      scopePath: scope === '/' ? undefined : scope,
      year,
      month,
      mailboxId: mailbox?.id,
    });
    return reply.html(
      <LetterStatsPage
        shell={adminShell(req, reply, deps)}
        stats={stats}
        filter={{
          year: String(year),
          month: month ? String(month) : '',
          mailbox: mailbox ? String(mailbox.id) : '',
        }}
        yearOptions={yearOptions(thisYear, Math.min(year, thisYear - 5))}
        mailboxOptions={boxes.map((b) => ({ value: String(b.id), label: `${b.name}（${b.agencyName}）` }))}
      />,
    );
  });

  const renderEntry = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: FieldErrors,
  ) => {
    const boxes = await mailboxesForEntry(deps.db, actorOf(req));
    return reply.html(
      <EnterLetterPage
        shell={adminShell(req, reply, deps)}
        values={values}
        errors={errors}
        mailboxOptions={boxes.map((b) => ({ value: b.code, label: `${b.name}（${b.agencyName}）` }))}
      />,
      errors ? 422 : undefined,
    );
  };

  app.get('/admin/letters/new', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'letter.handle');
    return renderEntry(req, reply, { channel: 'post', receivedOn: today(deps) });
  });

  app.post(
    '/admin/letters/new',
    {
      preHandler: [requireStaff, app.csrfProtection],
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'letter.handle');
      const form = formBody(req);
      const errors: FieldErrors = {};
      if (!(STAFF_CHANNELS as readonly string[]).includes(form.channel ?? ''))
        errors.channel = '请选择来信渠道';
      if (!/^\d{4}-\d{2}-\d{2}$/.test(form.receivedOn ?? ''))
        errors.receivedOn = '请填写收到日期，例如 2026-11-30';
      if (form.publicConsent !== 'yes' && form.publicConsent !== 'no')
        errors.publicConsent = '请选择来信人是否同意公开来信';
      try {
        const input = {
          mailboxCode: form.mailboxCode ?? '',
          kind: form.kind ?? '',
          name: form.name,
          phone: form.phone,
          email: form.email,
          address: form.address,
          title: form.title ?? '',
          content: form.content ?? '',
          publicConsent: form.publicConsent === 'yes',
          channel: form.channel,
          receivedOn: form.receivedOn,
        };
        // The rest is checked too, so the officer sees every problem at once.
        if (Object.keys(errors).length > 0)
          return renderEntry(req, reply, form, { ...letterFieldErrors(input), ...errors });
        const s = await submitLetter(deps, commandContext(req), input);
        reply.header('cache-control', 'no-store');
        return reply.html(
          <LetterEnteredPage
            shell={adminShell(req, reply, deps)}
            id={s.id}
            trackingNumber={s.trackingNumber}
            queryCode={s.queryCode}
            receivedOn={s.receivedOn}
            dueDate={s.dueDate}
          />,
        );
      } catch (e) {
        if (!(e instanceof InvalidInput)) throw e;
        return renderEntry(req, reply, form, { ...e.fieldErrors, ...errors });
      }
    },
  );

  async function renderCase(
    req: FastifyRequest,
    reply: FastifyReply,
    id: number,
    extras: CaseExtras = {},
    status?: number,
  ) {
    const actor = actorOf(req);
    const t = today(deps);
    const detail = await letterCase(deps.db, actor, id, t);
    const scoped = { agencyPath: detail.scopePath };
    const actions = actionsFor(actor, detail);
    const q = queryOf(req);
    const roots = toTree(await listAgencies(deps.db, { rootPath: scopePath(actor), activeOnly: true }));
    const units = agencyOptions(roots);
    const transfer = agencyOptions(toTree(await listAgencies(deps.db, { activeOnly: true })));
    const officers = actions.includes('assign')
      ? (await letterOfficers(deps.db, roots.length ? unitIds(roots) : []))
          .filter((o) => isWithin(o.agencyPath, scopePath(actor)))
          .map((o) => ({ value: String(o.id), label: `${o.name}（${o.agencyName}）` }))
      : [];
    const masking = actions.includes('publication')
      ? await letterMaskingSuggestion(deps.db, actor, id)
      : undefined;
    let qaSlot;
    let reuse;
    if (actions.includes('reply')) {
      const wanted = q[USE_ANSWER_PARAM];
      const answer =
        wanted && /^\d{1,9}$/.test(wanted) ? await qaAnswerForReuse(deps.db, Number(wanted)) : null;
      if (answer && extras.posted?.action !== 'reply')
        reuse = { qaId: answer.id, answer: answer.answer, question: answer.question };
      const matches = await matchingAnswers(deps.db, `${detail.title}\n${detail.content}`, { limit: 5 });
      qaSlot = (
        <QaMatches matches={matches} letterHref={`/admin/letters/${id}`} usedQaId={answer?.id ?? null} />
      );
    }
    reply.header('cache-control', 'no-store');
    return reply.html(
      <LetterCasePage
        shell={adminShell(req, reply, deps)}
        detail={detail}
        today={t}
        canPersonalData={can(actor, 'letter.personalData', scoped)}
        revealAvailable={REVEAL_AVAILABLE}
        actions={actions}
        forms={{
          unitOptions: units,
          transferOptions: transfer,
          officerOptions: officers,
          masking,
          qaSlot,
          reuse,
        }}
        {...extras}
      />,
      status,
    );
  }

  app.get('/admin/letters/:id', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const done = queryOf(req).done ?? '';
    return renderCase(req, reply, id, {
      done: isLetterAction(done) ? LETTER_ACTION_LABELS[done] : undefined,
    });
  });

  app.post(
    '/admin/letters/:id/actions',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      const id = idParam(req);
      const actor = actorOf(req);
      // Scope first: outside it the letter does not exist (404), whatever was posted.
      const detail: LetterCase = await letterCase(deps.db, actor, id, today(deps));
      const form = formBody(req);
      const action = form.action ?? '';
      if (!isLetterAction(action)) throw new InvalidTransition('请选择要办理的事项');
      const kept = { action, values: form };
      try {
        const v = form.version ?? '';
        if (!/^\d{1,9}$/.test(v) || Number(v) !== detail.version) throw new Conflict(CONFLICT_MESSAGE);
        if (!actionsFor(actor, detail).includes(action as LetterAction)) {
          const right = actionsFor(actor, detail, { ignoreRights: true }).includes(action as LetterAction);
          if (right) throw new NotAllowed();
          throw new InvalidTransition('该信件当前的状态不能办理此事项');
        }
        await runLetterAction(deps, commandContext(req), action as LetterAction, {
          letterId: id,
          version: Number(v),
          fields: fieldsOf(action, form),
        });
        return reply.redirect(`/admin/letters/${id}?done=${action}`, 303);
      } catch (e) {
        if (e instanceof Conflict)
          return renderCase(req, reply, id, { conflict: e.message || CONFLICT_MESSAGE, posted: kept }, 409);
        if (e instanceof InvalidInput)
          return renderCase(req, reply, id, { posted: postedErrors(action, form, e) }, 422);
        if (e instanceof InvalidTransition)
          return renderCase(req, reply, id, { posted: { ...kept, message: e.message } }, 409);
        throw e;
      }
    },
  );

  app.get('/admin/letters/:id/files/:fileId', { preHandler: requireStaff }, async (req, reply) => {
    const id = idParam(req);
    const file = await letterAttachment(deps.db, actorOf(req), id, idParam(req, 'fileId'));
    return reply
      .header('content-type', file.mediaType)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.bytes);
  });

  app.post(
    '/admin/letters/:id/personal-data',
    {
      preHandler: [requireStaff, app.csrfProtection],
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const id = idParam(req);
      await letterCase(deps.db, actorOf(req), id, today(deps));
      const revealed = await revealContact(deps, commandContext(req), id);
      return renderCase(req, reply, id, { revealed });
    },
  );
}

function unitIds(roots: { id: number; children: unknown[] }[]): number[] {
  const out: number[] = [];
  const walk = (n: { id: number; children: unknown[] }) => {
    out.push(n.id);
    (n.children as { id: number; children: unknown[] }[]).forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

/** The letter's own field checks (the command's schema), without storing anything. */
function letterFieldErrors(input: Record<string, unknown>): FieldErrors {
  const r = LetterFields.safeParse(input);
  const errors: FieldErrors = {};
  if (!r.success)
    for (const issue of r.error.issues) errors[issue.path.join('.') || '_form'] ??= issue.message;
  return errors;
}
