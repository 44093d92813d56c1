// Documents for tests. publishThroughCommands publishes as staff do (draft → review → publish);
// insertDocument inserts rows the way a publishing command leaves them: sanitised body and
// its text, the search columns from documentSearchColumns (as every writer of `document` must), the
// 发文字号's normal form, themes, joint issuers, relations. `publicChange` then does what a command's
// audit does for the page cache (bump the public version, tell this instance), since these inserts
// are not commands.
import type { Deps } from '../../src/commands/context.js';
import { publishDocument, submitDocumentForReview } from '../../src/commands/documents/publication.js';
import { recordDocumentRelation } from '../../src/commands/documents/relations.js';
import { saveDocumentDraft } from '../../src/commands/documents/save.js';
import { bumpPublicVersion } from '../../src/db/repositories/public-version.js';
import { databaseFileStore } from '../../src/db/file-store.js';
import {
  document,
  documentFile,
  documentIssuer,
  documentRelation,
  documentTheme,
} from '../../src/db/schema.js';
import { normalizeDocNumber } from '../../src/domain/documents/doc-number.js';
import { documentSearchColumns } from '../../src/lib/chinese-tokens.js';
import { htmlToPlainText, sanitizeBodyHtml } from '../../src/lib/sanitize-html.js';

export interface DocumentSeed {
  agencyId: number;
  title: string;
  kind?: 'document' | 'interpretation';
  state?: 'draft' | 'review' | 'published' | 'withdrawn';
  docNumber?: string | null;
  /** Sanitised before it is stored, as the commands do. */
  bodyHtml?: string;
  genre?: string | null;
  effectLevel?: 'rule' | 'normative' | 'other';
  unifiedNumber?: string | null;
  writtenOn?: string | null;
  publishedOn?: string | null;
  effectiveOn?: string | null;
  expiresOn?: string | null;
  validity?: string;
  validitySince?: string | null;
  category?: string | null;
  /** 公开方式 (default 主动公开). */
  disclosureMethod?: 'proactive' | 'on_request' | 'not_disclosed';
  interpretationForm?: string | null;
  mediaUrl?: string | null;
  themes?: string[];
  /** Joint issuers after the first. */
  coIssuers?: number[];
  synthetic?: boolean;
  publishedAt?: Date;
}

let serial = 0;

/** The `document` row of a seed (themes and joint issuers are rows of their own tables). */
function documentRow(deps: Deps, s: DocumentSeed): typeof document.$inferInsert {
  serial++;
  const bodyHtml = sanitizeBodyHtml(s.bodyHtml ?? `<p>${s.title}的正文。</p>`);
  const bodyText = htmlToPlainText(bodyHtml);
  const state = s.state ?? 'published';
  const indexNumber = `TEST/${(s.publishedOn ?? '2026').slice(0, 4)}-${String(serial).padStart(5, '0')}-${Date.now() % 100000}`;
  return {
    kind: s.kind ?? 'document',
    agencyId: s.agencyId,
    indexNumber: state === 'draft' || state === 'review' ? null : indexNumber,
    title: s.title,
    docNumber: s.docNumber ?? null,
    docNumberNorm: s.docNumber ? normalizeDocNumber(s.docNumber) : null,
    genre: s.genre ?? null,
    effectLevel: s.effectLevel ?? 'other',
    unifiedNumber: s.unifiedNumber ?? null,
    writtenOn: s.writtenOn ?? null,
    publishedOn: s.publishedOn ?? (state === 'published' ? '2026-11-20' : null),
    effectiveOn: s.effectiveOn ?? null,
    expiresOn: s.expiresOn ?? null,
    validity: s.validity ?? 'effective',
    validitySince: s.validitySince ?? null,
    category: s.category ?? null,
    disclosureMethod: s.disclosureMethod ?? 'proactive',
    interpretationForm: s.interpretationForm ?? null,
    mediaUrl: s.mediaUrl ?? null,
    bodyHtml,
    bodyText,
    state,
    publishedAt: state === 'published' || state === 'withdrawn' ? (s.publishedAt ?? deps.now()) : null,
    withdrawnAt: state === 'withdrawn' ? deps.now() : null,
    withdrawnReason: state === 'withdrawn' ? '测试撤回' : null,
    synthetic: s.synthetic ?? false,
    ...documentSearchColumns({ title: s.title, docNumber: s.docNumber, bodyText }),
  };
}

export async function insertDocument(
  deps: Deps,
  s: DocumentSeed,
): Promise<{ id: number; indexNumber: string }> {
  const [row] = await deps.db
    .insert(document)
    .values(documentRow(deps, s))
    .returning({ id: document.id, indexNumber: document.indexNumber });
  const id = row!.id;
  if (s.themes?.length)
    await deps.db.insert(documentTheme).values(s.themes.map((themeCode) => ({ documentId: id, themeCode })));
  if (s.coIssuers?.length)
    await deps.db
      .insert(documentIssuer)
      .values(s.coIssuers.map((agencyId, i) => ({ documentId: id, agencyId, position: i + 1 })));
  return { id, indexNumber: row!.indexNumber ?? '' };
}

/**
 * Many documents in one INSERT (for tests that need hundreds of rows, e.g. past the search's
 * window). Themes and joint issuers are not written: seeds with them go through insertDocument.
 */
export async function insertDocuments(deps: Deps, seeds: DocumentSeed[]): Promise<number[]> {
  if (seeds.some((s) => s.themes?.length || s.coIssuers?.length))
    throw new Error('insertDocuments writes no themes or joint issuers: use insertDocument');
  const rows = await deps.db
    .insert(document)
    .values(seeds.map((s) => documentRow(deps, s)))
    .returning({ id: document.id });
  return rows.map((r) => r.id);
}

export async function insertRelation(
  deps: Deps,
  r: { fromId: number; toId: number; kind: string; effectiveOn?: string | null; note?: string | null },
): Promise<void> {
  await deps.db.insert(documentRelation).values({
    fromId: r.fromId,
    toId: r.toId,
    kind: r.kind,
    effectiveOn: r.effectiveOn ?? null,
    note: r.note ?? null,
  });
}

export async function attachFile(
  deps: Deps,
  documentId: number,
  file: { filename: string; mediaType: string; bytes: Buffer },
): Promise<number> {
  const stored = await databaseFileStore.put(deps.db, file);
  await deps.db.insert(documentFile).values({ documentId, fileId: stored.id });
  return stored.id;
}

/** What a command's audit does for public pages: the page cache drops what it holds. */
export async function publicChange(deps: Deps): Promise<void> {
  await bumpPublicVersion(deps.db);
  for (const listener of deps.publicChangeListeners ?? []) listener();
}

const SYSTEM = { actor: { system: true as const, label: 'test' } };

/**
 * A document published as staff publish it: saved as a draft, submitted for review and published
 * through the commands (索引号, search columns and the public version all set by them).
 */
export async function publishThroughCommands(
  deps: Deps,
  fields: Record<string, unknown>,
): Promise<{ id: number; indexNumber: string }> {
  const saved = await saveDocumentDraft(deps, SYSTEM, { fields });
  const reviewed = await submitDocumentForReview(deps, SYSTEM, {
    documentId: saved.id,
    version: saved.version,
  });
  const published = await publishDocument(deps, SYSTEM, { documentId: saved.id, version: reviewed.version });
  return { id: saved.id, indexNumber: published.indexNumber };
}

/** A relation recorded as staff record it (the target's 有效性 recomputed in the same transaction). */
export async function recordRelationThroughCommand(
  deps: Deps,
  r: { fromId: number; toId: number; kind: string; effectiveOn?: string; note?: string },
): Promise<void> {
  await recordDocumentRelation(deps, SYSTEM, r as Parameters<typeof recordDocumentRelation>[2]);
}

/**
 * The documents both the API and the portal library tests start from: 测试市's 行政复议 rule
 * (`reg`, jointly issued with the department; `regFields` adds each file's themes, body and dates),
 * the abolished greening rule (`old`), a draft and a withdrawn document. Returns their ids; the
 * caller adds what only it needs (relations, attachments, other documents) and calls publicChange.
 */
export async function seedDocumentLibrary(
  deps: Deps,
  city: { city: { id: number }; dept: { id: number } },
  regFields: Partial<DocumentSeed> = {},
): Promise<{ reg: number; old: number; draft: number; withdrawn: number }> {
  const agencyId = city.city.id;
  const reg = await insertDocument(deps, {
    agencyId,
    title: '测试市行政复议工作规定',
    docNumber: '测府〔2020〕12号',
    genre: '规定',
    effectLevel: 'rule',
    publishedOn: '2020-03-10',
    effectiveOn: '2020-04-01',
    category: 'a20-01',
    coIssuers: [city.dept.id],
    ...regFields,
  });
  const old = await insertDocument(deps, {
    agencyId,
    title: '测试市城市绿化管理办法',
    effectLevel: 'rule',
    publishedOn: '2010-05-01',
    effectiveOn: '2010-06-01',
    validity: 'abolished',
    validitySince: '2025-03-01',
  });
  const draft = await insertDocument(deps, { agencyId, title: '尚未发布的草稿文件', state: 'draft' });
  const withdrawn = await insertDocument(deps, { agencyId, title: '已经撤回的文件', state: 'withdrawn' });
  return { reg: reg.id, old: old.id, draft: draft.id, withdrawn: withdrawn.id };
}
