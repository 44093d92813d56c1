// Read models of the 答问知识库 in the back office: the list of the actor's scope with filters (state,
// category, words of the question, the flags), and one item with its linked documents, its feedback
// and why it needs attention (复核日期 passed; a linked document no longer in force or withdrawn).
import { sql, type SQL } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { NotFound } from '../domain/errors.js';
import { QA_CATEGORIES, qaFlags, type QaFlags, type QaState } from '../domain/qa/qa.js';
import type { Executor } from '../db/client.js';
import { authorize, authorizeAction, scopePath } from '../policies/policy.js';
import { rows } from './sql-rows.js';

export const QA_LIST_LIMIT = 300;

export interface QaListFilter {
  state?: QaState;
  category?: string;
  /** Words of the question or an alternative question (as typed, matched as text). */
  q?: string;
  /** review: 复核日期 passed; document: a linked document no longer in force. */
  flag?: 'review' | 'document';
}

export interface QaListItem {
  id: number;
  question: string;
  category: string;
  state: QaState;
  agencyName: string;
  reviewBy: string | null;
  helpfulYes: number;
  helpfulNo: number;
  reuseCount: number;
  updatedAt: Date;
  flags: QaFlags;
}

interface ListRow {
  id: number;
  question: string;
  category: string;
  state: QaState;
  agency_name: string;
  review_by: string | Date | null;
  helpful_yes: number;
  helpful_no: number;
  reuse_count: number;
  updated_at: Date | string;
  validity: string[] | null;
}

const isoDate = (v: string | Date | null): string | null =>
  v === null ? null : typeof v === 'string' ? v.slice(0, 10) : v.toISOString().slice(0, 10);

/** Linked documents no longer in force (or withdrawn), as their 有效性 ('withdrawn' for those). */
const LINKED_VALIDITY = sql`(select array_agg(case when d.state = 'published' then d.validity else 'withdrawn' end)
  from qa_document l join document d on d.id = l.document_id where l.qa_id = i.id)`;

function scopeCondition(actor: AnyActor): SQL {
  const scope = scopePath(actor);
  return scope === '/' ? sql`true` : sql`a.path like ${`${scope}%`}`;
}

export async function listQaItems(
  db: Executor,
  actor: AnyActor,
  filter: QaListFilter,
  today: string,
): Promise<QaListItem[]> {
  authorizeAction(actor, 'qa.view');
  const where: SQL[] = [scopeCondition(actor)];
  if (filter.state) where.push(sql`i.state = ${filter.state}`);
  if (filter.category) where.push(sql`i.category = ${filter.category}`);
  const q = filter.q?.trim().slice(0, 50);
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(i.question ilike ${pattern} or i.alt_questions::text ilike ${pattern})`);
  }
  if (filter.flag === 'review') where.push(sql`i.review_by < ${today}::date`);
  if (filter.flag === 'document')
    where.push(
      sql`exists (select 1 from qa_document l join document d on d.id = l.document_id
        where l.qa_id = i.id and (d.state <> 'published' or d.validity not in ('effective', 'pending')))`,
    );
  const found = await rows<ListRow>(
    db,
    sql`select i.id, i.question, i.category, i.state, a.name as agency_name, i.review_by, i.helpful_yes,
               i.helpful_no, i.reuse_count, i.updated_at, ${LINKED_VALIDITY} as validity
        from qa_item i join agency a on a.id = i.agency_id
        where ${sql.join(where, sql` and `)}
        order by i.updated_at desc, i.id desc limit ${QA_LIST_LIMIT}`,
  );
  return found.map((r) => {
    const reviewBy = isoDate(r.review_by);
    return {
      id: Number(r.id),
      question: r.question,
      category: r.category,
      state: r.state,
      agencyName: r.agency_name,
      reviewBy,
      helpfulYes: Number(r.helpful_yes),
      helpfulNo: Number(r.helpful_no),
      reuseCount: Number(r.reuse_count),
      updatedAt: new Date(r.updated_at),
      flags: qaFlags({ reviewBy }, r.validity ?? [], today),
    };
  });
}

export interface QaDetail {
  id: number;
  version: number;
  agency: { id: number; name: string; path: string };
  question: string;
  altQuestions: string[];
  answer: string;
  category: string;
  state: QaState;
  reviewBy: string | null;
  publishedAt: Date | null;
  helpfulYes: number;
  helpfulNo: number;
  reuseCount: number;
  createdAt: Date;
  updatedAt: Date;
  documents: {
    id: number;
    title: string;
    docNumber: string | null;
    kind: string;
    validity: string;
    state: string;
  }[];
  /** The newest comments left with a vote. */
  comments: { helpful: boolean; comment: string; createdAt: Date }[];
  flags: QaFlags;
}

export async function qaItemDetail(
  db: Executor,
  actor: AnyActor,
  id: number,
  today: string,
): Promise<QaDetail> {
  const [r] = await rows<{
    id: number;
    version: number;
    agency_id: number;
    agency_name: string;
    agency_path: string;
    question: string;
    alt_questions: string[] | string;
    answer: string;
    category: string;
    state: QaState;
    review_by: string | Date | null;
    published_at: Date | string | null;
    helpful_yes: number;
    helpful_no: number;
    reuse_count: number;
    created_at: Date | string;
    updated_at: Date | string;
  }>(
    db,
    sql`select i.*, a.name as agency_name, a.path as agency_path from qa_item i
        join agency a on a.id = i.agency_id where i.id = ${id}`,
  );
  if (!r) throw new NotFound('未找到该问答');
  authorize(actor, 'qa.view', { agencyPath: r.agency_path });
  const documents = await rows<{
    id: number;
    title: string;
    doc_number: string | null;
    kind: string;
    validity: string;
    state: string;
  }>(
    db,
    sql`select d.id, d.title, d.doc_number, d.kind, d.validity, d.state from qa_document l
        join document d on d.id = l.document_id where l.qa_id = ${id} order by d.published_on desc, d.id desc`,
  );
  const comments = await rows<{ helpful: boolean; comment: string; created_at: Date | string }>(
    db,
    sql`select helpful, comment, created_at from qa_feedback where qa_id = ${id} and comment is not null
        order by created_at desc, id desc limit 20`,
  );
  const reviewBy = isoDate(r.review_by);
  const docs = documents.map((d) => ({
    id: Number(d.id),
    title: d.title,
    docNumber: d.doc_number,
    kind: d.kind,
    validity: d.validity,
    state: d.state,
  }));
  return {
    id: Number(r.id),
    version: Number(r.version),
    agency: { id: Number(r.agency_id), name: r.agency_name, path: r.agency_path },
    question: r.question,
    altQuestions:
      typeof r.alt_questions === 'string' ? (JSON.parse(r.alt_questions) as string[]) : r.alt_questions,
    answer: r.answer,
    category: r.category,
    state: r.state,
    reviewBy,
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
    helpfulYes: Number(r.helpful_yes),
    helpfulNo: Number(r.helpful_no),
    reuseCount: Number(r.reuse_count),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
    documents: docs,
    comments: comments.map((c) => ({
      helpful: c.helpful,
      comment: c.comment,
      createdAt: new Date(c.created_at),
    })),
    flags: qaFlags(
      { reviewBy },
      docs.map((d) => (d.state === 'published' ? d.validity : 'withdrawn')),
      today,
    ),
  };
}

/** The categories offered: the standard ones, then any other in use (alphabetical). */
export async function qaCategoryOptions(db: Executor): Promise<string[]> {
  const used = await rows<{ category: string }>(
    db,
    sql`select distinct category from qa_item order by category`,
  );
  const out: string[] = [...QA_CATEGORIES];
  for (const u of used) if (!out.includes(u.category)) out.push(u.category);
  return out;
}
