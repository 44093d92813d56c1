// The audit log viewer's read model: newest first, filtered, paginated and scoped — a system
// administrator sees every event, everyone else the events filed under an agency of their subtree.
import { and, count, desc, eq, gte, ilike, inArray, like, lt, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency, appUser, auditEvent, gazetteIssue } from '../db/schema.js';

export const AUDIT_PAGE_SIZE = 50;

export interface AuditFilter {
  /** Action prefix, e.g. "user." or "auth.login". */
  action?: string;
  subjectType?: string;
  /** Part of the actor's label (name or login). */
  actor?: string;
  /** Instants: from inclusive, to exclusive. */
  from?: Date;
  to?: Date;
  page?: number;
}

export interface AuditRow {
  seq: number;
  at: string;
  actorLabel: string;
  action: string;
  subjectType: string;
  subjectId: string | null;
  /** Name of the subject when it is an agency or user in the viewer's scope. */
  subjectName: string | null;
  data: Record<string, unknown>;
}

export interface AuditPage {
  events: AuditRow[];
  /** Current names of agencies and users the events' data refer to (agencyId, parentId), in scope: `agency:12` → name. */
  names: Record<string, string>;
  total: number;
  page: number;
  pages: number;
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

function conditions(scopePath: string, f: AuditFilter): SQL[] {
  const c: SQL[] = [];
  if (scopePath !== '/') {
    c.push(
      inArray(
        auditEvent.agencyId,
        sql`(select ${agency.id} from ${agency} where ${agency.path} like ${`${escapeLike(scopePath)}%`})`,
      ),
    );
  }
  if (f.action) c.push(like(auditEvent.action, `${escapeLike(f.action)}%`));
  if (f.subjectType) c.push(eq(auditEvent.subjectType, f.subjectType));
  if (f.actor) c.push(ilike(auditEvent.actorLabel, `%${escapeLike(f.actor)}%`));
  if (f.from) c.push(gte(auditEvent.at, f.from.toISOString()));
  if (f.to) c.push(lt(auditEvent.at, f.to.toISOString()));
  return c;
}

export async function listAuditEvents(db: Db, scopePath: string, f: AuditFilter = {}): Promise<AuditPage> {
  const where = and(...conditions(scopePath, f));
  const [n] = await db.select({ n: count() }).from(auditEvent).where(where);
  const total = Number(n?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(f.page ?? 1)), pages);
  const rows = await db
    .select()
    .from(auditEvent)
    .where(where)
    .orderBy(desc(auditEvent.seq))
    .limit(AUDIT_PAGE_SIZE)
    .offset((page - 1) * AUDIT_PAGE_SIZE);
  const names = await auditSubjectNames(db, scopePath, [...rows, ...rows.flatMap(referencedAgencies)]);
  const events = rows.map((r) => ({
    seq: Number(r.seq),
    at: new Date(r.at).toISOString(),
    actorLabel: r.actorLabel,
    action: r.action,
    subjectType: r.subjectType,
    subjectId: r.subjectId,
    subjectName: names.get(`${r.subjectType}:${r.subjectId}`) ?? null,
    data: r.data,
  }));
  return { events, total, page, pages, names: Object.fromEntries(names) };
}

/** The agencies an event's data refers to (agencyId, parentId, also inside before/after). */
function referencedAgencies(r: {
  data: Record<string, unknown>;
}): { subjectType: string; subjectId: string }[] {
  const out: { subjectType: string; subjectId: string }[] = [];
  for (const part of [r.data, r.data.before, r.data.after]) {
    if (typeof part !== 'object' || part === null) continue;
    for (const key of ['agencyId', 'parentId']) {
      const v = (part as Record<string, unknown>)[key];
      if (typeof v === 'number') out.push({ subjectType: 'agency', subjectId: String(v) });
    }
  }
  return out;
}

/** Current names of the agencies and users the page's events are about (only those in scope). */
export async function auditSubjectNames(
  db: Db,
  scopePath: string,
  rows: { subjectType: string; subjectId: string | null }[],
): Promise<Map<string, string>> {
  const ids = (type: string) => [
    ...new Set(
      rows
        .filter((r) => r.subjectType === type && /^\d+$/.test(r.subjectId ?? ''))
        .map((r) => Number(r.subjectId)),
    ),
  ];
  const inScope = like(agency.path, `${escapeLike(scopePath)}%`);
  const names = new Map<string, string>();
  const agencyIds = ids('agency');
  if (agencyIds.length) {
    const found = await db
      .select({ id: agency.id, name: agency.name })
      .from(agency)
      .where(and(inArray(agency.id, agencyIds), inScope));
    for (const a of found) names.set(`agency:${a.id}`, a.name);
  }
  const userIds = ids('user');
  if (userIds.length) {
    const found = await db
      .select({ id: appUser.id, name: appUser.displayName, login: appUser.login })
      .from(appUser)
      .innerJoin(agency, eq(agency.id, appUser.agencyId))
      .where(and(inArray(appUser.id, userIds), inScope));
    for (const u of found) names.set(`user:${u.id}`, `${u.name}（${u.login}）`);
  }
  const issueIds = ids('gazette_issue');
  if (issueIds.length) {
    const found = await db
      .select({
        id: gazetteIssue.id,
        year: gazetteIssue.year,
        number: gazetteIssue.number,
        name: agency.name,
      })
      .from(gazetteIssue)
      .innerJoin(agency, eq(agency.id, gazetteIssue.agencyId))
      .where(and(inArray(gazetteIssue.id, issueIds), inScope));
    for (const g of found) names.set(`gazette_issue:${g.id}`, `${g.name}公报 ${g.year}年第${g.number}期`);
  }
  return names;
}
