// 发布: an approved report goes on the portal's 年报 column as it was frozen at submission — later
// changes to the data do not alter it. A correction (a later version) is published beside the
// versions before it, which stay readable.
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import {
  expectState,
  loadReport,
  reportEvent,
  ReportKey,
  revisionField,
  updateReport,
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
  return inTransaction(deps, ctx, async (tx, audit) => {
    const updated = await updateReport(
      tx,
      row,
      f.revision,
      { state: 'published', publishedAt: now, publishedBy: userIdOf(ctx.actor) },
      now,
    );
    await audit(
      reportEvent('report.published', agency, updated, {
        before: { state: row.state },
        after: { state: 'published' },
      }),
    );
    return updated;
  });
}
