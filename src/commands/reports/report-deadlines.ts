// 报送期限: a jurisdiction (an agency, for its subtree) sets its own deadline for the annual reports,
// per agency kind or for every kind, instead of 条例 第四十九条's 31 January / 31 March; or removes
// it again. Audited; only in the actor's scope.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { reportDeadline } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { reportAgency } from '../../queries/annual-report-admin.js';
import { DEADLINE_LEVELS, deadlineLevelName } from '../../queries/annual-report-admin-status.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { userIdOf } from './report-workflow.js';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const DeadlineFields = z.object({
  agencyId: z.coerce.number({ error: '请选择机关' }).int().positive('请选择机关'),
  level: z.enum(DEADLINE_LEVELS, { error: '请选择适用的机关类型' }),
  month: z.coerce
    .number({ error: '请填写月份，例如 1' })
    .int()
    .min(1, '月份为 1 到 12')
    .max(12, '月份为 1 到 12'),
  day: z.coerce
    .number({ error: '请填写日期，例如 31' })
    .int()
    .min(1, '日期为 1 到 31')
    .max(31, '日期为 1 到 31'),
  note: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined),
    z.string().max(200, '依据不能超过 200 个字').optional(),
  ),
});
export type DeadlineInput = z.input<typeof DeadlineFields>;

export async function setReportDeadline(
  deps: Deps,
  ctx: CommandContext,
  input: DeadlineInput | Record<string, unknown>,
) {
  const f = parseInput(DeadlineFields, input);
  const a = await reportAgency(deps.db, ctx.actor, f.agencyId);
  authorize(ctx.actor, 'report.configure', { agencyPath: a.path });
  if (f.day > DAYS_IN_MONTH[f.month - 1]!) throw new InvalidInput({ day: `${f.month}月没有${f.day}日` });
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(reportDeadline)
      .values({
        agencyId: a.id,
        level: f.level,
        dueMonth: f.month,
        dueDay: f.day,
        note: f.note ?? null,
        updatedBy: userIdOf(ctx.actor),
      })
      .onConflictDoUpdate({
        target: [reportDeadline.agencyId, reportDeadline.level],
        set: {
          dueMonth: f.month,
          dueDay: f.day,
          note: f.note ?? null,
          updatedBy: userIdOf(ctx.actor),
          updatedAt: deps.now(),
        },
      })
      .returning();
    await audit({
      action: 'report.deadlineSet',
      subjectType: 'agency',
      subjectId: a.id,
      agencyId: a.id,
      data: {
        level: deadlineLevelName(f.level),
        due: `${f.month}月${f.day}日`,
        ...(f.note ? { note: f.note } : {}),
      },
    });
    return row!;
  });
}

export async function removeReportDeadline(deps: Deps, ctx: CommandContext, input: { id: number }) {
  const [row] = await deps.db.select().from(reportDeadline).where(eq(reportDeadline.id, input.id));
  if (!row) throw new NotFound();
  const a = await reportAgency(deps.db, ctx.actor, row.agencyId);
  authorize(ctx.actor, 'report.configure', { agencyPath: a.path });
  return inTransaction(deps, ctx, async (tx, audit) => {
    await tx
      .delete(reportDeadline)
      .where(and(eq(reportDeadline.id, row.id), eq(reportDeadline.agencyId, a.id)));
    await audit({
      action: 'report.deadlineRemoved',
      subjectType: 'agency',
      subjectId: a.id,
      agencyId: a.id,
      data: { level: deadlineLevelName(row.level), due: `${row.dueMonth}月${row.dueDay}日` },
    });
  });
}
