// 工作日历 (back office): year status and warnings, agency overrides and hand-entered State Council
// notices — add, delete, import (file or pasted text), mark a year official. Every change is a
// command, audited; records outside the actor's subtree answer 404.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { addCalendarEntry, deleteCalendarEntry } from '../../commands/calendar-entries.js';
import type { CommandContext } from '../../commands/context.js';
import { importCalendarEntries } from '../../commands/import-calendar.js';
import { markCalendarYearOfficial } from '../../commands/mark-calendar-year.js';
import type { Actor } from '../../domain/agencies/actor.js';
import { FIRST_CALENDAR_YEAR } from '../../domain/calendar/index.js';
import { NotFound } from '../../domain/errors.js';
import { authorizeAction, can, scopePath } from '../../policies/policy.js';
import { listAgencies, toTree, type AgencyNode } from '../../queries/agencies.js';
import {
  calendarYearStatus,
  chinaToday,
  listCalendarEntries,
  missingCalendarYears,
  type CalendarEntry,
} from '../../queries/calendar.js';
import { AdminCalendarPage, type CalendarDone } from '../../views/admin/calendar.js';
import {
  CalendarEntryFormPage,
  CalendarImportPage,
  CalendarOfficialPage,
  type EntryFormValues,
} from '../../views/admin/calendar-forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { withFormErrors } from '../forms.js';
import { refuseOversizedUploads } from '../uploads.js';
import { installationRules } from '../../queries/application-rules.js';

const DONE: CalendarDone[] = ['saved', 'deleted', 'imported', 'official'];
const writeLimit = { rateLimit: { max: 30, timeWindow: '1 minute' } };

function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new NotFound();
  return req.actor;
}

function ctxOf(req: FastifyRequest): CommandContext & { actor: Actor } {
  return { actor: actorOf(req), requestId: req.id };
}

/** The submitted text fields (the CSRF token removed). */
function fields(req: FastifyRequest): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((req.body ?? {}) as Record<string, unknown>)) {
    if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  }
  return out;
}

function canDelete(actor: Actor, e: CalendarEntry): boolean {
  if (e.fromPackage) return false;
  if (e.agencyId === null) return can(actor, 'calendar.manageNational');
  return can(actor, 'calendar.manage', { agencyPath: e.agencyPath ?? '' });
}

/** Active agencies the actor may enter overrides for, indented by depth. */
async function scopeOptions(deps: AppDeps, actor: Actor) {
  const out: { value: string; label: string }[] = [];
  const walk = (n: AgencyNode) => {
    out.push({ value: String(n.id), label: `${'　'.repeat(n.depth)}${n.name}` });
    n.children.forEach(walk);
  };
  toTree(await listAgencies(deps.db, { rootPath: scopePath(actor), activeOnly: true })).forEach(walk);
  return out;
}

async function renderIndex(deps: AppDeps, req: FastifyRequest, reply: FastifyReply) {
  const actor = actorOf(req);
  authorizeAction(actor, 'calendar.view');
  const q = req.query as { done?: string; n?: string; r?: string };
  const done = DONE.find((d) => d === q.done);
  const currentYear = Number(chinaToday(deps.now()).slice(0, 4));
  const entries = await listCalendarEntries(deps.db, actor);
  const count = /^\d{1,4}$/.test(q.n ?? '') ? q.n : undefined;
  const replaced = /^\d{1,4}$/.test(q.r ?? '') ? q.r : '0';
  return reply.html(
    <AdminCalendarPage
      shell={adminShell(req, reply, deps)}
      currentYear={currentYear}
      missingYears={await missingCalendarYears(deps.db, deps.now())}
      years={await calendarYearStatus(deps.db, FIRST_CALENDAR_YEAR, currentYear + 1)}
      entries={entries.map((e) => ({ ...e, canDelete: canDelete(actor, e) }))}
      canManage={can(actor, 'calendar.manage')}
      canManageNational={can(actor, 'calendar.manageNational')}
      clockRules={(await installationRules(deps.db)).clock}
      done={done}
      doneDetail={
        done === 'imported' && count ? `共导入 ${count} 个日期，其中替换原有记录 ${replaced} 个。` : undefined
      }
    />,
  );
}

export async function registerAdminCalendarRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/admin/calendar', { preHandler: requireStaff }, (req, reply) => renderIndex(deps, req, reply));

  const entryForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: EntryFormValues,
    errors?: Record<string, string>,
  ) => {
    const actor = actorOf(req);
    const page = (
      <CalendarEntryFormPage
        shell={adminShell(req, reply, deps)}
        values={values}
        scopeOptions={await scopeOptions(deps, actor)}
        national={can(actor, 'calendar.manageNational')}
        errors={errors}
      />
    );
    return reply.html(page, errors ? 422 : undefined);
  };

  app.get('/admin/calendar/new', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'calendar.manage');
    const scope = (req.query as { scope?: string }).scope;
    return entryForm(req, reply, { scope: scope === 'national' ? 'national' : undefined });
  });

  app.post(
    '/admin/calendar/days',
    { preHandler: [requireStaff, app.csrfProtection], config: writeLimit },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'calendar.manage');
      const form = fields(req);
      return withFormErrors(
        async () => {
          await addCalendarEntry(deps, ctxOf(req), form);
          return reply.redirect('/admin/calendar?done=saved', 303);
        },
        (fieldErrors) => entryForm(req, reply, form, fieldErrors),
      );
    },
  );

  app.post(
    '/admin/calendar/days/:id/delete',
    { preHandler: [requireStaff, app.csrfProtection], config: writeLimit },
    async (req, reply) => {
      const raw = (req.params as { id: string }).id;
      if (!/^\d{1,9}$/.test(raw)) throw new NotFound();
      authorizeAction(actorOf(req), 'calendar.manage');
      await deleteCalendarEntry(deps, ctxOf(req), Number(raw));
      return reply.redirect('/admin/calendar?done=deleted', 303);
    },
  );

  // Uploads are accepted on the import route only: multipart is registered in this scope, not globally.
  await app.register(async (scope) => {
    // Limits that fit the form (issue 8.4): one file of 512 KB, or the pasted list (≤ 1 MB), and
    // `_csrf`, `scope`, `source`; the whole body is bounded from its length before it is read. The
    // body is parsed before the login is checked: these limits are what an anonymous request gets.
    refuseOversizedUploads(scope, 512 * 1024 + 1024 * 1024 + 64 * 1024);
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: {
        fileSize: 512 * 1024,
        files: 1,
        fields: 4,
        fieldSize: 1024 * 1024,
        parts: 5,
        headerPairs: 20,
      },
    });
    registerImportRoutes(scope, deps);
  });

  const officialForm = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: Record<string, string>,
  ) =>
    reply.html(
      <CalendarOfficialPage shell={adminShell(req, reply, deps)} values={values} errors={errors} />,
      errors ? 422 : undefined,
    );

  app.get('/admin/calendar/official', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'calendar.manageNational');
    return officialForm(req, reply, { year: String(Number(chinaToday(deps.now()).slice(0, 4)) + 1) });
  });

  app.post(
    '/admin/calendar/official',
    { preHandler: [requireStaff, app.csrfProtection], config: writeLimit },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'calendar.manageNational');
      const form = fields(req);
      return withFormErrors(
        async () => {
          await markCalendarYearOfficial(deps, ctxOf(req), form);
          return reply.redirect('/admin/calendar?done=official', 303);
        },
        (fieldErrors) => officialForm(req, reply, form, fieldErrors),
      );
    },
  );
}

function registerImportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const page = async (
    req: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, string>,
    errors?: Record<string, string>,
  ) => {
    const actor = actorOf(req);
    const view = (
      <CalendarImportPage
        shell={adminShell(req, reply, deps)}
        values={values}
        scopeOptions={await scopeOptions(deps, actor)}
        national={can(actor, 'calendar.manageNational')}
        errors={errors}
      />
    );
    return reply.html(view, errors ? 422 : undefined);
  };

  app.get('/admin/calendar/import', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'calendar.manage');
    return page(req, reply, {});
  });

  app.post(
    '/admin/calendar/import',
    { preHandler: [requireStaff, app.csrfProtection], config: writeLimit },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'calendar.manage');
      const form = fields(req);
      const file = (req.body as { file?: unknown } | undefined)?.file;
      // A browser sends an empty file part when no file was chosen: the pasted text is used then.
      const text = Buffer.isBuffer(file) && file.length > 0 ? file.toString('utf8') : (form.text ?? '');
      return withFormErrors(
        async () => {
          const r = await importCalendarEntries(deps, ctxOf(req), {
            text,
            scope: form.scope ?? '',
            source: form.source ?? '',
          });
          return reply.redirect(`/admin/calendar?done=imported&n=${r.count}&r=${r.replaced}`, 303);
        },
        (fieldErrors) => page(req, reply, { ...form, text }, fieldErrors),
      );
    },
  );
}
