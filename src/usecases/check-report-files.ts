// The use case "check these report files": bytes, a path, many paths, or pasted text → the checked
// report of each (`gongkai report check`, the 年报体检 page and API). It writes nothing and reads no
// database, so it is neither a command nor a query (docs/ARCHITECTURE.md, src/usecases/). Every
// file is read in a reader worker (src/extract/read-pool.ts), within the limits of issue 8.
import { readFile, stat } from 'node:fs/promises';
import type { ParsedReport } from '../domain/reports/types.js';
import { unreadableReport } from '../domain/reports/parse/parse-report.js';
import { runReaderJob, readerLimits } from '../extract/read-pool.js';
import { InputRefused, refusals } from '../extract/refused.js';
import type { ReportJob } from '../extract/report-job.js';

/** One checked file: the canonical report with its status, plus the file it came from. */
export type FileCheckResult = { file: string } & ParsedReport;

async function read(job: ReportJob): Promise<ParsedReport> {
  const outcome = await runReaderJob(job);
  if ('contentTooLarge' in outcome) throw refusals.contentTooLarge(outcome.contentTooLarge);
  return outcome.report;
}

/**
 * Checks one file's bytes. Throws InputRefused when the file is over a limit (size, unpacked
 * size, time, memory) or every reader is busy: the web page and the API answer 413/422/503.
 */
export async function checkReportBytes(bytes: Uint8Array, file: string): Promise<FileCheckResult> {
  const { maxInputBytes } = readerLimits();
  if (bytes.length > maxInputBytes) throw refusals.fileTooLarge(maxInputBytes);
  return withFile(file, await read({ kind: 'file', bytes, name: file }));
}

/** Checks pasted text or HTML (read in a worker like a file: the reader parses untrusted input). */
export async function checkReportText(input: { text: string } | { html: string }): Promise<ParsedReport> {
  return read('html' in input ? { kind: 'html', html: input.html } : { kind: 'text', text: input.text });
}

export interface CheckFilesOptions {
  /** Called after each file, e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
}

/** Checks files one after another (one core; memory stays flat for thousands of files). */
export async function checkReportFiles(
  paths: readonly string[],
  opts: CheckFilesOptions = {},
): Promise<FileCheckResult[]> {
  const results: FileCheckResult[] = [];
  for (const path of paths) {
    results.push(await checkReportFile(path));
    opts.onProgress?.(results.length, paths.length);
  }
  return results;
}

/** One file from disk; a file over a limit is reported as unreadable, with the limit's message. */
export async function checkReportFile(path: string): Promise<FileCheckResult> {
  let bytes: Uint8Array;
  try {
    const { maxInputBytes } = readerLimits();
    if ((await stat(path)).size > maxInputBytes) throw refusals.fileTooLarge(maxInputBytes);
    bytes = await readFile(path);
  } catch (e) {
    if (e instanceof InputRefused) return withFile(path, unreadableReport(e.message));
    const code = (e as NodeJS.ErrnoException).code;
    return withFile(
      path,
      unreadableReport(code === 'ENOENT' ? '文件不存在' : `无法读取文件（${code ?? String(e)}）`),
    );
  }
  try {
    return await checkReportBytes(bytes, path);
  } catch (e) {
    if (e instanceof InputRefused) return withFile(path, unreadableReport(e.message));
    throw e;
  }
}

/**
 * The result object of the contract (`gongkai report check --json`, the API): `file`, `status` and
 * `missing` first, then the canonical shape of docs/report-json.md, then its documented additions
 * (`suspects`, `verdict`) — and nothing else.
 */
export function withFile<F extends string | null>(file: F, r: ParsedReport): { file: F } & ParsedReport {
  const {
    status,
    missing,
    format,
    year,
    agency,
    title,
    table2,
    table3,
    table4,
    violations,
    suspects,
    verdict,
  } = r;
  return {
    file,
    status,
    missing,
    format,
    year,
    agency,
    ...(title ? { title } : {}),
    table2,
    table3,
    table4,
    violations,
    suspects,
    verdict,
  };
}
