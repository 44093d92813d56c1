// 年度报告 in the back office: one agency's report of a year (本级 own | 汇总 rollup) with its findings,
// texts and workflow steps (save → submit → return/approve → publish → correct), each a CSRF-checked
// POST running one audited command; an agency outside the actor's scope is a 404. The subtree's
// status and the deadlines are in reports-status.tsx, the table-二 figures in reports-figures.tsx.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { correctReport } from '../../commands/reports/correct-report.js';
import { publishReport } from '../../commands/reports/publish-report.js';
import { reviewReport } from '../../commands/reports/review-report.js';
import { saveReportTexts } from '../../commands/reports/save-report.js';
import { submitReport } from '../../commands/reports/submit-report.js';
import { Conflict, InvalidInput, InvalidTransition, NotFound } from '../../domain/errors.js';
import { placeholderGuide, type ReportTexts } from '../../domain/reports/annual/text.js';
import { can } from '../../policies/policy.js';
import { reportWorkspace, type ReportWorkspace } from '../../queries/annual-report-admin.js';
import { casesBehindCell } from '../../queries/annual-report-cases.js';
import { TABLE2_SOURCE_LABELS } from '../../domain/reports/annual/table2-sources.js';
import { cellName, table2RowLabel } from '../../domain/reports/names.js';
import type { CellRef } from '../../domain/reports/types.js';
import { ReportCasesPage } from '../../views/admin/report-cases.js';
import { SCOPE_NAMES, type ReportDone } from '../../views/admin/report-labels.js';
import { ReportPage } from '../../views/admin/report-page.js';
import type { FieldErrors } from '../../views/components/forms.js';
import { annualReportHref } from '../../views/portal/annual-report-links.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';
import { actorOf, commandContext, doneFlag, formBody, queryOf } from './helpers.js';
import { AnnualReportView } from '../../render/annual-report/html.js';
import { renderableOf } from './reports-render.js';

const DONE: readonly ReportDone[] = [
  'saved',
  'submitted',
  'approved',
  'returned',
  'published',
  'correcting',
  'figures',
];

export interface ReportKeyParams {
  agencyId: number;
  year: number;
  scope: 'own' | 'rollup';
}

/** The report's key from the URL; anything else is a page that does not exist. */
export function reportKeyOf(req: FastifyRequest): ReportKeyParams {
  const p = req.params as Record<string, string | undefined>;
  const ok =
    /^\d{1,9}$/.test(p.agencyId ?? '') &&
    /^20\d{2}$/.test(p.year ?? '') &&
    (p.scope === 'own' || p.scope === 'rollup');
  if (!ok || Number(p.year) < 2019) throw new NotFound('没有找到该年度报告');
  return { agencyId: Number(p.agencyId), year: Number(p.year), scope: p.scope as 'own' | 'rollup' };
}

export const reportBase = (k: ReportKeyParams) => `/admin/reports/${k.agencyId}/${k.year}/${k.scope}`;

export function reportTitleOf(w: Pick<ReportWorkspace, 'agency' | 'year' | 'scope'>): string {
  return `${w.agency.name}${w.year}年政府信息公开工作年度报告（${w.scope === 'rollup' ? '汇总' : '本级'}）`;
}

interface Extra {
  values?: Record<string, string>;
  acknowledged?: string[];
  errors?: FieldErrors;
  conflict?: string;
}

async function renderReport(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  extra: Extra = {},
  status?: number,
) {
  const actor = actorOf(req);
  const k = reportKeyOf(req);
  const w = await reportWorkspace(deps.db, actor, k, deps.now());
  const on = { agencyPath: w.agency.path };
  const r = w.report;
  const texts: ReportTexts = r.texts;
  const published = w.versions.some((v) => v.state === 'published');
  const sources = Object.entries(r.table2Sources ?? {})
    .filter(([, s]) => s !== 'missing')
    .map(([row, s]) => `${table2RowLabel(r.format, row)}：${TABLE2_SOURCE_LABELS[s]}`);
  return reply.html(
    <ReportPage
      shell={adminShell(req, reply, deps)}
      base={reportBase(k)}
      title={reportTitleOf(w)}
      scopeName={SCOPE_NAMES[k.scope]}
      current={w.current}
      versions={w.versions}
      supervisor={w.supervisor?.name ?? null}
      live={w.live}
      preview={
        <AnnualReportView r={renderableOf(w, w.current)} options={{ charts: false, idPrefix: 'pv' }} />
      }
      texts={texts}
      findings={r.findings}
      placeholders={placeholderGuide(r.format)}
      feesCollected={r.feesCollected}
      membersImported={r.members.filter((m) => m.source === 'imported').map((m) => m.name)}
      sourcesNote={sources.length ? sources.join('；') : null}
      can={{
        edit: can(actor, 'report.edit', on),
        submit: can(actor, 'report.submit', on),
        review:
          can(actor, 'report.approve', on) &&
          (w.agency.path !== actor.agencyPath || w.agency.parentId === null),
        publish: can(actor, 'report.publish', on),
        correct: can(actor, 'report.edit', on),
      }}
      casesHref={
        w.live
          ? (cell: CellRef) =>
              `${reportBase(k)}/cases?cell=${encodeURIComponent(`${cell.table}|${cell.row}|${cell.column}`)}`
          : null
      }
      publicHref={published ? annualReportHref.report(w.agency.code, k.year, k.scope) : null}
      done={doneFlag(req, DONE)}
      {...extra}
    />,
    status,
  );
}

/** Runs a step; re-renders with the field errors (422), a stale page (409) or a step out of turn (409). */
async function step(
  deps: AppDeps,
  req: FastifyRequest,
  reply: FastifyReply,
  work: (form: Record<string, string>) => Promise<unknown>,
  done: ReportDone,
  extra: (form: Record<string, string>) => Extra = () => ({}),
) {
  const form = formBody(req);
  try {
    await work(form);
  } catch (e) {
    if (e instanceof InvalidInput)
      return renderReport(deps, req, reply, { ...extra(form), errors: e.fieldErrors }, 422);
    if (e instanceof Conflict || e instanceof InvalidTransition)
      return renderReport(deps, req, reply, { conflict: e.message }, 409);
    throw e;
  }
  return reply.redirect(`${reportBase(reportKeyOf(req))}?done=${done}`, 303);
}

/** Repeated checkbox values arrive as an array. */
function acknowledgedOf(req: FastifyRequest): string[] {
  const v = (req.body as Record<string, unknown> | undefined)?.acknowledged;
  return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
    (x): x is string => typeof x === 'string',
  );
}

export function registerAdminReportRoutes(app: FastifyInstance, deps: AppDeps): void {
  const page = '/admin/reports/:agencyId/:year/:scope';
  const guarded = { preHandler: [requireStaff, app.csrfProtection] };

  app.get(page, { preHandler: requireStaff }, async (req, reply) => renderReport(deps, req, reply));

  app.post(`${page}/texts`, guarded, async (req, reply) =>
    step(
      deps,
      req,
      reply,
      (form) => saveReportTexts(deps, commandContext(req), { ...form, ...reportKeyOf(req) }),
      'saved',
      (form) => ({ values: form }),
    ),
  );

  app.post(`${page}/submit`, guarded, async (req, reply) => {
    const acknowledged = acknowledgedOf(req);
    return step(
      deps,
      req,
      reply,
      (form) =>
        submitReport(deps, commandContext(req), {
          ...reportKeyOf(req),
          revision: form.revision ?? '',
          acknowledged,
        }),
      'submitted',
      () => ({ acknowledged }),
    );
  });

  app.post(`${page}/review`, guarded, async (req, reply) => {
    const decision = formBody(req).decision === 'approve' ? 'approved' : 'returned';
    return step(
      deps,
      req,
      reply,
      (form) => reviewReport(deps, commandContext(req), { ...form, ...reportKeyOf(req) }),
      decision,
      (form) => ({
        values: form,
      }),
    );
  });

  app.post(`${page}/publish`, guarded, async (req, reply) =>
    step(
      deps,
      req,
      reply,
      (form) => publishReport(deps, commandContext(req), { ...form, ...reportKeyOf(req) }),
      'published',
    ),
  );

  app.post(`${page}/correct`, guarded, async (req, reply) =>
    step(
      deps,
      req,
      reply,
      (form) => correctReport(deps, commandContext(req), { ...form, ...reportKeyOf(req) }),
      'correcting',
      (form) => ({
        values: form,
      }),
    ),
  );

  // The applications or appeals counted in one cell of table 三 or 四 (from a finding's link).
  app.get(`${page}/cases`, { preHandler: requireStaff }, async (req, reply) => {
    const actor = actorOf(req);
    const k = reportKeyOf(req);
    const w = await reportWorkspace(deps.db, actor, k, deps.now());
    const [table, row, column] = (queryOf(req).cell ?? '').split('|');
    if ((table !== 'table3' && table !== 'table4') || !row || !column) throw new NotFound('没有找到该单元格');
    const cell: CellRef = { table, row, column };
    const cases = await casesBehindCell(deps.db, { ...k, cell, limit: 200 });
    return reply.html(
      <ReportCasesPage
        shell={adminShell(req, reply, deps)}
        reportTitle={reportTitleOf(w)}
        reportHref={reportBase(k)}
        cellName={cellName(w.report.format, cell)}
        cases={cases.map((c) => ({
          label: c.label,
          href: c.kind === 'application' ? `/admin/applications/${c.id}` : `/admin/appeals/${c.id}`,
        }))}
        limit={200}
      />,
    );
  });
}
