// 分拣: the office accepts a letter (受理: the clock starts; optionally naming the 承办单位 at once),
// or declines it — 不予受理, 无效件 or 重复件 (linked to the earlier letter) — and still answers the
// writer with the reason: a declined letter is replied at once (docs/letters.md).
import { z } from 'zod';
import { InvalidInput } from '../../domain/errors.js';
import { DECLINE_OUTCOMES } from '../../domain/letters/kinds.js';
import { normaliseLetterTrackingNumber } from '../../domain/letters/tracking.js';
import { findLetterIdByTracking } from '../../db/repositories/letters.js';
import { formatDate } from '../../lib/time.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { agencyIdField, letterId, optionalText, requiredText, version } from './inputs.js';
import { TRIAGE_NAMES } from './messages.js';
import { activeAgency, loadForStep, takeStep, withinReach } from './step.js';
import { repliedMessage, unitMessages } from './writer-messages.js';

const AcceptFields = z.object({
  letterId,
  version,
  agencyId: agencyIdField('请选择承办单位').optional().nullable(),
  note: optionalText('备注', 500),
});

export async function acceptLetter(deps: Deps, ctx: CommandContext, input: z.input<typeof AcceptFields>) {
  const f = parseInput(AcceptFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  let unit: { id: number; name: string } | null = null;
  if (f.agencyId && f.agencyId !== s.loaded.letter.agencyId) {
    const a = await activeAgency(deps, f.agencyId);
    if (!a || !withinReach(ctx.actor, s.loaded, a.path))
      throw new InvalidInput({ agencyId: '承办单位不存在、已停用或不在本机关管辖范围内' });
    unit = a;
  }
  const agencyId = unit?.id ?? s.loaded.letter.agencyId;
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'accepted', on: s.today, agencyId }],
    note: f.note,
    set: { agencyId, handlingAgencyId: agencyId, triage: 'accepted', assignedTo: null },
    audit: {
      action: 'letter.accepted',
      data: unit ? { agency: unit.name } : {},
    },
    messages: (row, tx) =>
      unit
        ? unitMessages(tx, row, {
            topic: 'letter.assigned',
            agencyId: unit.id,
            subject: `请办理来信（${row.trackingNumber}）`,
            body: `${s.loaded.mailbox.name}的来信「${row.title}」已交由本单位办理，请在${formatDate('zh', row.dueDate)}前答复。`,
          })
        : [],
  });
}

const DeclineFields = z
  .object({
    letterId,
    version,
    triage: z.enum(DECLINE_OUTCOMES, { error: '请选择不予受理、无效件或重复件' }),
    reason: requiredText('理由', 500),
    duplicateOfTracking: z
      .string()
      .trim()
      .optional()
      .nullable()
      .transform((v) => (v ? v : null)),
    replyText: requiredText('给来信人的答复', 5000),
  })
  .superRefine((v, c) => {
    if (v.triage === 'duplicate' && !v.duplicateOfTracking)
      c.addIssue({
        code: 'custom',
        path: ['duplicateOfTracking'],
        message: '重复件请填写此前来信的信件编号',
      });
  });

export async function declineLetter(deps: Deps, ctx: CommandContext, input: z.input<typeof DeclineFields>) {
  const f = parseInput(DeclineFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  let duplicateOf: number | null = null;
  if (f.triage === 'duplicate' && f.duplicateOfTracking) {
    const tracking = normaliseLetterTrackingNumber(f.duplicateOfTracking);
    duplicateOf = await findLetterIdByTracking(deps.db, tracking);
    if (duplicateOf === null || duplicateOf === s.loaded.letter.id)
      throw new InvalidInput({ duplicateOfTracking: `没有找到编号为「${f.duplicateOfTracking}」的此前来信` });
  }
  return takeStep(deps, ctx, s, f.version, {
    events: [
      {
        type: 'declined',
        on: s.today,
        triage: f.triage,
        reason: f.reason,
        duplicateOf,
        replyText: f.replyText,
      },
    ],
    set: {
      triage: f.triage,
      triageReason: f.reason,
      duplicateOf,
      replyText: f.replyText,
      replyAgencyId: s.loaded.letter.agencyId,
    },
    audit: {
      action: 'letter.declined',
      data: {
        triage: TRIAGE_NAMES[f.triage],
        reason: f.reason,
        ...(f.duplicateOfTracking
          ? { duplicateOf: normaliseLetterTrackingNumber(f.duplicateOfTracking) }
          : {}),
      },
    },
    messages: (row) => repliedMessage(row, s.loaded.mailbox.name),
  });
}
