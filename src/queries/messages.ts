// 消息 of the back office (issue 9.6): the actor's own messages (reminders: staff have no e-mail
// address here, so theirs are kept in the back office) and, for who handles applications, the
// messages to applicants of the actor's subtree that were not sent — held (no mail server, or no
// address) or failed — so that the office can reach the applicant another way. Addresses masked.
import { and, count, desc, eq, inArray, isNull, like, type SQL } from 'drizzle-orm';
import type { Actor } from '../domain/agencies/actor.js';
import type { Executor } from '../db/client.js';
import { agency, application, outbox } from '../db/schema.js';
import { maskEmail } from '../lib/mailer.js';
import type { PersonalDataCipher } from '../lib/personal-data.js';
import { can, scopePath } from '../policies/policy.js';

export type MessageStatus = 'pending' | 'sent' | 'failed' | 'held';

export interface MessageItem {
  id: number;
  topic: string;
  subject: string;
  body: string;
  status: MessageStatus;
  /** The applicant's address, masked; null for a staff member's message or an applicant without one. */
  recipient: string | null;
  lastError: string | null;
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
  readAt: Date | null;
  application: { id: number; trackingNumber: string } | null;
  agencyName: string | null;
}

export interface MessagesPage {
  mine: MessageItem[];
  unread: number;
  /** Unsent messages to applicants of the actor's subtree; null when the actor does not handle applications. */
  applicants: MessageItem[] | null;
}

const LIMIT = 100;

/** Unread messages of the actor: the count of the back-office navigation (one indexed count). */
export async function unreadMessageCount(db: Executor, userId: number): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(outbox)
    .where(and(eq(outbox.userId, userId), isNull(outbox.readAt)));
  return Number(row?.n ?? 0);
}

/** Whether the actor sees the unsent messages to applicants of its subtree. */
export function seesApplicantMessages(actor: Actor): boolean {
  return can(actor, 'application.handle');
}

/** The condition of the applicant messages the actor may see and mark (its subtree, unsent). */
export function applicantMessageScope(actor: Actor): SQL {
  const where = [isNull(outbox.userId), inArray(outbox.status, ['held', 'failed'])];
  const path = scopePath(actor);
  if (path !== '/') where.push(like(agency.path, `${path}%`));
  return and(...where)!;
}

export async function listMessages(
  db: Executor,
  actor: Actor,
  personalData: Pick<PersonalDataCipher, 'decrypt'>,
): Promise<MessagesPage> {
  const columns = {
    id: outbox.id,
    topic: outbox.topic,
    subject: outbox.subject,
    body: outbox.body,
    status: outbox.status,
    recipientEnc: outbox.recipientEnc,
    lastError: outbox.lastError,
    attempts: outbox.attempts,
    createdAt: outbox.createdAt,
    sentAt: outbox.sentAt,
    readAt: outbox.readAt,
    applicationId: application.id,
    trackingNumber: application.trackingNumber,
    agencyName: agency.name,
  };
  const mine = db
    .select(columns)
    .from(outbox)
    .leftJoin(application, eq(application.id, outbox.applicationId))
    .leftJoin(agency, eq(agency.id, outbox.agencyId))
    .where(eq(outbox.userId, actor.userId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(LIMIT);
  const applicants = seesApplicantMessages(actor)
    ? db
        .select(columns)
        .from(outbox)
        .innerJoin(agency, eq(agency.id, outbox.agencyId))
        .leftJoin(application, eq(application.id, outbox.applicationId))
        .where(applicantMessageScope(actor))
        .orderBy(desc(outbox.createdAt), desc(outbox.id))
        .limit(LIMIT)
    : null;
  const [mineRows, applicantRows, unread] = await Promise.all([
    mine,
    applicants,
    unreadMessageCount(db, actor.userId),
  ]);
  const toItem = (r: Awaited<typeof mine>[number]): MessageItem => ({
    id: r.id,
    topic: r.topic,
    subject: r.subject,
    body: r.body,
    status: r.status as MessageStatus,
    recipient: maskedRecipient(personalData, r.recipientEnc),
    lastError: r.lastError,
    attempts: r.attempts,
    createdAt: r.createdAt,
    sentAt: r.sentAt,
    readAt: r.readAt,
    application:
      r.applicationId && r.trackingNumber ? { id: r.applicationId, trackingNumber: r.trackingNumber } : null,
    agencyName: r.agencyName,
  });
  return {
    mine: mineRows.map(toItem),
    unread,
    applicants: applicantRows ? applicantRows.map(toItem) : null,
  };
}

function maskedRecipient(p: Pick<PersonalDataCipher, 'decrypt'>, enc: string | null): string | null {
  if (!enc) return null;
  try {
    return maskEmail(p.decrypt(enc));
  } catch {
    return '（无法读取）';
  }
}
