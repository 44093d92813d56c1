// Notices in a real browser: the case page's 告知书 section (download links, 记录送达 with a date
// refused and then accepted), and the office head's template editor (an unknown placeholder shown
// in the error summary, the preview laid out like paper). Every page checked with axe-core, also at
// a phone's width.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { recordApplicationEvent } from '../../src/commands/applications/record.js';
import { submitApplication } from '../../src/commands/applications/submit.js';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import { appUser } from '../../src/db/schema.js';
import { localDate } from '../../src/lib/time.js';
import { actorOf, validApplication } from '../support/applications.js';
import {
  assertAccessible,
  closeSession,
  describeWithBrowser,
  openSession,
  screenshot,
  type BrowserSession,
} from './browser.js';

// Browser globals used inside page.evaluate (the project does not load the DOM lib).
declare const document: { scrollingElement: { scrollWidth: number } | null };

/** Wider than the 390 px screen: the page scrolls sideways. */
const scrollsSideways = (page: Page) =>
  page.evaluate(() => (document.scrollingElement?.scrollWidth ?? 0) > 390);

describeWithBrowser('notices in the back office, in a browser', () => {
  let s: BrowserSession;
  let caseUrl: string;
  let replyNumber: string;
  let today: string;

  before(async () => {
    s = await openSession();
    const deps = s.site.t.deps;
    today = localDate(deps.now());
    const [officer] = await deps.db.select().from(appUser).where(eq(appUser.login, 'jyj.officer'));
    const actor = await actorOf(deps, officer!.id);
    const app = await submitApplication(
      deps,
      { actor },
      validApplication('JN.JYJ', { name: '送达测试申请人', delivery: 'post' }),
      { receipt: { channel: 'in-person', submittedOn: today } },
    );
    const r = await recordApplicationEvent(
      deps,
      { actor },
      {
        applicationId: app.id,
        version: 1,
        event: { type: 'decisionServed', on: today, outcome: 'granted' },
      },
    );
    replyNumber = r.notice!.number!;
    caseUrl = `${s.site.url}/admin/applications/${app.id}`;
  });
  after(() => closeSession(s));

  async function logIn(page: Page, login: string): Promise<void> {
    await page.context().clearCookies();
    await page.goto(`${s.site.url}/admin/login`);
    await page.getByLabel('登录名').fill(login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin(\/|$)/);
  }

  test('the officer sees the notices, records 送达 (a date in the future is refused first)', async () => {
    const page = s.page;
    await logIn(page, 'jyj.officer');
    await page.goto(caseUrl);
    const section = page.locator('#notices');
    await assertAccessible(page, 'the case page with its notices');
    assert.ok((await section.textContent())?.includes(replyNumber));
    assert.equal(await section.getByRole('link', { name: '导出案卷（ZIP）' }).count(), 1);

    const reply = section.locator('li', { hasText: replyNumber });
    await reply.getByText('记录送达', { exact: true }).first().click();
    await reply.getByLabel('送达方式').selectOption('post');
    await reply.getByLabel('送达日期').fill('2099-01-01');
    await reply.getByRole('button', { name: '记录送达' }).click();
    await page.getByRole('heading', { name: /记录送达/ }).waitFor();
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /送达日期不能晚于今天/);
    await assertAccessible(page, 'the 送达 form with an error');

    await page.getByLabel('送达日期').fill(today);
    await page.getByRole('button', { name: '记录送达' }).click();
    await page.waitForURL(/done=service/);
    assert.match((await page.locator('[role="status"]').first().textContent()) ?? '', /告知书送达/);
    assert.match(
      (await page.locator('#notices li', { hasText: replyNumber }).textContent()) ?? '',
      /邮寄送达/,
    );
    await page.setViewportSize({ width: 390, height: 844 });
    await page.locator('#notices').scrollIntoViewIfNeeded();
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling at 390 px');
    await screenshot(page, 'notices-case-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  test('the office head edits a template: an unknown placeholder is named in the error summary, the preview reads like paper', async () => {
    const page = s.page;
    await logIn(page, 'jyj.head');
    await page.getByRole('link', { name: '告知书模板' }).click();
    await page.getByRole('heading', { name: '告知书模板' }).waitFor();
    await assertAccessible(page, 'the template list');
    await page.getByRole('link', { name: /编辑\s*：答复书（予以公开）/ }).click();
    await page.getByRole('heading', { name: /编辑模板/ }).waitFor();
    await assertAccessible(page, 'the template editor');
    assert.match((await page.locator('.notice-paper').textContent()) ?? '', /张三：/);

    const body = page.getByLabel('正文');
    await body.fill(`{{申请人}}\n${await body.inputValue()}`);
    await page.getByRole('button', { name: '保存模板' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /「\{\{申请人\}\}」不存在/);
    await assertAccessible(page, 'the template editor with an error');
    await screenshot(page, 'notices-template-error');
    await page.setViewportSize({ width: 390, height: 844 });
    assert.equal(await scrollsSideways(page), false, 'no sideways scrolling at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
