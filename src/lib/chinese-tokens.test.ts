import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  documentSearchColumns,
  partsBefore,
  searchDictionaryText,
  TOKENIZER_VERSION,
  tokensForIndex,
  tokensForQuery,
} from './chinese-tokens.js';

const words = (s: string) => s.split(' ');

describe('Chinese tokens for search', () => {
  it('indexes a compound with the words inside it, so a two-character query finds it', () => {
    const t = words(tokensForIndex('政府信息公开行政复议'));
    for (const w of ['行政复议', '行政', '复议', '政府信息公开', '政府', '信息', '公开']) {
      assert.ok(t.includes(w), w);
    }
    // 营商环境 inside 优化营商环境: jieba's search mode alone would not emit this four-character word.
    assert.ok(words(tokensForIndex('持续优化营商环境')).includes('营商环境'));
  });

  it('queries with the longest words', () => {
    assert.deepEqual(tokensForQuery('行政复议'), ['行政复议']);
    assert.deepEqual(tokensForQuery('深化放管服改革'), ['深化', '放管服改革']);
    assert.deepEqual(tokensForQuery('一网通办'), ['一网通办']);
  });

  it('keeps every word of the user dictionary whole', () => {
    const entries = searchDictionaryText()
      .split('\n')
      .map((l) => l.split(' ')[0]!);
    assert.ok(entries.length > 100);
    const broken = entries.filter((w) => tokensForQuery(w).join('|') !== w.toLowerCase());
    assert.deepEqual(broken, []);
  });

  it('drops punctuation, lower-cases Latin, makes full-width letters and digits half-width', () => {
    assert.equal(tokensForIndex('《ＡＢＣ》，Abc！２０２０'), 'abc abc 2020');
    assert.deepEqual(tokensForQuery('&|!():*\'\\ "'), []);
    assert.equal(tokensForIndex(''), '');
  });

  it('places a phrase word after the parts that precede it in the index', () => {
    const t = words(tokensForIndex('行政复议 决定书'));
    const a = t.indexOf('行政复议');
    const b = t.indexOf('决定书');
    assert.equal(b - a, partsBefore('决定书') + 1);
    assert.equal(partsBefore('复议'), 0);
  });

  it('gives the search columns of a document, with its 文号 in the title tokens', () => {
    const c = documentSearchColumns({
      title: '关于印发江南市优化营商环境若干措施的通知',
      docNumber: '江南府办〔2025〕12号',
      bodyText: '各区人民政府',
      attachmentsText: ['附件一：措施清单'],
    });
    assert.equal(c.tokenizerVersion, TOKENIZER_VERSION);
    for (const w of ['营商环境', '江南市', '江南府办', '2025', '12']) {
      assert.ok(words(c.titleTokens).includes(w), w);
    }
    for (const w of ['人民政府', '措施', '清单']) assert.ok(words(c.bodyTokens).includes(w), w);
  });
});
