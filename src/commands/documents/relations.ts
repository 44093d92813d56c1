// Relations between library items, recorded from the newer (source) document: it amends /
// replaces / abolishes / declares invalid / interprets / implements an older (target) one. A relation
// that changes the target's 有效性 refreshes its cached value in the same transaction (counted only
// once the source is published: a draft abolishes nothing).
//
// Who may record one (docs/documents.md): the right to edit the source document, and
// - for amends / replaces / abolishes / invalidates, also the right to publish documents of the
//   target's agency: declaring a document abolished is a public statement about it, made by whoever
//   may publish or withdraw it (the same agency, or one above it in the tree);
// - for interprets / implements, the target need only be published (a department interprets or
//   implements the city's documents, which it cannot edit) or within the actor's scope.
import { and, eq, or } from 'drizzle-orm';
import { z } from 'zod';
import { isSystem } from '../../domain/agencies/actor.js';
import { isIsoDate } from '../../domain/calendar/iso-date.js';
import { normalizeDocNumber } from '../../domain/documents/doc-number.js';
import { RELATION_KINDS, type RelationKind } from '../../domain/documents/vocab.js';
import { InvalidInput, NotAllowed, NotFound } from '../../domain/errors.js';
import type { Executor } from '../../db/client.js';
import { document, documentRelation } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize, can, inScope } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { loadDocument, refreshValidity, VALIDITY_RELATIONS, type LoadedDocument } from './store.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

export const RelationFields = z.object({
  kind: z.enum(RELATION_KINDS, { error: '请选择关系类型' }),
  /** The target by its id (API, links) or by what people type: its 索引号 or 发文字号. */
  toId: z.preprocess(blank, z.coerce.number().int().positive().optional()),
  target: z.preprocess(blank, z.string().trim().max(100, '不能超过 100 个字符').optional()),
  effectiveOn: z.preprocess(
    blank,
    z.string().trim().refine(isIsoDate, '生效日期格式应为 年-月-日，例如 2026-09-28').optional(),
  ),
  note: z.preprocess(blank, z.string().trim().max(500, '说明不能超过 500 个字符').optional()),
});
export type RelationInput = z.input<typeof RelationFields> & { fromId: number };

const CHANGES_VALIDITY = (k: RelationKind) => VALIDITY_RELATIONS.includes(k);

/** The target document typed as a 索引号 or a 发文字号 (any form); InvalidInput when none or several. */
async function findTarget(db: Executor, typed: string): Promise<number> {
  const norm = normalizeDocNumber(typed);
  const rows = await db
    .select({ id: document.id })
    .from(document)
    .where(
      norm
        ? or(eq(document.indexNumber, typed), eq(document.docNumberNorm, norm))
        : eq(document.indexNumber, typed),
    )
    .limit(3);
  if (rows.length === 0) throw new InvalidInput({ target: `没有索引号或发文字号为「${typed}」的文件` });
  if (rows.length > 1) throw new InvalidInput({ target: `发文字号「${typed}」对应多份文件，请填写索引号` });
  return rows[0]!.id;
}

/** May the actor link its document to this target? NotFound when it may not even see the target. */
function assertTargetAllowed(ctx: CommandContext, kind: RelationKind, target: LoadedDocument): void {
  const scoped = { agencyPath: target.agencyPath };
  const visible = target.row.state === 'published' || inScope(ctx.actor, scoped);
  if (!visible) throw new InvalidInput({ target: '没有找到该文件' });
  if (CHANGES_VALIDITY(kind) && !can(ctx.actor, 'document.publish', scoped))
    throw new NotAllowed(
      '修改、代替、废止或宣布失效其他文件，须由有权发布该文件的机构（本机关或上级机关的工作机构负责人、信息发布员）记录',
    );
}

export async function recordDocumentRelation(
  deps: Deps,
  ctx: CommandContext,
  input: RelationInput,
): Promise<{ id: number }> {
  const f = parseInput(RelationFields, input);
  const source = await loadDocument(deps.db, input.fromId);
  authorize(ctx.actor, 'document.edit', { agencyPath: source.agencyPath });
  if (f.toId === undefined && f.target === undefined)
    throw new InvalidInput({ target: '请填写目标文件的索引号或发文字号' });
  const toId = f.toId ?? (await findTarget(deps.db, f.target!));
  if (toId === source.row.id) throw new InvalidInput({ target: '文件不能与自身建立关系' });
  let target: LoadedDocument;
  try {
    target = await loadDocument(deps.db, toId);
  } catch (e) {
    if (e instanceof NotFound) throw new InvalidInput({ target: '没有找到该文件' });
    throw e;
  }
  assertTargetAllowed(ctx, f.kind, target);
  if (f.kind === 'interprets' && source.row.kind !== 'interpretation')
    throw new InvalidInput({ kind: '只有政策解读才能记录「解读」关系；文件之间请选择其他关系' });
  if (f.kind === 'interprets' && target.row.kind === 'interpretation')
    throw new InvalidInput({ target: '解读的对象应为文件，而不是另一篇解读' });
  const today = localDate(deps.now());
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [dup] = await tx
      .select({ id: documentRelation.id })
      .from(documentRelation)
      .where(
        and(
          eq(documentRelation.fromId, source.row.id),
          eq(documentRelation.toId, toId),
          eq(documentRelation.kind, f.kind),
        ),
      );
    if (dup) throw new InvalidInput({ target: '这两份文件之间已记录过该关系' });
    const [row] = await tx
      .insert(documentRelation)
      .values({
        fromId: source.row.id,
        toId,
        kind: f.kind,
        effectiveOn: f.effectiveOn ?? null,
        note: f.note ?? null,
        createdBy: isSystem(ctx.actor) ? null : ctx.actor.userId,
      })
      .returning({ id: documentRelation.id });
    const changed = CHANGES_VALIDITY(f.kind) ? await refreshValidity(tx, [toId], today) : [];
    await audit({
      action: 'document.relation-added',
      subjectType: 'document',
      subjectId: source.row.id,
      agencyId: source.row.agencyId,
      data: {
        title: source.row.title,
        relation: f.kind,
        target: target.row.title,
        effectiveOn: f.effectiveOn ?? null,
        ...(f.note ? { note: f.note } : {}),
        ...(changed[0] ? { validity: { before: changed[0].before, after: changed[0].after } } : {}),
      },
    });
    return { id: row!.id };
  });
}

export async function removeDocumentRelation(
  deps: Deps,
  ctx: CommandContext,
  input: { relationId: number; fromId?: number },
): Promise<void> {
  const [rel] = await deps.db
    .select()
    .from(documentRelation)
    .where(eq(documentRelation.id, input.relationId));
  if (!rel || (input.fromId !== undefined && rel.fromId !== input.fromId)) throw new NotFound('未找到该关系');
  const source = await loadDocument(deps.db, rel.fromId);
  authorize(ctx.actor, 'document.edit', { agencyPath: source.agencyPath });
  const target = await loadDocument(deps.db, rel.toId);
  assertTargetAllowed(ctx, rel.kind as RelationKind, target);
  const today = localDate(deps.now());
  await inTransaction(deps, ctx, async (tx, audit) => {
    const deleted = await tx
      .delete(documentRelation)
      .where(eq(documentRelation.id, rel.id))
      .returning({ id: documentRelation.id });
    if (deleted.length === 0) throw new NotFound('未找到该关系');
    const changed = CHANGES_VALIDITY(rel.kind as RelationKind)
      ? await refreshValidity(tx, [rel.toId], today)
      : [];
    await audit({
      action: 'document.relation-removed',
      subjectType: 'document',
      subjectId: source.row.id,
      agencyId: source.row.agencyId,
      data: {
        title: source.row.title,
        relation: rel.kind,
        target: target.row.title,
        ...(changed[0] ? { validity: { before: changed[0].before, after: changed[0].after } } : {}),
      },
    });
  });
}
