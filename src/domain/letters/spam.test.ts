import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { spamCheck } from './spam.js';

describe('spamCheck', () => {
  it('an ordinary letter is ok', () => {
    const r = spamCheck({
      title: '关于学校门口交通拥堵的建议',
      content: '每天早上七点半学校门口车辆拥堵，建议增设临时停车位并安排交警疏导。我的电话13812345678。',
      name: '张三',
    });
    assert.deepEqual(r, { score: 0, reasons: [], verdict: 'ok' });
  });

  it('advertising with links is refused, with the reasons in Chinese', () => {
    const r = spamCheck({ title: '优惠', content: '代开发票 加微信 详情 www.example.top', name: null });
    assert.equal(r.verdict, 'refuse');
    assert.ok(r.reasons.some((x) => x.includes('代开发票')));
    assert.ok(r.reasons.some((x) => x.includes('网址链接')));
  });

  it('text without Chinese is held; repeated characters and too many digits add up', () => {
    assert.equal(spamCheck({ title: 'hello', content: 'this is a test message' }).verdict, 'hold');
    const r = spamCheck({
      title: '啊啊啊啊啊啊啊啊啊',
      content: '12345678901234567890123 请回复 98765432109876',
    });
    assert.ok(r.reasons.includes('含有大量重复字符'));
    assert.ok(r.reasons.includes('数字过多'));
    assert.equal(r.verdict, 'hold');
  });

  it('a run of dots or an ellipsis is not a repeated character', () => {
    assert.equal(
      spamCheck({ title: '请问', content: '我想咨询一下……。。。。。。。。这个问题怎么办' }).score,
      0,
    );
  });
});
