// Rows of the applications module (docs/applications.md): loading a case with its facts, appending a
// fact under optimistic locking, and the derived cache columns.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { CaseEvent, CaseView } from '../../domain/applications/state.js';
import { Conflict, NotFound } from '../../domain/errors.js';
import type { Executor, Tx } from '../client.js';
import { agency, application, applicationEvent } from '../schema.js';
import { run, statement } from '../statements.js';
import { PUBLIC_VERSION_KEY } from './public-version.js';

export type ApplicationRow = typeof application.$inferSelect;
export type EventRow = typeof applicationEvent.$inferSelect;

export interface LoadedCase {
  app: ApplicationRow;
  agencyPath: string;
  agencyName: string;
  agencyCode: string;
  events: EventRow[];
  facts: CaseEvent[];
}

/** The application and its facts in order; NotFound when there is none. */
export async function loadCase(db: Executor, id: number): Promise<LoadedCase> {
  const [row] = await db
    .select({ app: application, agencyPath: agency.path, agencyName: agency.name, agencyCode: agency.code })
    .from(application)
    .innerJoin(agency, eq(agency.id, application.agencyId))
    .where(eq(application.id, id));
  // The same answer as for a case outside the actor's scope (policy.authorize): nothing tells them apart.
  if (!row) throw new NotFound();
  const events = await db
    .select()
    .from(applicationEvent)
    .where(eq(applicationEvent.applicationId, id))
    .orderBy(asc(applicationEvent.seq));
  return { ...row, events, facts: events.map((e) => e.data as unknown as CaseEvent) };
}

export async function findApplicationIdByTracking(
  db: Executor,
  trackingNumber: string,
): Promise<number | null> {
  const [row] = await db
    .select({ id: application.id })
    .from(application)
    .where(eq(application.trackingNumber, trackingNumber));
  return row?.id ?? null;
}

/** The cache columns from a freshly computed view. */
export function viewColumns(view: CaseView, today: string) {
  return {
    state: view.state,
    dueDate: view.deadline.closedOn ? null : view.deadline.dueDate,
    outcome: view.outcome,
    concludedOn: view.concludedOn,
    viewComputedOn: today,
  };
}

/**
 * Takes the application from `version` to `version + 1` (or fails with Conflict when someone else
 * changed it since it was read), setting the given columns. Call first in the transaction: the row
 * stays locked until the commit, so the fact appended next cannot be appended twice.
 */
export async function bumpVersion(
  tx: Tx,
  id: number,
  version: number,
  set: Partial<typeof application.$inferInsert> = {},
): Promise<ApplicationRow> {
  const [row] = await tx
    .update(application)
    .set({ ...set, version: sql`${application.version} + 1`, updatedAt: new Date() })
    .where(and(eq(application.id, id), eq(application.version, version)))
    .returning();
  if (!row) throw new Conflict('该申请已被他人更新，请刷新页面查看最新情况后重试');
  return row;
}

export async function appendEvent(
  tx: Tx,
  input: {
    applicationId: number;
    seq: number;
    event: CaseEvent;
    note?: string | null;
    recordedBy: number | null;
    at: Date;
  },
): Promise<EventRow> {
  const [row] = await tx
    .insert(applicationEvent)
    .values({
      applicationId: input.applicationId,
      seq: input.seq,
      type: input.event.type,
      on: input.event.on,
      data: input.event as unknown as Record<string, unknown>,
      note: input.note ?? null,
      recordedBy: input.recordedBy,
      recordedAt: input.at,
    })
    .returning();
  return row!;
}

/** The next id of the application table (the tracking number is made from it before the insert). */
export async function nextApplicationId(tx: Tx): Promise<number> {
  const r = await tx.execute(sql`select nextval(pg_get_serial_sequence('application', 'id'))::int as id`);
  const rows = (Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { id: number }[];
  return Number(rows[0]!.id);
}

const RESERVE = statement(
  'application_reserve',
  `select nextval(pg_get_serial_sequence('application', 'id'))::int as id,
          (select value #>> '{}' from app_setting where key = $1::text) as version`,
);

/**
 * The next application id, taken before the transaction (a sequence never rolls back anyway), with
 * the public version counter (src/db/repositories/public-version.ts) read in the same round trip:
 * intake's caches of agencies, calendars, rules and templates are checked against it.
 */
export async function reserveApplicationId(db: Executor): Promise<{ id: number; publicVersion: number }> {
  const [row] = await run<{ id: unknown; version: unknown }>(db, RESERVE, [PUBLIC_VERSION_KEY]);
  return { id: Number(row!.id), publicVersion: row!.version == null ? 0 : Number(row!.version) };
}
