// The reply: the handling unit drafts it (citing Q&A items it reused); when the mailbox requires
// review (审核) the draft waits for the office head, who approves it — the reply is then sent — or
// returns it with a comment. Without review the reply is sent at once. Sent: the writer is told by
// e-mail when they gave an address (docs/letters.md).
import { z } from 'zod';
import { recordQaReuseIn } from '../qa/reuse.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { letterId, optionalText, requiredText, version } from './inputs.js';
import { loadForStep, takeStep } from './step.js';
import { repliedMessage, unitMessages } from './writer-messages.js';

const ReplyFields = z.object({
  letterId,
  version,
  text: requiredText('答复内容', 10000),
  qaIds: z
    .preprocess(
      (v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.coerce.number().int().positive()),
    )
    .optional()
    .default([]),
});

export async function submitReply(deps: Deps, ctx: CommandContext, input: z.input<typeof ReplyFields>) {
  const f = parseInput(ReplyFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  const qaIds = [...new Set(f.qaIds)];
  const reuse = async (
    tx: Parameters<typeof recordQaReuseIn>[0],
    audit: Parameters<typeof recordQaReuseIn>[1],
  ) => {
    for (const qaId of qaIds) await recordQaReuseIn(tx, audit, { qaId, letterId: f.letterId });
  };
  const replyAgencyId = s.loaded.letter.handlingAgencyId ?? s.loaded.letter.agencyId;
  if (s.loaded.mailbox.reviewRequired)
    return takeStep(deps, ctx, s, f.version, {
      events: [{ type: 'replyDrafted', on: s.today, text: f.text, ...(qaIds.length ? { qaIds } : {}) }],
      audit: { action: 'letter.replyDrafted', data: { review: '是' } },
      also: reuse,
    });
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'replied', on: s.today, text: f.text, agencyId: replyAgencyId }],
    set: { replyText: f.text, replyAgencyId },
    audit: { action: 'letter.replied', data: {} },
    also: reuse,
    messages: (row) => repliedMessage(row, s.loaded.mailbox.name),
  });
}

const ReviewFields = z
  .object({
    letterId,
    version,
    decision: z.enum(['approve', 'return'], { error: '请选择审核通过或退回修改' }),
    comment: optionalText('审核意见', 1000),
  })
  .superRefine((v, c) => {
    if (v.decision === 'return' && !v.comment)
      c.addIssue({ code: 'custom', path: ['comment'], message: '退回修改请填写审核意见' });
  });

export async function reviewReply(deps: Deps, ctx: CommandContext, input: z.input<typeof ReviewFields>) {
  const f = parseInput(ReviewFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.review');
  if (f.decision === 'return')
    return takeStep(deps, ctx, s, f.version, {
      events: [{ type: 'reviewReturned', on: s.today, comment: f.comment! }],
      audit: { action: 'letter.reviewReturned', data: { comment: f.comment } },
      messages: (row, tx) =>
        unitMessages(tx, row, {
          topic: 'letter.returned',
          agencyId: row.agencyId,
          userId: row.assignedTo,
          subject: `来信答复被退回修改（${row.trackingNumber}）`,
          body: `来信「${row.title}」的答复未通过审核，请修改后重新提交。\n审核意见：${f.comment}`,
        }),
    });
  const text = s.view.draftText ?? '';
  const replyAgencyId = s.loaded.letter.handlingAgencyId ?? s.loaded.letter.agencyId;
  return takeStep(deps, ctx, s, f.version, {
    events: [
      { type: 'reviewApproved', on: s.today },
      { type: 'replied', on: s.today, text, agencyId: replyAgencyId },
    ],
    note: f.comment,
    set: { replyText: text, replyAgencyId },
    audit: { action: 'letter.reviewApproved', data: f.comment ? { comment: f.comment } : {} },
    messages: (row) => repliedMessage(row, s.loaded.mailbox.name),
  });
}
