// What the report commands share: the key of a report (agency, year, scope) as input, loading the
// newest version with its agency, the optimistic update on `revision`, and the audit event of a step.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { AnyActor } from '../../domain/agencies/actor.js';
import { isSystem } from '../../domain/agencies/actor.js';
import { Conflict, InvalidTransition } from '../../domain/errors.js';
import type { Executor, Tx } from '../../db/client.js';
import { annualReport } from '../../db/schema.js';
import { stateName, type ReportState } from '../../domain/reports/annual/text-workflow.js';
import {
  reportAgency,
  reportIs,
  type ReportAgency,
  type ReportRow,
} from '../../queries/annual-report-admin.js';
import { inTransaction, type AuditInput, type CommandContext, type Deps } from '../context.js';

/** The first year a report can be made for (the current format family, 国办公开办函〔2019〕60号). */
export const FIRST_REPORT_YEAR = 2019;

export const ReportKey = z.object({
  agencyId: z.coerce.number().int().positive(),
  year: z.coerce.number().int().min(FIRST_REPORT_YEAR).max(2100),
  scope: z.enum(['own', 'rollup']),
});
export type ReportKeyInput = z.input<typeof ReportKey>;

/** The revision the person read: a stale one is a conflict. */
export const revisionField = z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int().positive();

export interface LoadedReport {
  agency: ReportAgency;
  /** The newest version, or null when nothing was saved yet. */
  row: ReportRow | null;
}

export async function loadReport(
  db: Executor,
  actor: AnyActor,
  k: z.output<typeof ReportKey>,
): Promise<LoadedReport> {
  const agency = await reportAgency(db, actor, k.agencyId);
  const [row] = await db
    .select()
    .from(annualReport)
    .where(reportIs(k))
    .orderBy(desc(annualReport.version))
    .limit(1);
  return { agency, row: row ?? null };
}

/** The row must be in one of `from`, else the step does not apply. */
export function expectState(row: ReportRow | null, from: readonly ReportState[], step: string): ReportRow {
  if (!row || !(from as readonly string[]).includes(row.state))
    throw new InvalidTransition(
      `当前状态为「${row ? stateName(row.state) : '尚未创建'}」，不能${step}。请刷新页面查看最新状态。`,
    );
  return row;
}

/** Updates the row if nobody changed it since `revision` was read. */
export async function updateReport(
  tx: Tx,
  row: ReportRow,
  revision: number,
  set: Partial<typeof annualReport.$inferInsert>,
  now: Date,
): Promise<ReportRow> {
  const [updated] = await tx
    .update(annualReport)
    .set({ ...set, revision: revision + 1, updatedAt: now })
    .where(and(eq(annualReport.id, row.id), eq(annualReport.revision, revision)))
    .returning();
  if (!updated) throw new Conflict('该报告已被他人修改，请刷新页面查看最新内容后重试');
  return updated;
}

export const userIdOf = (actor: AnyActor): number | null => (isSystem(actor) ? null : actor.userId);

/** The audit event of a report step: the report named by agency, year, scope and version. */
export function reportEvent(
  action: string,
  agency: ReportAgency,
  row: Pick<ReportRow, 'id' | 'year' | 'scope' | 'version'>,
  data: Record<string, unknown>,
): AuditInput {
  return {
    action,
    subjectType: 'annual_report',
    subjectId: row.id,
    agencyId: agency.id,
    data: {
      report: `${agency.name}${row.year}年${row.scope === 'rollup' ? '汇总' : '本级'}年度报告`,
      ...(row.version > 1 ? { version: row.version } : {}),
      ...data,
    },
  };
}

/**
 * One step of the workflow: the row moved to `state` with `set`, checked against the revision the
 * person read, and its audit event (state before and after, plus `data`), in one transaction.
 */
export function moveReport(
  deps: Deps,
  ctx: CommandContext,
  step: {
    agency: ReportAgency;
    row: ReportRow;
    revision: number;
    state: ReportState;
    set: Partial<typeof annualReport.$inferInsert>;
    action: string;
    data?: Record<string, unknown>;
    now: Date;
  },
): Promise<ReportRow> {
  const { agency, row, state, now } = step;
  return inTransaction(deps, ctx, async (tx, audit) => {
    const updated = await updateReport(tx, row, step.revision, { ...step.set, state }, now);
    await audit(
      reportEvent(step.action, agency, updated, {
        before: { state: row.state },
        after: { state },
        ...step.data,
      }),
    );
    return updated;
  });
}
