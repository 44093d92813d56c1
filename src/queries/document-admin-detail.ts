// One item of the back-office document library (issue 10): its row with issuers, themes, history,
// relations both ways, attachments, due date and warnings; and the bytes of one attachment.
// Always within the actor's subtree (publishing agency); outside it an item is 404.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { themeLabel } from '../domain/documents/themes.js';
import { NotFound } from '../domain/errors.js';
import type { Db } from '../db/client.js';
import {
  agency,
  appUser,
  document,
  documentFile,
  documentIssuer,
  documentRelation,
  documentRevision,
  documentTheme,
  storedFile,
} from '../db/schema.js';
import { authorize } from '../policies/policy.js';
import { documentWarnings, dueMarks, type DueMarks } from './document-admin.js';

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
