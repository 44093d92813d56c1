// sitemap.xml (sitemaps.org protocol 0.9): the main pages and every published document. One file holds
// at most 50,000 URLs; past that, /sitemap.xml becomes a sitemap index of the pages file and as many
// document files as needed (sitemapFiles says which), each listed with its own address.
import { attributes, element } from './xml.js';

export const SITEMAP_MEDIA_TYPE = 'application/xml; charset=utf-8';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export interface SitemapUrl {
  /** Absolute URL. */
  loc: string;
  lastmod?: Date;
}

/** The URL set of one sitemap file. */
export function renderUrlSet(urls: SitemapUrl[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<urlset${attributes({ xmlns: NS })}>`,
    ...urls.map(
      (u) =>
        `<url>${element('loc', u.loc)}${u.lastmod ? element('lastmod', u.lastmod.toISOString()) : ''}</url>`,
    ),
    '</urlset>',
  ];
  return `${lines.join('\n')}\n`;
}

/** A sitemap index: the addresses of the sitemap files. */
export function renderSitemapIndex(locs: string[]): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<sitemapindex${attributes({ xmlns: NS })}>`,
    ...locs.map((loc) => `<sitemap>${element('loc', loc)}</sitemap>`),
    '</sitemapindex>',
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * How the site's URLs are split: one file when the main pages and the documents fit in `max`
 * (null: /sitemap.xml is the URL set), else the number of document files of `max` URLs each (the
 * main pages go in a file of their own).
 */
export function sitemapDocumentParts(pages: number, documents: number, max: number): number | null {
  if (pages + documents <= max) return null;
  return Math.max(1, Math.ceil(documents / max));
}
