// Staff users for the API, a keyset page at a time. Only the columns the API may show are selected:
// never the password hash or the failed-login counter.
import { and, asc, eq, gt, like, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency, appUser } from '../db/schema.js';

export interface UserSummary {
  id: number;
  login: string;
  displayName: string;
  role: string;
  agencyCode: string;
  agencyName: string;
  agencyPath: string;
  disabledAt: Date | null;
  lockedUntil: Date | null;
  createdAt: Date;
}

async function select(db: Db, where: SQL | undefined, limit?: number): Promise<UserSummary[]> {
  let q = db
    .select({
      id: appUser.id,
      login: appUser.login,
      displayName: appUser.displayName,
      role: appUser.role,
      agencyCode: agency.code,
      agencyName: agency.name,
      agencyPath: agency.path,
      disabledAt: appUser.disabledAt,
      lockedUntil: appUser.lockedUntil,
      createdAt: appUser.createdAt,
    })
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(where)
    .orderBy(asc(appUser.id))
    .$dynamic();
  if (limit !== undefined) q = q.limit(limit);
  return q;
}

/** Users of agencies under `scopePath` with ids greater than `after`, and whether more follow. */
export async function pageUsers(db: Db, opts: { scopePath: string; after: number; limit: number }) {
  const scope = opts.scopePath === '/' ? undefined : like(agency.path, `${opts.scopePath}%`);
  const found = await select(db, and(scope, gt(appUser.id, opts.after)), opts.limit + 1);
  return { items: found.slice(0, opts.limit), more: found.length > opts.limit };
}

/** Logins are unique case-insensitively (app_user_login_uq). */
export async function findUserSummary(db: Db, login: string): Promise<UserSummary | undefined> {
  const [r] = await select(db, sql`lower(${appUser.login}) = lower(${login})`);
  return r;
}
