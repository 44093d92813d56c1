// Scanned PDFs (issue 11): a page without a text layer is rendered to a greyscale PNG by poppler's
// pdftoppm and read by Debian's tesseract with the simplified-Chinese data (chi_sim), offline.
// Both run as child processes of the reader worker, each under `timeout` (so that a child also
// ends when its worker is terminated) and a byte cap on its output; the page is rendered at most
// MAX_PIXELS on its long side. tesseract's TSV gives every word with its box, which becomes a
// positioned text item like pdf.js's: the same line and column logic (pdf.ts) reads both.
import { spawn } from 'node:child_process';
import type { PdfTextItem } from './pdf.js';

export interface OcrLimits {
  /** The tesseract program ('' turns OCR off: scanned pages are then unreadable). */
  command: string;
  /** The renderer (poppler's pdftoppm). */
  renderer: string;
  /** Pages read by OCR per file, the first ones without text. */
  maxPages: number;
  /** One page: rendering plus recognition. */
  pageTimeoutMs: number;
  /** A whole job that needs OCR, from when its worker starts it (instead of the reader's limit). */
  jobTimeoutMs: number;
}

export const DEFAULT_OCR_LIMITS: OcrLimits = {
  command: 'tesseract',
  renderer: 'pdftoppm',
  maxPages: 8,
  pageTimeoutMs: 30_000,
  jobTimeoutMs: 150_000,
};

const LANGUAGE = 'chi_sim';
/** 200 dpi on an A4 page; larger pages are rendered smaller (an image of ≤ 2 400 × 2 400 pixels). */
const DPI = 200;
const MAX_PIXELS = 2400;
const MAX_IMAGE_BYTES = 32 * 1024 * 1024;
const MAX_TSV_BYTES = 4 * 1024 * 1024;

export class OcrFailed extends Error {}

interface Run {
  stdout: Buffer;
  code: number | null;
  stderr: string;
}

/** Runs a program under coreutils `timeout`, feeding `input`; its output is capped at `maxBytes`. */
function run(
  cmd: string,
  args: string[],
  input: Uint8Array | null,
  ms: number,
  maxBytes: number,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const seconds = String(Math.max(1, Math.ceil(ms / 1000)));
    // One thread per tesseract (OMP_THREAD_LIMIT): the readers already run side by side.
    const child = spawn('timeout', ['-k', '2', seconds, 'env', 'OMP_THREAD_LIMIT=1', cmd, ...args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: ms + 3000,
      killSignal: 'SIGKILL',
    });
    const out: Buffer[] = [];
    let size = 0;
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBytes) child.kill('SIGKILL');
      else out.push(c);
    });
    child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-2000)));
    child.on('error', reject);
    child.on('close', (code) =>
      size > maxBytes
        ? reject(new OcrFailed('output too large'))
        : resolve({ stdout: Buffer.concat(out), code, stderr }),
    );
    child.stdin.on('error', () => {}); // a program that exits early closes its input
    child.stdin.end(input ?? undefined);
  });
}

const engineChecks = new Map<string, Promise<string | null>>();

/**
 * Why OCR cannot run here, or null when it can: tesseract with chi_sim and pdftoppm answer.
 * Checked once per worker and settings.
 */
export function ocrUnavailable(limits: OcrLimits): Promise<string | null> {
  const key = `${limits.command}\n${limits.renderer}`;
  let check = engineChecks.get(key);
  if (!check) {
    check = checkEngine(limits);
    engineChecks.set(key, check);
  }
  return check;
}

async function checkEngine(limits: OcrLimits): Promise<string | null> {
  if (!limits.command) return '本服务未启用文字识别（OCR）';
  const missing = `本机未安装文字识别（OCR）引擎 tesseract 及其简体中文数据（Debian 软件包 tesseract-ocr、tesseract-ocr-chi-sim）`;
  try {
    const langs = await run(limits.command, ['--list-langs'], null, 10_000, 1 << 20);
    const listed = langs.stdout.toString() + langs.stderr;
    if (langs.code !== 0 || !listed.split(/\s+/).includes(LANGUAGE)) return missing;
    const renderer = await run(limits.renderer, ['-v'], null, 10_000, 1 << 20);
    if (renderer.code !== 0 && !/pdftoppm/i.test(renderer.stderr))
      return '本机未安装 PDF 页面渲染程序 pdftoppm（Debian 软件包 poppler-utils）';
    return null;
  } catch {
    return missing;
  }
}

/** The rendering resolution that keeps a page of `width` × `height` points within MAX_PIXELS. */
export function renderDpi(width: number, height: number): number {
  const longSide = Math.max(width, height, 1);
  return Math.min(DPI, Math.floor((MAX_PIXELS * 72 * 100) / longSide) / 100);
}

/** Page `page` (1-based) of the PDF → its words as positioned items (pixels, y upwards). */
export async function ocrPage(
  pdf: Uint8Array,
  page: number,
  size: { width: number; height: number },
  limits: OcrLimits,
): Promise<PdfTextItem[]> {
  const started = Date.now();
  const dpi = String(renderDpi(size.width, size.height));
  const png = await run(
    limits.renderer,
    ['-f', String(page), '-l', String(page), '-r', dpi, '-gray', '-png', '-'],
    pdf,
    limits.pageTimeoutMs,
    MAX_IMAGE_BYTES,
  );
  if (png.code !== 0 || png.stdout.length === 0) throw new OcrFailed(`第 ${page} 页无法渲染`);
  const left = limits.pageTimeoutMs - (Date.now() - started);
  if (left <= 0) throw new OcrFailed(`第 ${page} 页识别超时`);
  // psm 4: one column of lines of varying sizes — table rows stay whole lines, empty cells gaps.
  const tsv = await run(
    limits.command,
    ['stdin', 'stdout', '-l', LANGUAGE, '--psm', '4', '-c', 'tessedit_do_invert=0', 'tsv'],
    png.stdout,
    left,
    MAX_TSV_BYTES,
  );
  if (tsv.code === 124 || tsv.code === 137) throw new OcrFailed(`第 ${page} 页识别超时`);
  if (tsv.code !== 0) throw new OcrFailed(`第 ${page} 页识别失败`);
  return tsvToItems(tsv.stdout.toString('utf8'));
}

/** Characters that are table rules read as text, not words. */
const RULES = /^[|丨｜_—\-=~.·'"`,，、:：;；!！]+$/;

/**
 * tesseract TSV → items: every word (level 5) placed on its line's baseline (the bottom of its
 * level-4 box), so that the words of one printed line share one y whatever their glyph boxes.
 */
export function tsvToItems(tsv: string): PdfTextItem[] {
  const rows = tsv.split('\n').map((l) => l.split('\t'));
  const lines = new Map<string, { bottom: number; height: number }>();
  let pageHeight = 0;
  const words: { line: string; left: number; width: number; height: number; text: string }[] = [];
  for (const r of rows) {
    if (r.length < 12 || !/^\d+$/.test(r[0] as string)) continue;
    const [level, , block, par, line] = r.slice(0, 5).map(Number) as number[];
    const [left, top, width, height] = r.slice(6, 10).map(Number) as number[];
    const key = `${block}.${par}.${line}`;
    if (level === 1) pageHeight = (top as number) + (height as number);
    else if (level === 4)
      lines.set(key, { bottom: (top as number) + (height as number), height: height as number });
    else if (level === 5) {
      const text = (r.slice(11).join('\t') ?? '').trim();
      if (text && !RULES.test(text))
        words.push({
          line: key,
          left: left as number,
          width: width as number,
          height: height as number,
          text,
        });
    }
  }
  return words.map((w) => {
    const line = lines.get(w.line);
    const bottom = line?.bottom ?? 0;
    return {
      str: w.text,
      x: w.left,
      y: pageHeight - bottom,
      width: w.width,
      // The glyph height of CJK text is about the font size; digits are shorter.
      size: Math.max(w.height, Math.min(line?.height ?? w.height, w.height * 1.4)),
    };
  });
}
