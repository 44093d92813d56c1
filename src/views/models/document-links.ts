// Addresses of the public document library (主动公开): the list with its filters, a document's page
// and attachments, the search page, the feeds and an agency's 政府信息公开 platform. One place, so a
// link built by a page, a feed, the sitemap and a test are the same string.

/** The list's filters as they appear in the query string (every value a string; '' = not set). */
export interface DocumentListParams {
  agency?: string;
  theme?: string;
  year?: string;
  level?: string;
  validity?: string;
  kind?: string;
  category?: string;
  page?: string | number;
}

const LIST_KEYS = ['agency', 'theme', 'year', 'level', 'validity', 'kind', 'category', 'page'] as const;

function query(params: Record<string, string | number | undefined>, keys: readonly string[]): string {
  const q = new URLSearchParams();
  for (const k of keys) {
    const v = params[k];
    if (v === undefined || v === '' || (k === 'page' && String(v) === '1')) continue;
    q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** /documents with the given filters (a changed filter starts again at page 1 unless page is given). */
export function documentsHref(params: DocumentListParams = {}): string {
  return `/documents${query(params as Record<string, string | number | undefined>, LIST_KEYS)}`;
}

export function documentHref(id: number): string {
  return `/documents/${id}`;
}

export function attachmentHref(documentId: number, fileId: number): string {
  return `/documents/${documentId}/files/${fileId}`;
}

export interface SearchParams {
  q?: string;
  agency?: string;
  theme?: string;
  year?: string;
  level?: string;
  validity?: string;
  kind?: string;
  /** '1': only documents some 政府公报 issue printed. */
  gazette?: string;
  page?: string | number;
}

const SEARCH_KEYS = ['q', 'agency', 'theme', 'year', 'level', 'validity', 'kind', 'gazette', 'page'] as const;

export function searchHref(params: SearchParams = {}): string {
  return `/search${query(params as Record<string, string | number | undefined>, SEARCH_KEYS)}`;
}

const agencyBase = (code: string) => `/agencies/${encodeURIComponent(code)}`;

/** An agency's 政府信息公开 platform and its sections. */
export const platformHref = {
  home: (code: string) => agencyBase(code),
  guide: (code: string) => `${agencyBase(code)}/guide`,
  rules: (code: string) => `${agencyBase(code)}/disclosure-rules`,
  disclosure: (code: string, category?: string) =>
    `${agencyBase(code)}/disclosure${category ? `?category=${encodeURIComponent(category)}` : ''}`,
  annualReports: (code: string) => `${agencyBase(code)}/annual-reports`,
  documents: (code: string) => documentsHref({ agency: code }),
  feed: (code: string) => `${agencyBase(code)}/feed.atom`,
};

/** The Atom feed of a 第二十条 category (all agencies). */
export function categoryFeedHref(category: string): string {
  return `/documents/feed.atom?category=${encodeURIComponent(category)}`;
}

/** An issue of an agency's 政府公报 on the portal (src/http/portal/gazette.tsx). */
export function gazetteHref(g: { agencyCode: string; year: number; number: number }): string {
  return `/gazette/${g.year}/${g.number}?agency=${encodeURIComponent(g.agencyCode)}`;
}
