// Imports a member's published annual report (issue 12, item 2): an agency that does not use
// Gongkai sends its report (text, HTML, DOCX or PDF); the checker's reader turns it into the
// canonical tables, which then stand in for the agency in every 汇总 report above it. Refused when
// unreadable, incomplete, of another year or format; a report that breaks rules is refused unless
// the importing officer confirms (`acceptViolations`), and its violations are kept with it.
import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { reportFormatForYear } from '../../domain/applications/outcomes.js';
import { NotFound } from '../../domain/errors.js';
import type { ParsedReport, Violation } from '../../domain/reports/types.js';
import { databaseFileStore } from '../../db/file-store.js';
import { agency, reportImport } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';

export interface ImportReportInput {
  agencyId: number;
  year: number;
  fileName: string;
  bytes: Uint8Array;
  /** The file as read by the checker's reader (src/usecases/import-report-file.ts reads it). */
  report: ParsedReport;
  /** txt | html | docx | pdf (default txt). */
  format?: ImportFormat;
  /** The officer confirms the import of a report that breaks rules (its violations are kept). */
  acceptViolations?: boolean;
}

export type ImportFormat = keyof typeof MEDIA_TYPES;

export interface ImportReportResult {
  id: number;
  /** ok: no violation; violations: imported with its violations accepted. */
  status: 'ok' | 'violations';
  violations: Violation[];
  /** The report it replaces as the agency's current import for the year, if any. */
  replaced: number | null;
}

/** Why an import was refused, in Chinese (`reason`), and the reader's result when there is one. */
export class ReportImportRefused extends Error {
  constructor(
    readonly reason: 'unreadable' | 'incomplete' | 'year' | 'format' | 'violations' | 'limit',
    message: string,
    readonly report?: ParsedReport,
  ) {
    super(message);
    this.name = 'ReportImportRefused';
  }
}

const MEDIA_TYPES = {
  txt: 'text/plain',
  html: 'text/html',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
} as const;

export async function importReport(
  deps: Deps,
  ctx: CommandContext,
  input: ImportReportInput,
): Promise<ImportReportResult> {
  const [target] = await deps.db
    .select({ id: agency.id, name: agency.name, path: agency.path })
    .from(agency)
    .where(eq(agency.id, input.agencyId));
  if (!target) throw new NotFound('未找到该机关');
  authorize(ctx.actor, 'report.edit', { agencyPath: target.path });
  const report = input.report;
  const format = input.format ?? 'txt';
  refuseUnfit(report, input.year, input.acceptViolations === true);
  const tables = {
    format: report.format,
    year: input.year,
    agency: report.agency,
    ...(report.title ? { title: report.title } : {}),
    table2: report.table2,
    table3: report.table3,
    table4: report.table4,
  };
  const bytes = Buffer.from(input.bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const userId = 'userId' in ctx.actor ? ctx.actor.userId : null;
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [previous] = await tx
      .update(reportImport)
      .set({ current: false })
      .where(
        and(
          eq(reportImport.agencyId, target.id),
          eq(reportImport.year, input.year),
          eq(reportImport.current, true),
        ),
      )
      .returning({ id: reportImport.id });
    const file = await databaseFileStore.put(tx, {
      filename: input.fileName,
      mediaType: MEDIA_TYPES[format],
      bytes,
    });
    const [row] = await tx
      .insert(reportImport)
      .values({
        agencyId: target.id,
        year: input.year,
        fileName: input.fileName,
        sha256,
        format,
        fileId: file.id,
        tables,
        violations: report.violations,
        violationsAccepted: report.violations.length > 0,
        importedBy: userId,
      })
      .returning({ id: reportImport.id });
    await audit({
      action: 'report.imported',
      subjectType: 'report_import',
      subjectId: row!.id,
      agencyId: target.id,
      data: {
        year: input.year,
        fileName: input.fileName,
        sha256,
        violations: report.violations.map((v) => `${v.rule} ${v.where}`),
        replaced: previous?.id ?? null,
      },
    });
    return {
      id: row!.id,
      status: report.violations.length > 0 ? 'violations' : 'ok',
      violations: report.violations,
      replaced: previous?.id ?? null,
    };
  });
}

/** Throws ReportImportRefused when the report cannot stand in for the agency's report of the year. */
function refuseUnfit(report: ParsedReport, year: number, acceptViolations: boolean): void {
  if (report.status === 'unreadable')
    throw new ReportImportRefused('unreadable', `无法导入：${report.verdict}`, report);
  if (report.status === 'incomplete')
    throw new ReportImportRefused(
      'incomplete',
      `无法导入：报告不完整，缺少${report.missing.map(missingName).join('、')}。${report.verdict}`,
      report,
    );
  if (report.year !== null && report.year !== year)
    throw new ReportImportRefused(
      'year',
      `无法导入：这是 ${report.year} 年度的报告，不是 ${year} 年度的。`,
      report,
    );
  if (report.format !== reportFormatForYear(year))
    throw new ReportImportRefused(
      'format',
      `无法导入：${year} 年度报告应使用${FORMAT_NAMES[reportFormatForYear(year)]}，该报告的表格是${FORMAT_NAMES[report.format]}。`,
      report,
    );
  if (report.violations.length > 0 && !acceptViolations) {
    const list = report.violations.map(
      (v) => `${v.rule}（${v.severity === 'error' ? '错误' : '提示'}）${v.message}`,
    );
    throw new ReportImportRefused(
      'violations',
      `未导入：报告有 ${report.violations.length} 个问题，确认无误后可加 --accept-violations（或在页面上勾选确认）导入并保留这些问题：\n${list.join('\n')}`,
      report,
    );
  }
}

const FORMAT_NAMES = {
  '2019': '2019 年试行格式（国办公开办函〔2019〕60号）',
  '2021': '2021 年格式（国办公开办函〔2021〕30号）',
};

function missingName(key: string): string {
  const tables: Record<string, string> = { table2: '表二', table3: '表三', table4: '表四' };
  const [table, ...rest] = key.split('.');
  const name = tables[table ?? ''] ?? key;
  return rest.length > 0 ? `${name}「${rest.join('.')}」` : name;
}
