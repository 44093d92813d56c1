// A response to an open survey, from the portal (no login). It is checked against the survey's
// questions (src/domain/surveys) and stored with its time, nothing else: no name, no address, no
// cookie. One response per person cannot be enforced without identifying people — the portal route
// limits responses per client address and minute, and the results say they are not a sample.
// A response is the public's data, not an act of staff: it is not an audit event (nothing of it
// shows publicly until the results are published, which is audited).
import { z } from 'zod';
import { InvalidInput, NotFound } from '../../domain/errors.js';
import { readQuestions, readResponse, surveyPhase } from '../../domain/surveys/survey.js';
import { surveyResponse } from '../../db/schema.js';
import { localDate } from '../../lib/time.js';
import type { Deps } from '../context.js';
import { parseInput } from '../validation.js';
import { loadSurvey } from './surveys.js';

export const SURVEY_NOT_OPEN = '该调查目前不接受填写';

/** Stores one response; InvalidInput (keyed by question id) when it does not fit the questions. */
export async function submitSurveyResponse(
  deps: Deps,
  input: { surveyId: unknown; form: Record<string, string | undefined> },
): Promise<{ id: number }> {
  const surveyId = parseInput(z.coerce.number().int().positive(), input.surveyId);
  const s = await loadSurvey(deps.db, surveyId);
  if (!s || s.state === 'draft') throw new NotFound('没有找到这项调查');
  if (surveyPhase(s, localDate(deps.now())) !== 'open') throw new InvalidInput({ _form: SURVEY_NOT_OPEN });
  const questions = readQuestions(s.questions);
  const { answers, errors } = readResponse(questions, input.form);
  if (Object.keys(errors).length) throw new InvalidInput(errors);
  if (Object.keys(answers).length === 0) throw new InvalidInput({ _form: '请至少回答一道题后再提交' });
  const [row] = await deps.db
    .insert(surveyResponse)
    .values({ surveyId: s.id, answers, submittedAt: deps.now() })
    .returning({ id: surveyResponse.id });
  return { id: row!.id };
}
