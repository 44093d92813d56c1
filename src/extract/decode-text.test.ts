import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from './decode-text.js';

describe('decodeText', () => {
  it('decodes UTF-8, UTF-8 with BOM and GBK', () => {
    assert.equal(decodeText(new TextEncoder().encode('政府信息公开')), '政府信息公开');
    assert.equal(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('公开')])), '公开');
    const gbk = new Uint8Array([0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa]);
    assert.equal(decodeText(gbk), '政府信息公开');
  });
});
