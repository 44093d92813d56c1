// The working-day calendar of an agency, cached per process and checked against the shared public
// version on every call, so that it stays right with several instances on one PostgreSQL.
//
// loadWorkCalendar (./calendar.ts) costs three queries and the mapping of every calendar row; intake
// and the inbox need it on every request. Every change of calendar data is an audited command whose
// action bumps the public version counter in the same transaction (src/commands/context.ts:
// 'calendar.day-saved', 'calendar.day-deleted', 'calendar.year-marked-official',
// 'calendar.official-synced'; moving an agency, which changes its path, too). So one primary-key
// read of that counter tells whether a cached calendar may still be used: the counter is read
// BEFORE the calendar rows, so a calendar is never filed under a version older than its data.
// The one change made without a bump — the first seed of the official days into an empty database —
// is covered by never caching a calendar without official years.
import type { WorkCalendar } from '../domain/calendar/index.js';
import type { Db } from '../db/client.js';
import { loadWorkCalendar } from './calendar.js';
import { readPublicVersion } from './public-version.js';

interface Slot {
  version: number;
  calendars: Map<string, Promise<WorkCalendar>>;
}

/** Per database handle (tests open many databases in one process). */
const slots = new WeakMap<object, Slot>();
/** Agencies' calendars kept per version; beyond that the cache starts again (never unbounded). */
const MAX_ENTRIES = 2000;

/**
 * The same WorkCalendar as `loadWorkCalendar(db, agencyPath)`, from the cache when the public
 * version has not changed since it was loaded. Pass the database handle, not a transaction: a
 * transaction's own uncommitted calendar changes must be read by loadWorkCalendar itself.
 */
export async function cachedWorkCalendar(
  db: Db,
  agencyPath?: string,
  /** The public version when the caller has just read it (intake reads it with the next id). */
  knownVersion?: number,
): Promise<WorkCalendar> {
  const version = knownVersion ?? (await readPublicVersion(db));
  let slot = slots.get(db);
  if (!slot || version > slot.version) {
    slot = { version, calendars: new Map() };
    slots.set(db, slot);
  } else if (version < slot.version) {
    // A reader that saw an older counter than another request of this process: load without caching.
    return loadWorkCalendar(db, agencyPath);
  }
  const key = agencyPath ?? '';
  const hit = slot.calendars.get(key);
  if (hit) return hit;
  if (slot.calendars.size >= MAX_ENTRIES) slot.calendars.clear();
  const calendars = slot.calendars;
  const loading = loadWorkCalendar(db, agencyPath).then((calendar) => {
    if (calendar.officialYears.length === 0) calendars.delete(key);
    return calendar;
  });
  calendars.set(key, loading);
  loading.catch(() => calendars.delete(key));
  return loading;
}
