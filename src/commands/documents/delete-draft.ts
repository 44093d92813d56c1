// 删除草稿: a draft that was never published (no 索引号 assigned) can be thrown away. Anything that
// was ever published keeps its record — the 索引号 stays reserved and the history stays auditable —
// so it is withdrawn instead. The row goes with its themes, issuers, revisions and attachment links
// (cascades) and its relations; stored bytes that nothing else uses go too. One transaction under
// the optimistic lock, audited `document.draftDeleted`.
import { and, eq, or } from 'drizzle-orm';
import { Conflict, InvalidTransition } from '../../domain/errors.js';
import { databaseFileStore, type FileStore } from '../../db/file-store.js';
import { document, documentFile, documentRelation } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { isReferenced } from './files.js';
import { CONFLICT_MESSAGE, loadDocument } from './store.js';

export async function deleteDocumentDraft(
  deps: Deps,
  ctx: CommandContext,
  input: { documentId: number; version: number },
  store: FileStore = databaseFileStore,
): Promise<{ id: number }> {
  const loaded = await loadDocument(deps.db, input.documentId);
  authorize(ctx.actor, 'document.edit', { agencyPath: loaded.agencyPath });
  if (loaded.row.state !== 'draft' || loaded.row.indexNumber !== null)
    throw new InvalidTransition('只能删除从未发布过的草稿；已发布过的文件请撤回，不能删除');
  const files = await deps.db
    .select({ fileId: documentFile.fileId })
    .from(documentFile)
    .where(eq(documentFile.documentId, loaded.row.id));
  return inTransaction(deps, ctx, async (tx, audit) => {
    // Relations first (no cascade); a stale version rolls them back with the rest.
    await tx
      .delete(documentRelation)
      .where(or(eq(documentRelation.fromId, loaded.row.id), eq(documentRelation.toId, loaded.row.id)));
    const [gone] = await tx
      .delete(document)
      .where(
        and(eq(document.id, loaded.row.id), eq(document.version, input.version), eq(document.state, 'draft')),
      )
      .returning({ id: document.id, agencyId: document.agencyId, title: document.title });
    if (!gone) throw new Conflict(CONFLICT_MESSAGE);
    let filesDeleted = 0;
    for (const { fileId } of files) {
      if (await isReferenced(tx, fileId)) continue;
      await store.delete(tx, fileId);
      filesDeleted += 1;
    }
    await audit({
      action: 'document.draftDeleted',
      subjectType: 'document',
      subjectId: gone.id,
      agencyId: gone.agencyId,
      data: { title: gone.title, attachments: files.length, filesDeleted },
    });
    return { id: gone.id };
  });
}
