// Appends to and reads the hash-chained audit log. Appends take a transaction-scoped advisory lock so
// that concurrent writers (several app instances on PostgreSQL) extend the chain one at a time.
import { asc, desc, gt, sql } from 'drizzle-orm';
import { eventHash, GENESIS_HASH, type AuditContent, type StoredEvent } from '../../domain/audit/chain.js';
import type { Executor } from '../client.js';
import { auditEvent } from '../schema.js';

const AUDIT_LOCK_KEY = 7_402_119; // arbitrary, fixed: "the audit chain"

export type NewAuditEvent = Omit<AuditContent, 'seq' | 'at'> & { at: Date };

export async function appendAuditEvent(tx: Executor, secret: string, e: NewAuditEvent): Promise<StoredEvent> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
  const [last] = await tx
    .select({ seq: auditEvent.seq, hash: auditEvent.hash })
    .from(auditEvent)
    .orderBy(desc(auditEvent.seq))
    .limit(1);
  const content: AuditContent = {
    ...e,
    seq: (last?.seq ?? 0) + 1,
    at: e.at.toISOString(),
    data: JSON.parse(JSON.stringify(e.data ?? {})) as unknown,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = eventHash(secret, prevHash, content);
  await tx.insert(auditEvent).values({
    ...content,
    data: content.data as Record<string, unknown>,
    prevHash,
    hash,
  });
  return { ...content, prevHash, hash };
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
