// The deadline calculator in a real browser: after 计算 the result is where the eye goes (the page
// scrolls to it), dates typed the way people write them work, and the page passes axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  assertAccessible,
  closeSession,
  describeWithBrowser,
  openSession,
  screenshot,
  type SiteUnderTest,
} from './browser.js';

describeWithBrowser('期限计算 in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;
  before(async () => ({ browser, site, page } = await openSession()));
  after(() => closeSession({ browser, site }));

  test('pressing 计算 brings the result into view; 2026/9/30 is understood', async () => {
    await page.goto(`${site.url}/deadlines`);
    await page.fill('#f-received', '2026/9/30');
    await page.fill('#f-extend', '20');
    await page.click('main button[type=submit]');
    await page.waitForURL(/#result$/);
    const due = page.locator('#result .due-date');
    assert.equal(await due.innerText(), '2026年12月1日');
    // The result's heading is inside the viewport, not below the form.
    const box = await page.locator('#result-title').boundingBox();
    const viewport = page.viewportSize();
    assert.ok(box && viewport && box.y >= 0 && box.y < viewport.height, `result at y=${box?.y}`);
    assert.equal(await page.inputValue('#f-received'), '2026/9/30', 'the form keeps what was typed');
    await screenshot(page, 'deadlines-result');
    await assertAccessible(page, 'the deadline calculator with a result');
  });
});
