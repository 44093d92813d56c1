// 年报体检 in a real browser: paste a report with one wrong cell, see that cell highlighted and
// explained; upload a Word file; every page checked with axe-core.
import assert from 'node:assert/strict';
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { fixtureText, sampleDocx, withChangedCell } from '../support/report-check.js';
import {
  assertAccessible,
  computedStyle,
  describeWithBrowser,
  launchBrowser,
  newContext,
  screenshot,
  startSite,
  type SiteUnderTest,
} from './browser.js';

describeWithBrowser('年报体检 in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;
  let dir: string;
  before(async () => {
    browser = await launchBrowser();
    site = await startSite();
    page = await (await newContext(browser)).newPage();
    dir = await mkdtemp(join(tmpdir(), 'gk-report-check-'));
  });
  after(async () => {
    await browser?.close();
    await site?.close();
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
    assert.match(page.url(), /#note-1$/);
    assert.match(
      await page.locator('#note-1').innerText(),
      /自然人列：一 \+ 二 = 2739，三（七）\+ 四 = 2738，相差 1/,
    );
    await screenshot(page, 'report-check-result');
    await assertAccessible(page, 'a report check result');
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
