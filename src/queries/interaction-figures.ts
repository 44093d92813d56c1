// The figures of 政民互动 for one agency (or a scope of the tree) and one year: what the annual
// report's text and the monitoring module quote — letters (received, replied, reply rate, average
// reply time, overdue, veto risk, satisfaction), 意见征集 (consultations opened, opinions received
// and adopted), 网上调查, 在线访谈 and the 答问知识库. Counted from the stored rows of each module's
// own tables (no module's code is needed to read them), one small query each, run together.
//
// Definitions (docs/letters.md, "Figures"):
// - letters count in the year of their receipt; 无效 letters are left out (as in letterMonthlyStats);
// - overdue: still open today and past the due date (the cached due date, which a daily job keeps
//   current); repliedLate: replied after the due date;
// - veto risk (国办秘函〔2019〕19号: a valid message unanswered more than 3 months fails the website):
//   open, not 无效, received more than 3 months before today (past) or within VETO_NEAR_DAYS of it (near);
// - consultations, surveys and interviews count in the year they opened / took place, drafts never;
//   opinions are those of the consultations counted; adopted includes 部分采纳 separately;
// - Q&A: items published in the year, and all items published now.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  agency,
  consultation,
  consultationOpinion,
  interview,
  interviewQuestion,
  letter,
  qaItem,
  survey,
  surveyResponse,
} from '../db/schema.js';
import { rows } from './sql-rows.js';

/** Days before the three months are up that a letter is flagged 'near' (as src/domain/letters). */
export const FIGURES_VETO_NEAR_DAYS = 15;

export interface InteractionFiguresFilter {
  /** One agency's own figures… */
  agencyId?: number;
  /** …or every agency under this path (e.g. '/1/'); the whole city when neither is given. */
  scopePath?: string;
  year: number;
  /** The day "open" and "overdue" are judged on (YYYY-MM-DD, local). */
  today: string;
}

export interface InteractionFigures {
  year: number;
  letters: {
    received: number;
    replied: number;
    /** 0–1; null when nothing was received */
    replyRate: number | null;
    /** calendar days from receipt to reply, one decimal; null when nothing was replied */
    avgReplyDays: number | null;
    overdue: number;
    repliedLate: number;
    vetoRiskNear: number;
    vetoRiskPast: number;
    rated: number;
    /** (非常满意 + 满意 + 基本满意) / 评价数; null when nobody rated */
    satisfactionRate: number | null;
    published: number;
  };
  consultations: {
    opened: number;
    opinions: number;
    adopted: number;
    partlyAdopted: number;
    feedbackPublished: number;
  };
  surveys: { opened: number; responses: number; resultsPublished: number };
  interviews: { held: number; questions: number; answered: number; transcriptsPublished: number };
  qa: { publishedInYear: number; publishedNow: number };
}

type Num = number | string | null;
const n = (v: Num | undefined): number => (v === null || v === undefined ? 0 : Number(v));

/** The agency condition on a table's agency_id column. */
function agencyCond(f: InteractionFiguresFilter, agencyIdColumn: SQL): SQL {
  if (f.agencyId !== undefined) return sql`${agencyIdColumn} = ${f.agencyId}`;
  if (f.scopePath && f.scopePath !== '/')
    return sql`exists (select 1 from ${agency} where ${agency.id} = ${agencyIdColumn} and ${agency.path} like ${`${f.scopePath}%`})`;
  return sql`true`;
}

export async function interactionFigures(db: Db, f: InteractionFiguresFilter): Promise<InteractionFigures> {
  const from = `${f.year}-01-01`;
  const to = `${f.year + 1}-01-01`;
  const open = sql`${letter.repliedOn} is null and ${letter.state} not in ('replied', 'archived')`;
  const vetoPast = sql`${letter.receivedOn} < (${f.today}::date - interval '3 months')::date`;
  const vetoNear = sql`${letter.receivedOn} < (${f.today}::date + ${FIGURES_VETO_NEAR_DAYS}::int - interval '3 months')::date`;
  const replied = sql`${letter.repliedOn} is not null`;
  const fromTs = sql`${from}::timestamptz`;
  const toTs = sql`${to}::timestamptz`;

  const [[l], [c], [s], [i], [q]] = await Promise.all([
    rows<Record<string, Num>>(
      db,
      sql`select count(*) as received,
            count(*) filter (where ${replied}) as replied,
            coalesce(sum(${letter.repliedOn} - ${letter.receivedOn}) filter (where ${replied}), 0) as reply_days,
            count(*) filter (where ${open} and ${letter.dueDate} < ${f.today}::date) as overdue,
            count(*) filter (where ${replied} and ${letter.dueDate} is not null and ${letter.repliedOn} > ${letter.dueDate}) as replied_late,
            count(*) filter (where ${open} and ${vetoNear} and not (${vetoPast})) as veto_near,
            count(*) filter (where ${open} and ${vetoPast}) as veto_past,
            count(${letter.satisfaction}) as rated,
            count(*) filter (where ${letter.satisfaction} in ('very_satisfied', 'satisfied', 'neutral')) as satisfied,
            count(*) filter (where ${letter.publication} = 'published') as published
          from ${letter}
          where ${letter.triage} <> 'invalid' and ${letter.receivedOn} >= ${from}::date and ${letter.receivedOn} < ${to}::date
            and ${agencyCond(f, sql`${letter.agencyId}`)}`,
    ),
    rows<Record<string, Num>>(
      db,
      sql`select count(*) as opened,
            coalesce(sum((select count(*) from ${consultationOpinion} o where o.consultation_id = ${consultation.id})), 0) as opinions,
            coalesce(sum((select count(*) from ${consultationOpinion} o where o.consultation_id = ${consultation.id} and o.adoption = 'adopted')), 0) as adopted,
            coalesce(sum((select count(*) from ${consultationOpinion} o where o.consultation_id = ${consultation.id} and o.adoption = 'partly')), 0) as partly,
            count(${consultation.feedbackPublishedAt}) as feedback
          from ${consultation}
          where ${consultation.state} <> 'draft' and ${consultation.opensOn} >= ${from}::date and ${consultation.opensOn} < ${to}::date
            and ${agencyCond(f, sql`${consultation.agencyId}`)}`,
    ),
    rows<Record<string, Num>>(
      db,
      sql`select count(*) as opened,
            coalesce(sum((select count(*) from ${surveyResponse} r where r.survey_id = ${survey.id})), 0) as responses,
            count(${survey.resultsPublishedAt}) as results
          from ${survey}
          where ${survey.state} <> 'draft' and ${survey.opensOn} >= ${from}::date and ${survey.opensOn} < ${to}::date
            and ${agencyCond(f, sql`${survey.agencyId}`)}`,
    ),
    rows<Record<string, Num>>(
      db,
      sql`select count(*) as held,
            coalesce(sum((select count(*) from ${interviewQuestion} q where q.interview_id = ${interview.id} and q.status <> 'declined')), 0) as questions,
            coalesce(sum((select count(*) from ${interviewQuestion} q where q.interview_id = ${interview.id} and q.status = 'answered')), 0) as answered,
            count(${interview.transcriptPublishedAt}) as transcripts
          from ${interview}
          where ${interview.state} <> 'draft' and ${interview.startsAt} >= ${fromTs} and ${interview.startsAt} < ${toTs}
            and ${agencyCond(f, sql`${interview.agencyId}`)}`,
    ),
    rows<Record<string, Num>>(
      db,
      sql`select count(*) filter (where ${qaItem.publishedAt} >= ${fromTs} and ${qaItem.publishedAt} < ${toTs}) as in_year,
            count(*) as now
          from ${qaItem}
          where ${qaItem.state} = 'published' and ${agencyCond(f, sql`${qaItem.agencyId}`)}`,
    ),
  ]);

  const received = n(l?.received);
  const repliedN = n(l?.replied);
  const rated = n(l?.rated);
  return {
    year: f.year,
    letters: {
      received,
      replied: repliedN,
      replyRate: received === 0 ? null : repliedN / received,
      avgReplyDays: repliedN === 0 ? null : Math.round((n(l?.reply_days) / repliedN) * 10) / 10,
      overdue: n(l?.overdue),
      repliedLate: n(l?.replied_late),
      vetoRiskNear: n(l?.veto_near),
      vetoRiskPast: n(l?.veto_past),
      rated,
      satisfactionRate: rated === 0 ? null : n(l?.satisfied) / rated,
      published: n(l?.published),
    },
    consultations: {
      opened: n(c?.opened),
      opinions: n(c?.opinions),
      adopted: n(c?.adopted),
      partlyAdopted: n(c?.partly),
      feedbackPublished: n(c?.feedback),
    },
    surveys: { opened: n(s?.opened), responses: n(s?.responses), resultsPublished: n(s?.results) },
    interviews: {
      held: n(i?.held),
      questions: n(i?.questions),
      answered: n(i?.answered),
      transcriptsPublished: n(i?.transcripts),
    },
    qa: { publishedInYear: n(q?.in_year), publishedNow: n(q?.now) },
  };
}
