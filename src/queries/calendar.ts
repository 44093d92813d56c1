// Read models of the working-day calendar: the WorkCalendar the clock counts on, the per-year
// status, and the entries staff may see.
import { and, asc, eq, inArray, isNull, like, notLike, or } from 'drizzle-orm';
import type { Actor } from '../domain/agencies/actor.js';
import {
  buildWorkCalendar,
  type CalendarDay,
  type CalendarDayKind,
  type WorkCalendar,
} from '../domain/calendar/index.js';
import type { Db, Executor } from '../db/client.js';
import { agency, appUser, calendarDay, calendarYear } from '../db/schema.js';
import { scopePath } from '../policies/policy.js';
import { isPackageSource, PACKAGE_SOURCE_PREFIX, sourceForPeople } from './official-calendar-package.js';

/** The ids of a materialised path, root first: "/1/7/42/" → [1, 7, 42]. */
function pathIds(path: string): number[] {
  return path.split('/').filter(Boolean).map(Number).filter(Number.isInteger);
}

function toDay(row: typeof calendarDay.$inferSelect): CalendarDay {
  return {
    date: row.date,
    workday: row.workday,
    name: row.name,
    kind: row.kind as CalendarDayKind,
    source: row.source,
  };
}

/**
 * National days, then the overrides of the agency's ancestors and of the agency itself, most local
 * last (later entries win in buildWorkCalendar). Without `agencyPath`: national days only.
 */
export async function loadWorkCalendar(db: Executor, agencyPath?: string): Promise<WorkCalendar> {
  const national = await db
    .select()
    .from(calendarDay)
    .where(isNull(calendarDay.agencyId))
    .orderBy(asc(calendarDay.date));
  const ids = agencyPath ? pathIds(agencyPath) : [];
  const local =
    ids.length > 0 ? await db.select().from(calendarDay).where(inArray(calendarDay.agencyId, ids)) : [];
  local.sort((a, b) => ids.indexOf(a.agencyId!) - ids.indexOf(b.agencyId!) || (a.date < b.date ? -1 : 1));
  const years = await officialYears(db);
  return buildWorkCalendar([...national, ...local].map(toDay), years);
}

export async function officialYears(db: Executor): Promise<number[]> {
  const rows = await db
    .select({ year: calendarYear.year })
    .from(calendarYear)
    .where(eq(calendarYear.official, true));
  return rows.map((r) => r.year).sort((a, b) => a - b);
}

export interface CalendarYearStatus {
  year: number;
  official: boolean;
  source: string | null;
  loadedAt: Date | null;
}

/** Every year from `from` through `to`, with its status (a year without a row is not official). */
export async function calendarYearStatus(db: Db, from: number, to: number): Promise<CalendarYearStatus[]> {
  const rows = await db.select().from(calendarYear);
  const byYear = new Map(rows.map((r) => [r.year, r]));
  const last = Math.max(to, ...rows.map((r) => r.year));
  const out: CalendarYearStatus[] = [];
  for (let year = from; year <= last; year++) {
    const r = byYear.get(year);
    out.push({
      year,
      official: r?.official ?? false,
      source: r?.source ? sourceForPeople(r.source) : null,
      loadedAt: r?.loadedAt ?? null,
    });
  }
  return out;
}

/** Today in China Standard Time (UTC+8, no daylight saving): the day staff and applicants live in. */
export function chinaToday(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/**
 * Years whose official data is missing and should be: the current year always, next year from
 * 1 November (the State Council notice usually appears in November or December).
 */
export async function missingCalendarYears(db: Executor, now: Date): Promise<number[]> {
  const today = chinaToday(now);
  const year = Number(today.slice(0, 4));
  const due = today.slice(5) >= '11-01' ? [year, year + 1] : [year];
  const official = new Set(await officialYears(db));
  return due.filter((y) => !official.has(y));
}

export interface CalendarEntry {
  id: number;
  date: string;
  workday: boolean;
  name: string | null;
  kind: string;
  source: string;
  /** Null for a national entry. */
  agencyId: number | null;
  agencyName: string | null;
  agencyPath: string | null;
  createdByName: string | null;
  createdAt: Date;
  /** A national row copied from the package (cannot be deleted). */
  fromPackage: boolean;
}

const entryColumns = {
  id: calendarDay.id,
  date: calendarDay.date,
  workday: calendarDay.workday,
  name: calendarDay.name,
  kind: calendarDay.kind,
  source: calendarDay.source,
  agencyId: calendarDay.agencyId,
  agencyName: agency.name,
  agencyPath: agency.path,
  createdByName: appUser.displayName,
  createdAt: calendarDay.createdAt,
};

function entries(db: Executor) {
  return db
    .select(entryColumns)
    .from(calendarDay)
    .leftJoin(agency, eq(agency.id, calendarDay.agencyId))
    .leftJoin(appUser, eq(appUser.id, calendarDay.createdBy));
}

const withOrigin = (r: Omit<CalendarEntry, 'fromPackage'>): CalendarEntry => ({
  ...r,
  source: sourceForPeople(r.source),
  fromPackage: r.agencyId === null && isPackageSource(r.source),
});

/**
 * Entries entered by staff that the actor may see: the agency overrides in the actor's subtree (all
 * of them for a system administrator) and the national entries entered by hand (everyone).
 */
export async function listCalendarEntries(db: Db, actor: Actor): Promise<CalendarEntry[]> {
  const scope = scopePath(actor);
  const rows = await entries(db)
    .where(
      or(
        like(agency.path, `${scope}%`),
        and(isNull(calendarDay.agencyId), notLike(calendarDay.source, `${PACKAGE_SOURCE_PREFIX}%`)),
      ),
    )
    .orderBy(asc(calendarDay.date), asc(calendarDay.id));
  return rows.map(withOrigin);
}

export async function findCalendarEntry(db: Executor, id: number): Promise<CalendarEntry | undefined> {
  const [row] = await entries(db).where(eq(calendarDay.id, id));
  return row ? withOrigin(row) : undefined;
}
