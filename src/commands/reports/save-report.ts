// 保存年度报告正文: the texts of 一's five parts, 五 and 六 of a report still with the agency (a
// draft or a returned report). The first save creates the report (version 1, draft). A placeholder
// that names nothing is refused with the field it is in.
import { z } from 'zod';
import { reportFormatForYear } from '../../domain/applications/outcomes.js';
import { InvalidInput } from '../../domain/errors.js';
import {
  MAX_TEXT_LENGTH,
  TEXT_PART_KEYS,
  textPartHeading,
  textsOf,
  unknownPlaceholders,
  type ReportTexts,
} from '../../domain/reports/annual/text.js';
import type { ReportFormat } from '../../domain/reports/types.js';
import { annualReport } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { EDITABLE_STATES } from '../../domain/reports/annual/text-workflow.js';
import { diff, inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import {
  expectState,
  loadReport,
  reportEvent,
  ReportKey,
  updateReport,
  userIdOf,
} from './report-workflow.js';

const text = (key: string) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n') : ''),
    z.string().max(MAX_TEXT_LENGTH, `「${textPartHeading(key as never)}」不能超过 ${MAX_TEXT_LENGTH} 个字`),
  );

export const SaveTextsFields = ReportKey.extend({
  /** The revision read; absent when no report exists yet. */
  revision: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().positive().optional()),
  ...Object.fromEntries(TEXT_PART_KEYS.map((k) => [k, text(k)])),
});
export type SaveTextsInput = z.input<typeof SaveTextsFields>;

function placeholderErrors(format: ReportFormat, texts: ReportTexts): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const k of TEXT_PART_KEYS) {
    const unknown = unknownPlaceholders(format, texts[k]);
    if (unknown.length)
      errors[k] =
        `「${textPartHeading(k)}」中的占位符 ${unknown.map((u) => `{{${u}}}`).join('、')} 无法识别，请从可用占位符中选择`;
  }
  return errors;
}

export async function saveReportTexts(
  deps: Deps,
  ctx: CommandContext,
  input: SaveTextsInput | Record<string, unknown>,
) {
  const f = parseInput(SaveTextsFields, input);
  const { agency, row } = await loadReport(deps.db, ctx.actor, f);
  authorize(ctx.actor, 'report.edit', { agencyPath: agency.path });
  const texts = textsOf(f);
  const errors = placeholderErrors(reportFormatForYear(f.year), texts);
  if (Object.keys(errors).length) throw new InvalidInput(errors);
  if (row) expectState(row, EDITABLE_STATES, '修改正文');
  return inTransaction(deps, ctx, async (tx, audit) => {
    if (!row) {
      const [created] = await tx
        .insert(annualReport)
        .values({
          agencyId: agency.id,
          year: f.year,
          scope: f.scope,
          sections: texts as unknown as Record<string, unknown>,
          createdBy: userIdOf(ctx.actor),
        })
        .returning();
      await audit(reportEvent('report.created', agency, created!, { state: 'draft' }));
      return created!;
    }
    if (f.revision === undefined) throw new InvalidInput({ revision: '缺少版本号，请刷新页面后重试' });
    const before = textsOf(row.sections);
    const updated = await updateReport(tx, row, f.revision, { sections: texts as never }, deps.now());
    const change = diff(before, texts);
    const changed = Object.keys(change.after).map((k) => textPartHeading(k as never));
    if (changed.length) await audit(reportEvent('report.textsSaved', agency, updated, { parts: changed }));
    return updated;
  });
}
