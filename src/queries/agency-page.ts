// Agencies of a scope with their parent's code, a keyset page at a time (ordered by id, so a parent
// always comes before its children: a child is created after its parent).
import { and, asc, eq, gt, like, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { agency } from '../db/schema.js';
import type { AgencyRecord } from './agencies.js';

export type AgencyWithParent = AgencyRecord & { parentCode: string | null };

const parent = alias(agency, 'parent');

async function select(db: Db, where: SQL | undefined, limit?: number): Promise<AgencyWithParent[]> {
  let q = db
    .select({ a: agency, parentCode: parent.code })
    .from(agency)
    .leftJoin(parent, eq(parent.id, agency.parentId))
    .where(where)
    .orderBy(asc(agency.id))
    .$dynamic();
  if (limit !== undefined) q = q.limit(limit);
  const found = await q;
  return found.map((r) => ({ ...r.a, parentCode: r.parentCode }));
}

function inScope(scopePath: string): SQL | undefined {
  return scopePath === '/' ? undefined : like(agency.path, `${scopePath}%`);
}

/** One page of the scope: ids greater than `after`, at most `limit`, and whether more follow. */
export async function pageAgencies(db: Db, opts: { scopePath: string; after: number; limit: number }) {
  const found = await select(db, and(inScope(opts.scopePath), gt(agency.id, opts.after)), opts.limit + 1);
  return { items: found.slice(0, opts.limit), more: found.length > opts.limit };
}

/** The whole scope (for the nested tree). */
export function allAgencies(db: Db, scopePath: string): Promise<AgencyWithParent[]> {
  return select(db, inScope(scopePath));
}

export async function findAgencyWithParent(db: Db, code: string): Promise<AgencyWithParent | undefined> {
  const [r] = await select(db, eq(agency.code, code));
  return r;
}
