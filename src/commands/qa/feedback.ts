// 「这条答复对您有帮助吗？」: a resident's vote (有用/没用) on a published item, with an optional
// comment. Public (no login), rate-limited and CSRF-checked on its route. The vote row is the record
// and the item's counts are its sums, written in one transaction. No audit event: a vote is not an
// act of the administration, and each audited change would drop every cached public page.
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { NotFound } from '../../domain/errors.js';
import { qaFeedback, qaItem } from '../../db/schema.js';
import type { Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { QA_NOT_FOUND } from './store.js';

export const MAX_FEEDBACK_COMMENT = 500;

const Vote = z.object({
  qaId: z.coerce.number().int().positive(),
  helpful: z.preprocess(
    (v) => (v === 'yes' || v === 'true' ? true : v === 'no' || v === 'false' ? false : v),
    z.boolean({ error: '请选择「有用」或「没用」' }),
  ),
  comment: z
    .string()
    .trim()
    .max(MAX_FEEDBACK_COMMENT, `意见不能超过 ${MAX_FEEDBACK_COMMENT} 个字`)
    .optional()
    .transform((v) => (v ? v : null)),
});
export type QaVoteInput = z.input<typeof Vote>;

export async function recordQaFeedback(deps: Deps, input: QaVoteInput): Promise<void> {
  const f = parseInput(Vote, input);
  const now = deps.now();
  await deps.db.transaction(async (tx) => {
    const [row] = await tx
      .update(qaItem)
      .set(
        f.helpful
          ? { helpfulYes: sql`${qaItem.helpfulYes} + 1` }
          : { helpfulNo: sql`${qaItem.helpfulNo} + 1` },
      )
      .where(and(eq(qaItem.id, f.qaId), eq(qaItem.state, 'published')))
      .returning({ id: qaItem.id });
    if (!row) throw new NotFound(QA_NOT_FOUND);
    await tx
      .insert(qaFeedback)
      .values({ qaId: f.qaId, helpful: f.helpful, comment: f.comment, createdAt: now });
  });
}
