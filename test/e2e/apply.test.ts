// 依申请公开 in a real browser: an applicant finds the agency, fills in the form, corrects a mistake
// the form names, checks the answers, changes one, attaches a file, submits, keeps the tracking
// number and the query code, and looks the application up — on a desktop and at phone width
// (375 px), every page checked with axe-core and none wider than the screen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { VALID_RESIDENT_ID } from '../support/applications.js';
import {
  assertAccessible,
  closeSession,
  describeWithBrowser,
  focusedId,
  openSession,
  screenshot,
  type SiteUnderTest,
} from './browser.js';

declare const document: { documentElement: { scrollWidth: number } };

/** No page is wider than the screen. */
async function assertFits(page: Page, width: number, label: string): Promise<void> {
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(scroll <= width, `${label} is ${scroll}px wide at a ${width}px screen`);
}

/** One applicant's journey; returns the tracking number and the query code shown. */
async function apply(page: Page, url: string, width: number, tag: string) {
  await page.goto(`${url}/`);
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '依申请公开' }).click();
  await page.waitForURL(/\/apply$/);
  assert.equal(await page.locator('h1').innerText(), '在线申请政府信息公开');
  await assertAccessible(page, `the application form (${tag})`);
  await assertFits(page, width, 'the application form');

  // Find the agency by name: the one match is chosen.
  await page.getByLabel('按名称查找机关').fill('教育局');
  await page.getByRole('button', { name: '查找' }).click();
  await page.waitForURL(/\/apply\?q=/);
  assert.match(await page.getByLabel('受理机关').inputValue(), /^JN\.JYJ$/);

  // A first try with a mistyped identity number: the form names it.
  await page.getByLabel('自然人', { exact: true }).check();
  await page.getByLabel('姓名或名称').fill('王小明');
  await page.getByLabel('居民身份证', { exact: true }).check();
  await page.getByLabel('证件号码').fill('320508198503121235');
  await page.getByLabel('联系电话').fill('13912345678');
  await page.getByLabel('所需政府信息的描述').fill('请公开本市2026年义务教育阶段学校招生计划及各校招生人数');
  await page.getByLabel('电子', { exact: true }).check();
  await page.getByLabel('网上获取（本平台）').check();
  await page.getByRole('button', { name: '下一步：核对申请信息' }).click();
  await page.waitForURL(/\/apply\/check$/);
  const summary = page.locator('.error-summary');
  assert.match(await summary.innerText(), /公民身份号码的校验位不正确/);
  assert.match(await page.title(), /^错误：/);
  await assertAccessible(page, `the form with an error (${tag})`);
  await summary.getByRole('link', { name: '公民身份号码的校验位不正确' }).click();
  assert.equal(await focusedId(page), 'f-idNumber');
  // What was typed is still there.
  assert.equal(await page.getByLabel('姓名或名称').inputValue(), '王小明');
  await page.getByLabel('证件号码').fill(VALID_RESIDENT_ID);
  await page.getByRole('button', { name: '下一步：核对申请信息' }).click();

  // Check the answers; change the name through 修改.
  await page.waitForURL(/\/apply\/check$/);
  assert.equal(await page.locator('h1').innerText(), '核对申请信息');
  const main = await page.locator('main').innerText();
  for (const shown of ['江南市教育局', '王小明', VALID_RESIDENT_ID, '13912345678', '网上获取（本平台）'])
    assert.ok(main.includes(shown), `the check page shows ${shown}`);
  await assertAccessible(page, `the check page (${tag})`);
  await assertFits(page, width, 'the check page');
  await page.getByRole('button', { name: '修改 姓名或名称' }).click();
  await page.waitForURL(/\/apply\/edit#f-name$/);
  await page.getByLabel('姓名或名称').fill('王晓明');
  await page.getByRole('button', { name: '下一步：核对申请信息' }).click();
  await page.waitForURL(/\/apply\/check$/);
  assert.ok((await page.locator('main').innerText()).includes('王晓明'));

  // Attach a file and submit.
  await page.getByLabel('上传附件').setInputFiles({
    name: '身份证明.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  });
  await page.getByRole('button', { name: '提交申请' }).click();
  await page.waitForURL(/\/apply\/done$/);
  assert.equal(await page.locator('h1').innerText(), '申请已提交');
  const trackingNumber = (await page.locator('#tracking-number').innerText()).trim();
  const queryCode = (await page.locator('#query-code').innerText()).trim();
  assert.match(trackingNumber, /^\d{4}-\d{7}$/);
  assert.match(queryCode, /^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
  assert.ok(!page.url().includes(queryCode), 'the query code is not in the address');
  assert.match(await page.locator('main').innerText(), /查询码只在本页显示这一次/);
  await screenshot(page, `apply-done-${tag}`);
  await assertAccessible(page, `the confirmation (${tag})`);
  await assertFits(page, width, 'the confirmation');
  return { trackingNumber, queryCode };
}

async function lookUp(page: Page, width: number, tag: string, trackingNumber: string, queryCode: string) {
  await page.getByRole('link', { name: '查询申请办理进度' }).click();
  await page.waitForURL(/\/apply\/lookup$/);
  await assertAccessible(page, `the lookup form (${tag})`);
  await page.getByLabel('申请编号').fill(trackingNumber);
  await page.getByLabel('查询码').fill(queryCode.toLowerCase());
  await page.getByRole('button', { name: '查询' }).click();
  await page.waitForURL(/\/apply\/lookup$/);
  assert.equal(await page.locator('#case-state').innerText(), '办理中');
  assert.match(await page.locator('#due-date').innerText(), /^\d{4}年\d{1,2}月\d{1,2}日$/);
  const main = await page.locator('main').innerText();
  assert.ok(main.includes('江南市教育局'));
  assert.ok(main.includes('收到申请'));
  assert.ok(!page.url().includes(queryCode.toLowerCase()));
  await assertAccessible(page, `the lookup result (${tag})`);
  await assertFits(page, width, 'the lookup result');
}

describeWithBrowser('依申请公开 in a browser', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  let page: Page;
  before(async () => ({ browser, site, page } = await openSession()));
  after(() => closeSession({ browser, site }));

  test('on a desktop: apply, keep the code, look the application up', async () => {
    const { trackingNumber, queryCode } = await apply(page, site.url, 1280, 'desktop');
    await lookUp(page, 1280, 'desktop', trackingNumber, queryCode);
    // The 登记回执 served online is listed; its PDF downloads with the code in the POST body only.
    const item = page.locator('.notice-list li').filter({ hasText: '政府信息公开申请登记回执' });
    assert.equal(await item.count(), 1);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByRole('button', { name: /下载 PDF/ }).click(),
    ]);
    assert.match(download.suggestedFilename(), /登记回执\.pdf$/);
    assert.ok(!download.url().includes(queryCode));
    const file = await download.path();
    assert.equal(readFileSync(file).subarray(0, 5).toString('latin1'), '%PDF-');
  });

  test('a wrong query code is refused without saying which of the two was wrong', async () => {
    await page.goto(`${site.url}/apply/lookup`);
    await page.getByLabel('申请编号').fill('2026-0000001');
    await page.getByLabel('查询码').fill('AAAA-BBBB-CCCC');
    await page.getByRole('button', { name: '查询' }).click();
    assert.match(await page.locator('.error-summary').innerText(), /申请编号或查询码不正确/);
    await assertAccessible(page, 'the lookup refusal');
  });

  test('at phone width (375 px): the same journey fits the screen', async () => {
    const context = await browser.newContext({
      bypassCSP: true,
      locale: 'zh-CN',
      viewport: { width: 375, height: 812 },
      isMobile: true,
      hasTouch: true,
    });
    try {
      const phone = await context.newPage();
      const { trackingNumber, queryCode } = await apply(phone, site.url, 375, 'phone');
      await lookUp(phone, 375, 'phone', trackingNumber, queryCode);
    } finally {
      await context.close();
    }
  });
});
