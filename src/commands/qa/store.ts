// What the Q&A commands share: loading an item with its agency's path (for the policy), the
// optimistic-lock update, and the search columns (the same jieba tokens as documents).
import { and, eq, sql } from 'drizzle-orm';
import { qaTitleText } from '../../domain/qa/qa.js';
import { Conflict, NotFound } from '../../domain/errors.js';
import type { Executor, Tx } from '../../db/client.js';
import { agency, qaItem } from '../../db/schema.js';
import { documentSearchColumns } from '../../lib/chinese-tokens.js';

export type QaRow = typeof qaItem.$inferSelect;

export const QA_CONFLICT_MESSAGE = '该问答已被他人更新，请刷新页面查看最新内容后重试';
export const QA_NOT_FOUND = '未找到该问答';

export async function loadQaItem(db: Executor, id: number): Promise<{ row: QaRow; agencyPath: string }> {
  const [found] = await db
    .select({ row: qaItem, agencyPath: agency.path })
    .from(qaItem)
    .innerJoin(agency, eq(agency.id, qaItem.agencyId))
    .where(eq(qaItem.id, id));
  if (!found) throw new NotFound(QA_NOT_FOUND);
  return found;
}

/** UPDATE … WHERE version = ?: of two people saving at once, one wins and the other is told. */
export async function updateQaItem(
  tx: Tx,
  id: number,
  version: number,
  set: Partial<typeof qaItem.$inferInsert>,
  now: Date,
): Promise<QaRow> {
  const [row] = await tx
    .update(qaItem)
    .set({ ...set, version: sql`${qaItem.version} + 1`, updatedAt: now })
    .where(and(eq(qaItem.id, id), eq(qaItem.version, version)))
    .returning();
  if (!row) throw new Conflict(QA_CONFLICT_MESSAGE);
  return row;
}

/**
 * The search columns of an item, computed exactly as a document's: the question and its alternative
 * questions are the title (weight A), the answer the body (weight B). jieba; CPU, no I/O.
 */
export function qaSearchColumns(q: { question: string; altQuestions: readonly string[]; answer: string }) {
  return documentSearchColumns({ title: qaTitleText(q.question, q.altQuestions), bodyText: q.answer });
}
