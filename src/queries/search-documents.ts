// Search over the published document library (documents and 政策解读): jieba words in a tsvector with
// a GIN index (document.search_vector, src/lib/chinese-tokens.ts), the same SQL on PGlite and
// PostgreSQL. A 文号 in the query (苏府[2020]12号, any bracket) is looked up exactly by its normal
// form and ranked first; then ts_rank_cd with the title weighted above the body; then the newest.
// A query matching more than MATCH_WINDOW documents reads only the newest MATCH_WINDOW of them (and
// every exact 文号 match): the ranking and the facet counts (agency, theme, year, 效力级别, 有效性,
// with the filters applied) cover those, and totalExact says so. Only published 主动公开 rows are read.
import { sql, type SQL } from 'drizzle-orm';
import { InvalidInput } from '../domain/errors.js';
import { monthsQuery } from '../domain/search/facets.js';
import { highlighter } from '../domain/search/highlight.js';
import { parseSearchQuery, type ParsedQuery, type QueryTokenizer } from '../domain/search/query.js';
import type { Executor } from '../db/client.js';
import { partsBefore, tokensForQuery } from '../lib/chinese-tokens.js';
import { rows } from './sql-rows.js';
import { suggestionsFor } from './search-suggestions.js';
import { allFilters, facetQuery, PUBLIC, rowConditions, vectorMatch } from './search-filters.js';

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
  /** Only documents some 政府公报 issue printed (a gazette_item holds them). */
  gazette?: boolean;
  /** Only documents an issue of this agency's 政府公报 printed (implies `gazette`). */
  gazetteAgencyId?: number | null;
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
  /**
   * Matching documents. When a query matches more than MATCH_WINDOW documents, only the newest
   * MATCH_WINDOW are read (ranked, and counted in the facets), totalExact is false and total is
   * PostgreSQL's estimate (never less than MATCH_WINDOW + 1): show "约 N 条".
   */
  total: number;
  totalExact: boolean;
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
export const MAX_SEARCH_PAGE = 20;
/**
 * Most matching documents read for one query (the newest; the 文号 matches always): ranking, the
 * total and the facets are over these. Reading every match of a common word among a million
 * documents means reading most of the table (seconds; docs/performance.md); the newest few hundred
 * take milliseconds. Result pages stop there too (MATCH_WINDOW / page size).
 */
export const MATCH_WINDOW = 200;
/** Newest rows holding all the words of a phrase query on which the phrase itself is checked. */
const PHRASE_WINDOW = 400;
/** Body text read per hit for its snippet. */
const SNIPPET_SOURCE_CHARS = 20_000;

export const jiebaQueryTokenizer: QueryTokenizer = { words: tokensForQuery, partsBefore };

const EMPTY_FACETS: SearchFacets = { agencies: [], themes: [], years: [], effectLevels: [], validity: [] };

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

interface CandidateRow {
  id: number;
  agency_id: number;
  agency_name: string;
  effect_level: string;
  validity: string;
  published_on: string | Date | null;
  exact: boolean;
  rank: number | string;
  /** False for a row with the words of a phrase, but not side by side. */
  matches: boolean;
  themes: string[] | null;
  /** Joint issuers as "id:name". */
  issuers: string[] | null;
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

/** Facet counts of the candidate rows. */
function facetsOf(candidates: CandidateRow[]): SearchFacets {
  const agencies = new Map<number, { name: string; count: number }>();
  const themes = new Map<string, number>();
  const years = new Map<number, number>();
  const effectLevels = new Map<string, number>();
  const validity = new Map<string, number>();
  const bump = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const c of candidates) {
    const issuers = new Map<number, string>([[Number(c.agency_id), c.agency_name]]);
    for (const i of c.issuers ?? []) {
      const at = i.indexOf(':');
      issuers.set(Number(i.slice(0, at)), i.slice(at + 1));
    }
    for (const [id, name] of issuers) {
      const a = agencies.get(id) ?? { name, count: 0 };
      a.count++;
      agencies.set(id, a);
    }
    for (const t of new Set(c.themes ?? [])) bump(themes, t);
    const on = isoDate(c.published_on);
    if (on) bump(years, Number(on.slice(0, 4)));
    bump(effectLevels, c.effect_level);
    bump(validity, c.validity);
  }
  const list = <K>(m: Map<K, number>) => [...m].map(([key, count]) => ({ key, count }));
  const byCount = (a: { count: number }, b: { count: number }) => b.count - a.count;
  return {
    agencies: [...agencies]
      .map(([key, a]) => ({ key, name: a.name, count: a.count }))
      .sort((a, b) => byCount(a, b) || a.key - b.key),
    themes: list(themes).sort((a, b) => byCount(a, b) || a.key.localeCompare(b.key)),
    years: list(years).sort((a, b) => b.key - a.key),
    effectLevels: list(effectLevels).sort(byCount),
    validity: list(validity).sort(byCount),
  };
}

/** PostgreSQL's estimate of the rows of a condition (from the statistics; no row is read). */
async function estimatedCount(db: Executor, where: SQL): Promise<number> {
  const r = await rows<Record<string, unknown>>(
    db,
    sql`explain (format json) select 1 from document d where ${where}`,
  );
  const plan = r[0]?.['QUERY PLAN'];
  const json = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan?: { 'Plan Rows'?: number } }];
  return Math.round(Number(json?.[0]?.Plan?.['Plan Rows'] ?? 0));
}

export async function searchDocuments(
  db: Executor,
  input: SearchDocumentsInput,
  tokenizer: QueryTokenizer = jiebaQueryTokenizer,
): Promise<SearchDocumentsResult> {
  const { page, pageSize } = checkInput(input);
  const parsed = parseSearchQuery(input.q ?? '', tokenizer);
  const match = matchCondition(parsed);
  const empty = { page, pageSize, hits: [], facets: EMPTY_FACETS, totalExact: true };
  if (match === null) return { ...empty, total: 0, suggestions: [] };
  const filters = allFilters(input);
  const facets = facetQuery(input);
  const rowFilters = sql.join(rowConditions(input), sql` and `);
  const tsq = tsqueryOf(parsed);
  const numbers = parsed.docNumberCandidates.map((c) => sql`${c}`);
  const exact =
    numbers.length > 0
      ? sql`coalesce(d.doc_number_norm in (${sql.join(numbers, sql`, `)}), false)`
      : sql`false`;
  // Title (weight A) counts 1.0, body (B) 0.4; normalisation 1 divides by 1 + log(length).
  const hasPhrase = parsed.tsquery !== parsed.tsqueryWords;
  const rankOf = sql`ts_rank_cd('{0.1,0.2,0.4,1.0}', d.search_vector, ${tsq}, 1)`;
  const rank = !tsq
    ? sql`0`
    : hasPhrase
      ? sql`case when d.search_vector @@ ${tsq} then ${rankOf} else 0 end`
      : rankOf;
  // Computed on the rows a query returns only: rank and the phrase read each row's tsvector.
  const columns = sql`d.id, d.agency_id, a.name as agency_name, d.effect_level, d.validity, d.published_on,
      ${exact} as exact, ${rank} as rank,
      ${hasPhrase && tsq ? sql`d.search_vector @@ ${tsq}` : sql`true`} as matches,
      (select array_agg(t.theme_code) from document_theme t where t.document_id = d.id) as themes,
      (select array_agg(i.agency_id || ':' || ia.name) from document_issuer i join agency ia on ia.id = i.agency_id
        where i.document_id = d.id) as issuers`;
  const filtered = sql.join(filters, sql` and `);

  const found: CandidateRow[] = [];
  if (numbers.length > 0) {
    found.push(
      ...(await rows<CandidateRow>(
        db,
        sql`select ${columns} from document d join agency a on a.id = d.agency_id
            where d.doc_number_norm in (${sql.join(numbers, sql`, `)}) and ${filtered}`,
      )),
    );
  }
  let estimate = 0;
  let cut = false;
  if (tsq && parsed.tsqueryWords) {
    const words = vectorMatch(parsed.tsqueryWords, facets) as SQL;
    const limit = hasPhrase ? PHRASE_WINDOW : MATCH_WINDOW + 1;
    // The newest `limit` rows with all the words. The GIN index answers the words without reading
    // a row's tsvector (reading it is what costs: it is compressed, usually stored apart); the
    // rows it gives are then read for their date. A common word is matched in many rows, so the
    // search is narrowed first to the newest documents expected to hold about twice the window
    // (from PostgreSQL's estimates), and widened when that was too narrow.
    estimate = await estimatedCount(db, sql`${words} and ${rowFilters}`);
    // The date from which the newest `2 × limit` matches are expected: the same share of the time
    // between the first and the last 发布日期 as of the matches (more documents are published each
    // year, so the newest stretch holds more than its share: the estimate errs on the safe side).
    let share = estimate > 2 * limit ? (2 * limit) / estimate : 1;
    const [span] =
      share < 0.9
        ? await rows<{ first: string | Date | null; last: string | Date | null }>(
            db,
            sql`select min(d.published_on) as first, max(d.published_on) as last from document d
                where ${PUBLIC}`,
          )
        : [];
    // With a year filter the matches lie within that year.
    const bound = (d: string | Date | null | undefined, y: string) =>
      input.year != null ? Date.parse(`${input.year}-${y}`) : d ? Date.parse(isoDate(d)!) : NaN;
    const first = Math.max(
      bound(span?.first, '01-01'),
      span?.first ? Date.parse(isoDate(span.first)!) : -Infinity,
    );
    const last = Math.min(
      bound(span?.last, '12-31'),
      span?.last ? Date.parse(isoDate(span.last)!) : Infinity,
    );
    for (;;) {
      const since =
        share >= 0.9 || Number.isNaN(first) || Number.isNaN(last)
          ? null
          : new Date(last - share * (last - first)).toISOString().slice(0, 10);
      // From that date on: as month lexemes ANDed in the same GIN lookup (facets.ts), so that a
      // word in a fifth of the library costs what a few months of documents cost.
      const months = since ? monthsQuery(since, new Date(last).toISOString().slice(0, 10)) : null;
      const recent = !since
        ? words
        : months
          ? (vectorMatch(parsed.tsqueryWords, facets ? `(${facets}) & (${months})` : months) as SQL)
          : // Checked on the rows the words give: as an index condition, PostgreSQL would intersect
            // the words with every document since that date (a long range scan of its own).
            sql`${words} and d.published_on + 0 >= ${since}::date`;
      const window = await rows<CandidateRow>(
        db,
        // The newest `limit` matches are chosen on (id, date) alone; rank, phrase, themes and
        // issuers — the reads that cost (the tsvector above all) — only for those.
        sql`select ${columns} from (
              select m.id from (
                select d.id, d.published_on from document d
                where ${recent} and ${rowFilters}
                offset 0
              ) m order by m.published_on desc, m.id desc limit ${limit}
            ) w join document d on d.id = w.id join agency a on a.id = d.agency_id
            order by d.published_on desc, d.id desc`,
      );
      if (since && window.length < limit) {
        share *= 8; // the estimate was too high: look further back
        continue;
      }
      cut = since !== null || window.length >= limit;
      found.push(...window);
      break;
    }
  }

  const when = (r: CandidateRow) => isoDate(r.published_on) ?? '';
  const newestFirst = (a: CandidateRow, b: CandidateRow) =>
    when(b).localeCompare(when(a)) || Number(b.id) - Number(a.id);
  const byId = new Map<number, CandidateRow>();
  for (const r of found) if (r.exact && !byId.has(Number(r.id))) byId.set(Number(r.id), r);
  const matched = found.filter((r) => !r.exact && r.matches).sort(newestFirst);
  let kept = 0;
  for (const r of matched) {
    if (kept === MATCH_WINDOW) {
      cut = true;
      break;
    }
    if (!byId.has(Number(r.id))) byId.set(Number(r.id), r);
    kept++;
  }
  const candidates = [...byId.values()];
  // Past the window, the total is PostgreSQL's estimate (never below what was read).
  const totalExact = !cut;
  const total =
    totalExact || candidates.length === 0 ? candidates.length : Math.max(candidates.length + 1, estimate);
  if (total === 0) {
    return { ...empty, total: 0, suggestions: await suggestionsFor(db, parsed, filters, tokenizer) };
  }

  candidates.sort(
    (a, b) => Number(b.exact) - Number(a.exact) || Number(b.rank) - Number(a.rank) || newestFirst(a, b),
  );
  const pageIds = candidates.slice((page - 1) * pageSize, page * pageSize).map((c) => Number(c.id));
  const hitRows =
    pageIds.length === 0
      ? []
      : await rows<HitRow>(
          db,
          sql`select d.id, d.title, d.doc_number, a.name as agency_name, d.published_on, d.kind, d.validity,
                     left(d.body_text, ${SNIPPET_SOURCE_CHARS}) as body
              from document d join agency a on a.id = d.agency_id
              where d.id in (${sql.join(
                pageIds.map((id) => sql`${id}`),
                sql`, `,
              )}) and ${PUBLIC}`,
        );
  const rowById = new Map(hitRows.map((r) => [Number(r.id), r]));

  const hl = highlighter(parsed.highlightWords, parsed.docNumber);
  const hits: SearchHit[] = [];
  for (const id of pageIds) {
    const r = rowById.get(id);
    if (!r) continue;
    hits.push({
      id,
      title: r.title,
      docNumber: r.doc_number,
      agencyName: r.agency_name,
      publishedOn: isoDate(r.published_on),
      kind: r.kind,
      validity: r.validity,
      titleHtml: hl.full(r.title),
      snippetHtml: hl.snippet(r.body),
    });
  }
  return { total, totalExact, page, pageSize, hits, facets: facetsOf(candidates), suggestions: [] };
}
