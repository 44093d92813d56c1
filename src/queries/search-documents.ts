// Search over the published document library (documents and 政策解读): jieba words in a tsvector with
// a GIN index (document.search_vector, src/lib/chinese-tokens.ts), the same SQL on PGlite and
// PostgreSQL. A 文号 in the query (苏府[2020]12号, any bracket) is looked up exactly by its normal
// form and ranked first; then ts_rank_cd with the title weighted above the body; then the newest.
// Facet counts (agency, theme, year, 效力级别, 有效性) are over the whole matching set, with the filters
// applied. Only published rows are ever read.
import { sql, type SQL } from 'drizzle-orm';
import { InvalidInput } from '../domain/errors.js';
import { highlighter } from '../domain/search/highlight.js';
import {
  parseSearchQuery,
  queriesWithoutOneWord,
  type ParsedQuery,
  type QueryTokenizer,
} from '../domain/search/query.js';
import type { Executor } from '../db/client.js';
import { partsBefore, tokensForQuery, wordParts } from '../lib/chinese-tokens.js';

export interface SearchDocumentsInput {
  q: string;
  /** 发文机关: the publishing agency or a joint issuer (document_issuer). */
  agencyId?: number | null;
  /** A theme code; a first-level code (T05) takes its second level (T05.02) too. */
  themeCode?: string | null;
  /** Year of 发布日期. */
  year?: number | null;
  effectLevel?: string | null;
  validity?: string | null;
  kind?: string | null;
  page?: number;
  pageSize?: number;
}

export interface SearchHit {
  id: number;
  title: string;
  docNumber: string | null;
  agencyName: string;
  publishedOn: string | null;
  kind: string;
  validity: string;
  /** Escaped HTML: only <mark> tags are markup. */
  snippetHtml: string;
  titleHtml: string;
}

export interface FacetCount<K> {
  key: K;
  count: number;
}

export interface SearchFacets {
  agencies: (FacetCount<number> & { name: string })[];
  themes: FacetCount<string>[];
  years: FacetCount<number>[];
  effectLevels: FacetCount<string>[];
  validity: FacetCount<string>[];
}

export interface SearchDocumentsResult {
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** Queries to try when nothing is found (each a text for `q`). */
  suggestions: string[];
}

export const MAX_SEARCH_PAGE_SIZE = 50;
export const DEFAULT_SEARCH_PAGE_SIZE = 10;
/** Deepest result page served (deep pages cost the most and nobody reads them). */
export const MAX_SEARCH_PAGE = 100;
/** Body text read per hit for its snippet. */
const SNIPPET_SOURCE_CHARS = 20_000;

export const jiebaQueryTokenizer: QueryTokenizer = { words: tokensForQuery, partsBefore };

const EMPTY_FACETS: SearchFacets = { agencies: [], themes: [], years: [], effectLevels: [], validity: [] };

/** rows of db.execute on either driver (node-postgres QueryResult and PGlite Results both have rows). */
async function rows<T>(db: Executor, query: SQL): Promise<T[]> {
  const res = (await db.execute(query)) as unknown as { rows: T[] };
  return res.rows;
}

function tsqueryOf(parsed: ParsedQuery): SQL | null {
  return parsed.tsquery === null ? null : sql`to_tsquery('simple', ${parsed.tsquery})`;
}

/** The match condition over `d` (document): the tsquery, or the 文号 exactly. */
function matchCondition(parsed: ParsedQuery): SQL | null {
  const tsq = tsqueryOf(parsed);
  const parts: SQL[] = [];
  if (tsq) parts.push(sql`d.search_vector @@ ${tsq}`);
  if (parsed.docNumberCandidates.length > 0) {
    parts.push(
      sql`d.doc_number_norm in (${sql.join(
        parsed.docNumberCandidates.map((c) => sql`${c}`),
        sql`, `,
      )})`,
    );
  }
  if (parts.length === 0) return null;
  return sql`(${sql.join(parts, sql` or `)})`;
}

function filterConditions(input: SearchDocumentsInput): SQL[] {
  const out: SQL[] = [sql`d.state = 'published'`];
  if (input.agencyId != null) {
    out.push(
      sql`(d.agency_id = ${input.agencyId} or exists (select 1 from document_issuer i where i.document_id = d.id and i.agency_id = ${input.agencyId}))`,
    );
  }
  if (input.themeCode) {
    out.push(
      sql`exists (select 1 from document_theme t where t.document_id = d.id and (t.theme_code = ${input.themeCode} or t.theme_code like ${`${input.themeCode}.%`}))`,
    );
  }
  if (input.year != null) {
    out.push(sql`d.published_on >= ${`${input.year}-01-01`} and d.published_on <= ${`${input.year}-12-31`}`);
  }
  if (input.effectLevel) out.push(sql`d.effect_level = ${input.effectLevel}`);
  if (input.validity) out.push(sql`d.validity = ${input.validity}`);
  if (input.kind) out.push(sql`d.kind = ${input.kind}`);
  return out;
}

function checkInput(input: SearchDocumentsInput): { page: number; pageSize: number } {
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? DEFAULT_SEARCH_PAGE_SIZE;
  const errors: Record<string, string> = {};
  if (!Number.isInteger(page) || page < 1 || page > MAX_SEARCH_PAGE) {
    errors.page = `页码应为 1 至 ${MAX_SEARCH_PAGE} 之间的整数`;
  }
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > MAX_SEARCH_PAGE_SIZE) {
    errors.pageSize = `每页条数应为 1 至 ${MAX_SEARCH_PAGE_SIZE} 之间的整数`;
  }
  if (input.year != null && (!Number.isInteger(input.year) || input.year < 1900 || input.year > 2100)) {
    errors.year = '年份应为四位数字';
  }
  if (Object.keys(errors).length > 0) throw new InvalidInput(errors);
  return { page, pageSize };
}

interface FacetRow {
  f: string;
  k: string | null;
  n: number | string;
  name: string | null;
}

interface HitRow {
  id: number;
  title: string;
  doc_number: string | null;
  agency_name: string;
  published_on: string | Date | null;
  kind: string;
  validity: string;
  body: string;
}

function isoDate(v: string | Date | null): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v.slice(0, 10);
  return v.toISOString().slice(0, 10);
}

/** Counts over the matching set: the total and each facet, in one statement. */
async function facetsOf(db: Executor, where: SQL): Promise<{ total: number; facets: SearchFacets }> {
  const res = await rows<FacetRow>(
    db,
    sql`with m as materialized (
      select d.id, d.agency_id, d.effect_level, d.validity,
             extract(year from d.published_on)::int as y
      from document d where ${where}
    )
    select 'total' as f, null as k, count(*) as n, null as name from m
    union all
    select 'agency', x.agency_id::text, count(*), min(a.name) from (
      select m.id, m.agency_id from m
      union
      select m.id, i.agency_id from m join document_issuer i on i.document_id = m.id
    ) x join agency a on a.id = x.agency_id group by x.agency_id
    union all
    select 'theme', t.theme_code, count(*), null from m join document_theme t on t.document_id = m.id group by t.theme_code
    union all
    select 'year', y::text, count(*), null from m where y is not null group by y
    union all
    select 'effect', effect_level, count(*), null from m group by effect_level
    union all
    select 'validity', validity, count(*), null from m group by validity`,
  );
  const facets: SearchFacets = { agencies: [], themes: [], years: [], effectLevels: [], validity: [] };
  let total = 0;
  for (const r of res) {
    const n = Number(r.n);
    if (r.f === 'total') total = n;
    else if (r.f === 'agency') facets.agencies.push({ key: Number(r.k), name: r.name ?? '', count: n });
    else if (r.f === 'theme') facets.themes.push({ key: r.k!, count: n });
    else if (r.f === 'year') facets.years.push({ key: Number(r.k), count: n });
    else if (r.f === 'effect') facets.effectLevels.push({ key: r.k!, count: n });
    else if (r.f === 'validity') facets.validity.push({ key: r.k!, count: n });
  }
  const byCount = <T extends { count: number }>(a: T, b: T) => b.count - a.count;
  facets.agencies.sort((a, b) => byCount(a, b) || a.key - b.key);
  facets.themes.sort((a, b) => byCount(a, b) || a.key.localeCompare(b.key));
  facets.years.sort((a, b) => b.key - a.key);
  facets.effectLevels.sort(byCount);
  facets.validity.sort(byCount);
  return { total, facets };
}

async function exists(db: Executor, where: SQL): Promise<boolean> {
  const r = await rows<{ one: number }>(db, sql`select 1 as one from document d where ${where} limit 1`);
  return r.length > 0;
}

/**
 * What to offer when nothing is found: the query without one of its words (when that finds
 * something), then the words inside a long word (营商环境便利化 → 营商环境), then titles that share
 * a word with the query.
 */
async function suggestionsFor(
  db: Executor,
  parsed: ParsedQuery,
  filters: SQL[],
  tokenizer: QueryTokenizer,
): Promise<string[]> {
  const out: string[] = [];
  const found = async (q: string) => {
    const p = parseSearchQuery(q, tokenizer);
    const m = matchCondition(p);
    return m !== null && (await exists(db, sql.join([m, ...filters], sql` and `)));
  };
  for (const q of queriesWithoutOneWord(parsed).slice(0, 4)) {
    if (out.length >= 3) break;
    if (await found(q)) out.push(q);
  }
  const words = [...parsed.terms, ...parsed.phrases.flat()];
  if (out.length < 3) {
    for (const w of words) {
      for (const part of [...wordParts(w)].sort((a, b) => b.length - a.length)) {
        if (out.length >= 3) break;
        if (!out.includes(part) && (await found(part))) out.push(part);
      }
    }
  }
  if (out.length < 3 && words.length > 0) {
    const any = words.map((w) => `'${w.replace(/'/g, "''")}'`).join(' | ');
    const titles = await rows<{ title: string }>(
      db,
      sql`select d.title from document d
          where d.search_vector @@ to_tsquery('simple', ${any}) and ${sql.join(filters, sql` and `)}
          order by ts_rank_cd('{0.1,0.2,0.4,1.0}', d.search_vector, to_tsquery('simple', ${any})) desc, d.id desc
          limit 3`,
    );
    for (const t of titles) if (out.length < 3 && !out.includes(t.title)) out.push(t.title);
  }
  return out;
}

export async function searchDocuments(
  db: Executor,
  input: SearchDocumentsInput,
  tokenizer: QueryTokenizer = jiebaQueryTokenizer,
): Promise<SearchDocumentsResult> {
  const { page, pageSize } = checkInput(input);
  const parsed = parseSearchQuery(input.q ?? '', tokenizer);
  const match = matchCondition(parsed);
  if (match === null) {
    return { total: 0, page, pageSize, hits: [], facets: EMPTY_FACETS, suggestions: [] };
  }
  const filters = filterConditions(input);
  const where = sql.join([match, ...filters], sql` and `);

  const tsq = tsqueryOf(parsed);
  const order: SQL[] = [];
  if (parsed.docNumberCandidates.length > 0) {
    // The 文号 looked up exactly comes first.
    order.push(
      sql`(d.doc_number_norm is not null and d.doc_number_norm in (${sql.join(
        parsed.docNumberCandidates.map((c) => sql`${c}`),
        sql`, `,
      )})) desc`,
    );
  }
  // Title (weight A) counts 1.0, body (B) 0.4; normalisation 1 divides by 1 + log(length).
  if (tsq) order.push(sql`ts_rank_cd('{0.1,0.2,0.4,1.0}', d.search_vector, ${tsq}, 1) desc`);
  order.push(sql`d.published_on desc nulls last`, sql`d.id desc`);

  const [{ total, facets }, hitRows] = await Promise.all([
    facetsOf(db, where),
    rows<HitRow>(
      db,
      sql`select d.id, d.title, d.doc_number, a.name as agency_name, d.published_on, d.kind, d.validity,
                 left(d.body_text, ${SNIPPET_SOURCE_CHARS}) as body
          from document d join agency a on a.id = d.agency_id
          where ${where}
          order by ${sql.join(order, sql`, `)}
          limit ${pageSize} offset ${(page - 1) * pageSize}`,
    ),
  ]);

  const hl = highlighter(parsed.highlightWords, parsed.docNumber);
  const hits: SearchHit[] = hitRows.map((r) => ({
    id: Number(r.id),
    title: r.title,
    docNumber: r.doc_number,
    agencyName: r.agency_name,
    publishedOn: isoDate(r.published_on),
    kind: r.kind,
    validity: r.validity,
    titleHtml: hl.full(r.title),
    snippetHtml: hl.snippet(r.body),
  }));
  const suggestions = total === 0 ? await suggestionsFor(db, parsed, filters, tokenizer) : [];
  return { total, page, pageSize, hits, facets, suggestions };
}
