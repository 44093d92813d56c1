// Mailboxes as the back office configures them (信箱设置): those of the actor's agency subtree, with
// their time limits, warning levels and rules, and how many letters each holds and has open.
import { asc, count, eq, inArray, like, notInArray, sql } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import type { Executor } from '../db/client.js';
import { agency, letter, mailbox } from '../db/schema.js';
import { authorize, authorizeAction, scopePath, type Action } from '../policies/policy.js';

/** States of a letter that is no longer open (answered or filed). */
const CLOSED_STATES = ['replied', 'archived'];

export interface MailboxRow {
  id: number;
  code: string;
  kind: string;
  name: string;
  agencyId: number;
  agencyName: string;
  agencyPath: string;
  leaderName: string | null;
  leaderTitle: string | null;
  intro: string;
  timeLimits: Record<string, number>;
  warnDaysBefore: number;
  yellowDaysAfter: number;
  redDaysAfter: number;
  maxExtensionDays: number;
  reviewRequired: boolean;
  queryCodeLength: number;
  nameRequired: boolean;
  phoneRequired: boolean;
  emailRequired: boolean;
  active: boolean;
  sortOrder: number;
  version: number;
}

export interface MailboxListItem extends MailboxRow {
  letters: number;
  openLetters: number;
}

const columns = {
  id: mailbox.id,
  code: mailbox.code,
  kind: mailbox.kind,
  name: mailbox.name,
  agencyId: mailbox.agencyId,
  agencyName: agency.name,
  agencyPath: agency.path,
  leaderName: mailbox.leaderName,
  leaderTitle: mailbox.leaderTitle,
  intro: mailbox.intro,
  timeLimits: mailbox.timeLimits,
  warnDaysBefore: mailbox.warnDaysBefore,
  yellowDaysAfter: mailbox.yellowDaysAfter,
  redDaysAfter: mailbox.redDaysAfter,
  maxExtensionDays: mailbox.maxExtensionDays,
  reviewRequired: mailbox.reviewRequired,
  queryCodeLength: mailbox.queryCodeLength,
  nameRequired: mailbox.nameRequired,
  phoneRequired: mailbox.phoneRequired,
  emailRequired: mailbox.emailRequired,
  active: mailbox.active,
  sortOrder: mailbox.sortOrder,
  version: mailbox.version,
};

/** The mailboxes of the actor's subtree, for the configuration list (mailbox.configure). */
export async function listMailboxesForAdmin(db: Executor, actor: AnyActor): Promise<MailboxListItem[]> {
  authorizeAction(actor, 'mailbox.configure');
  const scope = scopePath(actor);
  const rows = await db
    .select(columns)
    .from(mailbox)
    .innerJoin(agency, eq(agency.id, mailbox.agencyId))
    .where(scope === '/' ? undefined : like(agency.path, `${scope}%`))
    .orderBy(asc(agency.path), asc(mailbox.sortOrder), asc(mailbox.id));
  const ids = rows.map((r) => r.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .select({
            mailboxId: letter.mailboxId,
            n: count(),
            open: sql<number>`count(*) filter (where ${notInArray(letter.state, CLOSED_STATES)})::int`,
          })
          .from(letter)
          .where(inArray(letter.mailboxId, ids))
          .groupBy(letter.mailboxId);
  const byId = new Map(counts.map((c) => [c.mailboxId, c]));
  return rows.map((r) => ({
    ...r,
    letters: Number(byId.get(r.id)?.n ?? 0),
    openLetters: Number(byId.get(r.id)?.open ?? 0),
  }));
}

/** One mailbox to edit; NotFound outside the actor's subtree. */
export async function mailboxForAdmin(db: Executor, actor: AnyActor, id: number): Promise<MailboxRow> {
  const [row] = await db
    .select(columns)
    .from(mailbox)
    .innerJoin(agency, eq(agency.id, mailbox.agencyId))
    .where(eq(mailbox.id, id));
  authorize(actor, 'mailbox.configure', row ? { agencyPath: row.agencyPath } : null);
  return row!;
}

/**
 * The mailboxes whose letters the actor may see (for the inbox's filter): those of the subtree,
 * and those of the agencies above whose letters were handed down to the subtree are reached
 * through the letters themselves, so only the subtree's own mailboxes are offered.
 */
export async function mailboxOptions(
  db: Executor,
  actor: AnyActor,
  right: Action = 'letter.view',
): Promise<{ id: number; code: string; name: string; agencyName: string; active: boolean }[]> {
  authorizeAction(actor, right);
  const scope = scopePath(actor);
  return db
    .select({
      id: mailbox.id,
      code: mailbox.code,
      name: mailbox.name,
      agencyName: agency.name,
      active: mailbox.active,
    })
    .from(mailbox)
    .innerJoin(agency, eq(agency.id, mailbox.agencyId))
    .where(scope === '/' ? undefined : like(agency.path, `${scope}%`))
    .orderBy(asc(agency.path), asc(mailbox.sortOrder), asc(mailbox.id));
}

/** Active mailboxes of the subtree that staff may enter a letter into (the letter's code is the key). */
export async function mailboxesForEntry(db: Executor, actor: AnyActor) {
  const all = await mailboxOptions(db, actor, 'letter.handle');
  return all.filter((m) => m.active);
}
