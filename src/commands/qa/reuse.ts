// An officer reused a Q&A item in a letter's reply: the item's reuse count goes up, with its audit
// event (which letter). Called by the letters module when a reply cites items (submitReply's qaIds).
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { NotFound } from '../../domain/errors.js';
import type { Tx } from '../../db/client.js';
import { qaItem } from '../../db/schema.js';
import { authorizeAction } from '../../policies/policy.js';
import { inTransaction, type Audit, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { loadQaItem, QA_NOT_FOUND } from './store.js';

const Reuse = z.object({
  qaId: z.coerce.number().int().positive(),
  letterId: z.coerce.number().int().positive(),
});
export type QaReuseInput = z.input<typeof Reuse>;

/**
 * Inside the caller's transaction (the letter's reply and the count commit together). The caller has
 * already authorized its own step; any published item may be reused, whoever published it.
 */
export async function recordQaReuseIn(tx: Tx, audit: Audit, input: QaReuseInput): Promise<void> {
  const f = parseInput(Reuse, input);
  const [row] = await tx
    .update(qaItem)
    .set({ reuseCount: sql`${qaItem.reuseCount} + 1` })
    .where(eq(qaItem.id, f.qaId))
    .returning({ id: qaItem.id, agencyId: qaItem.agencyId, question: qaItem.question, state: qaItem.state });
  if (!row) throw new NotFound(QA_NOT_FOUND);
  await audit({
    action: 'qa.reused',
    subjectType: 'qa_item',
    subjectId: row.id,
    agencyId: row.agencyId,
    data: { question: row.question, letterId: f.letterId },
  });
}

/** On its own: the actor must be able to see Q&A items (qa.view); the item must be published. */
export async function recordQaReuse(deps: Deps, ctx: CommandContext, input: QaReuseInput): Promise<void> {
  const f = parseInput(Reuse, input);
  const item = await loadQaItem(deps.db, f.qaId);
  if (item.row.state !== 'published') throw new NotFound(QA_NOT_FOUND);
  // Any officer may reuse any published answer: the check is the right to read the library.
  authorizeAction(ctx.actor, 'qa.view');
  await inTransaction(deps, ctx, (tx, audit) => recordQaReuseIn(tx, audit, f));
}
