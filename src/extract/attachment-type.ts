// What an applicant's attachment really is, from its bytes (never from the name or the type the
// browser claimed): PDF, JPEG, PNG, DOCX (a ZIP archive whose directory lists word/document.xml) or
// plain text (UTF-8, UTF-16 with its mark, or GB18030, without control characters). Anything else
// is refused with a Chinese message.

export interface AttachmentType {
  mediaType: string;
  /** The extension the stored file name gets, e.g. `.pdf`. */
  extension: string;
}

export const ATTACHMENT_TYPES_TEXT = 'PDF、JPEG、PNG、Word 文档（.docx）或纯文本（.txt）';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function sniffAttachment(bytes: Uint8Array): AttachmentType | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length === 0) return null;
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { mediaType: 'application/pdf', extension: '.pdf' };
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { mediaType: 'image/jpeg', extension: '.jpg' };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { mediaType: 'image/png', extension: '.png' };
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]))
    return zipHasEntry(b, 'word/document.xml') ? { mediaType: DOCX, extension: '.docx' } : null;
  return isPlainText(b) ? { mediaType: 'text/plain; charset=utf-8', extension: '.txt' } : null;
}

function startsWith(b: Buffer, magic: number[]): boolean {
  return b.length >= magic.length && magic.every((x, i) => b[i] === x);
}

/** True when the archive's central directory names `entry` (the directory, not a byte search). */
function zipHasEntry(b: Buffer, entry: string): boolean {
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  for (let i = 0; i < count && i < 5000; i++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return false;
    const nameLength = b.readUInt16LE(at + 28);
    if (at + 46 + nameLength > b.length) return false;
    if (b.toString('utf8', at + 46, at + 46 + nameLength) === entry) return true;
    at += 46 + nameLength + b.readUInt16LE(at + 30) + b.readUInt16LE(at + 32);
  }
  return false;
}

/** Text a person wrote: decodes cleanly and holds no control characters but tab and line breaks. */
function isPlainText(b: Buffer): boolean {
  let text: string;
  try {
    if (b[0] === 0xff && b[1] === 0xfe)
      text = new TextDecoder('utf-16le', { fatal: true }).decode(b.subarray(2));
    else if (b[0] === 0xfe && b[1] === 0xff)
      text = new TextDecoder('utf-16be', { fatal: true }).decode(b.subarray(2));
    else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(b);
      } catch {
        text = new TextDecoder('gb18030', { fatal: true }).decode(b);
      }
    }
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text);
}

/** The name shown to staff: no folders, no control characters, at most 100 characters, the true extension. */
export function attachmentFileName(claimed: string, type: AttachmentType): string {
  const base = (claimed.split(/[\\/]/).pop() ?? '')
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .trim()
    .replace(/\.[A-Za-z0-9]{1,8}$/, '')
    .slice(0, 100);
  return `${base || '附件'}${type.extension}`;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The types a published document's attachment may have (issue 10): PDF, DOCX, XLSX, JPEG, PNG. */
export const DOCUMENT_FILE_TYPES_TEXT = 'PDF、Word（.docx）、Excel（.xlsx）、JPEG 或 PNG';

/** What a document's attachment really is, from its bytes; null for anything else (plain text too). */
export function sniffDocumentFile(bytes: Uint8Array): AttachmentType | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) && zipHasEntry(b, 'xl/workbook.xml'))
    return { mediaType: XLSX, extension: '.xlsx' };
  const type = sniffAttachment(bytes);
  return type && !type.mediaType.startsWith('text/') ? type : null;
}
