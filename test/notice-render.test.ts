// Notices as a person receives them: the PDF's text (pdftotext) in reading order with the 文号, the
// decision and the remedies paragraph, the Chinese font embedded (pdffonts); the DOCX's text and fonts;
// a case file's pages (cover, history, one notice per page). Needs poppler-utils: without it the PDF
// checks are skipped with the reason outside CI and fail in CI (CI=true).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { after, describe, it, test } from 'node:test';
import mammoth from 'mammoth';
import {
  composeNotice,
  defaultTemplate,
  numberLabel,
  remediesParagraph,
  type NoticeDocument,
} from '../src/domain/notices/index.js';
import { renderNoticePdf } from '../src/render/notice-pdf.js';
import { renderNoticeDocx } from '../src/render/notice-docx.js';
import { renderCaseFilePdf } from '../src/render/case-file-pdf.js';
import { loadNoticeFonts } from '../src/lib/fonts.js';

const hasPoppler = spawnSync('pdftotext', ['-v']).error === undefined;
const MISSING = 'pdftotext/pdffonts not installed (apt-get install poppler-utils)';

function describeWithPoppler(name: string, fn: () => void): void {
  if (hasPoppler) describe(name, fn);
  else if (process.env.CI === 'true')
    test(`${name}: ${MISSING}`, () => assert.fail(`${MISSING}; PDF checks may not be skipped when CI=true`));
  else test(name, { skip: MISSING }, () => {});
}

const dir = mkdtempSync(join(tmpdir(), 'gongkai-notice-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function pdfFile(name: string, pdf: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, pdf);
  return path;
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `${cmd} failed: ${r.stderr}`);
  return r.stdout;
}

/** The text of a PDF (or of page `page`), without the page numbers and without any white space. */
function pdfText(path: string, page?: number): string {
  const range = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return run('pdftotext', [...range, path, '-'])
    .replace(/—\s*\d+\s*—/g, '')
    .replace(/\s+/g, '');
}

function assertInOrder(text: string, parts: readonly string[]): void {
  let from = 0;
  for (const part of parts) {
    const wanted = part.replace(/\s+/g, '');
    const at = text.indexOf(wanted, from);
    assert.ok(at >= 0, `「${part}」 missing after position ${from} in:\n${text}`);
    from = at + wanted.length;
  }
}

const REMEDIES = remediesParagraph({
  outcome: 'partial',
  decidedOn: '2026-11-30',
  reconsiderationBody: '江南市人民政府',
  court: '江南市中级人民法院',
});

const partial: NoticeDocument = composeNotice({
  kind: 'decision',
  template: defaultTemplate('decision', 'partial'),
  values: {
    applicantName: '张三',
    receivedOn: '2026-11-02',
    description: '江南市2025年度城市道路维修专项资金的分配和使用情况',
    ground: '第十六条第二款',
    reasons: '《关于2025年度道路维修资金分配的请示》属于本机关在履行行政管理职能过程中形成的请示报告',
    delivery: '现将《江南市2025年度城市道路维修专项资金分配表》随本答复书一并提供（共3页）。',
    remedies: REMEDIES,
  },
  number: numberLabel('江南府办依复', 2026, 12),
  signature: { agency: '江南市人民政府办公室', date: '2026-11-30' },
  footer: ['（申请编号：GK-2026-000123；联系人：李四，电话：0512-12345678）'],
});

describeWithPoppler('a reply (部分公开) as PDF', () => {
  it('reads, in order: 文号, title, addressee, receipt, the decision with its article, remedies, signature', async () => {
    const path = pdfFile('partial.pdf', await renderNoticePdf(partial));
    assertInOrder(pdfText(path), [
      '江南府办依复〔2026〕12号',
      '政府信息公开申请答复书',
      '张三：',
      '本机关于2026年11月2日收到您（单位）提出的政府信息公开申请',
      '根据《中华人民共和国政府信息公开条例》第三十七条的规定',
      '属于本机关在履行行政管理职能过程中形成的请示报告。根据《中华人民共和国政府信息公开条例》第十六条第二款的规定，该部分信息不予公开。',
      REMEDIES,
      '江南市人民政府办公室',
      '二〇二六年十一月三十日',
      '（申请编号：GK-2026-000123；联系人：李四，电话：0512-12345678）',
    ]);
    const pages = run('pdfinfo', [path]).match(/^Pages:\s+(\d+)/m)?.[1];
    assert.equal(pages, '2');
    assert.match(run('pdftotext', ['-f', '2', '-l', '2', path, '-']), /—\s*2\s*—/);
  });

  it('never leaves the signature alone on a page, whatever the length of the body', async () => {
    for (let lines = 12; lines <= 20; lines++) {
      const doc: NoticeDocument = {
        title: '政府信息公开申请答复书',
        addressee: '张三',
        paragraphs: Array.from({ length: lines }, (_, i) => `第${i + 1}段，本段文字只占一行。`),
        signature: { agency: '江南市人民政府办公室', date: '2026-11-30' },
      };
      const path = pdfFile(`length-${lines}.pdf`, await renderNoticePdf(doc));
      const pages = Number(run('pdfinfo', [path]).match(/^Pages:\s+(\d+)/m)?.[1]);
      const last = pdfText(path, pages)
        .replace('江南市人民政府办公室', '')
        .replace('二〇二六年十一月三十日', '');
      assert.match(last, /本段文字只占一行/, `${lines} paragraphs: the last page holds only the signature`);
    }
  });

  it('embeds a subset of a Chinese font', async () => {
    const path = pdfFile('partial-fonts.pdf', await renderNoticePdf(partial));
    const fonts = run('pdffonts', [path]).split('\n').slice(2).filter(Boolean);
    assert.ok(fonts.length > 0, 'no font listed');
    for (const line of fonts) {
      // name type… encoding emb sub uni: every font embedded and subset (name prefixed ABCDEF+).
      assert.match(line, /^[A-Z]{6}\+\S+.*\byes\s+yes\s+yes\b/, line);
    }
  });

  it(
    'NOTICE_FONT can name a face in a .ttc collection (path#PostScriptName)',
    {
      skip:
        !existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc') && 'fonts-wqy-microhei not installed',
    },
    async () => {
      const pdf = await renderNoticePdf(partial, {
        font: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc#WenQuanYiMicroHei',
      });
      const path = pdfFile('wqy.pdf', pdf);
      assert.match(run('pdffonts', [path]), /\+WenQuanYiMicroHei\b/);
      assertInOrder(pdfText(path), ['政府信息公开申请答复书', REMEDIES]);
    },
  );
});

describe('font lookup', () => {
  it('a NOTICE_FONT that names no file is refused with a Chinese message naming the path', () => {
    assert.throws(
      () => loadNoticeFonts('/nonexistent/font.ttf'),
      /告知书字体文件不存在：\/nonexistent\/font\.ttf/,
    );
  });

  it('a file that is not a font, or a collection without a face name, is refused in Chinese', async () => {
    const notFont = join(dir, 'not-a-font.ttf');
    writeFileSync(notFont, '这不是字体文件');
    await assert.rejects(
      () => renderNoticePdf(partial, { font: notFont }),
      /无法使用告知书字体 .*not-a-font\.ttf/,
    );
    const collection = join(dir, 'fonts.ttc');
    writeFileSync(collection, '');
    assert.throws(() => loadNoticeFonts(collection), /字体集 .*fonts\.ttc 包含多个字体.*路径#PostScript名称/);
  });

  it('without NOTICE_FONT the font installed with the application is used (no system font needed)', () => {
    assert.match(loadNoticeFonts().regular.source, /node_modules\/@expo-google-fonts\/noto-serif-sc\//);
  });
});

/** The entries of a ZIP archive (stored or deflated), by name. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(eocd + 16);
  for (let i = 0; i < buf.readUInt16LE(eocd + 10); i++) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLength = buf.readUInt16LE(p + 28);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLength);
    const local = buf.readUInt32LE(p + 42);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = buf.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(data) : data);
    p += 46 + nameLength + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

describe('a reply as DOCX', () => {
  it('holds the text in order, in 仿宋_GB2312 三号 with the title in 方正小标宋简体, page numbers in the footer', async () => {
    const docx = await renderNoticeDocx(partial);
    const parts = unzip(docx);
    const xml = parts.get('word/document.xml')!.toString('utf8');
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    assertInOrder(text, [
      '江南府办依复〔2026〕12号',
      '政府信息公开申请答复书',
      '张三：',
      ...partial.paragraphs,
      '江南市人民政府办公室',
      '二〇二六年十一月三十日',
    ]);
    assert.match(xml, /w:eastAsia="仿宋_GB2312"/);
    assert.match(xml, /w:eastAsia="方正小标宋简体"/);
    assert.match(xml, /<w:sz w:val="32"\/>/); // 三号 = 16 pt
    assert.match(parts.get('word/footer1.xml')!.toString('utf8'), /PAGE/);
    // Word-compatible readers open it.
    const { value } = await mammoth.extractRawText({ buffer: docx });
    assert.ok(value.includes(REMEDIES), value);
  });
});

describeWithPoppler('a case file (一案一档) as one PDF', () => {
  it('cover, history, then each notice from a new page', async () => {
    const sig = { agency: '江南市人民政府办公室', date: '2026-11-03' };
    const receipt = composeNotice({
      kind: 'receipt',
      template: defaultTemplate('receipt'),
      values: {
        applicantName: '张三',
        receivedOn: '2026-11-02',
        description: '江南市2025年度城市道路维修专项资金的分配和使用情况',
        trackingNumber: 'GK-2026-000123',
        dueBy: '2026-11-30',
      },
      signature: sig,
    });
    const pdf = await renderCaseFilePdf({
      trackingNumber: 'GK-2026-000123',
      agency: '江南市人民政府办公室',
      applicant: '张三（身份证号 3205**********1234）',
      receivedOn: '2026-11-02',
      state: '已答复',
      outcome: '部分公开',
      compiledOn: '2026-12-01',
      history: [
        { on: '2026-11-02', what: '收到申请（网上提交）', who: '系统' },
        { on: '2026-11-03', what: '登记并出具登记回执', who: '李四' },
        { on: '2026-11-30', what: '作出答复并送达（部分公开）', who: '王五' },
      ],
      notices: [receipt, partial],
    });
    const path = pdfFile('case.pdf', pdf);
    assert.equal(run('pdfinfo', [path]).match(/^Pages:\s+(\d+)/m)?.[1], '5');
    assertInOrder(pdfText(path, 1), [
      '政府信息公开申请案卷',
      'GK-2026-000123',
      '江南市人民政府办公室',
      '张三（身份证号3205**********1234）',
      '2026年11月2日',
      '已答复',
      '部分公开',
    ]);
    assertInOrder(pdfText(path, 2), [
      '办理过程',
      '2026年11月2日',
      '收到申请（网上提交）',
      '2026年11月3日',
      '登记并出具登记回执',
      '李四',
      '2026年11月30日',
      '作出答复并送达（部分公开）',
    ]);
    assertInOrder(pdfText(path, 3), [
      '政府信息公开申请登记回执',
      '张三：',
      'GK-2026-000123',
      '二〇二六年十一月三日',
    ]);
    assertInOrder(pdfText(path, 4), ['江南府办依复〔2026〕12号', '政府信息公开申请答复书']);
    assertInOrder(pdfText(path, 5), ['二〇二六年十一月三十日']);
    // The cover has no page number; the history page is 「— 1 —」.
    assert.doesNotMatch(run('pdftotext', ['-f', '1', '-l', '1', path, '-']), /—\s*\d+\s*—/);
    assert.match(run('pdftotext', ['-f', '2', '-l', '2', path, '-']), /—\s*1\s*—/);
  });
});
