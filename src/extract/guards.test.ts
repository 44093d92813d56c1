// The unpacking budgets of issue 8, on their own (no worker): sizes a file claims are not trusted.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deflateSync } from 'node:zlib';
import { checkPdfInflatedSize, PdfTooLarge } from './pdf-guard.js';
import { makeDocx, makeDocxBomb } from './testing/make-files.js';
import { guardedDocxArchive, ZipCorrupt, ZipTooLarge } from './zip-guard.js';

const MB = 1024 * 1024;
/** Built once at load: an archive whose directory truthfully declares 50 MB. */
const honestBomb = await makeDocxBomb(50 * MB);

describe('DOCX: the archive is unpacked within a budget', () => {
  it('an archive that declares 50 MB is refused from its directory', () => {
    assert.throws(() => guardedDocxArchive(honestBomb, 20 * MB), ZipTooLarge);
  });

  it('an archive that declares 1000 bytes but inflates to 50 MB is refused while inflating', async () => {
    const lying = await makeDocxBomb(50 * MB, 1000);
    assert.throws(() => guardedDocxArchive(lying, 20 * MB), ZipTooLarge);
  });

  it('the same archive under a budget it fits: refused all the same, the directory lied', async () => {
    const lying = await makeDocxBomb(2 * MB, 1000);
    assert.throws(() => guardedDocxArchive(lying, 20 * MB), ZipCorrupt);
  });

  it('an ordinary DOCX passes, as an archive of the same parts', () => {
    const docx = makeDocx([{ paragraph: '某某区人民政府2021年政府信息公开工作年度报告' }]);
    const out = Buffer.from(guardedDocxArchive(docx, 1 * MB));
    assert.ok(out.includes('word/document.xml'));
    assert.ok(out.includes(Buffer.from('某某区人民政府')));
  });

  it('not an archive: corrupt, not a crash', () => {
    assert.throws(() => guardedDocxArchive(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2, 3]), MB), ZipCorrupt);
  });
});

describe('PDF: deflated streams are counted while inflating', () => {
  const pdfWith = (data: Buffer) =>
    Buffer.concat([
      Buffer.from(`%PDF-1.4\n4 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`),
      data,
      Buffer.from('\nendstream\nendobj\n%%EOF\n'),
    ]);

  it('counts what the streams inflate to', () => {
    assert.equal(checkPdfInflatedSize(pdfWith(deflateSync(Buffer.alloc(MB, 'a'))), 10 * MB), MB);
  });

  it('a stream over the budget is refused', () => {
    assert.throws(
      () => checkPdfInflatedSize(pdfWith(deflateSync(Buffer.alloc(12 * MB))), 10 * MB),
      PdfTooLarge,
    );
  });

  it('a stream deflated twice is counted at each layer', () => {
    const twice = deflateSync(deflateSync(Buffer.alloc(12 * MB)));
    assert.throws(() => checkPdfInflatedSize(pdfWith(twice), 10 * MB), PdfTooLarge);
  });

  it('streams that are not deflated count nothing', () => {
    assert.equal(checkPdfInflatedSize(pdfWith(Buffer.from('BT (x) Tj ET')), MB), 0);
  });
});
