// Text normalisation and the "key" view used to find labels.
//
// Real pages mix full- and half-width brackets and punctuation, put stray spaces inside words and
// quote 「三安全一稳定」 in four ways. Labels are therefore searched in a key string with
// whitespace, quotes, brackets and punctuation removed; `pos` maps every key character back to
// the text, so that the cells between two labels are cut from the text with their separators.

import { stripFurniture } from './furniture.js';
import { unstackText } from './stacked-text.js';

/** NFKC folds full-width ASCII (（，：０) to half-width; the rest are copy-paste artefacts. */
export function normalizeText(raw: string): string {
  const text = raw
    .normalize('NFKC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/&nbsp;?/gi, ' ')
    .replace(/[\u2212\u2012\u2013\ufe63]/g, '-');
  // Page numbers and running titles copied from a PDF (furniture.ts), headers one character per
  // line (stacked-text.ts).
  return unstackText(stripFurniture(text));
}

const DROPPED = new Uint8Array(0x10000);
for (const ch of ' \t\n\v\f\r\u00a0\u3000"\'“”‘’「」『』()[]{}【】〔〕〈〉《》<>、,.;:!?。·•・-—_~|/\\*＊…') {
  DROPPED[ch.charCodeAt(0)] = 1;
}

const isDropped = (code: number): boolean => code < 0x10000 && DROPPED[code] === 1;

/** The key of a label or heading as written in a schema (full-width, with numbering). */
export function toKey(s: string): string {
  const text = normalizeText(s);
  let out = '';
  for (let i = 0; i < text.length; i++) if (!isDropped(text.charCodeAt(i))) out += text[i];
  return out;
}

export interface Doc {
  text: string;
  key: string;
  /** pos[k] = index in `text` of key character k. */
  pos: Int32Array;
  /** keyAt[t] = index of the first key character at or after text index t. */
  keyAt: Int32Array;
  /** Index after the last non-blank character: a row reaching it may have been cut off. */
  contentEnd: number;
}

const UTF16 = new TextDecoder('utf-16le');

export function buildDoc(text: string): Doc {
  const pos = new Int32Array(text.length);
  const keyAt = new Int32Array(text.length + 1);
  const codes = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    keyAt[i] = n;
    const code = text.charCodeAt(i);
    if (DROPPED[code] === 1) continue;
    pos[n] = i;
    codes[n++] = code;
  }
  keyAt[text.length] = n;
  const key = UTF16.decode(codes.subarray(0, n));
  return { text, key, pos: pos.subarray(0, n), keyAt, contentEnd: text.trimEnd().length };
}

/** A span of the text: [start, end). */
export interface Span {
  start: number;
  end: number;
  /**
   * Set when the label was recognised only loosely (characters missing or garbled, issue 11):
   * the text as printed. The readers report it as a LooseLabel.
   */
  loose?: string;
}

/** The opening bracket of a numbering 「（一）」 belongs to the label, not to the cells before it. */
function spanOf(doc: Doc, k: number, length: number): Span {
  let start = doc.pos[k] as number;
  while (start > 0 && '(（[【〔'.includes(doc.text[start - 1] as string)) start--;
  return { start, end: (doc.pos[k + length - 1] as number) + 1 };
}

/** The first occurrence of any of `keys` inside the text range [from, to). */
export function findFirst(doc: Doc, keys: readonly string[], from: number, to: number): Span | null {
  const kFrom = doc.keyAt[from] as number;
  const kTo = doc.keyAt[to] as number;
  let best: { k: number; length: number } | null = null;
  for (const key of keys) {
    if (!key) continue;
    const k = doc.key.indexOf(key, kFrom);
    if (k < 0 || k + key.length > kTo) continue;
    if (!best || k < best.k) best = { k, length: key.length };
  }
  return best ? spanOf(doc, best.k, best.length) : null;
}

/** The last occurrence of any of `keys` that starts inside [from, to). */
export function findLast(doc: Doc, keys: readonly string[], from: number, to: number): Span | null {
  const kFrom = doc.keyAt[from] as number;
  const kTo = doc.keyAt[to] as number;
  let best: { k: number; length: number } | null = null;
  for (const key of keys) {
    if (!key || kTo <= 0) continue;
    const k = doc.key.lastIndexOf(key, kTo - 1);
    if (k < kFrom) continue;
    if (!best || k > best.k) best = { k, length: key.length };
  }
  return best ? spanOf(doc, best.k, best.length) : null;
}

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

export function hasCjk(s: string): boolean {
  return CJK.test(s);
}
