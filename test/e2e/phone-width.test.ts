// Phones (issue 7 §6): at 390 CSS px, the width of a common phone, no page scrolls sideways — wide
// tables scroll inside their own box — and a date never breaks across two lines.
import { application } from '../../src/db/schema.js';
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD, DEMO_USERS } from '../../src/demo/city.js';
import { findAgencyByCode } from '../../src/queries/agencies.js';
import { closeSession, describeWithBrowser, openSession, type SiteUnderTest } from './browser.js';

const WIDTH = 390;
const admin = DEMO_USERS.find((u) => u.role === 'system_admin')!;

// Browser globals used inside page.evaluate (the project does not load the DOM lib).
declare const document: {
  scrollingElement: { scrollWidth: number } | null;
  querySelectorAll(
    s: string,
  ): ArrayLike<{ getClientRects(): ArrayLike<unknown>; textContent: string | null }>;
};

/** How wide the page's own scrolling area is (more than the viewport = sideways scrolling). */
const scrollWidth = (page: Page) => page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);

/** The dates marked as dates (.nowrap, .due-date) that a line break cut into two boxes. */
const brokenDates = (page: Page) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.nowrap, .due-date'))
      .filter((el) => el.getClientRects().length > 1)
      .map((el) => el.textContent),
  );

describeWithBrowser('pages at phone width (390 px)', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;

  before(
    async () =>
      ({ browser, site, page } = await openSession({
        locale: 'zh-CN',
        viewport: { width: WIDTH, height: 844 },
      })),
  );
  after(() => closeSession({ browser, site }));

  async function assertFits(path: string): Promise<void> {
    const res = await page.goto(`${site.url}${path}`);
    const expected = path.includes('no-such-page') ? 404 : 200;
    assert.equal(res?.status(), expected, `${path} answered ${res?.status()}`);
    const width = await scrollWidth(page);
    assert.ok(width <= WIDTH, `${path} scrolls sideways at ${WIDTH} px: the page is ${width} px wide`);
    assert.deepEqual(await brokenDates(page), [], `${path}: a date breaks across lines`);
  }

  test('every public page fits', async () => {
    const year = new Date().getFullYear();
    for (const path of [
      '/',
      '/agencies',
      '/agencies/JN/guide',
      '/calendar',
      `/calendar/${year}`,
      '/deadlines',
      '/deadlines?received=2026-09-28',
      '/report-check',
      '/apply',
      '/apply/lookup',
      '/interaction',
      '/mailboxes',
      '/mailboxes/mayor',
      '/letters',
      '/letters/lookup',
      '/letters/statistics',
      '/api/docs',
      '/no-such-page',
      '/admin/login',
    ]) {
      await assertFits(path);
    }
  });

  test('the report-check result fits (its tables scroll in their own box)', async () => {
    await page.goto(`${site.url}/report-check`);
    const sample = page.getByRole('button', { name: /示例|样例|试一试/ });
    if ((await sample.count()) > 0) {
      await sample.first().click();
      await page.waitForLoadState('load');
    } else {
      const textarea = page.locator('textarea').first();
      await textarea.fill('一、总体情况\n二、主动公开政府信息情况\n');
      await page.locator('main form button[type=submit]').first().click();
      await page.waitForLoadState('load');
    }
    const width = await scrollWidth(page);
    assert.ok(width <= WIDTH, `the report-check result is ${width} px wide`);
  });

  test('the main back-office pages fit', async () => {
    await page.goto(`${site.url}/admin/login`);
    await page.getByLabel('登录名').fill(admin.login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.locator('form button[type=submit]').click();
    await page.waitForURL(/\/admin(\/account\/password)?$/);
    const city = await findAgencyByCode(site.t.deps.db, 'JN');
    const [first] = await site.t.deps.db.select({ id: application.id }).from(application).limit(1);
    for (const path of [
      '/admin',
      '/admin/agencies',
      `/admin/agencies/${city!.id}`,
      `/admin/agencies/${city!.id}/edit`,
      '/admin/users',
      '/admin/users/new',
      '/admin/audit',
      '/admin/calendar',
      '/admin/applications',
      '/admin/applications?view=all',
      ...(first ? [`/admin/applications/${first.id}`] : []),
      '/admin/documents',
      '/admin/documents/lacking-interpretation',
      '/admin/documents/index-template',
      '/admin/appeals',
      '/admin/appeals/table4',
      '/admin/messages',
      '/admin/notice-templates',
      '/admin/account/password',
      '/admin/no-such-page',
    ]) {
      await assertFits(path);
    }
  });
});
