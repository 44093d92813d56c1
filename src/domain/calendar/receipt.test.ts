import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidInput } from '../errors.js';
import { receiptDay } from './receipt.js';

describe('收到申请之日 by channel (第三十一条)', () => {
  it('in person: the day of submission', () => {
    assert.equal(receiptDay({ channel: 'in-person', submittedOn: '2026-09-30' }), '2026-09-30');
  });
  it('post with signature: the day the agency signs for it', () => {
    assert.equal(receiptDay({ channel: 'signed-post', signedOn: '2026-10-08' }), '2026-10-08');
  });
  it('online, fax and ordinary post: the day both sides confirm, not the day it arrived', () => {
    for (const channel of ['online', 'fax', 'ordinary-post'] as const) {
      assert.equal(receiptDay({ channel, arrivedOn: '2026-09-30', confirmedOn: '2026-10-08' }), '2026-10-08');
    }
  });
  it('not received yet while the confirmation is missing', () => {
    assert.equal(receiptDay({ channel: 'online', arrivedOn: '2026-09-30', confirmedOn: null }), null);
  });
  it('rejects a confirmation before arrival', () => {
    assert.throws(
      () => receiptDay({ channel: 'fax', arrivedOn: '2026-09-30', confirmedOn: '2026-09-29' }),
      InvalidInput,
    );
  });
});
