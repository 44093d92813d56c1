// 网上调查 read models: the back office's list and one survey with its tallies (the actor's scope),
// the portal's list and one survey (never a draft; the tallies only once the results are published).
import { and, desc, eq, like, ne, sql } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { NotFound } from '../domain/errors.js';
import {
  readQuestions,
  surveyPhase,
  tallySurvey,
  type SurveyPhase,
  type SurveyQuestion,
  type SurveyState,
  type SurveyTally,
} from '../domain/surveys/survey.js';
import type { Executor } from '../db/client.js';
import { agency, survey, surveyResponse } from '../db/schema.js';
import { authorize, scopePath } from '../policies/policy.js';

export const SURVEY_LIST_LIMIT = 200;
/** The newest free-text answers the back office shows under a text question. */
export const TEXT_ANSWERS_SHOWN = 50;

export interface SurveySummary {
  id: number;
  title: string;
  agencyName: string;
  state: SurveyState;
  phase: SurveyPhase;
  opensOn: string | null;
  closesOn: string | null;
  responses: number;
  resultsPublishedAt: Date | null;
}

const responseCount = sql<number>`(select count(*)::int from ${surveyResponse} where ${surveyResponse.surveyId} = ${survey.id})`;

const summaryColumns = {
  id: survey.id,
  title: survey.title,
  agencyName: agency.name,
  state: survey.state,
  opensOn: survey.opensOn,
  closesOn: survey.closesOn,
  responses: responseCount,
  resultsPublishedAt: survey.resultsPublishedAt,
};

type SummaryRow = { state: string; opensOn: string | null; closesOn: string | null; responses: number };
const summarise = <T extends SummaryRow>(r: T, today: string) => ({
  ...r,
  state: r.state as SurveyState,
  phase: surveyPhase(r, today),
  responses: Number(r.responses),
});

/** The surveys of the actor's scope, newest first. */
export async function listSurveysForStaff(
  db: Executor,
  actor: AnyActor,
  today: string,
): Promise<SurveySummary[]> {
  const scope = scopePath(actor);
  const rows = await db
    .select(summaryColumns)
    .from(survey)
    .innerJoin(agency, eq(agency.id, survey.agencyId))
    .where(scope === '/' ? undefined : like(agency.path, `${scope}%`))
    .orderBy(desc(survey.id))
    .limit(SURVEY_LIST_LIMIT);
  return rows.map((r) => summarise(r, today));
}

export interface SurveyDetail extends SurveySummary {
  agencyId: number;
  agencyPath: string;
  intro: string;
  version: number;
  questions: SurveyQuestion[];
  resultSummary: string | null;
}

async function loadDetail(db: Executor, id: number, today: string): Promise<SurveyDetail | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      agencyId: survey.agencyId,
      agencyPath: agency.path,
      intro: survey.intro,
      version: survey.version,
      questions: survey.questions,
      resultSummary: survey.resultSummary,
    })
    .from(survey)
    .innerJoin(agency, eq(agency.id, survey.agencyId))
    .where(eq(survey.id, id));
  return row ? { ...summarise(row, today), questions: readQuestions(row.questions) } : null;
}

async function tallyOf(db: Executor, s: SurveyDetail): Promise<SurveyTally> {
  const rows = await db
    .select({ answers: surveyResponse.answers })
    .from(surveyResponse)
    .where(eq(surveyResponse.surveyId, s.id));
  return tallySurvey(
    s.questions,
    rows.map((r) => r.answers),
  );
}

export interface StaffSurvey {
  survey: SurveyDetail;
  tally: SurveyTally;
  /** Per text question id: its newest answers. */
  textAnswers: Record<string, string[]>;
}

/** One survey of the actor's scope, with its tallies so far (else NotFound). */
export async function surveyForStaff(
  db: Executor,
  actor: AnyActor,
  id: number,
  today: string,
): Promise<StaffSurvey> {
  const s = await loadDetail(db, id, today);
  authorize(actor, 'engagement.view', s);
  const textAnswers: Record<string, string[]> = {};
  for (const q of s.questions.filter((x) => x.type === 'text')) {
    const rows = await db
      .select({ text: sql<string>`${surveyResponse.answers} ->> ${q.id}` })
      .from(surveyResponse)
      .where(and(eq(surveyResponse.surveyId, s.id), sql`(${surveyResponse.answers} ->> ${q.id}) is not null`))
      .orderBy(desc(surveyResponse.id))
      .limit(TEXT_ANSWERS_SHOWN);
    textAnswers[q.id] = rows.map((r) => r.text);
  }
  return { survey: s, tally: await tallyOf(db, s), textAnswers };
}

/** The portal's surveys (every one that has been opened), newest first. */
export async function publicSurveys(db: Executor, today: string): Promise<SurveySummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(survey)
    .innerJoin(agency, eq(agency.id, survey.agencyId))
    .where(ne(survey.state, 'draft'))
    .orderBy(desc(survey.opensOn), desc(survey.id))
    .limit(SURVEY_LIST_LIMIT);
  return rows.map((r) => summarise(r, today));
}

export interface PublicSurvey {
  survey: SurveyDetail;
  /** Only when the results are published. */
  tally: SurveyTally | null;
}

/** One survey for the portal; a draft does not exist there. */
export async function publicSurvey(db: Executor, id: number, today: string): Promise<PublicSurvey> {
  const s = await loadDetail(db, id, today);
  if (!s || s.state === 'draft') throw new NotFound('没有找到这项调查');
  return { survey: s, tally: s.state === 'results_published' ? await tallyOf(db, s) : null };
}
