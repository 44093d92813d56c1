// The pool of reader workers (issue 8): every file and pasted report is read in a worker thread,
// never on the server's main thread. A job that runs past the time limit ends that job only — its
// worker is terminated and replaced, queued jobs go on; a job that needs more memory than the
// worker's heap limit ends its worker the same way. The queue is bounded: when it is full a request
// is refused at once (503 with Retry-After) instead of waiting behind every other upload.
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { DEFAULT_PARSER_LIMITS, type ParserLimits } from './limits.js';
import { refusals } from './refused.js';
import type { JobOutcome, ReportJob, TextJob, TextOutcome } from './report-job.js';

const WORKER_URL = new URL('./read-worker.mjs', import.meta.url);

let limits: ParserLimits = DEFAULT_PARSER_LIMITS;
let pool: Piscina | null = null;
let running = 0;
/** Jobs admitted and not finished: running or waiting. */
let admitted = 0;

/** Jobs being read now, and jobs waiting for a worker (for logs and tests). */
export function readerLoad(): { running: number; queued: number } {
  return { running, queued: admitted - running };
}

/** Sets the limits (composition root). A pool started with other limits is replaced. */
export function configureReaders(next: ParserLimits): void {
  if (JSON.stringify(next) === JSON.stringify(limits)) return;
  limits = next;
  const old = pool;
  pool = null;
  void old?.close({ force: true }).catch(() => {});
}

export function readerLimits(): ParserLimits {
  return limits;
}

/** Ends the workers (server shutdown, tests); the next job starts a new pool. */
export async function closeReaders(): Promise<void> {
  const old = pool;
  pool = null;
  await old?.close({ force: true });
}

function getPool(): Piscina {
  if (pool) return pool;
  pool = new Piscina({
    filename: WORKER_URL.href,
    maxThreads: limits.workers,
    // One warm worker; more start under load and stop after a minute idle.
    minThreads: 1,
    idleTimeout: 60_000,
    concurrentTasksPerWorker: 1,
    // The queue is bounded in runReaderJob (piscina's own bound counts starting workers as room).
    maxQueue: limits.maxQueue + limits.workers,
    // Without the TypeScript loader of the main thread: the worker loads its own (read-worker.mjs).
    execArgv: [],
    resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
  });
  // A worker that dies outside a job (e.g. out of memory while it is being terminated) is reported
  // here; without a listener the event would end the process.
  pool.on('error', (e: Error) => process.emitWarning(`reader worker ended: ${e.message}`));
  return pool;
}

/**
 * Runs one job in a worker. Throws InputRefused when the job is refused (queue full), ran out of
 * time or memory; a file whose unpacked content is too large comes back as `contentTooLarge`.
 */
export async function runReaderJob(job: ReportJob): Promise<JobOutcome> {
  return (await runJob(job)) as JobOutcome;
}

/** The text of a PDF or DOCX attachment, read in a worker (refusals as for runReaderJob). */
export async function extractTextInReader(bytes: Uint8Array, name: string): Promise<TextOutcome> {
  const job: TextJob = { kind: 'extract-text', bytes, name };
  return (await runJob(job)) as TextOutcome;
}

async function runJob(job: ReportJob | TextJob): Promise<unknown> {
  const p = getPool();
  const { timeoutMs } = limits;
  // Room for one job per worker plus the queue; a request beyond it is refused now, not later.
  if (admitted >= limits.workers + limits.maxQueue) throw refusals.busy(retryAfter(timeoutMs));
  admitted++;
  const jobLimits = {
    maxDocxUnzippedBytes: limits.maxDocxUnzippedBytes,
    maxPdfInflatedBytes: limits.maxPdfInflatedBytes,
    ocr: limits.ocr,
  };
  // The time limit counts from when a worker starts the job, not while it waits in the queue: the
  // worker says so on this channel. Aborting a running job terminates its worker (piscina). A job
  // that reads scanned pages says so too ('ocr'): its limit becomes the OCR limit, from its start.
  const { port1, port2 } = new MessageChannel();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  let started = false;
  let startedAt = 0;
  let limitMs = timeoutMs;
  const arm = (ms: number) => {
    clearTimeout(timer);
    limitMs = ms;
    timer = setTimeout(
      () => {
        timedOut = true;
        abort.abort();
      },
      Math.max(0, startedAt + ms - Date.now()),
    );
  };
  port1.on('message', (message) => {
    if (message === 'ocr' && started) return arm(Math.max(timeoutMs, limits.ocr.jobTimeoutMs));
    if (started) return;
    started = true;
    startedAt = Date.now();
    running++;
    arm(timeoutMs);
  });
  try {
    return await p.run(
      { job, limits: jobLimits, started: port2 },
      { transferList: [port2], signal: abort.signal },
    );
  } catch (e) {
    throw refusalFor(e, timedOut, limitMs) ?? e;
  } finally {
    admitted--;
    if (started) running--;
    clearTimeout(timer);
    port1.close();
  }
}

function refusalFor(e: unknown, timedOut: boolean, timeoutMs: number) {
  const err = e as { name?: string; code?: string; message?: string };
  if (timedOut) return refusals.tooSlow(timeoutMs / 1000);
  if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') return refusals.tooMuchMemory();
  if (err.message === 'Task queue is at limit') return refusals.busy(retryAfter(timeoutMs));
  // The worker ended in the middle of the job (a crash in a parser): that job fails, nothing else.
  if (/worker.*(exit|terminat)|terminat.*worker/i.test(err.message ?? '')) return refusals.crashed();
  return null;
}

/** Seconds after which a refused upload may well find a free worker: one job's time limit. */
function retryAfter(timeoutMs: number): number {
  return Math.max(5, Math.ceil(timeoutMs / 1000));
}
