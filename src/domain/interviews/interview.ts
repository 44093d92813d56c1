// 在线访谈: an interview's phase from its times (预告 / 直播中 / 已结束), the notice period of its
// announcement, the due date of the questions left open at the end (working days of the calendar),
// and the transcript as 「发言人：内容」 lines. Pure: the clock and the calendar are handed in.
import { addDays, type IsoDate } from '../calendar/iso-date.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { workdaysAfter } from '../calendar/workdays.js';

/**
 * The rules of interviews, as data (local practice, not national law: configurable defaults).
 * - An interview is announced (预告) at least `minAnnounceDays` days before it starts, so that people
 *   can send questions; a shorter notice is allowed but the back office warns.
 * - Questions left open at the end are answered within `answerWithinDays` working days of the end
 *   day (the default of a new interview; each interview keeps its own number).
 * - An interview runs about `typicalMinutes` minutes (the default end of a new interview).
 */
export const INTERVIEW_RULES = {
  minAnnounceDays: 3,
  answerWithinDays: 5,
  typicalMinutes: 60,
} as const;

export const INTERVIEW_STATES = ['draft', 'announced', 'transcript_published'] as const;
export type InterviewState = (typeof INTERVIEW_STATES)[number];

/** Where an interview stands at an instant. */
export type InterviewPhase = 'draft' | 'upcoming' | 'live' | 'ended';

export function interviewPhase(
  i: { state: string; startsAt: Date; endsAt: Date },
  now: Date,
): InterviewPhase {
  if (i.state === 'draft') return 'draft';
  if (now.getTime() < i.startsAt.getTime()) return 'upcoming';
  if (now.getTime() < i.endsAt.getTime()) return 'live';
  return 'ended';
}

export const INTERVIEW_PHASE_LABELS: Record<InterviewPhase, string> = {
  draft: '草稿（未发布预告）',
  upcoming: '预告',
  live: '正在直播',
  ended: '已结束',
};

/** The question's moment, as stored: asked before or during the interview. */
export type QuestionPhase = 'before' | 'during';

/** Questions are taken from the announcement until the end; null: not now. */
export function questionPhaseAt(
  i: { state: string; startsAt: Date; endsAt: Date },
  now: Date,
): QuestionPhase | null {
  const phase = interviewPhase(i, now);
  if (phase === 'upcoming') return 'before';
  if (phase === 'live') return 'during';
  return null;
}

export const QUESTION_STATUSES = ['pending', 'answered', 'declined'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

export const QUESTION_STATUS_LABELS: Record<QuestionStatus, string> = {
  pending: '待答复',
  answered: '已答复',
  declined: '不予答复',
};

export const QUESTION_PHASE_LABELS: Record<QuestionPhase, string> = {
  before: '访谈前提问',
  during: '访谈中提问',
};

/**
 * Is the announcement short notice? True when fewer than `minDays` whole days separate the day of
 * the announcement from the day the interview starts (both local days).
 */
export function shortNotice(
  announcedOn: IsoDate,
  startsOn: IsoDate,
  minDays: number = INTERVIEW_RULES.minAnnounceDays,
): boolean {
  return addDays(announcedOn, minDays) > startsOn;
}

/**
 * The day by which the questions left open are answered: the `answerWithinDays`-th working day
 * after the end day (the end day itself is not counted, as with every period in working days here).
 */
export function openQuestionsDue(cal: WorkCalendar, endedOn: IsoDate, answerWithinDays: number): IsoDate {
  return workdaysAfter(cal, endedOn, answerWithinDays);
}

export interface TranscriptLine {
  speaker: string;
  text: string;
}

export const TRANSCRIPT_LIMITS = { lines: 2000, speaker: 40, line: 5000 } as const;

/**
 * Reads the transcript editor's text: one 「发言人：内容」 line each (a full-width or ASCII colon);
 * blank lines are skipped. A line without a speaker is an error naming the line's number.
 */
export function parseTranscript(text: string): { lines: TranscriptLine[]; errors: string[] } {
  const lines: TranscriptLine[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = /^([^：:]{1,40})[：:](.*)$/.exec(line);
    const speaker = m?.[1]?.trim() ?? '';
    const said = m?.[2]?.trim() ?? '';
    if (!m || speaker === '') {
      errors.push(`第${i + 1}行没有发言人：请写成「发言人：内容」`);
      return;
    }
    if (said === '') {
      errors.push(`第${i + 1}行「${speaker}」后没有内容`);
      return;
    }
    if (said.length > TRANSCRIPT_LIMITS.line) {
      errors.push(`第${i + 1}行超过 ${TRANSCRIPT_LIMITS.line} 个字，请分成几行`);
      return;
    }
    lines.push({ speaker, text: said });
  });
  if (lines.length > TRANSCRIPT_LIMITS.lines)
    errors.push(`实录最多 ${TRANSCRIPT_LIMITS.lines} 行，现有 ${lines.length} 行`);
  return { lines, errors };
}

/** The transcript back as the editor's text. */
export function transcriptText(lines: readonly TranscriptLine[]): string {
  return lines.map((l) => `${l.speaker}：${l.text}`).join('\n');
}

export interface Guest {
  name: string;
  title: string;
}

/**
 * Guests from the form's textarea: one guest a line, 「姓名，职务」 (a full-width or ASCII comma, or
 * a space between the name and the post).
 */
export function parseGuests(text: string): { guests: Guest[]; errors: string[] } {
  const guests: Guest[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    const m = /^([^，,\s]+)[，,\s]+(.+)$/.exec(line);
    const name = (m?.[1] ?? line).trim();
    const title = (m?.[2] ?? '').trim();
    if (name.length > 20) errors.push(`第${i + 1}行：嘉宾姓名不能超过 20 个字，请写成「姓名，职务」`);
    else if (title === '') errors.push(`第${i + 1}行：请在姓名后写上嘉宾的职务，例如「张明，市教育局局长」`);
    else if (title.length > 100) errors.push(`第${i + 1}行：职务不能超过 100 个字`);
    else guests.push({ name, title });
  });
  if (guests.length > 20) errors.push('嘉宾最多 20 位');
  return { guests, errors };
}

export function guestsText(guests: readonly Guest[]): string {
  return guests.map((g) => `${g.name}，${g.title}`).join('\n');
}

/** The name shown for a question whose asker gave none. */
export const ANONYMOUS_ASKER = '网友';
