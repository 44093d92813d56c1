// `gongkai report build --agency CODE|root --year YYYY [--scope own|rollup]
//  [--format json|html|pdf|docx|xlsx] [--out FILE]` — the annual report computed from the database
// (docs/annual-report.md, docs/report-json.md). json: the canonical report JSON plus its additive
// fields; html/pdf/docx/xlsx: the renderers of src/render/annual-report. stdout carries only the
// report; messages go to stderr. Exit 0 built, 1 refused (unknown agency),
// 2 bad usage.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { NotFound } from '../../domain/errors.js';
import { computeAnnualReport, type ComputedReport, type ReportScope } from '../../queries/annual-report.js';
import { toRenderable, type RenderableReport } from '../../render/annual-report/model.js';
import { withRuntime } from '../runtime.js';

export const BUILD_FORMATS = ['json', 'html', 'pdf', 'docx', 'xlsx'] as const;
export type BuildFormat = (typeof BUILD_FORMATS)[number];

export interface BuildOptions {
  agency: string;
  year: number;
  scope: ReportScope;
  format: BuildFormat;
  out?: string;
}

export class UsageError extends Error {}

/** The options as typed, checked: a UsageError (exit 2) names what is wrong, in Chinese. */
export function buildOptions(opts: Record<string, unknown>, args: readonly string[] = []): BuildOptions {
  const unknown = args.find((a) => a.startsWith('-'));
  if (unknown) throw new UsageError(`未知的选项「${unknown}」`);
  if (args.length > 0) throw new UsageError(`多余的参数「${args[0]}」`);
  const agency = typeof opts.agency === 'string' ? opts.agency.trim() : '';
  if (!agency) throw new UsageError('请用 --agency 指定机关代码（或 root），例如 --agency root');
  const year = Number(opts.year);
  if (typeof opts.year !== 'string' || !/^\d{4}$/.test(opts.year) || year < 2008)
    throw new UsageError('请用 --year 指定报告年度（四位数字，2008 年以后），例如 --year 2020');
  const scope = (opts.scope ?? 'own') as ReportScope;
  if (scope !== 'own' && scope !== 'rollup')
    throw new UsageError('--scope 只能是 own（本级）或 rollup（汇总）');
  const format = (opts.format ?? 'json') as BuildFormat;
  if (!BUILD_FORMATS.includes(format)) throw new UsageError(`--format 只能是 ${BUILD_FORMATS.join('、')}`);
  if (opts.out !== undefined && (typeof opts.out !== 'string' || opts.out === ''))
    throw new UsageError('--out 需要一个文件名');
  return { agency, year, scope, format, ...(typeof opts.out === 'string' ? { out: opts.out } : {}) };
}

/**
 * The report as JSON: the canonical shape of docs/report-json.md first (format, year, agency,
 * title, table2, table3, table4, violations), then the additive fields of a computed report.
 */
export function reportJson(r: ComputedReport): Record<string, unknown> {
  return {
    format: r.format,
    year: r.year,
    agency: r.agency,
    ...(r.title ? { title: r.title } : {}),
    table2: r.table2,
    table3: r.table3,
    table4: r.table4,
    violations: r.violations,
    scope: r.scope,
    agencyCode: r.agencyCode,
    table2Sources: r.table2Sources,
    members: r.members,
    imported: r.imported,
    feesCollected: r.feesCollected,
  };
}

export function renderableOf(r: ComputedReport): RenderableReport {
  const importedMembers = r.members.filter((m) => m.source === 'imported').map((m) => m.name);
  return toRenderable(r, {
    agencyName: r.agency ?? '',
    scope: r.scope,
    ...(importedMembers.length > 0 ? { importedMembers } : {}),
  });
}

/** The report rendered by src/render/annual-report (loaded only when asked for: ECharts, pdfmake …). */
async function render(
  report: RenderableReport,
  format: Exclude<BuildFormat, 'json'>,
): Promise<string | Buffer> {
  return (await (await import('../../render/annual-report/index.js')).renderAnnualReport(report, format))
    .body;
}

/** Builds and writes the report; returns the exit code. */
export async function runReportBuild(o: BuildOptions): Promise<number> {
  return withRuntime(async (rt) => {
    let report: ComputedReport;
    try {
      report = await computeAnnualReport(rt.database.db, {
        agencyId: o.agency,
        year: o.year,
        scope: o.scope,
      });
    } catch (e) {
      if (!(e instanceof NotFound)) throw e;
      console.error(`错误：没有代码为「${o.agency}」的机关`);
      return 1;
    }
    let body: Buffer | string;
    if (o.format === 'json') body = JSON.stringify(reportJson(report), null, 2) + '\n';
    else {
      body = await render(renderableOf(report), o.format);
    }
    if (o.out) await writeFile(o.out, body);
    else if (typeof body !== 'string' && process.stdout.isTTY) {
      console.error(`错误：${o.format.toUpperCase()} 是二进制文件，请用 --out 指定文件名`);
      return 2;
    } else process.stdout.write(body);
    const errors = report.violations.filter((v) => v.severity === 'error').length;
    const warnings = report.violations.length - errors;
    console.error(
      `${report.agency} ${report.year} 年${report.scope === 'own' ? '本级' : '汇总'}报告：${errors} 个错误，${warnings} 个提示${o.out ? `，已写入 ${o.out}` : ''}`,
    );
    return 0;
  });
}

/** The `report` group made by report.ts (or made here when this module is loaded alone). */
export function reportGroup(program: Command): Command {
  return (
    program.commands.find((c) => c.name() === 'report') ??
    program.command('report').description('政府信息公开工作年度报告 (annual reports)')
  );
}

export function registerReportBuild(program: Command): void {
  reportGroup(program)
    .command('build')
    .description(
      '由本平台数据生成年度报告：本级或汇总，JSON / HTML / PDF / DOCX / XLSX (build the annual report)',
    )
    .option('--agency <code>', '机关代码，或 root（最上级机关）')
    .option('--year <yyyy>', '报告年度')
    .option('--scope <scope>', 'own（本级，默认）或 rollup（汇总：本机关及所属机关）')
    .option('--format <format>', 'json（默认）、html、pdf、docx 或 xlsx')
    .option('--out <file>', '写入文件（默认输出到标准输出）')
    .argument('[extra...]')
    .allowUnknownOption()
    .action((extra: string[], opts: Record<string, unknown>) =>
      runChecked(() => buildOptions(opts, extra), runReportBuild),
    );
}

/** Checks the options (a UsageError exits 2 with its message), then runs and sets the exit code. */
export async function runChecked<T>(parse: () => T, run: (o: T) => Promise<number>): Promise<void> {
  let o: T;
  try {
    o = parse();
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    console.error(`错误：${e.message}`);
    process.exitCode = 2;
    return;
  }
  process.exitCode = await run(o);
}
