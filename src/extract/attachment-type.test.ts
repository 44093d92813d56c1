import assert from 'node:assert/strict';
import { test } from 'node:test';
import { attachmentFileName, sniffAttachment, sniffDocumentFile } from './attachment-type.js';
import { storedZip } from './zip-guard.js';

const zip = (names: string[]) =>
  Buffer.from(storedZip(names.map((name) => ({ name, data: Buffer.from('<x/>') }))));

test('the type comes from the bytes, never from the name', () => {
  assert.equal(sniffAttachment(Buffer.from('%PDF-1.7\n'))?.mediaType, 'application/pdf');
  assert.equal(sniffAttachment(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.mediaType, 'image/jpeg');
  assert.equal(
    sniffAttachment(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))?.mediaType,
    'image/png',
  );
  assert.equal(sniffAttachment(zip(['[Content_Types].xml', 'word/document.xml']))?.extension, '.docx');
  assert.equal(sniffAttachment(Buffer.from('申请补充说明\r\n第二行\t完'))?.extension, '.txt');
  // GB18030 text (common on Chinese Windows) is text too.
  assert.equal(sniffAttachment(Buffer.from([0xc9, 0xea, 0xc7, 0xeb, 0x0d, 0x0a]))?.extension, '.txt');
});

test('anything else is refused: other archives, executables, binary data, empty files', () => {
  // A ZIP that merely contains the words in a file's content, not the entry, is not a Word document.
  assert.equal(
    sniffAttachment(Buffer.from(storedZip([{ name: 'a.txt', data: Buffer.from('word/document.xml') }]))),
    null,
  );
  assert.equal(sniffAttachment(zip(['xl/workbook.xml'])), null);
  assert.equal(sniffAttachment(Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03])), null);
  assert.equal(sniffAttachment(Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1')), null);
  assert.equal(sniffAttachment(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), null);
  assert.equal(sniffAttachment(Buffer.alloc(0)), null);
});

test('the stored name keeps the person’s words, loses folders and control characters, gets the true extension', () => {
  const pdf = sniffAttachment(Buffer.from('%PDF-1.4'))!;
  assert.equal(attachmentFileName('C:\\Users\\张三\\身份证明.PDF', pdf), '身份证明.pdf');
  assert.equal(attachmentFileName('../../etc/passwd', pdf), 'passwd.pdf');
  assert.equal(attachmentFileName('report.exe', pdf), 'report.pdf');
  assert.equal(attachmentFileName('\u202Egpj.exe', pdf), 'gpj.pdf');
  assert.equal(attachmentFileName('', pdf), '附件.pdf');
});

test("a published document's attachments: PDF, Word, Excel (by its workbook entry) and images, never plain text", () => {
  assert.equal(
    sniffDocumentFile(zip(['[Content_Types].xml', 'xl/workbook.xml']))?.mediaType,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
  assert.equal(sniffDocumentFile(zip(['[Content_Types].xml', 'word/document.xml']))?.extension, '.docx');
  assert.equal(sniffDocumentFile(Buffer.from('%PDF-1.4\n'))?.extension, '.pdf');
  assert.equal(sniffDocumentFile(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]))?.extension, '.jpg');
  // A text file is a fine applicant's note but not a published attachment; an archive of
  // something else is neither.
  assert.equal(sniffDocumentFile(Buffer.from('附件说明')), null);
  assert.equal(sniffDocumentFile(zip(['ppt/presentation.xml'])), null);
  // An archive that only mentions the entry in a file's content is not a workbook.
  assert.equal(
    sniffDocumentFile(Buffer.from(storedZip([{ name: 'a.txt', data: Buffer.from('xl/workbook.xml') }]))),
    null,
  );
});
