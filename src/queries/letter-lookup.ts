// The writer's own view of a letter: with the tracking number and the query code, and nothing else
// (the same answer, null, for an unknown number as for a wrong code; the code is compared in
// constant time either way). What the writer sees: their letter, its state and due date, the steps
// they are told of, the reply with its date and the unit that answered, and whether they may rate it.
import { timingSafeEqual } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { WRITER_VISIBLE_EVENTS, type LetterEventType } from '../domain/letters/events.js';
import type { LetterKind, LetterState, Satisfaction, TriageOutcome } from '../domain/letters/kinds.js';
import { hashLetterQueryCode, normaliseLetterTrackingNumber } from '../domain/letters/tracking.js';
import { canTake, letterView } from '../domain/letters/view.js';
import type { Db } from '../db/client.js';
import { findLetterIdByTracking, loadLetter, type LoadedLetter } from '../db/repositories/letters.js';
import { agency } from '../db/schema.js';
import { localDate } from '../lib/time.js';
import { cachedWorkCalendar } from './calendar-cache.js';
import { mailboxRules } from '../domain/letters/view.js';

export interface WriterLetter {
  id: number;
  trackingNumber: string;
  mailboxCode: string;
  mailboxName: string;
  kind: LetterKind;
  title: string;
  content: string;
  receivedOn: IsoDate;
  state: LetterState;
  triage: TriageOutcome;
  acceptedOn: IsoDate | null;
  /** While open: the due date (with approved extensions). */
  dueDate: IsoDate | null;
  replyText: string | null;
  repliedOn: IsoDate | null;
  replyAgencyName: string | null;
  satisfaction: Satisfaction | null;
  satisfactionComment: string | null;
  canRate: boolean;
  /** The steps the writer is told of, in order (assignments and reviews are internal). */
  history: { type: LetterEventType; on: IsoDate }[];
}

/** The letter the writer holds the tracking number and query code of, or null. */
export async function writerLetter(
  db: Db,
  trackingNumber: string,
  queryCode: string,
): Promise<LoadedLetter | null> {
  const id = await findLetterIdByTracking(db, normaliseLetterTrackingNumber(trackingNumber));
  const given = Buffer.from(hashLetterQueryCode(queryCode), 'hex');
  if (id === null) {
    timingSafeEqual(given, given);
    return null;
  }
  const loaded = await loadLetter(db, id);
  const stored = Buffer.from(loaded.letter.queryCodeHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored) ? loaded : null;
}

/**
 * What the writer may see of their letter, or null — the same for an unknown number as for a wrong
 * code. `today`: the local day (defaults to now's).
 */
export async function lookupLetter(
  db: Db,
  trackingNumber: string,
  queryCode: string,
  today: IsoDate = localDate(new Date()),
): Promise<WriterLetter | null> {
  const loaded = await writerLetter(db, trackingNumber, queryCode);
  if (!loaded) return null;
  const l = loaded.letter;
  const calendar = await cachedWorkCalendar(db, loaded.agencyPath);
  const view = letterView(loaded.facts, mailboxRules(loaded.mailbox), calendar, today);
  let replyAgencyName: string | null = null;
  if (l.replyAgencyId) {
    const [a] = await db.select({ name: agency.name }).from(agency).where(eq(agency.id, l.replyAgencyId));
    replyAgencyName = a?.name ?? null;
  } else if (view.repliedOn) replyAgencyName = loaded.agencyName;
  return {
    id: l.id,
    trackingNumber: l.trackingNumber,
    mailboxCode: loaded.mailbox.code,
    mailboxName: loaded.mailbox.name,
    kind: l.kind as LetterKind,
    title: l.title,
    content: l.content,
    receivedOn: l.receivedOn,
    state: view.state,
    triage: view.triage,
    acceptedOn: view.acceptedOn,
    dueDate: view.dueDate,
    replyText: view.replyText,
    repliedOn: view.repliedOn,
    replyAgencyName,
    satisfaction: (l.satisfaction as Satisfaction | null) ?? null,
    satisfactionComment: l.satisfactionComment,
    canRate: canTake(view, 'rated'),
    history: loaded.facts
      .filter((e) => WRITER_VISIBLE_EVENTS.includes(e.type))
      .map((e) => ({ type: e.type, on: e.on })),
  };
}
