// The banner of a document no longer wholly in force: which words, which date, which document named.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DocumentRelationView } from '../../queries/document-page.js';
import { validityNotice } from './document-status.js';

const rel = (
  kind: string,
  effectiveOn: string | null,
  title: string,
  note: string | null = null,
): DocumentRelationView => ({
  kind,
  effectiveOn,
  note,
  other: { id: title.length, kind: 'document', title, docNumber: null, publishedOn: null },
});
const base = {
  effectiveOn: '2010-06-01',
  expiresOn: null,
  validitySince: null,
  incoming: [] as DocumentRelationView[],
};
const text = (n: ReturnType<typeof validityNotice>) =>
  n ? `${n.before}${n.by ? `《${n.by.title}》` : ''}${n.after}` : null;

test('in force and unamended: no banner', () => {
  assert.equal(validityNotice({ ...base, validity: 'effective' }), null);
});

test('abolished: the abolishing document named with the day it took effect', () => {
  const n = validityNotice({
    ...base,
    validity: 'abolished',
    validitySince: '2025-03-01',
    incoming: [rel('amends', '2018-01-01', '修改决定'), rel('abolishes', '2025-03-01', '废止决定')],
  });
  assert.equal(n?.tone, 'ended');
  assert.equal(text(n), '本文件已于2025年3月1日被《废止决定》废止。');
});

test('replaced: 代替, and so abolished', () => {
  const n = validityNotice({
    ...base,
    validity: 'abolished',
    validitySince: '2024-07-01',
    incoming: [rel('replaces', '2024-07-01', '新办法')],
  });
  assert.equal(text(n), '本文件已于2024年7月1日被《新办法》代替，现已废止。');
});

test('abolished by a document that is not published: no name, no link, the date only', () => {
  const n = validityNotice({ ...base, validity: 'abolished', validitySince: '2025-03-01' });
  assert.equal(text(n), '本文件已于2025年3月1日废止。');
  assert.equal(n?.by, null);
});

test('expired at the end of its term, or declared invalid as a whole', () => {
  assert.equal(
    text(
      validityNotice({ ...base, validity: 'expired', validitySince: '2026-01-01', expiresOn: '2025-12-31' }),
    ),
    '本文件有效期至2025年12月31日，现已失效。',
  );
  assert.equal(
    text(
      validityNotice({
        ...base,
        validity: 'expired',
        validitySince: '2023-05-01',
        incoming: [rel('invalidates', '2023-05-01', '清理决定')],
      }),
    ),
    '本文件已于2023年5月1日被《清理决定》宣布失效。',
  );
});

test('partly invalid: the articles concerned are said', () => {
  const n = validityNotice({
    ...base,
    validity: 'partly_invalid',
    validitySince: '2022-01-01',
    incoming: [rel('invalidates', '2022-01-01', '清理决定', ' 第五条、第六条 ')],
  });
  assert.equal(n?.tone, 'partial');
  assert.equal(text(n), '本文件部分条款已于2022年1月1日被《清理决定》宣布失效：第五条、第六条');
});

test('amended and not yet in force are quieter notices', () => {
  const amended = validityNotice({
    ...base,
    validity: 'amended',
    validitySince: '2019-03-01',
    incoming: [rel('amends', '2019-03-01', '修改决定')],
  });
  assert.equal(amended?.tone, 'info');
  assert.equal(text(amended), '本文件已于2019年3月1日被《修改决定》修改。');
  const pending = validityNotice({ ...base, validity: 'pending', effectiveOn: '2027-01-01' });
  assert.equal(text(pending), '本文件自2027年1月1日起施行，目前尚未生效。');
  // A relation without a date: 「已被…废止」 without a day.
  assert.equal(
    text(validityNotice({ ...base, validity: 'abolished', incoming: [rel('abolishes', null, '废止决定')] })),
    '本文件已被《废止决定》废止。',
  );
});
