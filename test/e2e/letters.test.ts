// 政民互动 in a real browser (issue 13, Must show): a resident writes to the 市长信箱 and keeps the
// tracking number and query code; the city office accepts the letter and hands it to 市教育局; the
// bureau's officer drafts the reply; the office head approves it; the publisher publishes it with
// the resident's name masked; the resident looks the letter up, reads the reply and rates it; the
// public list shows it with the masked name and no phone. Every page is checked with axe-core, on
// a desktop (1280 px) and at phone width (390 px), none wider than the screen.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import {
  assertAccessible,
  closeSession,
  describeWithBrowser,
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

interface Screen {
  width: number;
  tag: string;
}

/** A new browser context of that width (a phone: touch, mobile viewport). */
function contextFor(browser: Browser, s: Screen): Promise<BrowserContext> {
  return browser.newContext({
    bypassCSP: true,
    locale: 'zh-CN',
    viewport: { width: s.width, height: s.width < 500 ? 844 : 900 },
    ...(s.width < 500 ? { isMobile: true, hasTouch: true } : {}),
  });
}

/** The page checked: accessible and not wider than the screen. */
async function check(page: Page, s: Screen, label: string): Promise<void> {
  await assertAccessible(page, `${label} (${s.tag})`);
  await assertFits(page, s.width, `${label} (${s.tag})`);
}

describeWithBrowser('政民互动: a letter to the mayor from writing to rating', () => {
  let site: SiteUnderTest;
  let browser: Browser;
  before(async () => ({ browser, site } = await openSession()));
  after(() => closeSession({ browser, site }));

  /** A staff member's page in a context of their own, logged in. */
  async function staff(s: Screen, login: string): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await contextFor(browser, s);
    const page = await context.newPage();
    await page.goto(`${site.url}/admin/login`);
    await page.getByLabel('登录名').fill(login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
    return { page, close: () => context.close() };
  }

  /** Opens the letter's case page from the inbox, found by its tracking number. */
  async function openCase(page: Page, s: Screen, trackingNumber: string): Promise<void> {
    await page.goto(`${site.url}/admin/letters`);
    await check(page, s, 'the letter inbox');
    const filters = page.locator('main');
    // Every state: a replied letter is no longer in the default list of open ones.
    await filters.getByLabel('状态', { exact: true }).selectOption({ label: '全部' });
    await filters.getByLabel('搜索', { exact: true }).fill(trackingNumber);
    await filters.getByRole('button', { name: '筛选' }).click();
    await page.getByRole('link', { name: trackingNumber }).click();
    await page.waitForURL(/\/admin\/letters\/\d+$/);
    assert.ok((await page.locator('main').innerText()).includes(trackingNumber));
  }

  /** Opens one action's form on the case page (a details element). */
  async function action(page: Page, id: string) {
    const box = page.locator(`#${id}`);
    if ((await box.getAttribute('open')) === null) await box.locator('> summary').click();
    return box;
  }

  async function journey(s: Screen, writer: { name: string; masked: string; phone: string }) {
    const title = `${s.tag === 'phone' ? '手机' : '电脑'}上反映：梅园路人行道破损请尽快修复`;
    const content = `我是梅园路附近的居民${writer.name}，梅园路人行道多处地砖松动破损，下雨后积水，老人出行容易摔倒，请有关部门尽快修复。`;
    const replyText =
      '您好！您反映的梅园路人行道破损问题已转请养护单位处理，将于两周内完成地砖更换。感谢您的反映。';

    // ——— the resident writes to the mayor ———
    const resident = await contextFor(browser, s);
    const page = await resident.newPage();
    await page.goto(`${site.url}/`);
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '政民互动' }).click();
    await page.waitForURL(/\/interaction$/);
    await check(page, s, 'the 政民互动 hub');
    await page.goto(`${site.url}/mailboxes`);
    await check(page, s, 'the mailboxes');
    await page.getByRole('link', { name: '市长信箱' }).first().click();
    await page.waitForURL(/\/mailboxes\/mayor$/);
    assert.equal(await page.locator('h1').innerText(), '市长信箱');
    await check(page, s, 'the mayor’s mailbox');
    await page.getByLabel('投诉', { exact: true }).check();
    await page.getByLabel(/^姓名/).fill(writer.name);
    await page.getByLabel(/^联系电话/).fill(writer.phone);
    await page.getByLabel(/^标题/).fill(title);
    await page.getByLabel(/^留言内容/).fill(content);
    await page.getByLabel('同意公开我的留言').check();
    await page.getByRole('button', { name: '提交留言' }).click();
    await page.waitForURL(/\/letters\/done$/);
    assert.equal(await page.locator('h1').innerText(), '留言已提交');
    const trackingNumber = (await page.locator('#tracking-number').innerText()).trim();
    const queryCode = (await page.locator('#query-code').innerText()).trim();
    assert.match(trackingNumber, /^MAYOR\d{13}$/);
    assert.match(queryCode, /^\d{6}$/);
    assert.ok(!page.url().includes(queryCode), 'the query code is not in the address');
    await check(page, s, 'the confirmation');
    await screenshot(page, `letters-done-${s.tag}`);

    // ——— the city office accepts the letter and hands it to 市教育局 ———
    const officer = await staff(s, 'jn.officer');
    await openCase(officer.page, s, trackingNumber);
    await check(officer.page, s, 'the new letter');
    const accept = await action(officer.page, 'act-accept');
    await accept.getByRole('button', { name: '受理' }).click();
    await officer.page.waitForURL(/\/admin\/letters\/\d+/);
    const assign = await action(officer.page, 'act-assign');
    await assign.getByLabel('承办单位').selectOption({ label: '江南市教育局' });
    await assign.getByRole('button', { name: '交承办单位（分配承办人）' }).click();
    await officer.page.waitForURL(/\/admin\/letters\/\d+/);
    assert.ok((await officer.page.locator('main').innerText()).includes('江南市教育局'));
    await check(officer.page, s, 'the assigned letter');
    await officer.close();

    // ——— the bureau's officer drafts the reply ———
    const unit = await staff(s, 'jyj.officer');
    await openCase(unit.page, s, trackingNumber);
    const reply = await action(unit.page, 'reply');
    await reply.getByLabel('答复内容').fill(replyText);
    await reply.getByRole('button', { name: '提交审核' }).click();
    await unit.page.waitForURL(/\/admin\/letters\/\d+/);
    await check(unit.page, s, 'the letter in review');
    await unit.close();

    // ——— the office head approves it: the writer is answered ———
    const head = await staff(s, 'jn.head');
    await openCase(head.page, s, trackingNumber);
    const review = await action(head.page, 'act-review');
    assert.ok((await review.innerText()).includes(replyText));
    await review.getByRole('button', { name: '审核通过并答复' }).click();
    await head.page.waitForURL(/\/admin\/letters\/\d+/);
    await check(head.page, s, 'the replied letter');
    await head.close();

    // ——— the publisher publishes it, the name masked ———
    const publisher = await staff(s, 'jn.publisher');
    await openCase(publisher.page, s, trackingNumber);
    const publication = await action(publisher.page, 'publication');
    const suggested = await publication.getByLabel('公开的来信内容').inputValue();
    assert.ok(!suggested.includes(writer.name), 'the suggestion masks the name');
    assert.ok(suggested.includes(writer.masked), `the masked name ${writer.masked} stands in`);
    assert.ok(
      (await publication.innerText()).includes(`${writer.name} → ${writer.masked}`),
      'the finding is listed',
    );
    await check(publisher.page, s, 'the publication editor');
    await publication.getByRole('button', { name: '核对无误，公开' }).click();
    await publisher.page.waitForURL(/\/admin\/letters\/\d+/);
    await publisher.close();

    // ——— the resident looks it up with the query code and rates the reply ———
    await page.goto(`${site.url}/letters/lookup`);
    await check(page, s, 'the lookup form');
    await page.getByLabel('留言编号').fill(trackingNumber);
    await page.getByLabel('查询码').fill(queryCode);
    await page.getByRole('button', { name: '查询' }).click();
    assert.equal(await page.locator('#letter-state').innerText(), '已答复');
    assert.ok((await page.locator('#reply-text').innerText()).includes(replyText));
    assert.ok(!page.url().includes(queryCode));
    await check(page, s, 'the lookup result');
    await page.getByLabel('满意', { exact: true }).check();
    await page.getByLabel('意见（选填）').fill('处理及时，谢谢。');
    await page.getByRole('button', { name: '提交评价' }).click();
    assert.equal(await page.locator('#satisfaction').innerText(), '满意');
    await check(page, s, 'the rated letter');

    // ——— the public list: the masked name, no phone ———
    await page.goto(`${site.url}/letters`);
    await check(page, s, 'the published letters');
    const listed = page.locator('main').getByRole('link', { name: title });
    assert.equal(await listed.count(), 1, 'the letter is listed');
    await listed.click();
    await page.waitForURL(/\/letters\/MAYOR\d+$/);
    const shown = await page.locator('main').innerText();
    assert.ok(shown.includes(writer.masked), 'the masked name is shown');
    assert.ok(shown.includes(replyText), 'the reply is shown');
    assert.ok(shown.includes('江南市教育局'), 'the answering unit is shown');
    for (const secret of [writer.name, writer.phone])
      assert.ok(!shown.includes(secret), `the public page does not show ${secret}`);
    await check(page, s, 'the published letter');
    await screenshot(page, `letters-published-${s.tag}`);
    const html = await page.content();
    assert.ok(!html.includes(writer.phone) && !html.includes(writer.name));
    await resident.close();
  }

  test('on a desktop (1280 px)', async () => {
    await journey(
      { width: 1280, tag: 'desktop' },
      { name: '欧阳明辉', masked: '欧**辉', phone: '19900009871' },
    );
  });

  test('at phone width (390 px)', async () => {
    await journey({ width: 390, tag: 'phone' }, { name: '司马文静', masked: '司**静', phone: '19900009872' });
  });
});
