// 表二数据填报 of a report (D's saveFigures command: one audited transaction for every cell of the
// form; a blank cell deletes the entered figure). CSRF-checked; 404 outside the actor's scope.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { saveFigures } from '../../commands/reports/figures.js';
import { reportFormatForYear } from '../../domain/applications/outcomes.js';
import { TABLE2_SOURCE_LABELS } from '../../domain/reports/annual/table2-sources.js';
import { table2Rows } from '../../domain/reports/table2-schema.js';
import { authorize } from '../../policies/policy.js';
import { enteredFigureValues, reportAgency, reportWorkspace } from '../../queries/annual-report-admin.js';
import { figureField, ReportFiguresPage } from '../../views/admin/report-figures.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { withFormErrors } from '../forms.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, formBody } from './helpers.js';
import { reportBase, reportKeyOf, reportTitleOf } from './reports.js';

async function render(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  values?: Record<string, string>,
  errors?: FieldErrors,
) {
  const actor = actorOf(req);
  const k = reportKeyOf(req);
  const agency = await reportAgency(deps.db, actor, k.agencyId);
  authorize(actor, 'report.edit', { agencyPath: agency.path });
  const w = await reportWorkspace(deps.db, actor, k, deps.now());
  const entered = await enteredFigureValues(deps.db, k);
  const sources = Object.fromEntries(
    Object.entries(w.report.table2Sources ?? {}).map(([row, s]) => [row, TABLE2_SOURCE_LABELS[s]]),
  );
  return reply.html(
    <ReportFiguresPage
      shell={adminShell(req, reply, deps)}
      reportTitle={reportTitleOf(w)}
      reportHref={reportBase(k)}
      action={`${reportBase(k)}/figures`}
      rows={table2Rows(reportFormatForYear(k.year))}
      sources={sources}
      values={values ?? { ...entered.values, sourceNote: entered.sourceNote }}
      errors={errors}
    />,
    errors ? 422 : undefined,
  );
}

export function registerAdminReportFigureRoutes(app: FastifyInstance, deps: AppDeps): void {
  const path = '/admin/reports/:agencyId/:year/:scope/figures';
  app.get(path, { preHandler: requireStaff }, async (req, reply) => render(deps, req, reply));

  app.post(path, { preHandler: [requireStaff, app.csrfProtection] }, async (req, reply) => {
    const k = reportKeyOf(req);
    const form = formBody(req);
    const cells = table2Rows(reportFormatForYear(k.year)).flatMap((r) =>
      r.columns.map((c) => ({
        row: r.key,
        column: c.key,
        value: (form[figureField(r.key, c.key)] ?? '').trim() || null,
      })),
    );
    // Show the form again keyed by its fields: the command names the Nth cell.
    const values = Object.fromEntries(cells.map((c) => [`${c.row}.${c.column}`, c.value ?? '']));
    return withFormErrors(
      async () => {
        await saveFigures(deps, commandContext(req), {
          ...k,
          cells,
          sourceNote: form.sourceNote?.trim() || null,
        });
        return reply.redirect(`${reportBase(k)}?done=figures`, 303);
      },
      (errors) => {
        const byField: FieldErrors = {};
        for (const [key, message] of Object.entries(errors)) {
          const at = /^cells\.(\d+)$/.exec(key);
          const cell = at ? cells[Number(at[1])] : undefined;
          byField[cell ? figureField(cell.row, cell.column) : key] = message;
        }
        return render(deps, req, reply, { ...values, sourceNote: form.sourceNote ?? '' }, byField);
      },
    );
  });
}
