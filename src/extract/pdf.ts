// PDF → text with pdf.js (pdfjs-dist 5.6, legacy build: runs on Node 20.19+), in a worker thread
// (pdf-items-worker.mjs). Text items are grouped into lines by their baseline; items on one line
// far enough apart are separate table cells and are joined with " | ", which gives the reader
// layout (b).
import { Worker } from 'node:worker_threads';

export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

interface Pending {
  resolve: (pages: PdfTextItem[][]) => void;
  reject: (e: Error) => void;
}

const WORKER_URL = new URL('./pdf-items-worker.mjs', import.meta.url);
const TIMEOUT_MS = 60_000;

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  // No execArgv: the worker runs plain JavaScript without the TypeScript loader.
  const w = new Worker(WORKER_URL, { execArgv: [] });
  w.on('message', (m: { id: number; pages?: PdfTextItem[][]; error?: string }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    if (pending.size === 0) w.unref();
    if (m.error !== undefined || !m.pages) p?.reject(new Error(m.error ?? 'PDF 解析失败'));
    else p?.resolve(m.pages);
  });
  w.on('error', (e) => stop(e));
  w.on('exit', () => stop(new Error('PDF 解析进程意外退出')));
  worker = w;
  return w;
}

/** Fails every waiting request and drops the worker; the next request starts a new one. */
function stop(e: Error): void {
  const w = worker;
  worker = null;
  for (const p of pending.values()) p.reject(e);
  pending.clear();
  void w?.terminate();
}

export function pdfItems(bytes: Uint8Array): Promise<PdfTextItem[][]> {
  const w = getWorker();
  const id = nextId++;
  return new Promise<PdfTextItem[][]>((resolve, reject) => {
    const timer = setTimeout(() => stop(new Error('PDF 解析超时')), TIMEOUT_MS);
    timer.unref();
    const done =
      <T>(f: (v: T) => void) =>
      (v: T) => {
        clearTimeout(timer);
        f(v);
      };
    pending.set(id, { resolve: done(resolve), reject: done(reject) });
    w.ref();
    w.postMessage({ id, bytes: new Uint8Array(bytes) });
  });
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  return (await pdfItems(bytes)).map(linesOf).join('\n');
}

export function linesOf(items: PdfTextItem[]): string {
  const sorted = items.filter((i) => i.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: PdfTextItem[][] = [];
  for (const item of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs((line[0]?.y ?? 0) - item.y) <= item.size * 0.4) line.push(item);
    else lines.push([item]);
  }
  return lines.map(joinLine).join('\n');
}

function joinLine(line: PdfTextItem[]): string {
  const cells = [...line].sort((a, b) => a.x - b.x);
  let out = '';
  let end = -Infinity;
  for (const c of cells) {
    // A gap wider than one character separates two cells; a smaller one is inside a word.
    out += out === '' ? c.str : c.x - end > c.size ? ` | ${c.str}` : c.str;
    end = c.x + c.width;
  }
  return cells.length > 1 ? `${out} |` : out;
}
