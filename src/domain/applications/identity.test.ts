import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  CREDIT_CODE_ALPHABET,
  creditCodeCheckChar,
  maskIdNumber,
  residentIdCheckChar,
  validateIdNumber,
  type IdValidation,
} from './identity.js';

// Every number below is synthetic: built for these tests with its check character computed by hand.
const message = (v: IdValidation) => (v.ok ? null : v.message);

describe('居民身份证 (GB 11643: weights 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2, Σ mod 11 → 10X98765432)', () => {
  // 110105 20000101 001:
  //   1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 2·2 + 0·1 + 0·6 + 0·3 + 0·7 + 1·9 + 0·10 + 1·5 + 0·8 + 0·4 + 1·2
  //   = 7 + 9 + 5 + 20 + 4 + 9 + 5 + 2 = 61; 61 mod 11 = 6 → '10X98765432'[6] = '6'.
  it('110105200001010016 is valid (check 6)', () => {
    assert.equal(residentIdCheckChar('11010520000101001'), '6');
    assert.deepEqual(validateIdNumber('residentId', '110105200001010016'), {
      ok: true,
      idType: 'residentId',
      number: '110105200001010016',
    });
  });
  // 110105 19900101 007: 7 + 9 + 0 + 5 + 0 + 20 + 1·2 + 9·1 + 9·6 + 0·3 + 0·7 + 1·9 + 0 + 1·5 + 0 + 0 + 7·2
  //   = 7 + 9 + 5 + 20 + 2 + 9 + 54 + 9 + 5 + 14 = 134; 134 mod 11 = 2 → 'X'.
  it('11010519900101007X is valid (check X), also typed as a lower-case x in full width with spaces', () => {
    assert.equal(residentIdCheckChar('11010519900101007'), 'X');
    const v = validateIdNumber('residentId', '１１０１０５ １９９００１０１ ００７ｘ');
    assert.deepEqual(v, { ok: true, idType: 'residentId', number: '11010519900101007X' });
  });
  // 440306 19851231 052: 4·7 + 4·9 + 0 + 3·5 + 0 + 6·4 + 1·2 + 9·1 + 8·6 + 5·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0 + 5·4 + 2·2
  //   = 28 + 36 + 15 + 24 + 2 + 9 + 48 + 15 + 7 + 18 + 30 + 5 + 20 + 4 = 261; 261 mod 11 = 8 → '4'.
  it('440306198512310524 is valid; the same with check 5 is not', () => {
    assert.equal(validateIdNumber('residentId', '440306198512310524').ok, true);
    assert.equal(message(validateIdNumber('residentId', '440306198512310525')), '公民身份号码的校验位不正确');
  });
  // 110105 20000229 001: 2000 is a leap year (divisible by 400). Σ = 7 + 9 + 5 + 20 + 4 + 2·9 + 2·10
  //   + 9·5 + 1·2 = 130; 130 mod 11 = 9 → '3'. 1900-02-29 does not exist (1900 is not a leap year).
  it('checks the birth date: 2000-02-29 exists, 1900-02-29 and 2001-13-01 do not', () => {
    assert.equal(validateIdNumber('residentId', '110105200002290013').ok, true);
    const feb29 = '11010519000229001';
    assert.equal(
      message(validateIdNumber('residentId', feb29 + residentIdCheckChar(feb29))),
      '公民身份号码中的出生日期不正确',
    );
    const month13 = '11010520011301001';
    assert.equal(
      message(validateIdNumber('residentId', month13 + residentIdCheckChar(month13))),
      '公民身份号码中的出生日期不正确',
    );
  });
  it('a birth date after today is refused when today is given', () => {
    const v = validateIdNumber('residentId', '110105200001010016', { today: '1999-12-31' });
    assert.equal(message(v), '公民身份号码中的出生日期晚于今天');
  });
  it('length, characters and the province code are checked before the check digit', () => {
    assert.equal(
      message(validateIdNumber('residentId', '11010520000101001')),
      '公民身份号码应为18位，现为17位',
    );
    assert.equal(
      message(validateIdNumber('residentId', '1101052000010100A6')),
      '公民身份号码前17位应为数字，最后一位为数字或X',
    );
    const province99 = '99010520000101001';
    assert.equal(
      message(validateIdNumber('residentId', province99 + residentIdCheckChar(province99))),
      '公民身份号码的地址码不正确',
    );
    assert.equal(message(validateIdNumber('residentId', '  ')), '请填写公民身份号码');
  });
  it('the message is keyed for the form field asked for', () => {
    const v = validateIdNumber('residentId', '110105200001010017', { field: 'agent.idNumber' });
    assert.deepEqual(v, { ok: false, field: 'agent.idNumber', message: '公民身份号码的校验位不正确' });
  });
  it('property: any province, real birth date and sequence with its computed check character is valid', () => {
    const province = fc.constantFrom(
      11,
      12,
      13,
      14,
      15,
      21,
      22,
      23,
      31,
      32,
      33,
      34,
      35,
      36,
      37,
      41,
      42,
      43,
      44,
      45,
      46,
      50,
      51,
      52,
      53,
      54,
      61,
      62,
      63,
      64,
      65,
      71,
      81,
      82,
      83,
    );
    const day = fc
      .integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2025, 11, 31) })
      .map((ms) => new Date(ms).toISOString().slice(0, 10).replaceAll('-', ''));
    const rest = fc.stringMatching(/^\d{4}$/);
    const seq = fc.stringMatching(/^\d{3}$/);
    fc.assert(
      fc.property(province, rest, day, seq, (p, r, d, s) => {
        const first17 = `${p}${r}${d}${s}`;
        assert.equal(validateIdNumber('residentId', first17 + residentIdCheckChar(first17)).ok, true);
      }),
    );
  });
  it('property: changing any one of the first 17 digits is always caught (MOD 11-2 catches single errors)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 16 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const good = '110105200001010016';
        const d = (Number(good[pos]) + delta) % 10;
        const bad = good.slice(0, pos) + d + good.slice(pos + 1);
        // A changed province or birth date may be refused for that reason first; never accepted.
        assert.equal(validateIdNumber('residentId', bad).ok, false);
      }),
    );
  });
});

describe('统一社会信用代码 (GB 32100: weights 3^i mod 31, check = 31 − Σ mod 31)', () => {
  // 91 110000 MA0000000: values 9,1,1,1,0,0,0,0,M=21,A=10,0…; weights 1,3,9,27,19,26,16,17,20,29,…
  //   9·1 + 1·3 + 1·9 + 1·27 + 21·20 + 10·29 = 9 + 3 + 9 + 27 + 420 + 290 = 758; 758 mod 31 = 14
  //   (31·24 = 744); 31 − 14 = 17 → alphabet[17] = 'H' (0–9, A B C D E F G H).
  it('91110000MA0000000H is valid (check H)', () => {
    assert.equal(creditCodeCheckChar('91110000MA0000000'), 'H');
    assert.deepEqual(validateIdNumber('creditCode', '91110000ma0000000h'), {
      ok: true,
      idType: 'creditCode',
      number: '91110000MA0000000H',
    });
  });
  // 12 440300 123456789: 1·1 + 2·3 + 4·9 + 4·27 + 0 + 3·26 + 0 + 0 + 1·20 + 2·29 + 3·25 + 4·13 + 5·8 + 6·24
  //   + 7·10 + 8·30 + 9·28 = 1 + 6 + 36 + 108 + 78 + 20 + 58 + 75 + 52 + 40 + 144 + 70 + 240 + 252 = 1180;
  //   1180 mod 31 = 2 (31·38 = 1178); 31 − 2 = 29 → alphabet[29] = 'X'.
  it('12440300123456789X is valid (check X); with check 0 it is not', () => {
    assert.equal(creditCodeCheckChar('12440300123456789'), 'X');
    assert.equal(validateIdNumber('creditCode', '12440300123456789X').ok, true);
    assert.equal(
      message(validateIdNumber('creditCode', '124403001234567890')),
      '统一社会信用代码的校验位不正确',
    );
  });
  // 91 350100 M00000000: 9 + 3 + 3·9 + 5·27 + 0 + 1·26 + 0 + 0 + 21·20 = 9 + 3 + 27 + 135 + 26 + 420 = 620;
  //   620 = 31·20, so Σ mod 31 = 0 → 31 − 0 = 31 → 0.
  it('91350100M000000000 is valid: a remainder of 0 gives check 0, not 31', () => {
    assert.equal(creditCodeCheckChar('91350100M00000000'), '0');
    assert.equal(validateIdNumber('creditCode', '91350100M000000000').ok, true);
  });
  it('I, O, Z, S and V are not in the alphabet; positions 3–8 are digits', () => {
    assert.equal(CREDIT_CODE_ALPHABET.length, 31);
    assert.equal(
      message(validateIdNumber('creditCode', '91110000MO0000000H')),
      '统一社会信用代码不能含有字符「O」（不使用I、O、Z、S、V）',
    );
    const region = '9111A000MA0000000';
    assert.equal(
      message(validateIdNumber('creditCode', region + creditCodeCheckChar(region))),
      '统一社会信用代码第3至8位应为行政区划码（数字）',
    );
  });
  it('property: every code built with its check character passes; any other last character fails', () => {
    const ch = fc.constantFrom(...CREDIT_CODE_ALPHABET);
    const digit = fc.constantFrom(...'0123456789');
    const body = fc
      .tuple(
        fc.array(ch, { minLength: 2, maxLength: 2 }),
        fc.array(digit, { minLength: 6, maxLength: 6 }),
        fc.array(ch, { minLength: 9, maxLength: 9 }),
      )
      .map(([a, b, c]) => [...a, ...b, ...c].join(''));
    fc.assert(
      fc.property(body, ch, (first17, last) => {
        const ok = validateIdNumber('creditCode', first17 + last).ok;
        assert.equal(ok, last === creditCodeCheckChar(first17));
      }),
    );
  });
});

describe('other documents: shape only', () => {
  it('passport, 港澳 and 台湾 permits, other', () => {
    assert.equal(validateIdNumber('passport', 'e12345678').ok, true);
    assert.equal(message(validateIdNumber('passport', 'E12')), '护照号码应为5至17位字母或数字');
    assert.equal(validateIdNumber('hkMacauPermit', 'H12345678').ok, true);
    assert.equal(validateIdNumber('hkMacauPermit', 'M1234567801').ok, true);
    assert.equal(validateIdNumber('hkMacauPermit', 'K12345678').ok, false);
    assert.equal(validateIdNumber('taiwanPermit', '12345678').ok, true);
    assert.equal(validateIdNumber('taiwanPermit', '1234567').ok, false);
    assert.equal(validateIdNumber('other', '军官证第001号').ok, true);
    assert.equal(message(validateIdNumber('other', 'x'.repeat(41))), '证件号码不能超过40个字符');
  });
});

describe('masking for lists and logs', () => {
  it('shows the first 3 and the last 4', () => {
    assert.equal(maskIdNumber('11010519900101007X'), '110***********007X');
    assert.equal(maskIdNumber('91110000MA0000000H'), '911***********000H');
  });
  it('shorter numbers show their last 4 (9–13 characters) or last 2 (8 or fewer)', () => {
    assert.equal(maskIdNumber('H12345678'), '*****5678');
    assert.equal(maskIdNumber('12345678'), '******78');
    assert.equal(maskIdNumber('12'), '**');
  });
  it('property: the length is kept and at least half of the characters are hidden', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{1,30}$/), (n) => {
        const m = maskIdNumber(n);
        assert.equal(m.length, n.length);
        assert.ok([...m].filter((c) => c === '*').length * 2 >= n.length);
      }),
    );
  });
});
