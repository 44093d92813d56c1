// Chinese words for full-text search. PostgreSQL's parsers do not split Chinese into words, so the
// application does it with jieba (@node-rs/jieba, the jieba-rs core: ~10 M chars/s on one core) and
// stores the words space-joined in document.title_tokens / body_tokens; the database turns them into
// a tsvector with the 'simple' configuration (no stemming, no stop words), which splits on spaces only
// for the tokens written here, on PGlite and PostgreSQL alike.
//
// Index: jieba's cut (the longest words), and before each word longer than two characters every
// dictionary word inside it (jieba's full mode on the word: 中华人民共和国政府 → 中华 … 人民共和国 …
// 中华人民共和国), so that any word a query is cut into is found inside a longer indexed word.
// jieba's own search mode (cutForSearch) emits only the two- and three-character parts, so the query
// 营商环境 would miss 优化营商环境 and 中华人民共和国 would miss 中华人民共和国政府.
// Query: cut, the words ANDed. A phrase ("…") needs its words at fixed distances: each word stands
// partsBefore(word) + 1 positions after the previous one (see the index order above).
//
// A user dictionary of agency and policy terms (search-dictionary.txt) keeps words like 放管服,
// 一网通办 and 文号 代字 like 苏府办 whole. Changing the dictionary or the rules here changes the tokens:
// bump TOKENIZER_VERSION, and stored rows with an older document.tokenizer_version are re-tokenised.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Jieba as JiebaClass } from '@node-rs/jieba';

/** The version of the dictionary and rules below, stored with every row's tokens. */
export const TOKENIZER_VERSION = 1;

/**
 * Hidden Markov model for words not in the dictionary: off. With it on, jieba glues unknown
 * character runs into new "words" that depend on their neighbours, so a word typed in the search box
 * can be cut differently in a document (measured in bench/documents-search.bench.ts: recall).
 */
const HMM = false;

/**
 * The most text of one field that is tokenised: PostgreSQL refuses a tsvector over 1 MB. Text past
 * it (a very long attachment) is not searchable; the first million characters are.
 */
const MAX_INDEXED_CHARS = 1_000_000;

/** Longest token kept: longer runs are codes or encoded data, not words anyone types. */
const MAX_TOKEN_LENGTH = 60;

interface Segmenter {
  cut(sentence: string, hmm?: boolean | null): string[];
  cutAll(sentence: string): string[];
}

let segmenter: Segmenter | undefined;

/** The user dictionary lines (word [frequency] [tag]), comments and blank lines removed. */
export function searchDictionaryText(): string {
  const raw = readFileSync(new URL('./search-dictionary.txt', import.meta.url), 'utf8');
  return raw
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trim())
    .filter((l) => l !== '')
    .join('\n');
}

/** jieba with its dictionary and ours, loaded on first use (~0.3 s, ~60 MB) and kept for the process. */
function jieba(): Segmenter {
  if (!segmenter) {
    const require = createRequire(import.meta.url);
    const { Jieba } = require('@node-rs/jieba') as { Jieba: typeof JiebaClass };
    const { dict } = require('@node-rs/jieba/dict.js') as { dict: Buffer };
    const j = Jieba.withDict(dict);
    j.loadDict(Buffer.from(`${searchDictionaryText()}\n`, 'utf8'));
    segmenter = j;
  }
  return segmenter;
}

/** Letters (any script) and digits: everything else separates tokens and is dropped. */
const WORD_PIECE = /[\p{L}\p{N}]+/gu;

/** The word pieces of one jieba word (punctuation, symbols and spaces dropped), lower-cased. */
function pieces(word: string, out: string[]): void {
  for (const m of word.toLowerCase().matchAll(WORD_PIECE)) {
    const p = m[0];
    if (p.length <= MAX_TOKEN_LENGTH) out.push(p);
  }
}

/** Full-width letters and digits to half-width, compatibility ideographs to unified ones. */
function prepare(text: string): string {
  return text.normalize('NFKC');
}

/** Parts of a word, memoised: the vocabulary is small next to the text. */
const partsMemo = new Map<string, readonly string[]>();
const PARTS_MEMO_LIMIT = 200_000;
const NO_PARTS: readonly string[] = [];

/**
 * The dictionary words of two or more characters inside a word, in the order jieba's full mode
 * lists them, without the word itself. Words of one or two characters have none.
 */
export function wordParts(word: string): readonly string[] {
  if (word.length <= 2 || !/^[\u3400-\u4dbf\u4e00-\u9fff]+$/u.test(word)) return NO_PARTS;
  let parts = partsMemo.get(word);
  if (!parts) {
    const seen = new Set<string>();
    for (const p of jieba().cutAll(word)) if (p.length >= 2 && p !== word) seen.add(p);
    parts = seen.size === 0 ? NO_PARTS : [...seen];
    if (partsMemo.size >= PARTS_MEMO_LIMIT) partsMemo.clear();
    partsMemo.set(word, parts);
  }
  return parts;
}

/**
 * Index tokens of a text: each word jieba cuts it into, preceded by the dictionary words inside it;
 * punctuation dropped, Latin lower-cased, digits kept, full-width letters and digits made
 * half-width; space-joined, so that to_tsvector('simple', …) gives exactly these lexemes.
 */
export function tokensForIndex(text: string): string {
  if (!text) return '';
  const out: string[] = [];
  for (const w of jieba().cut(prepare(text.slice(0, MAX_INDEXED_CHARS)), HMM)) {
    const before = out.length;
    pieces(w, out);
    // A word is one piece unless it held punctuation (a Latin word with a hyphen, a number with a dot).
    if (out.length === before + 1) {
      const parts = wordParts(w);
      if (parts.length > 0) out.splice(before, 0, ...parts);
    }
  }
  return out.join(' ');
}

/** Query words of a text: jieba cut (the longest words), cleaned like tokensForIndex. */
export function tokensForQuery(text: string): string[] {
  if (!text) return [];
  const out: string[] = [];
  for (const w of jieba().cut(prepare(text), HMM)) pieces(w, out);
  return out;
}

/**
 * How many index positions stand before a word's own position that belong to it (its parts): a
 * phrase's next word is partsBefore(next) + 1 positions after the previous word.
 */
export function partsBefore(word: string): number {
  return wordParts(word).length;
}

export interface DocumentSearchInput {
  title: string;
  /** 发文字号 as typed (its parts are indexed with the title). */
  docNumber?: string | null;
  bodyText?: string | null;
  /** Text extracted from the attachments, indexed with the body. */
  attachmentsText?: string | readonly string[] | null;
}

export interface DocumentSearchColumns {
  titleTokens: string;
  bodyTokens: string;
  tokenizerVersion: number;
}

/**
 * The search columns of a document row. Every writer of `document` (commands, demo, bench, test
 * factories) calls this, so the index is current in the transaction that writes the row.
 */
export function documentSearchColumns(input: DocumentSearchInput): DocumentSearchColumns {
  const attachments =
    typeof input.attachmentsText === 'string'
      ? input.attachmentsText
      : (input.attachmentsText ?? []).join('\n');
  const number = input.docNumber?.trim() ?? '';
  // The 文号's 代字 is indexed whole too (江南府办 even when jieba cuts it 江南 府办).
  const prefix = /^[\u3400-\u4dbf\u4e00-\u9fff]+/u.exec(number)?.[0] ?? '';
  const titleTokens = [tokensForIndex(input.title), tokensForIndex(number), prefix]
    .filter((s) => s !== '')
    .join(' ');
  const body = [input.bodyText ?? '', attachments].filter((s) => s !== '').join('\n');
  return {
    titleTokens,
    bodyTokens: tokensForIndex(body.slice(0, MAX_INDEXED_CHARS)),
    tokenizerVersion: TOKENIZER_VERSION,
  };
}
