// Questions to an interview: asked on the portal (no login) from the announcement until the end,
// answered or declined by officers who record what the guest said — live, or after the end within
// the interview's answer_within_days working days. The asker's name is kept for the office and
// shown masked (张*丰), never in full; a question without a name is 「网友」's. A question is the
// public's data, not an act of staff: asking is not an audit event; answering and declining are.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { ANONYMOUS_ASKER, questionPhaseAt } from '../../domain/interviews/interview.js';
import { maskPersonName } from '../../domain/letters/masking.js';
import { interviewQuestion } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { loadInterview } from './interviews.js';

export const QUESTION_MAX = 500;
export const INTERVIEW_CLOSED_FOR_QUESTIONS = '访谈已经结束，不再接受提问';

const blank = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);

const AskFields = z.object({
  interviewId: z.coerce.number().int().positive(),
  name: z.preprocess(blank, z.string().trim().max(20, '称呼不能超过 20 个字').optional()),
  content: z
    .string({ error: '请填写您的问题' })
    .trim()
    .min(1, '请填写您的问题')
    .max(QUESTION_MAX, `问题不能超过 ${QUESTION_MAX} 个字`),
});

const excerpt = (s: string) => ([...s].length > 40 ? `${[...s].slice(0, 40).join('')}…` : s);

/** The name shown with a question: the asker's masked, or 「网友」. */
export function askerDisplayName(name: string | undefined | null): string {
  return name ? maskPersonName(name) : ANONYMOUS_ASKER;
}

/** A question from the portal, while the interview is announced or live. */
export async function submitInterviewQuestion(
  deps: Deps,
  input: { interviewId: unknown; name?: unknown; content: unknown },
): Promise<{ id: number }> {
  const f = parseInput(AskFields, input);
  const i = await loadInterview(deps.db, f.interviewId);
  if (!i || i.state === 'draft') throw new NotFound('没有找到这场访谈');
  const now = deps.now();
  const phase = questionPhaseAt(i, now);
  if (!phase) throw new InvalidInput({ _form: INTERVIEW_CLOSED_FOR_QUESTIONS });
  const [row] = await deps.db
    .insert(interviewQuestion)
    .values({
      interviewId: i.id,
      askerName: f.name ?? null,
      askerNameMasked: askerDisplayName(f.name),
      content: f.content,
      askedAt: now,
      phase,
    })
    .returning({ id: interviewQuestion.id });
  return { id: row!.id };
}

const AnswerFields = z.object({
  interviewId: z.coerce.number().int().positive(),
  questionId: z.coerce.number().int().positive(),
  decision: z.enum(['answer', 'decline'], { error: '请选择答复或不予答复' }),
  answer: z.string().trim().max(10000, '答复不能超过 10000 个字').default(''),
  answeredBy: z.string().trim().max(100, '答复人不能超过 100 个字').default(''),
});

/**
 * Records the guest's answer (or the unit's, after the interview), or declines a question (an
 * off-topic or abusive one: never shown). An answer may be corrected later.
 */
export async function answerInterviewQuestion(
  deps: Deps,
  ctx: CommandContext,
  input: z.input<typeof AnswerFields> | Record<string, unknown>,
) {
  const f = parseInput(AnswerFields, input);
  if (f.decision === 'answer') {
    const errors: Record<string, string> = {};
    if (f.answer === '') errors.answer = '请填写答复内容';
    if (f.answeredBy === '') errors.answeredBy = '请填写答复的嘉宾或单位';
    if (Object.keys(errors).length) throw new InvalidInput(errors);
  }
  return inTransaction(deps, ctx, async (tx, audit) => {
    const i = await loadInterview(tx, f.interviewId, true);
    authorize(ctx.actor, 'engagement.edit', i);
    const [q] = await tx
      .select({ id: interviewQuestion.id, content: interviewQuestion.content })
      .from(interviewQuestion)
      .where(and(eq(interviewQuestion.id, f.questionId), eq(interviewQuestion.interviewId, i.id)));
    if (!q) throw new NotFound('没有找到这条提问');
    const now = deps.now();
    await tx
      .update(interviewQuestion)
      .set(
        f.decision === 'answer'
          ? { status: 'answered', answer: f.answer, answeredBy: f.answeredBy, answeredAt: now }
          : { status: 'declined', answer: f.answer || null, answeredBy: null, answeredAt: now },
      )
      .where(eq(interviewQuestion.id, q.id));
    await audit({
      action: f.decision === 'answer' ? 'interview.question-answered' : 'interview.question-declined',
      subjectType: 'interview',
      subjectId: i.id,
      agencyId: i.agencyId,
      data: {
        title: i.title,
        question: excerpt(q.content),
        ...(f.decision === 'answer' ? { answeredBy: f.answeredBy } : {}),
      },
    });
  });
}
