// A reader worker (one thread of the pool in read-pool.ts): runs one job at a time —
// report-job.ts, with pdf.js for PDFs. A job that runs too long is ended by terminating this
// thread; one that needs more heap than its resourceLimits ends it too. Either way the server's
// main thread is untouched and the pool starts a fresh worker.
//
// Plain JavaScript on purpose, started without the TypeScript loader: pdf.js is ~3 MB of JS, and
// loading it through the loader hooks costs seconds. The TypeScript job module is loaded through a
// tsx namespace of its own, which applies the hooks to it and its imports only.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { register } from 'tsx/esm/api';

const require = createRequire(import.meta.url);
const root = dirname(require.resolve('pdfjs-dist/package.json'));
const ts = register({ namespace: 'gongkai-reader' });
const [{ runReportJob, runTextJob }, pdfjs] = await Promise.all([
  ts.import('./report-job.ts', import.meta.url),
  import('pdfjs-dist/legacy/build/pdf.mjs'),
]);

/** PDF bytes → each page's positioned text items and its size in points. */
async function pdfPages(bytes) {
  const doc = await pdfjs.getDocument({
    // A copy: pdf.js detaches the buffer it is given, and OCR needs the bytes afterwards.
    data: bytes.slice(),
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
      const [x0, y0, x1, y1] = page.view;
      pages.push({
        items: content.items
          .filter((i) => typeof i.str === 'string' && Array.isArray(i.transform))
          .map((i) => ({
            str: i.str,
            x: i.transform[4],
            y: i.transform[5],
            width: i.width,
            size: Math.abs(i.transform[0]) || i.height || 10,
          })),
        width: Math.abs(x1 - x0),
        height: Math.abs(y1 - y0),
      });
      page.cleanup();
    }
    return pages;
  } finally {
    await doc.destroy();
  }
}

/** The pool's entry point: `started` tells the main thread when the job's time begins. */
export default async function readJob({ job, limits, started }) {
  started.postMessage('started');
  try {
    return job.kind === 'extract-text'
      ? await runTextJob(job, limits, pdfPages)
      : // A scanned PDF read by OCR (issue 11) may take the OCR time limit: the pool is told.
        await runReportJob(job, limits, pdfPages, () => started.postMessage('ocr'));
  } finally {
    started.close();
  }
}
