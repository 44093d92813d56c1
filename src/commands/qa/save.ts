// Writing a Q&A item: a new draft or a change to an existing one (a published item stays published
// with the new text). parse → check the linked documents exist and are published → authorize →
// tokens (jieba, CPU) outside the transaction → one transaction: the row under the optimistic lock,
// its linked documents, and the audit event.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { normalizeDocNumber } from '../../domain/documents/doc-number.js';
import { InvalidInput } from '../../domain/errors.js';
import {
  altQuestionLines,
  documentReferences,
  MAX_ALT_QUESTIONS,
  MAX_ANSWER_LENGTH,
  MAX_LINKED_DOCUMENTS,
  MAX_QUESTION_LENGTH,
} from '../../domain/qa/qa.js';
import type { Executor } from '../../db/client.js';
import { agency, document, qaDocument, qaItem } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { diff, inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { loadQaItem, qaSearchColumns, updateQaItem } from './store.js';

const optionalId = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.coerce.number().int().positive().optional(),
);

export const QaFields = z.object({
  id: optionalId,
  version: optionalId,
  agencyId: z.coerce.number({ error: '请选择发布机构' }).int().positive('请选择发布机构'),
  question: z
    .string()
    .trim()
    .min(1, '请填写问题')
    .max(MAX_QUESTION_LENGTH, `问题不能超过 ${MAX_QUESTION_LENGTH} 个字`),
  /** Other ways of asking, one per line. */
  altQuestions: z.string().default(''),
  answer: z
    .string()
    .trim()
    .min(1, '请填写答复内容')
    .max(MAX_ANSWER_LENGTH, `答复内容不能超过 ${MAX_ANSWER_LENGTH} 个字`),
  category: z.string().trim().min(1, '请选择或填写分类').max(20, '分类不能超过 20 个字'),
  reviewBy: z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
      error: '复核日期应为日期，例如 2027-06-30',
    }),
  /** Linked documents and interpretations: 发文字号 or id, one per line. */
  documents: z.string().default(''),
});
export type QaInput = z.input<typeof QaFields>;

/**
 * The published documents the references name, in the order typed; InvalidInput on `documents`
 * listing the references that name no published document.
 */
export async function resolveDocumentReferences(db: Executor, text: string): Promise<number[]> {
  const refs = documentReferences(text);
  if (refs.length > MAX_LINKED_DOCUMENTS)
    throw new InvalidInput({ documents: `最多关联 ${MAX_LINKED_DOCUMENTS} 份文件` });
  const ids: number[] = [];
  const missing: string[] = [];
  for (const ref of refs) {
    const byId = /^\d{1,9}$/.test(ref) ? Number(ref) : null;
    const norm = byId === null ? normalizeDocNumber(ref) : null;
    const where =
      byId !== null
        ? eq(document.id, byId)
        : norm !== null
          ? eq(document.docNumberNorm, norm)
          : eq(document.title, ref);
    const [found] = await db
      .select({ id: document.id })
      .from(document)
      .where(and(where, eq(document.state, 'published')))
      .orderBy(desc(document.publishedOn), desc(document.id))
      .limit(1);
    if (!found) missing.push(ref);
    else if (!ids.includes(found.id)) ids.push(found.id);
  }
  if (missing.length > 0)
    throw new InvalidInput({
      documents: `没有找到已发布的文件：${missing.join('、')}（请填写发文字号、文件标题或文件编号，每行一个）`,
    });
  return ids;
}

export interface SavedQa {
  id: number;
  version: number;
}

export async function saveQaItem(
  deps: Deps,
  ctx: CommandContext,
  input: QaInput | Record<string, string | undefined>,
  options: { synthetic?: boolean } = {},
): Promise<SavedQa> {
  const f = parseInput(QaFields, input);
  const altQuestions = altQuestionLines(f.altQuestions);
  if (altQuestions.length > MAX_ALT_QUESTIONS)
    throw new InvalidInput({ altQuestions: `其他问法最多 ${MAX_ALT_QUESTIONS} 条` });
  const [target] = await deps.db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.id, f.agencyId));
  if (!target) throw new InvalidInput({ agencyId: '所选发布机构不存在' });
  authorize(ctx.actor, 'qa.edit', { agencyPath: target.path });
  const existing = f.id !== undefined ? await loadQaItem(deps.db, f.id) : null;
  if (existing) {
    authorize(ctx.actor, 'qa.edit', existing);
    if (f.version === undefined) throw new InvalidInput({ version: '缺少版本号，请刷新页面后重试' });
  }
  const documentIds = await resolveDocumentReferences(deps.db, f.documents);
  const columns = qaSearchColumns({ question: f.question, altQuestions, answer: f.answer });
  const values = {
    agencyId: f.agencyId,
    question: f.question,
    altQuestions,
    answer: f.answer,
    category: f.category,
    reviewBy: f.reviewBy === '' ? null : f.reviewBy,
  };
  const now = deps.now();
  return inTransaction(deps, ctx, async (tx, audit) => {
    let id: number;
    let version: number;
    if (existing) {
      const row = await updateQaItem(tx, existing.row.id, f.version!, { ...values, ...columns }, now);
      id = row.id;
      version = row.version;
      const before = await tx
        .select({ documentId: qaDocument.documentId })
        .from(qaDocument)
        .where(eq(qaDocument.qaId, id));
      const changes = diff(
        {
          ...existing.row,
          altQuestions: existing.row.altQuestions.join('\n'),
          documentIds: before.map((d) => d.documentId).join(','),
        } as Record<string, unknown>,
        { ...values, altQuestions: altQuestions.join('\n'), documentIds: documentIds.join(',') },
      );
      await audit({
        action: 'qa.updated',
        subjectType: 'qa_item',
        subjectId: id,
        agencyId: f.agencyId,
        data: { question: f.question, ...changes },
      });
    } else {
      const [row] = await tx
        .insert(qaItem)
        .values({
          ...values,
          ...columns,
          state: 'draft',
          synthetic: options.synthetic ?? false,
          createdBy: 'userId' in ctx.actor ? ctx.actor.userId : null,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: qaItem.id, version: qaItem.version });
      id = row!.id;
      version = row!.version;
      await audit({
        action: 'qa.created',
        subjectType: 'qa_item',
        subjectId: id,
        agencyId: f.agencyId,
        data: { question: f.question, after: { ...values, documentIds } },
      });
    }
    await tx.delete(qaDocument).where(eq(qaDocument.qaId, id));
    if (documentIds.length > 0)
      await tx.insert(qaDocument).values(documentIds.map((documentId) => ({ qaId: id, documentId })));
    return { id, version };
  });
}
