import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generatePersonalDataKey, maskPhone, personalDataCipher } from './personal-data.js';

test('encrypts so that the ciphertext hides the value and decrypts back', () => {
  const c = personalDataCipher(generatePersonalDataKey());
  const id = '11010519491231002X';
  const enc = c.encrypt(id);
  assert.ok(!enc.includes(id) && !enc.includes('1101'));
  assert.notEqual(c.encrypt(id), enc, 'a fresh IV each time');
  assert.equal(c.decrypt(enc), id);
  assert.equal(c.encrypt(null), null);
  assert.equal(c.decrypt(null), null);
});

test('a tampered ciphertext is refused, not decrypted to something else', () => {
  const c = personalDataCipher(generatePersonalDataKey());
  const enc = c.encrypt('13812345678');
  const parts = enc.split(':');
  const body = Buffer.from(parts[4]!, 'base64url');
  body[0] = body[0]! ^ 1;
  parts[4] = body.toString('base64url');
  assert.throws(() => c.decrypt(parts.join(':')));
});

test('the lookup hash is stable per key, differs between keys, and is not the plain SHA-256', () => {
  const k = generatePersonalDataKey();
  const a = personalDataCipher(k);
  const b = personalDataCipher(k);
  const other = personalDataCipher(generatePersonalDataKey());
  assert.equal(a.lookupHash('11010519491231002X'), b.lookupHash('11010519491231002X'));
  assert.notEqual(a.lookupHash('11010519491231002X'), other.lookupHash('11010519491231002X'));
  assert.notEqual(a.lookupHash('11010519491231002X'), a.lookupHash('110105194912310030'));
});

test('after a key rotation old ciphertexts are still read (old key given) and are marked stale', () => {
  const oldKey = generatePersonalDataKey();
  const before = personalDataCipher(oldKey).encrypt('江苏省苏州市姑苏区');
  const rotated = personalDataCipher(generatePersonalDataKey(), [oldKey]);
  assert.equal(rotated.decrypt(before), '江苏省苏州市姑苏区');
  assert.equal(rotated.isStale(before), true);
  assert.equal(rotated.isStale(rotated.encrypt('x')), false);
  const withoutOld = personalDataCipher(generatePersonalDataKey());
  assert.throws(() => withoutOld.decrypt(before), /PERSONAL_DATA_OLD_KEYS/);
});

test('a key that is not 32 bytes is refused with a clear message', () => {
  assert.throws(() => personalDataCipher('c2hvcnQ='), /32 字节/);
});

test('phone numbers are masked in the middle', () => {
  assert.equal(maskPhone('13812345678'), '138****5678');
  assert.equal(maskPhone('0512-6522'), '*****6522');
  assert.equal(maskPhone('123'), '****');
});
