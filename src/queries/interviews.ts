// 在线访谈 read models: the back office's list and one interview with its questions (the due date of
// those left open at the end: answer_within_days working days of the agency's calendar), the day it
// was announced (from its audit event) and the short-notice warning; the portal's list and one
// interview (never a draft; answered questions; the open ones after the end with their due date;
// the transcript once published; askers only by their masked names).
import { and, asc, desc, eq, like, ne, sql } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { NotFound } from '../domain/errors.js';
import {
  interviewPhase,
  INTERVIEW_RULES,
  openQuestionsDue,
  shortNotice,
  type Guest,
  type InterviewPhase,
  type InterviewState,
  type QuestionPhase,
  type QuestionStatus,
  type TranscriptLine,
} from '../domain/interviews/interview.js';
import type { Db } from '../db/client.js';
import { agency, auditEvent, interview, interviewQuestion } from '../db/schema.js';
import { localDate } from '../lib/time.js';
import { authorize, scopePath } from '../policies/policy.js';
import { cachedWorkCalendar } from './calendar-cache.js';

export const INTERVIEW_LIST_LIMIT = 200;

export interface InterviewSummary {
  id: number;
  title: string;
  agencyName: string;
  state: InterviewState;
  phase: InterviewPhase;
  startsAt: Date;
  endsAt: Date;
  guests: Guest[];
  questions: number;
  openQuestions: number;
}

const counts = {
  questions: sql<number>`(select count(*)::int from ${interviewQuestion} where ${interviewQuestion.interviewId} = ${interview.id} and ${interviewQuestion.status} <> 'declined')`,
  openQuestions: sql<number>`(select count(*)::int from ${interviewQuestion} where ${interviewQuestion.interviewId} = ${interview.id} and ${interviewQuestion.status} = 'pending')`,
};

const summaryColumns = {
  id: interview.id,
  title: interview.title,
  agencyName: agency.name,
  state: interview.state,
  startsAt: interview.startsAt,
  endsAt: interview.endsAt,
  guests: interview.guests,
  ...counts,
};

type Row = { state: string; startsAt: Date; endsAt: Date; questions: number; openQuestions: number };
const summarise = <T extends Row>(r: T, now: Date) => ({
  ...r,
  state: r.state as InterviewState,
  phase: interviewPhase(r, now),
  questions: Number(r.questions),
  openQuestions: Number(r.openQuestions),
});

export async function listInterviewsForStaff(
  db: Db,
  actor: AnyActor,
  now: Date,
): Promise<InterviewSummary[]> {
  const scope = scopePath(actor);
  const rows = await db
    .select(summaryColumns)
    .from(interview)
    .innerJoin(agency, eq(agency.id, interview.agencyId))
    .where(scope === '/' ? undefined : like(agency.path, `${scope}%`))
    .orderBy(desc(interview.startsAt))
    .limit(INTERVIEW_LIST_LIMIT);
  return rows.map((r) => summarise(r, now));
}

export async function publicInterviews(db: Db, now: Date): Promise<InterviewSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(interview)
    .innerJoin(agency, eq(agency.id, interview.agencyId))
    .where(ne(interview.state, 'draft'))
    .orderBy(desc(interview.startsAt))
    .limit(INTERVIEW_LIST_LIMIT);
  return rows.map((r) => summarise(r, now));
}

export interface InterviewQuestionItem {
  id: number;
  askerName: string | null;
  askerNameMasked: string;
  content: string;
  askedAt: Date;
  phase: QuestionPhase;
  status: QuestionStatus;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: Date | null;
}

export interface InterviewDetail extends InterviewSummary {
  agencyId: number;
  agencyPath: string;
  intro: string;
  version: number;
  answerWithinDays: number;
  transcript: TranscriptLine[];
  transcriptPublishedAt: Date | null;
  /** The day questions left open are answered by: after the end only. */
  openQuestionsDue: string | null;
}

async function loadDetail(db: Db, id: number, now: Date): Promise<InterviewDetail | null> {
  const [row] = await db
    .select({
      ...summaryColumns,
      agencyId: interview.agencyId,
      agencyPath: agency.path,
      intro: interview.intro,
      version: interview.version,
      answerWithinDays: interview.answerWithinDays,
      transcript: interview.transcript,
      transcriptPublishedAt: interview.transcriptPublishedAt,
    })
    .from(interview)
    .innerJoin(agency, eq(agency.id, interview.agencyId))
    .where(eq(interview.id, id));
  if (!row) return null;
  const s = summarise(row, now);
  const due =
    s.phase === 'ended'
      ? openQuestionsDue(
          await cachedWorkCalendar(db, row.agencyPath),
          localDate(row.endsAt),
          row.answerWithinDays,
        )
      : null;
  return { ...s, openQuestionsDue: due };
}

async function questionsOf(db: Db, id: number, publicOnly: boolean): Promise<InterviewQuestionItem[]> {
  const rows = await db
    .select({
      id: interviewQuestion.id,
      askerName: interviewQuestion.askerName,
      askerNameMasked: interviewQuestion.askerNameMasked,
      content: interviewQuestion.content,
      askedAt: interviewQuestion.askedAt,
      phase: interviewQuestion.phase,
      status: interviewQuestion.status,
      answer: interviewQuestion.answer,
      answeredBy: interviewQuestion.answeredBy,
      answeredAt: interviewQuestion.answeredAt,
    })
    .from(interviewQuestion)
    .where(
      publicOnly
        ? and(eq(interviewQuestion.interviewId, id), ne(interviewQuestion.status, 'declined'))
        : eq(interviewQuestion.interviewId, id),
    )
    .orderBy(asc(interviewQuestion.askedAt), asc(interviewQuestion.id));
  return rows.map((r) => ({
    ...r,
    // The portal never receives the full name.
    askerName: publicOnly ? null : r.askerName,
    askerNameMasked: r.askerNameMasked ?? '网友',
    phase: r.phase as QuestionPhase,
    status: r.status as QuestionStatus,
  }));
}

export interface StaffInterview {
  interview: InterviewDetail;
  questions: InterviewQuestionItem[];
  /** When the announcement was published (its audit event), and whether that was short notice. */
  announcedAt: Date | null;
  shortNotice: boolean;
  minAnnounceDays: number;
}

export async function interviewForStaff(
  db: Db,
  actor: AnyActor,
  id: number,
  now: Date,
): Promise<StaffInterview> {
  const i = await loadDetail(db, id, now);
  authorize(actor, 'engagement.view', i);
  const [announced] = await db
    .select({ at: auditEvent.at })
    .from(auditEvent)
    .where(
      and(
        eq(auditEvent.subjectType, 'interview'),
        eq(auditEvent.subjectId, String(id)),
        eq(auditEvent.action, 'interview.announced'),
      ),
    )
    .orderBy(desc(auditEvent.seq))
    .limit(1);
  const announcedAt = announced ? new Date(announced.at) : null;
  // A draft is warned about as if it were announced today.
  const from = announcedAt ?? (i.state === 'draft' ? now : null);
  return {
    interview: i,
    questions: await questionsOf(db, id, false),
    announcedAt,
    shortNotice: from ? shortNotice(localDate(from), localDate(i.startsAt)) : false,
    minAnnounceDays: INTERVIEW_RULES.minAnnounceDays,
  };
}

export interface PublicInterview {
  interview: InterviewDetail;
  /** Answered questions, in the order asked. */
  answered: InterviewQuestionItem[];
  /** After the end: the questions still to be answered (with interview.openQuestionsDue). */
  open: InterviewQuestionItem[];
}

export async function publicInterview(db: Db, id: number, now: Date): Promise<PublicInterview> {
  const i = await loadDetail(db, id, now);
  if (!i || i.state === 'draft') throw new NotFound('没有找到这场访谈');
  const questions = await questionsOf(db, id, true);
  return {
    interview: { ...i, transcript: i.state === 'transcript_published' ? i.transcript : [] },
    answered: questions.filter((q) => q.status === 'answered'),
    open: i.phase === 'ended' ? questions.filter((q) => q.status === 'pending') : [],
  };
}
