// The audit log as a feed for integrations that mirror it: events after a sequence number, in order.
// Scoped like the back office: the whole log for a system admin, otherwise the events recorded
// against an agency in the actor's subtree.
import { and, asc, eq, gt, like } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency, auditEvent } from '../db/schema.js';

export type AuditFeedItem = typeof auditEvent.$inferSelect & { agencyCode: string | null };

export async function auditFeed(db: Db, opts: { scopePath: string; after: number; limit: number }) {
  const scope = opts.scopePath === '/' ? undefined : like(agency.path, `${opts.scopePath}%`);
  const found = await db
    .select({ e: auditEvent, agencyCode: agency.code })
    .from(auditEvent)
    // Events without an agency belong to the whole system: the scope's LIKE drops them (NULL).
    .leftJoin(agency, eq(agency.id, auditEvent.agencyId))
    .where(and(scope, gt(auditEvent.seq, opts.after)))
    .orderBy(asc(auditEvent.seq))
    .limit(opts.limit + 1);
  const items: AuditFeedItem[] = found
    .slice(0, opts.limit)
    .map((r) => ({ ...r.e, agencyCode: r.agencyCode }));
  return { items, more: found.length > opts.limit };
}
