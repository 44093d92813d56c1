// The appeals register in a real browser: an officer of the demo city registers a 行政诉讼 (first with
// a mistake, answered by the error summary), records its result, and reads table 四 — every page
// checked with axe-core, the table 四 preview at phone width scrolling inside its own box.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import {
  assertAccessible,
  describeWithBrowser,
  launchBrowser,
  newContext,
  startSite,
  type SiteUnderTest,
} from './browser.js';

declare const document: { scrollingElement: { scrollWidth: number } | null };

describeWithBrowser('appeals register in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await launchBrowser();
    site = await startSite();
    page = await (await newContext(browser)).newPage();
    await page.goto(`${site.url}/admin/login`);
    await page.getByLabel('登录名').fill('jn.officer');
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin(\/account\/password)?$/);
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('register a lawsuit, fix the mistake the summary names, record the result, read table 四', async () => {
    await page.goto(`${site.url}/admin/appeals`);
    assert.equal(await page.locator('h1').innerText(), '复议诉讼');
    await assertAccessible(page, 'the appeals list');
    await page.getByRole('link', { name: '登记案件' }).click();
    await page.getByLabel('案件类型').selectOption({ label: '行政诉讼' });
    await page.getByLabel('复议后起诉（经过行政复议后起诉）').check();
    await page.getByLabel('被申请（被诉）机关').selectOption({ index: 1 });
    await page.getByLabel('申请人（原告）').fill('陈某');
    await page.getByLabel('复议机关或受理法院').fill('江南市中级人民法院');
    await page.getByLabel('申请（起诉）日期').fill('2099-01-01');
    await page.getByRole('button', { name: '登记' }).click();
    const summary = page.locator('.error-summary');
    assert.match(await summary.innerText(), /申请（起诉）日期不能晚于今天/);
    await assertAccessible(page, 'the appeal form with errors');
    const year = new Date().getFullYear();
    await page.getByLabel('申请（起诉）日期').fill(`${year}-01-05`);
    await page.getByRole('button', { name: '登记' }).click();
    await page.waitForURL(/\/admin\/appeals\/\d+\?done=created$/);
    assert.match(await page.locator('h1').innerText(), /行政诉讼（复议后起诉）：陈某/);
    await assertAccessible(page, 'an appeal');
    await page.getByLabel('审理结果', { exact: true }).selectOption({ label: '结果维持' });
    await page.getByLabel('审结日期', { exact: true }).fill(`${year}-01-06`);
    await page.getByRole('button', { name: '保存' }).click();
    await page.waitForURL(/done=updated$/);
    assert.match(await page.locator('.summary-list').innerText(), /结果维持/);

    await page.goto(`${site.url}/admin/appeals/table4?year=${year}`);
    const upheld = Number(await page.locator('[data-cell="suitAfterReview.upheld"]').innerText());
    assert.ok(upheld >= 1, 'the lawsuit is counted under 复议后起诉 · 结果维持');
    await assertAccessible(page, 'the table 四 preview');
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    assert.ok(width <= 390, `the table 四 preview scrolls sideways at 390 px: ${width} px`);
  });
});
