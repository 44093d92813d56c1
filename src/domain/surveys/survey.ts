// 网上调查: a survey's questions (single choice, multiple choice, free text), the check of one
// response against them, and the tallies published with the results. Pure: the form arrives as
// strings, the tallies are computed from the stored answers.
import type { IsoDate } from '../calendar/iso-date.js';

export const QUESTION_TYPES = ['single', 'multiple', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export const SURVEY_STATES = ['draft', 'open', 'closed', 'results_published'] as const;
export type SurveyState = (typeof SURVEY_STATES)[number];

/** Limits of a survey, as data (a longer survey is answered by fewer people). */
export const SURVEY_LIMITS = {
  questions: 30,
  options: 20,
  questionText: 300,
  optionText: 100,
  /** A free-text answer. */
  answerText: 1000,
} as const;

export interface SurveyQuestion {
  /** Stable within the survey: 'q1', 'q2', … in the order they were written. */
  id: string;
  text: string;
  type: QuestionType;
  /** The choices of single and multiple questions (empty for text). */
  options: string[];
  required: boolean;
}

/** One response: option index (single), option indexes (multiple) or the text. Unanswered: absent. */
export type SurveyAnswers = Record<string, number | number[] | string>;

export function isQuestionType(v: unknown): v is QuestionType {
  return typeof v === 'string' && (QUESTION_TYPES as readonly string[]).includes(v);
}

/** The questions as stored (jsonb), read defensively: anything malformed is left out. */
export function readQuestions(stored: unknown): SurveyQuestion[] {
  if (!Array.isArray(stored)) return [];
  const out: SurveyQuestion[] = [];
  for (const q of stored as Record<string, unknown>[]) {
    if (!q || typeof q.id !== 'string' || typeof q.text !== 'string' || !isQuestionType(q.type)) continue;
    const options = Array.isArray(q.options)
      ? q.options.filter((o): o is string => typeof o === 'string')
      : [];
    out.push({ id: q.id, text: q.text, type: q.type, options, required: q.required === true });
  }
  return out;
}

/** A question block of the back-office form: `q{n}.text`, `q{n}.type`, `q{n}.options`, `q{n}.required`. */
export interface QuestionDraft {
  text: string;
  type: string;
  /** One option a line. */
  options: string;
  required: boolean;
}

/** The form's blocks (`q0.text` …) in order; a block with an empty text is not a question. */
export function questionDraftsFromForm(form: Record<string, string | undefined>): QuestionDraft[] {
  const indexes = new Set<number>();
  for (const k of Object.keys(form)) {
    const m = /^q(\d{1,3})\.text$/.exec(k);
    if (m) indexes.add(Number(m[1]));
  }
  return [...indexes]
    .sort((a, b) => a - b)
    .map((i) => ({
      text: form[`q${i}.text`] ?? '',
      type: form[`q${i}.type`] ?? '',
      options: form[`q${i}.options`] ?? '',
      required: form[`q${i}.required`] === 'yes',
    }));
}

/**
 * The questions of the drafts, with field errors keyed like the form (`q{n}.text` …, n = the
 * block's place among the drafts). Blank blocks are skipped; ids are q1, q2, … in order.
 */
export function buildQuestions(drafts: QuestionDraft[]): {
  questions: SurveyQuestion[];
  errors: Record<string, string>;
} {
  const questions: SurveyQuestion[] = [];
  const errors: Record<string, string> = {};
  drafts.forEach((d, i) => {
    const text = d.text.trim();
    const options = d.options
      .split(/\r?\n/)
      .map((o) => o.trim())
      .filter((o) => o !== '');
    if (text === '') {
      if (options.length > 0) errors[`q${i}.text`] = `第${i + 1}题：请填写题目`;
      return;
    }
    const n = questions.length + 1;
    if (text.length > SURVEY_LIMITS.questionText)
      errors[`q${i}.text`] = `第${n}题：题目不能超过 ${SURVEY_LIMITS.questionText} 个字`;
    if (!isQuestionType(d.type)) {
      errors[`q${i}.type`] = `第${n}题：请选择题型`;
      return;
    }
    if (d.type !== 'text') {
      if (options.length < 2) errors[`q${i}.options`] = `第${n}题：选择题至少要有 2 个选项，每行一个`;
      else if (options.length > SURVEY_LIMITS.options)
        errors[`q${i}.options`] = `第${n}题：选项不能超过 ${SURVEY_LIMITS.options} 个`;
      else if (options.some((o) => o.length > SURVEY_LIMITS.optionText))
        errors[`q${i}.options`] = `第${n}题：每个选项不能超过 ${SURVEY_LIMITS.optionText} 个字`;
      else if (new Set(options).size !== options.length)
        errors[`q${i}.options`] = `第${n}题：选项有重复，请删去重复的一行`;
    }
    questions.push({
      id: `q${n}`,
      text,
      type: d.type,
      options: d.type === 'text' ? [] : options,
      required: d.required,
    });
  });
  if (questions.length > SURVEY_LIMITS.questions)
    errors._form = `一份调查最多 ${SURVEY_LIMITS.questions} 道题，现有 ${questions.length} 道`;
  return { questions, errors };
}

/** The form field of a multiple-choice option (one checkbox each, so that no JavaScript is needed). */
export function optionField(questionId: string, index: number): string {
  return `${questionId}.${index}`;
}

/**
 * Checks a response form against the questions: a single choice is one offered option, a multiple
 * choice one or more, a text at most SURVEY_LIMITS.answerText characters; a required question must
 * be answered. Errors are keyed by the question's id.
 */
export function readResponse(
  questions: SurveyQuestion[],
  form: Record<string, string | undefined>,
): { answers: SurveyAnswers; errors: Record<string, string> } {
  const answers: SurveyAnswers = {};
  const errors: Record<string, string> = {};
  questions.forEach((q, i) => {
    const label = `第${i + 1}题`;
    if (q.type === 'single') {
      const raw = (form[q.id] ?? '').trim();
      if (raw === '') {
        if (q.required) errors[q.id] = `${label}：请选择一项`;
        return;
      }
      const index = /^\d{1,2}$/.test(raw) ? Number(raw) : -1;
      if (index < 0 || index >= q.options.length) errors[q.id] = `${label}：请从列出的选项中选择`;
      else answers[q.id] = index;
    } else if (q.type === 'multiple') {
      const chosen = q.options.map((_, k) => k).filter((k) => (form[optionField(q.id, k)] ?? '') !== '');
      if (chosen.length === 0) {
        if (q.required) errors[q.id] = `${label}：请至少选择一项`;
        return;
      }
      answers[q.id] = chosen;
    } else {
      const text = (form[q.id] ?? '').trim();
      if (text === '') {
        if (q.required) errors[q.id] = `${label}：请填写`;
        return;
      }
      if (text.length > SURVEY_LIMITS.answerText)
        errors[q.id] = `${label}：不能超过 ${SURVEY_LIMITS.answerText} 个字（现有 ${text.length} 个字）`;
      else answers[q.id] = text;
    }
  });
  return { answers, errors };
}

/** Percentage with one decimal (0 when nobody answered). */
export function percent(count: number, of: number): number {
  return of === 0 ? 0 : Math.round((count * 1000) / of) / 10;
}

export interface OptionTally {
  option: string;
  count: number;
  /** Of the respondents who answered the question (a multiple choice may sum above 100). */
  percent: number;
}

export interface QuestionTally {
  question: SurveyQuestion;
  /** Respondents who answered this question. */
  answered: number;
  /** Choice questions: one row per option, in the survey's order. Text: empty. */
  options: OptionTally[];
}

export interface SurveyTally {
  responses: number;
  questions: QuestionTally[];
}

/**
 * Counts the responses: per option, the respondents who chose it and their share of those who
 * answered the question. Answers that no longer fit the question (an index out of range) are not
 * counted. Free texts are counted, not shown (they may hold what a person wrote about themself).
 */
export function tallySurvey(questions: SurveyQuestion[], responses: readonly unknown[]): SurveyTally {
  const counts = questions.map((q) => ({ answered: 0, options: q.options.map(() => 0) }));
  for (const r of responses) {
    const answers = (r ?? {}) as Record<string, unknown>;
    questions.forEach((q, i) => {
      const a = answers[q.id];
      const c = counts[i]!;
      if (q.type === 'single') {
        if (typeof a === 'number' && Number.isInteger(a) && a >= 0 && a < q.options.length) {
          c.answered++;
          c.options[a]!++;
        }
      } else if (q.type === 'multiple') {
        if (!Array.isArray(a)) return;
        const chosen = [...new Set(a)].filter(
          (k): k is number => typeof k === 'number' && Number.isInteger(k) && k >= 0 && k < q.options.length,
        );
        if (chosen.length === 0) return;
        c.answered++;
        for (const k of chosen) c.options[k]!++;
      } else if (typeof a === 'string' && a.trim() !== '') {
        c.answered++;
      }
    });
  }
  return {
    responses: responses.length,
    questions: questions.map((q, i) => {
      const c = counts[i]!;
      return {
        question: q,
        answered: c.answered,
        options: q.options.map((option, k) => ({
          option,
          count: c.options[k]!,
          percent: percent(c.options[k]!, c.answered),
        })),
      };
    }),
  };
}

/** Where a survey stands for the public on `today` (the dates close an open survey by themselves). */
export type SurveyPhase = 'draft' | 'upcoming' | 'open' | 'closed' | 'results_published';

export function surveyPhase(
  s: { state: string; opensOn: IsoDate | null; closesOn: IsoDate | null },
  today: IsoDate,
): SurveyPhase {
  if (s.state === 'results_published') return 'results_published';
  if (s.state === 'closed') return 'closed';
  if (s.state !== 'open') return 'draft';
  if (s.opensOn && today < s.opensOn) return 'upcoming';
  if (s.closesOn && today > s.closesOn) return 'closed';
  return 'open';
}

export const SURVEY_PHASE_LABELS: Record<SurveyPhase, string> = {
  draft: '草稿',
  upcoming: '即将开始',
  open: '进行中',
  closed: '已结束',
  results_published: '结果已公布',
};

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
  single: '单选',
  multiple: '多选',
  text: '文字回答',
};
