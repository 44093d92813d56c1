// The demo city's survey (src/demo/engagement-extra.ts) in one go: its questions checked as the
// back-office form checks them, a few hundred synthetic responses checked one by one against them
// (readResponse, as the portal does) and inserted in bulk, the results published with their summary —
// one transaction, one audit event. The rows are marked synthetic.
import { eq } from 'drizzle-orm';
import { InvalidInput } from '../../domain/errors.js';
import {
  buildQuestions,
  optionField,
  type QuestionDraft,
  type SurveyAnswers,
} from '../../domain/surveys/survey.js';
import { readResponse } from '../../domain/surveys/survey.js';
import { agency, survey, surveyResponse } from '../../db/schema.js';
import { authorize } from '../../policies/policy.js';
import { inTransaction, type CommandContext, type Deps } from '../context.js';

export interface DemoSurveyInput {
  agencyCode: string;
  title: string;
  intro: string;
  opensOn: string;
  closesOn: string;
  questions: QuestionDraft[];
  /** Each response as answers by question id (option index, indexes or text). */
  responses: { answers: SurveyAnswers; submittedAt: Date }[];
  summary: string;
  resultsPublishedAt: Date;
}

/** The answers as the portal's form would send them (so that they are checked the same way). */
function asForm(answers: SurveyAnswers): Record<string, string> {
  const form: Record<string, string> = {};
  for (const [qid, a] of Object.entries(answers)) {
    if (Array.isArray(a)) for (const k of a) form[optionField(qid, k)] = 'on';
    else form[qid] = String(a);
  }
  return form;
}

const CHUNK = 200;

export async function loadDemoSurvey(deps: Deps, ctx: CommandContext, input: DemoSurveyInput) {
  const built = buildQuestions(input.questions);
  if (Object.keys(built.errors).length) throw new InvalidInput(built.errors);
  const rows = input.responses.map((r, i) => {
    const { answers, errors } = readResponse(built.questions, asForm(r.answers));
    if (Object.keys(errors).length) throw new InvalidInput(errors, `演示调查的第${i + 1}份答卷不符合题目`);
    return { answers, submittedAt: r.submittedAt };
  });
  const [owner] = await deps.db
    .select({ id: agency.id, path: agency.path })
    .from(agency)
    .where(eq(agency.code, input.agencyCode));
  if (!owner) throw new InvalidInput({ agencyCode: `机构 ${input.agencyCode} 不存在` });
  authorize(ctx.actor, 'engagement.publish', { agencyPath: owner.path });
  return inTransaction(deps, ctx, async (tx, audit) => {
    const [s] = await tx
      .insert(survey)
      .values({
        agencyId: owner.id,
        title: input.title,
        intro: input.intro,
        questions: built.questions as never,
        opensOn: input.opensOn,
        closesOn: input.closesOn,
        state: 'results_published',
        resultSummary: input.summary,
        resultsPublishedAt: input.resultsPublishedAt,
        synthetic: true,
      })
      .returning({ id: survey.id });
    for (let i = 0; i < rows.length; i += CHUNK)
      await tx
        .insert(surveyResponse)
        .values(rows.slice(i, i + CHUNK).map((r) => ({ surveyId: s!.id, ...r })));
    await audit({
      action: 'survey.demo-loaded',
      subjectType: 'survey',
      subjectId: s!.id,
      agencyId: owner.id,
      data: { title: input.title, responses: rows.length },
    });
    return { id: s!.id, responses: rows.length };
  });
}
