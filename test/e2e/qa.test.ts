// 政策问答 in a real browser at phone width (390 px) on the demo city: a resident searches the Q&A
// library, opens an answer, votes 没用 with a comment (no JavaScript needed) and reads the thanks; the
// office head opens the back-office list and an item flagged for attention. Every page checked with
// axe-core and for sideways scrolling.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import {
  assertAccessible,
  closeSession,
  describeWithBrowser,
  openSession,
  type SiteUnderTest,
} from './browser.js';

const WIDTH = 390;
declare const document: { scrollingElement: { scrollWidth: number } | null };

describeWithBrowser('答问知识库 in a browser at phone width', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;

  before(
    async () =>
      ({ browser, site, page } = await openSession({
        locale: 'zh-CN',
        viewport: { width: WIDTH, height: 844 },
        // axe-core is added as a script tag, which the site's CSP would refuse.
        bypassCSP: true,
      })),
  );
  after(() => closeSession({ browser, site }));

  const fits = async (label: string) => {
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    assert.ok(width <= WIDTH, `${label} scrolls sideways: ${width} px`);
    await assertAccessible(page, label);
  };

  test('a resident searches, reads an answer and votes (plain forms, no script of ours)', async () => {
    await page.goto(`${site.url}/qa`);
    assert.equal(await page.locator('h1').innerText(), '政策问答');
    await fits('the Q&A list');
    await page.getByLabel('搜索问答').fill('租房 公积金');
    await page.getByRole('search', { name: '搜索政策问答' }).getByRole('button', { name: '搜索' }).click();
    await fits('the Q&A search results');
    await page.getByRole('link', { name: '租房可以提取住房公积金吗？' }).click();
    assert.equal(await page.locator('h1').innerText(), '租房可以提取住房公积金吗？');
    await fits('an answer');
    await page.getByLabel('意见或建议（可不填）').fill('希望写明租房提取的到账时间。');
    await page.getByRole('button', { name: '没用' }).click();
    assert.match(await page.locator('.qa-feedback').innerText(), /感谢您的反馈/);
    await fits('the answer after a vote');
  });

  test('the office head sees the list with its flags and an item with its feedback', async () => {
    await page.goto(`${site.url}/admin/login`);
    await page.getByLabel('登录名').fill('jn.head');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.goto(`${site.url}/admin/qa?flag=review`);
    assert.equal(await page.locator('h1').innerText(), '答问知识库');
    assert.ok((await page.locator('tbody tr').count()) > 0, 'some demo items are past their review date');
    await fits('the back-office Q&A list');
    await page.locator('tbody tr a').first().click();
    assert.match(await page.locator('.notice-warning').first().innerText(), /已过复核日期/);
    await fits('a back-office Q&A item');
  });
});
