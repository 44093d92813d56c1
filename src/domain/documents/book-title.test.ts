import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bookTitle } from './book-title.js';

describe('bookTitle', () => {
  it('puts a plain title in 《》', () => {
    assert.equal(bookTitle('测试市湿地保护管理办法'), '《测试市湿地保护管理办法》');
  });

  it('turns the 《》 already in a title into 〈〉 (one level in), never 《《…》》', () => {
    assert.equal(bookTitle('《测试市行政复议工作规定》政策解读'), '《〈测试市行政复议工作规定〉政策解读》');
    assert.equal(
      bookTitle('关于印发《甲办法》和《乙细则》的通知'),
      '《关于印发〈甲办法〉和〈乙细则〉的通知》',
    );
  });

  it('turns a third level back into 《》, alternating as typesetting does', () => {
    // 关于转发〈关于印发《丙规定》的通知〉的通知, already nested by its author, goes one level in.
    assert.equal(
      bookTitle('关于转发《关于印发〈丙规定〉的通知》的通知'),
      '《关于转发〈关于印发《丙规定》的通知〉的通知》',
    );
  });
});
