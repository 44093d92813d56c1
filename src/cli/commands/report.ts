// `gongkai report check FILE... [--series] [--json] [--csv FILE]` — the CLI contract of
// docs/report-json.md: exit 0 when every file is ok, 1 when any has violations or is
// incomplete/unreadable, 2 on bad usage. With --json, stdout is exactly one JSON array; progress
// and the summary go to stderr.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  checkReportFiles,
  type CheckFilesOptions,
  type FileCheckResult,
} from '../../usecases/check-report-files.js';
import { progressBar } from '../progress.js';
import { humanReport, summaryLine, violationsCsv } from './report-text.js';

export { checkReportFiles, type FileCheckResult } from '../../usecases/check-report-files.js';

/** Progress is worth drawing only for batches. */
const PROGRESS_FROM = 10;

export interface ReportCheckOptions {
  json?: boolean;
  /** Path of a CSV file that receives every violation. */
  csv?: string;
  /** Check all files as one series of years, whatever agency their titles name. */
  series?: boolean;
}

class UsageError extends Error {}

function usage(message: string): never {
  throw new UsageError(message);
}

type RawOptions = { json?: boolean; csv?: string | boolean; series?: boolean };

function validate(files: string[], opts: RawOptions): ReportCheckOptions {
  const unknown = files.find((f) => f.startsWith('-') && f !== '-');
  if (unknown) usage(`未知的选项「${unknown}」`);
  if (files.length === 0) usage('请指定至少一个报告文件，例如：gongkai report check 报告.txt');
  if (opts.csv === true || opts.csv === '') usage('--csv 需要一个文件名，例如 --csv 问题清单.csv');
  if (opts.series === true && files.length < 2) usage('--series 需要同一机关至少两个年度的报告文件');
  return {
    json: opts.json === true,
    ...(typeof opts.csv === 'string' ? { csv: opts.csv } : {}),
    ...(opts.series === true ? { series: true } : {}),
  };
}

/** Runs the check and prints; returns the exit code (0 all ok, 1 otherwise). */
export async function runReportCheck(files: string[], opts: ReportCheckOptions): Promise<number> {
  const draw = files.length >= PROGRESS_FROM ? progressBar('检查中') : () => {};
  const check: CheckFilesOptions = { onProgress: draw, series: opts.series === true };
  const results = await checkReportFiles(files, check);
  if (opts.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
  else for (const r of results) process.stdout.write(humanReport(r) + '\n');
  if (opts.csv) await writeFile(opts.csv, violationsCsv(results));
  (opts.json ? process.stderr : process.stdout).write(summaryLine(results) + '\n');
  return exitCodeOf(results);
}

export function exitCodeOf(results: readonly FileCheckResult[]): number {
  return results.every((r) => r.status === 'ok') ? 0 : 1;
}

export function registerReportCommands(program: Command): void {
  // One `report` group: `report build` (the generator) will join it.
  const report =
    program.commands.find((c) => c.name() === 'report') ??
    program
      .command('report')
      .description('政府信息公开工作年度报告 (annual reports)')
      .argument('[subcommand]')
      .action((sub?: string) => {
        console.error(
          sub ? `错误：未知的子命令「${sub}」` : '错误：请指定子命令，例如 gongkai report check 报告.txt',
        );
        report.outputHelp({ error: true });
        process.exitCode = 2;
      });

  report
    .command('check')
    .description(
      '年报体检：读取已发布的年度报告（文本、HTML、DOCX、PDF），重建表格并核对勾稽关系 (check published reports)',
    )
    .argument('[files...]', '报告文件')
    .option('--json', '输出 JSON 数组（每个文件一个对象）')
    .option('--csv [file]', '把全部问题另存为 CSV 文件')
    .option(
      '--series',
      '把全部文件当作同一机关连续年度的报告核对（默认按标题中的机关分组），用相邻年度的数字核对 C1–C3 并确定连写的数字',
    )
    // Unknown options are reported by validate() so that bad usage always exits 2.
    .allowUnknownOption()
    .action(async (files: string[], opts: RawOptions) => {
      try {
        process.exitCode = await runReportCheck(files, validate(files, opts));
      } catch (e) {
        if (!(e instanceof UsageError)) throw e;
        console.error(`错误：${e.message}`);
        process.exitCode = 2;
      }
    });
}
