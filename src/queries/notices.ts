// Notices (告知书) of an application as the office and the applicant download them. A notice row holds
// the text frozen when it was issued; noticeDocument adds what the page of paper carries around it —
// the agency's signature with the date of issue, and a footer with the 申请编号 and, once recorded,
// the 送达. Staff see the notices of cases in their subtree (404 outside it, and for a notice of
// another application); the applicant, with the tracking number and the query code, only the notices
// served on them (letters to third parties never).
import { and, asc, eq } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { NotFound } from '../domain/errors.js';
import { chineseDate } from '../domain/notices/dates.js';
import type { NoticeDocument } from '../domain/notices/document.js';
import { isNoticeKind, NOTICE_KIND_LABELS } from '../domain/notices/kinds.js';
import { serviceMethodName } from '../domain/notices/service.js';
import type { Executor } from '../db/client.js';
import { loadCase, type LoadedCase } from '../db/repositories/applications.js';
import { notice } from '../db/schema.js';
import { authorize } from '../policies/policy.js';
import { applicantCase } from './application-lookup.js';

export type NoticeRow = typeof notice.$inferSelect;

/** One notice in a list (case page, API, applicant's lookup). */
export interface NoticeListItem {
  id: number;
  applicationId: number;
  kind: string;
  /** 答复书, 补正告知书 … */
  kindLabel: string;
  /** The 文号, e.g. 江南府办依复〔2026〕12号; null for the 登记回执. */
  number: string | null;
  title: string;
  issuedOn: IsoDate;
  servedMethod: string | null;
  servedMethodLabel: string | null;
  servedOn: IsoDate | null;
  /** Served on the applicant (true) or a letter to a third party or another agency (false). */
  toApplicant: boolean;
}

export function noticeListItem(n: NoticeRow): NoticeListItem {
  return {
    id: n.id,
    applicationId: n.applicationId,
    kind: n.kind,
    kindLabel: isNoticeKind(n.kind) ? NOTICE_KIND_LABELS[n.kind] : n.title,
    number: n.number,
    title: n.title,
    issuedOn: n.issuedOn,
    servedMethod: n.servedMethod,
    servedMethodLabel: serviceMethodName(n.servedMethod),
    servedOn: n.servedOn,
    toApplicant: n.toApplicant,
  };
}

/** What the page carries besides the frozen text. */
export interface NoticeFrame {
  /** The issuing agency's name: the signature. */
  agencyName: string;
  trackingNumber: string;
}

/**
 * The frozen notice as a document to render: its number, title, addressee and paragraphs exactly as
 * issued; the signature (agency, date of issue); the footer (申请编号; 送达 once recorded).
 */
export function noticeDocument(row: NoticeRow, frame: NoticeFrame): NoticeDocument {
  const footer = [`申请编号：${frame.trackingNumber}`];
  if (row.servedOn) {
    const method = serviceMethodName(row.servedMethod);
    footer.push(`送达：${method ? `${method}，` : ''}${chineseDate(row.servedOn)}`);
  }
  return {
    ...(row.number ? { number: row.number } : {}),
    title: row.title,
    addressee: row.addressee,
    paragraphs: [...row.paragraphs],
    signature: { agency: frame.agencyName, date: row.issuedOn },
    footer,
  };
}

/** Characters that may not stand in a file name on Windows, macOS or Linux (and control characters). */
const UNSAFE_IN_NAME = /[\\/:*?"<>|\p{Cc}\p{Cf}]/gu;

/** A file name without the extension, e.g. 江南府办依复〔2026〕12号-政府信息公开申请答复书. */
export function noticeFileStem(row: Pick<NoticeRow, 'number' | 'title'>, trackingNumber: string): string {
  const stem = `${row.number ?? trackingNumber}-${row.title}`.replace(UNSAFE_IN_NAME, '_');
  return stem.slice(0, 120);
}

/** A notice with what a download needs. */
export interface NoticeDownload {
  notice: NoticeListItem;
  trackingNumber: string;
  agencyId: number;
  agencyPath: string;
  document: NoticeDocument;
  /** File name without extension (Chinese); the ASCII fallback is `notice-<id>`. */
  fileStem: string;
}

function download(loaded: LoadedCase, row: NoticeRow): NoticeDownload {
  const trackingNumber = loaded.app.trackingNumber;
  return {
    notice: noticeListItem(row),
    trackingNumber,
    agencyId: loaded.app.agencyId,
    agencyPath: loaded.agencyPath,
    document: noticeDocument(row, { agencyName: loaded.agencyName, trackingNumber }),
    fileStem: noticeFileStem(row, trackingNumber),
  };
}

async function rowsOf(db: Executor, applicationId: number, onlyToApplicant = false): Promise<NoticeRow[]> {
  return db
    .select()
    .from(notice)
    .where(
      onlyToApplicant
        ? and(eq(notice.applicationId, applicationId), eq(notice.toApplicant, true))
        : eq(notice.applicationId, applicationId),
    )
    .orderBy(asc(notice.issuedOn), asc(notice.id));
}

/** The notices of an application, oldest first. NotFound outside the actor's subtree. */
export async function noticesOfApplication(
  db: Executor,
  actor: AnyActor,
  applicationId: number,
): Promise<NoticeListItem[]> {
  const loaded = await loadCase(db, applicationId);
  authorize(actor, 'application.view', { agencyPath: loaded.agencyPath });
  return (await rowsOf(db, applicationId)).map(noticeListItem);
}

/**
 * Every notice of an application as documents (for the case file), oldest first. NotFound outside
 * the actor's subtree.
 */
export async function noticeDocumentsOfApplication(
  db: Executor,
  actor: AnyActor,
  applicationId: number,
): Promise<NoticeDownload[]> {
  const loaded = await loadCase(db, applicationId);
  authorize(actor, 'application.view', { agencyPath: loaded.agencyPath });
  return (await rowsOf(db, applicationId)).map((row) => download(loaded, row));
}

/**
 * One notice for staff: NotFound outside the actor's subtree, and for a notice that does not
 * belong to that application.
 */
export async function noticeForStaff(
  db: Executor,
  actor: AnyActor,
  applicationId: number,
  noticeId: number,
): Promise<NoticeDownload> {
  const loaded = await loadCase(db, applicationId);
  authorize(actor, 'application.view', { agencyPath: loaded.agencyPath });
  const [row] = await db
    .select()
    .from(notice)
    .where(and(eq(notice.id, noticeId), eq(notice.applicationId, applicationId)));
  if (!row) throw new NotFound('未找到该告知书');
  return download(loaded, row);
}

/**
 * One notice for the applicant: with the right tracking number and query code, a notice of that
 * application served on the applicant; null otherwise — the same answer for an unknown number, a
 * wrong code, another application's notice and a letter to a third party.
 */
export async function noticeForApplicant(
  db: Executor,
  trackingNumber: string,
  queryCode: string,
  noticeId: number,
): Promise<NoticeDownload | null> {
  const loaded = await applicantCase(db, trackingNumber, queryCode);
  if (!loaded) return null;
  const id = loaded.app.id;
  const [row] = await db
    .select()
    .from(notice)
    .where(and(eq(notice.id, noticeId), eq(notice.applicationId, id), eq(notice.toApplicant, true)));
  return row ? download(loaded, row) : null;
}
