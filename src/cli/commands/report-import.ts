// `gongkai report import FILE --agency CODE --year YYYY [--accept-violations]` — a member's
// published report (text, HTML, DOCX, PDF) stored as its report for the year, standing in for it
// in every 汇总 report above it (docs/annual-report.md). Exit 0 stored, 1 refused (the reason in
// Chinese on stderr), 2 bad usage.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ReportImportRefused } from '../../commands/reports/import-report.js';
import { NotFound } from '../../domain/errors.js';
import { reportAgency } from '../../queries/annual-report-data.js';
import { importReportFile } from '../../usecases/import-report-file.js';
import { withRuntime } from '../runtime.js';
import { reportGroup, runChecked, UsageError } from './report-build.js';

const CLI = { actor: { system: true as const, label: '命令行 (CLI)' } };

export interface ImportOptions {
  file: string;
  agency: string;
  year: number;
  acceptViolations: boolean;
}

export function importOptions(files: readonly string[], opts: Record<string, unknown>): ImportOptions {
  const unknown = files.find((f) => f.startsWith('-'));
  if (unknown) throw new UsageError(`未知的选项「${unknown}」`);
  if (files.length !== 1)
    throw new UsageError(
      '请指定一个报告文件，例如：gongkai report import 报告.pdf --agency JN.GAJ --year 2020',
    );
  const agency = typeof opts.agency === 'string' ? opts.agency.trim() : '';
  if (!agency) throw new UsageError('请用 --agency 指定机关代码');
  if (typeof opts.year !== 'string' || !/^\d{4}$/.test(opts.year) || Number(opts.year) < 2008)
    throw new UsageError('请用 --year 指定报告年度（四位数字，2008 年以后）');
  return {
    file: files[0]!,
    agency,
    year: Number(opts.year),
    acceptViolations: opts.acceptViolations === true,
  };
}

export async function runReportImport(o: ImportOptions): Promise<number> {
  let bytes: Buffer;
  try {
    bytes = await readFile(o.file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(`未导入：${code === 'ENOENT' ? '文件不存在' : `无法读取文件（${code ?? String(e)}）`}`);
    return 1;
  }
  return withRuntime(async (rt) => {
    try {
      const target = await reportAgency(rt.database.db, o.agency);
      const r = await importReportFile(rt.deps, CLI, {
        agencyId: target.id,
        year: o.year,
        fileName: basename(o.file),
        bytes,
        acceptViolations: o.acceptViolations,
      });
      const kept = r.violations.length > 0 ? `，保留 ${r.violations.length} 个问题` : '';
      const replaced = r.replaced !== null ? '，取代此前导入的报告' : '';
      console.log(`已导入：${target.name} ${o.year} 年度报告${kept}${replaced}`);
      return 0;
    } catch (e) {
      if (e instanceof ReportImportRefused) {
        console.error(e.message);
        return 1;
      }
      if (e instanceof NotFound) {
        console.error(`未导入：没有代码为「${o.agency}」的机关`);
        return 1;
      }
      throw e;
    }
  });
}

export function registerReportImport(program: Command): void {
  reportGroup(program)
    .command('import')
    .description(
      '导入不使用本平台的机关已发布的年度报告（文本、HTML、DOCX、PDF），在汇总报告中代替其数据 (import a published report)',
    )
    .argument('[files...]', '报告文件')
    .option('--agency <code>', '机关代码')
    .option('--year <yyyy>', '报告年度')
    .option('--accept-violations', '报告有问题时仍导入，并保留这些问题')
    .allowUnknownOption()
    .action((files: string[], opts: Record<string, unknown>) =>
      runChecked(() => importOptions(files, opts), runReportImport),
    );
}
