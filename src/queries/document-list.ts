// Read models of the public document library (主动公开, 条例 第十九—二十六条): the filtered, paged list
// of published documents behind /documents, an agency's platform pages and the API. Only published
// rows are ever read here; drafts, documents in review and withdrawn ones do not exist for the public.
import { and, asc, count, desc, eq, gte, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency, document, documentIssuer, documentTheme } from '../db/schema.js';

export const DOCUMENT_PAGE_SIZE = 20;
/** Paging deeper than this is refused: a crawler reads the sitemap, not page 10,000 of a list. */
export const MAX_DOCUMENT_PAGE = 500;

/** Filters of the public list; every one optional, all ANDed. Values are checked by the caller. */
export interface DocumentFilter {
  /** An agency id: documents it issued, alone or jointly (联合发文). */
  agencyId?: number;
  /** A 主题分类 code; a first-level code (T05) also matches its second level (T05.02). */
  themeCode?: string;
  /** The year of 发布日期. */
  year?: number;
  effectLevel?: string;
  validity?: string;
  kind?: string;
  /** The 第二十条 category key (a20-01 …). */
  category?: string;
  /** An exact 索引号. */
  indexNumber?: string;
}

export interface DocumentListItem {
  id: number;
  kind: string;
  title: string;
  indexNumber: string | null;
  docNumber: string | null;
  agencyName: string;
  agencyCode: string;
  effectLevel: string;
  validity: string;
  writtenOn: string | null;
  publishedOn: string | null;
  synthetic: boolean;
}

export interface DocumentListPage {
  items: DocumentListItem[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * The published 主动公开 documents only: the one condition every public read starts from. An item
 * recorded as 依申请公开 or 不予公开 cannot be published (第十九条、第二十条; the publish command
 * refuses it); the second test keeps it off every public page even if a row says otherwise.
 */
export const isPublished = and(eq(document.state, 'published'), eq(document.disclosureMethod, 'proactive'))!;

export function documentConditions(f: DocumentFilter): SQL[] {
  const conds: SQL[] = [isPublished];
  if (f.agencyId !== undefined) {
    const joint = sql`exists (select 1 from ${documentIssuer} where ${documentIssuer.documentId} = ${document.id} and ${documentIssuer.agencyId} = ${f.agencyId})`;
    conds.push(or(eq(document.agencyId, f.agencyId), joint)!);
  }
  if (f.themeCode !== undefined) {
    const code = f.themeCode;
    const match = code.includes('.')
      ? sql`${documentTheme.themeCode} = ${code}`
      : sql`(${documentTheme.themeCode} = ${code} or ${documentTheme.themeCode} like ${`${code}.%`})`;
    conds.push(
      sql`exists (select 1 from ${documentTheme} where ${documentTheme.documentId} = ${document.id} and ${match})`,
    );
  }
  if (f.year !== undefined) {
    conds.push(gte(document.publishedOn, `${f.year}-01-01`), lt(document.publishedOn, `${f.year + 1}-01-01`));
  }
  if (f.effectLevel !== undefined) conds.push(eq(document.effectLevel, f.effectLevel));
  if (f.validity !== undefined) conds.push(eq(document.validity, f.validity));
  if (f.kind !== undefined) conds.push(eq(document.kind, f.kind));
  if (f.category !== undefined) conds.push(eq(document.category, f.category));
  if (f.indexNumber !== undefined) conds.push(eq(document.indexNumber, f.indexNumber));
  return conds;
}

const listColumns = {
  id: document.id,
  kind: document.kind,
  title: document.title,
  indexNumber: document.indexNumber,
  docNumber: document.docNumber,
  agencyName: agency.name,
  agencyCode: agency.code,
  effectLevel: document.effectLevel,
  validity: document.validity,
  writtenOn: document.writtenOn,
  publishedOn: document.publishedOn,
  synthetic: document.synthetic,
};

/** One page of published documents, newest 发布日期 first (then newest id), and how many match. */
export async function listPublishedDocuments(
  db: Db,
  filter: DocumentFilter,
  paging: { page: number; pageSize: number },
): Promise<DocumentListPage> {
  const where = and(...documentConditions(filter));
  const offset = (paging.page - 1) * paging.pageSize;
  const [items, [totalRow]] = await Promise.all([
    db
      .select(listColumns)
      .from(document)
      .innerJoin(agency, eq(agency.id, document.agencyId))
      .where(where)
      .orderBy(desc(document.publishedOn), desc(document.id))
      .limit(paging.pageSize)
      .offset(offset),
    db.select({ n: count() }).from(document).where(where),
  ]);
  return { items, total: totalRow?.n ?? 0, page: paging.page, pageSize: paging.pageSize };
}

export interface DocumentFilterOptions {
  /** Agencies that have published at least one document (as first issuer), by tree order. */
  agencies: { id: number; code: string; name: string }[];
  /** Years from the first 发布日期 to the last, newest first. */
  years: number[];
}

/**
 * What the list's filter selects offer: the agencies that have published something, and the years
 * from the first 发布日期 to the last (two index lookups, not a scan of every published row).
 */
export async function documentFilterOptions(db: Db): Promise<DocumentFilterOptions> {
  const [agencies, [range]] = await Promise.all([
    db
      .select({ id: agency.id, code: agency.code, name: agency.name })
      .from(agency)
      .where(
        sql`exists (select 1 from ${document} where ${document.agencyId} = ${agency.id} and ${isPublished})`,
      )
      .orderBy(asc(agency.path), asc(agency.sortOrder), asc(agency.id)),
    db
      .select({
        first: sql<number | null>`extract(year from min(${document.publishedOn}))::int`,
        last: sql<number | null>`extract(year from max(${document.publishedOn}))::int`,
      })
      .from(document)
      .where(isPublished),
  ]);
  const years: number[] = [];
  if (range?.first != null && range.last != null)
    for (let y = Number(range.last); y >= Number(range.first); y--) years.push(y);
  return { agencies, years };
}

/** How many published documents of an agency (alone or jointly) fall in each 第二十条 category. */
export async function categoryCounts(db: Db, agencyId: number): Promise<Map<string, number>> {
  const rows = await db
    .select({ category: document.category, n: count() })
    .from(document)
    .where(and(...documentConditions({ agencyId }), sql`${document.category} is not null`))
    .groupBy(document.category);
  return new Map(rows.map((r) => [r.category!, r.n]));
}
