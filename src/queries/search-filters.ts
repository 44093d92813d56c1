// The filters of a document search as SQL over `d` (document): what any public read may return, the
// year and the gazette as row conditions, and the other filters as facet lexemes of search_vector.
import { sql, type SQL } from 'drizzle-orm';
import { FACET_PREFIX } from '../domain/search/facets.js';
import type { SearchDocumentsInput } from './search-documents.js';

/**
 * The rows any public read may return: published, and 主动公开 (第十九条、第二十条: an item recorded as
 * 依申请公开 or 不予公开 is never published; this keeps it out even if a row says otherwise).
 */
export const PUBLIC = sql`d.state = 'published' and d.disclosure_method = 'proactive'`;

// Filters other than the year and the gazette are facet lexemes of search_vector
// (src/domain/search/facets.ts): one GIN lookup intersects the words' and the filters' posting lists
// before any row is read, and PostgreSQL estimates it from the same statistics as the words.

/** Facet values are codes; anything else can match no document. */
const CODE = /^[A-Za-z0-9._-]{1,64}$/;
const facetLexeme = (prefix: string, value: string | number): string =>
  CODE.test(String(value)) ? `'${prefix}${value}'` : `'~none'`;

/** The filters as a tsquery text over facet lexemes (null without such a filter). */
export function facetQuery(input: SearchDocumentsInput): string | null {
  const parts: string[] = [];
  if (input.agencyId != null) parts.push(facetLexeme(FACET_PREFIX.agency, input.agencyId));
  if (input.themeCode) parts.push(facetLexeme(FACET_PREFIX.theme, input.themeCode));
  if (input.effectLevel) parts.push(facetLexeme(FACET_PREFIX.effectLevel, input.effectLevel));
  if (input.validity) parts.push(facetLexeme(FACET_PREFIX.validity, input.validity));
  if (input.kind) parts.push(facetLexeme(FACET_PREFIX.kind, input.kind));
  return parts.length === 0 ? null : parts.join(' & ');
}

/** The filter conditions on `d` that are not facet lexemes: public, year, gazette. */
export function rowConditions(input: SearchDocumentsInput): SQL[] {
  const common: SQL[] = [PUBLIC];
  if (input.year != null) {
    common.push(
      sql`d.published_on >= ${`${input.year}-01-01`}::date and d.published_on <= ${`${input.year}-12-31`}::date`,
    );
  }
  // A check on each row the words give (gazette_item_document_idx), never a join.
  if (input.gazetteAgencyId != null) {
    common.push(
      sql`exists (select 1 from gazette_item gi join gazette_issue g on g.id = gi.issue_id
        where gi.document_id = d.id and g.agency_id = ${input.gazetteAgencyId} offset 0)`,
    );
  } else if (input.gazette) {
    common.push(sql`exists (select 1 from gazette_item gi where gi.document_id = d.id offset 0)`);
  }
  return common;
}

/** `d.search_vector @@` the words (a tsquery text, or null) and the facet lexemes, as one GIN lookup. */
export function vectorMatch(words: string | null, facets: string | null): SQL | null {
  if (words === null && facets === null) return null;
  if (facets === null) return sql`d.search_vector @@ to_tsquery('simple', ${words})`;
  if (words === null) return sql`d.search_vector @@ ${facets}::tsquery`;
  return sql`d.search_vector @@ (to_tsquery('simple', ${words}) && ${facets}::tsquery)`;
}

/** Every filter as conditions on `d` (for the 文号 lookup and the suggestions). */
export function allFilters(input: SearchDocumentsInput): SQL[] {
  const facets = vectorMatch(null, facetQuery(input));
  return facets ? [...rowConditions(input), facets] : rowConditions(input);
}
