// The use case "import this published report" (issue 12, item 2): the file is read by the
// checker's reader (a worker, within issue 8's limits), then handed to the importReport command,
// which refuses it or stores it as the agency's report for the year.
import {
  importReport,
  ReportImportRefused,
  type ImportFormat,
  type ImportReportResult,
} from '../commands/reports/import-report.js';
import type { CommandContext, Deps } from '../commands/context.js';
import { detectKind } from '../extract/detect-kind.js';
import { InputRefused } from '../extract/refused.js';
import { checkReportBytes } from './check-report-files.js';

export async function importReportFile(
  deps: Deps,
  ctx: CommandContext,
  input: { agencyId: number; year: number; fileName: string; bytes: Uint8Array; acceptViolations?: boolean },
): Promise<ImportReportResult> {
  const kind = detectKind(input.bytes, input.fileName);
  if (kind === 'other-binary')
    throw new ReportImportRefused('unreadable', '无法导入：不是文本、HTML、DOCX 或 PDF 格式的报告。');
  let report;
  try {
    report = await checkReportBytes(input.bytes, input.fileName);
  } catch (e) {
    if (e instanceof InputRefused) throw new ReportImportRefused('limit', `无法导入：${e.message}`);
    throw e;
  }
  const format: ImportFormat = kind === 'text' ? 'txt' : kind;
  return importReport(deps, ctx, { ...input, report, format });
}
