// 意见征集 read models: the back office's list and page (the actor's subtree; outside it = 404), the
// portal's list and page (anything opened), and the published feedback report. Public reads carry
// the masked name only: never the name as written, never a contact detail.
import { and, asc, desc, eq, inArray, like, ne, sql } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import {
  consultationStatus,
  daysLeft,
  feedbackReport,
  periodKey,
  type Adoption,
  type ConsultationPeriods,
  type ConsultationStatus,
  type ConsultationType,
  type FeedbackReport,
  type MinimumPeriod,
  type OpinionChannel,
} from '../domain/consultations/index.js';
import { NotFound } from '../domain/errors.js';
import type { Executor } from '../db/client.js';
import { agency, appUser, consultation, consultationOpinion, document } from '../db/schema.js';
import { authorize, scopePath } from '../policies/policy.js';
import { consultationPeriods } from './consultation-settings.js';

export const CONSULTATION_LIST_LIMIT = 500;

export interface ConsultationSummary {
  id: number;
  title: string;
  agency: { id: number; code: string; name: string };
  decisionType: ConsultationType;
  concernsMarket: boolean;
  opensOn: string | null;
  closesOn: string | null;
  state: string;
  status: ConsultationStatus;
  opinions: number;
  feedbackPublishedAt: Date | null;
}

export interface LinkedDocument {
  id: number;
  title: string;
  docNumber: string | null;
  state: string;
}

export interface ConsultationDetail extends ConsultationSummary {
  description: string;
  email: string | null;
  postalAddress: string | null;
  feedbackSummary: string | null;
  version: number;
  agencyPath: string;
  document: LinkedDocument | null;
  /** The minimum period that applies to its type. */
  rule: MinimumPeriod;
  daysLeft: number | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface StaffOpinion {
  id: number;
  channel: OpinionChannel;
  authorName: string | null;
  authorNameMasked: string | null;
  hasContact: boolean;
  clause: string | null;
  content: string;
  receivedOn: string;
  adoption: Adoption;
  reason: string | null;
  enteredBy: string | null;
  decidedBy: string | null;
}

const summaryColumns = {
  id: consultation.id,
  title: consultation.title,
  agencyId: agency.id,
  agencyCode: agency.code,
  agencyName: agency.name,
  agencyPath: agency.path,
  decisionType: consultation.decisionType,
  concernsMarket: consultation.concernsMarket,
  opensOn: consultation.opensOn,
  closesOn: consultation.closesOn,
  state: consultation.state,
  feedbackPublishedAt: consultation.feedbackPublishedAt,
  opinions: sql<number>`(select count(*)::int from ${consultationOpinion} where ${consultationOpinion.consultationId} = ${consultation.id})`,
};

type SummaryRow = {
  id: number;
  title: string;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  decisionType: string;
  concernsMarket: boolean;
  opensOn: string | null;
  closesOn: string | null;
  state: string;
  feedbackPublishedAt: Date | null;
  opinions: number;
};

function summary(r: SummaryRow, today: string): ConsultationSummary {
  return {
    id: r.id,
    title: r.title,
    agency: { id: r.agencyId, code: r.agencyCode, name: r.agencyName },
    decisionType: r.decisionType as ConsultationType,
    concernsMarket: r.concernsMarket,
    opensOn: r.opensOn,
    closesOn: r.closesOn,
    state: r.state,
    status: consultationStatus(r, today),
    opinions: Number(r.opinions),
    feedbackPublishedAt: r.feedbackPublishedAt,
  };
}

/** The consultations of the actor's subtree, newest first. */
export async function listConsultationsForStaff(
  db: Executor,
  actor: AnyActor,
  today: string,
): Promise<ConsultationSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(consultation)
    .innerJoin(agency, eq(agency.id, consultation.agencyId))
    .where(like(agency.path, `${scopePath(actor)}%`))
    .orderBy(desc(consultation.id))
    .limit(CONSULTATION_LIST_LIMIT);
  return rows.map((r) => summary(r, today));
}

async function detailRow(db: Executor, id: number) {
  const [r] = await db
    .select({
      ...summaryColumns,
      description: consultation.description,
      email: consultation.email,
      postalAddress: consultation.postalAddress,
      feedbackSummary: consultation.feedbackSummary,
      version: consultation.version,
      documentId: consultation.documentId,
      createdBy: appUser.displayName,
      createdAt: consultation.createdAt,
    })
    .from(consultation)
    .innerJoin(agency, eq(agency.id, consultation.agencyId))
    .leftJoin(appUser, eq(appUser.id, consultation.createdBy))
    .where(eq(consultation.id, id));
  return r;
}

async function linkedDocument(db: Executor, id: number | null): Promise<LinkedDocument | null> {
  if (id == null) return null;
  const [d] = await db
    .select({ id: document.id, title: document.title, docNumber: document.docNumber, state: document.state })
    .from(document)
    .where(eq(document.id, id));
  return d ?? null;
}

async function detail(
  db: Executor,
  r: NonNullable<Awaited<ReturnType<typeof detailRow>>>,
  today: string,
  periods: ConsultationPeriods,
): Promise<ConsultationDetail> {
  const s = summary(r, today);
  return {
    ...s,
    description: r.description,
    email: r.email,
    postalAddress: r.postalAddress,
    feedbackSummary: r.feedbackSummary,
    version: r.version,
    agencyPath: r.agencyPath,
    document: await linkedDocument(db, r.documentId),
    rule: periods[periodKey(s.decisionType, s.concernsMarket)],
    daysLeft: r.opensOn && r.closesOn && r.state === 'open' ? daysLeft(r.opensOn, r.closesOn, today) : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
  };
}

/** One consultation for the back office (NotFound outside the actor's subtree). */
export async function consultationForStaff(
  db: Executor,
  actor: AnyActor,
  id: number,
  today: string,
): Promise<ConsultationDetail> {
  const r = await detailRow(db, id);
  if (!r) throw new NotFound('没有找到该意见征集');
  authorize(actor, 'engagement.view', { agencyPath: r.agencyPath });
  return detail(db, r, today, await consultationPeriods(db));
}

/** Every opinion with what staff may see (the name as written, not the contact: hasContact). */
export async function opinionsForStaff(db: Executor, consultationId: number): Promise<StaffOpinion[]> {
  const decider = sql<
    string | null
  >`(select display_name from app_user where id = ${consultationOpinion.decidedBy})`;
  const rows = await db
    .select({
      id: consultationOpinion.id,
      channel: consultationOpinion.channel,
      authorName: consultationOpinion.authorName,
      authorNameMasked: consultationOpinion.authorNameMasked,
      contactEnc: consultationOpinion.contactEnc,
      clause: consultationOpinion.clause,
      content: consultationOpinion.content,
      receivedOn: consultationOpinion.receivedOn,
      adoption: consultationOpinion.adoption,
      reason: consultationOpinion.reason,
      enteredBy: appUser.displayName,
      decidedBy: decider,
    })
    .from(consultationOpinion)
    .leftJoin(appUser, eq(appUser.id, consultationOpinion.enteredBy))
    .where(eq(consultationOpinion.consultationId, consultationId))
    .orderBy(asc(consultationOpinion.receivedOn), asc(consultationOpinion.id));
  return rows.map(({ contactEnc, ...r }) => ({
    ...r,
    channel: r.channel as OpinionChannel,
    adoption: r.adoption as Adoption,
    hasContact: !!contactEnc,
  }));
}

/** The portal's list: everything opened (drafts never), newest opening first. */
export async function listPublicConsultations(db: Executor, today: string): Promise<ConsultationSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(consultation)
    .innerJoin(agency, eq(agency.id, consultation.agencyId))
    .where(ne(consultation.state, 'draft'))
    .orderBy(desc(consultation.opensOn), desc(consultation.id))
    .limit(CONSULTATION_LIST_LIMIT);
  return rows.map((r) => summary(r, today));
}

export interface PublicConsultation extends ConsultationDetail {
  /** The published report (only once published): masked names, no contact. */
  feedback: FeedbackReport | null;
}

/** The portal's page of a consultation; null for a draft or an unknown id. */
export async function publicConsultation(
  db: Executor,
  id: number,
  today: string,
): Promise<PublicConsultation | null> {
  const r = await detailRow(db, id);
  if (!r || r.state === 'draft') return null;
  const d = await detail(db, r, today, await consultationPeriods(db));
  // A draft document of the library is not public: the consultation shows its own text only.
  const doc = d.document && d.document.state === 'published' ? d.document : null;
  return { ...d, document: doc, createdBy: null, feedback: await publishedFeedback(db, d) };
}

async function publishedFeedback(
  db: Executor,
  c: { id: number; state: string; opensOn: string | null; closesOn: string | null },
): Promise<FeedbackReport | null> {
  if (c.state !== 'feedback_published' || !c.opensOn || !c.closesOn) return null;
  const rows = await db
    .select({
      authorNameMasked: consultationOpinion.authorNameMasked,
      clause: consultationOpinion.clause,
      content: consultationOpinion.content,
      adoption: consultationOpinion.adoption,
      reason: consultationOpinion.reason,
      receivedOn: consultationOpinion.receivedOn,
    })
    .from(consultationOpinion)
    .where(eq(consultationOpinion.consultationId, c.id))
    .orderBy(asc(consultationOpinion.receivedOn), asc(consultationOpinion.id));
  return feedbackReport(
    { opensOn: c.opensOn, closesOn: c.closesOn },
    rows.map((o) => ({ ...o, adoption: o.adoption as Adoption })),
  );
}

/** The consultations of linked documents, for a document page's 「意见征集」 link. */
export async function consultationsOfDocuments(
  db: Executor,
  documentIds: number[],
): Promise<{ id: number; documentId: number; title: string }[]> {
  if (documentIds.length === 0) return [];
  const rows = await db
    .select({ id: consultation.id, documentId: consultation.documentId, title: consultation.title })
    .from(consultation)
    .where(and(inArray(consultation.documentId, documentIds), ne(consultation.state, 'draft')));
  return rows.map((r) => ({ ...r, documentId: r.documentId! }));
}

/** The raw row for commands: state, version and the agency path for authorization. */
export async function consultationForCommand(db: Executor, id: number) {
  const [r] = await db
    .select({
      id: consultation.id,
      state: consultation.state,
      version: consultation.version,
      decisionType: consultation.decisionType,
      concernsMarket: consultation.concernsMarket,
      opensOn: consultation.opensOn,
      closesOn: consultation.closesOn,
      agencyId: consultation.agencyId,
      agencyPath: agency.path,
      title: consultation.title,
    })
    .from(consultation)
    .innerJoin(agency, eq(agency.id, consultation.agencyId))
    .where(eq(consultation.id, id));
  if (!r) throw new NotFound('没有找到该意见征集');
  return r;
}

/** The consultation an opinion belongs to (null: no such opinion). */
export async function consultationOfOpinion(db: Executor, opinionId: number): Promise<number | null> {
  const [r] = await db
    .select({ id: consultationOpinion.consultationId })
    .from(consultationOpinion)
    .where(eq(consultationOpinion.id, opinionId));
  return r?.id ?? null;
}
