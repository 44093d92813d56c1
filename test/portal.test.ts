import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createAgency } from '../src/commands/create-agency.js';
import { setAgencyActive } from '../src/commands/set-agency-active.js';
import { agency } from '../src/db/schema.js';
import { createTestApp, type TestApp } from './support/app.js';

const SYSTEM = { actor: { system: true as const, label: 'test' } };

describe('the public portal', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ demo: true });
  });
  after(() => t.close());

  const get = (url: string, lang?: 'en') =>
    t.app.inject({ method: 'GET', url: encodeURI(url), headers: lang ? { cookie: `lang=${lang}` } : {} });
  const row = async (code: string) =>
    (await t.deps.db.select().from(agency).where(eq(agency.code, code)))[0]!;
  const h1 = (body: string) => [...body.matchAll(/<h1[^>]*>(.*?)<\/h1>/g)].map((m) => m[1]);
  /** The <li> of an agency's link in a nested list, up to the end of its own sublist. */
  const itemOf = (body: string, name: string) =>
    new RegExp(`<li><a [^>]*>(?:<mark>)?${name}(?:</mark>)?</a>(<ul>.*?</ul>)?</li>`).exec(body);

  test('every portal page names the city government in its header', async () => {
    for (const url of ['/', '/agencies', '/agencies/JN.DC.DH/guide', '/calendar/2026', '/deadlines']) {
      const res = await get(url);
      assert.match(res.body, /<a class="site-name" href="\/">江南市人民政府 政府信息公开<\/a>/, url);
    }
  });

  test('every portal page is Chinese, has one h1 and a skip link, no inline styles and no scripts', async () => {
    for (const url of [
      '/',
      '/agencies',
      '/agencies?q=东城',
      '/agencies/JN/guide',
      '/agencies/JN.DC.DH/guide',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.body, /<html lang="zh-CN">/, url);
      assert.equal(h1(res.body).length, 1, `${url}: one h1`);
      assert.match(res.body, /<a class="skip-link" href="#main">跳到主要内容<\/a>/, url);
      assert.doesNotMatch(res.body, /\sstyle=|<script/, url);
    }
  });

  test('the home page is the city’s 政府信息公开 page with the guide, catalogue and application sections', async () => {
    const res = await get('/');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(h1(res.body), ['江南市人民政府政府信息公开']);
    for (const heading of [
      '政府信息公开指南',
      '政府信息公开目录',
      '依申请公开',
      '市政府部门',
      '县级市（区）',
    ]) {
      assert.match(res.body, new RegExp(`<h[23] id="[^"]+">${heading}</h[23]>`), heading);
    }
    assert.match(res.body, /20 个工作日内答复/);
    assert.match(res.body, /href="\/agencies\/JN\/guide">江南市人民政府政府信息公开指南/);
  });

  test('the home page lists the departments and districts in the database, linking to their guides', async () => {
    await createAgency(t.deps, SYSTEM, (await row('JN')).id, {
      code: 'JN.TEST',
      name: '江南市测试事务局',
      kind: 'department',
      sortOrder: 9999,
    });
    const body = (await get('/')).body;
    const departments = body.slice(body.indexOf('>市政府部门<'), body.indexOf('>县级市（区）<'));
    assert.match(departments, /<a href="\/agencies\/JN.FGW\/guide">江南市发展和改革委员会<\/a>/);
    assert.match(
      departments,
      /<a href="\/agencies\/JN.TEST\/guide">江南市测试事务局<\/a>/,
      'a department added just now',
    );
    const districts = body.slice(body.indexOf('>县级市（区）<'));
    assert.match(districts, /<a href="\/agencies\/JN.DC\/guide">江南市东城区人民政府<\/a>/);
    assert.match(districts, /<a href="\/agencies\/JN.YY\/guide">云阳县人民政府<\/a>/);
  });

  test('every link on the home page and on a guide leads to a page that exists', async () => {
    for (const page of ['/', '/agencies/JN.DC.DH/guide']) {
      const body = (await get(page)).body;
      const hrefs = new Set(
        [...body.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')),
      );
      assert.ok(hrefs.size > 5);
      for (const href of hrefs) {
        const res = await t.app.inject({ method: 'GET', url: href });
        assert.ok(res.statusCode < 400, `${page} → ${href}: ${res.statusCode}`);
      }
    }
  });

  test('the directory nests towns and streets under their district', async () => {
    const res = await get('/agencies');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(h1(res.body), ['机构目录']);
    const dc = itemOf(res.body, '江南市东城区人民政府');
    assert.ok(dc?.[1], 'the district has a sublist');
    assert.match(dc[1], /<a href="\/agencies\/JN.DC.DH\/guide">东城区东华街道办事处<\/a>/);
    assert.doesNotMatch(dc[1], /西城区/);
    assert.match(res.body, /共 \d+ 家机构/);
  });

  test('the directory filters by name with a plain GET form', async () => {
    const page = (await get('/agencies')).body;
    assert.match(page, /<form method="get" action="\/agencies"[^>]*>/);
    assert.match(page, /<label for="f-q">按机构名称查找<\/label>/);

    const edu = (await get('/agencies?q=教育')).body;
    assert.match(edu, /找到 1 家名称包含“教育”的机构/);
    assert.match(edu, /<mark>江南市教育局<\/mark>/);
    assert.doesNotMatch(edu, /江南市公安局|江南市东城区人民政府/);
    assert.match(edu, /value="教育"/, 'the search box keeps the query');

    const east = (await get('/agencies?q=东城')).body;
    assert.match(east, /东城区东华街道办事处/);
    assert.doesNotMatch(east, /西城区|江南市教育局/);

    const town = (await get('/agencies?q=白鹭')).body;
    assert.match(town, /梅山市人民政府/, 'the district of a matching town stays, for context');
    assert.match(town, /<mark>梅山市白鹭镇人民政府<\/mark>/);
    assert.doesNotMatch(town, /茶坞镇/);
  });

  test('a filter without results says so, and the query is escaped', async () => {
    const none = await get('/agencies?q=<b>不存在</b>');
    assert.equal(none.statusCode, 200);
    assert.match(none.body, /没有找到名称包含“&lt;b&gt;不存在&lt;\/b&gt;”的机构/);
    assert.doesNotMatch(none.body, /<b>不存在/);
    assert.match(none.body, /<a href="\/agencies">显示全部机构<\/a>/);
  });

  test('an agency’s guide gives its own office’s contact details and the statutory rules', async () => {
    const dh = await row('JN.DC.DH');
    const res = await get('/agencies/JN.DC.DH/guide');
    assert.equal(res.statusCode, 200);
    assert.deepEqual(h1(res.body), ['东城区东华街道办事处政府信息公开指南']);
    for (const value of [
      dh.officeName!,
      dh.address!,
      dh.postalCode!,
      dh.phone!,
      dh.fax!,
      dh.email!,
      dh.officeHours!,
    ]) {
      assert.ok(res.body.includes(value), `shows ${value}`);
    }
    for (const heading of ['一、主动公开', '二、依申请公开', '三、政府信息公开工作机构', '四、监督和救济'])
      assert.match(res.body, new RegExp(`<h2 id="s\\d">${heading}</h2>`));
    assert.match(res.body, /自该政府信息形成或者变更之日起 20 个工作日内/, '第二十六条');
    assert.match(res.body, /自收到申请之日起 20 个工作日内<\/strong>/, '第三十三条');
    assert.match(res.body, /延长的期限最长不超过 20 个工作日/);
    assert.match(res.body, /数据电文/);
    assert.match(res.body, /宅基地使用情况审核/, 'towns and streets get the 乡镇 clause of 第二十一条');
    assert.match(
      res.body,
      /主管部门\s*（江南市东城区人民政府办公室）/,
      'complaints go to the district’s office',
    );
    assert.match(res.body, /60日内/);
    assert.match(res.body, /6个月内/);
    // The remedies agree with /deadlines word for word (行政复议法 2023 第二十三条第一款第（四）项).
    const deadlines = (await get('/deadlines')).body;
    for (const sentence of [
      /<li>申请政府信息公开，行政机关决定不予公开（包括部分公开时不予公开的部分）的，应当先申请行政复议；[^<]*<\/li>/,
      /<li>对其他答复或者处理不服的，以及对2024年1月1日以前作出的不予公开决定不服的，[^<]*<\/li>/,
    ]) {
      const inGuide = sentence.exec(res.body)?.[0];
      assert.ok(inGuide, `the guide has ${sentence}`);
      assert.ok(deadlines.includes(inGuide), `/deadlines has the same words: ${inGuide}`);
    }
  });

  test('a department’s guide uses its own data and the city clause of 第二十一条', async () => {
    const zgj = await row('JN.ZGJ');
    const body = (await get('/agencies/JN.ZGJ/guide')).body;
    assert.ok(body.includes(zgj.phone!) && body.includes(zgj.address!) && body.includes(zgj.postalCode!));
    assert.ok(body.includes(zgj.functions!));
    assert.match(body, /市政建设、公共服务、公益事业/);
    assert.doesNotMatch(body, /宅基地使用情况审核/);
    assert.match(body, /复议机关一般为江南市人民政府/);
  });

  test('guides have breadcrumbs up the tree', async () => {
    const body = (await get('/agencies/JN.MS.BL/guide')).body;
    const crumbs =
      /<nav class="breadcrumbs" aria-label="当前位置"><ol>(.*?)<\/ol><\/nav>/.exec(body)?.[1] ?? '';
    assert.match(
      crumbs,
      /<a href="\/">首页<\/a>.*<a href="\/agencies">机构目录<\/a>.*<a href="\/agencies\/JN\/guide">江南市人民政府<\/a>.*<a href="\/agencies\/JN.MS\/guide">梅山市人民政府<\/a>.*aria-current="page">梅山市白鹭镇人民政府政府信息公开指南/,
    );
  });

  test('in English the headings are English, the legal text Chinese and marked as such', async () => {
    const res = await get('/agencies/JN.FGW/guide', 'en');
    assert.match(res.body, /<html lang="en">/);
    assert.match(res.body, /<h2 id="s1">1\. Proactive disclosure<\/h2>/);
    assert.match(res.body, /the text of the guide is in Chinese/);
    assert.match(res.body, /<div lang="zh-CN"><p>本机关对涉及公众利益调整/);
  });

  test('/agencies/:code is the agency’s 政府信息公开 platform, leading to its guide', async () => {
    const res = await get('/agencies/JN.FGW');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<a href="\/agencies\/JN.FGW\/guide">政府信息公开指南<\/a>/);
  });

  test('an unknown agency is a Chinese 404 page', async () => {
    for (const url of ['/agencies/NO.SUCH/guide', '/agencies/NO.SUCH']) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.match(res.body, /<html lang="zh-CN">/);
      assert.match(res.body, /<h1>页面不存在<\/h1>/);
      assert.match(res.body, /没有找到该机构/);
    }
  });

  test('an inactive agency is gone from the portal: 404 and out of the lists', async () => {
    // Through the command, as the back office does it: public pages are cached until a command changes them.
    await setAgencyActive(t.deps, SYSTEM, (await row('JN.WSB')).id, false);
    assert.equal((await get('/agencies/JN.WSB/guide')).statusCode, 404);
    assert.equal((await get('/agencies/JN.WSB')).statusCode, 404);
    assert.doesNotMatch((await get('/')).body, /江南市外事办公室/);
    assert.doesNotMatch((await get('/agencies')).body, /江南市外事办公室/);
    assert.doesNotMatch((await get('/agencies/JN/guide')).body, /江南市外事办公室/);
  });
});
