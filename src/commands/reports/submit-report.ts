// 报送上级审核: the office head submits the report to the supervising office. Every rule runs here on
// the server: an error (A1–B5) blocks the submission, a warning (C1–C5) must have been acknowledged,
// the texts must be written. The tables, the texts and the findings are frozen with the submission:
// what the supervising office reviews is what will be published.
import { z } from 'zod';
import { InvalidInput } from '../../domain/errors.js';
import { readiness } from '../../domain/reports/annual/text-findings.js';
import { TEXT_PARTS, textPartHeading, textsOf } from '../../domain/reports/annual/text.js';
import { authorize } from '../../policies/policy.js';
import { EDITABLE_STATES } from '../../domain/reports/annual/text-workflow.js';
import { assessReport, freeze } from '../../queries/annual-report-admin.js';
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

export const SubmitFields = ReportKey.extend({
  revision: revisionField,
  /** Ids of the warnings the person acknowledged (the checkboxes of the findings). */
  acknowledged: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().max(300)).max(500),
  ),
});
export type SubmitInput = z.input<typeof SubmitFields>;

export async function submitReport(
  deps: Deps,
  ctx: CommandContext,
  input: SubmitInput | Record<string, unknown>,
) {
  const f = parseInput(SubmitFields, input);
  const { agency, row: loaded } = await loadReport(deps.db, ctx.actor, f);
  authorize(ctx.actor, 'report.submit', { agencyPath: agency.path });
  const row = expectState(loaded, EDITABLE_STATES, '报送');
  const texts = textsOf(row.sections);
  // The slow part (computing the tables) runs before the transaction.
  const assessment = await assessReport(deps.db, { ...f, texts });
  const ready = readiness(assessment.findings, f.acknowledged);
  const errors: Record<string, string> = {};
  const blank = TEXT_PARTS.filter((p) => texts[p.key].trim() === '');
  if (blank.length) errors.texts = `请先填写正文：${blank.map((p) => textPartHeading(p.key)).join('、')}`;
  if (ready.errors.length)
    errors.findings = `报告有 ${ready.errors.length} 项错误，须先更正数据后才能报送（见下方“检查结果”）`;
  if (ready.unacknowledged.length)
    errors.acknowledged = `还有 ${ready.unacknowledged.length} 条提示未确认：请逐条核对后勾选“已核对”`;
  if (Object.keys(errors).length) throw new InvalidInput(errors);
  const now = deps.now();
  const frozen = freeze(assessment, texts, agency.name, now);
  const acknowledged = assessment.findings.filter((x) => x.severity === 'warning').map((x) => x.id);
  return moveReport(deps, ctx, {
    agency,
    row,
    revision: f.revision,
    state: 'submitted',
    set: {
      frozen: frozen as unknown as Record<string, unknown>,
      acknowledged,
      submittedAt: now,
      submittedBy: userIdOf(ctx.actor),
      reviewComment: null,
      decidedAt: null,
      decidedBy: null,
    },
    action: 'report.submitted',
    data: { warningsAcknowledged: acknowledged.length },
    now,
  });
}
