// Publishing and withdrawing a Q&A item (the office head or the publisher, like documents): only a
// published item is on the portal, in the API and among the answers matched to a letter.
import { z } from 'zod';
import { InvalidTransition } from '../../domain/errors.js';
import type { QaState } from '../../domain/qa/qa.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { loadQaItem, updateQaItem } from './store.js';

const Step = z.object({
  id: z.coerce.number().int().positive(),
  version: z.coerce.number({ error: '缺少版本号，请刷新页面后重试' }).int().positive(),
  reason: z.string().trim().max(200, '撤回原因不能超过 200 个字').optional(),
});
export type QaStepInput = z.input<typeof Step>;

async function move(deps: Deps, ctx: CommandContext, input: QaStepInput, to: QaState): Promise<number> {
  const f = parseInput(Step, input);
  const item = await loadQaItem(deps.db, f.id);
  authorize(ctx.actor, 'qa.publish', item);
  const from = item.row.state as QaState;
  if (to === 'published' && from === 'published') throw new InvalidTransition('该问答已发布');
  if (to === 'withdrawn' && from !== 'published') throw new InvalidTransition('只能撤回已发布的问答');
  const now = deps.now();
  return inTransaction(deps, ctx, async (tx, audit) => {
    const row = await updateQaItem(
      tx,
      f.id,
      f.version,
      to === 'published' ? { state: to, publishedAt: now } : { state: to },
      now,
    );
    await audit({
      action: to === 'published' ? 'qa.published' : 'qa.withdrawn',
      subjectType: 'qa_item',
      subjectId: f.id,
      agencyId: item.row.agencyId,
      data: { question: item.row.question, ...(f.reason ? { reason: f.reason } : {}) },
    });
    return row.version;
  });
}

export function publishQaItem(deps: Deps, ctx: CommandContext, input: QaStepInput): Promise<number> {
  return move(deps, ctx, input, 'published');
}

export function withdrawQaItem(deps: Deps, ctx: CommandContext, input: QaStepInput): Promise<number> {
  return move(deps, ctx, input, 'withdrawn');
}
