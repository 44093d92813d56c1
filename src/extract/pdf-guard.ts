// A PDF's streams are usually deflated, and a 1 MB PDF can hold a page-content stream that
// inflates to 400 MB (issue 8: it held the only PDF reader for 60 s). Before pdf.js sees the file,
// every zlib stream in it is inflated here and the bytes counted, against a budget for the whole
// file, without keeping the output: no PDF parsing is needed — each `stream` keyword is followed by
// its data, and the inflater itself finds where a deflated stream ends. A stream deflated twice
// (/Filter [/FlateDecode /FlateDecode]) is counted at each layer.
import { inflateSync } from 'node:zlib';

export class PdfTooLarge extends Error {}

const STREAM = /(?<!end)stream\r?\n/g;
const MAX_LAYERS = 3;

/** zlib header: compression method 8 and a check value that makes the first two bytes % 31 == 0. */
function looksDeflated(b: Uint8Array, at = 0): boolean {
  const cmf = b[at];
  const flg = b[at + 1];
  return cmf !== undefined && flg !== undefined && (cmf & 0x0f) === 8 && (cmf * 256 + flg) % 31 === 0;
}

/** Throws PdfTooLarge when the file's deflated streams inflate to more than `maxBytes` in total. */
export function checkPdfInflatedSize(bytes: Uint8Array, maxBytes: number): number {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = b.toString('latin1');
  let total = 0;
  for (const m of text.matchAll(STREAM)) {
    const start = (m.index ?? 0) + m[0].length;
    if (!looksDeflated(b, start)) continue;
    total += inflatedSize(b.subarray(start), maxBytes - total, 1);
    if (total > maxBytes) throw new PdfTooLarge();
  }
  return total;
}

function inflatedSize(data: Buffer, budget: number, layer: number): number {
  let out: Buffer;
  try {
    // Output beyond the budget stops the inflater (ERR_BUFFER_TOO_LARGE); the data after the end
    // of the deflated stream (endstream, the next objects) is ignored by zlib.
    out = inflateSync(data, {
      maxOutputLength: Math.max(1, budget),
      finishFlush: 2 /* Z_SYNC_FLUSH: a cut-off stream counts what it has */,
      chunkSize: 1 << 20, // 3× faster than the default 16 KB for large outputs
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new PdfTooLarge();
    return 0; // not deflated after all, or encrypted: pdf.js decides (and the time limit holds)
  }
  let size = out.length;
  if (layer < MAX_LAYERS && looksDeflated(out)) size += inflatedSize(out, budget - size, layer + 1);
  return size;
}
