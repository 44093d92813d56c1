// Read models of the agency tree.
import { and, asc, eq, like, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency } from '../db/schema.js';

export type AgencyRecord = typeof agency.$inferSelect;

/**
 * The columns lists and trees need. Reading whole rows (contact data, functions text) costs about
 * six times as much on PGlite, and the portal home page reads the whole tree on every request.
 */
const summaryColumns = {
  id: agency.id,
  code: agency.code,
  name: agency.name,
  shortName: agency.shortName,
  kind: agency.kind,
  parentId: agency.parentId,
  path: agency.path,
  sortOrder: agency.sortOrder,
  active: agency.active,
};
export type AgencySummary = Pick<AgencyRecord, keyof typeof summaryColumns>;

export interface AgencyNode extends AgencySummary {
  children: AgencyNode[];
  depth: number;
}

/** Agencies under (and including) `rootPath`, ordered for display; all agencies when rootPath is '/'. */
export async function listAgencies(
  db: Db,
  opts: { rootPath?: string; activeOnly?: boolean } = {},
): Promise<AgencySummary[]> {
  const conds = [];
  if (opts.rootPath && opts.rootPath !== '/') conds.push(like(agency.path, `${opts.rootPath}%`));
  if (opts.activeOnly) conds.push(eq(agency.active, true));
  return db
    .select(summaryColumns)
    .from(agency)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(
      asc(sql`array_length(string_to_array(trim(both '/' from ${agency.path}), '/'), 1)`),
      asc(agency.sortOrder),
      asc(agency.id),
    );
}

/** Builds the forest of the given agencies (roots are those whose parent is not in the list). */
export function toTree(rows: AgencySummary[]): AgencyNode[] {
  const byId = new Map<number, AgencyNode>();
  for (const r of rows) byId.set(r.id, { ...r, children: [], depth: 0 });
  const roots: AgencyNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId != null ? byId.get(node.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (n: AgencyNode, d: number) => {
    n.depth = d;
    n.children.sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
    n.children.forEach((c) => setDepth(c, d + 1));
  };
  roots.forEach((r) => setDepth(r, 0));
  return roots;
}

export async function findAgencyByCode(db: Db, code: string): Promise<AgencyRecord | undefined> {
  const [r] = await db.select().from(agency).where(eq(agency.code, code));
  return r;
}

export async function findAgencyById(db: Db, id: number): Promise<AgencyRecord | undefined> {
  const [r] = await db.select().from(agency).where(eq(agency.id, id));
  return r;
}

/** The chain of ancestors from the root down to (excluding) the agency, for breadcrumbs. */
export async function agencyAncestors(db: Db, a: AgencyRecord): Promise<AgencyRecord[]> {
  const ids = a.path
    .split('/')
    .filter(Boolean)
    .map(Number)
    .filter((id) => id !== a.id);
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(agency)
    .where(or(...ids.map((id) => eq(agency.id, id))));
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is AgencyRecord => !!r);
}
