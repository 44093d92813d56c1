// The document library in a real browser: abolishing a document (recorded through the command, as
// staff do it) changes its 有效性 and puts the banner on its page; the document page, the list, the
// search results, the agency's platform and the 政府公报 (its index, a search, one issue) are accessible
// (axe-core) at 1280 px and at 375 px, where nothing scrolls sideways.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { findAgencyByCode } from '../../src/queries/agencies.js';
import { publishThroughCommands, recordRelationThroughCommand } from '../support/documents.js';
import {
  assertAccessible,
  closeSession,
  describeWithBrowser,
  openSession,
  screenshot,
  type SiteUnderTest,
} from './browser.js';

// Browser globals used inside page.evaluate (the project does not load the DOM lib).
declare const document: { scrollingElement: { scrollWidth: number } | null };

const PHONE = 375;

describeWithBrowser('the document library in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;
  let phoneContext: BrowserContext;
  let phone: Page;
  let oldId: number;
  let newId: number;

  before(async () => {
    ({ browser, site, page } = await openSession());
    phoneContext = await browser.newContext({
      bypassCSP: true,
      locale: 'zh-CN',
      viewport: { width: PHONE, height: 812 },
    });
    phone = await phoneContext.newPage();
    const deps = site.t.deps;
    const gov = (await findAgencyByCode(deps.db, 'JN'))!;
    oldId = (
      await publishThroughCommands(deps, {
        agencyId: gov.id,
        title: '江南市城市绿化管理办法（浏览器测试）',
        docNumber: '江南府令第3号',
        genre: '办法',
        effectLevel: 'rule',
        themes: ['T10.02'],
        writtenOn: '2015-04-20',
        effectiveOn: '2015-06-01',
        category: 'a20-01',
        bodyHtml: '<h2>第一章 总则</h2><p>第一条 为了促进城市绿化事业的发展，制定本办法。</p>',
      })
    ).id;
    newId = (
      await publishThroughCommands(deps, {
        agencyId: gov.id,
        title: '江南市人民政府关于废止部分规章的决定（浏览器测试）',
        docNumber: '江南府令第21号',
        genre: '决定',
        effectLevel: 'rule',
        bodyHtml: '<p>市人民政府决定废止《江南市城市绿化管理办法》。</p>',
      })
    ).id;
  });
  after(async () => {
    await phoneContext?.close();
    await closeSession({ browser, site });
  });

  const validityOf = async (p: Page) =>
    (
      await p
        .locator('.summary-row', { has: p.locator('dt', { hasText: /^有效性$/ }) })
        .locator('dd')
        .innerText()
    ).trim();

  test('abolishing a document changes its 有效性 and its page shows the banner', async () => {
    await page.goto(`${site.url}/documents/${oldId}`);
    assert.equal(await validityOf(page), '有效');
    assert.equal(await page.locator('.doc-status').count(), 0, 'no banner while in force');
    await assertAccessible(page, 'a document in force');

    await recordRelationThroughCommand(site.t.deps, {
      fromId: newId,
      toId: oldId,
      kind: 'abolishes',
      effectiveOn: '2025-03-01',
    });

    const res = await page.goto(`${site.url}/documents/${oldId}`);
    assert.equal(res?.status(), 200);
    assert.match(await validityOf(page), /^废止（2025年3月1日起）$/);
    const banner = page.locator('.doc-status');
    assert.ok(await banner.isVisible(), 'the banner is visible');
    assert.equal(
      (await banner.innerText()).trim(),
      '本文件已于2025年3月1日被《江南市人民政府关于废止部分规章的决定（浏览器测试）》废止。',
    );
    // The banner leads to the abolishing decision, which names what it abolished.
    await banner.getByRole('link').click();
    await page.waitForURL(new RegExp(`/documents/${newId}$`));
    assert.match(
      await page.locator('#doc-relations + ul').innerText(),
      /本文件废止《江南市城市绿化管理办法（浏览器测试）》/,
    );
    await page.goto(`${site.url}/documents/${oldId}`);
    await screenshot(page, 'document-abolished');
    await assertAccessible(page, 'an abolished document');
    // The list filtered on 废止 finds it: the stored 有效性 changed with the relation.
    await page.goto(`${site.url}/documents?validity=abolished`);
    assert.ok(await page.getByRole('link', { name: '江南市城市绿化管理办法（浏览器测试）' }).isVisible());
  });

  test('the abolished document at 375 px: banner visible, nothing scrolls sideways, axe clean', async () => {
    await phone.goto(`${site.url}/documents/${oldId}`);
    assert.ok(await phone.locator('.doc-status').isVisible());
    const width = await phone.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    assert.ok(width <= PHONE, `the page is ${width} px wide`);
    await screenshot(phone, 'document-abolished-375');
    await assertAccessible(phone, 'an abolished document at 375 px');
  });

  test('the list, the search (from the header box) and the agency platform are accessible at both widths', async () => {
    for (const p of [page, phone]) {
      const label = p === page ? '1280 px' : '375 px';
      await p.goto(`${site.url}/documents`);
      await assertAccessible(p, `the document list at ${label}`);
      await p.locator('#site-q').fill('城市绿化');
      await p.locator('.header-search button').click();
      await p.waitForURL(/\/search\?q=/);
      assert.ok(await p.locator('mark', { hasText: '城市绿化' }).first().isVisible(), 'the match is marked');
      await assertAccessible(p, `search results at ${label}`);
      await p.goto(`${site.url}/search?q=${encodeURIComponent('量子引力波')}`);
      assert.match(await p.locator('h2#none-title').innerText(), /没有找到/);
      await assertAccessible(p, `no results at ${label}`);
      await p.goto(`${site.url}/agencies/JN`);
      await assertAccessible(p, `the agency platform at ${label}`);
      await p.goto(`${site.url}/agencies/JN/disclosure?category=a20-01`);
      await assertAccessible(p, `a 第二十条 category at ${label}`);
      for (const path of [
        '/documents',
        `/documents/${newId}`,
        '/search?q=城市绿化',
        '/agencies/JN',
        '/agencies/JN/disclosure',
      ]) {
        await p.goto(`${site.url}${path}`);
        const width = await p.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
        const viewport = p.viewportSize()!.width;
        assert.ok(width <= viewport, `${path} at ${label} is ${width} px wide`);
      }
    }
  });
  test('the 政府公报: its index, a search and one issue are accessible at both widths, nothing scrolls sideways', async () => {
    for (const p of [page, phone]) {
      const label = p === page ? '1280 px' : '375 px';
      const fits = async (what: string) => {
        const width = await p.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
        const viewport = p.viewportSize()!.width;
        assert.ok(width <= viewport, `${what} at ${label} is ${width} px wide`);
      };
      // Found from the document library.
      await p.goto(`${site.url}/documents`);
      await p.locator('main').getByRole('link', { name: '政府公报', exact: true }).click();
      await p.waitForURL(/\/gazette$/);
      assert.match(await p.locator('h1').innerText(), /公报$/);
      await fits('the gazette index');
      await assertAccessible(p, `the gazette index at ${label}`);
      // The newest issue of the demo city's gazette, from the index.
      await p.locator('ul.doc-list a[href^="/gazette/"]').first().click();
      await p.waitForURL(/\/gazette\/\d{4}\/\d+$/);
      assert.ok((await p.locator('h2', { hasText: '本期目录' }).count()) === 1);
      await fits('a gazette issue');
      if (p === phone) await screenshot(p, 'gazette-issue-375');
      await assertAccessible(p, `a gazette issue at ${label}`);
      await p.goto(`${site.url}/gazette`);
      await p.locator('#f-q').fill('管理办法');
      await p.locator('form[action="/gazette"] button').click();
      await p.waitForURL(/\/gazette\?q=/);
      assert.match(await p.locator('main p[role="status"]').innerText(), /找到/);
      await fits('a gazette search');
      await assertAccessible(p, `a gazette search at ${label}`);
    }
  });
});
