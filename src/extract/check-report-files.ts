// Reading published report files (text, HTML, DOCX, PDF) and checking them: the plain functions
// behind `gongkai report check` and, later, the 年报体检 page and API.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseReport, unreadableReport, type ReportInput } from '../domain/reports/parse/parse-report.js';
import type { ParsedReport } from '../domain/reports/types.js';
import { decodeText } from './decode-text.js';
import { docxToHtml } from './docx.js';
import { pdfToText } from './pdf.js';

/** One checked file: the canonical report with its status, plus the file it came from. */
export type FileCheckResult = { file: string } & ParsedReport;

export type FileKind = 'text' | 'html' | 'docx' | 'pdf' | 'other-binary';

export function detectKind(bytes: Uint8Array, name = ''): FileKind {
  const ext = extname(name).toLowerCase();
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return ext === '.docx' || hasEntry(bytes, 'word/document.xml') ? 'docx' : 'other-binary';
  }
  if (ext === '.doc' || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0))
    return 'other-binary';
  return ext === '.html' || ext === '.htm' ? 'html' : 'text';
}

function hasEntry(bytes: Uint8Array, entry: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(entry, 0, 'latin1');
}

/** Bytes of any supported file → the reader's input. Throws on corrupt DOCX/PDF. */
export async function extractReportInput(bytes: Uint8Array, name = ''): Promise<ReportInput | null> {
  const kind = detectKind(bytes, name);
  if (kind === 'pdf') return pdfToText(bytes);
  if (kind === 'docx') return { html: await docxToHtml(bytes) };
  if (kind === 'other-binary') return null;
  const text = decodeText(bytes);
  return kind === 'html' ? { html: text } : text;
}

export async function checkReportBytes(bytes: Uint8Array, file: string): Promise<FileCheckResult> {
  let input: ReportInput | null;
  try {
    input = await extractReportInput(bytes, file);
  } catch (e) {
    return withFile(
      file,
      unreadableReport(`无法解析文件内容（${e instanceof Error ? e.message : String(e)}）`),
    );
  }
  if (input === null)
    return withFile(
      file,
      unreadableReport('不支持的文件格式（请提供文本、HTML、DOCX 或 PDF 文件；旧版 .doc 请另存为 .docx）'),
    );
  return withFile(file, parseReport(input));
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

export async function checkReportFile(path: string): Promise<FileCheckResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return withFile(
      path,
      unreadableReport(code === 'ENOENT' ? '文件不存在' : `无法读取文件（${code ?? String(e)}）`),
    );
  }
  return checkReportBytes(bytes, path);
}

/**
 * The result object of the contract (`gongkai report check --json`, the API): `file`, `status` and
 * `missing` first, then the canonical shape of docs/report-json.md — and nothing else.
 */
export function withFile<F extends string | null>(file: F, r: ParsedReport): { file: F } & ParsedReport {
  const { status, missing, format, year, agency, title, table2, table3, table4, violations } = r;
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
  };
}
