// What intake reads for every application besides the calendar: the agency named by its code and
// the notice template of the receipt (登记回执). Cached per process and per public version, as
// src/queries/calendar-cache.ts keeps calendars: every change of an agency is an audited command
// whose action bumps the public version counter in its transaction, and so does saving a notice
// template ('notice.templateUpdated', src/commands/context.ts). The caller reads the counter BEFORE
// calling (intake reads it in the statement that takes the application's id), so nothing is filed
// under a version older than its data.
import { and, eq, isNull, or, sql } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { agency, noticeTemplate } from '../db/schema.js';

export interface IntakeAgency {
  id: number;
  code: string;
  path: string;
  active: boolean;
  name: string;
  shortName: string | null;
  phone: string | null;
  address: string | null;
}

/** A template as stored (the agency's own or the installation's); null: the built-in one. */
export type StoredTemplate = { title: string; body: string } | null;

interface Slot {
  version: number;
  agencies: Map<string, Promise<IntakeAgency | null>>;
  templates: Map<string, Promise<StoredTemplate>>;
}

const slots = new WeakMap<object, Slot>();
/** Entries kept per version; beyond that a map starts again (never unbounded). */
const MAX_ENTRIES = 5000;

function slotFor(db: Db, version: number): Slot | null {
  let slot = slots.get(db);
  if (!slot || version > slot.version) {
    slot = { version, agencies: new Map(), templates: new Map() };
    slots.set(db, slot);
  } else if (version < slot.version) {
    // A reader that saw an older counter than another request of this process: no caching.
    return null;
  }
  return slot;
}

function cached<T>(map: Map<string, Promise<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const hit = map.get(key);
  if (hit) return hit;
  if (map.size >= MAX_ENTRIES) map.clear();
  const loading = load();
  map.set(key, loading);
  loading.catch(() => map.delete(key));
  return loading;
}

function loadAgency(db: Db, code: string): Promise<IntakeAgency | null> {
  return db
    .select({
      id: agency.id,
      code: agency.code,
      path: agency.path,
      active: agency.active,
      name: agency.name,
      shortName: agency.shortName,
      phone: agency.phone,
      address: agency.address,
    })
    .from(agency)
    .where(eq(agency.code, code))
    .then(([row]) => row ?? null);
}

/** The agency with this code as of public version `version`; null when there is none (not kept). */
export function intakeAgency(db: Db, version: number, code: string): Promise<IntakeAgency | null> {
  const slot = slotFor(db, version);
  if (!slot) return loadAgency(db, code);
  const agencies = slot.agencies;
  return cached(agencies, code, () =>
    loadAgency(db, code).then((found) => {
      // An unknown code is asked again next time (and unknown codes cannot fill the map).
      if (!found) agencies.delete(code);
      return found;
    }),
  );
}

/**
 * The stored template `key` of the agency: its own, else the installation's (agency NULL); one read,
 * own first. Intake reads it through the cache below; issuing a notice reads it in its transaction.
 */
export function storedTemplate(db: Executor, agencyId: number, key: string): Promise<StoredTemplate> {
  return db
    .select({ title: noticeTemplate.title, body: noticeTemplate.body })
    .from(noticeTemplate)
    .where(
      and(
        eq(noticeTemplate.kind, key),
        or(eq(noticeTemplate.agencyId, agencyId), isNull(noticeTemplate.agencyId)),
      ),
    )
    .orderBy(sql`${noticeTemplate.agencyId} is null`)
    .limit(1)
    .then(([row]) => row ?? null);
}

/** The stored template `key` in force for the agency as of public version `version`. */
export function intakeTemplate(
  db: Db,
  version: number,
  agencyId: number,
  key: string,
): Promise<StoredTemplate> {
  const slot = slotFor(db, version);
  const load = () => storedTemplate(db, agencyId, key);
  return slot ? cached(slot.templates, `${agencyId}:${key}`, load) : load();
}
