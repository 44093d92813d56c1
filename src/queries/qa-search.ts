// Search and browse over the published 答问知识库: the same Chinese search as the document library —
// jieba tokens in qa_item.search_vector (question and alternative questions weighted as a title, the
// answer as the body), the search box read by src/domain/search/query.ts (words ANDed, "phrases"),
// ranked by ts_rank_cd with the same weights, the matched words marked by src/domain/search/highlight.ts —
// with a category filter and paging. The library holds thousands of items at most, so every match is
// ranked (no window as for documents). Without words: the published items of a category, newest first.
import { sql, type SQL } from 'drizzle-orm';
import { InvalidInput } from '../domain/errors.js';
import { highlighter } from '../domain/search/highlight.js';
import { parseSearchQuery, queriesWithoutOneWord, type QueryTokenizer } from '../domain/search/query.js';
import type { Executor } from '../db/client.js';
import { partsBefore, tokensForQuery } from '../lib/chinese-tokens.js';
import { rows } from './sql-rows.js';

export const QA_PAGE_SIZE = 10;
export const MAX_QA_PAGE_SIZE = 50;
export const MAX_QA_PAGE = 50;
const ANSWER_SNIPPET_LENGTH = 120;

const jiebaTokenizer: QueryTokenizer = { words: tokensForQuery, partsBefore };

export interface SearchQaInput {
  q?: string;
  category?: string | null;
  page?: number;
  pageSize?: number;
}

export interface QaHit {
  id: number;
  question: string;
  category: string;
  agencyName: string;
  publishedAt: Date | null;
  /** Escaped HTML: only <mark> tags are markup. */
  questionHtml: string;
  answerSnippetHtml: string;
  /** The alternative question holding more of the words searched for than the question itself. */
  alsoAskedHtml: string | null;
}

export interface SearchQaResult {
  q: string;
  total: number;
  page: number;
  pageSize: number;
  hits: QaHit[];
  /** Matching (or, without words, published) items per category, before the category filter. */
  categories: { category: string; count: number }[];
  /** Queries to try when nothing is found: the query without one of its words, each with matches. */
  suggestions: string[];
}

const MAX_SUGGESTIONS = 3;

interface Row {
  id: number;
  question: string;
  alt_questions: string[] | string;
  answer: string;
  category: string;
  agency_name: string;
  published_at: Date | string | null;
}

function checkPaging(input: SearchQaInput): { page: number; pageSize: number } {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? QA_PAGE_SIZE;
  const errors: Record<string, string> = {};
  if (!Number.isInteger(page) || page < 1 || page > MAX_QA_PAGE)
    errors.page = `页码应为 1 至 ${MAX_QA_PAGE} 之间的整数`;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_QA_PAGE_SIZE)
    errors.pageSize = `每页条数应为 1 至 ${MAX_QA_PAGE_SIZE} 之间的整数`;
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  return { page, pageSize };
}

const altList = (v: string[] | string): string[] => (typeof v === 'string' ? (JSON.parse(v) as string[]) : v);
const dateOf = (v: Date | string | null): Date | null => (v === null ? null : new Date(v));

export async function searchQa(
  db: Executor,
  input: SearchQaInput,
  tokenizer: QueryTokenizer = jiebaTokenizer,
): Promise<SearchQaResult> {
  const { page, pageSize } = checkPaging(input);
  const parsed = parseSearchQuery(input.q ?? '', tokenizer);
  const empty = { q: parsed.text, total: 0, page, pageSize, hits: [], categories: [], suggestions: [] };
  if (parsed.text !== '' && parsed.tsquery === null) return empty;
  const tsq = parsed.tsquery === null ? null : sql`to_tsquery('simple', ${parsed.tsquery})`;
  const base: SQL[] = [sql`i.state = 'published'`];
  if (tsq) base.push(sql`i.search_vector @@ ${tsq}`);
  const where = sql.join(base, sql` and `);
  const category = input.category?.trim() || null;
  const filtered = category ? sql`${where} and i.category = ${category}` : where;

  const categories = await rows<{ category: string; count: number | string }>(
    db,
    sql`select i.category, count(*) as count from qa_item i where ${where}
        group by i.category order by count(*) desc, i.category`,
  );
  const [{ total } = { total: 0 }] = await rows<{ total: number | string }>(
    db,
    sql`select count(*) as total from qa_item i where ${filtered}`,
  );
  // Question and alternative questions (A) count 1.0, the answer (B) 0.4, as for documents.
  const order = tsq
    ? sql`ts_rank_cd('{0.1,0.2,0.4,1.0}', i.search_vector, ${tsq}, 1) desc, i.published_at desc, i.id desc`
    : sql`i.published_at desc nulls last, i.id desc`;
  const found = await rows<Row>(
    db,
    sql`select i.id, i.question, i.alt_questions, i.answer, i.category, a.name as agency_name, i.published_at
        from qa_item i join agency a on a.id = i.agency_id
        where ${filtered} order by ${order}
        limit ${pageSize} offset ${(page - 1) * pageSize}`,
  );
  const hl = highlighter(parsed.highlightWords, parsed.docNumber);
  /** Distinct words marked in a highlighted text. */
  const markedWords = (html: string) =>
    new Set([...html.matchAll(/<mark>(.*?)<\/mark>/g)].map((m) => m[1]!.toLowerCase())).size;
  const hits = found.map((r): QaHit => {
    const questionHtml = hl.full(r.question);
    // The alternative question holding more of the words than the question, if any.
    let also: string | null = null;
    if (tsq) {
      let best = markedWords(questionHtml);
      for (const alt of altList(r.alt_questions)) {
        const html = hl.full(alt);
        const n = markedWords(html);
        if (n > best) {
          best = n;
          also = html;
        }
      }
    }
    return {
      id: Number(r.id),
      question: r.question,
      category: r.category,
      agencyName: r.agency_name,
      publishedAt: dateOf(r.published_at),
      questionHtml,
      answerSnippetHtml: hl.snippet(r.answer, ANSWER_SNIPPET_LENGTH),
      alsoAskedHtml: also,
    };
  });
  return {
    q: parsed.text,
    total: Number(total),
    page,
    pageSize,
    hits,
    categories: categories.map((c) => ({ category: c.category, count: Number(c.count) })),
    suggestions: Number(total) === 0 ? await suggestionsFor(db, parsed, category, tokenizer) : [],
  };
}

/** As the document search does: the query without one word, when that finds published items. */
async function suggestionsFor(
  db: Executor,
  parsed: ReturnType<typeof parseSearchQuery>,
  category: string | null,
  tokenizer: QueryTokenizer,
): Promise<string[]> {
  const out: string[] = [];
  for (const q of queriesWithoutOneWord(parsed)) {
    if (out.length >= MAX_SUGGESTIONS) break;
    const tsquery = parseSearchQuery(q, tokenizer).tsquery;
    if (tsquery === null) continue;
    const [found] = await rows<{ n: number | string }>(
      db,
      sql`select count(*) as n from qa_item i where i.state = 'published'
          and i.search_vector @@ to_tsquery('simple', ${tsquery})
          ${category ? sql`and i.category = ${category}` : sql``}`,
    );
    if (Number(found?.n ?? 0) > 0) out.push(q);
  }
  return out;
}

export interface PublicQaItem {
  id: number;
  question: string;
  altQuestions: string[];
  answer: string;
  category: string;
  agencyName: string;
  agencyCode: string;
  publishedAt: Date | null;
  updatedAt: Date;
  /** Linked published documents and interpretations. */
  documents: { id: number; title: string; docNumber: string | null; kind: string; validity: string }[];
}

/** A published item with its published linked documents; null for anything else (drafts, withdrawn). */
export async function loadPublicQaItem(db: Executor, id: number): Promise<PublicQaItem | null> {
  const [r] = await rows<Row & { agency_code: string; updated_at: Date | string }>(
    db,
    sql`select i.id, i.question, i.alt_questions, i.answer, i.category, a.name as agency_name,
               a.code as agency_code, i.published_at, i.updated_at
        from qa_item i join agency a on a.id = i.agency_id
        where i.id = ${id} and i.state = 'published'`,
  );
  if (!r) return null;
  const documents = await rows<{
    id: number;
    title: string;
    doc_number: string | null;
    kind: string;
    validity: string;
  }>(
    db,
    sql`select d.id, d.title, d.doc_number, d.kind, d.validity from qa_document q
        join document d on d.id = q.document_id
        where q.qa_id = ${id} and d.state = 'published' order by d.published_on desc, d.id desc`,
  );
  return {
    id: Number(r.id),
    question: r.question,
    altQuestions: altList(r.alt_questions),
    answer: r.answer,
    category: r.category,
    agencyName: r.agency_name,
    agencyCode: r.agency_code,
    publishedAt: dateOf(r.published_at),
    updatedAt: new Date(r.updated_at),
    documents: documents.map((d) => ({
      id: Number(d.id),
      title: d.title,
      docNumber: d.doc_number,
      kind: d.kind,
      validity: d.validity,
    })),
  };
}

/** Published items that link to a document (its page's 「相关问答」). */
export async function qaItemsForDocument(
  db: Executor,
  documentId: number,
): Promise<{ id: number; question: string }[]> {
  const found = await rows<{ id: number; question: string }>(
    db,
    sql`select i.id, i.question from qa_document q join qa_item i on i.id = q.qa_id
        where q.document_id = ${documentId} and i.state = 'published'
        order by i.published_at desc, i.id desc limit 10`,
  );
  return found.map((r) => ({ id: Number(r.id), question: r.question }));
}
