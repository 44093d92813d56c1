import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskPersonName, suggestMasking } from './masking.js';

describe('maskPersonName', () => {
  it('keeps the first and last characters of three or more, the first of two', () => {
    assert.equal(maskPersonName('张三丰'), '张*丰');
    assert.equal(maskPersonName('李四'), '李*');
    assert.equal(maskPersonName('欧阳娜娜'), '欧**娜');
    assert.equal(maskPersonName(' 王 '), '*');
    assert.equal(maskPersonName(''), '');
  });
});

describe('suggestMasking', () => {
  it('masks the known name, a mobile and a landline, an ID number, an e-mail and a house number', () => {
    const text =
      '我是张三丰，手机13812345678，座机0571-87654321，身份证330102199001011234，邮箱zhang.sf@example.com，家住人民路123号3栋2单元501室。';
    const r = suggestMasking(text, ['张三丰']);
    assert.equal(
      r.masked,
      '我是张*丰，手机138****5678，座机0571-****4321，身份证330102********1234，邮箱z***@example.com，家住人民路*号*栋*单元*室。',
    );
    assert.deepEqual(r.findings.map((f) => f.kind).sort(), [
      'address',
      'email',
      'idNumber',
      'name',
      'phone',
      'phone',
    ]);
    const id = r.findings.find((f) => f.kind === 'idNumber')!;
    assert.equal(id.original, '330102199001011234');
  });

  it('finds a name after 我叫 / 本人 / 姓名 without being told, but not 我是一名…', () => {
    assert.equal(suggestMasking('我叫王小明，住在东区。').masked, '我叫王*明，住在东区。');
    assert.equal(suggestMasking('姓名：李四。').masked, '姓名：李*。');
    const r = suggestMasking('我是一名退休教师。');
    assert.equal(r.findings.length, 0);
  });

  it('leaves dates, amounts and ordinary text alone', () => {
    const text = '2026年12月3号下午，本小区3号楼前的路灯坏了，维修费用约2000元。';
    const r = suggestMasking(text);
    assert.equal(r.masked.includes('2026年12月3号'), true);
    assert.equal(r.findings.filter((f) => f.kind !== 'address').length, 0);
  });
});
