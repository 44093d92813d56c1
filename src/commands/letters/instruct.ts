// 呈办: a letter handed up to a leader for instructions; 交办: the leader's instruction recorded and
// the letter handed down to the unit that answers (docs/letters.md).
import { z } from 'zod';
import { InvalidInput } from '../../domain/errors.js';
import { formatDate } from '../../lib/time.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { agencyIdField, letterId, optionalText, requiredText, version } from './inputs.js';
import { activeAgency, loadForStep, takeStep, withinReach } from './step.js';
import { unitMessages } from './writer-messages.js';

const EscalateFields = z.object({
  letterId,
  version,
  leader: requiredText('呈批领导', 50),
  note: optionalText('呈批说明', 1000),
});

export async function escalateLetter(deps: Deps, ctx: CommandContext, input: z.input<typeof EscalateFields>) {
  const f = parseInput(EscalateFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'escalated', on: s.today, leader: f.leader, note: f.note }],
    note: f.note,
    audit: { action: 'letter.escalated', data: { leader: f.leader } },
  });
}

const InstructionFields = z.object({
  letterId,
  version,
  instruction: requiredText('领导批示', 2000),
  agencyId: agencyIdField('请选择承办单位'),
});

export async function recordInstruction(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof InstructionFields>,
) {
  const f = parseInput(InstructionFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  const unit = await activeAgency(deps, f.agencyId);
  if (!unit || !withinReach(ctx.actor, s.loaded, unit.path))
    throw new InvalidInput({ agencyId: '承办单位不存在、已停用或不在本机关管辖范围内' });
  const moved = unit.id !== s.loaded.letter.agencyId;
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'instructed', on: s.today, instruction: f.instruction, agencyId: unit.id }],
    set: { agencyId: unit.id, handlingAgencyId: unit.id, ...(moved ? { assignedTo: null } : {}) },
    audit: { action: 'letter.instructed', data: { instruction: f.instruction, agency: unit.name } },
    messages: (row, tx) =>
      unitMessages(tx, row, {
        topic: 'letter.assigned',
        agencyId: unit.id,
        userId: moved ? null : row.assignedTo,
        subject: `领导批示交办的来信（${row.trackingNumber}）`,
        body: `${s.loaded.mailbox.name}的来信「${row.title}」经领导批示交${unit.name}办理，请在${formatDate('zh', row.dueDate)}前答复。\n领导批示：${f.instruction}`,
      }),
  });
}
