// What the Atom feeds and the sitemap list: the newest published documents of an agency or a 第二十条
// category, and every published document's address with its last change. Published rows only.
import { and, asc, count, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { agency, document } from '../db/schema.js';
import { documentConditions, isPublished, type DocumentFilter } from './document-list.js';

const FEED_SIZE = 50;
/** The sitemap protocol's limit of URLs in one file (sitemaps.org). */
export const SITEMAP_MAX_URLS = 50_000;
const SUMMARY_CHARS = 200;

export interface FeedEntry {
  id: number;
  kind: string;
  title: string;
  docNumber: string | null;
  agencyName: string;
  publishedOn: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  /** The first characters of the body's plain text. */
  summary: string;
  synthetic: boolean;
}

/** The newest published documents matching the filter (agency, category …), newest first. */
export async function feedEntries(db: Db, filter: DocumentFilter, limit = FEED_SIZE): Promise<FeedEntry[]> {
  const rows = await db
    .select({
      id: document.id,
      kind: document.kind,
      title: document.title,
      docNumber: document.docNumber,
      agencyName: agency.name,
      publishedOn: document.publishedOn,
      publishedAt: document.publishedAt,
      updatedAt: document.updatedAt,
      summary: sql<string>`left(${document.bodyText}, ${SUMMARY_CHARS})`,
      synthetic: document.synthetic,
    })
    .from(document)
    .innerJoin(agency, eq(agency.id, document.agencyId))
    .where(and(...documentConditions(filter)))
    .orderBy(desc(document.publishedAt), desc(document.id))
    .limit(limit);
  return rows;
}

/** How many documents the sitemap lists. */
export async function countPublishedDocuments(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(document).where(isPublished);
  return row?.n ?? 0;
}

/** One sitemap file's documents (part 1, 2 …, SITEMAP_MAX_URLS each, by id): id and last change. */
export async function sitemapDocuments(
  db: Db,
  part: number,
  size = SITEMAP_MAX_URLS,
): Promise<{ id: number; updatedAt: Date }[]> {
  return db
    .select({ id: document.id, updatedAt: document.updatedAt })
    .from(document)
    .where(isPublished)
    .orderBy(asc(document.id))
    .limit(size)
    .offset((part - 1) * size);
}
