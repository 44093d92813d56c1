// Keeps the audit chain's signed head in DATA_DIR/audit-head after every commit that appended
// events, so deleting the newest events from the table can be found (`gongkai audit verify --head`).
// The file sits beside the database: an intruder who can change both could put an older head back,
// so offices also keep copies elsewhere (docs/deploy.md: the log line, a daily copy off the server).
//
// Writing the file (a temporary file, then a rename) costs ~0.3 ms of kernel time; written on every
// commit it was the largest single cost of an application's intake (docs/performance.md, "Intake").
// So heads are written in groups: the command waits (its answer is sent only after the file holds
// its head or a newer one), but one write covers every commit that finished while the previous
// write ran or within MIN_INTERVAL_MS of it. A quiet server writes each head at once; a busy one
// writes the newest head at most every MIN_INTERVAL_MS.
import { mkdirSync, readFileSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { signHead, type ChainHead } from '../domain/audit/head.js';

export const AUDIT_HEAD_FILE = 'audit-head';

/** A busy server writes the head at most this often (each commit still waits for its write). */
export const MIN_INTERVAL_MS = 5;

export function auditHeadPath(dataDir: string): string {
  return join(resolve(dataDir), AUDIT_HEAD_FILE);
}

/**
 * A recorder of the newest head. Within a process it only moves forward (two transactions may finish
 * out of order). It does not trust the file's own number: a database started afresh in the same
 * folder must replace the old head at its first event, not be reported as truncated for ever.
 */
export function auditHeadRecorder(
  dataDir: string,
  secret: string,
  opts: { minIntervalMs?: number; onError?: (e: Error) => void } = {},
) {
  const file = auditHeadPath(dataDir);
  const minInterval = opts.minIntervalMs ?? MIN_INTERVAL_MS;
  const onError =
    opts.onError ??
    ((e: Error) =>
      // The change is committed; a full disk must not turn it into an error for the user.
      console.error(`无法写入审计链头记录 ${file}：${e.message}`));
  /** The newest head asked for, and the newest written (by seq). */
  let wanted: ChainHead | null = null;
  let written = 0;
  let lastWriteAt = -Infinity;
  let writing: Promise<void> | null = null;
  let dirMade = false;
  const waiters: { seq: number; resolve: () => void }[] = [];

  function settle(upTo: number) {
    for (let i = waiters.length - 1; i >= 0; i--)
      if (waiters[i]!.seq <= upTo) waiters.splice(i, 1)[0]!.resolve();
  }

  async function writeOne(head: ChainHead): Promise<void> {
    const line = signHead(secret, head);
    if (!dirMade) {
      mkdirSync(resolve(dataDir), { recursive: true });
      dirMade = true;
    }
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, line + '\n', { mode: 0o644 });
    await rename(tmp, file);
  }

  async function drain(): Promise<void> {
    while (wanted && wanted.seq > written) {
      const wait = lastWriteAt + minInterval - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const head = wanted;
      try {
        await writeOne(head);
        written = head.seq;
      } catch (e) {
        dirMade = false;
        onError(e as Error);
        // Not retried in a loop: the waiters are answered, the next commit tries again.
        settle(head.seq);
        if (wanted === head) wanted = null;
      } finally {
        lastWriteAt = performance.now();
      }
      settle(written);
    }
  }

  function kick() {
    if (writing) return;
    writing = drain().finally(() => {
      writing = null;
      // A head recorded between the end of the loop and this line.
      if (wanted && wanted.seq > written) kick();
    });
  }

  return {
    file,
    /**
     * Records `head`: resolves once the file holds it or a newer head (never rejects; a failed write
     * is reported through onError). A head older than one already recorded changes nothing.
     */
    record(head: ChainHead): Promise<void> {
      if (head.seq <= written) return Promise.resolve();
      if (!wanted || head.seq > wanted.seq) wanted = head;
      const done = new Promise<void>((resolve) => waiters.push({ seq: head.seq, resolve }));
      kick();
      return done;
    },
    /** Waits until every head recorded so far is written. */
    async flush(): Promise<void> {
      while (writing) await writing;
    },
    /** The head as last written (by this or an earlier process), or null when there is none. */
    read(): string | null {
      try {
        return readFileSync(file, 'utf8').trim() || null;
      } catch {
        return null;
      }
    },
  };
}
