// Entered table-二 figures of an annual report (issue 12): 行政许可, 行政处罚, 行政强制, 收费 … and
// overrides of the document library's 规章/规范性文件 figures, per agency, year and scope. One
// transaction writes every cell given (upsert; null deletes the cell) with one audit event.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { reportFormatForYear } from '../../domain/applications/outcomes.js';
import { parseFigure, type StoredFigure } from '../../domain/reports/annual/figures.js';
import { InvalidInput } from '../../domain/errors.js';
import { agency, reportFigure } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { Tx } from '../../db/client.js';
import { inTransaction, type Audit, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';

export const FiguresFields = z.object({
  agencyId: z.coerce.number({ error: '请选择机关' }).int().positive('请选择机关'),
  year: z.coerce
    .number({ error: '请填写年度' })
    .int()
    .min(2008, '年度应在 2008 年以后')
    .max(2100, '年度有误'),
  scope: z.enum(['own', 'rollup'], { error: '请选择本级或汇总' }).default('own'),
  cells: z
    .array(
      z.object({
        row: z.string().min(1),
        column: z.string().min(1),
        value: z.union([z.number(), z.string(), z.null()]),
      }),
    )
    .max(200, '一次最多填报 200 个数字'),
  /** Where the figures come from, e.g. 「审批局提供」 or the imported file's name. */
  sourceNote: z.string().trim().max(200).nullish(),
  source: z.enum(['entered', 'file']).default('entered'),
});
export type FiguresInput = z.input<typeof FiguresFields>;

export interface FiguresResult {
  saved: number;
  deleted: number;
}

/**
 * Saves table-二 figures. Throws InvalidInput keyed `cells.N` (the Nth cell) with the cell's name
 * and the problem in Chinese; NotFound/NotAllowed outside the actor's scope or rights.
 */
export async function saveFigures(
  deps: Deps,
  ctx: CommandContext,
  input: FiguresInput,
): Promise<FiguresResult> {
  const f = parseInput(FiguresFields, input);
  const [target] = await deps.db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.id, f.agencyId));
  authorize(ctx.actor, 'report.edit', target ? { agencyPath: target.path } : null);
  const format = reportFormatForYear(f.year);
  const errors: Record<string, string> = {};
  const parsed = f.cells.map((c, i) => {
    if (c.value === null || (typeof c.value === 'string' && c.value.trim() === ''))
      return { ...c, stored: null };
    const stored = parseFigure(format, c.row, c.column, c.value);
    if ('problem' in stored) errors[`cells.${i}`] = stored.problem;
    return { ...c, stored: 'problem' in stored ? null : stored };
  });
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  return inTransaction(deps, ctx, (tx, audit) => writeFigures(tx, audit, ctx, f, parsed));
}

export interface ParsedCell {
  row: string;
  column: string;
  stored: StoredFigure | null;
}

/** Writes the cells of one agency, year and scope (upsert; null deletes) with one audit event. */
export async function writeFigures(
  tx: Tx,
  audit: Audit,
  ctx: CommandContext,
  f: {
    agencyId: number;
    year: number;
    scope: 'own' | 'rollup';
    source: 'entered' | 'file';
    sourceNote?: string | null | undefined;
  },
  parsed: readonly ParsedCell[],
): Promise<FiguresResult> {
  const userId = 'userId' in ctx.actor ? ctx.actor.userId : null;
  let saved = 0;
  let deleted = 0;
  for (const c of parsed) {
    const cell = and(
      eq(reportFigure.agencyId, f.agencyId),
      eq(reportFigure.year, f.year),
      eq(reportFigure.scope, f.scope),
      eq(reportFigure.tableId, 'table2'),
      eq(reportFigure.rowKey, c.row),
      eq(reportFigure.columnKey, c.column),
    );
    if (c.stored === null) {
      deleted += (await tx.delete(reportFigure).where(cell).returning({ id: reportFigure.id })).length;
      continue;
    }
    const values = {
      ...c.stored,
      source: f.source,
      sourceNote: f.sourceNote ?? null,
      updatedBy: userId,
      updatedAt: sql`now()`,
    };
    await tx
      .insert(reportFigure)
      .values({
        agencyId: f.agencyId,
        year: f.year,
        scope: f.scope,
        tableId: 'table2',
        rowKey: c.row,
        columnKey: c.column,
        ...values,
      })
      .onConflictDoUpdate({
        target: [
          reportFigure.agencyId,
          reportFigure.year,
          reportFigure.scope,
          reportFigure.tableId,
          reportFigure.rowKey,
          reportFigure.columnKey,
        ],
        set: values,
      });
    saved++;
  }
  await audit({
    action: 'report.figuresSaved',
    subjectType: 'agency',
    subjectId: f.agencyId,
    agencyId: f.agencyId,
    data: {
      year: f.year,
      scope: f.scope,
      source: f.source,
      cells: parsed.map((c) => ({
        row: c.row,
        column: c.column,
        value: c.stored?.valueNumber ?? c.stored?.valueText ?? null,
      })),
    },
  });
  return { saved, deleted };
}
