// Document search on fixed data (issue 10): jieba words in the tsvector, 文号 lookups in the forms
// people type, highlights, filters and facet counts, and never an unpublished document. Runs on
// PGlite, and on PostgreSQL with TEST_DATABASE_URL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';
import {
  agency,
  document,
  documentIssuer,
  documentTheme,
  gazetteIssue,
  gazetteItem,
} from '../src/db/schema.js';
import { facetTokens } from '../src/domain/search/facets.js';
import { normalizeDocNumber } from '../src/domain/documents/doc-number.js';
import { documentSearchColumns } from '../src/lib/chinese-tokens.js';
import { MATCH_WINDOW, searchDocuments } from '../src/queries/search-documents.js';
import { createTestDatabase } from './support/db.js';

let database: Database;
const ids: Record<string, number> = {};
const agencies: Record<string, number> = {};

interface Doc {
  key: string;
  agency: 'city' | 'justice' | 'housing';
  title: string;
  docNumber?: string;
  body: string;
  publishedOn: string;
  state?: 'published' | 'draft' | 'withdrawn';
  effectLevel?: 'rule' | 'normative' | 'other';
  validity?: string;
  kind?: 'document' | 'interpretation';
  themes?: string[];
  coIssuers?: ('city' | 'justice' | 'housing')[];
}

const DOCS: Doc[] = [
  {
    key: 'reconsideration',
    agency: 'justice',
    title: '江南市行政复议工作规定',
    docNumber: '江南府规〔2021〕3号',
    body: '为了规范行政复议工作，依法保护公民、法人和其他组织的合法权益，根据《中华人民共和国行政复议法》，制定本规定。',
    publishedOn: '2021-05-10',
    effectLevel: 'rule',
    themes: ['T05.02'],
  },
  {
    key: 'disclosure',
    agency: 'city',
    title: '江南市政府信息公开工作办法',
    docNumber: '苏府〔2020〕12号',
    body: '申请人对政府信息公开答复不服的，可以依法申请复议或者提起行政诉讼。本办法自发布之日起施行。',
    publishedOn: '2020-03-02',
    effectLevel: 'normative',
    themes: ['T02.01'],
    coIssuers: ['justice'],
  },
  {
    key: 'business',
    agency: 'city',
    title: '关于进一步优化营商环境的若干措施',
    docNumber: '苏府〔2020〕120号',
    body: '深化放管服改革，推进一网通办。执行苏府〔2020〕12号的有关规定。',
    publishedOn: '2020-09-15',
    effectLevel: 'normative',
    themes: ['T02.01', 'T05.02'],
  },
  {
    key: 'housing',
    agency: 'housing',
    title: '江南市住房公积金提取管理办法',
    docNumber: '江南住建〔2022〕7号',
    body: '职工购买自住住房的，可以提取住房公积金。对提取决定有异议的，可以申请复核。',
    publishedOn: '2022-01-20',
    effectLevel: 'normative',
    validity: 'abolished',
  },
  {
    key: 'interpretation',
    agency: 'justice',
    kind: 'interpretation',
    title: '《江南市行政复议工作规定》政策解读',
    body: '一、起草背景。二、主要内容：明确行政复议机构的职责，规范复议案件的受理和审理。',
    publishedOn: '2021-05-12',
  },
  {
    key: 'draft',
    agency: 'justice',
    title: '江南市行政复议听证办法（征求意见稿）',
    body: '行政复议机构审理重大、疑难、复杂的行政复议案件，应当组织听证。',
    publishedOn: '2023-01-01',
    state: 'draft',
  },
  {
    key: 'withdrawn',
    agency: 'city',
    title: '关于行政复议案件办理的通知',
    docNumber: '苏府〔2020〕13号',
    body: '行政复议案件应当在法定期限内办结。',
    publishedOn: '2020-04-01',
    state: 'withdrawn',
  },
];

before(async () => {
  database = await createTestDatabase();
  const { db } = database;
  const mk = async (code: string, name: string, kind: string, path: string) => {
    const [a] = await db.insert(agency).values({ code, name, kind, path }).returning({ id: agency.id });
    return a!.id;
  };
  agencies.city = await mk('JN', '江南市人民政府', 'government', '/');
  agencies.justice = await mk('JN.SFJ', '江南市司法局', 'department', '/');
  agencies.housing = await mk('JN.ZJJ', '江南市住房和城乡建设局', 'department', '/');
  for (const d of DOCS) {
    const [row] = await db
      .insert(document)
      .values({
        kind: d.kind ?? 'document',
        agencyId: agencies[d.agency]!,
        title: d.title,
        docNumber: d.docNumber ?? null,
        docNumberNorm: d.docNumber ? normalizeDocNumber(d.docNumber) : null,
        bodyText: d.body,
        bodyHtml: `<p>${d.body}</p>`,
        publishedOn: d.publishedOn,
        state: d.state ?? 'published',
        effectLevel: d.effectLevel ?? 'other',
        validity: d.validity ?? 'effective',
        ...documentSearchColumns({ title: d.title, docNumber: d.docNumber, bodyText: d.body }),
      })
      .returning({ id: document.id });
    ids[d.key] = row!.id;
    for (const t of d.themes ?? [])
      await db.insert(documentTheme).values({ documentId: row!.id, themeCode: t });
    let pos = 1;
    for (const c of d.coIssuers ?? []) {
      await db
        .insert(documentIssuer)
        .values({ documentId: row!.id, agencyId: agencies[c]!, position: pos++ });
    }
  }
});

after(() => database?.close());

const search = (q: string, more: Omit<Parameters<typeof searchDocuments>[1], 'q'> = {}) =>
  searchDocuments(database.db, { q, ...more });
const keyOf = (id: number) => Object.entries(ids).find(([, v]) => v === id)?.[0];
const keys = (r: { hits: { id: number }[] }) => r.hits.map((h) => keyOf(h.id));

describe('searching the document library', () => {
  it('行政复议: the document titled with it first, its interpretation next, with <mark> highlights', async () => {
    const r = await search('行政复议');
    // The draft and the withdrawn notice mention 行政复议 in their titles, but are not published.
    assert.deepEqual(keys(r).sort(), ['interpretation', 'reconsideration'].sort());
    assert.equal(r.total, 2);
    assert.equal(keys(r)[0], 'reconsideration'); // title and body; published first of the two
    const top = r.hits[0]!;
    assert.equal(top.titleHtml, '江南市<mark>行政复议</mark>工作规定');
    assert.match(top.snippetHtml, /规范<mark>行政复议<\/mark>工作/);
    assert.equal(top.docNumber, '江南府规〔2021〕3号');
    assert.equal(top.agencyName, '江南市司法局');
    assert.equal(top.publishedOn, '2021-05-10');
  });

  it('the two-character word 复议 finds it inside 行政复议 and on its own (申请复议)', async () => {
    const r = await search('复议');
    assert.deepEqual(keys(r).sort(), ['disclosure', 'interpretation', 'reconsideration'].sort());
    // Documents with 复议 in the title (weight A) come before one with it in the body only.
    assert.equal(keys(r).at(-1), 'disclosure');
    const d = r.hits.find((h) => keyOf(h.id) === 'disclosure')!;
    assert.match(d.snippetHtml, /申请<mark>复议<\/mark>/);
  });

  it('a 文号 in the standard or a loose form finds that document first, then those citing it', async () => {
    for (const q of ['苏府〔2020〕12号', '苏府[2020]12号', '苏府（2020）12号', '苏府(２０２０)第12号']) {
      const r = await search(q);
      assert.equal(keyOf(r.hits[0]!.id), 'disclosure', q);
      // 苏府〔2020〕120号 is not 12号; the business measures cite 苏府〔2020〕12号 in their body.
      assert.deepEqual(keys(r), ['disclosure', 'business'], q);
      assert.match(r.hits[1]!.snippetHtml, /执行<mark>苏府〔2020〕12号<\/mark>的/, q);
    }
    const w = await search('苏府〔2020〕13号'); // only the withdrawn notice has it
    assert.equal(w.total, 0);
  });

  it('ANDs the words, and a quoted phrase needs its words together', async () => {
    assert.deepEqual(keys(await search('公积金 提取')), ['housing']);
    assert.deepEqual(keys(await search('营商环境 一网通办')), ['business']);
    assert.deepEqual(keys(await search('"申请复核"')), ['housing']);
    // Both words are in the housing document, but not side by side.
    assert.equal((await search('"提取复核"')).total, 0);
  });

  it('filters by 发文机关 (joint issuers too), theme, year, 效力级别, 有效性 and kind', async () => {
    assert.deepEqual(keys(await search('复议', { agencyId: agencies.city })), ['disclosure']);
    // The city's notice is issued jointly with the justice bureau.
    assert.deepEqual(
      keys(await search('复议', { agencyId: agencies.justice })).sort(),
      ['disclosure', 'interpretation', 'reconsideration'].sort(),
    );
    assert.deepEqual(keys(await search('复议', { themeCode: 'T05' })), ['reconsideration']);
    assert.deepEqual(keys(await search('复议', { year: 2020 })), ['disclosure']);
    assert.deepEqual(keys(await search('复议', { effectLevel: 'rule' })), ['reconsideration']);
    assert.deepEqual(keys(await search('复核', { validity: 'abolished' })), ['housing']);
    assert.deepEqual(keys(await search('复议', { kind: 'interpretation' })), ['interpretation']);
  });

  it('a filter follows the document when its themes, issuers or 有效性 change, whoever writes them', async () => {
    const id = ids.reconsideration!;
    // Themes moved from T05 to another first level (T10): the old theme finds nothing any more.
    await database.db.delete(documentTheme).where(eq(documentTheme.documentId, id));
    await database.db.insert(documentTheme).values({ documentId: id, themeCode: 'T10.05' });
    assert.deepEqual(keys(await search('复议', { themeCode: 'T05' })), []);
    assert.deepEqual(keys(await search('复议', { themeCode: 'T10' })), ['reconsideration']);
    // A joint issuer added afterwards counts as its 发文机关.
    await database.db
      .insert(documentIssuer)
      .values({ documentId: id, agencyId: agencies.city!, position: 9 });
    assert.ok(keys(await search('复议', { agencyId: agencies.city })).includes('reconsideration'));
    await database.db
      .delete(documentIssuer)
      .where(and(eq(documentIssuer.documentId, id), eq(documentIssuer.agencyId, agencies.city!)));
    assert.deepEqual(keys(await search('复议', { agencyId: agencies.city })), ['disclosure']);
    // 有效性 is a column of the row: abolishing it moves it between the filters at once.
    await database.db.update(document).set({ validity: 'abolished' }).where(eq(document.id, id));
    assert.deepEqual(keys(await search('复议', { validity: 'abolished' })), ['reconsideration']);
    await database.db.update(document).set({ validity: 'effective' }).where(eq(document.id, id));
    await database.db.delete(documentTheme).where(eq(documentTheme.documentId, id));
    await database.db.insert(documentTheme).values({ documentId: id, themeCode: 'T05.02' });
    assert.deepEqual(keys(await search('复议', { themeCode: 'T05' })), ['reconsideration']);
    // Bulk writers (the demo loader) set facet_tokens themselves, as the triggers make it.
    const [row] = await database.db
      .select({ facets: document.facetTokens })
      .from(document)
      .where(eq(document.id, ids.disclosure!));
    assert.equal(row!.facets, facetTokens(['T02.01'], [agencies.justice!]));
    assert.equal(row!.facets, `~a${agencies.justice} ~tT02 ~tT02.01`);
  });

  it('counts facets over the whole matching set', async () => {
    const r = await search('复议', { pageSize: 1 });
    assert.equal(r.total, 3);
    assert.equal(r.hits.length, 1);
    const count = <K>(list: { key: K; count: number }[], key: K) => list.find((f) => f.key === key)?.count;
    assert.equal(count(r.facets.agencies, agencies.justice!), 3); // two of its own, one joint
    assert.equal(count(r.facets.agencies, agencies.city!), 1);
    assert.equal(r.facets.agencies.find((a) => a.key === agencies.justice)?.name, '江南市司法局');
    assert.deepEqual(r.facets.years, [
      { key: 2021, count: 2 },
      { key: 2020, count: 1 },
    ]);
    assert.equal(count(r.facets.themes, 'T05.02'), 1);
    assert.equal(count(r.facets.effectLevels, 'rule'), 1);
    assert.equal(count(r.facets.effectLevels, 'normative'), 1);
    assert.equal(count(r.facets.validity, 'effective'), 3);
    const page2 = await search('复议', { pageSize: 1, page: 2 });
    assert.notEqual(page2.hits[0]!.id, r.hits[0]!.id);
  });

  it('never returns an unpublished document', async () => {
    assert.equal((await search('听证')).total, 0);
    assert.equal((await search('征求意见稿')).total, 0);
    // Once withdrawn… and once published, the same row is found at once.
    await database.db.update(document).set({ state: 'published' }).where(eq(document.id, ids.draft!));
    assert.deepEqual(keys(await search('听证')), ['draft']);
    await database.db.update(document).set({ state: 'draft' }).where(eq(document.id, ids.draft!));
  });

  it('escapes the text around the marks', async () => {
    const [row] = await database.db
      .insert(document)
      .values({
        agencyId: agencies.city!,
        title: '<script>alert(1)</script>城市更新 & 旧改',
        bodyText: '"城市更新" <b>试点</b>',
        state: 'published',
        publishedOn: '2024-01-01',
        ...documentSearchColumns({
          title: '<script>alert(1)</script>城市更新 & 旧改',
          bodyText: '"城市更新" <b>试点</b>',
        }),
      })
      .returning({ id: document.id });
    const r = await search('城市更新');
    assert.equal(r.hits[0]!.id, row!.id);
    assert.equal(
      r.hits[0]!.titleHtml,
      '&lt;script&gt;alert(1)&lt;/script&gt;<mark>城市更新</mark> &amp; 旧改',
    );
    assert.equal(r.hits[0]!.snippetHtml, '&quot;<mark>城市更新</mark>&quot; &lt;b&gt;试点&lt;/b&gt;');
    await database.db.delete(document).where(eq(document.id, row!.id));
  });

  it('answers punctuation-only and tsquery-breaking input without an error', async () => {
    for (const q of [
      '',
      '   ',
      '，。！？',
      `&|!():*'\\`,
      "'; drop table document; --",
      '"',
      '“未闭合',
      '<-> <2> !!',
      'a:*',
      '\u0000',
    ]) {
      const r = await search(q);
      assert.ok(r.total >= 0, q);
    }
    assert.equal((await search('&|!():*')).total, 0);
    assert.deepEqual(
      keys(await search('行政复议 & | !')).sort(),
      ['interpretation', 'reconsideration'].sort(),
    );
  });

  it('survives random strings of query syntax, Chinese and Latin (a fuzz of 300 queries)', async () => {
    const alphabet = [
      ...`&|!():*'"\\<->{}[]〔〕（）“”「」 ,.;，。、-_=+%$#@^~\`复议行政苏府2020号12abcAB\u3000`,
    ];
    let seed = 42;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 300; i++) {
      const len = 1 + Math.floor(rand() * 20);
      let q = '';
      for (let j = 0; j < len; j++) q += alphabet[Math.floor(rand() * alphabet.length)];
      await assert.doesNotReject(search(q), q);
    }
  });

  it('offers other queries when nothing is found', async () => {
    const r = await search('行政复议 宇宙飞船');
    assert.equal(r.total, 0);
    assert.ok(r.suggestions.includes('行政复议'), r.suggestions.join('、'));
    const r2 = await search('营商环境便利化');
    assert.equal(r2.total, 0);
    assert.ok(r2.suggestions.length > 0);
  });

  it('gazette: only the documents an issue printed, or an issue of one agency’s gazette', async () => {
    const { db } = database;
    const issue = async (agencyKey: string, number: number) =>
      (
        await db
          .insert(gazetteIssue)
          .values({ agencyId: agencies[agencyKey]!, year: 2021, number, publishedOn: '2021-06-30' })
          .returning({ id: gazetteIssue.id })
      )[0]!.id;
    const city = await issue('city', 6);
    const justice = await issue('justice', 1);
    await db.insert(gazetteItem).values([
      { issueId: city, documentId: ids.reconsideration!, position: 1 },
      { issueId: justice, documentId: ids.disclosure!, position: 1 },
    ]);
    try {
      // 复议 is in three published documents; the 解读 was printed by no issue.
      assert.deepEqual(keys(await search('复议', { gazette: true })).sort(), [
        'disclosure',
        'reconsideration',
      ]);
      assert.deepEqual(keys(await search('复议', { gazetteAgencyId: agencies.city })), ['reconsideration']);
      assert.deepEqual(keys(await search('复议', { gazetteAgencyId: agencies.justice })), ['disclosure']);
      assert.equal((await search('复议', { gazetteAgencyId: agencies.housing })).total, 0);
      const byNumber = await search('苏府[2020]12号', { gazette: true });
      assert.deepEqual(keys(byNumber), ['disclosure'], 'the citing document was printed by no issue');
      assert.deepEqual(
        (await search('复议', { gazette: true })).facets.agencies.map((a) => a.key).sort(),
        [agencies.city, agencies.justice].sort(),
        'facets count the gazette’s documents only',
      );
    } finally {
      await db.delete(gazetteItem);
      await db.delete(gazetteIssue);
    }
  });

  it('refuses a page out of range with a Chinese message', async () => {
    await assert.rejects(
      search('复议', { page: 0 }),
      (e: Error & { fieldErrors?: Record<string, string> }) => {
        assert.match(e.fieldErrors?.page ?? '', /页码/);
        return true;
      },
    );
  });
});

describe('a common word: the newest matches through month lexemes', () => {
  // 1,200 documents with 河道保洁, one every other day from 2020-01-01 (to 2026-07-28), every third
  // one issued as an interpretation. Analysed, PostgreSQL estimates ~1,200 matches: more than twice
  // the window, so the search names the recent months as lexemes and widens them when too few.
  const N = 1200;
  const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + 2 * i * 86_400_000).toISOString().slice(0, 10);
  before(async () => {
    const rowsToInsert = Array.from({ length: N }, (_, i) => {
      const title = `关于做好河道保洁工作的通知（第${i}号）`;
      return {
        kind: i % 3 === 0 ? 'interpretation' : 'document',
        agencyId: agencies.housing!,
        title,
        bodyText: '各区要落实河道保洁责任。',
        bodyHtml: '<p>各区要落实河道保洁责任。</p>',
        publishedOn: day(i),
        state: 'published',
        ...documentSearchColumns({ title, bodyText: '各区要落实河道保洁责任。' }),
      };
    });
    await database.db.insert(document).values(rowsToInsert);
    await database.db.execute(sql`analyze document`);
  });

  const number = (title: string) => Number(/第(\d+)号/.exec(title)![1]);

  it('reads exactly the newest 200, page after page, and says the total is an estimate', async () => {
    const seen: number[] = [];
    for (let page = 1; page <= 20; page++) {
      const r = await search('河道保洁', { page });
      assert.equal(r.totalExact, false);
      assert.ok(r.total > MATCH_WINDOW, `total ${r.total}`);
      seen.push(...r.hits.map((h) => number(h.title)));
    }
    // Same rank for all: newest first, no gap, no repeat: 1199 … 1000.
    assert.deepEqual(
      seen,
      Array.from({ length: MATCH_WINDOW }, (_, i) => N - 1 - i),
    );
  });

  it('with a filter and a year: the newest of those, also through the months', async () => {
    const r = await search('河道保洁', { kind: 'interpretation', pageSize: 50 });
    const got = r.hits.map((h) => number(h.title));
    // Interpretations are every third: 1197, 1194, …
    assert.deepEqual(
      got,
      Array.from({ length: 50 }, (_, i) => 1197 - 3 * i),
    );
    const y = await search('河道保洁', { year: 2021, pageSize: 50 });
    assert.ok(y.hits.every((h) => h.publishedOn!.startsWith('2021-')));
    // The last document of 2021 comes first: 2020 has 366 days, so number 365 (day 730) is 2021-12-31;
    // 2021 holds numbers 183 (day 366, 2021-01-01) to 365.
    assert.equal(y.hits[0]!.publishedOn, '2021-12-31');
    assert.equal(y.totalExact, true, '183 in 2021: inside the window');
    assert.equal(y.total, 183);
  });
});
