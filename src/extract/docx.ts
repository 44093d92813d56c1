// DOCX → HTML with mammoth: Word tables stay <table> elements, so the reader gets layout (e).
import mammoth from 'mammoth';

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  const result = await mammoth.convertToHtml({
    buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
  });
  return result.value;
}
