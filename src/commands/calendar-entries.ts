// Staff entries in the working-day calendar: an agency override (e.g. a local closure, applying to
// the agency's subtree) or — system administrator only — a national day of a State Council notice
// entered before the package has it. Saving a date that already has an entry of the same scope
// replaces it; everything is audited.
import { and, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../domain/agencies/actor.js';
import { Conflict, InvalidInput, NotFound } from '../domain/errors.js';
import type { Tx } from '../db/client.js';
import { agency, calendarDay } from '../db/schema.js';
import { authorize, authorizeAction } from '../policies/policy.js';
import { findCalendarEntry } from '../queries/calendar.js';
import { packageCalendar } from '../queries/official-calendar-package.js';
import {
  calendarDate,
  entryKind,
  entryName,
  entryScope,
  entrySource,
  parseWorkday,
} from './calendar-entry-fields.js';
import { inTransaction, type Deps } from './context.js';
import { parseInput } from './validation.js';

export interface StaffContext {
  actor: Actor;
  requestId?: string;
}

const EntryForm = z.object({
  date: calendarDate,
  workday: z.unknown().transform((v, c) => {
    const w = parseWorkday(v);
    if (w === undefined) c.addIssue({ code: 'custom', message: '请选择上班或放假' });
    return w ?? false;
  }),
  name: entryName,
  source: entrySource,
  scope: entryScope,
});
/** The form as submitted (strings from a browser); parsed and checked here. */
export type EntryInput = Partial<Record<keyof z.input<typeof EntryForm>, unknown>>;

/** Loads the agency a scope names and checks the actor may manage it; null = national. */
export async function authorizeScope(
  tx: Tx,
  actor: Actor,
  agencyId: number | null,
): Promise<{ id: number; path: string } | null> {
  if (agencyId === null) {
    authorizeAction(actor, 'calendar.manageNational');
    return null;
  }
  const [a] = await tx
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.id, agencyId));
  if (!a) throw new InvalidInput({ scope: '所选机构不存在' });
  authorize(actor, 'calendar.manage', { agencyPath: a.path });
  return a;
}

export interface DayValues {
  date: string;
  workday: boolean;
  name: string;
  source: string;
}

/** Inserts or replaces the entry of (date, scope); returns the stored row and what it replaced. */
export async function saveDay(tx: Tx, actor: Actor, scope: number | null, d: DayValues, now: Date) {
  const kind = entryKind(d.date, d.workday, scope === null);
  const values = { ...d, kind, agencyId: scope, createdBy: actor.userId, createdAt: now };
  const sameScope = scope === null ? isNull(calendarDay.agencyId) : eq(calendarDay.agencyId, scope);
  const [before] = await tx
    .select()
    .from(calendarDay)
    .where(and(eq(calendarDay.date, d.date), sameScope));
  if (before) {
    const [row] = await tx.update(calendarDay).set(values).where(eq(calendarDay.id, before.id)).returning();
    return { row: row!, before };
  }
  const [row] = await tx.insert(calendarDay).values(values).returning();
  return { row: row!, before: null };
}

export async function addCalendarEntry(deps: Deps, ctx: StaffContext, input: EntryInput) {
  const f = parseInput(EntryForm, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    await authorizeScope(tx, ctx.actor, f.scope);
    const { row, before } = await saveDay(tx, ctx.actor, f.scope, f, deps.now());
    const pick = (r: typeof row) => ({
      date: r.date,
      workday: r.workday,
      name: r.name,
      kind: r.kind,
      source: r.source,
      agencyId: r.agencyId,
    });
    await audit({
      action: 'calendar.day-saved',
      subjectType: 'calendar_day',
      subjectId: row.id,
      agencyId: row.agencyId,
      data: { before: before ? pick(before) : null, after: pick(row) },
    });
    return row;
  });
}

/** Deletes a staff entry. Package rows are the official data and cannot be deleted. */
export async function deleteCalendarEntry(deps: Deps, ctx: StaffContext, id: number) {
  return inTransaction(deps, ctx, async (tx, audit) => {
    const entry = await findCalendarEntry(tx, id);
    if (!entry) throw new NotFound();
    if (entry.agencyId === null) {
      if (entry.fromPackage)
        throw new Conflict('国务院节假日安排的官方数据不能删除；如通知有变化，请录入新的安排覆盖该日期。');
      authorizeAction(ctx.actor, 'calendar.manageNational');
    } else {
      authorize(ctx.actor, 'calendar.manage', { agencyPath: entry.agencyPath ?? '' });
    }
    await tx.delete(calendarDay).where(eq(calendarDay.id, id));
    // A hand-entered national day hid the package's entry for that date: bring it back at once.
    const official =
      entry.agencyId === null ? packageCalendar().days.find((d) => d.date === entry.date) : undefined;
    if (official)
      await tx
        .insert(calendarDay)
        .values({ ...official })
        .onConflictDoNothing();
    const { date, workday, name, kind, source, agencyId } = entry;
    await audit({
      action: 'calendar.day-deleted',
      subjectType: 'calendar_day',
      subjectId: id,
      agencyId,
      data: {
        before: { date, workday, name, kind, source, agencyId },
        restoredOfficial: official ? official.source : null,
      },
    });
    return entry;
  });
}
