// 网上调查 in the back office: a survey is written as a draft with its questions (officers), opened
// and closed (office head or publisher), and its results are published with a summary (the tallies
// are computed from the stored responses when the page is shown). The questions are fixed once the
// survey is open: responses are counted against them. Each step is audited `survey.*`.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { isSystem } from '../../domain/agencies/actor.js';
import { isIsoDate } from '../../domain/calendar/iso-date.js';
import { Conflict, InvalidInput, InvalidTransition } from '../../domain/errors.js';
import {
  buildQuestions,
  readQuestions,
  type QuestionDraft,
  type SurveyState,
} from '../../domain/surveys/survey.js';
import type { Executor } from '../../db/client.js';
import { agency, survey } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const id = (message: string) =>
  z.coerce.number({ error: message }).int(message).positive(message).max(2_147_483_647, message);
const optionalDate = (label: string) =>
  z.preprocess(
    blank,
    z.string().trim().refine(isIsoDate, `${label}格式为 年-月-日，例如 2026-12-31`).optional(),
  );

export const SurveyFields = z.object({
  id: z.preprocess(blank, id('缺少调查').optional()),
  version: z.preprocess(blank, z.coerce.number().int().optional()),
  agencyId: id('请选择发起单位'),
  title: z
    .string({ error: '请填写调查标题' })
    .trim()
    .min(1, '请填写调查标题')
    .max(200, '标题不能超过 200 个字'),
  intro: z.string().trim().max(5000, '说明不能超过 5000 个字').default(''),
  opensOn: optionalDate('开始日期'),
  closesOn: optionalDate('截止日期'),
});
export type SurveyInput = (z.input<typeof SurveyFields> | Record<string, unknown>) & {
  questions?: QuestionDraft[];
};

export interface SurveyRow {
  id: number;
  agencyId: number;
  agencyPath: string;
  state: SurveyState;
  version: number;
  title: string;
  questions: unknown;
  opensOn: string | null;
  closesOn: string | null;
}

export async function loadSurvey(db: Executor, surveyId: number, lock = false): Promise<SurveyRow | null> {
  const q = db
    .select({
      id: survey.id,
      agencyId: survey.agencyId,
      agencyPath: agency.path,
      state: survey.state,
      version: survey.version,
      title: survey.title,
      questions: survey.questions,
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
    })
    .from(survey)
    .innerJoin(agency, eq(agency.id, survey.agencyId))
    .where(eq(survey.id, surveyId));
  const [row] = lock ? await q.for('update', { of: survey }) : await q;
  return row ? { ...row, state: row.state as SurveyState } : null;
}

function checkDates(opensOn?: string, closesOn?: string) {
  if (opensOn && closesOn && closesOn < opensOn)
    throw new InvalidInput({ closesOn: '截止日期不能早于开始日期' });
}

/**
 * Creates or edits a survey. A draft's questions are replaced by the form's blocks; once the survey
 * is open its questions stay as they are (only title, introduction and dates change).
 */
export async function saveSurvey(deps: Deps, ctx: CommandContext, input: SurveyInput) {
  const f = parseInput(SurveyFields, input);
  const built = buildQuestions(input.questions ?? []);
  checkDates(f.opensOn, f.closesOn);
  const [target] = await deps.db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.id, f.agencyId));
  if (!target) throw new InvalidInput({ agencyId: '所选单位不存在' });
  authorize(ctx.actor, 'engagement.edit', { agencyPath: target.path });
  return inTransaction(deps, ctx, async (tx, audit) => {
    const fields = {
      agencyId: f.agencyId,
      title: f.title,
      intro: f.intro,
      opensOn: f.opensOn ?? null,
      closesOn: f.closesOn ?? null,
    };
    if (f.id === undefined) {
      if (Object.keys(built.errors).length) throw new InvalidInput(built.errors);
      const [row] = await tx
        .insert(survey)
        .values({ ...fields, questions: built.questions as never, createdBy: actorId(ctx) })
        .returning({ id: survey.id });
      await audit({
        action: 'survey.created',
        subjectType: 'survey',
        subjectId: row!.id,
        agencyId: f.agencyId,
        data: { title: f.title, questions: built.questions.length },
      });
      return { id: row!.id };
    }
    const current = await loadSurvey(tx, f.id, true);
    authorize(ctx.actor, 'engagement.edit', current);
    if (f.version !== undefined && f.version !== current.version)
      throw new Conflict('调查已被他人修改，请刷新页面后再编辑');
    const draft = current.state === 'draft';
    if (draft && Object.keys(built.errors).length) throw new InvalidInput(built.errors);
    if (!draft && f.agencyId !== current.agencyId)
      throw new InvalidInput({ agencyId: '调查已开始，不能更换发起单位' });
    await tx
      .update(survey)
      .set({
        ...fields,
        ...(draft ? { questions: built.questions as never } : {}),
        version: current.version + 1,
        updatedAt: deps.now(),
      })
      .where(eq(survey.id, current.id));
    await audit({
      action: 'survey.updated',
      subjectType: 'survey',
      subjectId: current.id,
      agencyId: f.agencyId,
      data: { title: f.title, ...(draft ? { questions: built.questions.length } : {}) },
    });
    return { id: current.id };
  });
}

const actorId = (ctx: CommandContext) => (isSystem(ctx.actor) ? null : ctx.actor.userId);

const Ref = z.object({ surveyId: id('缺少调查') });

/** Opens a draft for responses (from its start date, today when none is set). */
export async function openSurvey(deps: Deps, ctx: CommandContext, input: { surveyId: unknown }) {
  const f = parseInput(Ref, input);
  const today = localDate(deps.now());
  return inTransaction(deps, ctx, async (tx, audit) => {
    const s = await loadSurvey(tx, f.surveyId, true);
    authorize(ctx.actor, 'engagement.publish', s);
    if (s.state !== 'draft') throw new InvalidTransition('只有草稿状态的调查可以开始');
    if (readQuestions(s.questions).length === 0)
      throw new InvalidInput({ _form: '调查还没有题目：请先添加至少一道题' });
    const opensOn = s.opensOn ?? today;
    if (s.closesOn && s.closesOn < today)
      throw new InvalidInput({ closesOn: '截止日期已过，请先修改截止日期' });
    await tx
      .update(survey)
      .set({ state: 'open', opensOn, version: s.version + 1, updatedAt: deps.now() })
      .where(eq(survey.id, s.id));
    await audit({
      action: 'survey.opened',
      subjectType: 'survey',
      subjectId: s.id,
      agencyId: s.agencyId,
      data: { title: s.title, opensOn, closesOn: s.closesOn },
    });
  });
}

/** Stops taking responses (before the closing date, or to record that it has passed). */
export async function closeSurvey(deps: Deps, ctx: CommandContext, input: { surveyId: unknown }) {
  const f = parseInput(Ref, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const s = await loadSurvey(tx, f.surveyId, true);
    authorize(ctx.actor, 'engagement.publish', s);
    if (s.state !== 'open') throw new InvalidTransition('只有进行中的调查可以结束');
    await tx
      .update(survey)
      .set({ state: 'closed', version: s.version + 1, updatedAt: deps.now() })
      .where(eq(survey.id, s.id));
    await audit({
      action: 'survey.closed',
      subjectType: 'survey',
      subjectId: s.id,
      agencyId: s.agencyId,
      data: { title: s.title },
    });
  });
}

const PublishFields = Ref.extend({
  summary: z
    .string({ error: '请填写调查结果说明' })
    .trim()
    .min(1, '请填写调查结果说明')
    .max(5000, '结果说明不能超过 5000 个字'),
});

/**
 * Publishes the results (the tallies of the responses and the office's summary). An open survey is
 * closed by it; the results stay public from then on (a corrected summary can be published again).
 */
export async function publishSurveyResults(
  deps: Deps,
  ctx: CommandContext,
  input: { surveyId: unknown; summary: unknown },
) {
  const f = parseInput(PublishFields, input);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const s = await loadSurvey(tx, f.surveyId, true);
    authorize(ctx.actor, 'engagement.publish', s);
    if (s.state === 'draft') throw new InvalidTransition('调查尚未开始，没有结果可以公布');
    await tx
      .update(survey)
      .set({
        state: 'results_published',
        resultSummary: f.summary,
        resultsPublishedAt: deps.now(),
        version: s.version + 1,
        updatedAt: deps.now(),
      })
      .where(eq(survey.id, s.id));
    await audit({
      action: 'survey.results-published',
      subjectType: 'survey',
      subjectId: s.id,
      agencyId: s.agencyId,
      data: { title: s.title, republished: s.state === 'results_published' },
    });
  });
}
