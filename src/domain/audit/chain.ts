// The audit log is hash-chained: each event's hash is an HMAC over the previous event's hash and the
// event's own canonical content, so editing or deleting an event breaks every later link.
import { createHmac } from 'node:crypto';
import { headIsAuthentic, type SignedHead } from './head.js';

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
  /** truncated / head-mismatch / head-invalid: found only against a head recorded outside the table. */
  problem: 'edited' | 'gap' | 'broken-link' | 'truncated' | 'head-mismatch' | 'head-invalid';
  message: string;
}

export interface StoredEvent extends AuditContent {
  prevHash: string;
  hash: string;
}

/**
 * Checks a run of events in seq order. `start` is the hash before the first event (GENESIS_HASH from
 * the start of the log). With `recorded`, a head kept outside the table, it also checks that the log
 * still reaches that head: deleting the newest events leaves a whole chain, shorter than the head.
 */
export async function verifyChain(
  secret: string,
  events: Iterable<StoredEvent> | AsyncIterable<StoredEvent>,
  start: { prevHash: string; prevSeq: number } = { prevHash: GENESIS_HASH, prevSeq: 0 },
  recorded?: SignedHead,
): Promise<{ checked: number; problems: ChainProblem[]; head: { seq: number; hash: string } }> {
  const problems: ChainProblem[] = [];
  let prev = start.prevHash;
  let prevSeq = start.prevSeq;
  let checked = 0;
  const authentic = recorded ? headIsAuthentic(secret, recorded) : false;
  if (recorded && !authentic)
    problems.push({
      seq: recorded.seq,
      problem: 'head-invalid',
      message: '所给链头记录的签名无效：不是用本系统的审计密钥签发的，或已被改动',
    });
  for await (const e of events) {
    checked++;
    if (recorded && authentic && e.seq === recorded.seq && e.hash !== recorded.hash)
      problems.push({
        seq: e.seq,
        problem: 'head-mismatch',
        message: `第 ${e.seq} 号事件与记录的链头不符（该事件或其之前的事件被改写，或日志被重建）`,
      });
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
  if (recorded && authentic && prevSeq < recorded.seq)
    problems.push({
      seq: recorded.seq,
      problem: 'truncated',
      message:
        prevSeq === 0
          ? `记录的链头为第 ${recorded.seq} 号事件，日志中已没有任何事件：全部 ${recorded.seq} 条事件被删除`
          : `记录的链头为第 ${recorded.seq} 号事件，日志只到第 ${prevSeq} 号：最新的 ${recorded.seq - prevSeq} 条事件（第 ${prevSeq + 1}–${recorded.seq} 号）被删除`,
    });
  return { checked, problems, head: { seq: prevSeq, hash: prev } };
}
