// Which reader a file needs, from its first bytes (and its name when the bytes do not say).
import { extname } from 'node:path';

export type FileKind = 'text' | 'html' | 'docx' | 'pdf' | 'other-binary';

export function detectKind(bytes: Uint8Array, name = ''): FileKind {
  const ext = extname(name).toLowerCase();
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    return ext === '.docx' || hasEntry(bytes, 'word/document.xml') ? 'docx' : 'other-binary';
  }
  if (ext === '.doc' || (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0))
    return 'other-binary';
  return ext === '.html' || ext === '.htm' ? 'html' : 'text';
}

function hasEntry(bytes: Uint8Array, entry: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(entry, 0, 'latin1');
}
