// The office's journey in a real browser: an application received a few days ago is in the inbox;
// the officer asks for a correction (one notice listing everything), records the correction (the
// clock restarts: the due date moves), asks for an extension, the head of the office approves it,
// and the officer replies with a partial disclosure citing its ground; the applicant then looks the
// application up and reads the reply as a PDF. Every page checked with axe-core.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { submitApplication } from '../../src/commands/applications/submit.js';
import { DEMO_PASSWORD } from '../../src/demo/city.js';
import { appUser } from '../../src/db/schema.js';
import { localDate } from '../../src/lib/time.js';
import { actorOf, validApplication } from '../support/applications.js';
import {
  assertAccessible,
  closeSession,
  describeWithBrowser,
  newContext,
  openSession,
  screenshot,
  type BrowserSession,
} from './browser.js';

/** 2026年12月28日 → 2026-12-28, to compare dates shown on the page. */
function isoOf(text: string): string {
  const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(text);
  assert.ok(m, `a date in 「${text}」`);
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

describeWithBrowser('the officer handles an application in a browser', () => {
  let s: BrowserSession;
  let caseUrl: string;
  let tracking: string;
  let queryCode: string;

  before(async () => {
    s = await openSession();
    const deps = s.site.t.deps;
    const [officer] = await deps.db.select().from(appUser).where(eq(appUser.login, 'jyj.officer'));
    const actor = await actorOf(deps, officer!.id);
    // Handed in at the counter two days ago (a paper application registered by the office).
    const submittedOn = localDate(new Date(deps.now().getTime() - 2 * 86_400_000));
    const app = await submitApplication(
      deps,
      { actor },
      validApplication('JN.JYJ', {
        name: '浏览器测试申请人',
        description: '请公开本局2026年校舍安全改造项目的招标文件和中标结果',
      }),
      { receipt: { channel: 'in-person', submittedOn } },
    );
    caseUrl = `${s.site.url}/admin/applications/${app.id}`;
    tracking = app.trackingNumber;
    queryCode = app.queryCode;
  });
  after(() => closeSession(s));

  async function logIn(page: Page, login: string): Promise<void> {
    await page.goto(`${s.site.url}/admin/login`);
    await page.getByLabel('登录名').fill(login);
    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(/\/admin$/);
  }

  const dueDate = (page: Page) =>
    page.locator('.summary-row', { hasText: '答复期限' }).first().locator('dd').innerText();

  async function record(page: Page, action: string, fill: (page: Page) => Promise<void>, button: string) {
    await page.locator(`#act-${action} > summary`).click();
    await fill(page);
    await page.locator(`#act-${action}`).getByRole('button', { name: button }).click();
    await page.waitForURL(/\?done=/);
    assert.match(await page.locator('.notice-success').innerText(), /已记录：/);
  }

  test('correction, restart of the clock, extension approved by the head, partial disclosure', async () => {
    const page = s.page;
    await logIn(page, 'jyj.officer');
    await page
      .getByRole('navigation', { name: '后台导航' })
      .getByRole('link', { name: '依申请公开' })
      .click();
    await page.waitForURL(/\/admin\/applications$/);
    await assertAccessible(page, 'the inbox');
    await page.getByRole('link', { name: '登记纸质、当面、邮寄或传真申请' }).click();
    await page.waitForURL(/\/admin\/applications\/new$/);
    await assertAccessible(page, 'the registration form');
    await page.goBack();
    await page.getByRole('link', { name: tracking }).click();
    await page.waitForURL(caseUrl);
    assert.equal(await page.locator('h1').innerText(), `申请 ${tracking}`);
    await assertAccessible(page, 'the case page');
    const before = await dueDate(page);

    // 告知补正: one notice listing everything, with a correction period.
    const correctBy = localDate(new Date(s.site.t.deps.now().getTime() + 14 * 86_400_000));
    await record(
      page,
      'correctionRequested',
      async (p) => {
        await p.locator('#f-correctionRequested-dueBy').fill(correctBy);
        await p
          .locator('#f-correctionRequested-note')
          .fill('1. 请写明招标项目的名称；2. 请写明所需文件的年份。');
      },
      '记录：告知补正',
    );
    assert.match(await dueDate(page), /补正期间不计算答复期限/);
    assert.match(await page.locator('.tag').first().innerText(), /待补正/);
    await assertAccessible(page, 'the case awaiting a correction');

    // 收到补正: the 20 working days run again from today — the due date moves later.
    await record(page, 'correctionReceived', async () => {}, '记录：收到补正');
    const after = await dueDate(page);
    assert.ok(isoOf(after) > isoOf(before), `the due date moves later: ${before} → ${after}`);

    // The officer asks for 10 more working days.
    await record(
      page,
      'extensionRequested',
      async (p) => {
        await p.locator('#f-extensionRequested-workdays').fill('10');
        await p.locator('#f-extensionRequested-reason').fill('需向档案室调取2026年的招标档案');
      },
      '提交负责人批准',
    );
    assert.match(await page.locator('#extension-pending').innerText(), /延期待批准/);
    assert.match(
      await page.locator('#extension-pending').innerText(),
      /只有政府信息公开工作机构负责人可以批准/,
    );

    // The head of the office approves it.
    const headPage = await (await newContext(s.browser)).newPage();
    await logIn(headPage, 'jyj.head');
    await headPage.goto(caseUrl);
    await assertAccessible(headPage, 'the case page with an extension to approve');
    await headPage.locator('#extension-pending').getByRole('button', { name: '批准延长' }).click();
    await headPage.waitForURL(/\?done=extensionApproved/);
    assert.match(await headPage.locator('.notice-success').innerText(), /已记录：批准延长答复期限/);
    assert.match(await headPage.locator('.summary-list').first().innerText(), /原答复期限/);
    const extended = await dueDate(headPage);
    assert.ok(isoOf(extended) > isoOf(after), `the extension moves the due date: ${after} → ${extended}`);
    await headPage.context().close();

    // The officer replies: 部分公开, the withheld part under 第十五条, with reasons.
    await page.goto(caseUrl);
    await page.locator('#act-decisionServed > summary').click();
    await page.locator('#f-outcome').selectOption({ label: '部分公开' });
    await page.getByRole('button', { name: '下一步' }).click();
    await page.waitForURL(/outcome=partial/);
    await assertAccessible(page, 'the decision form');
    await page.locator('#f-decisionServed-ground').selectOption('第十五条');
    await page
      .locator('#f-decisionServed-reasons')
      .fill('中标文件中的投标人报价明细涉及商业秘密，公开会对第三方合法权益造成损害，依法不予公开。');
    await page
      .locator('#f-decisionServed-disclosed')
      .fill('招标文件一份（12页），中标结果公告一份（2页），以电子形式提供。');
    await page.locator('#act-decisionServed').getByRole('button', { name: '作出答复' }).click();
    await page.waitForURL(/\?done=decisionServed/);
    const status = await page.locator('.summary-list').first().innerText();
    assert.match(status, /已答复/);
    assert.match(status, /办理结果：部分公开/);
    const history = await page.locator('section', { hasText: '办理记录' }).locator('table').innerText();
    for (const step of [
      '收到申请',
      '告知补正',
      '收到补正申请',
      '申请延长答复期限',
      '批准延长答复期限',
      '作出答复并送达',
    ])
      assert.match(history, new RegExp(step));
    assert.match(history, /依据：第十五条/);
    await screenshot(page, 'officer-case-decided');
    await assertAccessible(page, 'the decided case');

    // The applicant looks the application up and reads the reply as a PDF.
    const applicant = await (await newContext(s.browser)).newPage();
    await applicant.goto(`${s.site.url}/apply/lookup`);
    await applicant.getByLabel('申请编号').fill(tracking);
    await applicant.getByLabel('查询码').fill(queryCode);
    await applicant.getByRole('button', { name: '查询' }).click();
    await applicant.waitForURL(/\/apply\/lookup$/);
    assert.equal(await applicant.locator('#case-state').innerText(), '已答复');
    assert.match(await applicant.locator('main').innerText(), /部分公开/);
    await assertAccessible(applicant, "the applicant's lookup of the decided case");
    const reply = applicant.locator('.notice-list li').filter({ hasText: '政府信息公开申请答复书' });
    assert.equal(await reply.count(), 1);
    const replyNumber = /[^\s（）]+依复〔\d{4}〕\d+号/.exec(await reply.innerText())?.[0];
    assert.ok(replyNumber, 'the reply is listed with its 文号');
    const [download] = await Promise.all([
      applicant.waitForEvent('download'),
      reply.getByRole('button', { name: /下载 PDF/ }).click(),
    ]);
    const pdf = readFileSync(await download.path());
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = spawnSync('pdftotext', ['-layout', await download.path(), '-'], { encoding: 'utf8' });
    if (text.error === undefined) {
      const flat = text.stdout.replace(/\s+/g, '');
      assert.ok(
        flat.includes(replyNumber.replace(/\s+/g, '')),
        `the PDF carries ${replyNumber}: ${flat.slice(0, 200)}`,
      );
      assert.ok(flat.includes('第十五条'), 'the PDF cites the ground of the withheld part');
      assert.ok(flat.includes('行政复议'), 'the PDF ends with the remedies');
    } else if (process.env.CI) assert.fail('pdftotext is missing (poppler-utils)');
    await applicant.context().close();
  });
});
