// Why a file cannot be read within the limits that keep the server up for everyone (issue 8): a
// stable code, an HTTP status and a Chinese message. The web page shows the message beside the
// form, the API answers `{ error: { code, message } }`, the CLI reports the file as unreadable.

export type RefusalCode =
  /** The upload itself is over the size limit (413). */
  | 'FILE_TOO_LARGE'
  /** What the file unpacks to (DOCX parts, PDF streams) is over the limit (413): a "zip bomb". */
  | 'CONTENT_TOO_LARGE'
  /** Reading it took longer than the time limit, or more memory than allowed (422). */
  | 'FILE_TOO_COMPLEX'
  /** Every reader is busy and the queue is full (503, with Retry-After). */
  | 'READER_BUSY'
  /** A multipart upload without Content-Length (411): its size must be known before it is read. */
  | 'LENGTH_REQUIRED';

const STATUS: Record<RefusalCode, 411 | 413 | 422 | 503> = {
  FILE_TOO_LARGE: 413,
  CONTENT_TOO_LARGE: 413,
  FILE_TOO_COMPLEX: 422,
  READER_BUSY: 503,
  LENGTH_REQUIRED: 411,
};

export class InputRefused extends Error {
  readonly status: 411 | 413 | 422 | 503;
  constructor(
    readonly code: RefusalCode,
    message: string,
    /** Seconds, for the Retry-After header of a 503. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'InputRefused';
    this.status = STATUS[code];
  }
}

const mb = (bytes: number) => `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;

export const refusals = {
  /** A form that takes several files, refused from its announced length before a byte is read. */
  uploadsTooLarge: (files: number, maxBytes: number) =>
    new InputRefused(
      'FILE_TOO_LARGE',
      `一次最多上传 ${files} 个文件，每个文件不能超过 ${mb(maxBytes)}，请分批上传或压缩后再试。`,
    ),
  fileTooLarge: (maxBytes: number) =>
    new InputRefused('FILE_TOO_LARGE', `文件不能超过 ${mb(maxBytes)}，请压缩图片或拆分后再试。`),
  contentTooLarge: (maxBytes: number) =>
    new InputRefused(
      'CONTENT_TOO_LARGE',
      `文件解压后的内容超过 ${mb(maxBytes)}，无法检查。正常的年度报告远小于此；请确认文件完好，或另存为 PDF 或文本后再试。`,
    ),
  tooSlow: (seconds: number) =>
    new InputRefused(
      'FILE_TOO_COMPLEX',
      `文件过于复杂，${seconds} 秒内未能读完，已停止。请另存为较简单的格式（如文本或 HTML）后再试。`,
    ),
  tooMuchMemory: () =>
    new InputRefused(
      'FILE_TOO_COMPLEX',
      '文件过于复杂，读取所需的内存超过限制，已停止。请另存为较简单的格式（如文本或 HTML）后再试。',
    ),
  crashed: () =>
    new InputRefused('FILE_TOO_COMPLEX', '读取文件时出错，已停止。请确认文件完好，或另存为文本后再试。'),
  busy: (retryAfterSeconds: number) =>
    new InputRefused(
      'READER_BUSY',
      `当前待检查的文件较多，请 ${retryAfterSeconds} 秒后再试。`,
      retryAfterSeconds,
    ),
  lengthRequired: () =>
    new InputRefused(
      'LENGTH_REQUIRED',
      '上传请求须注明长度（Content-Length），请使用浏览器或常见工具重新上传。',
    ),
};
