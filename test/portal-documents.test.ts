// The public document library: the list and its filters, a document's page (metadata block, banner,
// relations and interpretations both ways, attachments), search, an agency's 政府信息公开 platform,
// the Atom feeds and the sitemap — published documents only, everything escaped.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DOMParser } from '@xmldom/xmldom';
import { gazetteIssue, gazetteItem } from '../src/db/schema.js';
import {
  MATCH_WINDOW,
  MAX_SEARCH_PAGE,
  type SearchDocumentsResult,
} from '../src/queries/search-documents.js';
import { searchPaging } from '../src/views/portal/document-search.js';
import { buildCity } from './support/factories.js';
import { createTestApp, type TestApp } from './support/app.js';
import {
  attachFile,
  insertDocument,
  insertDocuments,
  insertRelation,
  publicChange,
  publishThroughCommands,
  seedDocumentLibrary,
} from './support/documents.js';

const XSS_TITLE = '关于<script>alert(1)</script>的通知';

/** Parses XML strictly: any warning or error (ill-formed input) throws. */
export function parseXml(text: string): Document {
  const fail = (msg: string) => {
    throw new Error(`not well-formed XML: ${msg}`);
  };
  const doc = new DOMParser({
    errorHandler: { warning: fail, error: fail, fatalError: fail },
  }).parseFromString(text, 'application/xml');
  return doc as unknown as Document;
}

const textsOf = (doc: Document, tag: string) =>
  Array.from(doc.getElementsByTagName(tag)).map((e) => e.textContent ?? '');

describe('the public document library', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  const ids: Record<string, number> = {};

  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    const d = t.deps;
    const lib = await seedDocumentLibrary(d, city, {
      writtenOn: '2020-03-05',
      themes: ['T16.03', 'T02.01'],
      bodyHtml: '<h1>总则</h1><p>第一条 为了规范行政复议工作，制定本规定。</p><script>alert(2)</script>',
    });
    Object.assign(ids, lib);
    ids.norm = (
      await insertDocument(d, {
        agencyId: city.east.id,
        title: '东区关于加强义务教育管理的意见',
        docNumber: '东政发〔2025〕3号',
        genre: '意见',
        effectLevel: 'normative',
        unifiedNumber: 'CSDQ01-2025-0003',
        publishedOn: '2025-06-01',
        themes: ['T11.02'],
        category: 'a20-11',
      })
    ).id;
    ids.abolisher = (
      await insertDocument(d, {
        agencyId: city.city.id,
        title: '测试市人民政府关于废止部分规章的决定',
        docNumber: '测府令第9号',
        effectLevel: 'rule',
        publishedOn: '2025-02-20',
      })
    ).id;
    await insertRelation(d, {
      fromId: ids.abolisher,
      toId: lib.old,
      kind: 'abolishes',
      effectiveOn: '2025-03-01',
    });
    ids.interp = (
      await insertDocument(d, {
        agencyId: city.city.id,
        kind: 'interpretation',
        title: '《测试市行政复议工作规定》政策解读',
        interpretationForm: 'graphic',
        publishedOn: '2020-03-12',
      })
    ).id;
    await insertRelation(d, { fromId: ids.interp, toId: lib.reg, kind: 'interprets' });
    ids.xss = (
      await insertDocument(d, { agencyId: city.west.id, title: XSS_TITLE, publishedOn: '2026-11-01' })
    ).id;
    ids.review = (
      await insertDocument(d, { agencyId: city.city.id, title: '审核中的文件', state: 'review' })
    ).id;
    // 21 documents of one town: two pages of the list.
    for (let i = 1; i <= 21; i++)
      await insertDocument(d, {
        agencyId: city.westTown.id,
        title: `乙镇第${i}号公告`,
        publishedOn: `2024-01-${String(i).padStart(2, '0')}`,
      });
    ids.file = await attachFile(d, lib.reg, {
      filename: '行政复议 申请书.pdf',
      mediaType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 test'),
    });
    ids.draftFile = await attachFile(d, lib.draft, {
      filename: '草稿附件.pdf',
      mediaType: 'application/pdf',
      bytes: Buffer.from('%PDF-1.4 draft'),
    });
    await publicChange(d);
  });
  after(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) =>
    t.app.inject({ method: 'GET', url: encodeURI(url), headers });

  test('/documents lists the published documents only, newest first', async () => {
    const res = await get('/documents');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>政府文件<\/h1>/);
    assert.match(res.body, /共 27 件，第 1\/2 页/);
    for (const hidden of ['尚未发布的草稿文件', '审核中的文件', '已经撤回的文件'])
      assert.doesNotMatch(res.body, new RegExp(hidden));
    const first = res.body.indexOf(XSS_TITLE.replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    const older = res.body.indexOf('乙镇第21号公告');
    assert.ok(first > 0 && older > first, 'the 2026 document comes before the 2024 ones');
    assert.match(res.body, /<a href="\/documents\?page=2" rel="next">下一页<\/a>/);
    const second = await get('/documents?page=2');
    assert.match(second.body, /第 2\/2 页/);
    assert.match(second.body, /<ol class="doc-list" start="21">/, 'numbering goes on from page 1');
    assert.match(second.body, /测试市城市绿化管理办法/);
  });

  test('each filter narrows the list, and the form keeps what was chosen', async () => {
    const titles = async (query: string) =>
      [...(await get(`/documents?${query}`)).body.matchAll(/class="doc-title">([^<]*)</g)].map((m) => m[1]);
    assert.deepEqual(await titles('level=normative'), ['东区关于加强义务教育管理的意见']);
    assert.deepEqual(await titles('validity=abolished'), ['测试市城市绿化管理办法']);
    assert.deepEqual(await titles('kind=interpretation'), ['《测试市行政复议工作规定》政策解读']);
    assert.deepEqual(await titles('year=2025'), [
      '东区关于加强义务教育管理的意见',
      '测试市人民政府关于废止部分规章的决定',
    ]);
    // A first-level theme takes its second level; a joint issuer finds the joint document.
    assert.deepEqual(await titles('theme=T11'), ['东区关于加强义务教育管理的意见']);
    assert.deepEqual(await titles(`agency=${city.dept.code}`), ['测试市行政复议工作规定']);
    const combined = await get(`/documents?agency=${city.city.code}&level=rule&year=2020`);
    assert.match(combined.body, /共 1 件/);
    assert.match(combined.body, /<option value="rule" selected="">规章<\/option>/);
    assert.match(combined.body, /<h1>测试市人民政府政府文件<\/h1>/);
    // Values that are not ours are dropped, not an error.
    const junk = await get('/documents?level=nonsense&year=abcd&theme=T99&page=-3');
    assert.equal(junk.statusCode, 200);
    assert.match(junk.body, /共 27 件/);
  });

  test('the document page shows the metadata block, the body and the attachment', async () => {
    const res = await get(`/documents/${ids.reg}`);
    assert.equal(res.statusCode, 200);
    const b = res.body;
    assert.match(b, /<h1>测试市行政复议工作规定<\/h1>/);
    const row = (key: string) => new RegExp(`<dt>${key}</dt><dd>(.*?)</dd>`).exec(b)?.[1] ?? '';
    assert.match(row('索引号'), /^TEST\/2020-/);
    assert.match(row('发文机关'), new RegExp(`${city.city.name}.*、.*${city.dept.name}`));
    assert.equal(row('发文字号'), '测府〔2020〕12号');
    assert.match(row('主题分类'), /公安、安全、司法\\司法/);
    assert.match(row('主题分类'), /综合政务\\政务公开/);
    assert.equal(row('文种'), '规定');
    assert.equal(row('效力级别'), '规章');
    assert.match(row('成文日期'), /2020年3月5日/);
    assert.match(row('发布日期'), /2020年3月10日/);
    assert.match(row('施行日期'), /2020年4月1日/);
    assert.equal(row('有效性'), '有效');
    assert.equal(row('公开方式'), '主动公开');
    assert.match(row('公开类别（第二十条）'), /第二十条第（一）项：行政法规、规章和规范性文件/);
    // The body as sanitised when saved: the pasted h1 is an h2, the script is gone.
    assert.match(b, /<div class="doc-body"><h2>总则<\/h2><p>第一条 为了规范行政复议工作/);
    assert.doesNotMatch(b, /<script/);
    assert.match(
      b,
      new RegExp(`<a href="/documents/${ids.reg}/files/${ids.file}">行政复议 申请书.pdf</a>（PDF，`),
    );
    // Its interpretation is linked (the 《》 in its title nested as 〈〉), and links back to it.
    assert.match(
      b,
      new RegExp(
        `<h2 id="doc-interpretations">政策解读</h2><ul><li><a href="/documents/${ids.interp}">《〈测试市行政复议工作规定〉政策解读》</a>`,
      ),
    );
    const interp = await get(`/documents/${ids.interp}`);
    assert.match(interp.body, /<dt>解读形式<\/dt><dd>图解<\/dd>/);
    assert.match(
      interp.body,
      new RegExp(
        `<h2 id="doc-original">解读的文件</h2><ul><li><a href="/documents/${ids.reg}">《测试市行政复议工作规定》</a>`,
      ),
    );
  });

  test('a document printed in the 政府公报 names the issue and links to it', async () => {
    const [issue] = await t.deps.db
      .insert(gazetteIssue)
      .values({ agencyId: city.city.id, year: 2020, number: 4, publishedOn: '2020-03-31' })
      .returning({ id: gazetteIssue.id });
    await t.deps.db.insert(gazetteItem).values({ issueId: issue!.id, documentId: ids.norm!, position: 1 });
    await publicChange(t.deps);
    const b = (await get(`/documents/${ids.norm}`)).body;
    assert.match(
      b,
      new RegExp(
        `<dt>刊登公报</dt><dd><a href="/gazette/2020/4\\?agency=${city.city.code}">《${city.city.name}公报》2020年第4期</a></dd>`,
      ),
    );
    assert.doesNotMatch((await get(`/documents/${ids.reg}`)).body, /刊登公报/);
  });

  test('a normative document shows its 统一编号', async () => {
    const b = (await get(`/documents/${ids.norm}`)).body;
    assert.match(b, /<dt>统一编号<\/dt><dd>CSDQ01-2025-0003<\/dd>/);
    assert.match(b, /<dt>效力级别<\/dt><dd>行政规范性文件<\/dd>/);
  });

  test('an abolished document carries the banner, and both documents state the relation', async () => {
    const b = (await get(`/documents/${ids.old}`)).body;
    assert.match(
      b,
      new RegExp(
        `<div class="notice notice-warning notice-loud doc-status"><p>本文件已于2025年3月1日被<a href="/documents/${ids.abolisher}">《测试市人民政府关于废止部分规章的决定》</a>废止。</p></div>`,
      ),
    );
    assert.match(b, /<dt>有效性<\/dt><dd>废止（2025年3月1日起）<\/dd>/);
    assert.match(
      b,
      /本文件被废止：<a href="\/documents\/\d+">《测试市人民政府关于废止部分规章的决定》<\/a>（测府令第9号），自2025年3月1日起/,
    );
    const from = (await get(`/documents/${ids.abolisher}`)).body;
    assert.match(
      from,
      new RegExp(`本文件废止<a href="/documents/${ids.old}">《测试市城市绿化管理办法》</a>`),
    );
    assert.doesNotMatch(from, /doc-status/);
  });

  test('drafts, documents in review, withdrawn and unknown ids are a 404 like any missing page', async () => {
    for (const id of [ids.draft, ids.review, ids.withdrawn, 999999]) {
      const res = await get(`/documents/${id}`);
      assert.equal(res.statusCode, 404, String(id));
      assert.match(res.body, /没有找到该文件/);
    }
    assert.equal((await get(`/documents/${ids.draft}/files/${ids.draftFile}`)).statusCode, 404);
    assert.equal(
      (await get(`/documents/${ids.reg}/files/${ids.draftFile}`)).statusCode,
      404,
      'a file of another document',
    );
    assert.equal((await get('/documents/abc')).statusCode, 404);
  });

  test('an attachment downloads with its stored media type and name', async () => {
    const res = await get(`/documents/${ids.reg}/files/${ids.file}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/pdf');
    assert.equal(
      res.headers['content-disposition'],
      `attachment; filename="attachment-${ids.file}.pdf"; filename*=UTF-8''%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE%20%E7%94%B3%E8%AF%B7%E4%B9%A6.pdf`,
    );
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.body, '%PDF-1.4 test');
  });

  test('a title with <script> is escaped on every page and in every feed', async () => {
    const escaped = '关于&lt;script&gt;alert(1)&lt;/script&gt;的通知';
    for (const url of [
      '/documents',
      `/documents/${ids.xss}`,
      `/agencies/${city.west.code}`,
      '/search?q=通知',
    ]) {
      const body = (await get(url)).body;
      // Search marks the matched word (通知) inside the escaped title.
      assert.ok(
        body.includes(escaped) || body.includes(`${escaped.slice(0, -2)}<mark>通知</mark>`),
        `${url} shows the title escaped`,
      );
      assert.doesNotMatch(body, /<script/, url);
    }
    for (const url of ['/documents/feed.atom', `/agencies/${city.west.code}/feed.atom`]) {
      const xml = (await get(url)).body;
      assert.doesNotMatch(xml, /<script/, url);
      const titles = textsOf(parseXml(xml), 'title');
      assert.ok(titles.includes(XSS_TITLE), `${url}: the title reads back as typed`);
    }
  });

  test('an agency’s platform: navigation, newest documents, 制度, 第二十条 categories and 年报', async () => {
    const home = await get(`/agencies/${city.city.code}`);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, new RegExp(`<h1>${city.city.name}政府信息公开</h1>`));
    for (const [href, label] of [
      ['guide', '政府信息公开指南'],
      ['disclosure-rules', '政府信息公开制度'],
      ['disclosure', '法定主动公开内容'],
      ['annual-reports', '政府信息公开年报'],
    ])
      assert.match(home.body, new RegExp(`<a href="/agencies/${city.city.code}/${href}">${label}</a>`));
    assert.match(home.body, new RegExp(`<a href="/documents\\?agency=${city.city.code}">政府文件</a>`));
    assert.match(home.body, /测试市行政复议工作规定/);
    assert.match(home.body, new RegExp(`href="/agencies/${city.city.code}/feed.atom"`));

    const rules = (await get(`/agencies/${city.city.code}/disclosure-rules`)).body;
    assert.match(rules, /测试市行政复议工作规定/, 'the 政务公开 theme makes it a 制度 document');
    assert.doesNotMatch(rules, /测试市城市绿化管理办法/);

    const disclosure = (await get(`/agencies/${city.city.code}/disclosure`)).body;
    assert.match(disclosure, /行政法规、规章和规范性文件<\/a><span class="hint-inline">（1 件）<\/span>/);
    assert.match(
      disclosure,
      new RegExp(`（0 件）</span>；另见<a href="/agencies/${city.city.code}/guide">政府信息公开指南</a>`),
    );
    const cat = (await get(`/agencies/${city.city.code}/disclosure?category=a20-01`)).body;
    assert.match(cat, /<h1>行政法规、规章和规范性文件<\/h1>/);
    assert.match(cat, /测试市行政复议工作规定/);
    assert.equal((await get(`/agencies/${city.city.code}/disclosure?category=a20-99`)).statusCode, 404);

    const reports = (await get(`/agencies/${city.city.code}/annual-reports`)).body;
    assert.match(reports, /本机关尚未在本平台发布年度报告/); // the 年报 column (issue 12): none published yet
    assert.match(reports, /<a href="\/report-check">年报体检<\/a>/);

    for (const url of ['/agencies/NO.SUCH', '/agencies/NO.SUCH/disclosure', '/agencies/NO.SUCH/feed.atom'])
      assert.equal((await get(url)).statusCode, 404, url);
    // Chinese only, whatever the language cookie says.
    const en = await get(`/agencies/${city.city.code}`, { cookie: 'lang=en' });
    assert.match(en.body, /<html lang="zh-CN">/);
  });

  test('search: ranked hits with marks, a loose 文号, facets as links, and a clear no-results page', async () => {
    const res = await get('/search?q=行政复议');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-ratelimit-limit'], '60');
    const hits = [...res.body.matchAll(/<a href="\/documents\/(\d+)" class="doc-title">/g)].map((m) =>
      Number(m[1]),
    );
    // The two titles that hold 行政复议 (the document and its 解读) before the rest.
    assert.deepEqual(new Set(hits.slice(0, 2)), new Set([ids.reg, ids.interp]));
    assert.match(res.body, /<mark>行政复议<\/mark>/);
    assert.match(res.body, /<h3 id="facet-level">效力级别<\/h3>/);
    assert.match(
      res.body,
      /<a href="\/search\?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&amp;level=rule">规章<span class="count">（\d+）<\/span><\/a>/,
    );

    const loose = await get('/search?q=测府[2020]12号');
    const first = /<a href="\/documents\/(\d+)" class="doc-title">/.exec(loose.body)?.[1];
    assert.equal(Number(first), ids.reg);

    const filtered = await get('/search?q=行政复议&kind=interpretation');
    const only = [...filtered.body.matchAll(/<a href="\/documents\/(\d+)" class="doc-title">/g)].map((m) =>
      Number(m[1]),
    );
    assert.deepEqual(only, [ids.interp]);
    assert.match(filtered.body, /不限类别/);

    const none = await get('/search?q=量子引力波');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /没有找到与“量子引力波”相关的文件/);
    assert.match(none.body, /可直接输入发文字号/);
    assert.match(none.body, /<a href="\/documents">全部政府文件<\/a>/);

    // A 索引号 leads straight to its document.
    const regIndex = /<dt>索引号<\/dt><dd>([^<]+)<\/dd>/.exec((await get(`/documents/${ids.reg}`)).body)![1]!;
    const byIndex = await get(`/search?q=${regIndex}`);
    assert.equal(byIndex.statusCode, 303);
    assert.equal(byIndex.headers.location, `/documents/${ids.reg}`);

    const empty = await get('/search');
    assert.equal(empty.statusCode, 200);
    assert.match(empty.body, /<label for="f-q">搜索政府文件、政策解读和政府公报<\/label>/);
    // Drafts are never found.
    assert.doesNotMatch((await get('/search?q=草稿')).body, /尚未发布的草稿文件/);
  });

  test('every portal page has the search box in its header', async () => {
    const body = (await get('/')).body;
    assert.match(
      body,
      /<form method="get" action="\/search" role="search" class="header-search" aria-label="站内搜索">/,
    );
    assert.match(body, /<a href="\/documents">政府文件<\/a>/);
  });

  test('the Atom feeds are well-formed Atom of the newest documents, with the right type', async () => {
    const res = await get(`/agencies/${city.city.code}/feed.atom`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/atom+xml; charset=utf-8');
    const doc = parseXml(res.body);
    assert.equal(doc.documentElement.namespaceURI, 'http://www.w3.org/2005/Atom');
    const titles = textsOf(doc, 'title');
    assert.equal(titles[0], `${city.city.name}政府信息公开：新发布的文件`);
    assert.ok(titles.includes('测试市行政复议工作规定（测府〔2020〕12号）'));
    assert.ok(titles.includes('测试市行政复议工作规定（测府〔2020〕12号）'));
    assert.ok(!titles.some((x) => x.includes('草稿')));
    // A joint document is in each issuer's feed.
    assert.ok(
      textsOf(parseXml((await get(`/agencies/${city.dept.code}/feed.atom`)).body), 'title').includes(
        '测试市行政复议工作规定（测府〔2020〕12号）',
      ),
    );
    const ids_ = textsOf(doc, 'id');
    assert.ok(
      ids_.every((u) => /^http:\/\/localhost:\d+\//.test(u)),
      'absolute ids',
    );

    const byCategory = parseXml((await get('/documents/feed.atom?category=a20-11')).body);
    assert.deepEqual(textsOf(byCategory, 'title').slice(1), [
      '东区关于加强义务教育管理的意见（东政发〔2025〕3号）',
    ]);
    assert.equal((await get('/documents/feed.atom?category=nope')).statusCode, 404);
  });

  test('sitemap.xml lists the main pages, the agencies’ platforms and every published document', async () => {
    const res = await get('/sitemap.xml');
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['content-type'], 'application/xml; charset=utf-8');
    const doc = parseXml(res.body);
    assert.equal(doc.documentElement.localName, 'urlset');
    const locs = textsOf(doc, 'loc').map((u) => new URL(u).pathname);
    for (const p of ['/', '/documents', `/agencies/${city.city.code}`, `/agencies/${city.city.code}/guide`])
      assert.ok(locs.includes(p), p);
    assert.ok(locs.includes(`/documents/${ids.reg}`));
    assert.ok(!locs.includes(`/documents/${ids.draft}`));
    assert.ok(!locs.includes(`/documents/${ids.withdrawn}`));
    assert.equal(locs.filter((p) => /^\/documents\/\d+$/.test(p)).length, 27);
    assert.equal(textsOf(doc, 'lastmod').length, 27);
    // The split files exist too (served when the site passes 50,000 URLs).
    const part = parseXml((await get('/sitemaps/documents-1.xml')).body);
    assert.equal(textsOf(part, 'loc').length, 27);
    assert.equal((await get('/sitemaps/documents-2.xml')).statusCode, 404);
    assert.equal(parseXml((await get('/sitemaps/pages.xml')).body).documentElement.localName, 'urlset');
  });

  test('a document published through the commands appears in the list, search, its feed and the sitemap at once', async () => {
    // Warm the cached pages first: publishing must drop them.
    await get('/documents');
    await get(`/agencies/${city.east.code}/feed.atom`);
    await get('/sitemap.xml');
    const { id, indexNumber } = await publishThroughCommands(t.deps, {
      agencyId: city.east.id,
      title: '东区关于开展垃圾分类督查的通知',
      genre: '通知',
      bodyHtml: '<p>各街道：现就垃圾分类督查工作通知如下。</p>',
    });
    assert.ok(indexNumber, 'the command assigned an index number');
    assert.match((await get('/documents')).body, /东区关于开展垃圾分类督查的通知/);
    assert.match((await get('/search?q=垃圾分类')).body, new RegExp(`/documents/${id}"`));
    const feed = parseXml((await get(`/agencies/${city.east.code}/feed.atom`)).body);
    assert.ok(textsOf(feed, 'title').includes('东区关于开展垃圾分类督查的通知'));
    assert.match((await get('/sitemap.xml')).body, new RegExp(`/documents/${id}</loc>`));
    assert.match((await get(`/documents/${id}`)).body, new RegExp(`<dt>索引号</dt><dd>${indexNumber}</dd>`));
  });

  test('search: 只看政府公报刊登的文件 — a checkbox in the form and a facet link; filters and paging keep it', async () => {
    const [issue] = await t.deps.db
      .insert(gazetteIssue)
      .values({ agencyId: city.city.id, year: 2020, number: 5, publishedOn: '2020-04-15' })
      .returning({ id: gazetteIssue.id });
    await t.deps.db.insert(gazetteItem).values({ issueId: issue!.id, documentId: ids.reg!, position: 1 });
    const all = await get('/search?q=行政复议');
    assert.match(all.body, /<input id="f-gazette" name="gazette" type="checkbox" value="1"\/?>/);
    assert.match(all.body, new RegExp(`/documents/${ids.interp}"`)); // the 解读 was never printed
    assert.match(
      all.body,
      /<a href="\/search\?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&amp;gazette=1">只看政府公报刊登的文件<\/a>/,
    );
    const printed = await get('/search?q=行政复议&gazette=1');
    assert.equal(printed.statusCode, 200);
    assert.match(printed.body, new RegExp(`/documents/${ids.reg}"`));
    assert.doesNotMatch(printed.body, new RegExp(`/documents/${ids.interp}"`));
    assert.match(printed.body, /找到 1 件/);
    assert.match(printed.body, /name="gazette" type="checkbox" value="1" checked/);
    assert.match(printed.body, /<strong aria-current="true">只看政府公报刊登的文件<\/strong>/);
    assert.match(
      printed.body,
      /<a href="\/search\?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE">不限是否刊登政府公报<\/a>/,
    );
    // Another facet applied on top keeps the gazette filter.
    assert.match(
      printed.body,
      /href="\/search\?q=%E8%A1%8C%E6%94%BF%E5%A4%8D%E8%AE%AE&amp;level=rule&amp;gazette=1"/,
    );
  });
});

describe('search past its window of newest matches', () => {
  let t: TestApp;
  let city: Awaited<ReturnType<typeof buildCity>>;
  const get = (url: string) => t.app.inject({ method: 'GET', url: encodeURI(url) });
  const day = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
  /** The counts shown in one facet's section, e.g. 'facet-level'. */
  const facetCounts = (body: string, id: string) => {
    const section = new RegExp(`<section aria-labelledby="${id}"[^>]*>([\\s\\S]*?)</section>`).exec(
      body,
    )?.[1];
    return [...(section ?? '').matchAll(/（(\d+)）/g)].map((m) => Number(m[1]));
  };
  const hitsOf = (body: string) => body.match(/class="doc-title"/g)?.length ?? 0;

  before(async () => {
    t = await createTestApp();
    city = await buildCity(t.deps);
    // MATCH_WINDOW + 5 documents sharing 河道保洁, one a day (the newest last), alternately 规范性文件
    // and 其他文件 of two agencies: the newest MATCH_WINDOW (i = 5 … 204) hold 100 of each.
    await insertDocuments(
      t.deps,
      Array.from({ length: MATCH_WINDOW + 5 }, (_, i) => ({
        agencyId: i % 2 ? city.east.id : city.city.id,
        title: `关于做好河道保洁工作的通知（第${i}号）`,
        effectLevel: i % 2 ? ('normative' as const) : ('other' as const),
        publishedOn: day(i),
      })),
    );
    // 15 documents on 绿道: a search well inside the window.
    await insertDocuments(
      t.deps,
      Array.from({ length: 15 }, (_, i) => ({
        agencyId: city.west.id,
        title: `西区绿道建设情况通报（第${i}期）`,
        publishedOn: day(i),
      })),
    );
    await publicChange(t.deps);
  });
  after(() => t.close());

  test('past the window: 约 N 件, the newest shown, facets counted over them, a hint to narrow', async () => {
    const res = await get('/search?q=河道保洁');
    assert.equal(res.statusCode, 200);
    const about = /约 (\d+) 件，显示其中最新的 200 件，按相关度排列，第 1\/20 页/.exec(res.body);
    assert.ok(about, 'the status line says the total is approximate and only the newest 200 are shown');
    assert.ok(Number(about[1]) > MATCH_WINDOW, `约 ${about[1]} 件 is more than the window`);
    assert.doesNotMatch(res.body, /找到 \d+ 件/, 'no number pretends to be the exact total');
    assert.match(res.body, /括号中的数字只统计显示的最新 200 件结果，不是全部结果的件数。/);
    assert.match(res.body, /请用筛选条件（发文机关、主题分类、发布年份等）缩小范围/);
    // The facets count the 200 shown, not the 205 that match.
    assert.deepEqual(facetCounts(res.body, 'facet-level'), [100, 100]);
    assert.deepEqual(
      facetCounts(res.body, 'facet-agency').reduce((a, b) => a + b, 0),
      MATCH_WINDOW,
    );
    assert.equal(hitsOf(res.body), 10);

    // A filter that brings the matches inside the window makes everything exact again.
    const narrowed = await get('/search?q=河道保洁&level=normative');
    assert.match(narrowed.body, /找到 102 件，第 1\/11 页/);
    assert.doesNotMatch(narrowed.body, /约 \d+ 件|括号中的数字只统计/);
  });

  test('past the window the pages stop at the last page with results; a page beyond is a clear error', async () => {
    const last = await get('/search?q=河道保洁&page=20');
    assert.equal(last.statusCode, 200);
    assert.equal(hitsOf(last.body), 10);
    assert.match(last.body, /<ol class="doc-list" start="191">/);
    assert.match(last.body, /第 20 \/ 20 页/);
    assert.doesNotMatch(last.body, /rel="next"/);
    assert.match((await get('/search?q=河道保洁&page=19')).body, /page=20" rel="next">下一页/);
    // The 5 oldest matches are outside the window: on no page.
    assert.doesNotMatch(last.body, /（第[0-4]号）/);

    const beyond = await get('/search?q=河道保洁&page=21');
    assert.equal(beyond.statusCode, 422);
    assert.match(
      beyond.body,
      /<div class="error-summary" role="alert">\s*<p>页码应为 1 至 20 之间的整数<\/p>/,
    );
    assert.equal(hitsOf(beyond.body), 0);
  });

  test('inside the window: 找到 N 件, no note on the facets, and no page past the last', async () => {
    const res = await get('/search?q=绿道');
    assert.match(res.body, /找到 15 件，第 1\/2 页/);
    assert.doesNotMatch(res.body, /约 \d+ 件|括号中的数字只统计|请用筛选条件/);
    const second = await get('/search?q=绿道&page=2');
    assert.equal(hitsOf(second.body), 5);
    assert.doesNotMatch(second.body, /rel="next"/);
    // Before, page 3 was an empty page of results; now it says which pages there are.
    const third = await get('/search?q=绿道&page=3');
    assert.equal(third.statusCode, 422);
    assert.match(third.body, /页码应为 1 至 2 之间的整数/);
    assert.equal(hitsOf(third.body), 0);
  });

  test('searchPaging pages through what was read: a phrase past the window may have read fewer than 200', () => {
    const result = (over: Partial<SearchDocumentsResult>): SearchDocumentsResult => ({
      total: 0,
      totalExact: true,
      page: 1,
      pageSize: 10,
      hits: [],
      facets: { agencies: [], themes: [], years: [], effectLevels: [], validity: [] },
      suggestions: [],
      ...over,
    });
    // 37 rows read (30 有效 + 7 废止) of about 900: 4 pages, not 20 (900 / 10 capped).
    const phrase = result({
      total: 900,
      totalExact: false,
      facets: {
        agencies: [],
        themes: [],
        years: [],
        effectLevels: [],
        validity: [
          { key: 'effective', count: 30 },
          { key: 'abolished', count: 7 },
        ],
      },
    });
    assert.deepEqual(searchPaging(phrase, MAX_SEARCH_PAGE), { shown: 37, pages: 4 });
    // Exact totals page through all of them, at most MAX_SEARCH_PAGE pages.
    assert.deepEqual(searchPaging(result({ total: 15 }), MAX_SEARCH_PAGE), { shown: 15, pages: 2 });
    assert.deepEqual(searchPaging(result({ total: 10 }), MAX_SEARCH_PAGE), { shown: 10, pages: 1 });
    assert.equal(searchPaging(result({ total: 201, pageSize: 5 }), MAX_SEARCH_PAGE).pages, MAX_SEARCH_PAGE);
  });
});
