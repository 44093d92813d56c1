// 更正: a published report is never changed. A correction starts a new version (a draft with the
// published texts) that says why; it goes through submission, review and publication again, and
// the portal then shows it as the current version with the earlier ones still readable.
import { z } from 'zod';
import { textsOf } from '../../domain/reports/annual/text.js';
import { annualReport } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import type { FrozenReport } from '../../queries/annual-report-admin.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { expectState, loadReport, reportEvent, ReportKey, userIdOf } from './report-workflow.js';

export const CorrectFields = ReportKey.extend({
  note: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().min(1, '请填写更正说明：更正了什么、为什么更正').max(500, '更正说明不能超过 500 个字'),
  ),
});
export type CorrectInput = z.input<typeof CorrectFields>;

export async function correctReport(
  deps: Deps,
  ctx: CommandContext,
  input: CorrectInput | Record<string, unknown>,
) {
  const f = parseInput(CorrectFields, input);
  const { agency, row: loaded } = await loadReport(deps.db, ctx.actor, f);
  authorize(ctx.actor, 'report.edit', { agencyPath: agency.path });
  const row = expectState(loaded, ['published'], '开始更正');
  const texts = textsOf((row.frozen as FrozenReport | null)?.texts ?? row.sections);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [created] = await tx
      .insert(annualReport)
      .values({
        agencyId: agency.id,
        year: row.year,
        scope: row.scope,
        version: row.version + 1,
        sections: texts as unknown as Record<string, unknown>,
        correctionOf: row.id,
        correctionNote: f.note,
        createdBy: userIdOf(ctx.actor),
      })
      .returning();
    await audit(
      reportEvent('report.correctionStarted', agency, created!, { note: f.note, corrects: row.version }),
    );
    return created!;
  });
}
