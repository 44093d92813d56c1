// The public portal in a real browser: the 政府信息公开 home, the agency directory and an agency's
// 政府信息公开指南 (条例 第十二条), each checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findAgencyByCode } from '../../src/queries/agencies.js';
import {
  assertAccessible,
  closeSession,
  computedStyle,
  describeWithBrowser,
  focusedId,
  openSession,
  screenshot,
  type SiteUnderTest,
} from './browser.js';

describeWithBrowser('portal in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;
  before(async () => ({ browser, site, page } = await openSession()));
  after(() => closeSession({ browser, site }));

  test('the home page is the city’s 政府信息公开 page, in Chinese, marked as demo data', async () => {
    const res = await page.goto(`${site.url}/`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    const h1 = page.locator('h1');
    assert.equal(await h1.count(), 1);
    assert.match(await h1.innerText(), /江南市人民政府.*政府信息公开/);
    const banner = page.locator('.demo-banner');
    assert.ok(await banner.isVisible(), 'the demo banner is visible');
    assert.match(await banner.innerText(), /演示数据/);
    // The stylesheet really applies (it is served under the CSP): the header is the brand red.
    const headerBg = await computedStyle(page.locator('.site-header'), 'backgroundColor');
    assert.equal(headerBg, 'rgb(164, 22, 26)');
    await screenshot(page, 'portal-home');
    await assertAccessible(page, 'the portal home');
  });

  test('the skip link is the first thing the keyboard reaches and moves focus to the content', async () => {
    await page.goto(`${site.url}/`);
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    assert.equal(await focused.innerText(), '跳到主要内容');
    const box = await focused.boundingBox();
    assert.ok(box && box.x >= 0 && box.y >= 0, 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    assert.match(page.url(), /#main$/);
    assert.equal(await focusedId(page), 'main');
  });

  test('the agency directory lists the demo departments', async () => {
    await page.goto(`${site.url}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '机构目录' }).click();
    await page.waitForURL(/\/agencies$/);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok(
      await page.getByRole('link', { name: '江南市教育局' }).first().isVisible(),
      'a department is listed with a link',
    );
    await assertAccessible(page, 'the agency directory');
  });

  test('an agency’s 政府信息公开指南 gives its office’s contact details', async () => {
    await page.goto(`${site.url}/`);
    await page.getByRole('link', { name: '江南市人民政府办公室', exact: true }).first().click();
    await page.waitForURL(/\/agencies\/JN\.BGS\/guide$/);
    const h1 = await page.locator('h1').innerText();
    assert.match(h1, /江南市人民政府办公室/);
    assert.match(h1, /政府信息公开指南/);
    // 第十二条: the guide gives the disclosure office's name, address, hours, phone, fax and email.
    const body = await page.locator('main').innerText();
    const stored = await findAgencyByCode(site.t.deps.db, 'JN.BGS');
    for (const field of [
      'officeName',
      'address',
      'postalCode',
      'officeHours',
      'phone',
      'fax',
      'email',
    ] as const) {
      const value = stored?.[field];
      assert.ok(value, `the demo agency has a ${field}`);
      assert.ok(body.includes(value), `the guide shows the office's ${field} (${value})`);
    }
    await assertAccessible(page, 'the 指南 page');
  });
});
