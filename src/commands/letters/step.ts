// One handling step of a letter, the same way for every command (docs/letters.md): load the letter,
// authorize on its scope, check the step is allowed in its state, then in one transaction take the
// letter from the version the actor saw to the next one (Conflict on a stale version) with its cache
// columns recomputed from the steps and the calendar, append the dated step with its actor, write
// the audit event and the messages.
//
// Scope: a letter is in the scope of the agency responsible for it now (letter.agency_id, the
// 承办单位 once assigned) and also of the mailbox's agency — the office that triaged it and answers
// to the writer for it keeps seeing, reviewing and supervising the letters it assigned away.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { AnyActor } from '../../domain/agencies/actor.js';
import { isSystem } from '../../domain/agencies/actor.js';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.js';
import { NotFound } from '../../domain/errors.js';
import type { LetterEvent, LetterEventType } from '../../domain/letters/events.js';
import {
  assertCanTake,
  letterView,
  letterViewColumns,
  mailboxRules,
  type LetterView,
} from '../../domain/letters/view.js';
import type { Tx } from '../../db/client.js';
import {
  appendLetterEvent,
  bumpLetterVersion,
  enqueueLetterMessage,
  loadLetter,
  type LetterMessage,
  type LetterRow,
  type LoadedLetter,
} from '../../db/repositories/letters.js';
import type { letter } from '../../db/schema.js';
import { agency, appUser } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize, inScope, type Action } from '../../policies/policy.js';
import { cachedWorkCalendar } from '../../queries/calendar-cache.js';
import { inTransaction, type Audit, type AuditInput, type CommandContext, type Deps } from '../context.js';

/** The path the actor is authorized on: the responsible agency's, else the mailbox agency's. */
export function letterScope(actor: AnyActor, loaded: LoadedLetter): { agencyPath: string } {
  if (inScope(actor, { agencyPath: loaded.agencyPath })) return { agencyPath: loaded.agencyPath };
  return { agencyPath: loaded.mailboxAgencyPath };
}

/** Loads the letter and asserts the right on it (NotFound outside both scopes). */
export async function loadForStep(deps: Deps, ctx: CommandContext, letterId: number, right: Action) {
  const loaded = await loadLetter(deps.db, letterId);
  authorize(ctx.actor, right, letterScope(ctx.actor, loaded));
  const today = localDate(deps.now());
  const calendar = await cachedWorkCalendar(deps.db, loaded.agencyPath);
  const view = letterView(loaded.facts, mailboxRules(loaded.mailbox), calendar, today);
  return { loaded, today, calendar, view };
}

export interface StepPlan {
  /** The step(s) to append, in order (a review approval appends reviewApproved and replied). */
  events: LetterEvent[];
  note?: string | null;
  /** Columns besides the cache columns (agency, reply, publication, …). */
  set?: Partial<typeof letter.$inferInsert>;
  audit: Omit<AuditInput, 'subjectType' | 'subjectId'>;
  /** Messages, made from the letter as updated. */
  messages?: (row: LetterRow, tx: Tx) => LetterMessage[] | Promise<LetterMessage[]>;
  /** More writes in the same transaction (e.g. the Q&A reuse count). */
  also?: (tx: Tx, audit: Audit) => Promise<void>;
}

export interface StepResult {
  id: number;
  version: number;
  view: LetterView;
}

/**
 * Appends the plan's steps to the letter loaded at `version`. The first event's type is checked
 * against the state (assertCanTake); the calendar is the responsible agency's after the step.
 */
export async function takeStep(
  deps: Deps,
  ctx: CommandContext,
  s: { loaded: LoadedLetter; today: IsoDate; calendar: WorkCalendar; view: LetterView },
  version: number,
  plan: StepPlan,
): Promise<StepResult> {
  assertCanTake(s.view, plan.events[0]!.type);
  const now = deps.now();
  const { loaded, today } = s;
  const facts = [...loaded.facts, ...plan.events];
  const newAgencyId = plan.set?.agencyId ?? loaded.letter.agencyId;
  let calendar = s.calendar;
  if (newAgencyId !== loaded.letter.agencyId) {
    const [a] = await deps.db.select({ path: agency.path }).from(agency).where(eq(agency.id, newAgencyId));
    if (!a) throw new NotFound();
    calendar = await cachedWorkCalendar(deps.db, a.path);
  }
  const view = letterView(facts, mailboxRules(loaded.mailbox), calendar, today);
  const actor = isSystem(ctx.actor) ? null : ctx.actor;
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await bumpLetterVersion(
      tx,
      loaded.letter.id,
      version,
      { ...plan.set, ...letterViewColumns(view, today) },
      now,
    );
    let seq = loaded.events.length;
    for (const event of plan.events)
      await appendLetterEvent(tx, {
        letterId: row.id,
        seq: ++seq,
        event,
        note: plan.note ?? null,
        actorId: actor?.userId ?? null,
        actorAgencyId: actor?.agencyId ?? null,
        at: now,
      });
    await audit({
      ...plan.audit,
      subjectType: 'letter',
      subjectId: row.id,
      agencyId: plan.audit.agencyId ?? row.agencyId,
      data: { trackingNumber: row.trackingNumber, ...plan.audit.data },
    });
    if (plan.also) await plan.also(tx, audit);
    for (const m of plan.messages ? await plan.messages(row, tx) : []) await enqueueLetterMessage(tx, m);
    return { id: row.id, version: row.version, view };
  });
}

/** Officers and office heads of an agency (who handle its letters), active ones. */
export async function handlersOf(tx: Tx, agencyId: number): Promise<{ id: number; displayName: string }[]> {
  return tx
    .select({ id: appUser.id, displayName: appUser.displayName })
    .from(appUser)
    .where(
      and(
        eq(appUser.agencyId, agencyId),
        inArray(appUser.role, ['officer', 'office_head']),
        isNull(appUser.disabledAt),
      ),
    );
}

/** The agency, when it exists and is active (InvalidInput otherwise is the caller's). */
export async function activeAgency(
  deps: Deps,
  id: number,
): Promise<{ id: number; name: string; path: string } | null> {
  const [a] = await deps.db
    .select({ id: agency.id, name: agency.name, path: agency.path, active: agency.active })
    .from(agency)
    .where(eq(agency.id, id));
  return a && a.active ? { id: a.id, name: a.name, path: a.path } : null;
}

/**
 * Whether the actor may hand the letter to the agency at `path` (assign, accept with a unit, the
 * leader's instruction): an agency of the actor's own scope. Anything else is a 转办.
 */
export function withinReach(actor: AnyActor, _loaded: LoadedLetter, path: string): boolean {
  return inScope(actor, { agencyPath: path });
}

export type { LetterEventType };
