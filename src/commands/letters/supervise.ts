// 督办: the office head of the mailbox's office (or above) presses the unit on a letter that is
// overdue or at its warning level. The unit's officers are told; the hourly reminders then also go
// to the supervising office (sendLetterReminders).
import { z } from 'zod';
import { InvalidTransition } from '../../domain/errors.js';
import { formatDate } from '../../lib/time.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { letterId, requiredText, version } from './inputs.js';
import { loadForStep, takeStep } from './step.js';
import { unitMessages } from './writer-messages.js';

const SuperviseFields = z.object({ letterId, version, comment: requiredText('督办意见', 1000) });

export async function superviseLetter(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof SuperviseFields>,
) {
  const f = parseInput(SuperviseFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.review');
  if (s.view.warningLevel === null && s.view.vetoRisk === 'none' && s.view.dueDate !== null)
    throw new InvalidTransition('只能督办已到预警期或已超期的信件');
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'supervised', on: s.today, comment: f.comment }],
    audit: { action: 'letter.supervised', data: { comment: f.comment } },
    messages: (row, tx) =>
      unitMessages(tx, row, {
        topic: 'letter.supervised',
        agencyId: row.agencyId,
        userId: row.assignedTo,
        subject: `督办：请尽快答复来信（${row.trackingNumber}）`,
        body: `来信「${row.title}」的办理期限为${formatDate('zh', row.dueDate)}，现予督办，请尽快答复。\n督办意见：${f.comment}`,
      }),
  });
}
