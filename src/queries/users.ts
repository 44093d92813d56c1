// Read models of staff users, scoped to the actor's subtree.
import { and, asc, eq, like, type SQL } from 'drizzle-orm';
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

export interface UserFilter {
  /** Users of exactly this agency. */
  agencyId?: number;
  role?: string;
}

const listColumns = {
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
};

export async function listUsers(db: Db, scopePath = '/', filter: UserFilter = {}): Promise<UserListItem[]> {
  const conds: SQL[] = [];
  if (scopePath !== '/') conds.push(like(agency.path, `${scopePath}%`));
  if (filter.agencyId != null) conds.push(eq(appUser.agencyId, filter.agencyId));
  if (filter.role) conds.push(eq(appUser.role, filter.role));
  const rows = await db
    .select(listColumns)
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(agency.path), asc(appUser.login));
  return rows.map(({ disabledAt, ...r }) => ({ ...r, disabled: disabledAt != null }));
}

export interface UserDetail extends UserListItem {
  mustChangePassword: boolean;
  failedLogins: number;
  disabledAt: Date | null;
  passwordChangedAt: Date | null;
  updatedAt: Date;
}

/** One user with their agency (no password hash). Scope is checked by the caller. */
export async function findUserDetail(db: Db, id: number): Promise<UserDetail | undefined> {
  const [r] = await db
    .select({
      ...listColumns,
      mustChangePassword: appUser.mustChangePassword,
      failedLogins: appUser.failedLogins,
      passwordChangedAt: appUser.passwordChangedAt,
      updatedAt: appUser.updatedAt,
    })
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(eq(appUser.id, id));
  return r && { ...r, disabled: r.disabledAt != null };
}

/** 正常 / 已停用 / 已锁定: what an administrator needs to know about an account right now. */
export type UserStatus = 'active' | 'disabled' | 'locked';

export function userStatus(u: { disabled: boolean; lockedUntil: Date | null }, now: Date): UserStatus {
  if (u.disabled) return 'disabled';
  if (u.lockedUntil && u.lockedUntil > now) return 'locked';
  return 'active';
}
