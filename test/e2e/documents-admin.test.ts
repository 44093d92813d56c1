// 主动公开 in a real browser, checked with axe-core: the officer's list, the form with its error
// summary, the saved draft's page, and the head publishing it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/city.js';
import {
  assertAccessible,
  describeWithBrowser,
  launchBrowser,
  newContext,
  startSite,
  type SiteUnderTest,
} from './browser.js';

const officer = DEMO_USERS.find((u) => u.login === 'jn.officer')!;
const head = DEMO_USERS.find((u) => u.login === 'jn.head')!;

describeWithBrowser('the document library in the back office, in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  before(async () => {
    browser = await launchBrowser();
    site = await startSite();
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function loggedIn(login: string): Promise<Page> {
    const page = await (await newContext(browser)).newPage();
    await page.goto(`${site.url}/admin/login`);
    await page.getByLabel('登录名').fill(login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin(\/account\/password)?$/);
    return page;
  }

  test('an officer drafts a document: list, form, error summary and the saved page are accessible', async () => {
    const page = await loggedIn(officer.login);
    await page.getByRole('link', { name: '主动公开', exact: true }).first().click();
    await page.waitForURL(/\/admin\/documents$/);
    await assertAccessible(page, 'the document list');
    await page.getByRole('link', { name: '新建文件或解读' }).click();
    await assertAccessible(page, 'the new document form');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForLoadState('load');
    assert.match(await page.locator('.error-summary').innerText(), /请填写标题/);
    await assertAccessible(page, 'the form with its errors');
    await page.getByLabel('标题').fill('江南市关于进一步做好政务公开工作的通知');
    await page.getByLabel('发文字号').fill('江南府办[2026]21号');
    await page.getByLabel('正文').fill('各区人民政府，市各委办局：\n现就进一步做好政务公开工作通知如下。');
    await page.getByRole('button', { name: '保存草稿' }).click();
    await page.waitForURL(/\/admin\/documents\/\d+\?done=created$/);
    assert.match(await page.locator('[role=status]').first().innerText(), /草稿已保存/);
    await assertAccessible(page, 'the saved draft');
    await page.getByRole('button', { name: '提交审核' }).click();
    await page.waitForURL(/done=submit$/);
    const url = page.url().replace(/\?.*$/, '');

    const reviewer = await loggedIn(head.login);
    await reviewer.goto(url);
    await reviewer.getByRole('button', { name: '审核发布' }).click();
    await reviewer.waitForURL(/done=publish$/);
    assert.match(await reviewer.locator('main').innerText(), /江南府办〔2026〕21号|江南府办\[2026\]21号/);
    assert.match(await reviewer.locator('.summary-list').innerText(), /索引号\s*\S+\/2026-\d{5}/);
    await assertAccessible(reviewer, 'the published document');
  });
});
