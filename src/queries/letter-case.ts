// One letter as the office handles it: the original letter (the writer's name masked, contact details
// only as "given" — the full ones through the audited reveal), the handling and responsible units,
// its dated steps with actor and unit, the draft awaiting review, a pending extension, the published
// version, and the same writer's other letters (by the keyed phone hash, nothing decrypted). The
// state, due date and warning level come from the stored columns, which every step refreshes.
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AnyActor } from '../domain/agencies/actor.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { NotFound } from '../domain/errors.js';
import type { LetterEvent } from '../domain/letters/events.js';
import type { VetoRisk } from '../domain/letters/kinds.js';
import { suggestMasking } from '../domain/letters/masking.js';
import { letterView, mailboxRules, type LetterView } from '../domain/letters/view.js';
import type { Db, Executor } from '../db/client.js';
import { databaseFileStore } from '../db/file-store.js';
import { agency, appUser, letter, letterEvent, letterFile, mailbox, storedFile } from '../db/schema.js';
import { authorize, inScope } from '../policies/policy.js';
import { cachedWorkCalendar } from './calendar-cache.js';

export interface LetterHistoryItem {
  seq: number;
  type: string;
  on: IsoDate;
  data: Record<string, unknown>;
  note: string | null;
  /** The staff member, or null for the writer / the system. */
  actorName: string | null;
  /** The unit the step was taken for. */
  actorAgencyName: string | null;
  recordedAt: Date;
}

export interface LetterCase {
  id: number;
  trackingNumber: string;
  version: number;
  mailbox: {
    id: number;
    code: string;
    name: string;
    kind: string;
    reviewRequired: boolean;
    maxExtensionDays: number;
    agencyId: number;
  };
  /** The agency responsible now (the scope of the letter). */
  agency: { id: number; name: string; path: string };
  /** The path the actor's rights are checked on: the responsible agency's, else the mailbox agency's. */
  scopePath: string;
  handlingAgency: { id: number; name: string } | null;
  assignedTo: { id: number; name: string } | null;
  kind: string;
  title: string;
  content: string;
  writer: {
    /** 张*丰, or null when the writer gave no name. */
    nameMasked: string | null;
    phoneMasked: string | null;
    hasName: boolean;
    hasPhone: boolean;
    hasEmail: boolean;
    hasAddress: boolean;
  };
  publicConsent: boolean;
  channel: string;
  submittedAt: Date;
  receivedOn: IsoDate;
  spamScore: number;
  triage: string;
  triageReason: string | null;
  duplicateOf: { id: number; trackingNumber: string } | null;
  state: string;
  acceptedOn: IsoDate | null;
  dueDate: IsoDate | null;
  warningLevel: 'warn' | 'yellow' | 'red' | null;
  supervised: boolean;
  reply: { text: string; on: IsoDate; agencyName: string | null } | null;
  /** The reply drafted last, while it waits for review (or came back). */
  draft: { text: string; on: IsoDate; by: string | null } | null;
  /** The last review's comment when the draft was returned and not drafted again since. */
  returned: { comment: string; on: IsoDate } | null;
  extensionPending: { days: number; reason: string; on: IsoDate } | null;
  /** A letter handed up (呈办) and not yet instructed: to whom. */
  escalatedTo: { leader: string; note: string | null; on: IsoDate } | null;
  publication: {
    state: string;
    title: string | null;
    content: string | null;
    reply: string | null;
    publishedAt: Date | null;
  };
  satisfaction: { value: string; comment: string | null; at: Date | null } | null;
  archivedAt: Date | null;
  /** Derived now from the steps, the mailbox's rules and the calendar (not the cached columns). */
  view: LetterView;
  vetoRisk: VetoRisk;
  /** Three months after receipt: the inspection's red line for a valid letter without an answer. */
  vetoOn: IsoDate;
  history: LetterHistoryItem[];
  /** Names of the agencies, officers and letters the steps refer to by id (「转至：某某局」). */
  names: { agencies: Record<number, string>; users: Record<number, string>; letters: Record<number, string> };
  files: { id: number; filename: string; mediaType: string; size: number; kind: string }[];
  /** Other letters with the same phone number (hash), newest first, within the actor's scope. */
  sameWriter: { id: number; trackingNumber: string; title: string; receivedOn: IsoDate; state: string }[];
}

const CLOSED = ['replied', 'archived'];
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The letter as staff see it. NotFound outside the actor's subtree (404: not even its existence). */
export async function letterCase(db: Db, actor: AnyActor, id: number, today: IsoDate): Promise<LetterCase> {
  const responsible = alias(agency, 'responsible');
  const handling = alias(agency, 'handling');
  const replying = alias(agency, 'replying');
  const mailboxAgency = alias(agency, 'mailbox_agency');
  const [row] = await db
    .select({
      l: letter,
      m: {
        id: mailbox.id,
        code: mailbox.code,
        name: mailbox.name,
        kind: mailbox.kind,
        reviewRequired: mailbox.reviewRequired,
        maxExtensionDays: mailbox.maxExtensionDays,
        agencyId: mailbox.agencyId,
        timeLimits: mailbox.timeLimits,
        warnDaysBefore: mailbox.warnDaysBefore,
        yellowDaysAfter: mailbox.yellowDaysAfter,
        redDaysAfter: mailbox.redDaysAfter,
      },
      agencyName: responsible.name,
      agencyPath: responsible.path,
      mailboxAgencyPath: mailboxAgency.path,
      handlingName: handling.name,
      replyAgencyName: replying.name,
      assignedName: appUser.displayName,
    })
    .from(letter)
    .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
    .innerJoin(responsible, eq(responsible.id, letter.agencyId))
    .innerJoin(mailboxAgency, eq(mailboxAgency.id, mailbox.agencyId))
    .leftJoin(handling, eq(handling.id, letter.handlingAgencyId))
    .leftJoin(replying, eq(replying.id, letter.replyAgencyId))
    .leftJoin(appUser, eq(appUser.id, letter.assignedTo))
    .where(eq(letter.id, id));
  if (!row) throw new NotFound();
  // In scope of the responsible agency, or of the mailbox's (the office keeps seeing what it assigned).
  const scope = inScope(actor, { agencyPath: row.agencyPath }) ? row.agencyPath : row.mailboxAgencyPath;
  authorize(actor, 'letter.view', { agencyPath: scope });
  const l = row.l;

  const actorUser = alias(appUser, 'actor_user');
  const actorAgency = alias(agency, 'actor_agency');
  const events = await db
    .select({
      seq: letterEvent.seq,
      type: letterEvent.type,
      on: letterEvent.on,
      data: letterEvent.data,
      note: letterEvent.note,
      actorName: actorUser.displayName,
      actorAgencyName: actorAgency.name,
      recordedAt: letterEvent.recordedAt,
    })
    .from(letterEvent)
    .leftJoin(actorUser, eq(actorUser.id, letterEvent.actorId))
    .leftJoin(actorAgency, eq(actorAgency.id, letterEvent.actorAgencyId))
    .where(eq(letterEvent.letterId, id))
    .orderBy(asc(letterEvent.seq));
  const history: LetterHistoryItem[] = events.map((e) => ({ ...e, data: e.data ?? {} }));

  const ids = (keys: string[]) => [
    ...new Set(
      history.flatMap((h) => keys.map((k) => h.data[k])).filter((v): v is number => typeof v === 'number'),
    ),
  ];
  const agencyIds = ids(['agencyId', 'fromAgencyId', 'toAgencyId']);
  const userIds = ids(['userId']);
  const letterIds = ids(['duplicateOf']);
  const names = {
    agencies: Object.fromEntries(
      agencyIds.length === 0
        ? []
        : (
            await db
              .select({ id: agency.id, name: agency.name })
              .from(agency)
              .where(inArray(agency.id, agencyIds))
          ).map((a) => [a.id, a.name]),
    ),
    users: Object.fromEntries(
      userIds.length === 0
        ? []
        : (
            await db
              .select({ id: appUser.id, name: appUser.displayName })
              .from(appUser)
              .where(inArray(appUser.id, userIds))
          ).map((u) => [u.id, u.name]),
    ),
    letters: Object.fromEntries(
      letterIds.length === 0
        ? []
        : (
            await db
              .select({ id: letter.id, t: letter.trackingNumber })
              .from(letter)
              .where(inArray(letter.id, letterIds))
          ).map((x) => [x.id, x.t]),
    ),
  };

  const files = await db
    .select({
      id: storedFile.id,
      filename: storedFile.filename,
      mediaType: storedFile.mediaType,
      size: storedFile.size,
      kind: letterFile.kind,
    })
    .from(letterFile)
    .innerJoin(storedFile, eq(storedFile.id, letterFile.fileId))
    .where(eq(letterFile.letterId, id))
    .orderBy(asc(storedFile.id));

  const [dup] = l.duplicateOf
    ? await db
        .select({ id: letter.id, trackingNumber: letter.trackingNumber })
        .from(letter)
        .where(eq(letter.id, l.duplicateOf))
    : [];

  const same = l.phoneHash
    ? await db
        .select({
          id: letter.id,
          trackingNumber: letter.trackingNumber,
          title: letter.title,
          receivedOn: letter.receivedOn,
          state: letter.state,
          path: agency.path,
        })
        .from(letter)
        .innerJoin(agency, eq(agency.id, letter.agencyId))
        .where(and(eq(letter.phoneHash, l.phoneHash), ne(letter.id, id)))
        .orderBy(desc(letter.receivedOn), desc(letter.id))
        .limit(20)
    : [];

  // What the latest steps leave open: a draft to review, a returned draft, an extension, a 呈办.
  const last = (type: string) => history.findLast((h) => h.type === type);
  const after = (a: LetterHistoryItem | undefined, ...types: string[]) =>
    !!a && history.some((h) => h.seq > a.seq && types.includes(h.type));
  const drafted = last('replyDrafted');
  const returnedEv = last('reviewReturned');
  const extension = last('extensionRequested');
  const escalated = last('escalated');
  const calendar = await cachedWorkCalendar(db, row.agencyPath);
  const facts = history.map((h) => ({ ...h.data, type: h.type, on: h.on }) as unknown as LetterEvent);
  const view = letterView(facts, mailboxRules(row.m), calendar, today);
  const isOpen = !CLOSED.includes(view.state);
  const { timeLimits: _t, warnDaysBefore: _w, yellowDaysAfter: _y, redDaysAfter: _r, ...box } = row.m;

  return {
    id: l.id,
    trackingNumber: l.trackingNumber,
    version: l.version,
    mailbox: box,
    agency: { id: l.agencyId, name: row.agencyName, path: row.agencyPath },
    scopePath: scope,
    handlingAgency:
      l.handlingAgencyId && row.handlingName ? { id: l.handlingAgencyId, name: row.handlingName } : null,
    assignedTo: l.assignedTo ? { id: l.assignedTo, name: row.assignedName ?? '' } : null,
    kind: l.kind,
    title: l.title,
    content: l.content,
    writer: {
      nameMasked: l.writerNameMasked,
      phoneMasked: l.phoneMasked,
      hasName: l.writerName !== null && l.writerName !== '',
      hasPhone: l.phoneEnc !== null,
      hasEmail: l.emailEnc !== null,
      hasAddress: l.addressEnc !== null,
    },
    publicConsent: l.publicConsent,
    channel: l.channel,
    submittedAt: l.submittedAt,
    receivedOn: l.receivedOn,
    spamScore: l.spamScore,
    triage: l.triage,
    triageReason: l.triageReason,
    duplicateOf: dup ?? null,
    state: view.state,
    acceptedOn: view.acceptedOn,
    dueDate: view.dueDate,
    warningLevel: isOpen ? view.warningLevel : null,
    supervised: view.supervised,
    reply:
      l.replyText && l.repliedOn
        ? { text: l.replyText, on: l.repliedOn, agencyName: row.replyAgencyName }
        : null,
    draft:
      drafted && view.draftText !== null
        ? { text: str(drafted.data.text), on: drafted.on, by: drafted.actorName }
        : null,
    returned:
      returnedEv && !after(returnedEv, 'replyDrafted')
        ? { comment: str(returnedEv.data.comment), on: returnedEv.on }
        : null,
    extensionPending:
      extension && view.extensionPending
        ? { days: Number(extension.data.days ?? 0), reason: str(extension.data.reason), on: extension.on }
        : null,
    escalatedTo:
      escalated && view.state === 'instructing'
        ? { leader: str(escalated.data.leader), note: str(escalated.data.note) || null, on: escalated.on }
        : null,
    publication: {
      state: l.publication,
      title: l.publicTitle,
      content: l.publicContent,
      reply: l.publicReply,
      publishedAt: l.publishedAt,
    },
    satisfaction: l.satisfaction
      ? { value: l.satisfaction, comment: l.satisfactionComment, at: l.ratedAt }
      : null,
    archivedAt: l.archivedAt,
    view,
    vetoRisk: view.vetoRisk,
    vetoOn: view.vetoDate,
    history,
    names,
    files,
    sameWriter: same.filter((s) => inScope(actor, { agencyPath: s.path })).map(({ path: _p, ...s }) => s),
  };
}

/** The id of the letter with this tracking number, within the actor's scope (for 重复件 links). */
export async function letterIdByTracking(
  db: Executor,
  actor: AnyActor,
  trackingNumber: string,
): Promise<number | null> {
  const [r] = await db
    .select({ id: letter.id, path: agency.path })
    .from(letter)
    .innerJoin(agency, eq(agency.id, letter.agencyId))
    .where(eq(letter.trackingNumber, trackingNumber.trim().toUpperCase()));
  return r && inScope(actor, { agencyPath: r.path }) ? r.id : null;
}

/** Officers of the subtree who may be assigned letters of these agencies (for the assign form). */
export async function letterOfficers(db: Executor, agencyIds: number[]) {
  if (agencyIds.length === 0) return [];
  return db
    .select({
      id: appUser.id,
      name: appUser.displayName,
      agencyId: appUser.agencyId,
      agencyName: agency.name,
      agencyPath: agency.path,
    })
    .from(appUser)
    .innerJoin(agency, eq(agency.id, appUser.agencyId))
    .where(
      and(
        inArray(appUser.agencyId, agencyIds),
        inArray(appUser.role, ['officer', 'office_head']),
        isNull(appUser.disabledAt),
      ),
    )
    .orderBy(asc(agency.path), asc(appUser.displayName));
}

/**
 * The public version suggested for a replied letter: title, content and reply with names (the
 * writer's own among them), phone numbers, identity numbers, e-mail and addresses masked, and what
 * was found — for a person to check before publishing (letter.publish).
 */
export async function letterMaskingSuggestion(db: Executor, actor: AnyActor, id: number) {
  const path = await letterScopePath(db, actor, id);
  authorize(actor, 'letter.publish', { agencyPath: path });
  const [row] = await db
    .select({
      title: letter.title,
      content: letter.content,
      replyText: letter.replyText,
      writerName: letter.writerName,
    })
    .from(letter)
    .where(eq(letter.id, id));
  const known = row!.writerName ? [row!.writerName] : [];
  return {
    title: suggestMasking(row!.title, known),
    content: suggestMasking(row!.content, known),
    reply: suggestMasking(row!.replyText ?? '', known),
  };
}

/**
 * The path a letter's rights are checked on for this actor: the responsible agency's when it is in
 * the actor's scope, else the mailbox agency's (the office keeps the letters it assigned away).
 * NotFound when the letter does not exist or is in neither scope.
 */
export async function letterScopePath(db: Executor, actor: AnyActor, id: number): Promise<string> {
  const mailboxAgency = alias(agency, 'mailbox_agency');
  const [r] = await db
    .select({ path: agency.path, mailboxPath: mailboxAgency.path })
    .from(letter)
    .innerJoin(agency, eq(agency.id, letter.agencyId))
    .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
    .innerJoin(mailboxAgency, eq(mailboxAgency.id, mailbox.agencyId))
    .where(eq(letter.id, id));
  if (!r) throw new NotFound();
  const path = inScope(actor, { agencyPath: r.path }) ? r.path : r.mailboxPath;
  if (!inScope(actor, { agencyPath: path })) throw new NotFound();
  return path;
}

/** One file of the letter (the writer's attachment or the reply's), for the download link. */
export async function letterAttachment(db: Executor, actor: AnyActor, letterId: number, fileId: number) {
  authorize(actor, 'letter.view', { agencyPath: await letterScopePath(db, actor, letterId) });
  const [link] = await db
    .select({ fileId: letterFile.fileId })
    .from(letterFile)
    .where(and(eq(letterFile.letterId, letterId), eq(letterFile.fileId, fileId)));
  if (!link) throw new NotFound('未找到该附件');
  const file = await databaseFileStore.get(db, fileId);
  if (!file) throw new NotFound('未找到该附件');
  return { filename: file.filename, mediaType: file.mediaType, bytes: file.bytes };
}
