// A search box query, read into what the database is asked: words (ANDed), exact phrases ("…"),
// and a 发文字号 (苏府[2020]12号 → 苏府〔2020〕12号, looked up exactly and ranked first). The words
// come from the tokenizer the caller passes in (src/lib/chinese-tokens.ts: jieba), so this module
// stays pure. The result is a string for PostgreSQL's to_tsquery('simple', …), built only from word
// pieces (letters and digits), each quoted: no input can break the tsquery syntax.
import { docNumberPrefixCandidates, findDocNumberMatch, type DocNumber } from '../documents/doc-number.js';

export interface QueryTokenizer {
  /** The words of a text, as the index holds them (lower-cased letters and digits only). */
  words(text: string): string[];
  /** Index positions a word's parts take before the word itself (phrase distances). */
  partsBefore(word: string): number;
}

/** Longest query read: the rest is ignored (a search box, not a document). */
const MAX_QUERY_LENGTH = 100;
/** Most words (and phrase words) used: more only slow the search down and rarely match. */
const MAX_QUERY_WORDS = 12;

export interface ParsedQuery {
  /** The query as read (trimmed, cut at MAX_QUERY_LENGTH). */
  text: string;
  /** Words outside quotes and outside the 文号, without repeats. */
  terms: string[];
  /** The words of each quoted phrase (a phrase of one word is a term). */
  phrases: string[][];
  /** The 文号 in the query, and the normal forms to look up (docNumberPrefixCandidates). */
  docNumber: DocNumber | null;
  docNumberCandidates: string[];
  /** For to_tsquery('simple', …); null when the query holds no word (only punctuation, or empty). */
  tsquery: string | null;
  /**
   * Every word ANDed, phrases undone: true of every row the tsquery matches, and answered by the
   * GIN index alone (a phrase needs each row's positions). Equal to tsquery without phrases.
   */
  tsqueryWords: string | null;
  /** Every word to mark in titles and snippets. */
  highlightWords: string[];
}

/** Quote pairs that mark a phrase: ASCII, Chinese curly quotes, corner brackets. */
const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', '”': '”' };

const SAFE_WORD = /^[\p{L}\p{N}]+$/u;

/** A tsquery operand: the word quoted (it holds only letters and digits, checked here again). */
function operand(word: string): string {
  return `'${word.replace(/'/g, "''")}'`;
}

/** Words a → b → c of a phrase at the distances the index puts them (<-> is <1>). */
function phraseQuery(words: string[], tokenizer: QueryTokenizer): string {
  let out = operand(words[0]!);
  for (const w of words.slice(1)) {
    const d = tokenizer.partsBefore(w) + 1;
    out += ` ${d === 1 ? '<->' : `<${d}>`} ${operand(w)}`;
  }
  return words.length > 1 ? `(${out})` : out;
}

function splitQuoted(text: string): { plain: string; phrases: string[] } {
  const phrases: string[] = [];
  let plain = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const close = QUOTES[ch];
    const end = close === undefined ? -1 : text.indexOf(close, i + 1);
    if (close !== undefined && end > i) {
      phrases.push(text.slice(i + 1, end));
      plain += ' ';
      i = end + 1;
    } else {
      // An unclosed quote is punctuation.
      plain += close === undefined ? ch : ' ';
      i++;
    }
  }
  return { plain, phrases };
}

export function parseSearchQuery(input: string, tokenizer: QueryTokenizer): ParsedQuery {
  const text = input.trim().slice(0, MAX_QUERY_LENGTH);
  const { plain: outside, phrases: quoted } = splitQuoted(text);

  let plain = outside;
  const match = findDocNumberMatch(plain);
  if (match) plain = `${plain.slice(0, match.start)} ${plain.slice(match.end)}`;
  // A quoted 文号 stays a phrase, and is still looked up exactly.
  const docNumber =
    match?.docNumber ?? quoted.map((p) => findDocNumberMatch(p)?.docNumber).find((d) => d) ?? null;

  const clean = (ws: string[]) => ws.filter((w) => SAFE_WORD.test(w));
  let budget = MAX_QUERY_WORDS;
  const take = (ws: string[]) => {
    const kept = ws.slice(0, Math.max(0, budget));
    budget -= kept.length;
    return kept;
  };

  const docWords = match ? take(clean(tokenizer.words(match.docNumber.normalized))) : [];
  const phrases: string[][] = [];
  const terms: string[] = [];
  for (const p of quoted) {
    const ws = take(clean(tokenizer.words(p)));
    if (ws.length > 1) phrases.push(ws);
    else if (ws.length === 1 && !terms.includes(ws[0]!)) terms.push(ws[0]!);
  }
  for (const w of take(clean(tokenizer.words(plain)))) if (!terms.includes(w)) terms.push(w);

  const parts: string[] = [];
  if (docWords.length > 0) parts.push(phraseQuery(docWords, tokenizer));
  for (const p of phrases) parts.push(phraseQuery(p, tokenizer));
  for (const t of terms) parts.push(operand(t));

  const highlightWords = [...new Set([...terms, ...phrases.flat()])];
  const allWords = [...new Set([...docWords, ...phrases.flat(), ...terms])];
  return {
    text,
    terms,
    phrases,
    docNumber,
    docNumberCandidates: docNumber ? docNumberPrefixCandidates(docNumber) : [],
    tsquery: parts.length > 0 ? parts.join(' & ') : null,
    tsqueryWords: allWords.length > 0 ? allWords.map(operand).join(' & ') : null,
    highlightWords,
  };
}

/**
 * Queries to suggest when nothing is found: the query without one of its words (the last words
 * first, as people add words at the end), each a text to search again.
 */
export function queriesWithoutOneWord(parsed: ParsedQuery): string[] {
  if (parsed.terms.length < 2) return [];
  const out: string[] = [];
  for (let i = parsed.terms.length - 1; i >= 0; i--) {
    out.push(parsed.terms.filter((_, j) => j !== i).join(' '));
  }
  return out;
}
