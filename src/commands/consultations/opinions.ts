// Opinions of a consultation: from the portal during the period (the public actor: name optional,
// contact optional and encrypted, never shown), entered by staff from e-mail, letters, calls or
// meetings with the day received, and the decision on each (adopted / partly / not adopted, with a
// reason unless adopted). The audit records what happened, never the writer's name or contact.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import {
  acceptsOpinions,
  ADOPTION_LABELS,
  CHANNEL_LABELS,
  DECISIONS,
  OPINION_CHANNELS,
  formatDayZh,
  maskName,
  reasonRequired,
  STAFF_CHANNELS,
  type OpinionChannel,
} from '../../domain/consultations/index.js';
import { isSystem } from '../../domain/agencies/actor.js';
import { Conflict, InvalidInput, InvalidTransition, NotFound } from '../../domain/errors.js';
import { consultation, consultationOpinion } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { consultationForCommand } from '../../queries/consultations.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { idField, optionalText, requiredDate } from './fields.js';

const OpinionBase = z.object({
  consultationId: idField(),
  name: optionalText(50, '姓名或单位名称'),
  contact: optionalText(100, '联系方式'),
  clause: optionalText(100, '所涉条款'),
  content: z
    .string({ error: '请填写意见内容' })
    .trim()
    .min(1, '请填写意见内容')
    .min(5, '意见内容至少 5 个字')
    .max(5000, '意见内容不能超过 5000 个字'),
});

export const PublicOpinionFields = OpinionBase;
export type PublicOpinionInput = z.input<typeof PublicOpinionFields>;

async function insertOpinion(
  deps: Deps,
  ctx: CommandContext,
  c: { id: number; agencyId: number },
  o: z.output<typeof OpinionBase> & { channel: OpinionChannel; receivedOn: string; enteredBy: number | null },
  action: 'consultation.opinion-received' | 'consultation.opinion-entered',
): Promise<{ id: number }> {
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .insert(consultationOpinion)
      .values({
        consultationId: c.id,
        channel: o.channel,
        authorName: o.name,
        authorNameMasked: maskName(o.name),
        contactEnc: deps.personalData.encrypt(o.contact),
        clause: o.clause,
        content: o.content,
        receivedOn: o.receivedOn,
        enteredBy: o.enteredBy,
      })
      .returning({ id: consultationOpinion.id });
    await audit({
      action,
      subjectType: 'consultation',
      subjectId: c.id,
      agencyId: c.agencyId,
      data: { opinion: row!.id, channel: CHANNEL_LABELS[o.channel], receivedOn: o.receivedOn },
    });
    return row!;
  });
}

/** An opinion through the portal, during the period only. */
export async function submitOpinion(
  deps: Deps,
  ctx: CommandContext,
  input: PublicOpinionInput | Record<string, unknown>,
): Promise<{ id: number }> {
  const f = parseInput(PublicOpinionFields, input);
  const c = await consultationForCommand(deps.db, f.consultationId).catch(() => null);
  if (!c || c.state === 'draft') throw new NotFound('没有找到该意见征集');
  const today = localDate(deps.now());
  if (!acceptsOpinions(c, today))
    throw new InvalidTransition(
      c.opensOn && today < c.opensOn
        ? `本次意见征集自${formatDayZh(c.opensOn)}开始，请届时再提交意见`
        : '本次意见征集已经结束，不再接收意见',
    );
  return insertOpinion(
    deps,
    ctx,
    c,
    { ...f, channel: 'online', receivedOn: today, enteredBy: null },
    'consultation.opinion-received',
  );
}

const StaffOpinionFields = OpinionBase.extend({
  channel: z.enum(OPINION_CHANNELS, { error: '请选择收到意见的方式' }),
  receivedOn: requiredDate('收到日期'),
});
export type StaffOpinionInput = z.input<typeof StaffOpinionFields>;

/** An opinion received by e-mail, letter, phone or at a meeting, entered by staff. */
export async function enterOpinion(
  deps: Deps,
  ctx: CommandContext,
  input: StaffOpinionInput | Record<string, unknown>,
): Promise<{ id: number }> {
  const f = parseInput(StaffOpinionFields, input);
  // Staff enter what arrived off-line; only an import or the demo (the system) records portal ones.
  if (!isSystem(ctx.actor) && !(STAFF_CHANNELS as readonly string[]).includes(f.channel))
    throw new InvalidInput({ channel: '请选择收到意见的方式' });
  const c = await consultationForCommand(deps.db, f.consultationId);
  authorize(ctx.actor, 'engagement.edit', c);
  if (c.state !== 'open' && c.state !== 'closed')
    throw new InvalidTransition(
      c.state === 'draft' ? '征集开始后才能登记意见' : '意见采纳情况已发布，不能再登记意见',
    );
  const today = localDate(deps.now());
  if (f.receivedOn > today) throw new InvalidInput({ receivedOn: '收到日期不能晚于今天' });
  if (c.opensOn && f.receivedOn < c.opensOn)
    throw new InvalidInput({ receivedOn: `收到日期不能早于征集开始日期（${formatDayZh(c.opensOn)}）` });
  return insertOpinion(
    deps,
    ctx,
    c,
    { ...f, enteredBy: 'userId' in ctx.actor ? ctx.actor.userId : null },
    'consultation.opinion-entered',
  );
}

const DecideFields = z.object({
  opinionId: idField('意见'),
  decision: z.enum(DECISIONS, { error: '请选择是否采纳' }),
  reason: optionalText(2000, '理由'),
  /** The decision as the form read it (optimistic lock: '' or pending for a new decision). */
  was: z.string().default('pending'),
});
export type DecideInput = z.input<typeof DecideFields>;

export async function decideOpinion(
  deps: Deps,
  ctx: CommandContext,
  input: DecideInput | Record<string, unknown>,
): Promise<void> {
  const f = parseInput(DecideFields, input);
  const [o] = await deps.db
    .select({
      id: consultationOpinion.id,
      consultationId: consultationOpinion.consultationId,
      adoption: consultationOpinion.adoption,
    })
    .from(consultationOpinion)
    .where(eq(consultationOpinion.id, f.opinionId));
  if (!o) throw new NotFound('没有找到该意见');
  const c = await consultationForCommand(deps.db, o.consultationId);
  authorize(ctx.actor, 'engagement.edit', c);
  if (c.state === 'feedback_published') throw new InvalidTransition('意见采纳情况已发布，不能再修改');
  if (c.state === 'draft') throw new InvalidTransition('征集开始后才能处理意见');
  if (reasonRequired(f.decision) && !f.reason)
    throw new InvalidInput({ reason: `${ADOPTION_LABELS[f.decision]}的，请说明理由` });
  const was = f.was || 'pending';
  await inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .update(consultationOpinion)
      .set({
        adoption: f.decision,
        reason: f.reason,
        decidedBy: 'userId' in ctx.actor ? ctx.actor.userId : null,
      })
      .where(and(eq(consultationOpinion.id, o.id), eq(consultationOpinion.adoption, was)))
      .returning({ id: consultationOpinion.id });
    if (!row) throw new Conflict('该意见的采纳情况已被他人修改，请刷新页面查看后重试');
    // The consultation's page changed too (the report's counts): its version moves with it.
    await tx.update(consultation).set({ updatedAt: deps.now() }).where(eq(consultation.id, c.id));
    await audit({
      action: 'consultation.opinion-decided',
      subjectType: 'consultation',
      subjectId: c.id,
      agencyId: c.agencyId,
      data: {
        opinion: o.id,
        before: ADOPTION_LABELS[o.adoption as keyof typeof ADOPTION_LABELS] ?? o.adoption,
        adoption: ADOPTION_LABELS[f.decision],
        ...(f.reason ? { reason: f.reason } : {}),
      },
    });
  });
}
