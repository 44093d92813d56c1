import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  docNumberPrefixCandidates,
  findDocNumber,
  findDocNumberMatch,
  normalizeDocNumber,
  parseDocNumber,
} from './doc-number.js';

describe('发文字号 (GB/T 9704 7.2.4): 代字〔年份〕序号号', () => {
  it('reads the standard form into its parts', () => {
    assert.deepEqual(parseDocNumber('苏府办〔2020〕12号'), {
      prefix: '苏府办',
      year: 2020,
      serial: 12,
      normalized: '苏府办〔2020〕12号',
    });
    assert.deepEqual(parseDocNumber('国办发〔2019〕1号'), {
      prefix: '国办发',
      year: 2019,
      serial: 1,
      normalized: '国办发〔2019〕1号',
    });
    assert.equal(normalizeDocNumber('苏政规〔2021〕3号'), '苏政规〔2021〕3号');
    assert.equal(normalizeDocNumber('江南府办依复〔2026〕12号'), '江南府办依复〔2026〕12号');
  });

  it('takes any bracket people type around the year and writes 〔〕', () => {
    for (const typed of [
      '苏府[2020]12号', // ASCII square brackets
      '苏府［2020］12号', // full-width square brackets
      '苏府（2020）12号', // full-width parentheses
      '苏府(2020)12号', // ASCII parentheses
      '苏府【2020】12号', // lenticular brackets
      '苏府﹝2020﹞12号', // small tortoise-shell brackets (common on portals)
      '苏府〈2020〉12号',
      '苏府《2020》12号',
      '苏府[2020〕12号', // mismatched pair: still one 文号
    ]) {
      assert.equal(normalizeDocNumber(typed), '苏府〔2020〕12号', typed);
    }
  });

  it('makes full-width digits half-width, drops spaces, 第, leading zeros (不编虚位) and 年', () => {
    assert.equal(normalizeDocNumber('苏府（２０２０）１２号'), '苏府〔2020〕12号');
    assert.equal(normalizeDocNumber(' 苏府 〔 2020 〕 12 号 '), '苏府〔2020〕12号');
    assert.equal(normalizeDocNumber('苏府　〔2020〕12号'), '苏府〔2020〕12号'); // ideographic space
    assert.equal(normalizeDocNumber('苏府〔2020〕第12号'), '苏府〔2020〕12号');
    assert.equal(normalizeDocNumber('苏府〔2020〕012号'), '苏府〔2020〕12号');
    assert.equal(normalizeDocNumber('苏府〔2020年〕12号'), '苏府〔2020〕12号');
  });

  it('refuses what is not this pattern', () => {
    assert.equal(parseDocNumber('国务院令第711号'), null); // a 令: numbered without a year
    assert.equal(parseDocNumber('苏政规〔2021〕'), null); // no serial
    assert.equal(parseDocNumber('〔2021〕3号'), null); // no 代字
    assert.equal(parseDocNumber('苏府〔20〕12号'), null); // two-digit year
    assert.equal(parseDocNumber('苏府〔2020〕12'), null); // no 号
    assert.equal(parseDocNumber('苏府〔2020〕0号'), null); // serials start at 1
    assert.equal(parseDocNumber('苏府〔1890〕3号'), null); // year out of range
    assert.equal(parseDocNumber('SF〔2020〕12号'), null); // 代字 are Chinese characters
    assert.equal(parseDocNumber('关于苏府〔2020〕12号的通知'), null); // not the whole input
    assert.equal(parseDocNumber(''), null);
  });
});

describe('a 文号 inside a search query', () => {
  it('finds it among other words, in any typed form', () => {
    assert.equal(findDocNumber('苏府[2020]12号')?.normalized, '苏府〔2020〕12号');
    assert.equal(findDocNumber('行政复议 苏府（2020）12号')?.normalized, '苏府〔2020〕12号');
    assert.equal(findDocNumber('苏府办〔2020〕12号 实施细则')?.normalized, '苏府办〔2020〕12号');
    assert.equal(findDocNumber('国务院令第711号'), null);
    assert.equal(findDocNumber('行政复议'), null);
  });

  it('leaves out a leading 查询 / 关于 / 文号, and reports where the 文号 stands', () => {
    assert.equal(findDocNumber('查询国办发〔2019〕1号的内容')?.normalized, '国办发〔2019〕1号');
    assert.equal(findDocNumber('关于苏政规〔2021〕3号')?.normalized, '苏政规〔2021〕3号');
    const q = '信息公开 文号苏府[2020]12号 解读';
    const m = findDocNumberMatch(q)!;
    assert.equal(q.slice(m.start, m.end), '苏府[2020]12号');
  });

  it('offers the shorter endings of a prefix glued to other words, down to two characters', () => {
    const d = findDocNumber('江南市苏府〔2020〕12号')!;
    assert.equal(d.prefix, '江南市苏府');
    assert.deepEqual(docNumberPrefixCandidates(d), [
      '江南市苏府〔2020〕12号',
      '南市苏府〔2020〕12号',
      '市苏府〔2020〕12号',
      '苏府〔2020〕12号',
    ]);
    assert.deepEqual(docNumberPrefixCandidates(parseDocNumber('令〔2020〕1号')!), ['令〔2020〕1号']);
  });
});
