// 在线访谈 in the back office: an interview is prepared with its guests and times (officers),
// announced on the portal (office head or publisher; a notice shorter than INTERVIEW_RULES.minAnnounceDays
// is allowed and reported back as a warning), its transcript recorded as 「发言人：内容」 lines and
// published after the end. Each step is audited `interview.*`.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isSystem } from '../../domain/agencies/actor.js';
import { isIsoDate } from '../../domain/calendar/iso-date.js';
import { Conflict, InvalidInput, InvalidTransition } from '../../domain/errors.js';
import {
  interviewPhase,
  INTERVIEW_RULES,
  parseGuests,
  parseTranscript,
  shortNotice,
  type InterviewState,
} from '../../domain/interviews/interview.js';
import type { Executor } from '../../db/client.js';
import { agency, interview } from '../../db/schema.js';
import { localDate, startOfLocalDay } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const id = (message: string) =>
  z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);
const time = (label: string) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .min(1, `请填写${label}`)
    .regex(/^([01]?\d|2[0-3])[:：][0-5]\d$/, `${label}格式为 时:分，例如 09:30`);

export const InterviewFields = z.object({
  id: z.preprocess(blank, id('缺少访谈').optional()),
  version: z.preprocess(blank, z.coerce.number().int().optional()),
  agencyId: id('请选择主办单位'),
  title: z
    .string({ error: '请填写访谈主题' })
    .trim()
    .min(1, '请填写访谈主题')
    .max(200, '主题不能超过 200 个字'),
  intro: z.string().trim().max(5000, '简介不能超过 5000 个字').default(''),
  date: z
    .string({ error: '请填写访谈日期' })
    .trim()
    .min(1, '请填写访谈日期')
    .refine(isIsoDate, '访谈日期格式为 年-月-日，例如 2026-12-10'),
  startTime: time('开始时间'),
  endTime: time('结束时间'),
  answerWithinDays: z.preprocess(
    blank,
    z.coerce
      .number({ error: '答复期限须为数字，例如 5' })
      .int('答复期限须为整数')
      .min(1, '答复期限至少 1 个工作日')
      .max(30, '答复期限不能超过 30 个工作日')
      .default(INTERVIEW_RULES.answerWithinDays),
  ),
  guests: z.string().default(''),
});
export type InterviewInput = z.input<typeof InterviewFields>;

/** The instant of a local day and 时:分 (in the configured zone). */
export function localInstant(date: string, hhmm: string): Date {
  const [h, m] = hhmm.split(/[:：]/).map(Number);
  return new Date(startOfLocalDay(date).getTime() + (h! * 60 + m!) * 60_000);
}

export interface InterviewRow {
  id: number;
  agencyId: number;
  agencyPath: string;
  state: InterviewState;
  version: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  answerWithinDays: number;
  guests: { name: string; title: string }[];
  transcript: { speaker: string; text: string }[];
}

export async function loadInterview(
  db: Executor,
  interviewId: number,
  lock = false,
): Promise<InterviewRow | null> {
  const q = db
    .select({
      id: interview.id,
      agencyId: interview.agencyId,
      agencyPath: agency.path,
      state: interview.state,
      version: interview.version,
      title: interview.title,
      startsAt: interview.startsAt,
      endsAt: interview.endsAt,
      answerWithinDays: interview.answerWithinDays,
      guests: interview.guests,
      transcript: interview.transcript,
    })
    .from(interview)
    .innerJoin(agency, eq(agency.id, interview.agencyId))
    .where(eq(interview.id, interviewId));
  const [row] = lock ? await q.for('update', { of: interview }) : await q;
  return row ? { ...row, state: row.state as InterviewState } : null;
}

/** The parsed form: fields, guests and times, or InvalidInput with every problem. */
export function parseInterview(input: InterviewInput | Record<string, unknown>) {
  const f = parseInput(InterviewFields, input);
  const { guests, errors } = parseGuests(f.guests);
  if (errors.length) throw new InvalidInput({ guests: errors.join('；') });
  if (guests.length === 0) throw new InvalidInput({ guests: '请至少填写一位嘉宾，每行一位：「姓名，职务」' });
  const startsAt = localInstant(f.date, f.startTime);
  const endsAt = localInstant(f.date, f.endTime);
  if (endsAt.getTime() <= startsAt.getTime()) throw new InvalidInput({ endTime: '结束时间须晚于开始时间' });
  return { f, guests, startsAt, endsAt };
}

/** Creates or edits an interview (its times may change until it has ended). */
export async function saveInterview(
  deps: Deps,
  ctx: CommandContext,
  input: InterviewInput | Record<string, unknown>,
) {
  const { f, guests, startsAt, endsAt } = parseInterview(input);
  const [target] = await deps.db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.id, f.agencyId));
  if (!target) throw new InvalidInput({ agencyId: '所选单位不存在' });
  authorize(ctx.actor, 'engagement.edit', { agencyPath: target.path });
  const fields = {
    agencyId: f.agencyId,
    title: f.title,
    intro: f.intro,
    guests,
    startsAt,
    endsAt,
    answerWithinDays: f.answerWithinDays,
  };
  return inTransaction(deps, ctx, async (tx, audit) => {
    if (f.id === undefined) {
      const [row] = await tx
        .insert(interview)
        .values({ ...fields, createdBy: isSystem(ctx.actor) ? null : ctx.actor.userId })
        .returning({ id: interview.id });
      await audit({
        action: 'interview.created',
        subjectType: 'interview',
        subjectId: row!.id,
        agencyId: f.agencyId,
        data: {
          title: f.title,
          startsAt: startsAt.toISOString(),
          guests: guests.map((g) => g.name).join('、'),
        },
      });
      return { id: row!.id };
    }
    const current = await loadInterview(tx, f.id, true);
    authorize(ctx.actor, 'engagement.edit', current);
    if (f.version !== undefined && f.version !== current.version)
      throw new Conflict('访谈已被他人修改，请刷新页面后再编辑');
    const timesChanged =
      current.startsAt.getTime() !== startsAt.getTime() || current.endsAt.getTime() !== endsAt.getTime();
    if (timesChanged && current.state !== 'draft' && interviewPhase(current, deps.now()) === 'ended')
      throw new InvalidInput({ date: '访谈已经结束，不能再修改时间' });
    await tx
      .update(interview)
      .set({ ...fields, version: current.version + 1, updatedAt: deps.now() })
      .where(eq(interview.id, current.id));
    await audit({
      action: 'interview.updated',
      subjectType: 'interview',
      subjectId: current.id,
      agencyId: f.agencyId,
      data: {
        title: f.title,
        ...(timesChanged ? { startsAt: startsAt.toISOString() } : {}),
        guests: guests.map((g) => g.name).join('、'),
      },
    });
    return { id: current.id };
  });
}

const Ref = z.object({ interviewId: id('缺少访谈') });

/**
 * Publishes the announcement (预告) on the portal: questions are taken from now until the end.
 * `shortNotice`: announced fewer than INTERVIEW_RULES.minAnnounceDays days before the start.
 */
export async function announceInterview(
  deps: Deps,
  ctx: CommandContext,
  input: { interviewId: unknown },
): Promise<{ shortNotice: boolean }> {
  const f = parseInput(Ref, input);
  const now = deps.now();
  return inTransaction(deps, ctx, async (tx, audit) => {
    const i = await loadInterview(tx, f.interviewId, true);
    authorize(ctx.actor, 'engagement.publish', i);
    if (i.state !== 'draft') throw new InvalidTransition('访谈预告已经发布');
    if (i.endsAt.getTime() <= now.getTime())
      throw new InvalidInput({ _form: '访谈时间已过，不能再发布预告：请先修改访谈时间' });
    const short = shortNotice(localDate(now), localDate(i.startsAt));
    await tx
      .update(interview)
      .set({ state: 'announced', version: i.version + 1, updatedAt: now })
      .where(eq(interview.id, i.id));
    await audit({
      action: 'interview.announced',
      subjectType: 'interview',
      subjectId: i.id,
      agencyId: i.agencyId,
      data: { title: i.title, startsAt: i.startsAt.toISOString(), shortNotice: short },
    });
    return { shortNotice: short };
  });
}

const TranscriptFields = Ref.extend({
  version: z.preprocess(blank, z.coerce.number().int().optional()),
  transcript: z.string().default(''),
});

/** Records (or corrects) the transcript: 「发言人：内容」 one line each. */
export async function recordTranscript(
  deps: Deps,
  ctx: CommandContext,
  input: { interviewId: unknown; version?: unknown; transcript: unknown },
) {
  const f = parseInput(TranscriptFields, input);
  const { lines, errors } = parseTranscript(f.transcript);
  if (errors.length) throw new InvalidInput({ transcript: errors.slice(0, 5).join('；') });
  return inTransaction(deps, ctx, async (tx, audit) => {
    const i = await loadInterview(tx, f.interviewId, true);
    authorize(ctx.actor, 'engagement.edit', i);
    if (f.version !== undefined && f.version !== i.version)
      throw new Conflict('访谈已被他人修改，请刷新页面后再编辑');
    if (i.state === 'transcript_published' && lines.length === 0)
      throw new InvalidInput({ transcript: '文字实录已公布，不能清空' });
    await tx
      .update(interview)
      .set({ transcript: lines, version: i.version + 1, updatedAt: deps.now() })
      .where(eq(interview.id, i.id));
    await audit({
      action: 'interview.transcript-recorded',
      subjectType: 'interview',
      subjectId: i.id,
      agencyId: i.agencyId,
      data: { title: i.title, lines: lines.length, published: i.state === 'transcript_published' },
    });
  });
}

/** Publishes the transcript on the interview's page (after the end, when it has lines). */
export async function publishTranscript(deps: Deps, ctx: CommandContext, input: { interviewId: unknown }) {
  const f = parseInput(Ref, input);
  const now = deps.now();
  return inTransaction(deps, ctx, async (tx, audit) => {
    const i = await loadInterview(tx, f.interviewId, true);
    authorize(ctx.actor, 'engagement.publish', i);
    if (i.state !== 'announced')
      throw new InvalidTransition('只有已发布预告且尚未公布实录的访谈可以公布实录');
    if (interviewPhase(i, now) !== 'ended') throw new InvalidInput({ _form: '访谈结束后才能公布文字实录' });
    if (i.transcript.length === 0) throw new InvalidInput({ transcript: '请先录入文字实录' });
    await tx
      .update(interview)
      .set({
        state: 'transcript_published',
        transcriptPublishedAt: now,
        version: i.version + 1,
        updatedAt: now,
      })
      .where(eq(interview.id, i.id));
    await audit({
      action: 'interview.transcript-published',
      subjectType: 'interview',
      subjectId: i.id,
      agencyId: i.agencyId,
      data: { title: i.title, lines: i.transcript.length },
    });
  });
}
