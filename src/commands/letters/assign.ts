// 交办 to the unit that answers (承办单位, optionally its officer), or 转办 to another agency with the
// reason. An assigned letter is in the unit's scope from then on; the mailbox's office keeps seeing it.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isWithin } from '../../domain/agencies/agency.js';
import { InvalidInput } from '../../domain/errors.js';
import { agency, appUser } from '../../db/schema.js';
import { formatDate } from '../../lib/time.js';
import type { CommandContext, Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { agencyIdField, letterId, requiredText, version } from './inputs.js';
import { activeAgency, loadForStep, takeStep, withinReach } from './step.js';
import { unitMessages } from './writer-messages.js';

const AssignFields = z.object({
  letterId,
  version,
  agencyId: agencyIdField('请选择承办单位'),
  userId: z.coerce.number().int().positive().optional().nullable(),
});

export async function assignLetter(deps: Deps, ctx: CommandContext, input: z.input<typeof AssignFields>) {
  const f = parseInput(AssignFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  const unit = await activeAgency(deps, f.agencyId);
  if (!unit || !withinReach(ctx.actor, s.loaded, unit.path))
    throw new InvalidInput({ agencyId: '承办单位不存在、已停用或不在本机关管辖范围内' });
  let officer: { id: number; displayName: string } | null = null;
  if (f.userId) {
    const [u] = await deps.db
      .select({
        id: appUser.id,
        displayName: appUser.displayName,
        role: appUser.role,
        path: agency.path,
        disabledAt: appUser.disabledAt,
      })
      .from(appUser)
      .innerJoin(agency, eq(agency.id, appUser.agencyId))
      .where(eq(appUser.id, f.userId));
    // The officer works in the unit or above it.
    if (!u || u.disabledAt || !['officer', 'office_head'].includes(u.role) || !isWithin(unit.path, u.path))
      throw new InvalidInput({ userId: '只能交给承办单位在职的工作人员' });
    officer = { id: u.id, displayName: u.displayName };
  }
  return takeStep(deps, ctx, s, f.version, {
    events: [{ type: 'assigned', on: s.today, agencyId: unit.id, userId: officer?.id ?? null }],
    set: { agencyId: unit.id, handlingAgencyId: unit.id, assignedTo: officer?.id ?? null },
    audit: {
      action: 'letter.assigned',
      data: { agency: unit.name, ...(officer ? { officer: officer.displayName } : {}) },
    },
    messages: (row, tx) =>
      unitMessages(tx, row, {
        topic: 'letter.assigned',
        agencyId: unit.id,
        userId: officer?.id ?? null,
        subject: `请办理来信（${row.trackingNumber}）`,
        body: `${s.loaded.mailbox.name}的来信「${row.title}」已交由${unit.name}办理，请在${formatDate('zh', row.dueDate)}前答复。`,
      }),
  });
}

const TransferFields = z.object({
  letterId,
  version,
  agencyId: agencyIdField('请选择转办的单位'),
  reason: requiredText('转办理由', 500),
});

/** 转办: to any active agency (the one with the power over the matter). */
export async function transferLetter(deps: Deps, ctx: CommandContext, input: z.input<typeof TransferFields>) {
  const f = parseInput(TransferFields, input);
  const s = await loadForStep(deps, ctx, f.letterId, 'letter.handle');
  const to = await activeAgency(deps, f.agencyId);
  if (!to) throw new InvalidInput({ agencyId: '转办的单位不存在或已停用' });
  if (to.id === s.loaded.letter.agencyId)
    throw new InvalidInput({ agencyId: '信件已在该单位，请选择其他单位' });
  const accepted = s.view.triage === 'accepted';
  return takeStep(deps, ctx, s, f.version, {
    events: [
      {
        type: 'transferred',
        on: s.today,
        fromAgencyId: s.loaded.letter.agencyId,
        toAgencyId: to.id,
        reason: f.reason,
      },
    ],
    set: { agencyId: to.id, handlingAgencyId: accepted ? to.id : null, assignedTo: null },
    audit: {
      action: 'letter.transferred',
      data: { from: s.loaded.agencyName, agency: to.name, reason: f.reason },
    },
    messages: (row, tx) =>
      unitMessages(tx, row, {
        topic: 'letter.assigned',
        agencyId: to.id,
        subject: `转来的来信（${row.trackingNumber}）`,
        body: `${s.loaded.agencyName}将${s.loaded.mailbox.name}的来信「${row.title}」转至${to.name}${accepted ? '办理' : '分拣受理'}。转办理由：${f.reason}`,
      }),
  });
}
