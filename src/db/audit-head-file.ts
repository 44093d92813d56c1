// Keeps the audit chain's signed head in DATA_DIR/audit-head after every commit that appended
// events, so deleting the newest events from the table can be found (`gongkai audit verify --head`).
// The file sits beside the database: an intruder who can change both could put an older head back,
// so offices also keep copies elsewhere (docs/deploy.md: the log line, a daily copy off the server).
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { signHead, type ChainHead } from '../domain/audit/head.js';

export const AUDIT_HEAD_FILE = 'audit-head';

export function auditHeadPath(dataDir: string): string {
  return join(resolve(dataDir), AUDIT_HEAD_FILE);
}

/**
 * A recorder of the newest head. Within a process it only moves forward (two transactions may finish
 * out of order). It does not trust the file's own number: a database started afresh in the same
 * folder must replace the old head at its first event, not be reported as truncated for ever.
 */
export function auditHeadRecorder(dataDir: string, secret: string) {
  const file = auditHeadPath(dataDir);
  let written = 0;
  return {
    file,
    /** Writes the head atomically (temporary file, then rename) and returns the signed line. */
    record(head: ChainHead): string | null {
      if (head.seq <= written) return null;
      const line = signHead(secret, head);
      mkdirSync(resolve(dataDir), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, line + '\n', { mode: 0o644 });
      renameSync(tmp, file);
      written = head.seq;
      return line;
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
