// Appends to and reads the hash-chained audit log. Appends take a transaction-scoped advisory lock so
// that concurrent writers (several app instances on PostgreSQL) extend the chain one at a time: the
// lock, then (in a statement of its own, so that it sees the commit of the previous holder) the last
// event, then the insert; the lock is held until the commit.
import { asc, gt } from 'drizzle-orm';
import { eventHash, GENESIS_HASH, type AuditContent, type StoredEvent } from '../../domain/audit/chain.js';
import type { Executor } from '../client.js';
import { auditEvent } from '../schema.js';
import { run, statement } from '../statements.js';

const AUDIT_LOCK_KEY = 7_402_119; // arbitrary, fixed: "the audit chain"

export type NewAuditEvent = Omit<AuditContent, 'seq' | 'at'> & { at: Date };

const LOCK = statement('audit_lock', 'select pg_advisory_xact_lock($1::bigint)');
const LAST = statement('audit_last', 'select seq, hash from audit_event order by seq desc limit 1');

/** The columns of audit_event in the order of auditEventParams. */
const AUDIT_EVENT_COLUMNS =
  'seq, "at", actor_id, actor_label, action, subject_type, subject_id, agency_id, data, request_id, prev_hash, hash';

/** `$n` placeholders for AUDIT_EVENT_COLUMNS, numbered from `first`. */
function auditEventPlaceholders(first: number): string {
  const casts = ['::bigint', '::timestamptz', '::int', '', '', '', '', '::int', '::jsonb', '', '', ''];
  return casts.map((cast, i) => `$${first + i}${cast}`).join(', ');
}

/** The values of a linked event for AUDIT_EVENT_COLUMNS. */
function auditEventParams(e: StoredEvent): unknown[] {
  return [
    e.seq,
    e.at,
    e.actorId,
    e.actorLabel,
    e.action,
    e.subjectType,
    e.subjectId,
    e.agencyId,
    JSON.stringify(e.data),
    e.requestId,
    e.prevHash,
    e.hash,
  ];
}

const INSERT = statement(
  'audit_insert',
  `insert into audit_event (${AUDIT_EVENT_COLUMNS}) values (${auditEventPlaceholders(1)})`,
);

/**
 * Takes the chain's lock (held until the commit) and reads its last event. The caller links its
 * event to it (linkAuditEvent) and inserts it in the same transaction.
 */
export async function lockAuditChain(tx: Executor): Promise<{ seq: number; hash: string }> {
  await run(tx, LOCK, [AUDIT_LOCK_KEY]);
  const [last] = await run<{ seq: unknown; hash: string }>(tx, LAST, []);
  return last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}

/** The event after `last`, with its hash. */
export function linkAuditEvent(
  secret: string,
  last: { seq: number; hash: string },
  e: NewAuditEvent,
): StoredEvent {
  const content: AuditContent = {
    ...e,
    seq: last.seq + 1,
    at: e.at.toISOString(),
    data: JSON.parse(JSON.stringify(e.data ?? {})) as unknown,
  };
  return { ...content, prevHash: last.hash, hash: eventHash(secret, last.hash, content) };
}

export async function insertAuditEvent(tx: Executor, e: StoredEvent): Promise<void> {
  await run(tx, INSERT, auditEventParams(e));
}

const INSERT_MANY = statement(
  'audit_insert_many',
  `insert into audit_event (${AUDIT_EVENT_COLUMNS})
   select seq, "at", actor_id, actor_label, action, subject_type, subject_id, agency_id, data, request_id, prev_hash, hash
   from jsonb_to_recordset($1::jsonb) as e(seq bigint, "at" timestamptz, actor_id int, actor_label text,
     action text, subject_type text, subject_id text, agency_id int, data jsonb, request_id text,
     prev_hash text, hash text)`,
);

/** Inserts events linked one after another (Audit.link) in one statement. */
export async function insertAuditEvents(tx: Executor, events: readonly StoredEvent[]): Promise<void> {
  if (events.length === 1) return insertAuditEvent(tx, events[0]!);
  const rows = events.map((e) => ({
    seq: e.seq,
    at: e.at,
    actor_id: e.actorId,
    actor_label: e.actorLabel,
    action: e.action,
    subject_type: e.subjectType,
    subject_id: e.subjectId,
    agency_id: e.agencyId,
    data: e.data,
    request_id: e.requestId,
    prev_hash: e.prevHash,
    hash: e.hash,
  }));
  await run(tx, INSERT_MANY, [JSON.stringify(rows)]);
}

export async function appendAuditEvent(tx: Executor, secret: string, e: NewAuditEvent): Promise<StoredEvent> {
  const linked = linkAuditEvent(secret, await lockAuditChain(tx), e);
  await insertAuditEvent(tx, linked);
  return linked;
}

export function toStoredEvent(row: typeof auditEvent.$inferSelect): StoredEvent {
  return {
    seq: Number(row.seq),
    at: new Date(row.at).toISOString(),
    actorId: row.actorId,
    actorLabel: row.actorLabel,
    action: row.action,
    subjectType: row.subjectType,
    subjectId: row.subjectId,
    agencyId: row.agencyId,
    data: row.data,
    requestId: row.requestId,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Reads the whole log in seq order, a page at a time (it may be large). */
export async function* readAuditLog(db: Executor, pageSize = 2000): AsyncGenerator<StoredEvent> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvent)
      .where(gt(auditEvent.seq, after))
      .orderBy(asc(auditEvent.seq))
      .limit(pageSize);
    for (const r of rows) yield toStoredEvent(r);
    if (rows.length < pageSize) return;
    after = Number(rows[rows.length - 1]!.seq);
  }
}
