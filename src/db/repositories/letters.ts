// Rows of the letters module (docs/letters.md): loading a letter with its mailbox and its steps,
// appending a step under optimistic locking, the number of the day, and messages about a letter.
import { and, asc, eq, like, sql } from 'drizzle-orm';
import { Conflict, NotFound } from '../../domain/errors.js';
import type { LetterEvent } from '../../domain/letters/events.js';
import type { Executor, Tx } from '../client.js';
import { agency, letter, letterEvent, mailbox, outbox } from '../schema.js';

export type LetterRow = typeof letter.$inferSelect;
export type LetterEventRow = typeof letterEvent.$inferSelect;
export type MailboxRow = typeof mailbox.$inferSelect;

export interface LoadedLetter {
  letter: LetterRow;
  /** The responsible agency (letter.agencyId): the scope. */
  agencyPath: string;
  agencyName: string;
  mailbox: MailboxRow;
  /** The mailbox's agency (its office triages the letters). */
  mailboxAgencyPath: string;
  mailboxAgencyName: string;
  events: LetterEventRow[];
  /** The steps as domain events, in order. */
  facts: LetterEvent[];
}

/** The letter with its mailbox and steps; NotFound when there is none. */
export async function loadLetter(db: Executor, id: number): Promise<LoadedLetter> {
  const [row] = await db
    .select({ letter, agencyPath: agency.path, agencyName: agency.name, mailbox })
    .from(letter)
    .innerJoin(agency, eq(agency.id, letter.agencyId))
    .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
    .where(eq(letter.id, id));
  if (!row) throw new NotFound();
  const [mb] = await db
    .select({ path: agency.path, name: agency.name })
    .from(agency)
    .where(eq(agency.id, row.mailbox.agencyId));
  const events = await db
    .select()
    .from(letterEvent)
    .where(eq(letterEvent.letterId, id))
    .orderBy(asc(letterEvent.seq));
  return {
    ...row,
    mailboxAgencyPath: mb!.path,
    mailboxAgencyName: mb!.name,
    events,
    facts: events.map(factOf),
  };
}

/** The domain event of a stored step: its type and day, with its data. */
export function factOf(e: LetterEventRow): LetterEvent {
  return { ...(e.data as object), type: e.type, on: e.on } as LetterEvent;
}

export async function findLetterIdByTracking(db: Executor, trackingNumber: string): Promise<number | null> {
  const [row] = await db
    .select({ id: letter.id })
    .from(letter)
    .where(eq(letter.trackingNumber, trackingNumber));
  return row?.id ?? null;
}

/**
 * Takes the letter from `version` to `version + 1` (Conflict when someone else changed it since it
 * was read), setting the given columns. Call first in the transaction: the row stays locked.
 */
export async function bumpLetterVersion(
  tx: Tx,
  id: number,
  version: number,
  set: Partial<typeof letter.$inferInsert> = {},
  at: Date = new Date(),
): Promise<LetterRow> {
  const [row] = await tx
    .update(letter)
    .set({ ...set, version: sql`${letter.version} + 1`, updatedAt: at })
    .where(and(eq(letter.id, id), eq(letter.version, version)))
    .returning();
  if (!row) throw new Conflict('该信件已被他人更新，请刷新页面查看最新情况后重试');
  return row;
}

/** Appends a step (its data: the event without type and day). */
export async function appendLetterEvent(
  tx: Tx,
  input: {
    letterId: number;
    seq: number;
    event: LetterEvent;
    note?: string | null;
    actorId: number | null;
    actorAgencyId: number | null;
    at: Date;
  },
): Promise<LetterEventRow> {
  const { type, on, ...data } = input.event;
  const [row] = await tx
    .insert(letterEvent)
    .values({
      letterId: input.letterId,
      seq: input.seq,
      type,
      on,
      data: data as Record<string, unknown>,
      note: input.note ?? null,
      actorId: input.actorId,
      actorAgencyId: input.actorAgencyId,
      recordedAt: input.at,
    })
    .returning();
  return row!;
}

/**
 * The next number of the day for tracking numbers starting with `dayPrefix` (prefix + YYYYMMDD).
 * Takes a transaction-wide advisory lock first, so two letters of the same day never get the same
 * number (the lock is released at the commit).
 */
export async function nextNumberOfDay(tx: Tx, dayPrefix: string): Promise<number> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${'letter-tracking:' + dayPrefix}))`);
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(letter)
    .where(like(letter.trackingNumber, `${dayPrefix}%`));
  return Number(row?.n ?? 0) + 1;
}

export interface LetterMessage {
  topic: string;
  letterId: number;
  userId?: number | null;
  agencyId?: number | null;
  /** Encrypted e-mail address; null: shown in the back office only. */
  recipientEnc?: string | null;
  subject: string;
  body: string;
  dedupeKey?: string | null;
}

/** Writes a message about a letter to the outbox; false when its dedupe key exists already. */
export async function enqueueLetterMessage(tx: Tx, m: LetterMessage): Promise<boolean> {
  const rows = await tx
    .insert(outbox)
    .values({
      topic: m.topic,
      letterId: m.letterId,
      userId: m.userId ?? null,
      agencyId: m.agencyId ?? null,
      recipientEnc: m.recipientEnc ?? null,
      subject: m.subject,
      body: m.body,
      dedupeKey: m.dedupeKey ?? null,
      status: m.recipientEnc ? 'pending' : 'held',
    })
    .onConflictDoNothing({ target: outbox.dedupeKey })
    .returning({ id: outbox.id });
  return rows.length > 0;
}
