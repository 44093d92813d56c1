// Atom feeds and sitemaps written by hand: every value escaped, characters XML forbids dropped, the
// documents split into files of at most 50,000 URLs. Read back with a strict XML parser.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { renderAtom } from './atom.js';
import { renderSitemapIndex, renderUrlSet, sitemapDocumentParts } from './sitemap.js';
import { escapeXml } from './xml.js';

function parse(xml: string) {
  const fail = (m: string) => {
    throw new Error(m);
  };
  return new DOMParser({ errorHandler: { warning: fail, error: fail, fatalError: fail } }).parseFromString(
    xml,
    'application/xml',
  );
}

test('escapeXml escapes the five special characters and drops what XML 1.0 forbids', () => {
  assert.equal(escapeXml(`a<b>&"c'`), 'a&lt;b&gt;&amp;&quot;c&apos;');
  // A vertical tab and a form feed from a word processor, a lone surrogate: dropped; tab and newline stay.
  assert.equal(escapeXml('甲\u000b乙\u000c丙\ud800丁\t戊\n'), '甲乙丙丁\t戊\n');
  // A real pair (an emoji) is kept whole.
  assert.equal(escapeXml('😀'), '😀');
});

test('a feed with hostile titles parses and reads back as typed', () => {
  const title = '关于<script>alert("x")</script>&的通知\u0001';
  const xml = renderAtom({
    selfUrl: 'https://example.gov.cn/agencies/JN/feed.atom?x=1&y=2',
    pageUrl: 'https://example.gov.cn/agencies/JN',
    title: '江南市人民政府政府信息公开：新发布的文件',
    author: '江南市人民政府',
    updated: new Date('2026-11-30T01:02:03Z'),
    entries: [
      {
        url: 'https://example.gov.cn/documents/1',
        title,
        published: new Date('2026-11-29T00:00:00Z'),
        updated: new Date('2026-11-30T01:02:03Z'),
        summary: '正文 <b>加粗</b>',
        author: '江南市人民政府',
        categories: ['综合政务\\政务公开'],
      },
    ],
  });
  assert.doesNotMatch(xml, /<script/);
  const doc = parse(xml);
  const entry = doc.getElementsByTagName('entry')[0]!;
  assert.equal(entry.getElementsByTagName('title')[0]!.textContent, '关于<script>alert("x")</script>&的通知');
  assert.equal(entry.getElementsByTagName('summary')[0]!.textContent, '正文 <b>加粗</b>');
  assert.equal(entry.getElementsByTagName('category')[0]!.getAttribute('term'), '综合政务\\政务公开');
  const self = doc.getElementsByTagName('link')[0]!;
  assert.equal(self.getAttribute('href'), 'https://example.gov.cn/agencies/JN/feed.atom?x=1&y=2');
  assert.equal(doc.getElementsByTagName('updated')[0]!.textContent, '2026-11-30T01:02:03.000Z');
});

test('the sitemap is one URL set while it fits, an index of files past 50,000 URLs', () => {
  assert.equal(sitemapDocumentParts(100, 49_900, 50_000), null);
  // 100 pages + 49,901 documents is one URL too many: pages alone, then one file of documents.
  assert.equal(sitemapDocumentParts(100, 49_901, 50_000), 1);
  assert.equal(sitemapDocumentParts(100, 50_001, 50_000), 2);
  assert.equal(sitemapDocumentParts(100, 1_000_000, 50_000), 20);

  const set = parse(
    renderUrlSet([{ loc: 'https://e.cn/documents/1?a=1&b=2', lastmod: new Date('2026-01-02T03:04:05Z') }]),
  );
  assert.equal(set.documentElement.localName, 'urlset');
  assert.equal(set.getElementsByTagName('loc')[0]!.textContent, 'https://e.cn/documents/1?a=1&b=2');
  const index = parse(
    renderSitemapIndex(['https://e.cn/sitemaps/pages.xml', 'https://e.cn/sitemaps/documents-1.xml']),
  );
  assert.equal(index.documentElement.localName, 'sitemapindex');
  assert.equal(index.getElementsByTagName('sitemap').length, 2);
});
