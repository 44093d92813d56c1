// What the document commands share: loading a document with its agency's path (for the policy),
// the optimistic-lock update, the search columns, the revision snapshot and the cached 有效性.
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { deriveValidity } from '../../domain/documents/validity.js';
import type { RelationKind } from '../../domain/documents/vocab.js';
import { Conflict, NotFound } from '../../domain/errors.js';
import type { Executor, Tx } from '../../db/client.js';
import {
  agency,
  document,
  documentFile,
  documentIssuer,
  documentRelation,
  documentTheme,
} from '../../db/schema.js';
import { documentSearchColumns } from '../../lib/chinese-tokens.js';

export type DocumentRow = typeof document.$inferSelect;

export interface LoadedDocument {
  row: DocumentRow;
  agencyPath: string;
  agencyCode: string;
  themes: string[];
  issuerIds: number[];
}

export const CONFLICT_MESSAGE = '该文件已被他人更新，请刷新页面查看最新内容后重试';

/** The document and what the policy and the commands need about it; NotFound when there is none. */
export async function loadDocument(db: Executor, id: number): Promise<LoadedDocument> {
  const [found] = await db
    .select({ row: document, agencyPath: agency.path, agencyCode: agency.code })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(eq(document.id, id));
  if (!found) throw new NotFound('未找到该文件');
  const themes = await db
    .select({ code: documentTheme.themeCode })
    .from(documentTheme)
    .where(eq(documentTheme.documentId, id))
    .orderBy(asc(documentTheme.themeCode));
  const issuers = await db
    .select({ id: documentIssuer.agencyId })
    .from(documentIssuer)
    .where(eq(documentIssuer.documentId, id))
    .orderBy(asc(documentIssuer.position));
  return { ...found, themes: themes.map((t) => t.code), issuerIds: issuers.map((i) => i.id) };
}

/** UPDATE … WHERE version = ?: of two people saving at once, one wins and the other is told. */
export async function updateDocument(
  tx: Tx,
  id: number,
  version: number,
  set: Partial<typeof document.$inferInsert>,
  now: Date,
): Promise<DocumentRow> {
  const [row] = await tx
    .update(document)
    .set({ ...set, version: sql`${document.version} + 1`, updatedAt: now })
    .where(and(eq(document.id, id), eq(document.version, version)))
    .returning();
  if (!row) throw new Conflict(CONFLICT_MESSAGE);
  return row;
}

/** The text of the document's attachments, in order (indexed with the body). */
export async function attachmentsText(db: Executor, id: number): Promise<string[]> {
  const rows = await db
    .select({ text: documentFile.extractedText })
    .from(documentFile)
    .where(eq(documentFile.documentId, id))
    .orderBy(asc(documentFile.position), asc(documentFile.id));
  return rows.map((r) => r.text).filter((t) => t !== '');
}

/** The search columns for a row's title, 文号, body and attachments (jieba; CPU, no I/O). */
export function searchColumnsOf(
  d: { title: string; docNumber: string | null; bodyText: string },
  attachments: string[],
) {
  return documentSearchColumns({
    title: d.title,
    docNumber: d.docNumber,
    bodyText: d.bodyText,
    attachmentsText: attachments,
  });
}

/** Replaces the document's themes and joint issuers. */
export async function writeThemesAndIssuers(
  tx: Tx,
  id: number,
  themes: readonly string[],
  issuerIds: readonly number[],
): Promise<void> {
  await tx.delete(documentTheme).where(eq(documentTheme.documentId, id));
  if (themes.length > 0)
    await tx.insert(documentTheme).values(themes.map((themeCode) => ({ documentId: id, themeCode })));
  await tx.delete(documentIssuer).where(eq(documentIssuer.documentId, id));
  if (issuerIds.length > 0)
    await tx
      .insert(documentIssuer)
      .values(issuerIds.map((agencyId, i) => ({ documentId: id, agencyId, position: i + 1 })));
}

/** The fields a revision keeps: what the document said at that version (not its search columns). */
export function snapshotOf(d: LoadedDocument): Record<string, unknown> {
  const r = d.row;
  return {
    kind: r.kind,
    agencyId: r.agencyId,
    indexNumber: r.indexNumber,
    title: r.title,
    docNumber: r.docNumber,
    genre: r.genre,
    effectLevel: r.effectLevel,
    unifiedNumber: r.unifiedNumber,
    writtenOn: r.writtenOn,
    publishedOn: r.publishedOn,
    effectiveOn: r.effectiveOn,
    expiresOn: r.expiresOn,
    formedOn: r.formedOn,
    validity: r.validity,
    disclosureMethod: r.disclosureMethod,
    category: r.category,
    interpretationForm: r.interpretationForm,
    mediaUrl: r.mediaUrl,
    bodyHtml: r.bodyHtml,
    themes: d.themes,
    issuerIds: d.issuerIds,
    state: r.state,
  };
}

/** Relations that change a document's 有效性 (the others only link two documents). */
export const VALIDITY_RELATIONS: readonly RelationKind[] = ['amends', 'replaces', 'abolishes', 'invalidates'];

/**
 * Recomputes the cached 有效性 of these documents from their dates and the relations pointing at
 * them from published documents (a draft that would abolish a document changes nothing until it is
 * published). Writes only what changed; returns the documents whose 有效性 changed.
 */
export async function refreshValidity(
  tx: Tx,
  ids: readonly number[],
  today: string,
): Promise<{ id: number; before: string; after: string; since: string | null }[]> {
  if (ids.length === 0) return [];
  const docs = await tx
    .select({
      id: document.id,
      effectiveOn: document.effectiveOn,
      expiresOn: document.expiresOn,
      validity: document.validity,
      validitySince: document.validitySince,
    })
    .from(document)
    .where(inArray(document.id, [...ids]));
  const source = sql`(select state from ${document} s where s.id = ${documentRelation.fromId})`;
  const incoming = await tx
    .select({
      toId: documentRelation.toId,
      kind: documentRelation.kind,
      effectiveOn: documentRelation.effectiveOn,
      note: documentRelation.note,
    })
    .from(documentRelation)
    .where(and(inArray(documentRelation.toId, [...ids]), sql`${source} = 'published'`));
  const changed: { id: number; before: string; after: string; since: string | null }[] = [];
  for (const d of docs) {
    const derived = deriveValidity(
      { effectiveOn: d.effectiveOn, expiresOn: d.expiresOn },
      incoming
        .filter((r) => r.toId === d.id)
        .map((r) => ({ kind: r.kind as RelationKind, effectiveOn: r.effectiveOn, note: r.note })),
      today,
    );
    if (derived.validity === d.validity && derived.since === d.validitySince) continue;
    await tx
      .update(document)
      .set({ validity: derived.validity, validitySince: derived.since })
      .where(eq(document.id, d.id));
    changed.push({ id: d.id, before: d.validity, after: derived.validity, since: derived.since });
  }
  return changed;
}

/** The documents this one points at with a relation that changes their 有效性. */
export async function validityTargetsOf(db: Executor, fromId: number): Promise<number[]> {
  const rows = await db
    .select({ toId: documentRelation.toId })
    .from(documentRelation)
    .where(and(eq(documentRelation.fromId, fromId), inArray(documentRelation.kind, [...VALIDITY_RELATIONS])));
  return [...new Set(rows.map((r) => r.toId))];
}
