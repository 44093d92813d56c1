// Facet lexemes: the filters of a search (kind, 效力级别, 有效性, 发文机关, theme) and the month of its
// 发布日期 stored as lexemes of the document's search_vector, so a filtered search, and the newest
// matches of a common word, are one GIN lookup (migration 0008). Each starts with `~`, which the text
// parser drops from typed words: no query word can match one.
// The row's own columns give kind, 效力级别, 有效性, the publishing agency and the month (`~m202611`;
// `~m0` without a 发布日期) in the generated column;
// themes (with their first level) and joint issuers live in other tables and are kept in
// document.facet_tokens by triggers on document_theme and document_issuer.

export const FACET_PREFIX = {
  kind: '~k',
  effectLevel: '~e',
  validity: '~v',
  agency: '~a',
  theme: '~t',
  month: '~m',
} as const;

/**
 * Most months one query names. Months help a common word (its newest matches lie in the last
 * months); for a rarer one the date reaches years back, its matches are few anyway, and a long
 * list of months only makes GIN walk most of the library: the date is then checked on the rows.
 */
export const MAX_MONTHS = 24;

/**
 * The months from `since` to `until` (ISO dates, inclusive) as a tsquery text of month lexemes,
 * newest first — `'~m202611' | '~m202610' | …` — or null when there are more than MAX_MONTHS.
 * ANDed with a common word, GIN walks the months' (short) posting lists and only looks the word up:
 * the newest matches cost what the recent documents cost, not what the word's many rows cost.
 */
export function monthsQuery(since: string, until: string): string | null {
  let y = Number(until.slice(0, 4));
  let m = Number(until.slice(5, 7));
  const first = Number(since.slice(0, 4)) * 100 + Number(since.slice(5, 7));
  const out: string[] = [];
  while (y * 100 + m >= first) {
    if (out.length === MAX_MONTHS) return null;
    out.push(`'${FACET_PREFIX.month}${y * 100 + m}'`);
    if (--m === 0) {
      m = 12;
      y--;
    }
  }
  return out.length === 0 ? null : out.join(' | ');
}

/** The first level of a theme code: T05.02 → T05 (a first-level code is its own). */
const firstLevel = (code: string): string => code.split('.')[0] as string;

/**
 * document.facet_tokens for a document's themes and joint issuers, exactly as the database's
 * document_facet_tokens() makes it (distinct, sorted by code unit, space-separated). Bulk writers
 * set it in the INSERT, so that the triggers find nothing to change.
 */
export function facetTokens(themeCodes: readonly string[], jointIssuerIds: readonly number[]): string {
  const tokens = new Set<string>();
  for (const code of themeCodes) {
    tokens.add(`${FACET_PREFIX.theme}${code}`);
    tokens.add(`${FACET_PREFIX.theme}${firstLevel(code)}`);
  }
  for (const id of jointIssuerIds) tokens.add(`${FACET_PREFIX.agency}${id}`);
  return [...tokens].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(' ');
}
