// 发文字号 (GB/T 9704—2012《党政机关公文格式》7.2.4): 发文机关代字 + 年份 + 发文顺序号, e.g.
// 苏府〔2020〕12号. The standard writes the year in 六角括号 〔〕, the serial without leading zeros
// (不编虚位, so 1 not 01) and without 第. People type it with whatever brackets their keyboard gives —
// [] ［］ （） () 【】 ﹝﹞ 〈〉 《》 — full-width digits and stray spaces; all of these are one 文号.
// The normal form is the standard's spelling; documents store both what was typed and the normal form
// (document.doc_number / doc_number_norm), and an exact 文号 search compares normal forms.
//
// Not this pattern: numbers without a bracketed year, such as 国务院令第711号 (a 令 is numbered
// across years) or 苏政规〔2021〕 without a serial. They are searched as words.

export interface DocNumber {
  /** 发文机关代字 (苏府办, 国办发, 江南府办依复). */
  prefix: string;
  year: number;
  serial: number;
  /** 苏府〔2020〕12号 */
  normalized: string;
}

/** Brackets accepted around the year (opening and closing are not required to pair up). */
const OPEN = '〔［\\[（(【﹝〈《<〘';
const CLOSE = '〕］\\]）)】﹞〉》>〙';
/** CJK ideographs (basic block and extension A): the 机关代字 is written in Chinese characters only. */
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff';
const DIGIT = '0-9０-９';
const SPACE = '[\\s\\u3000]*';

/** The bracket-year-serial tail, after the prefix. */
const TAIL = `${SPACE}[${OPEN}]${SPACE}([${DIGIT}]{4})${SPACE}年?${SPACE}[${CLOSE}]${SPACE}第?${SPACE}([${DIGIT}]{1,6})${SPACE}号`;
const WHOLE = new RegExp(`^${SPACE}([${HAN}]{1,16})${TAIL}${SPACE}$`, 'u');
const INSIDE = new RegExp(`([${HAN}]{1,16})${TAIL}`, 'gu');

/** Years a 文号 may carry: the People's Republic's documents up to the end of the century. */
const MIN_YEAR = 1949;
const MAX_YEAR = 2100;

/**
 * Words that are typed in front of a 文号 in a search box but are never part of a 机关代字
 * (查询苏府〔2020〕12号, 关于苏府〔2020〕12号). Checked longest first.
 */
const LEADING_NOISE = [
  '发文字号',
  '文号',
  '查询',
  '搜索',
  '查找',
  '关于',
  '根据',
  '依据',
  '按照',
  '请问',
  '查',
];

function toAsciiDigits(s: string): string {
  return s.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 0x30));
}

function build(prefix: string, yearText: string, serialText: string): DocNumber | null {
  const year = Number(toAsciiDigits(yearText));
  const serial = Number(toAsciiDigits(serialText));
  if (year < MIN_YEAR || year > MAX_YEAR || serial < 1) return null;
  return { prefix, year, serial, normalized: `${prefix}〔${year}〕${serial}号` };
}

/** The whole input is one 文号 (any bracket, full-width digits, spaces); null otherwise. */
export function parseDocNumber(input: string): DocNumber | null {
  const m = WHOLE.exec(input);
  if (!m) return null;
  return build(m[1]!, m[2]!, m[3]!);
}

/** The normal form 苏府〔2020〕12号 of a typed 文号, or null when it is not one. */
export function normalizeDocNumber(input: string): string | null {
  return parseDocNumber(input)?.normalized ?? null;
}

/** A 文号 found inside a longer text, with where it stands (UTF-16 offsets, end exclusive). */
export interface DocNumberMatch {
  docNumber: DocNumber;
  start: number;
  end: number;
}

/**
 * The first 文号 inside a search query (`苏府[2020]12号 行政复议` → 苏府〔2020〕12号). The 代字 is the run of
 * Chinese characters just before the bracket, without a leading 关于 / 查询 / 文号…; a query that glues
 * other words to the 代字 gives a longer prefix — the search also tries its shorter endings
 * (docNumberPrefixCandidates).
 */
export function findDocNumberMatch(query: string): DocNumberMatch | null {
  INSIDE.lastIndex = 0;
  for (let m = INSIDE.exec(query); m; m = INSIDE.exec(query)) {
    let prefix = m[1]!;
    let start = m.index;
    for (const noise of LEADING_NOISE) {
      if (prefix.length > noise.length && prefix.startsWith(noise)) {
        prefix = prefix.slice(noise.length);
        start += noise.length;
        break;
      }
    }
    const docNumber = build(prefix, m[2]!, m[3]!);
    if (docNumber) return { docNumber, start, end: m.index + m[0].length };
  }
  return null;
}

/** The first 文号 inside a search query, or null. */
export function findDocNumber(query: string): DocNumber | null {
  return findDocNumberMatch(query)?.docNumber ?? null;
}

/**
 * Normal forms to look up for a 文号 found in a query: the whole prefix first, then its shorter
 * endings down to two characters (苏府办关于 glued to nothing is rare, but 市苏府〔2020〕12号 should still
 * find 苏府〔2020〕12号).
 */
export function docNumberPrefixCandidates(d: DocNumber): string[] {
  const out: string[] = [];
  for (let i = 0; i === 0 || d.prefix.length - i >= 2; i++) {
    out.push(`${d.prefix.slice(i)}〔${d.year}〕${d.serial}号`);
  }
  return out;
}
