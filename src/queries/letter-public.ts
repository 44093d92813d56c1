// Read models of the public side of 政民互动 letters: the active mailboxes (for the portal and the
// API), one mailbox with the rules its form applies, and the published letters. A published letter
// is shown only through its public version — the public title, content and reply an officer edited
// and checked apart from the original — with 受理日期, 答复日期 and 答复单位. Nothing here reads the
// writer's name, phone, e-mail, address or ID: the columns are not selected, so no page or API
// answer built on these rows can carry them.
import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '../db/client.js';
import { agency, letter, mailbox } from '../db/schema.js';

export const LETTER_PAGE_SIZE = 20;
export const MAX_LETTER_PAGE_SIZE = 100;
/** Paging deeper than this is refused (a crawler does not need page 10,000). */
export const MAX_LETTER_PAGE = 500;

export interface PublicMailbox {
  id: number;
  code: string;
  /** leader | agency | supervision */
  kind: string;
  name: string;
  agencyCode: string;
  agencyName: string;
  leaderName: string | null;
  leaderTitle: string | null;
  intro: string;
  timeLimits: Record<string, number>;
  maxExtensionDays: number;
  queryCodeLength: number;
  nameRequired: boolean;
  phoneRequired: boolean;
  emailRequired: boolean;
}

const mailboxColumns = {
  id: mailbox.id,
  code: mailbox.code,
  kind: mailbox.kind,
  name: mailbox.name,
  agencyCode: agency.code,
  agencyName: agency.name,
  leaderName: mailbox.leaderName,
  leaderTitle: mailbox.leaderTitle,
  intro: mailbox.intro,
  timeLimits: mailbox.timeLimits,
  maxExtensionDays: mailbox.maxExtensionDays,
  queryCodeLength: mailbox.queryCodeLength,
  nameRequired: mailbox.nameRequired,
  phoneRequired: mailbox.phoneRequired,
  emailRequired: mailbox.emailRequired,
};

/** The active mailboxes in their order (kind order is the caller's: leader, agency, supervision). */
export async function listPublicMailboxes(db: Db): Promise<PublicMailbox[]> {
  return db
    .select(mailboxColumns)
    .from(mailbox)
    .innerJoin(agency, eq(agency.id, mailbox.agencyId))
    .where(eq(mailbox.active, true))
    .orderBy(asc(mailbox.sortOrder), asc(agency.path), asc(mailbox.id));
}

/** One active mailbox by its public code, or null. */
export async function findPublicMailbox(db: Db, code: string): Promise<PublicMailbox | null> {
  const [m] = await db
    .select(mailboxColumns)
    .from(mailbox)
    .innerJoin(agency, eq(agency.id, mailbox.agencyId))
    .where(and(eq(mailbox.active, true), eq(mailbox.code, code)));
  return m ?? null;
}

/**
 * Published letters only: the office decided to publish (publication) AND the writer agreed
 * (public_consent) AND the letter is answered. The publish command refuses anything else; the
 * extra conditions keep such a row off every public page even if one said otherwise.
 */
export const isPublishedLetter = and(
  eq(letter.publication, 'published'),
  eq(letter.publicConsent, true),
  inArray(letter.state, ['replied', 'archived']),
  sql`${letter.publicTitle} is not null`,
  sql`${letter.repliedOn} is not null`,
)!;

export interface PublishedLetterFilter {
  mailboxId?: number;
  /** The answering unit (答复单位). */
  replyAgencyId?: number;
  /** 'YYYY-MM': letters received in that month. */
  month?: string;
}

export interface PublishedLetter {
  trackingNumber: string;
  mailboxCode: string;
  mailboxName: string;
  kind: string;
  title: string;
  content: string;
  /** 受理日期: the day the clock started, or the day of receipt for a letter answered without it. */
  acceptedOn: string;
  receivedOn: string;
  /** 答复日期, 答复单位 */
  repliedOn: string;
  replyAgencyName: string | null;
  replyAgencyCode: string | null;
  reply: string;
  /** The writer's masked name (张*丰), when given. */
  writerNameMasked: string | null;
  satisfaction: string | null;
}

const replyAgency = alias(agency, 'reply_agency');

const publishedColumns = {
  trackingNumber: letter.trackingNumber,
  mailboxCode: mailbox.code,
  mailboxName: mailbox.name,
  kind: letter.kind,
  publicTitle: letter.publicTitle,
  publicContent: letter.publicContent,
  publicReply: letter.publicReply,
  acceptedOn: letter.acceptedOn,
  receivedOn: letter.receivedOn,
  repliedOn: letter.repliedOn,
  replyAgencyName: replyAgency.name,
  replyAgencyCode: replyAgency.code,
  writerNameMasked: letter.writerNameMasked,
  satisfaction: letter.satisfaction,
};

type PublishedRow = {
  trackingNumber: string;
  mailboxCode: string;
  mailboxName: string;
  kind: string;
  publicTitle: string | null;
  publicContent: string | null;
  publicReply: string | null;
  acceptedOn: string | null;
  receivedOn: string;
  repliedOn: string | null;
  replyAgencyName: string | null;
  replyAgencyCode: string | null;
  writerNameMasked: string | null;
  satisfaction: string | null;
};

function published(r: PublishedRow): PublishedLetter {
  return {
    trackingNumber: r.trackingNumber,
    mailboxCode: r.mailboxCode,
    mailboxName: r.mailboxName,
    kind: r.kind,
    title: r.publicTitle ?? '',
    content: r.publicContent ?? '',
    acceptedOn: r.acceptedOn ?? r.receivedOn,
    receivedOn: r.receivedOn,
    repliedOn: r.repliedOn ?? '',
    replyAgencyName: r.replyAgencyName,
    replyAgencyCode: r.replyAgencyCode,
    // The reply as published: its edited public version. The reply as sent is addressed to the
    // writer and may name them, so it is never shown here.
    reply: r.publicReply ?? '',
    writerNameMasked: r.writerNameMasked,
    satisfaction: r.satisfaction,
  };
}

function filterConditions(f: PublishedLetterFilter): SQL[] {
  const conds: SQL[] = [isPublishedLetter];
  if (f.mailboxId !== undefined) conds.push(eq(letter.mailboxId, f.mailboxId));
  if (f.replyAgencyId !== undefined) conds.push(eq(letter.replyAgencyId, f.replyAgencyId));
  if (f.month !== undefined && /^\d{4}-\d{2}$/.test(f.month)) {
    const [y, m] = f.month.split('-').map(Number) as [number, number];
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    conds.push(gte(letter.receivedOn, `${f.month}-01`), lt(letter.receivedOn, next));
  }
  return conds;
}

export interface PublishedLetterPage {
  items: PublishedLetter[];
  total: number;
  page: number;
  pageSize: number;
}

/** The published letters, newest reply first, paged (page from 1). */
export async function listPublishedLetters(
  db: Db,
  f: PublishedLetterFilter,
  paging: { page?: number; pageSize?: number } = {},
): Promise<PublishedLetterPage> {
  const pageSize = Math.min(Math.max(paging.pageSize ?? LETTER_PAGE_SIZE, 1), MAX_LETTER_PAGE_SIZE);
  const page = Math.min(Math.max(paging.page ?? 1, 1), MAX_LETTER_PAGE);
  const where = and(...filterConditions(f));
  const [items, [t]] = await Promise.all([
    db
      .select(publishedColumns)
      .from(letter)
      .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
      .leftJoin(replyAgency, eq(replyAgency.id, letter.replyAgencyId))
      .where(where)
      .orderBy(desc(letter.repliedOn), desc(letter.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(letter).where(where),
  ]);
  return { items: items.map(published), total: t?.n ?? 0, page, pageSize };
}

/** One published letter by its tracking number, or null (unknown and unpublished alike). */
export async function findPublishedLetter(db: Db, trackingNumber: string): Promise<PublishedLetter | null> {
  const [r] = await db
    .select(publishedColumns)
    .from(letter)
    .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
    .leftJoin(replyAgency, eq(replyAgency.id, letter.replyAgencyId))
    .where(and(isPublishedLetter, eq(letter.trackingNumber, trackingNumber)));
  return r ? published(r) : null;
}

/** The answering units and months that have published letters: the choices of the list's filters. */
export async function publishedLetterFacets(
  db: Db,
): Promise<{ units: { code: string; name: string }[]; months: string[] }> {
  const [units, months] = await Promise.all([
    db
      .selectDistinct({ code: agency.code, name: agency.name, path: agency.path })
      .from(letter)
      .innerJoin(agency, eq(agency.id, letter.replyAgencyId))
      .where(isPublishedLetter)
      .orderBy(asc(agency.path)),
    db
      .selectDistinct({ month: sql<string>`to_char(${letter.receivedOn}, 'YYYY-MM')` })
      .from(letter)
      .where(isPublishedLetter)
      .orderBy(desc(sql`to_char(${letter.receivedOn}, 'YYYY-MM')`)),
  ]);
  return { units: units.map((u) => ({ code: u.code, name: u.name })), months: months.map((m) => m.month) };
}
