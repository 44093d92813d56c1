// The query string of the public document list and search (?agency=&theme=&year=&level=&validity=
// &kind=&page=) read into query filters. A value that is not one of ours (an unknown agency code, a
// theme not in the tree, a year that is not four digits) is dropped, so a stale or hand-edited link
// still shows a list — and every value that reaches the query is one the vocabularies know.
import { themeByCode } from '../../domain/documents/themes.js';
import { isDocumentKind, isEffectLevel, isValidity } from '../../domain/documents/vocab.js';
import type { Db } from '../../db/client.js';
import { findAgencyByCode } from '../../queries/agencies.js';
import type { DocumentFilter } from '../../queries/document-list.js';
import { EMPTY_FILTER, type DocumentFilterValues } from '../../views/portal/document-parts.js';

export interface ReadFilter {
  /** What the form shows (only the values that were used). */
  values: DocumentFilterValues;
  filter: DocumentFilter;
  agencyName: string | null;
}

function str(query: unknown, key: string, max = 40): string {
  const v = (query as Record<string, unknown> | undefined)?.[key];
  return typeof v === 'string' ? v.trim().slice(0, max) : '';
}

export async function readDocumentFilter(db: Db, query: unknown): Promise<ReadFilter> {
  const values: DocumentFilterValues = { ...EMPTY_FILTER };
  const filter: DocumentFilter = {};
  let agencyName: string | null = null;

  const code = str(query, 'agency');
  if (code) {
    const a = await findAgencyByCode(db, code);
    if (a) {
      values.agency = a.code;
      filter.agencyId = a.id;
      agencyName = a.name;
    }
  }
  const theme = str(query, 'theme');
  if (theme && themeByCode(theme)) values.theme = filter.themeCode = theme;
  const year = str(query, 'year');
  if (/^(19|20)\d\d$/.test(year)) {
    values.year = year;
    filter.year = Number(year);
  }
  const level = str(query, 'level');
  if (isEffectLevel(level)) values.level = filter.effectLevel = level;
  const validity = str(query, 'validity');
  if (isValidity(validity)) values.validity = filter.validity = validity;
  const kind = str(query, 'kind');
  if (isDocumentKind(kind)) values.kind = filter.kind = kind;
  return { values, filter, agencyName };
}

/** ?page=N as a number from 1 to max; anything else is page 1. */
export function readPage(query: unknown, max: number): number {
  const raw = str(query, 'page', 6);
  const n = /^\d{1,6}$/.test(raw) ? Number(raw) : 1;
  return Math.min(Math.max(n, 1), max);
}

/** True when the request has no query string (the cacheable form of a list page). */
export function withoutQuery(url: string): boolean {
  return !url.includes('?');
}
