import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.js';
import { chineseDate, chineseUpperDate } from './dates.js';
import { numberLabel } from './number.js';

describe('Chinese dates (hand-written vectors)', () => {
  it('chineseDate: no leading zeros', () => {
    assert.equal(chineseDate('2026-11-30'), '2026年11月30日');
    assert.equal(chineseDate('2026-01-05'), '2026年1月5日');
    assert.equal(chineseDate('2019-05-15'), '2019年5月15日');
  });

  it('chineseUpperDate: the year digit by digit with 〇, month and day in words', () => {
    assert.equal(chineseUpperDate('2026-11-30'), '二〇二六年十一月三十日');
    assert.equal(chineseUpperDate('2020-10-01'), '二〇二〇年十月一日');
    assert.equal(chineseUpperDate('2019-05-15'), '二〇一九年五月十五日');
    assert.equal(chineseUpperDate('2026-12-21'), '二〇二六年十二月二十一日');
    assert.equal(chineseUpperDate('2030-01-10'), '二〇三〇年一月十日');
    assert.equal(chineseUpperDate('2028-02-29'), '二〇二八年二月二十九日');
    assert.equal(chineseUpperDate('2026-03-31'), '二〇二六年三月三十一日');
  });

  it('refuses a date that does not exist', () => {
    assert.throws(() => chineseUpperDate('2026-02-29'), InvalidInput);
    assert.throws(() => chineseDate('2026-13-01'), InvalidInput);
  });
});

describe('numberLabel (发文字号, GB/T 9704)', () => {
  it('prefix, year in 〔〕, serial number without leading zeros', () => {
    assert.equal(numberLabel('江南府办依复', 2026, 12), '江南府办依复〔2026〕12号');
    assert.equal(numberLabel(' 江南府办依补 ', 2026, 1), '江南府办依补〔2026〕1号');
  });

  it('refuses an empty prefix, brackets in it, a short year, a serial number below 1', () => {
    assert.throws(() => numberLabel('', 2026, 1), InvalidInput);
    assert.throws(() => numberLabel('江南府办〔2026〕', 2026, 1), InvalidInput);
    assert.throws(() => numberLabel('江南府办依复', 26, 1), InvalidInput);
    assert.throws(() => numberLabel('江南府办依复', 2026, 0), InvalidInput);
    assert.throws(() => numberLabel('江南府办依复', 2026, 1.5), InvalidInput);
  });
});
