// Read models of staff users, scoped to the actor's subtree.
import { asc, eq, like } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency, appUser } from '../db/schema.js';

export interface UserListItem {
  id: number;
  login: string;
  displayName: string;
  role: string;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  agencyPath: string;
  disabled: boolean;
  lockedUntil: Date | null;
  createdAt: Date;
}

export async function listUsers(db: Db, scopePath = '/'): Promise<UserListItem[]> {
  const rows = await db
    .select({
      id: appUser.id,
      login: appUser.login,
      displayName: appUser.displayName,
      role: appUser.role,
      agencyId: appUser.agencyId,
      agencyCode: agency.code,
      agencyName: agency.name,
      agencyPath: agency.path,
      disabledAt: appUser.disabledAt,
      lockedUntil: appUser.lockedUntil,
      createdAt: appUser.createdAt,
    })
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(scopePath === '/' ? undefined : like(agency.path, `${scopePath}%`))
    .orderBy(asc(agency.path), asc(appUser.login));
  return rows.map(({ disabledAt, ...r }) => ({ ...r, disabled: disabledAt != null }));
}
