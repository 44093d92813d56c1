// What the 年报体检 page and API accept — pasted text or HTML, or one file — and the check itself.
// Nothing is stored: the result is computed for the response and forgotten.
import { extname } from 'node:path';
import { DEFAULT_PARSER_LIMITS } from '../extract/limits.js';
import {
  checkReportBytes,
  checkReportText,
  withFile,
  type FileCheckResult,
} from '../usecases/check-report-files.js';
import type { Upload, UploadLimits } from './uploads.js';

export const REPORT_MAX_BYTES = DEFAULT_PARSER_LIMITS.maxInputBytes;
export const REPORT_EXTENSIONS = ['.txt', '.html', '.htm', '.docx', '.pdf'] as const;
/**
 * The web form's multipart limits: the file, and `text` (a pasted report), `_csrf` and `action`.
 * The API takes the file alone (src/http/api/operation.ts).
 */
export const REPORT_CHECK_FORM_UPLOAD: UploadLimits = {
  maxFileBytes: REPORT_MAX_BYTES,
  fields: 3,
  maxFieldBytes: REPORT_MAX_BYTES,
};
/** For the file input's `accept` attribute. */
export const REPORT_ACCEPT = REPORT_EXTENSIONS.join(',');
/** Per IP and minute, for the page and the API alike: reading a report costs CPU. */
export const REPORT_CHECK_RATE_LIMIT = { max: 20, timeWindow: '1 minute' } as const;

/** One element of `gongkai report check --json`; `file` is null for pasted text. */
export type ReportCheckResult = Omit<FileCheckResult, 'file'> & { file: string | null };

export type ReportSource = { text: string } | { html: string } | { upload: Upload };

/** Why a submission cannot be checked at all (answered 422/413, not as a report status). */
export type InputProblem = 'empty' | 'type' | 'size' | 'emptyFile';

export const INPUT_PROBLEM_TEXT: Record<InputProblem, string> = {
  empty: '请粘贴报告内容，或选择要上传的报告文件',
  type: '只能上传 .txt、.html、.htm、.docx 或 .pdf 文件（旧版 .doc 请先另存为 .docx）',
  size: '文件或粘贴的内容不能超过 10 MB',
  emptyFile: '上传的文件是空的，请重新选择',
};

export function uploadProblem(upload: Upload): InputProblem | null {
  if (upload.truncated || upload.bytes.length > REPORT_MAX_BYTES) return 'size';
  if (!(REPORT_EXTENSIONS as readonly string[]).includes(extname(upload.fileName).toLowerCase()))
    return 'type';
  if (upload.bytes.length === 0) return 'emptyFile';
  return null;
}

/**
 * Reads and checks the submission in a reader worker. Throws InputRefused (src/extract/refused.ts)
 * when it is over a limit or every reader is busy: 413, 422 or 503 with a Chinese message.
 */
export async function checkReportSource(source: ReportSource): Promise<ReportCheckResult> {
  if ('upload' in source) return checkReportBytes(source.upload.bytes, source.upload.fileName);
  return withFile(null, await checkReportText(source));
}
