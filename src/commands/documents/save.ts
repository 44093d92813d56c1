// Writing a library item: a new draft, a change to a draft, or a change to a published item (which
// keeps the version it replaces as a revision, and keeps its 索引号). parse → authorize → tokens
// (jieba, CPU) outside the transaction → one transaction: the row under the optimistic lock, its
// themes and joint issuers, the cached 有效性, and the audit event.
import { inArray } from 'drizzle-orm';
import { isSystem } from '../../domain/agencies/actor.js';
import { assertIndexNumberUnchanged } from '../../domain/documents/index-number.js';
import { nextPublicationState, requiredPermission } from '../../domain/documents/publication.js';
import type { PublicationState } from '../../domain/documents/vocab.js';
import { InvalidInput } from '../../domain/errors.js';
import { agency, document, documentRevision } from '../../db/schema.js';
import type { Executor, Tx } from '../../db/client.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { documentWarnings } from '../../queries/document-admin.js';
import { diff, inTransaction, type Audit, type CommandContext, type Deps } from '../context.js';
import { documentColumns, parseDocumentFields, type DocumentValues } from './fields.js';
import {
  attachmentsText,
  loadDocument,
  type LoadedDocument,
  refreshValidity,
  searchColumnsOf,
  snapshotOf,
  updateDocument,
  writeThemesAndIssuers,
} from './store.js';

export interface SaveDraftInput {
  /** Absent for a new item. */
  documentId?: number | null;
  /** The version the person saw (required when documentId is given). */
  version?: number | null;
  fields: unknown;
}

export interface Saved {
  id: number;
  version: number;
  /** Problems that did not stop the save (shown beside the item until fixed). */
  warnings: string[];
}

/** The agencies of these ids with their paths; InvalidInput (on `field`) for one that does not exist. */
async function agenciesOf(db: Executor, ids: number[], field: string) {
  if (ids.length === 0) return new Map<number, string>();
  const rows = await db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(inArray(agency.id, ids));
  const found = new Map(rows.map((r) => [r.id, r.path]));
  if (ids.some((id) => !found.has(id)))
    throw new InvalidInput({
      [field]: field === 'agencyId' ? '所选发布机构不存在' : '所选联合发文机关不存在',
    });
  return found;
}

/** The audit's before/after: the changed fields, the body as its length (the revision keeps it). */
function auditDiff(before: Record<string, unknown>, after: Record<string, unknown>) {
  const strip = (o: Record<string, unknown>): Record<string, unknown> => {
    const { bodyHtml, bodyText: _text, docNumberNorm: _norm, ...rest } = o;
    return { ...rest, bodyLength: typeof bodyHtml === 'string' ? bodyHtml.length : undefined };
  };
  const b = strip(before);
  const a = strip(after);
  for (const k of ['themes', 'issuerIds'] as const) {
    b[k] = JSON.stringify(before[k] ?? []);
    a[k] = JSON.stringify(after[k] ?? []);
  }
  return diff(b, a);
}

/**
 * What follows the write of a changed item in its transaction: its themes and joint issuers, its
 * 有效性, and the audit event with the changed fields (then `extra`, e.g. the 修改说明).
 */
async function recordChange(
  tx: Tx,
  audit: Audit,
  action: 'document.updated' | 'document.revised',
  loaded: LoadedDocument,
  v: DocumentValues,
  id: number,
  today: string,
  extra: Record<string, unknown> = {},
): Promise<void> {
  await writeThemesAndIssuers(tx, id, v.themes, v.issuerIds);
  await refreshValidity(tx, [id], today);
  await audit({
    action,
    subjectType: 'document',
    subjectId: id,
    agencyId: v.agencyId,
    data: {
      title: v.title,
      ...auditDiff(snapshotOf(loaded), { ...documentColumns(v), themes: v.themes, issuerIds: v.issuerIds }),
      ...extra,
    },
  });
}

/** Creates a draft, or changes a draft (state 草稿). */
export async function saveDocumentDraft(
  deps: Deps,
  ctx: CommandContext,
  input: SaveDraftInput,
): Promise<Saved> {
  const v = parseDocumentFields(input.fields);
  const paths = await agenciesOf(deps.db, [v.agencyId], 'agencyId');
  await agenciesOf(deps.db, v.issuerIds, 'issuerIds');
  authorize(ctx.actor, 'document.edit', { agencyPath: paths.get(v.agencyId)! });
  const now = deps.now();
  const today = localDate(now);
  const warnings = documentWarnings(v);

  if (input.documentId == null) {
    const search = searchColumnsOf(v, []);
    return inTransaction(deps, ctx, async (tx, audit) => {
      const [row] = await tx
        .insert(document)
        .values({
          ...documentColumns(v),
          ...search,
          state: 'draft',
          validity: 'effective',
          createdBy: isSystem(ctx.actor) ? null : ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: document.id, version: document.version });
      await writeThemesAndIssuers(tx, row!.id, v.themes, v.issuerIds);
      await refreshValidity(tx, [row!.id], today);
      await audit({
        action: 'document.created',
        subjectType: 'document',
        subjectId: row!.id,
        agencyId: v.agencyId,
        data: { after: { title: v.title, kind: v.kind, docNumber: v.docNumber, effectLevel: v.effectLevel } },
      });
      return { id: row!.id, version: row!.version, warnings };
    });
  }

  const loaded = await loadDocument(deps.db, input.documentId);
  authorize(ctx.actor, 'document.edit', { agencyPath: loaded.agencyPath });
  nextPublicationState(loaded.row.state as PublicationState, 'edit');
  if (loaded.row.state === 'published')
    throw new InvalidInput({ _form: '已发布的文件请通过「修改已发布文件」保存，系统将保留修改前的版本' });
  const search = searchColumnsOf(v, await attachmentsText(deps.db, loaded.row.id));
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await updateDocument(
      tx,
      loaded.row.id,
      input.version ?? -1,
      { ...documentColumns(v), ...search },
      now,
    );
    await recordChange(tx, audit, 'document.updated', loaded, v, row.id, today);
    return { id: row.id, version: row.version, warnings };
  });
}

export interface EditPublishedInput {
  documentId: number;
  version: number;
  fields: unknown;
  /** 修改说明: why the published text changed (kept with the revision). */
  note?: string | null;
}

/**
 * Changes a published item: the version it replaces is kept as a revision (with the note), the
 * 索引号 and 发布日期 stay, the search columns and 有效性 follow the new text and dates.
 */
export async function editPublishedDocument(
  deps: Deps,
  ctx: CommandContext,
  input: EditPublishedInput,
): Promise<Saved> {
  const v = parseDocumentFields(input.fields);
  const note = input.note?.trim() ?? '';
  if (note === '') throw new InvalidInput({ note: '请填写修改说明（将记入修订记录）' });
  if (note.length > 500) throw new InvalidInput({ note: '修改说明不能超过 500 个字符' });
  const loaded = await loadDocument(deps.db, input.documentId);
  const from = loaded.row.state as PublicationState;
  authorize(ctx.actor, requiredPermission(from, 'edit'), { agencyPath: loaded.agencyPath });
  if (from !== 'published') throw new InvalidInput({ _form: '该文件尚未发布，请直接保存草稿' });
  const paths = await agenciesOf(deps.db, [v.agencyId], 'agencyId');
  await agenciesOf(deps.db, v.issuerIds, 'issuerIds');
  if (v.agencyId !== loaded.row.agencyId)
    throw new InvalidInput({ agencyId: '已发布文件的发布机构不能更改（索引号按发布机构编制）' });
  // The platform shows 主动公开 items only (第十九条、第二十条): a published item stays 主动公开 until withdrawn.
  if (v.disclosureMethod !== 'proactive')
    throw new InvalidInput({
      disclosureMethod: '已发布的文件公开方式只能是“主动公开”：如需改为依申请公开或不予公开，请先撤回该文件',
    });
  authorize(ctx.actor, 'document.publish', { agencyPath: paths.get(v.agencyId)! });
  const now = deps.now();
  const today = localDate(now);
  const warnings = documentWarnings(v);
  const search = searchColumnsOf(v, await attachmentsText(deps.db, loaded.row.id));
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await updateDocument(
      tx,
      loaded.row.id,
      input.version,
      { ...documentColumns(v), ...search },
      now,
    );
    assertIndexNumberUnchanged(loaded.row.indexNumber, row.indexNumber);
    await tx.insert(documentRevision).values({
      documentId: row.id,
      version: loaded.row.version,
      snapshot: snapshotOf(loaded),
      note,
      changedBy: isSystem(ctx.actor) ? null : ctx.actor.userId,
      changedAt: now,
    });
    await recordChange(tx, audit, 'document.revised', loaded, v, row.id, today, { note });
    return { id: row.id, version: row.version, warnings };
  });
}
