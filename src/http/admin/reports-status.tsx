// 年度报告: the subtree's submission status of a year (the back office's entry to the reports) and
// the deadlines a jurisdiction sets for its subtree (CSRF-checked, audited, 404 outside scope).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { removeReportDeadline, setReportDeadline } from '../../commands/reports/report-deadlines.js';
import { FIRST_REPORT_YEAR } from '../../commands/reports/report-workflow.js';
import { localDate } from '../../lib/time.js';
import { authorizeAction, can, scopePath } from '../../policies/policy.js';
import {
  DEADLINE_LEVELS,
  deadlineLevelName,
  deadlineRows,
  reportStatus,
} from '../../queries/annual-report-admin-status.js';
import { listAgencies } from '../../queries/agencies.js';
import { ReportDeadlinesPage } from '../../views/admin/report-deadlines.js';
import { ReportStatusPage } from '../../views/admin/report-status.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
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

async function renderDeadlines(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  values: Record<string, string> = { level: 'default' },
  errors?: FieldErrors,
) {
  const scoped = await listAgencies(deps.db, { rootPath: scopePath(actorOf(req)) });
  const rows = await deadlineRows(
    deps.db,
    scoped.map((a) => a.id),
  );
  return reply.html(
    <ReportDeadlinesPage
      shell={adminShell(req, reply, deps)}
      rows={rows.map((r) => ({ ...r, levelName: deadlineLevelName(r.level) }))}
      agencyOptions={await scopeAgencyOptions(deps, req)}
      levelOptions={DEADLINE_LEVELS.map((l) => ({ value: l, label: deadlineLevelName(l) }))}
      values={values}
      errors={errors}
      done={doneFlag(req, ['set', 'removed'] as const)}
    />,
    errors ? 422 : undefined,
  );
}

export function registerAdminReportStatusRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin/reports', { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    authorizeAction(actor, 'report.view');
    // The reports of a year are written early the next year: last year is the default.
    const years = yearOptions(currentYear(deps), FIRST_REPORT_YEAR);
    const year = Number(offered((req.query as { year?: string }).year, years) || currentYear(deps) - 1);
    return reply.html(
      <ReportStatusPage
        shell={adminShell(req, reply, deps)}
        year={year}
        yearOptions={years}
        today={localDate(deps.now())}
        rows={await reportStatus(deps.db, actor, year)}
        canConfigure={can(actor, 'report.configure')}
      />,
    );
  });

  app.get('/admin/reports/deadlines', { preHandler: requireStaff }, async (req, reply) => {
    authorizeAction(actorOf(req), 'report.configure');
    return renderDeadlines(deps, req, reply);
  });

  app.post(
    '/admin/reports/deadlines',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      authorizeAction(actorOf(req), 'report.configure');
      const form = formBody(req);
      return withFormErrors(
        async () => {
          await setReportDeadline(deps, commandContext(req), form);
          return reply.redirect('/admin/reports/deadlines?done=set', 303);
        },
        (errors) => renderDeadlines(deps, req, reply, form, errors),
      );
    },
  );

  app.post(
    '/admin/reports/deadlines/:id/remove',
    { preHandler: [requireStaff, app.csrfProtection] },
    async (req, reply) => {
      await removeReportDeadline(deps, commandContext(req), { id: idParam(req) });
      return reply.redirect('/admin/reports/deadlines?done=removed', 303);
    },
  );
}
