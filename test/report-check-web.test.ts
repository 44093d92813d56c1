import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { renderDocument } from '../src/domain/reports/parse/testing/layouts.js';
import { buildTables, SAMPLE_2021 } from '../src/domain/reports/parse/testing/samples.js';
import { createTestApp, type TestApp } from './support/app.js';
import { Browser } from './support/browser.js';
import {
  cutInTable3,
  fixtureText,
  JUNK,
  postMultipart,
  sampleDocx,
  withChangedCell,
  type FilePart,
} from './support/report-check.js';

/** The <td> whose value (or text) is `value`, with its attributes. */
function cellWith(html: string, value: string): { attrs: string; body: string } | null {
  const m = new RegExp(
    `<td([^>]*)>((?:(?!</td>).)*?<span class="cell-value">${value}</span>(?:(?!</td>).)*)</td>`,
    's',
  ).exec(html);
  return m ? { attrs: m[1] ?? '', body: m[2] ?? '' } : null;
}

/** The text of the violation with this id (tags removed). */
function violationText(html: string, id: string): string {
  const m = new RegExp(`<li id="${id}"[^>]*>(.*?)</li>`, 's').exec(html);
  return (m?.[1] ?? '').replace(/<[^>]+>/g, '');
}

describe('年报体检 page (/report-check)', () => {
  let t: TestApp;
  let text: string;
  before(async () => {
    t = await createTestApp();
    text = await fixtureText();
  });
  after(() => t.close());

  /** A browser on the form page, and a multipart post from it with the page's CSRF token. */
  async function upload(fields: Record<string, string>, file?: FilePart) {
    const b = new Browser(t.app);
    await b.get('/report-check');
    const cookie = `gk_csrf=${b.cookie('gk_csrf')}`;
    return postMultipart(t.app, '/report-check', { _csrf: b.csrfToken(), action: 'check', ...fields }, file, {
      cookie,
    });
  }

  async function paste(pasted: string, action = 'check') {
    const b = new Browser(t.app);
    await b.get('/report-check');
    return b.post('/report-check', { text: pasted, action });
  }

  test('anyone can open the form: paste or upload, with a CSRF token, and the page says nothing is stored', async () => {
    const res = await new Browser(t.app).get('/report-check');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<h1>年报体检<\/h1>/);
    assert.match(
      res.body,
      /<form method="post" action="\/report-check" novalidate="" class="report-check-form" enctype="multipart\/form-data">/,
    );
    assert.match(res.body, /name="_csrf" value="[^"]+"/);
    assert.match(res.body, /<textarea id="f-text" name="text"/);
    assert.match(
      res.body,
      /<input id="f-file" name="file" type="file"[^>]*accept=".txt,.html,.htm,.docx,.pdf"/,
    );
    assert.match(res.body, /本页面不保存您提交的内容/);
    assert.match(res.body, /<a href="\/report-check" aria-current="page">年报体检<\/a>/);
    const home = await t.app.inject({ url: '/' });
    assert.match(home.body, /<h2 id="s-check">年报体检<\/h2>/);
    assert.match(home.body, /<a href="\/report-check">/);
  });

  test('the pasted Suzhou fixture passes: 通过, with its figures in the rebuilt tables', async () => {
    const res = await paste(text);
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span class="tag tag-status tag-green">通过<\/span>/);
    assert.match(res.body, /各项勾稽关系均成立/);
    assert.match(res.body, /<dd>苏州市人民政府2020年政府信息公开工作年度报告<\/dd>/);
    assert.match(res.body, /<dd>2019 年试行格式/);
    assert.match(res.body, /本页面不保存您提交的内容/);
    for (const v of ['2833', '2814', '101', '594417.23万元', '-29'])
      assert.match(res.body, new RegExp(`<td class="num"[^>]*>${v}</td>`), v);
    // Table 三 in the national layout: the applicant header rows, group rows without numbers.
    assert.match(res.body, /<th colspan="7" scope="colgroup">申请人情况<\/th>/);
    assert.match(res.body, /<th colspan="5" scope="colgroup">法人或其他组织<\/th>/);
    assert.match(res.body, /<tr class="t3-group"><td colspan="8">（三）不予公开<\/td><\/tr>/);
    assert.match(res.body, /<tr class="t3-group"><td colspan="8">（五）不予处理<\/td><\/tr>/);
    assert.doesNotMatch(res.body, /cell-flag/);
    assert.match(res.body, /未发现问题/);
    // The pasted text is kept for another try.
    assert.match(res.body, /<textarea id="f-text" name="text"[^>]*>根据《中华人民共和国政府信息公开条例》/);
  });

  test('one changed cell: 有错误, that cell is highlighted and explained with rules A1 and B2', async () => {
    const res = await paste(withChangedCell(text));
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span class="tag tag-status tag-red">有错误<\/span>/);
    assert.match(res.body, /发现 2 个错误/);
    const cell = cellWith(res.body, '2661');
    assert.ok(cell, 'the changed cell is in the table');
    assert.match(cell.attrs, /class="num cell-flag cell-suspect"/);
    assert.match(cell.body, /⚠/);
    assert.match(cell.body, /<a href="#violation-1">A1<\/a> <a href="#violation-2">B2<\/a>/);
    const described = /aria-describedby="([^"]+)"/.exec(cell.attrs)?.[1]?.split(' ') ?? [];
    assert.deepEqual(described, ['violation-1', 'violation-2']);
    const a1 = violationText(res.body, 'violation-1');
    assert.match(a1, /错误 规则 A1：表三每一申请人列：第一项加第二项之和，等于第三项加第四项之和/);
    assert.match(a1, /自然人列：一 \+ 二 = 2739，三（七）\+ 四 = 2738，相差 1/);
    assert.match(
      a1,
      /最可能填错的是表三「一、本年新收政府信息公开申请数量」行「自然人」列（填报 2661）：若改为 2660，A1、B2 均成立/,
    );
    const b2 = violationText(res.body, 'violation-2');
    assert.match(b2, /规则 B2：表三每一行：总计等于六类申请人之和/);
    assert.match(b2, /「一、本年新收政府信息公开申请数量」行：六类申请人之和 = 2834，总计 = 2833，相差 1/);
    // Only the culprit is flagged: its neighbours are plain cells.
    assert.equal((res.body.match(/cell-flag/g) ?? []).length, 1);
  });

  test('a text cut off inside table 三: 不完整, with what is missing in Chinese', async () => {
    const res = await paste(cutInTable3(text));
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span class="tag tag-status tag-amber">不完整<\/span>/);
    const missing = /<ul class="missing-list">(.*?)<\/ul>/s.exec(res.body)?.[1] ?? '';
    const items = [...missing.matchAll(/<li>(.*?)<\/li>/g)].map((m) => m[1]);
    assert.deepEqual(items.slice(0, 2), [
      '缺少表三第（四）项第1行「本机关不掌握相关政府信息」',
      '缺少表三第（四）项第2行「没有现成信息需要另行制作」',
    ]);
    assert.ok(items.includes('缺少表三第（六）项「其他处理」'), items.join('\n'));
    assert.ok(items.includes('缺少表三第（七）项「总计」'));
    assert.ok(items.includes('缺少表三第四项「结转下年度继续办理」'));
    assert.equal(items.at(-1), '缺少表四（政府信息公开行政复议、行政诉讼情况）');
    // The missing rows are marked in the table, and table 四 says it was not read.
    assert.match(
      res.body,
      /1\.本机关不掌握相关政府信息<span class="cell-mark"><span aria-hidden="true">⚠<\/span><span class="visually-hidden">未读出此行，见<\/span> <a href="#violation-\d+">B5<\/a>/,
    );
    assert.match(res.body, /未能从提交的内容中读出此表/);
  });

  test('run-together digits with two valid splits: the candidates are shown, nothing is guessed', async () => {
    const base = {
      format: '2021' as const,
      carriedOver: [0, 0, 0, 0, 0, 0],
      carriedForward: [0, 0, 0, 0, 0, 0],
      table2: {},
    };
    const tables = buildTables({
      ...base,
      appeals: [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
      ],
      outcomes: { granted: [1, 0, 10, 0, 0, 0], partial: [10, 1, 0, 0, 0, 0] },
    });
    const res = await paste(renderDocument(tables, 'd', { title: '某某局2021年政府信息公开工作年度报告' }));
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /不完整/);
    assert.match(res.body, /<li>无法唯一确定表三第（一）项「予以公开」<\/li>/);
    assert.match(
      res.body,
      /<span class="cell-value">？<\/span><span class="cell-candidates">可能为 1 或 10<\/span>/,
    );
    assert.match(res.body, /<caption>可能的读法<\/caption>/);
    assert.match(
      res.body,
      /<tr><th scope="row">1<\/th><td class="num">1<\/td><td class="num">0<\/td><td class="num">10<\/td>/,
    );
  });

  test('binary junk uploaded: 无法读取, no crash, no tables', async () => {
    const res = await upload({}, { name: 'junk.txt', bytes: JUNK });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span class="tag tag-status tag-grey">无法读取<\/span>/);
    assert.match(res.body, /不是文本文件/);
    assert.match(res.body, /<dd>junk\.txt<\/dd>/);
    assert.doesNotMatch(res.body, /申请人情况/);
    // One clear sentence: no list of problems with a B5, no empty facts.
    assert.match(res.body, /这不是可以读取的政府信息公开工作年度报告：不是文本文件/);
    assert.doesNotMatch(res.body, /检查发现的问题|B5|<dt[^>]*>标题/);
  });

  test('a text with the words of a report but no table: one sentence, no empty tables, no list of what is missing', async () => {
    const res = await paste(
      '某某市人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度我市认真贯彻落实。',
    );
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span class="tag tag-status tag-amber">不完整<\/span>/);
    assert.match(res.body, /提交的内容中没有找到年度报告的表二、表三、表四/);
    assert.doesNotMatch(res.body, /申请人情况|未能从提交的内容中读出此表|missing-list|B5/);
  });

  test('in English: the verdict, the rule titles, the violations and the suspect are English', async () => {
    const b = new Browser(t.app);
    await b.get('/lang?set=en&back=/report-check');
    const form = await b.get('/report-check');
    assert.match(form.body, /<html lang="en">/);
    assert.match(form.body, /class="lang-switch"[^>]*>中文</);
    const res = await b.post('/report-check', { text: withChangedCell(text), action: 'check' });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span class="tag tag-status tag-red">Errors found<\/span>/);
    assert.match(res.body, /Every table was read, but 2 errors were found/);
    const a1 = violationText(res.body, 'violation-1');
    assert.match(
      a1,
      /Error Rule A1: Table 3, each applicant column: items one plus two equal items three plus four/,
    );
    assert.match(a1, /Column 「自然人」: 一 \+ 二 = 2739, 三（七）\+ 四 = 2738, a difference of 1/);
    assert.match(
      a1,
      /The most likely wrong figure is table 3, row 「一、本年新收政府信息公开申请数量」, column 「自然人」 \(printed 2661\): with 2660, A1, B2 all hold\./,
    );
    // Chinese remains only in the labels of the national form, quoted.
    assert.doesNotMatch(res.body, /最可能填错|检查发现的问题|有错误|勾稽关系不成立/);
    const empty = await b.post('/report-check', { text: ' ', action: 'check' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /<a href="#f-text">Paste the report, or choose the report file to upload<\/a>/);
    const junk = await b.post('/report-check', { text: '今天天气很好。', action: 'check' });
    assert.match(
      junk.body,
      /This is not an annual disclosure report that can be read: no heading, section or table of an annual disclosure report was found\./,
    );
  });

  test('a Word file is read through the same checker', async () => {
    const res = await upload({}, { name: '某某区2021年报.docx', bytes: sampleDocx() });
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<span class="tag tag-status tag-green">通过<\/span>/);
    assert.match(res.body, /<dd>某某区人民政府<\/dd>/);
    assert.match(res.body, /<dd>2021 年格式/);
    assert.match(res.body, /<dd>某某区2021年报\.docx<\/dd>/);
    const granted = SAMPLE_2021.table3.rows['granted'] as number[];
    assert.match(
      res.body,
      new RegExp(`（一）予以公开</th>${granted.map((v) => `<td class="num">${v}</td>`).join('')}`),
    );
  });

  test('a post without the CSRF token is refused with 403, multipart or not', async () => {
    const b = new Browser(t.app);
    await b.get('/report-check');
    const plain = await b.post('/report-check', { text }, { csrf: false });
    assert.equal(plain.statusCode, 403);
    assert.match(plain.body, /页面已过期或请求来源无效/);
    const cookie = `gk_csrf=${b.cookie('gk_csrf')}`;
    const multi = await postMultipart(t.app, '/report-check', { text, action: 'check' }, undefined, {
      cookie,
    });
    assert.equal(multi.statusCode, 403);
    const forged = await postMultipart(t.app, '/report-check', { _csrf: 'forged', text }, undefined, {
      cookie,
    });
    assert.equal(forged.statusCode, 403);
    assert.doesNotMatch(multi.body + forged.body, /体检结论/);
  });

  test('an empty submission: 422 with the error summary', async () => {
    const res = await upload({ text: '   ' });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<title>错误：年报体检/);
    assert.match(res.body, /<div class="error-summary"/);
    assert.match(res.body, /<a href="#f-text">请粘贴报告内容，或选择要上传的报告文件<\/a>/);
  });

  test('an unsupported file type: 422, the pasted text kept', async () => {
    const res = await upload(
      { text: '我粘贴的内容' },
      { name: 'report.doc', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3]) },
    );
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<a href="#f-file">只能上传 \.txt、\.html、\.htm、\.docx 或 \.pdf 文件/);
    assert.match(res.body, /<textarea id="f-text" name="text"[^>]*>我粘贴的内容<\/textarea>/);
  });

  test('a file over 10 MB: 422, the pasted text kept', async () => {
    const big = new Uint8Array(10 * 1024 * 1024 + 10).fill(0x41);
    const res = await upload({ text: '保留这段文字' }, { name: 'big.txt', bytes: big });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /<a href="#f-file">文件或粘贴的内容不能超过 10 MB<\/a>/);
    assert.match(res.body, /保留这段文字<\/textarea>/);
  });

  test('pasted markup and file names are escaped, never executed', async () => {
    const evil = text.replace(
      '苏州市人民政府2020年政府信息公开工作年度报告',
      '<script>alert(1)</script>苏州市人民政府2020年政府信息公开工作年度报告',
    );
    const res = await paste(evil);
    assert.equal(res.statusCode, 200);
    assert.doesNotMatch(res.body, /<script>alert/);
    assert.match(res.body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    const named = await upload({}, { name: '<img src=x onerror=alert(1)>.txt', bytes: JUNK });
    assert.doesNotMatch(named.body, /<img src=x/);
    assert.match(named.body, /&lt;img src=x onerror=alert\(1\)&gt;\.txt/);
  });

  test('the second button downloads the rebuilt report as JSON', async () => {
    const res = await paste(withChangedCell(text), 'json');
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^application\/json/);
    assert.match(
      String(res.headers['content-disposition']),
      /^attachment; filename="report-check\.json"; filename\*=UTF-8''/,
    );
    assert.match(
      decodeURIComponent(String(res.headers['content-disposition'])),
      /年报体检-苏州市人民政府-2020\.json/,
    );
    const body = res.json();
    assert.deepEqual(Object.keys(body).slice(0, 3), ['file', 'status', 'missing']);
    assert.equal(body.status, 'violations');
    assert.deepEqual(
      body.violations.map((v: { rule: string }) => v.rule),
      ['A1', 'B2'],
    );
    assert.deepEqual(body.table3.rows.newReceived, [2661, 120, 10, 1, 39, 3, 2833]);
  });

  test('the POST is rate-limited per IP', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/report-check',
        remoteAddress: '10.9.8.7',
        payload: { text: 'x' },
      });
      statuses.push(res.statusCode);
    }
    assert.equal(statuses.filter((s) => s === 429).length, 1, statuses.join(','));
    assert.equal(statuses.at(-1), 429);
  });
});
