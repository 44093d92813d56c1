import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocNumber } from '../documents/doc-number.js';
import { escapeHtml, highlighter } from './highlight.js';

describe('highlights in search results', () => {
  it('marks every occurrence, the longest word first, and escapes the rest', () => {
    const h = highlighter(['复议', '行政复议']);
    assert.equal(
      h.full('<行政复议>与复议 & "申请"'),
      '&lt;<mark>行政复议</mark>&gt;与<mark>复议</mark> &amp; &quot;申请&quot;',
    );
  });

  it('matches Latin letters case-insensitively and escapes regular-expression characters', () => {
    assert.equal(highlighter(['app']).full('APP 与 app'), '<mark>APP</mark> 与 <mark>app</mark>');
    assert.equal(highlighter(['a.b']).full('axb a.b'), 'axb <mark>a.b</mark>');
  });

  it('marks single characters only when nothing longer was searched', () => {
    assert.equal(highlighter(['号', '文号']).full('文号第1号'), '<mark>文号</mark>第1号');
    assert.equal(highlighter(['税']).full('税收'), '<mark>税</mark>收');
  });

  it('marks a 文号 in whatever form the document writes it', () => {
    const h = highlighter([], parseDocNumber('苏府[2020]12号'));
    assert.equal(h.full('根据苏府（２０２０）第012号执行'), '根据<mark>苏府（２０２０）第012号</mark>执行');
    assert.equal(h.full('苏府〔2020〕120号'), '苏府〔2020〕120号'); // another 文号
  });

  it('cuts a snippet around the place with the most matched words, with … at the cuts', () => {
    const filler = '这是一段与查询无关的文字。'.repeat(20);
    const text = `${filler}申请行政复议的期限为六十日。${filler}`;
    const s = highlighter(['行政复议']).snippet(text, 40);
    assert.ok(s.startsWith('…') && s.endsWith('…'), s);
    assert.ok(s.includes('<mark>行政复议</mark>'), s);
    assert.equal(highlighter(['复议']).snippet('短文本，无匹配', 40), '短文本，无匹配');
  });

  it('escapes the five HTML characters', () => {
    assert.equal(escapeHtml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});
