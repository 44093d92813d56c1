// 满意度评价: the writer rates the reply, with the tracking number and the query code (public: no
// login). A wrong code is NotFound, the same as an unknown number. Once per letter.
import { z } from 'zod';
import { NotFound } from '../../domain/errors.js';
import { SATISFACTIONS } from '../../domain/letters/kinds.js';
import { letterView, mailboxRules } from '../../domain/letters/view.js';
import { localDate } from '../../lib/time.js';
import { cachedWorkCalendar } from '../../queries/calendar-cache.js';
import { writerLetter } from '../../queries/letter-lookup.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { SATISFACTION_NAMES } from './messages.js';
import { takeStep, type StepResult } from './step.js';

export const RateFields = z.object({
  trackingNumber: z.string({ error: '请填写信件编号' }).trim().min(1, '请填写信件编号').max(40),
  queryCode: z.string({ error: '请填写查询码' }).trim().min(1, '请填写查询码').max(40),
  satisfaction: z.enum(SATISFACTIONS, { error: '请选择满意程度' }),
  comment: z
    .string()
    .trim()
    .max(500, '评价内容不能超过 500 个字')
    .optional()
    .nullable()
    .transform((v) => (v ? v : null)),
});

export async function rateLetter(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof RateFields>,
): Promise<StepResult> {
  const f = parseInput(RateFields, input);
  const loaded = await writerLetter(deps.db, f.trackingNumber, f.queryCode);
  if (!loaded) throw new NotFound('信件编号或查询码不正确');
  const today = localDate(deps.now());
  const calendar = await cachedWorkCalendar(deps.db, loaded.agencyPath);
  const view = letterView(loaded.facts, mailboxRules(loaded.mailbox), calendar, today);
  return takeStep(deps, ctx, { loaded, today, calendar, view }, loaded.letter.version, {
    events: [{ type: 'rated', on: today, satisfaction: f.satisfaction, comment: f.comment }],
    set: { satisfaction: f.satisfaction, satisfactionComment: f.comment, ratedAt: deps.now() },
    audit: { action: 'letter.rated', data: { satisfaction: SATISFACTION_NAMES[f.satisfaction] } },
  });
}
