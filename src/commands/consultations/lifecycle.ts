// Opening, closing and the feedback report of a consultation. Opening checks the period against the
// minimum of its type on the agency's working-day calendar: a shorter one is refused (InvalidInput,
// 422) with the minimum, its source and the earliest closing day. Closing waits for the last day (the
// period cannot be shortened). The feedback report is published once closed and every opinion decided.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { isSystem } from '../../domain/agencies/actor.js';
import {
  checkPeriod,
  feedbackBlockers,
  formatDayZh,
  periodText,
  type Adoption,
  type ConsultationType,
} from '../../domain/consultations/index.js';
import { Conflict, InvalidInput, InvalidTransition } from '../../domain/errors.js';
import { consultation, consultationOpinion } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { loadWorkCalendar } from '../../queries/calendar.js';
import { consultationPeriods } from '../../queries/consultation-settings.js';
import { consultationForCommand } from '../../queries/consultations.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { idField, optionalText, STALE, versionField } from './fields.js';

const Step = z.object({ id: idField(), version: versionField });

export async function openConsultation(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof Step> | Record<string, unknown>,
): Promise<{ version: number }> {
  const f = parseInput(Step, input);
  const c = await consultationForCommand(deps.db, f.id);
  authorize(ctx.actor, 'engagement.publish', c);
  if (c.state !== 'draft') throw new InvalidTransition('该意见征集已经开始，不能再次开始');
  if (c.version !== f.version) throw new Conflict(STALE);
  const missing: Record<string, string> = {};
  if (!c.opensOn) missing.opensOn = '请先填写开始日期';
  if (!c.closesOn) missing.closesOn = '请先填写截止日期';
  if (Object.keys(missing).length) throw new InvalidInput(missing, Object.values(missing).join('；'));
  const today = localDate(deps.now());
  // The demo and imports (the system actor) record consultations of the past.
  if (!isSystem(ctx.actor) && c.opensOn! < today)
    throw new InvalidInput(
      { opensOn: `开始日期不能早于今天（${formatDayZh(today)}），请先修改日期` },
      `开始日期不能早于今天（${formatDayZh(today)}），请先修改日期`,
    );
  const calendar = await loadWorkCalendar(deps.db, c.agencyPath);
  const check = checkPeriod(
    c.decisionType as ConsultationType,
    c.concernsMarket,
    c.opensOn!,
    c.closesOn!,
    calendar,
    await consultationPeriods(deps.db),
  );
  if (!check.ok) throw new InvalidInput({ closesOn: check.message }, check.message);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .update(consultation)
      .set({ state: 'open', version: f.version + 1, updatedAt: deps.now() })
      .where(
        and(eq(consultation.id, f.id), eq(consultation.version, f.version), eq(consultation.state, 'draft')),
      )
      .returning({ version: consultation.version });
    if (!row) throw new Conflict(STALE);
    await audit({
      action: 'consultation.opened',
      subjectType: 'consultation',
      subjectId: c.id,
      agencyId: c.agencyId,
      data: {
        opensOn: c.opensOn,
        closesOn: c.closesOn,
        minimum: periodText(check.rule),
        source: check.rule.source,
      },
    });
    return row;
  });
}

export async function closeConsultation(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof Step> | Record<string, unknown>,
): Promise<{ version: number }> {
  const f = parseInput(Step, input);
  const c = await consultationForCommand(deps.db, f.id);
  authorize(ctx.actor, 'engagement.publish', c);
  if (c.state !== 'open') throw new InvalidTransition('只有正在征集的意见征集才能结束');
  if (c.version !== f.version) throw new Conflict(STALE);
  const today = localDate(deps.now());
  if (c.closesOn && today <= c.closesOn)
    throw new InvalidTransition(`征集期至${formatDayZh(c.closesOn)}，期满后才能结束征集`);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [row] = await tx
      .update(consultation)
      .set({ state: 'closed', version: f.version + 1, updatedAt: deps.now() })
      .where(
        and(eq(consultation.id, f.id), eq(consultation.version, f.version), eq(consultation.state, 'open')),
      )
      .returning({ version: consultation.version });
    if (!row) throw new Conflict(STALE);
    const opinions = await tx
      .select({ id: consultationOpinion.id })
      .from(consultationOpinion)
      .where(eq(consultationOpinion.consultationId, c.id));
    await audit({
      action: 'consultation.closed',
      subjectType: 'consultation',
      subjectId: c.id,
      agencyId: c.agencyId,
      data: { opinions: opinions.length },
    });
    return row;
  });
}

const Publish = Step.extend({ feedbackSummary: optionalText(20000, '采纳情况说明') });

export async function publishFeedback(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof Publish> | Record<string, unknown>,
): Promise<{ version: number }> {
  const f = parseInput(Publish, input);
  const c = await consultationForCommand(deps.db, f.id);
  authorize(ctx.actor, 'engagement.publish', c);
  if (c.version !== f.version) throw new Conflict(STALE);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const opinions = await tx
      .select({ adoption: consultationOpinion.adoption })
      .from(consultationOpinion)
      .where(eq(consultationOpinion.consultationId, c.id));
    const blockers = feedbackBlockers(
      c.state,
      opinions.map((o) => ({ adoption: o.adoption as Adoption })),
    );
    if (blockers.length) throw new InvalidTransition(blockers.join('；'));
    const [row] = await tx
      .update(consultation)
      .set({
        state: 'feedback_published',
        feedbackSummary: f.feedbackSummary,
        feedbackPublishedAt: deps.now(),
        version: f.version + 1,
        updatedAt: deps.now(),
      })
      .where(
        and(eq(consultation.id, f.id), eq(consultation.version, f.version), eq(consultation.state, 'closed')),
      )
      .returning({ version: consultation.version });
    if (!row) throw new Conflict(STALE);
    const count = (a: string) => opinions.filter((o) => o.adoption === a).length;
    await audit({
      action: 'consultation.feedback-published',
      subjectType: 'consultation',
      subjectId: c.id,
      agencyId: c.agencyId,
      data: {
        opinions: opinions.length,
        adopted: count('adopted'),
        partly: count('partly'),
        notAdopted: count('not_adopted'),
      },
    });
    return row;
  });
}
