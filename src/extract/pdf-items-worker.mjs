// Worker thread: PDF bytes → positioned text items of each page, with pdf.js.
//
// Plain JavaScript on purpose, started without the TypeScript loader: pdf.js is ~3 MB of JS,
// and loading it through the loader hooks costs seconds; a worker also keeps a slow or stuck PDF
// off the main thread, where the caller can time it out.
import { parentPort } from 'node:worker_threads';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));
const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');

async function pagesOf(bytes) {
  const doc = await pdfjs.getDocument({
    data: bytes,
    // Chinese PDFs use CID fonts whose character maps ship with pdf.js.
    cMapUrl: join(root, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(root, 'standard_fonts') + '/',
    isEvalSupported: false,
    disableFontFace: true,
    verbosity: 0,
  }).promise;
  try {
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      pages.push(
        content.items
          .filter((i) => typeof i.str === 'string' && Array.isArray(i.transform))
          .map((i) => ({
            str: i.str,
            x: i.transform[4],
            y: i.transform[5],
            width: i.width,
            size: Math.abs(i.transform[0]) || i.height || 10,
          })),
      );
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

parentPort.on('message', async ({ id, bytes }) => {
  try {
    parentPort.postMessage({ id, pages: await pagesOf(bytes) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
