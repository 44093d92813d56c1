// Copies the official holiday arrangements of the chinese-days package into calendar_day and marks
// the years it covers official (design rule 3). Runs at every start; idempotent. A national row an
// administrator entered by hand (its source is a notice, not the package) is never overwritten:
// a State Council notice entered before a package release wins.
import { eq, isNull, sql } from 'drizzle-orm';
import type { CalendarDay } from '../domain/calendar/index.js';
import { calendarDay, calendarYear } from '../db/schema.js';
import type { Tx } from '../db/client.js';
import {
  isPackageSource,
  packageCalendar,
  type PackageCalendar,
} from '../queries/official-calendar-package.js';
import { inTransaction, type Deps } from './context.js';

const SYNC_LOCK_KEY = 7_402_120; // arbitrary, fixed: "the calendar sync" (several instances may start at once)
const SYSTEM = { system: true as const, label: '系统（官方节假日数据同步）' };

export interface SyncResult {
  inserted: number;
  updated: number;
  removed: number;
  /** Package days left alone because a hand-entered national row exists for the date. */
  keptByHand: number;
  /** Years newly marked official (or whose package source changed). */
  years: number[];
}

type Row = typeof calendarDay.$inferSelect;

export async function syncOfficialCalendar(
  deps: Deps,
  data: PackageCalendar = packageCalendar(),
): Promise<SyncResult> {
  return inTransaction(deps, { actor: SYSTEM }, async (tx, audit) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SYNC_LOCK_KEY})`);
    const yearsBefore = await tx.select().from(calendarYear);
    const existing = await tx.select().from(calendarDay).where(isNull(calendarDay.agencyId));
    const r = await syncDays(tx, existing, data.days);
    const years = await syncYears(tx, yearsBefore, data, deps.now());
    const result = { ...r, years };
    const changed = r.inserted + r.updated + r.removed + years.length > 0;
    // The first seed of an empty database is not an event worth a log line; a later change of the
    // official data (a package upgrade) is.
    if (changed && yearsBefore.length > 0) {
      await audit({
        action: 'calendar.official-synced',
        subjectType: 'calendar',
        subjectId: data.source,
        data: { ...result },
      });
    }
    return result;
  });
}

async function syncDays(tx: Tx, existing: Row[], days: CalendarDay[]): Promise<Omit<SyncResult, 'years'>> {
  const byDate = new Map(existing.map((row) => [row.date, row]));
  const wanted = new Set(days.map((d) => d.date));
  const inserts: CalendarDay[] = [];
  let updated = 0;
  let keptByHand = 0;
  for (const d of days) {
    const row = byDate.get(d.date);
    if (!row) inserts.push(d);
    else if (!isPackageSource(row.source)) keptByHand++;
    else if (
      row.workday !== d.workday ||
      row.name !== d.name ||
      row.kind !== d.kind ||
      row.source !== d.source
    ) {
      await tx
        .update(calendarDay)
        .set({ workday: d.workday, name: d.name, kind: d.kind, source: d.source })
        .where(eq(calendarDay.id, row.id));
      updated++;
    }
  }
  if (inserts.length > 0) {
    const values = inserts.map((d) => ({
      date: d.date,
      workday: d.workday,
      name: d.name,
      kind: d.kind,
      source: d.source,
    }));
    await tx.insert(calendarDay).values(values).onConflictDoNothing();
  }
  // A package row the package no longer has was corrected upstream.
  const stale = existing.filter((row) => isPackageSource(row.source) && !wanted.has(row.date));
  for (const row of stale) await tx.delete(calendarDay).where(eq(calendarDay.id, row.id));
  return { inserted: inserts.length, updated, removed: stale.length, keptByHand };
}

async function syncYears(
  tx: Tx,
  before: (typeof calendarYear.$inferSelect)[],
  data: PackageCalendar,
  now: Date,
): Promise<number[]> {
  const known = new Map(before.map((y) => [y.year, y]));
  const changed: number[] = [];
  for (const year of data.years) {
    const row = known.get(year);
    if (!row) {
      await tx
        .insert(calendarYear)
        .values({ year, official: true, source: data.source, loadedAt: now })
        .onConflictDoNothing();
    } else if (!row.official || (isPackageSource(row.source) && row.source !== data.source)) {
      // A year entered by hand and already official keeps its notice as the source.
      await tx
        .update(calendarYear)
        .set({ official: true, source: data.source, loadedAt: now })
        .where(eq(calendarYear.year, year));
    } else continue;
    changed.push(year);
  }
  return changed;
}
