// The use case "check these report files": bytes, a path, many paths, or pasted text → the checked
// report of each (`gongkai report check`, the 年报体检 page and API). It writes nothing and reads no
// database, so it is neither a command nor a query (docs/ARCHITECTURE.md, src/usecases/). Every
// file is read in a reader worker (src/extract/read-pool.ts), within the limits of issue 8.
import { readFile, stat } from 'node:fs/promises';
import { checkSeriesOf } from '../domain/reports/series-settle.js';
import type { CellConstraint, ParsedReport } from '../domain/reports/types.js';
import { unreadableReport } from '../domain/reports/parse/parse-report.js';
import { runReaderJob, readerLimits } from '../extract/read-pool.js';
import { InputRefused, refusals } from '../extract/refused.js';
import type { ReportJob } from '../extract/report-job.js';

/** Where a report stands in the series it was checked with (issue 11 item 4): files by name. */
export interface SeriesView {
  /** The agency of every report in the series; null when forced together across agencies. */
  agency: string | null;
  years: number[];
  /** The file of the year before and of the year after in the series. */
  previous: string | null;
  next: string | null;
}

/** One checked file: the canonical report with its status, plus the file it came from. */
export type FileCheckResult = { file: string } & ParsedReport & { series?: SeriesView };

async function read(job: ReportJob): Promise<ParsedReport> {
  const outcome = await runReaderJob(job);
  if ('contentTooLarge' in outcome) throw refusals.contentTooLarge(outcome.contentTooLarge);
  return outcome.report;
}

/**
 * Checks one file's bytes. Throws InputRefused when the file is over a limit (size, unpacked
 * size, time, memory) or every reader is busy: the web page and the API answer 413/422/503.
 */
export async function checkReportBytes(
  bytes: Uint8Array,
  file: string,
  constraints: CellConstraint[] = [],
): Promise<FileCheckResult> {
  const { maxInputBytes } = readerLimits();
  if (bytes.length > maxInputBytes) throw refusals.fileTooLarge(maxInputBytes);
  const job = {
    kind: 'file' as const,
    bytes,
    name: file,
    ...(constraints.length > 0 ? { constraints } : {}),
  };
  return withFile(file, await read(job));
}

/** Checks pasted text or HTML (read in a worker like a file: the reader parses untrusted input). */
export async function checkReportText(input: { text: string } | { html: string }): Promise<ParsedReport> {
  return read('html' in input ? { kind: 'html', html: input.html } : { kind: 'text', text: input.text });
}

export interface CheckFilesOptions {
  /** Called after each file, e.g. for a progress bar. */
  onProgress?: (done: number, total: number) => void;
  /** Check all files as one series of years, whatever agency their titles name (`--series`). */
  series?: boolean;
}

/**
 * Checks files one after another (one core), then the reports of one agency (from the titles) as
 * a series of years: C1–C3 between consecutive years, and the cells they settle (issue 11).
 */
export async function checkReportFiles(
  paths: readonly string[],
  opts: CheckFilesOptions = {},
): Promise<FileCheckResult[]> {
  const results: FileCheckResult[] = [];
  for (const path of paths) {
    results.push(await checkReportFile(path));
    opts.onProgress?.(results.length, paths.length);
  }
  return checkAsSeries(results, opts.series ?? false, (i, cs) => checkReportFile(paths[i] as string, cs));
}

/** Uploaded files (the web page, the API): each checked, then as a series like checkReportFiles. */
export async function checkReportUploads(
  files: readonly { bytes: Uint8Array; name: string }[],
  series = false,
): Promise<FileCheckResult[]> {
  const results: FileCheckResult[] = [];
  for (const f of files) results.push(await checkReportBytes(f.bytes, f.name));
  return checkAsSeries(results, series, (i, cs) => {
    const f = files[i] as { bytes: Uint8Array; name: string };
    return checkReportBytes(f.bytes, f.name, cs);
  });
}

/** Pasted reports (the API): each read in a worker, then as a series; `name` stands for the file. */
export async function checkReportTexts(
  inputs: readonly ({ name: string | null } & ({ text: string } | { html: string }))[],
  series = false,
): Promise<({ file: string | null } & ParsedReport & { series?: SeriesView })[]> {
  const job = (i: number, constraints: CellConstraint[] = []): ReportJob => {
    const input = inputs[i] as (typeof inputs)[number];
    const extra = constraints.length > 0 ? { constraints } : {};
    return 'html' in input
      ? { kind: 'html', html: input.html, ...extra }
      : { kind: 'text', text: input.text, ...extra };
  };
  const named = (i: number, r: ParsedReport) => withFile((inputs[i]?.name ?? null) as string, r);
  const results: FileCheckResult[] = [];
  for (let i = 0; i < inputs.length; i++) results.push(named(i, await read(job(i))));
  return checkAsSeries(results, series, async (i, cs) => named(i, await read(job(i, cs))));
}

/** The series among checked files, settled; a re-reading that fails keeps the first result. */
async function checkAsSeries(
  results: FileCheckResult[],
  force: boolean,
  reread: (i: number, constraints: CellConstraint[]) => Promise<FileCheckResult>,
): Promise<FileCheckResult[]> {
  if (results.length < 2) return results;
  const settled = await checkSeriesOf(results, force, (i, cs) =>
    reread(i, cs).then(
      (r) => (r.status === 'unreadable' ? (results[i] as FileCheckResult) : r),
      () => results[i] as FileCheckResult,
    ),
  );
  return settled.reports.map((r, i) => {
    const place = settled.places[i];
    if (!place) return r;
    const file = (k: number | null) => (k === null ? null : (results[k]?.file ?? null));
    const { agency, years } = place;
    const series = { agency, years, previous: file(place.previous), next: file(place.next) };
    return { ...withFile(r.file, r), series };
  });
}

/** One file from disk; a file over a limit is reported as unreadable, with the limit's message. */
export async function checkReportFile(
  path: string,
  constraints: CellConstraint[] = [],
): Promise<FileCheckResult> {
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
    return await checkReportBytes(bytes, path, constraints);
  } catch (e) {
    if (e instanceof InputRefused) return withFile(path, unreadableReport(e.message));
    throw e;
  }
}

/**
 * The result object of the contract (`gongkai report check --json`, the API): `file`, `status` and
 * `missing` first, then the canonical shape of docs/report-json.md, then its documented additions
 * (`suspects`, `verdict`, and when there are any `settled`, `looseLabels`) — and nothing else.
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
    settled,
    looseLabels,
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
    ...(settled && settled.length > 0 ? { settled } : {}),
    ...(looseLabels && looseLabels.length > 0 ? { looseLabels } : {}),
  };
}
