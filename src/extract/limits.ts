// The limits of the file readers (issue 8): every reader runs in a worker thread of a small pool,
// and each job is bounded in input size, unpacked size, time and memory. Set once at the
// composition root from the configuration (src/config.ts); the defaults serve the CLI and tests.
import { DEFAULT_OCR_LIMITS, type OcrLimits } from './ocr.js';

export interface ParserLimits {
  /** Largest input accepted, in bytes (the upload limit of the web page and the API). */
  maxInputBytes: number;
  /** DOCX: bytes the archive's parts may unpack to (images are not read and not counted). */
  maxDocxUnzippedBytes: number;
  /** PDF: bytes its compressed streams (page contents, fonts, images) may inflate to, in total. */
  maxPdfInflatedBytes: number;
  /** One job's time in a worker, from when the worker starts it. */
  timeoutMs: number;
  /** V8 heap of each worker (old generation), in MB: a job over it ends its worker only. */
  maxHeapMb: number;
  /** Worker threads, i.e. jobs read at the same time. */
  workers: number;
  /** Jobs that may wait for a worker; beyond that a request is answered 503 at once. */
  maxQueue: number;
  /** Scanned PDF pages (issue 11): the OCR programs, pages per file and time limits. */
  ocr: OcrLimits;
}

const MB = 1024 * 1024;

export const DEFAULT_PARSER_LIMITS: ParserLimits = {
  maxInputBytes: 10 * MB,
  maxDocxUnzippedBytes: 20 * MB,
  maxPdfInflatedBytes: 100 * MB,
  timeoutMs: 20_000,
  maxHeapMb: 256,
  workers: 2,
  maxQueue: 8,
  ocr: DEFAULT_OCR_LIMITS,
};

/** The limits from the configuration's READER_* / DOCX_* / PDF_* settings (src/config.ts). */
export function readerLimitsFrom(c: {
  READER_WORKERS: number;
  READER_QUEUE: number;
  READER_TIMEOUT_SECONDS: number;
  READER_MAX_HEAP_MB: number;
  DOCX_MAX_UNZIPPED_MB: number;
  PDF_MAX_INFLATED_MB: number;
}): ParserLimits {
  return {
    maxInputBytes: DEFAULT_PARSER_LIMITS.maxInputBytes,
    maxDocxUnzippedBytes: Math.round(c.DOCX_MAX_UNZIPPED_MB * MB),
    maxPdfInflatedBytes: Math.round(c.PDF_MAX_INFLATED_MB * MB),
    timeoutMs: Math.round(c.READER_TIMEOUT_SECONDS * 1000),
    maxHeapMb: c.READER_MAX_HEAP_MB,
    workers: c.READER_WORKERS,
    maxQueue: c.READER_QUEUE,
    ocr: DEFAULT_OCR_LIMITS,
  };
}
