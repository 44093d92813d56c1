// The audit log is hash-chained: each event's hash is an HMAC over the previous event's hash and the
// event's own canonical content, so editing or deleting an event breaks every later link.
import { createHmac } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditContent {
  seq: number;
  at: string; // ISO 8601, millisecond precision, UTC
  actorId: number | null;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  agencyId: number | null;
  data: unknown;
  requestId: string | null;
}

/** JSON with object keys sorted at every level, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

export function eventHash(secret: string, prevHash: string, e: AuditContent): string {
  return createHmac('sha256', secret).update(prevHash).update('\n').update(canonicalJson(e)).digest('hex');
}

export interface ChainProblem {
  seq: number;
  problem: 'edited' | 'gap' | 'broken-link';
  message: string;
}

export interface StoredEvent extends AuditContent {
  prevHash: string;
  hash: string;
}

/**
 * Checks a run of events in seq order. `expectedPrev` is the hash before the first event
 * (GENESIS_HASH from the start of the log).
 */
export async function verifyChain(
  secret: string,
  events: Iterable<StoredEvent> | AsyncIterable<StoredEvent>,
  start: { prevHash: string; prevSeq: number } = { prevHash: GENESIS_HASH, prevSeq: 0 },
): Promise<{ checked: number; problems: ChainProblem[]; head: { seq: number; hash: string } }> {
  const problems: ChainProblem[] = [];
  let prev = start.prevHash;
  let prevSeq = start.prevSeq;
  let checked = 0;
  for await (const e of events) {
    checked++;
    if (e.seq !== prevSeq + 1) {
      problems.push({
        seq: e.seq,
        problem: 'gap',
        message: `第 ${prevSeq + 1}–${e.seq - 1} 号事件缺失（被删除）`,
      });
    }
    if (e.prevHash !== prev) {
      problems.push({
        seq: e.seq,
        problem: 'broken-link',
        message: `第 ${e.seq} 号事件与前一事件的链接不符`,
      });
    }
    const { prevHash: _p, hash: _h, ...content } = e;
    if (eventHash(secret, e.prevHash, content) !== e.hash) {
      problems.push({ seq: e.seq, problem: 'edited', message: `第 ${e.seq} 号事件的内容被改动` });
    }
    prev = e.hash;
    prevSeq = e.seq;
  }
  return { checked, problems, head: { seq: prevSeq, hash: prev } };
}
