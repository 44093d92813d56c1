// DOCX → HTML with mammoth: Word tables stay <table> elements, so the reader gets layout (e).
// Runs in a reader worker (read-worker.mjs). The archive is unpacked under a budget first
// (zip-guard.ts); images are never read (the check needs the text only).
import mammoth from 'mammoth';
import { guardedDocxArchive } from './zip-guard.js';

const noImages = mammoth.images.imgElement(async () => ({ src: '' }));

export async function docxToHtml(bytes: Uint8Array, maxUnzippedBytes: number): Promise<string> {
  const archive = guardedDocxArchive(bytes, maxUnzippedBytes);
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength) },
    { convertImage: noImages },
  );
  return result.value;
}
