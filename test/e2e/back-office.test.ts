// The staff journey in a real browser: log in with a printed demo login → dashboard → log out, and a
// wrong password answered with the error summary (GOV.UK pattern). Each page checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/city.js';
import {
  assertAccessible,
  describeWithBrowser,
  focusedId,
  launchBrowser,
  newContext,
  screenshot,
  startSite,
  type SiteUnderTest,
} from './browser.js';

const admin = DEMO_USERS.find((u) => u.role === 'system_admin')!;

describeWithBrowser('back office in a browser', () => {
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

  async function freshPage(): Promise<Page> {
    return (await newContext(browser)).newPage();
  }

  async function fillLogin(page: Page, login: string, password: string): Promise<void> {
    await page.goto(`${site.url}/admin/login`);
    await page.getByLabel('登录名').fill(login);
    await page.getByLabel('密码').fill(password);
    await page.getByRole('button', { name: '登录' }).click();
  }

  test('the login page is accessible', async () => {
    const page = await freshPage();
    const res = await page.goto(`${site.url}/admin/login`);
    assert.equal(res?.status(), 200);
    assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
    assert.equal(await page.locator('h1').innerText(), '工作人员登录');
    await assertAccessible(page, 'the login page');
  });

  test('a printed demo login reaches the dashboard, and logging out ends the session', async () => {
    const page = await freshPage();
    await fillLogin(page, admin.login, DEMO_PASSWORD);
    await page.waitForURL(/\/admin$/);
    assert.equal(await page.locator('h1').innerText(), '工作台');
    assert.match(await page.locator('.user-box').innerText(), new RegExp(admin.displayName));
    assert.ok(await page.locator('.demo-banner').isVisible(), 'the demo banner is visible');
    await screenshot(page, 'admin-dashboard');
    await assertAccessible(page, 'the dashboard');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/admin\/login$/);
    assert.equal(await page.locator('h1').innerText(), '工作人员登录');
    // The old session is gone: the dashboard sends the browser back to the login page.
    await page.goto(`${site.url}/admin`);
    assert.match(page.url(), /\/admin\/login/);
  });

  test('a wrong password shows the error summary whose link leads to the field', async () => {
    const page = await freshPage();
    const answer = page.waitForResponse(
      (r) => r.request().method() === 'POST' && r.url().endsWith('/admin/login'),
    );
    await fillLogin(page, admin.login, 'Wrong-password-1');
    assert.equal((await answer).status(), 422);
    assert.match(await page.title(), /^错误：/);
    const summary = page.locator('.error-summary');
    assert.ok(await summary.isVisible(), 'the error summary is visible');
    assert.match(await summary.innerText(), /存在以下问题/);
    const link = summary.getByRole('link', { name: '登录名或密码不正确' });
    assert.equal(await link.getAttribute('href'), '#f-login');
    // Keyboard only: focus the link, press Enter, and the login field has the focus.
    await link.focus();
    await page.keyboard.press('Enter');
    assert.equal(await focusedId(page), 'f-login');
    await assertAccessible(page, 'the login page with errors');
  });
});
