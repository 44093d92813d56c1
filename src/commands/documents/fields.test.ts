// The fields of a library item: what is stored from what was typed, and what is refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InvalidInput } from '../../domain/errors.js';
import { documentWarnings } from '../../queries/document-admin.js';
import { parseDocumentFields } from './fields.js';

const base = { agencyId: '7', title: '关于做好2026年政务公开工作的通知' };

function problems(input: Record<string, unknown>): Record<string, string> {
  try {
    parseDocumentFields(input);
  } catch (e) {
    if (e instanceof InvalidInput) return e.fieldErrors;
    throw e;
  }
  return {};
}

describe('parseDocumentFields', () => {
  test('typed text becomes one paragraph a line, escaped; HTML goes through the allow-list', () => {
    const plain = parseDocumentFields({ ...base, bodyHtml: '第一条 A<B\n\n第二条 C&D\r\n' });
    assert.equal(plain.bodyHtml, '<p>第一条 A&lt;B</p><p>第二条 C&amp;D</p>');
    assert.equal(plain.bodyText, '第一条 A<B\n第二条 C&D');
    const html = parseDocumentFields({ ...base, bodyHtml: '<p>正文<img src=x onerror=alert(1)></p>' });
    assert.equal(html.bodyHtml, '<p>正文</p>');
  });

  test('a 文号 is kept as typed with its normal form; one the normaliser cannot read keeps none, with a warning', () => {
    const ok = parseDocumentFields({ ...base, docNumber: ' 东府[2026]3号 ' });
    assert.equal(ok.docNumber, '东府[2026]3号');
    assert.equal(ok.docNumberNorm, '东府〔2026〕3号');
    assert.deepEqual(documentWarnings(ok), []);
    const odd = parseDocumentFields({ ...base, docNumber: '第三号' });
    assert.equal(odd.docNumber, '第三号');
    assert.equal(odd.docNumberNorm, null);
    assert.match(documentWarnings(odd)[0]!, /发文字号「第三号」不符合/);
  });

  test('defaults: a document, 其他文件, 主动公开; the 形成日期 is the 成文日期; the first issuer is not repeated', () => {
    const v = parseDocumentFields({ ...base, writtenOn: '2026-03-02', issuerIds: ['7', '9', '9'] });
    assert.equal(v.kind, 'document');
    assert.equal(v.effectLevel, 'other');
    assert.equal(v.disclosureMethod, 'proactive');
    assert.equal(v.formedOn, '2026-03-02');
    assert.deepEqual(v.issuerIds, [9]);
    assert.equal(v.interpretationForm, null);
  });

  test('a 行政规范性文件 without 统一编号 is saved with a warning, not refused', () => {
    const v = parseDocumentFields({ ...base, effectLevel: 'normative' });
    assert.match(documentWarnings(v).join(''), /统一编号/);
  });

  test('refused, each with its Chinese message: links other than http(s), unknown vocabulary, dates out of order', () => {
    const p = problems({
      ...base,
      title: '   ',
      mediaUrl: 'ftp://example.gov.cn/a.mp4',
      genre: '便条',
      category: 'a20-99',
      effectLevel: 'law',
      effectiveOn: '2026-05-01',
      expiresOn: '2026-04-30',
    });
    assert.equal(p.title, '请填写标题');
    assert.equal(p.mediaUrl, '请填写以 http:// 或 https:// 开头的完整网址');
    assert.equal(p.genre, '请从列表中选择文种');
    assert.equal(p.category, '请从列表中选择第二十条类别');
    assert.match(p.effectLevel!, /请选择效力级别/);
    assert.equal(p.expiresOn, '有效期截止日期不能早于施行日期');
    assert.equal(problems({ ...base, agencyId: '' }).agencyId, '请选择发布机构');
  });
});
