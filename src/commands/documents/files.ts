// Attachments of a library item (PDF, DOCX, XLSX, images). The caller (the back office) has sniffed
// the type from the bytes and read the text in a reader worker (src/extract): commands do no
// parsing. Here: store the bytes behind the file-store interface, link them to the document, and
// fold the text into the document's search columns — one transaction under the optimistic lock.
import { and, eq, sql } from 'drizzle-orm';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { databaseFileStore, type FileStore } from '../../db/file-store.js';
import type { Executor } from '../../db/client.js';
import { applicationFile, documentFile, gazetteIssue, storedFile } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { attachmentsText, loadDocument, searchColumnsOf, updateDocument } from './store.js';

/** The media types a document may carry (the sniffer's answers). */
const DOCUMENT_FILE_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'image/jpeg',
  'image/png',
] as const;

const MAX_DOCUMENT_FILES = 20;
/** Text kept per attachment for search (a longer text is cut). */
const MAX_TEXT_CHARS = 1_000_000;

export interface AttachInput {
  documentId: number;
  version: number;
  file: { filename: string; mediaType: string; bytes: Buffer };
  /** The text read from the file ('' for images, spreadsheets, or when it could not be read). */
  extractedText: string;
}

function editRight(state: string) {
  return state === 'published' ? ('document.publish' as const) : ('document.edit' as const);
}

export async function attachDocumentFile(
  deps: Deps,
  ctx: CommandContext,
  input: AttachInput,
  store: FileStore = databaseFileStore,
): Promise<{ id: number; version: number }> {
  const loaded = await loadDocument(deps.db, input.documentId);
  authorize(ctx.actor, editRight(loaded.row.state), { agencyPath: loaded.agencyPath });
  if (loaded.row.state === 'withdrawn')
    throw new InvalidInput({ file: '已撤回的文件请先重新编辑，再添加附件' });
  if (!(DOCUMENT_FILE_TYPES as readonly string[]).includes(input.file.mediaType))
    throw new InvalidInput({
      file: '附件类型不支持：请上传 PDF、Word（.docx）、Excel（.xlsx）、JPEG 或 PNG 文件',
    });
  const existing = await attachmentsText(deps.db, loaded.row.id);
  const [n] = await deps.db
    .select({ n: sql<number>`count(*)` })
    .from(documentFile)
    .where(eq(documentFile.documentId, loaded.row.id));
  if (Number(n?.n ?? 0) >= MAX_DOCUMENT_FILES)
    throw new InvalidInput({ file: `每份文件最多 ${MAX_DOCUMENT_FILES} 个附件` });
  const text = input.extractedText.slice(0, MAX_TEXT_CHARS);
  const search = searchColumnsOf(
    loaded.row,
    [...existing, text].filter((t) => t !== ''),
  );
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await updateDocument(tx, loaded.row.id, input.version, { ...search }, deps.now());
    const stored = await store.put(tx, input.file);
    const [link] = await tx
      .insert(documentFile)
      .values({ documentId: row.id, fileId: stored.id, position: Number(n?.n ?? 0), extractedText: text })
      .returning({ id: documentFile.id });
    await audit({
      action: 'document.file-attached',
      subjectType: 'document',
      subjectId: row.id,
      agencyId: row.agencyId,
      data: { title: row.title, file: stored.filename, size: stored.size, textLength: text.length },
    });
    return { id: link!.id, version: row.version };
  });
}

export async function removeDocumentFile(
  deps: Deps,
  ctx: CommandContext,
  input: { documentId: number; version: number; documentFileId: number },
  store: FileStore = databaseFileStore,
): Promise<{ version: number }> {
  const loaded = await loadDocument(deps.db, input.documentId);
  authorize(ctx.actor, editRight(loaded.row.state), { agencyPath: loaded.agencyPath });
  const where = and(eq(documentFile.id, input.documentFileId), eq(documentFile.documentId, loaded.row.id));
  const [file] = await deps.db
    .select({ id: documentFile.id, fileId: documentFile.fileId, filename: storedFile.filename })
    .from(documentFile)
    .innerJoin(storedFile, eq(storedFile.id, documentFile.fileId))
    .where(where);
  if (!file) throw new NotFound('未找到该附件');
  const rest = await deps.db
    .select({ id: documentFile.id, text: documentFile.extractedText })
    .from(documentFile)
    .where(eq(documentFile.documentId, loaded.row.id));
  const search = searchColumnsOf(
    loaded.row,
    rest.filter((r) => r.id !== file.id && r.text !== '').map((r) => r.text),
  );
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await updateDocument(tx, loaded.row.id, input.version, { ...search }, deps.now());
    await tx.delete(documentFile).where(where);
    const orphaned = !(await isReferenced(tx, file.fileId));
    if (orphaned) await store.delete(tx, file.fileId);
    await audit({
      action: 'document.file-removed',
      subjectType: 'document',
      subjectId: row.id,
      agencyId: row.agencyId,
      data: { title: row.title, file: file.filename, bytesDeleted: orphaned },
    });
    return { version: row.version };
  });
}

/** Whether any row still points at the stored file: every foreign key to stored_file in the schema. */
export async function isReferenced(tx: Executor, fileId: number): Promise<boolean> {
  const inDocuments = await tx
    .select({ id: documentFile.id })
    .from(documentFile)
    .where(eq(documentFile.fileId, fileId))
    .limit(1);
  if (inDocuments.length > 0) return true;
  const inApplications = await tx
    .select({ id: applicationFile.fileId })
    .from(applicationFile)
    .where(eq(applicationFile.fileId, fileId))
    .limit(1);
  if (inApplications.length > 0) return true;
  const inGazette = await tx
    .select({ id: gazetteIssue.id })
    .from(gazetteIssue)
    .where(eq(gazetteIssue.fileId, fileId))
    .limit(1);
  return inGazette.length > 0;
}
