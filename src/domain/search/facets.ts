// Facet lexemes: the filters of a search (kind, 效力级别, 有效性, 发文机关, theme) stored as lexemes of
// the document's search_vector, so a filtered search is one GIN lookup (migration 0008). Each starts
// with `~`, which the text parser drops from typed words: no query word can match one.
// The row's own columns give kind, 效力级别, 有效性 and the publishing agency in the generated column;
// themes (with their first level) and joint issuers live in other tables and are kept in
// document.facet_tokens by triggers on document_theme and document_issuer.

export const FACET_PREFIX = {
  kind: '~k',
  effectLevel: '~e',
  validity: '~v',
  agency: '~a',
  theme: '~t',
} as const;

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
