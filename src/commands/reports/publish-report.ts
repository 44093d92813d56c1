// 发布: an approved report goes on the portal's 年报 column as it was frozen at submission — later
// changes to the data do not alter it. A correction (a later version) is published beside the
// versions before it, which stay readable.
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
  type ReportKeyInput,
} from './report-workflow.js';

export const PublishFields = ReportKey.extend({ revision: revisionField });

export async function publishReport(
  deps: Deps,
  ctx: CommandContext,
  input: (ReportKeyInput & { revision: number | string }) | Record<string, unknown>,
) {
  const f = parseInput(PublishFields, input);
  const { agency, row: loaded } = await loadReport(deps.db, ctx.actor, f);
  authorize(ctx.actor, 'report.publish', { agencyPath: agency.path });
  const row = expectState(loaded, ['approved'], '发布');
  const now = deps.now();
  return moveReport(deps, ctx, {
    agency,
    row,
    revision: f.revision,
    state: 'published',
    set: { publishedAt: now, publishedBy: userIdOf(ctx.actor) },
    action: 'report.published',
    now,
  });
}
