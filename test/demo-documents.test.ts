// The demo city's document library (issue 10 item 7): on the first start the portal, the search, the
// gazette, the back office's queues and the table 二 feed show real-looking work — thousands of
// synthetic documents since 2019 with interpretations, relations and their 有效性, 索引号 whose
// counters the next publication continues, and the demo logins' drafts and overdue items.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, asc, eq, sql } from 'drizzle-orm';
import { publishDocument } from '../src/commands/documents/publication.js';
import {
  agency,
  appUser,
  auditEvent,
  document,
  documentRelation,
  gazetteIssue,
  gazetteItem,
  numberSequence,
} from '../src/db/schema.js';
import { loadDemoDocuments } from '../src/commands/demo-documents.js';
import { demoDocuments } from '../src/demo/documents.js';
import { loadDemo, type DemoLoadResult } from '../src/demo/load-demo.js';
import { deriveValidity } from '../src/domain/documents/validity.js';
import { Conflict } from '../src/domain/errors.js';
import { localDate } from '../src/lib/time.js';
import { overduePublicationCount, documentsLackingInterpretation } from '../src/queries/document-admin.js';
import { reportTable2Feed } from '../src/queries/report-table2.js';
import { searchDocuments } from '../src/queries/search-documents.js';
import { createTestApp, type TestApp } from './support/app.js';
import { actorOf } from './support/applications.js';

describe('the demo document library', () => {
  let t: TestApp;
  let loaded: DemoLoadResult;
  let today: string;
  const SYSTEM = { actor: { system: true as const, label: 'test' } };
  before(async () => {
    // Saturday 28 November 2026 in Beijing (the test clock's default).
    t = await createTestApp();
    today = localDate(t.deps.now());
    loaded = await loadDemo(t.deps);
  });
  after(() => t.close());

  const all = () => t.deps.db.select().from(document).orderBy(asc(document.id));
  const staff = async (login: string) => {
    const [u] = await t.deps.db.select({ id: appUser.id }).from(appUser).where(eq(appUser.login, login));
    return actorOf(t.deps, u!.id);
  };

  test('thousands of synthetic documents of many agencies, every year since 2019, at every level', async () => {
    const docs = await all();
    assert.equal(docs.length, loaded.documents + loaded.interpretations);
    assert.ok(loaded.documents >= 3000 && loaded.documents <= 5000, `${loaded.documents} documents`);
    assert.ok(docs.every((d) => d.synthetic));
    assert.ok(new Set(docs.map((d) => d.agencyId)).size >= 60, 'spread over the agencies');
    const years = new Set(docs.filter((d) => d.publishedOn).map((d) => d.publishedOn!.slice(0, 4)));
    for (let y = 2019; y <= Number(today.slice(0, 4)); y++)
      assert.ok(years.has(String(y)), `documents of ${y}`);
    const level = (l: string) => docs.filter((d) => d.kind === 'document' && d.effectLevel === l).length;
    assert.ok(
      level('rule') > 10 && level('rule') < level('normative') && level('normative') < level('other') / 4,
    );
    assert.ok(
      docs
        .filter((d) => d.effectLevel === 'normative' && d.state === 'published')
        .every((d) => d.unifiedNumber),
    );
    const published = docs.filter((d) => d.state === 'published' || d.state === 'withdrawn');
    assert.equal(new Set(published.map((d) => d.indexNumber)).size, published.length, '索引号 unique');
    assert.ok(published.every((d) => d.indexNumber && d.tokenizerVersion > 0 && d.titleTokens !== ''));
  });

  test('有效性 is what the relations and dates give today, and every state occurs', async () => {
    const docs = await all();
    const rels = await t.deps.db
      .select({
        toId: documentRelation.toId,
        kind: documentRelation.kind,
        effectiveOn: documentRelation.effectiveOn,
        note: documentRelation.note,
        fromState: sql<string>`(select state from document f where f.id = ${documentRelation.fromId})`,
      })
      .from(documentRelation);
    for (const d of docs) {
      const incoming = rels
        .filter((r) => r.toId === d.id && r.fromState === 'published')
        .map((r) => ({ kind: r.kind as never, effectiveOn: r.effectiveOn, note: r.note }));
      const v = deriveValidity({ effectiveOn: d.effectiveOn, expiresOn: d.expiresOn }, incoming, today);
      assert.equal(d.validity, v.validity, d.title);
      assert.equal(d.validitySince, v.since, d.title);
    }
    for (const state of ['pending', 'effective', 'amended', 'partly_invalid', 'expired', 'abolished'])
      assert.ok(
        docs.some((d) => d.validity === state),
        `a document ${state}`,
      );
    const kinds = new Set(rels.map((r) => r.kind));
    for (const k of ['amends', 'replaces', 'abolishes', 'invalidates', 'interprets', 'implements'])
      assert.ok(kinds.has(k), k);
  });

  test('政策解读 in every form, each linked to its document', async () => {
    const docs = await all();
    const interpretations = docs.filter((d) => d.kind === 'interpretation');
    assert.equal(interpretations.length, loaded.interpretations);
    for (const form of ['text', 'graphic', 'interview', 'video'])
      assert.ok(
        interpretations.some((d) => d.interpretationForm === form),
        form,
      );
    assert.ok(
      interpretations
        .filter((d) => d.interpretationForm === 'video')
        .every((d) => d.mediaUrl?.startsWith('https://')),
    );
    const links = await t.deps.db
      .select()
      .from(documentRelation)
      .where(eq(documentRelation.kind, 'interprets'));
    assert.equal(new Set(links.map((l) => l.fromId)).size, interpretations.length);
    // Some normative documents still lack one (the back office lists them).
    assert.ok((await documentsLackingInterpretation(t.deps.db, await staff('jn.head'))).length > 0);
  });

  test('the city government’s gazette: 24 issues a year, holding published documents of the city', async () => {
    const [jn] = await t.deps.db.select().from(agency).where(eq(agency.code, 'JN'));
    const issues = await t.deps.db.select().from(gazetteIssue).where(eq(gazetteIssue.agencyId, jn!.id));
    assert.equal(issues.length, loaded.gazetteIssues);
    assert.equal(issues.filter((i) => i.year === 2025).length, 24);
    assert.ok(issues.every((i) => i.synthetic && i.publishedOn <= today));
    const items = await t.deps.db
      .select({ state: document.state, kind: document.kind })
      .from(gazetteItem)
      .innerJoin(document, eq(document.id, gazetteItem.documentId));
    assert.ok(items.length > 300);
    assert.ok(items.every((i) => i.state === 'published' && i.kind === 'document'));
    const page = await t.app.inject({ method: 'GET', url: '/gazette/2025/3' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /江南市人民政府公报 2025年第3期/);
    // Every issue has a stand-in PDF (a real one-page PDF that says it is synthetic).
    assert.ok(issues.every((i) => i.fileId !== null));
    const pdf = await t.app.inject({ method: 'GET', url: '/gazette/2025/3/pdf' });
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.match(pdf.rawPayload.subarray(0, 5).toString('latin1'), /^%PDF-/);
    assert.match(pdf.rawPayload.toString('latin1'), /Synthetic demo file/);
  });

  test('the demo logins find drafts, an item to review and overdue items; the next publication continues the count', async () => {
    const drafts = await t.deps.db
      .select({
        state: document.state,
        login: appUser.login,
        id: document.id,
        version: document.version,
        agencyId: document.agencyId,
      })
      .from(document)
      .innerJoin(appUser, eq(appUser.id, document.createdBy));
    assert.ok(drafts.some((d) => d.login === 'jn.officer' && d.state === 'draft'));
    const review = drafts.find((d) => d.login === 'jn.officer' && d.state === 'review')!;
    assert.ok(review);
    const head = await staff('jn.head');
    assert.ok((await overduePublicationCount(t.deps.db, head, today)) >= 3);
    // The counter of the city government this year is the number of its items published this year.
    const year = Number(today.slice(0, 4));
    const [counter] = await t.deps.db
      .select()
      .from(numberSequence)
      .where(
        and(
          eq(numberSequence.agencyId, review.agencyId),
          eq(numberSequence.name, 'index-number'),
          eq(numberSequence.year, year),
        ),
      );
    const [{ n }] = (await t.deps.db
      .select({ n: sql<number>`count(*)::int` })
      .from(document)
      .where(
        and(
          eq(document.agencyId, review.agencyId),
          sql`${document.indexNumber} is not null`,
          sql`extract(year from ${document.publishedOn}) = ${year}`,
        ),
      )) as [{ n: number }];
    assert.equal(counter!.last, Number(n));
    const published = await publishDocument(
      t.deps,
      { actor: head },
      { documentId: review.id, version: review.version },
    );
    assert.equal(published.indexNumber, `JN/${year}-${String(Number(n) + 1).padStart(5, '0')}`);
  });

  test('search finds the demo documents at once; the table 二 feed counts them', async () => {
    const hits = await searchDocuments(t.deps.db, { q: '学前教育', page: 1, pageSize: 10 });
    assert.ok(hits.total > 0);
    const [jn] = await t.deps.db.select().from(agency).where(eq(agency.code, 'JN'));
    const feed = await reportTable2Feed(t.deps.db, { agencyId: jn!.id, year: 2024, scope: 'subtree' });
    const n = feed.table2.normativeDocuments!;
    assert.ok(Number(n.made) > 20 && Number(n.repealed) > 0 && Number(n.valid) > Number(n.made));
    assert.ok(Number(feed.table2.regulations!.made) > 0);
  });

  test('loaded once, audited once', async () => {
    const events = await t.deps.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, 'demo.documents-loaded'));
    assert.equal(events.length, 1);
    await assert.rejects(loadDemoDocuments(t.deps, SYSTEM, demoDocuments(today)), Conflict);
  });
});
