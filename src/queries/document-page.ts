// The read model of one published document's public page (and the API's document): its metadata
// block, body, attachments, and the relations both ways — what it amends or abolishes, what amended or
// abolished it, its 政策解读 or the document a 解读 explains. A draft, a document in review and a
// withdrawn one are absent (null → 404), and so is every related document that is not published.
import { and, asc, eq } from 'drizzle-orm';
import type { Db, Executor } from '../db/client.js';
import { databaseFileStore } from '../db/file-store.js';
import {
  agency,
  document,
  documentFile,
  documentIssuer,
  documentRelation,
  documentTheme,
  gazetteIssue,
  gazetteItem,
  storedFile,
} from '../db/schema.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { deriveValidity, type IncomingRelation } from '../domain/documents/validity.js';
import { isRelationKind } from '../domain/documents/vocab.js';
import { isPublished } from './document-list.js';

export interface RelatedDocument {
  id: number;
  kind: string;
  title: string;
  docNumber: string | null;
  publishedOn: string | null;
}

export interface DocumentRelationView {
  /** RELATION_KINDS. */
  kind: string;
  effectiveOn: string | null;
  note: string | null;
  /** The other document: the target of an outgoing relation, the source of an incoming one. */
  other: RelatedDocument;
}

export interface DocumentAttachmentInfo {
  fileId: number;
  filename: string;
  mediaType: string;
  size: number;
}

export interface PublicDocument {
  id: number;
  kind: string;
  title: string;
  indexNumber: string | null;
  docNumber: string | null;
  genre: string | null;
  effectLevel: string;
  unifiedNumber: string | null;
  writtenOn: string | null;
  publishedOn: string | null;
  effectiveOn: string | null;
  expiresOn: string | null;
  /** 有效性 on the day asked for (VALIDITY_STATES), and the day it began (null: unknown). */
  validity: string;
  validitySince: string | null;
  disclosureMethod: string;
  category: string | null;
  interpretationForm: string | null;
  mediaUrl: string | null;
  /** Sanitised when it was saved (src/lib/sanitize-html.ts): the only HTML a page renders raw. */
  bodyHtml: string;
  synthetic: boolean;
  publishedAt: Date | null;
  updatedAt: Date;
  /** 发文机关: the publishing agency first, then the joint issuers in their order. */
  issuers: { code: string; name: string }[];
  /** 主题分类 codes. */
  themes: string[];
  attachments: DocumentAttachmentInfo[];
  /** This document → others (it amends, replaces, abolishes, invalidates, interprets, implements them). */
  outgoing: DocumentRelationView[];
  /** Others → this document (they amend, replace, abolish … or interpret it). */
  incoming: DocumentRelationView[];
  /** The issues of a 政府公报 that printed it (published issues only: an issue exists once made). */
  gazette: { agencyCode: string; agencyName: string; year: number; number: number }[];
}

/**
 * A published document by id, with everything its page shows; null when absent or not published.
 * Its 有效性 is derived for `today` from its dates and every relation recorded against it (the stored
 * column is a cache that a relation taking effect later has not yet changed).
 */
export async function loadPublicDocument(db: Db, id: number, today: IsoDate): Promise<PublicDocument | null> {
  const [row] = await db
    .select({ d: document, agencyCode: agency.code, agencyName: agency.name })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(and(eq(document.id, id), isPublished));
  if (!row) return null;
  const d = row.d;
  const [joint, themes, files, outgoing, incoming, facts, gazette] = await Promise.all([
    db
      .select({ code: agency.code, name: agency.name })
      .from(documentIssuer)
      .innerJoin(agency, eq(agency.id, documentIssuer.agencyId))
      .where(eq(documentIssuer.documentId, id))
      .orderBy(asc(documentIssuer.position)),
    db
      .select({ code: documentTheme.themeCode })
      .from(documentTheme)
      .where(eq(documentTheme.documentId, id))
      .orderBy(asc(documentTheme.themeCode)),
    db
      .select({
        fileId: storedFile.id,
        filename: storedFile.filename,
        mediaType: storedFile.mediaType,
        size: storedFile.size,
      })
      .from(documentFile)
      .innerJoin(storedFile, eq(storedFile.id, documentFile.fileId))
      .where(eq(documentFile.documentId, id))
      .orderBy(asc(documentFile.position), asc(documentFile.id)),
    relations(db, id, 'outgoing'),
    relations(db, id, 'incoming'),
    db
      .select({
        kind: documentRelation.kind,
        effectiveOn: documentRelation.effectiveOn,
        note: documentRelation.note,
      })
      .from(documentRelation)
      .where(eq(documentRelation.toId, id)),
    db
      .select({
        agencyCode: agency.code,
        agencyName: agency.name,
        year: gazetteIssue.year,
        number: gazetteIssue.number,
      })
      .from(gazetteItem)
      .innerJoin(gazetteIssue, eq(gazetteIssue.id, gazetteItem.issueId))
      .innerJoin(agency, eq(agency.id, gazetteIssue.agencyId))
      .where(eq(gazetteItem.documentId, id))
      .orderBy(asc(gazetteIssue.year), asc(gazetteIssue.number)),
  ]);
  const derived = deriveValidity(
    { effectiveOn: d.effectiveOn, expiresOn: d.expiresOn },
    facts.filter((f) => isRelationKind(f.kind)) as IncomingRelation[],
    today,
  );
  return {
    id: d.id,
    kind: d.kind,
    title: d.title,
    indexNumber: d.indexNumber,
    docNumber: d.docNumber,
    genre: d.genre,
    effectLevel: d.effectLevel,
    unifiedNumber: d.unifiedNumber,
    writtenOn: d.writtenOn,
    publishedOn: d.publishedOn,
    effectiveOn: d.effectiveOn,
    expiresOn: d.expiresOn,
    validity: derived.validity,
    validitySince: derived.since,
    disclosureMethod: d.disclosureMethod,
    category: d.category,
    interpretationForm: d.interpretationForm,
    mediaUrl: d.mediaUrl,
    bodyHtml: d.bodyHtml,
    synthetic: d.synthetic,
    publishedAt: d.publishedAt,
    updatedAt: d.updatedAt,
    issuers: [{ code: row.agencyCode, name: row.agencyName }, ...joint],
    themes: themes.map((t) => t.code),
    attachments: files,
    outgoing,
    incoming,
    gazette,
  };
}

/** Relations of a document whose other end is published, oldest first. */
async function relations(db: Db, id: number, way: 'outgoing' | 'incoming'): Promise<DocumentRelationView[]> {
  const self = way === 'outgoing' ? documentRelation.fromId : documentRelation.toId;
  const other = way === 'outgoing' ? documentRelation.toId : documentRelation.fromId;
  const rows = await db
    .select({
      kind: documentRelation.kind,
      effectiveOn: documentRelation.effectiveOn,
      note: documentRelation.note,
      id: document.id,
      docKind: document.kind,
      title: document.title,
      docNumber: document.docNumber,
      publishedOn: document.publishedOn,
    })
    .from(documentRelation)
    .innerJoin(document, eq(document.id, other))
    .where(and(eq(self, id), isPublished))
    .orderBy(asc(documentRelation.effectiveOn), asc(documentRelation.id));
  return rows.map((r) => ({
    kind: r.kind,
    effectiveOn: r.effectiveOn,
    note: r.note,
    other: { id: r.id, kind: r.docKind, title: r.title, docNumber: r.docNumber, publishedOn: r.publishedOn },
  }));
}

export interface DocumentDownload {
  filename: string;
  mediaType: string;
  bytes: Buffer;
}

/** An attachment of a published document; null when either is absent (or the document is not public). */
export async function publicDocumentAttachment(
  db: Executor,
  documentId: number,
  fileId: number,
): Promise<DocumentDownload | null> {
  const [link] = await db
    .select({ fileId: documentFile.fileId })
    .from(documentFile)
    .innerJoin(document, eq(document.id, documentFile.documentId))
    .where(and(eq(documentFile.documentId, documentId), eq(documentFile.fileId, fileId), isPublished));
  if (!link) return null;
  const file = await databaseFileStore.get(db, fileId);
  if (!file) return null;
  return { filename: file.filename, mediaType: file.mediaType, bytes: file.bytes };
}
