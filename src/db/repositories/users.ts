// Staff users, with the materialised path of their agency (the root of their scope).
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../domain/agencies/actor.js';
import type { Role } from '../../domain/agencies/roles.js';
import type { Executor } from '../client.js';
import { agency, appUser, session } from '../schema.js';

export type UserRow = typeof appUser.$inferSelect & { agencyPath: string; agencyName: string };

const userWithAgency = {
  user: appUser,
  agencyPath: agency.path,
  agencyName: agency.name,
};

export async function findUserByLogin(db: Executor, login: string): Promise<UserRow | undefined> {
  const [r] = await db
    .select(userWithAgency)
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(sql`lower(${appUser.login}) = lower(${login})`);
  return r && { ...r.user, agencyPath: r.agencyPath, agencyName: r.agencyName };
}

export async function findUserById(db: Executor, id: number): Promise<UserRow | undefined> {
  const [r] = await db
    .select(userWithAgency)
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(eq(appUser.id, id));
  return r && { ...r.user, agencyPath: r.agencyPath, agencyName: r.agencyName };
}

export function toActor(u: UserRow): Actor {
  return {
    userId: u.id,
    login: u.login,
    displayName: u.displayName,
    role: u.role as Role,
    agencyId: u.agencyId,
    agencyName: u.agencyName,
    agencyPath: u.agencyPath,
  };
}

/** Every user as the actor it acts as, by login (the demo loaders name their actors by login). */
export async function actorsByLogin(db: Executor): Promise<Map<string, Actor>> {
  const rows = await db
    .select(userWithAgency)
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId));
  return new Map(
    rows.map((r) => [
      r.user.login,
      toActor({ ...r.user, agencyPath: r.agencyPath, agencyName: r.agencyName }),
    ]),
  );
}

/** The actor behind a session token hash, if the session is live and the user is enabled. */
export async function findSessionUser(db: Executor, idHash: string, now: Date) {
  const [r] = await db
    .select({ ...userWithAgency, lastSeenAt: session.lastSeenAt, createdAt: session.createdAt })
    .from(session)
    .innerJoin(appUser, eq(appUser.id, session.userId))
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(and(eq(session.idHash, idHash), gt(session.expiresAt, now), isNull(appUser.disabledAt)));
  if (!r) return undefined;
  return {
    user: { ...r.user, agencyPath: r.agencyPath, agencyName: r.agencyName },
    lastSeenAt: r.lastSeenAt,
    createdAt: r.createdAt,
  };
}
