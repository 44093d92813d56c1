// Mailboxes as the letters' commands and pages load them: by code (the public form, the API) or by
// id, with the agency whose office triages the letters and the rules letterView needs.
import { asc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { agency, mailbox } from '../db/schema.js';
import { mailboxRules } from '../domain/letters/view.js';
import type { LetterRules } from '../domain/letters/kinds.js';

export type MailboxRecord = typeof mailbox.$inferSelect;

export interface LoadedMailbox {
  mailbox: MailboxRecord;
  agencyName: string;
  agencyCode: string;
  agencyPath: string;
  agencyActive: boolean;
  rules: LetterRules;
}

const selection = {
  mailbox,
  agencyName: agency.name,
  agencyCode: agency.code,
  agencyPath: agency.path,
  agencyActive: agency.active,
};

export async function mailboxByCode(db: Executor, code: string): Promise<LoadedMailbox | null> {
  const [row] = await db
    .select(selection)
    .from(mailbox)
    .innerJoin(agency, eq(agency.id, mailbox.agencyId))
    .where(eq(mailbox.code, code.trim()));
  return row ? { ...row, rules: mailboxRules(row.mailbox) } : null;
}

export async function mailboxById(db: Executor, id: number): Promise<LoadedMailbox | null> {
  const [row] = await db
    .select(selection)
    .from(mailbox)
    .innerJoin(agency, eq(agency.id, mailbox.agencyId))
    .where(eq(mailbox.id, id));
  return row ? { ...row, rules: mailboxRules(row.mailbox) } : null;
}

/** Every mailbox, in their order (sortOrder, then id); `activeOnly` for the portal. */
export async function allMailboxes(db: Executor, opts: { activeOnly?: boolean } = {}) {
  const rows = await db
    .select(selection)
    .from(mailbox)
    .innerJoin(agency, eq(agency.id, mailbox.agencyId))
    .orderBy(asc(mailbox.sortOrder), asc(mailbox.id));
  return rows
    .filter((r) => !opts.activeOnly || (r.mailbox.active && r.agencyActive))
    .map((r) => ({ ...r, rules: mailboxRules(r.mailbox) }));
}
