// The answers of the 答问知识库 that match a letter: the letter's title and content cut into words by
// jieba (as the index was), the words that say nothing dropped (src/domain/qa/qa.ts), the rest ORed
// in one tsquery over the published items and ranked by ts_rank_cd with the question above the answer.
// An item must share at least two of the letter's words (one when the letter has only one), so that a
// single common word does not bring up unrelated answers.
import { sql } from 'drizzle-orm';
import { meaningfulWords } from '../domain/qa/qa.js';
import type { Executor } from '../db/client.js';
import { tokensForQuery } from '../lib/chinese-tokens.js';
import { rows } from './sql-rows.js';

export const DEFAULT_MATCH_LIMIT = 5;
const EXCERPT_LENGTH = 120;
/** Ranked candidates read before the shared-words check. */
const CANDIDATES = 30;

export interface QaMatchDocument {
  id: number;
  title: string;
  docNumber: string | null;
}

export interface QaMatch {
  id: number;
  question: string;
  category: string;
  /** The answer's beginning, plain text (about EXCERPT_LENGTH characters, … when cut). */
  answerExcerpt: string;
  documents: QaMatchDocument[];
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= EXCERPT_LENGTH ? flat : `${flat.slice(0, EXCERPT_LENGTH)}…`;
}

const operand = (w: string) => `'${w.replace(/'/g, "''")}'`;

async function documentsOf(db: Executor, ids: number[]): Promise<Map<number, QaMatchDocument[]>> {
  const out = new Map<number, QaMatchDocument[]>();
  if (ids.length === 0) return out;
  const found = await rows<{ qa_id: number; id: number; title: string; doc_number: string | null }>(
    db,
    sql`select q.qa_id, d.id, d.title, d.doc_number from qa_document q join document d on d.id = q.document_id
        where q.qa_id in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) and d.state = 'published' order by d.published_on desc, d.id desc`,
  );
  for (const d of found) {
    const list = out.get(Number(d.qa_id)) ?? [];
    list.push({ id: Number(d.id), title: d.title, docNumber: d.doc_number });
    out.set(Number(d.qa_id), list);
  }
  return out;
}

/** The best published items for a letter's text (title and content), best first. */
export async function matchingAnswers(
  db: Executor,
  text: string,
  options: { limit?: number } = {},
): Promise<QaMatch[]> {
  const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_MATCH_LIMIT, 20));
  const words = meaningfulWords(tokensForQuery(text.slice(0, 5000)));
  if (words.length === 0) return [];
  const tsquery = words.map(operand).join(' | ');
  const found = await rows<{
    id: number;
    question: string;
    category: string;
    answer: string;
    title_tokens: string;
    body_tokens: string;
  }>(
    db,
    sql`select i.id, i.question, i.category, i.answer, i.title_tokens, i.body_tokens from qa_item i
        where i.state = 'published' and i.search_vector @@ to_tsquery('simple', ${tsquery})
        order by ts_rank_cd('{0.1,0.2,0.4,1.0}', i.search_vector, to_tsquery('simple', ${tsquery}), 1) desc,
                 i.reuse_count desc, i.id desc
        limit ${CANDIDATES}`,
  );
  const needed = Math.min(2, words.length);
  const kept = found
    .filter((r) => {
      const tokens = new Set(`${r.title_tokens} ${r.body_tokens}`.split(' '));
      return words.filter((w) => tokens.has(w)).length >= needed;
    })
    .slice(0, limit);
  const docs = await documentsOf(
    db,
    kept.map((r) => Number(r.id)),
  );
  return kept.map((r) => ({
    id: Number(r.id),
    question: r.question,
    category: r.category,
    answerExcerpt: excerpt(r.answer),
    documents: docs.get(Number(r.id)) ?? [],
  }));
}

export interface QaAnswerForReuse {
  id: number;
  question: string;
  answer: string;
  documents: QaMatchDocument[];
}

/** A published item's whole answer, to pre-fill a letter's reply; null for anything else. */
export async function qaAnswerForReuse(db: Executor, qaId: number): Promise<QaAnswerForReuse | null> {
  const [r] = await rows<{ id: number; question: string; answer: string }>(
    db,
    sql`select i.id, i.question, i.answer from qa_item i where i.id = ${qaId} and i.state = 'published'`,
  );
  if (!r) return null;
  const docs = await documentsOf(db, [Number(r.id)]);
  return {
    id: Number(r.id),
    question: r.question,
    answer: r.answer,
    documents: docs.get(Number(r.id)) ?? [],
  };
}
