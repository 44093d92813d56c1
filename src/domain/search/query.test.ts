import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseSearchQuery, queriesWithoutOneWord, type QueryTokenizer } from './query.js';

// A stand-in for jieba: words are runs of letters/digits split on spaces and on "|" (so tests choose
// the cuts), lower-cased; 决定书 has one part (决定) before it in the index, every other word none.
const tokenizer: QueryTokenizer = {
  words: (text) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [],
  partsBefore: (w) => (w === '决定书' ? 1 : 0),
};
const parse = (q: string) => parseSearchQuery(q, tokenizer);

describe('reading a search query', () => {
  it('ANDs the words, each quoted as a tsquery operand, without repeats', () => {
    const p = parse('行政复议 公开 行政复议');
    assert.deepEqual(p.terms, ['行政复议', '公开']);
    assert.equal(p.tsquery, "'行政复议' & '公开'");
    assert.deepEqual(p.highlightWords, ['行政复议', '公开']);
  });

  it('joins a quoted phrase at the distances the index puts its words', () => {
    assert.equal(parse('"行政复议 决定书"').tsquery, "('行政复议' <2> '决定书')");
    assert.equal(parse('“政府 信息 公开”').tsquery, "('政府' <-> '信息' <-> '公开')");
    assert.equal(parse('「复议」 申请').tsquery, "'复议' & '申请'"); // a phrase of one word is a word
    assert.deepEqual(parse('"政府 信息" 公开').phrases, [['政府', '信息']]);
  });

  it('reads an unclosed quote as punctuation', () => {
    assert.equal(parse('"行政复议 公开').tsquery, "'行政复议' & '公开'");
  });

  it('finds a 文号 in any form: looked up by its normal forms, searched as a phrase', () => {
    const p = parse('苏府[2020]12号 解读');
    assert.equal(p.docNumber?.normalized, '苏府〔2020〕12号');
    assert.deepEqual(p.docNumberCandidates, ['苏府〔2020〕12号']);
    assert.deepEqual(p.terms, ['解读']); // the 文号's words are not terms of their own
    // The stand-in cuts 苏府〔2020〕12号 into 苏府 2020 12号.
    assert.equal(p.tsquery, "('苏府' <-> '2020' <-> '12号') & '解读'");
    assert.equal(parse('"苏府（2020）12号"').docNumber?.normalized, '苏府〔2020〕12号');
    assert.equal(parse('国务院令第711号').docNumber, null);
  });

  it('gives no tsquery for input without a word, and never lets syntax through', () => {
    for (const q of ['', '   ', '，。！', `&|!():*'\\`, '<-> !:*', '"" “”']) {
      assert.equal(parse(q).tsquery, null, q);
    }
    // Operators typed between words are dropped; words are always quoted.
    assert.equal(parse("a&b | !c:* d'e").tsquery, "'a' & 'b' & 'c' & 'd' & 'e'");
  });

  it('reads at most 100 characters and 12 words', () => {
    const many = Array.from({ length: 30 }, (_, i) => `w${i}`).join(' ');
    assert.equal(parse(many).terms.length, 12);
    assert.equal(parse('字'.repeat(300)).text.length, 100);
  });

  it('suggests the query without one of its words, the last word first', () => {
    assert.deepEqual(queriesWithoutOneWord(parse('行政复议 宇宙 飞船')), [
      '行政复议 宇宙',
      '行政复议 飞船',
      '宇宙 飞船',
    ]);
    assert.deepEqual(queriesWithoutOneWord(parse('行政复议')), []);
  });
});
