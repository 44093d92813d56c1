// The portal's 年报 column in a real browser: a report of the demo city government, published through
// the workflow's commands, on its list and its own page at 1280 and 390 px — checked with axe-core,
// the page itself never wider than the phone (the report's tables scroll inside their own box).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { saveReportTexts } from '../../src/commands/reports/save-report.js';
import { findAgencyByCode } from '../../src/queries/agencies.js';
import { enterEveryFigure, submitApprovePublish, SYSTEM_ACTOR } from '../support/annual-report-workflow.js';
import {
  assertAccessible,
  closeSession,
  describeWithBrowser,
  openSession,
  screenshot,
  type SiteUnderTest,
} from './browser.js';

declare const document: { scrollingElement: { scrollWidth: number } | null };

describeWithBrowser('annual reports on the portal in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;
  let url: string;
  let listUrl: string;
  before(async () => {
    ({ browser, site, page } = await openSession());
    const deps = site.t.deps;
    const jn = (await findAgencyByCode(deps.db, 'JN'))!;
    const year = new Date().getFullYear() - 1;
    const key = { agencyId: jn.id, year, scope: 'own' as const };
    await enterEveryFigure(deps, jn.id, year, 6);
    await saveReportTexts(deps, SYSTEM_ACTOR, {
      ...key,
      overviewProactive: '本机关坚持以公开为常态、不公开为例外，全面推进政府信息主动公开。',
      overviewApplications: '全年共收到政府信息公开申请{{本年新收申请}}件。',
      overviewManagement: '加强政府信息公开审查，规范政府信息管理。',
      overviewPlatform: '完善政府信息公开平台，优化栏目设置。',
      overviewSupervision: '将政务公开工作纳入绩效考核，开展业务培训。',
      problems: '政策解读形式还不够丰富。下一步将加强图解、视频解读。',
      other: '本年度收取信息处理费{{信息处理费}}元。',
    });
    await submitApprovePublish(deps, key);
    listUrl = `${site.url}/agencies/JN/annual-reports`;
    url = `${listUrl}/${year}/own`;
  });
  after(() => closeSession({ browser, site }));

  test('the 年报 list and a published report pass axe at 1280 px and at 390 px', async () => {
    await page.goto(listUrl);
    await page.getByRole('link', { name: /江南市人民政府\d{4}年政府信息公开工作年度报告/ }).click();
    await page.waitForURL(url);
    assert.match(
      await page.locator('h1').first().innerText(),
      /江南市人民政府\d{4}年政府信息公开工作年度报告/,
    );
    assert.ok((await page.locator('table caption').count()) >= 3, 'tables 二, 三 and 四 have captions');
    await screenshot(page, 'annual-report-1280');
    await assertAccessible(page, 'a published annual report at 1280 px');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    const width = await page.evaluate(() => document.scrollingElement?.scrollWidth ?? 0);
    assert.ok(width <= 390, `the report page scrolls sideways at 390 px: ${width} px`);
    await screenshot(page, 'annual-report-390');
    await assertAccessible(page, 'a published annual report at 390 px');

    await page.goto(listUrl);
    await assertAccessible(page, 'the 年报 list at 390 px');
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.reload();
    await assertAccessible(page, 'the 年报 list at 1280 px');
  });
});
