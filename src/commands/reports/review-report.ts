// 上级审核: the supervising office (an office head of an agency above the report's agency; for the
// root of the tree, its own office head) returns a submitted report with comments, or approves it.
// A returned report goes back to the agency, its tables computed again from the data.
import { z } from 'zod';
import { isSystem } from '../../domain/agencies/actor.js';
import { InvalidInput, NotAllowed } from '../../domain/errors.js';
import { authorize } from '../../policies/policy.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import {
  expectState,
  loadReport,
  moveReport,
  ReportKey,
  revisionField,
  userIdOf,
} from './report-workflow.js';

export const ReviewFields = ReportKey.extend({
  revision: revisionField,
  decision: z.enum(['approve', 'return'], { error: '请选择审核意见：通过或退回修改' }),
  comment: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim() : ''),
    z.string().max(2000, '审核意见不能超过 2000 个字'),
  ),
});
export type ReviewInput = z.input<typeof ReviewFields>;

export async function reviewReport(
  deps: Deps,
  ctx: CommandContext,
  input: ReviewInput | Record<string, unknown>,
) {
  const f = parseInput(ReviewFields, input);
  const { agency, row: loaded } = await loadReport(deps.db, ctx.actor, f);
  authorize(ctx.actor, 'report.approve', { agencyPath: agency.path });
  // The supervising office: an agency above; a root agency's report is reviewed by its own office.
  if (!isSystem(ctx.actor)) {
    const above = agency.path !== ctx.actor.agencyPath && agency.path.startsWith(ctx.actor.agencyPath);
    const rootSelf = agency.parentId === null && agency.path === ctx.actor.agencyPath;
    if (!above && !rootSelf) throw new NotAllowed('本机关的年度报告由上级机关审核');
  }
  const row = expectState(loaded, ['submitted'], '审核');
  if (f.decision === 'return' && f.comment === '')
    throw new InvalidInput({ comment: '退回修改时请填写审核意见，说明需要修改的内容' });
  const now = deps.now();
  const state = f.decision === 'approve' ? 'approved' : 'returned';
  return moveReport(deps, ctx, {
    agency,
    row,
    revision: f.revision,
    state,
    set: {
      reviewComment: f.comment || null,
      decidedAt: now,
      decidedBy: userIdOf(ctx.actor),
      // A returned report is the agency's again: its tables are computed anew until resubmitted.
      ...(state === 'returned' ? { frozen: null } : {}),
    },
    action: state === 'approved' ? 'report.approved' : 'report.returned',
    data: f.comment ? { comment: f.comment } : {},
    now,
  });
}
