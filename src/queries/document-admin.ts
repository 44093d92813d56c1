// The document library as the back office reads it (issue 10): the list with its filters and the
// 第二十六条 due date of what is not yet published, one item with its history, relations both ways and
// attachments, the normative documents still without a 政策解读, and the overdue count of the
// dashboard. Always within the actor's subtree (publishing agency); outside it an item is 404.
import { and, asc, desc, eq, ilike, inArray, isNotNull, like, or, sql, type SQL } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { workdaysAfter } from '../domain/calendar/workdays.js';
import { normalizeDocNumber } from '../domain/documents/doc-number.js';
import { publicationDueDate } from '../domain/documents/publication.js';
import { DEFAULT_INDEX_TEMPLATE } from '../domain/documents/index-number.js';
import { themeLabel } from '../domain/documents/themes.js';
import {
  isDocumentKind,
  isEffectLevel,
  isPublicationState,
  isValidity,
  type DocumentKind,
  type EffectLevel,
  type PublicationState,
  type Validity,
} from '../domain/documents/vocab.js';
import { NotFound } from '../domain/errors.js';
import type { Db, Executor } from '../db/client.js';
import {
  agency,
  agencySetting,
  appUser,
  document,
  documentFile,
  documentIssuer,
  documentRelation,
  documentRevision,
  documentTheme,
  storedFile,
} from '../db/schema.js';
import { authorize, authorizeAction, scopePath } from '../policies/policy.js';
import { cachedWorkCalendar } from './calendar-cache.js';

/** How many working days ahead counts as 「即将到期」 (as in the application inbox). */
export const PUBLICATION_DUE_SOON_WORKDAYS = 3;

/** Problems that do not stop a save, shown beside the item until fixed. */
export function documentWarnings(d: {
  docNumber: string | null;
  docNumberNorm: string | null;
  effectLevel: string;
  unifiedNumber: string | null;
  kind: string;
  interpretationForm: string | null;
  mediaUrl: string | null;
}): string[] {
  const out: string[] = [];
  if (d.docNumber && !d.docNumberNorm)
    out.push(
      `发文字号「${d.docNumber}」不符合 机关代字〔年份〕序号号 的格式（如 江南府〔2026〕12号），已按原样保存，但按文号检索可能找不到`,
    );
  if (d.effectLevel === 'normative' && !d.unifiedNumber)
    out.push('行政规范性文件通常应有统一编号（统一登记、统一编号、统一印发），请核对后补充');
  if (
    d.kind === 'interpretation' &&
    (d.interpretationForm === 'video' || d.interpretationForm === 'interview') &&
    !d.mediaUrl
  )
    out.push('视频或访谈解读通常应填写链接');
  return out;
}

export interface AdminDocumentFilter {
  state?: PublicationState | 'overdue' | null;
  kind?: DocumentKind | null;
  agencyId?: number | null;
  effectLevel?: EffectLevel | null;
  validity?: Validity | null;
  /** Words of the title, a 发文字号 in any form, or a 索引号. */
  q?: string | null;
  sort?: 'updated' | 'due' | 'published';
  page?: number;
  pageSize?: number;
}

export interface AdminDocumentItem {
  id: number;
  kind: string;
  title: string;
  docNumber: string | null;
  indexNumber: string | null;
  agencyName: string;
  state: string;
  effectLevel: string;
  validity: string;
  formedOn: string | null;
  publishedOn: string | null;
  updatedAt: string;
  /** 第二十六条: the last day to publish, while it is not yet published. */
  dueDate: string | null;
  overdue: boolean;
  dueSoon: boolean;
}

export interface AdminDocumentPage {
  items: AdminDocumentItem[];
  total: number;
  page: number;
  pageSize: number;
}

function scopeWhere(actor: AnyActor): SQL | undefined {
  const scope = scopePath(actor);
  return scope === '/' ? undefined : like(agency.path, `${scope}%`);
}

/** Not yet published, to be disclosed proactively, with a 形成日期: 第二十六条 runs. */
const UNPUBLISHED_DUE = and(
  inArray(document.state, ['draft', 'review']),
  eq(document.disclosureMethod, 'proactive'),
  isNotNull(document.formedOn),
);

type DueMarks = { dueDate: string | null; overdue: boolean; dueSoon: boolean };

/** The due date and its marks of unpublished rows (each agency's own calendar). */
async function dueMarks(
  db: Db,
  rows: { state: string; disclosureMethod: string; formedOn: string | null; agencyPath: string }[],
  today: string,
): Promise<DueMarks[]> {
  const out: DueMarks[] = [];
  for (const r of rows) {
    if (!r.formedOn || r.disclosureMethod !== 'proactive' || (r.state !== 'draft' && r.state !== 'review')) {
      out.push({ dueDate: null, overdue: false, dueSoon: false });
      continue;
    }
    const calendar = await cachedWorkCalendar(db, r.agencyPath);
    const due = publicationDueDate(r.formedOn, calendar);
    const soonLimit = workdaysAfter(calendar, today, PUBLICATION_DUE_SOON_WORKDAYS);
    out.push({ dueDate: due, overdue: due < today, dueSoon: due >= today && due <= soonLimit });
  }
  return out;
}

export async function listAdminDocuments(
  db: Db,
  actor: AnyActor,
  f: AdminDocumentFilter,
  today: string,
): Promise<AdminDocumentPage> {
  authorizeAction(actor, 'document.view');
  const page = Math.max(1, f.page ?? 1);
  const pageSize = Math.min(200, Math.max(1, f.pageSize ?? 50));
  const where: (SQL | undefined)[] = [scopeWhere(actor)];
  if (f.state === 'overdue') where.push(UNPUBLISHED_DUE);
  else if (f.state && isPublicationState(f.state)) where.push(eq(document.state, f.state));
  if (f.kind && isDocumentKind(f.kind)) where.push(eq(document.kind, f.kind));
  if (f.agencyId) where.push(eq(document.agencyId, f.agencyId));
  if (f.effectLevel && isEffectLevel(f.effectLevel)) where.push(eq(document.effectLevel, f.effectLevel));
  if (f.validity && isValidity(f.validity)) where.push(eq(document.validity, f.validity));
  const q = f.q?.trim();
  if (q) {
    const norm = normalizeDocNumber(q);
    const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
    where.push(
      or(
        ilike(document.title, `%${escaped}%`),
        ilike(document.docNumber, `%${escaped}%`),
        eq(document.indexNumber, q),
        norm ? eq(document.docNumberNorm, norm) : undefined,
      ),
    );
  }
  const order =
    f.sort === 'due'
      ? [sql`${document.formedOn} asc nulls last`, asc(document.id)]
      : f.sort === 'published'
        ? [sql`${document.publishedOn} desc nulls last`, desc(document.id)]
        : [desc(document.updatedAt), desc(document.id)];
  const cond = and(...where);
  const select = {
    id: document.id,
    kind: document.kind,
    title: document.title,
    docNumber: document.docNumber,
    indexNumber: document.indexNumber,
    agencyName: agency.name,
    agencyPath: agency.path,
    state: document.state,
    effectLevel: document.effectLevel,
    validity: document.validity,
    disclosureMethod: document.disclosureMethod,
    formedOn: document.formedOn,
    publishedOn: document.publishedOn,
    updatedAt: document.updatedAt,
  };
  if (f.state === 'overdue') {
    // Overdue depends on each agency's calendar: computed over the unpublished rows (few), then paged.
    const all = await db
      .select(select)
      .from(document)
      .innerJoin(agency, eq(agency.id, document.agencyId))
      .where(cond)
      .orderBy(...order);
    const marks = await dueMarks(db, all, today);
    const overdue = all.map((r, i) => ({ r, m: marks[i]! })).filter((x) => x.m.overdue);
    const total = overdue.length;
    const slice = overdue.slice((page - 1) * pageSize, page * pageSize);
    return {
      items: slice.map(({ r, m }) => itemOf(r, m)),
      total,
      page,
      pageSize,
    };
  }
  const [c] = await db
    .select({ n: sql<number>`count(*)` })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(cond);
  const total = Number(c?.n ?? 0);
  const rows = await db
    .select(select)
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(cond)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const marks = await dueMarks(db, rows, today);
  return { items: rows.map((r, i) => itemOf(r, marks[i]!)), total, page, pageSize };
}

function itemOf(
  r: Omit<AdminDocumentItem, 'updatedAt' | keyof DueMarks> & { updatedAt: Date },
  m: DueMarks,
): AdminDocumentItem {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    docNumber: r.docNumber,
    indexNumber: r.indexNumber,
    agencyName: r.agencyName,
    state: r.state,
    effectLevel: r.effectLevel,
    validity: r.validity,
    formedOn: r.formedOn,
    publishedOn: r.publishedOn,
    updatedAt: new Date(r.updatedAt).toISOString(),
    ...m,
  };
}

/** Items of the actor's subtree still unpublished after their 第二十六条 due date (the dashboard). */
export async function overduePublicationCount(db: Db, actor: AnyActor, today: string): Promise<number> {
  const rows = await db
    .select({
      state: document.state,
      disclosureMethod: document.disclosureMethod,
      formedOn: document.formedOn,
      agencyPath: agency.path,
    })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(and(scopeWhere(actor), UNPUBLISHED_DUE));
  return (await dueMarks(db, rows, today)).filter((m) => m.overdue).length;
}

export interface RelationItem {
  id: number;
  kind: string;
  effectiveOn: string | null;
  note: string | null;
  /** The other document. */
  otherId: number;
  otherTitle: string;
  otherDocNumber: string | null;
  otherState: string;
  otherAgencyName: string;
}

export interface AdminDocumentDetail {
  row: typeof document.$inferSelect;
  agencyName: string;
  agencyPath: string;
  issuers: { id: number; name: string }[];
  themes: { code: string; label: string }[];
  createdByName: string | null;
  revisions: {
    version: number;
    note: string | null;
    changedAt: string;
    changedBy: string | null;
    title: string;
  }[];
  /** Relations from this document to others (it amends, abolishes … them). */
  outgoing: RelationItem[];
  /** Relations from others to this one (it is amended, abolished … by them). */
  incoming: RelationItem[];
  files: { id: number; filename: string; mediaType: string; size: number; textLength: number }[];
  due: DueMarks;
  warnings: string[];
}

async function relationsOf(db: Db, id: number, direction: 'out' | 'in'): Promise<RelationItem[]> {
  const other = direction === 'out' ? documentRelation.toId : documentRelation.fromId;
  const self = direction === 'out' ? documentRelation.fromId : documentRelation.toId;
  const rows = await db
    .select({
      id: documentRelation.id,
      kind: documentRelation.kind,
      effectiveOn: documentRelation.effectiveOn,
      note: documentRelation.note,
      otherId: document.id,
      otherTitle: document.title,
      otherDocNumber: document.docNumber,
      otherState: document.state,
      otherAgencyName: agency.name,
    })
    .from(documentRelation)
    .innerJoin(document, eq(document.id, other))
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(eq(self, id))
    .orderBy(asc(documentRelation.id));
  return rows;
}

/** One item of the actor's subtree, with everything its back-office page shows. */
export async function adminDocumentDetail(
  db: Db,
  actor: AnyActor,
  id: number,
  today: string,
): Promise<AdminDocumentDetail> {
  const [found] = await db
    .select({
      row: document,
      agencyName: agency.name,
      agencyPath: agency.path,
      createdByName: appUser.displayName,
    })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .leftJoin(appUser, eq(appUser.id, document.createdBy))
    .where(eq(document.id, id));
  if (!found) throw new NotFound('未找到该文件');
  authorize(actor, 'document.view', { agencyPath: found.agencyPath });
  const issuers = await db
    .select({ id: agency.id, name: agency.name })
    .from(documentIssuer)
    .innerJoin(agency, eq(agency.id, documentIssuer.agencyId))
    .where(eq(documentIssuer.documentId, id))
    .orderBy(asc(documentIssuer.position));
  const themes = await db
    .select({ code: documentTheme.themeCode })
    .from(documentTheme)
    .where(eq(documentTheme.documentId, id))
    .orderBy(asc(documentTheme.themeCode));
  const revisions = await db
    .select({
      version: documentRevision.version,
      note: documentRevision.note,
      changedAt: documentRevision.changedAt,
      changedBy: appUser.displayName,
      snapshot: documentRevision.snapshot,
    })
    .from(documentRevision)
    .leftJoin(appUser, eq(appUser.id, documentRevision.changedBy))
    .where(eq(documentRevision.documentId, id))
    .orderBy(desc(documentRevision.version));
  const files = await db
    .select({
      id: documentFile.id,
      filename: storedFile.filename,
      mediaType: storedFile.mediaType,
      size: storedFile.size,
      textLength: sql<number>`length(${documentFile.extractedText})`,
    })
    .from(documentFile)
    .innerJoin(storedFile, eq(storedFile.id, documentFile.fileId))
    .where(eq(documentFile.documentId, id))
    .orderBy(asc(documentFile.position), asc(documentFile.id));
  const [due] = await dueMarks(db, [{ ...found.row, agencyPath: found.agencyPath }], today);
  return {
    row: found.row,
    agencyName: found.agencyName,
    agencyPath: found.agencyPath,
    issuers,
    themes: themes.map((t) => ({ code: t.code, label: themeLabel(t.code) || t.code })),
    createdByName: found.createdByName,
    revisions: revisions.map((r) => ({
      version: r.version,
      note: r.note,
      changedAt: new Date(r.changedAt).toISOString(),
      changedBy: r.changedBy,
      title: String((r.snapshot as { title?: unknown }).title ?? ''),
    })),
    outgoing: await relationsOf(db, id, 'out'),
    incoming: await relationsOf(db, id, 'in'),
    files: files.map((f) => ({ ...f, textLength: Number(f.textLength) })),
    due: due!,
    warnings: documentWarnings(found.row),
  };
}

/** The stored bytes of one attachment of an item of the actor's subtree. */
export async function adminDocumentFile(db: Db, actor: AnyActor, documentId: number, documentFileId: number) {
  const [found] = await db
    .select({
      agencyPath: agency.path,
      filename: storedFile.filename,
      mediaType: storedFile.mediaType,
      bytes: storedFile.content,
    })
    .from(documentFile)
    .innerJoin(document, eq(document.id, documentFile.documentId))
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .innerJoin(storedFile, eq(storedFile.id, documentFile.fileId))
    .where(and(eq(documentFile.id, documentFileId), eq(documentFile.documentId, documentId)));
  if (!found) throw new NotFound('未找到该附件');
  authorize(actor, 'document.view', { agencyPath: found.agencyPath });
  if (!found.bytes) throw new Error('attachment bytes are not in the database store');
  return { filename: found.filename, mediaType: found.mediaType, bytes: found.bytes };
}

export interface LackingInterpretation {
  id: number;
  title: string;
  docNumber: string | null;
  agencyName: string;
  publishedOn: string | null;
  validity: string;
}

/**
 * Published 行政规范性文件 and 规章 of the actor's subtree, in force, that no published 政策解读
 * interprets yet (国办发〔2016〕80号: a policy document and its interpretation are published together).
 */
export async function documentsLackingInterpretation(
  db: Db,
  actor: AnyActor,
): Promise<LackingInterpretation[]> {
  authorizeAction(actor, 'document.view');
  const interpreted = sql`exists (select 1 from ${documentRelation} r join ${document} i on i.id = r.from_id
    where r.to_id = ${document.id} and r.kind = 'interprets' and i.state = 'published')`;
  return db
    .select({
      id: document.id,
      title: document.title,
      docNumber: document.docNumber,
      agencyName: agency.name,
      publishedOn: document.publishedOn,
      validity: document.validity,
    })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(
      and(
        scopeWhere(actor),
        eq(document.kind, 'document'),
        eq(document.state, 'published'),
        inArray(document.effectLevel, ['normative', 'rule']),
        inArray(document.validity, ['effective', 'amended', 'partly_invalid', 'pending']),
        sql`not ${interpreted}`,
      ),
    )
    .orderBy(sql`${document.publishedOn} desc nulls last`, desc(document.id))
    .limit(500);
}

/** agency_setting key of an agency's 索引号 template (it applies to the agencies below it too). */
export const INDEX_TEMPLATE_SETTING = 'index-number-template';

/**
 * The 索引号 template that applies to an agency: its own setting, else the nearest ancestor's,
 * else the default; with the agency whose setting it is (null for the default).
 */
export async function applicableIndexTemplate(
  db: Executor,
  agencyPath: string,
): Promise<{ template: string; fromAgencyId: number | null }> {
  const ids = agencyPath.split('/').filter(Boolean).map(Number);
  const rows = await db
    .select({ agencyId: agencySetting.agencyId, value: agencySetting.value })
    .from(agencySetting)
    .where(and(inArray(agencySetting.agencyId, ids), eq(agencySetting.key, INDEX_TEMPLATE_SETTING)));
  for (const id of [...ids].reverse()) {
    const v = rows.find((r) => r.agencyId === id)?.value;
    if (typeof v === 'string' && v.trim() !== '') return { template: v.trim(), fromAgencyId: id };
  }
  return { template: DEFAULT_INDEX_TEMPLATE, fromAgencyId: null };
}

export interface IndexTemplateView {
  agencyId: number;
  agencyName: string;
  agencyCode: string;
  /** The agency's own setting (null: it uses the inherited or default one). */
  own: string | null;
  /** What applies now, and whose setting it is (null: the default). */
  template: string;
  fromAgencyName: string | null;
}

/** The 索引号 template page of an agency of the actor's subtree. */
export async function indexTemplateView(
  db: Db,
  actor: AnyActor,
  agencyId: number,
): Promise<IndexTemplateView> {
  const [a] = await db
    .select({ id: agency.id, name: agency.name, code: agency.code, path: agency.path })
    .from(agency)
    .where(eq(agency.id, agencyId));
  if (!a) throw new NotFound('未找到该机构');
  authorize(actor, 'document.configure', { agencyPath: a.path });
  const applies = await applicableIndexTemplate(db, a.path);
  let fromAgencyName: string | null = null;
  if (applies.fromAgencyId !== null) {
    const [from] = await db
      .select({ name: agency.name })
      .from(agency)
      .where(eq(agency.id, applies.fromAgencyId));
    fromAgencyName = from?.name ?? null;
  }
  return {
    agencyId: a.id,
    agencyName: a.name,
    agencyCode: a.code,
    own: applies.fromAgencyId === a.id ? applies.template : null,
    template: applies.template,
    fromAgencyName,
  };
}
