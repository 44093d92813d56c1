// Atom 1.0 (RFC 4287) feeds of published documents: one per agency, one per 第二十条 category.
// Written by hand with every value escaped (src/render/xml.ts); titles and summaries are plain text
// (type="text"), so nothing from a document is ever read as markup by a feed reader.
import { attributes, element } from './xml.js';

export const ATOM_MEDIA_TYPE = 'application/atom+xml; charset=utf-8';

export interface AtomEntry {
  /** Absolute URL of the document's page; also its permanent id. */
  url: string;
  title: string;
  published: Date | null;
  updated: Date;
  /** Plain text. */
  summary: string;
  author: string;
  /** 主题 or other labels (Atom category terms). */
  categories?: string[];
}

export interface AtomFeed {
  /** Absolute URL of the feed itself (rel="self"), also the feed's id. */
  selfUrl: string;
  /** Absolute URL of the page the feed follows (rel="alternate"). */
  pageUrl: string;
  title: string;
  subtitle?: string;
  author: string;
  /** When the feed last changed: its newest entry's update, or a fixed instant for an empty feed. */
  updated: Date;
  entries: AtomEntry[];
}

const iso = (d: Date) => d.toISOString();

export function renderAtom(feed: AtomFeed): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    element('id', feed.selfUrl),
    element('title', feed.title, { type: 'text' }),
    ...(feed.subtitle ? [element('subtitle', feed.subtitle, { type: 'text' })] : []),
    element('updated', iso(feed.updated)),
    `<link${attributes({ rel: 'self', type: 'application/atom+xml', href: feed.selfUrl })}/>`,
    `<link${attributes({ rel: 'alternate', type: 'text/html', href: feed.pageUrl })}/>`,
    `<author>${element('name', feed.author)}</author>`,
    ...feed.entries.map(renderEntry),
    '</feed>',
  ];
  return `${lines.join('\n')}\n`;
}

function renderEntry(e: AtomEntry): string {
  return [
    '<entry>',
    element('id', e.url),
    element('title', e.title, { type: 'text' }),
    `<link${attributes({ rel: 'alternate', type: 'text/html', href: e.url })}/>`,
    ...(e.published ? [element('published', iso(e.published))] : []),
    element('updated', iso(e.updated)),
    `<author>${element('name', e.author)}</author>`,
    ...(e.categories ?? []).map((term) => `<category${attributes({ term })}/>`),
    element('summary', e.summary, { type: 'text' }),
    '</entry>',
  ].join('\n');
}
