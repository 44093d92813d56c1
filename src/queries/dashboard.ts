// Figures for the back-office dashboard, within the actor's scope.
import { count, desc, eq, like, sql } from 'drizzle-orm';
import type { Actor } from '../domain/agencies/actor.js';
import type { Db } from '../db/client.js';
import { agency, appUser, auditEvent } from '../db/schema.js';
import { can, scopePath } from '../policies/policy.js';

export interface DashboardData {
  agencyCount: number;
  userCount: number;
  disabledUserCount: number;
  /**
   * Whose events `recentEvents` are: everyone's within the actor's scope for who may read the audit
   * log ('audit.view'), otherwise only the actor's own — other people's failed logins, lockouts and
   * password resets are audit-log reading.
   */
  recentEventsOf: 'scope' | 'own';
  recentEvents: {
    seq: number;
    at: string;
    actorLabel: string;
    action: string;
    subjectType: string;
    subjectId: string | null;
    /** The event's data, for naming its subject (a calendar day's date and name, a login). */
    data: Record<string, unknown>;
  }[];
}

export async function dashboardData(db: Db, actor: Actor): Promise<DashboardData> {
  const scope = scopePath(actor);
  const inScope = like(agency.path, `${scope}%`);
  const [a] = await db.select({ n: count() }).from(agency).where(inScope);
  const [u] = await db
    .select({ n: count(), disabled: sql<number>`count(${appUser.disabledAt})` })
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(inScope);
  const recentEventsOf = can(actor, 'audit.view') ? 'scope' : 'own';
  const events = await db
    .select({
      seq: auditEvent.seq,
      at: auditEvent.at,
      actorLabel: auditEvent.actorLabel,
      action: auditEvent.action,
      subjectType: auditEvent.subjectType,
      subjectId: auditEvent.subjectId,
      data: auditEvent.data,
    })
    .from(auditEvent)
    .leftJoin(agency, eq(agency.id, auditEvent.agencyId))
    .where(
      recentEventsOf === 'own' ? eq(auditEvent.actorId, actor.userId) : scope === '/' ? undefined : inScope,
    )
    .orderBy(desc(auditEvent.seq))
    .limit(8);
  return {
    agencyCount: Number(a?.n ?? 0),
    userCount: Number(u?.n ?? 0),
    disabledUserCount: Number(u?.disabled ?? 0),
    recentEventsOf,
    recentEvents: events.map((e) => ({ ...e, seq: Number(e.seq), at: new Date(e.at).toISOString() })),
  };
}
