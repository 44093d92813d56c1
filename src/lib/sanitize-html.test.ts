// The body allow-list against the usual XSS vectors, and the plain text read from it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { htmlToPlainText, sanitizeBodyHtml } from './sanitize-html.js';

describe('sanitizeBodyHtml', () => {
  test('keeps the structure of a document: headings, emphasis, lists, tables, links', () => {
    const html =
      '<h2>第一章 总则</h2><p>第一条 为了<strong>规范</strong><em>管理</em>，制定本办法。</p>' +
      '<ol><li>一</li><li>二</li></ol><table><thead><tr><th colspan="2">项目</th></tr></thead>' +
      '<tbody><tr><td>甲</td><td rowspan="1">乙</td></tr></tbody></table>' +
      '<p><a href="https://www.gov.cn/zhengce/">中国政府网</a><br />联系 <a href="mailto:gk@example.gov.cn">邮箱</a></p>';
    const out = sanitizeBodyHtml(html);
    assert.match(out, /<h2>第一章 总则<\/h2>/);
    assert.match(out, /<strong>规范<\/strong><em>管理<\/em>/);
    assert.match(out, /<th colspan="2">项目<\/th>/);
    assert.match(
      out,
      /<a href="https:\/\/www\.gov\.cn\/zhengce\/" rel="noopener noreferrer">中国政府网<\/a>/,
    );
    assert.match(out, /href="mailto:gk@example\.gov\.cn"/);
    assert.match(out, /<br \/>/);
  });

  test('drops scripts with their content, event handlers and styles', () => {
    const out = sanitizeBodyHtml(
      '<p onclick="steal()" style="color:red">正文<script>alert(1)</script></p>' +
        '<style>p{display:none}</style><img src=x onerror="alert(2)"><svg onload="alert(3)"><circle/></svg>' +
        '<iframe src="https://evil.example/"></iframe>',
    );
    assert.equal(out, '<p>正文</p>');
  });

  test('a javascript:, data: or protocol-relative link loses its address', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\nscript:alert(1)',
      '&#106;avascript:alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      '//evil.example/',
    ]) {
      const out = sanitizeBodyHtml(`<p><a href="${href}">点此</a></p>`);
      assert.doesNotMatch(out, /href=/, href);
      assert.match(out, /点此/, href);
    }
  });

  test('the author cannot choose rel or target, and an h1 becomes an h2 (the page has its own h1)', () => {
    const out = sanitizeBodyHtml(
      '<h1>标题</h1><p><a href="http://a.example/" rel="opener" target="_blank">a</a></p>',
    );
    assert.equal(out, '<h2>标题</h2><p><a href="http://a.example/" rel="noopener noreferrer">a</a></p>');
  });

  test('markup hidden in attributes and broken tags stays text', () => {
    const out = sanitizeBodyHtml(
      '<p title="<script>x</script>">a</p><p>1 < 2 & 3 > 2</p><<script>script>alert(1)<</script>/script>',
    );
    assert.doesNotMatch(out, /<script/i);
    assert.match(out, /<p>a<\/p><p>1 &lt; 2 &amp; 3 &gt; 2<\/p>/);
  });
});

describe('htmlToPlainText', () => {
  test('block ends become line breaks, cells are spaced, entities are decoded', () => {
    const safe = sanitizeBodyHtml(
      '<h2>总则</h2><p>第一条&nbsp;A &amp; B &lt;C&gt;</p><p></p><p></p><ul><li>一</li><li>二</li></ul>' +
        '<table><tr><td>甲</td><td>乙</td></tr></table><p>末<br>行</p>',
    );
    assert.equal(htmlToPlainText(safe), '总则\n第一条 A & B <C>\n一\n二\n甲 乙\n末\n行');
  });
});
