// 年报体检 in a real browser: paste a report with one wrong cell, see that cell highlighted and
// explained; upload a Word file; at phone width the page does not scroll sideways (the tables
// scroll in their own box); every page checked with axe-core.
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixtureText, sampleDocx, withChangedCell } from '../support/report-check.js';
import {
  assertAccessible,
  closeSession,
  computedStyle,
  describeWithBrowser,
  openSession,
  screenshot,
  type SiteUnderTest,
} from './browser.js';

const PHONE = 390;

// Browser globals used inside page.evaluate (the project does not load the DOM lib).
declare const document: {
  scrollingElement: { scrollWidth: number } | null;
  querySelectorAll(s: string): ArrayLike<{ clientWidth: number; scrollWidth: number }>;
};

describeWithBrowser('年报体检 in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;
  let dir: string;
  before(async () => {
    ({ browser, site, page } = await openSession());
    dir = await mkdtemp(join(tmpdir(), 'gk-report-check-'));
  });
  after(async () => {
    await closeSession({ browser, site });
    await rm(dir, { recursive: true, force: true });
  });

  test('a pasted report with one wrong cell: the cell stands out and links to its explanation', async () => {
    await page.goto(`${site.url}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '年报体检' }).click();
    await page.waitForURL(/\/report-check$/);
    await assertAccessible(page, 'the report check form');
    await page.getByLabel('粘贴报告内容').fill(withChangedCell(await fixtureText()));
    await page.getByRole('button', { name: '开始体检' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.check-status').innerText(), /有错误/);
    const cell = page.locator('td.cell-suspect');
    assert.equal(await cell.count(), 1);
    assert.match(await cell.innerText(), /^2661\s*⚠[^]*A1 B2$/);
    assert.notEqual(
      await computedStyle(cell, 'backgroundColor'),
      await computedStyle(page.locator('td.num').first(), 'backgroundColor'),
    );
    await cell.getByRole('link', { name: 'A1' }).click();
    assert.match(page.url(), /#violation-1$/);
    assert.match(
      await page.locator('#violation-1').innerText(),
      /自然人列：一 \+ 二 = 2739，三（七）\+ 四 = 2738，相差 1/,
    );
    await screenshot(page, 'report-check-result');
    await assertAccessible(page, 'a report check result');
  });

  test('at 390 px (a phone) the result does not scroll sideways: the tables scroll in their own box', async () => {
    const phone = await (
      await browser.newContext({ bypassCSP: true, locale: 'zh-CN', viewport: { width: PHONE, height: 844 } })
    ).newPage();
    for (const lang of ['zh', 'en']) {
      await phone.goto(`${site.url}/lang?set=${lang}&back=/report-check`);
      await phone.locator('textarea').fill(withChangedCell(await fixtureText()));
      await phone.locator('button[value=check]').click();
      await phone.waitForLoadState();
      assert.equal(await phone.locator('td.cell-suspect').count(), 1);
      const widths = await phone.evaluate(() => ({
        page: document.scrollingElement?.scrollWidth ?? 0,
        boxes: Array.from(document.querySelectorAll('.table-wrap')).map((el) => [
          el.clientWidth,
          el.scrollWidth,
        ]),
      }));
      assert.ok(widths.page <= PHONE, `${lang}: the page is ${widths.page} px wide at ${PHONE} px`);
      // Table 三 is wider than the phone: it scrolls inside its box, which stays within the page.
      assert.ok(
        widths.boxes.some(([client, scroll]) => (scroll ?? 0) > (client ?? 0)),
        'a table scrolls in its box',
      );
      assert.ok(widths.boxes.every(([client]) => (client ?? 0) <= PHONE));
      await screenshot(phone, `report-check-390-${lang}`);
    }
    await phone.context().close();
  });

  test('a Word file can be uploaded', async () => {
    const file = join(dir, 'report.docx');
    await writeFile(file, sampleDocx());
    await page.goto(`${site.url}/report-check`);
    await page.getByLabel('或上传报告文件').setInputFiles(file);
    await page.getByRole('button', { name: '开始体检' }).click();
    await page.waitForLoadState();
    assert.match(await page.locator('.check-status').innerText(), /通过/);
    assert.match(await page.locator('main').innerText(), /report\.docx/);
  });
});
