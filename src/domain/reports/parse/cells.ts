// The text between one row label and the next ("segment") → the cells it holds.
//
// Pipes or tabs mark cell boundaries, so empty cells keep their positions ("cells" mode). Without
// them, numbers are separated by whitespace or not at all ("tokens" mode); then positions must be
// recovered with the rules (splits.ts). Text after the numbers is a province-specific extra row
// or the next section: reading stops there.
import { hasCjk } from './normalize.js';

export type Cell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number; text: string }
  /** A number with a money unit, kept as printed (2019 采购总金额). */
  | { kind: 'amount'; value: number; text: string }
  | { kind: 'bad'; text: string };

export interface Evidence {
  mode: 'cells' | 'tokens';
  items: Cell[];
  /** The segment ran to the end of the input: a short row there was cut off, not left blank. */
  atEnd: boolean;
}

/** Marks that sites print in a cell that has nothing to report. */
const EMPTY_MARKS = new Set(['', '-', '--', '—', '——', '/', '无', '空']);
const AMOUNT = /^(-?\d+(?:\.\d+)?)\s*(万元|亿元|元)$/;
const COUNT_UNIT = /^(\d+)\s*(件|个|项|条|次|人)$/;

const PLAIN_INT = /^\d{1,15}$/;

export function parseCell(raw: string): Cell | 'text' {
  const trimmed = raw.trim();
  // Fast path: most cells are blank or a plain count.
  if (trimmed === '') return { kind: 'empty' };
  if (PLAIN_INT.test(trimmed)) return { kind: 'number', value: Number(trimmed), text: trimmed };
  const t = trimmed.replace(/^(-?\d{1,3}(?:,\d{3})+)(?=$|\.|\s*[万亿元件个项])/, (m) => m.replace(/,/g, ''));
  if (EMPTY_MARKS.has(t)) return { kind: 'empty' };
  if (/^-?\d+(?:\.\d+)?$/.test(t)) return { kind: 'number', value: Number(t), text: t };
  const amount = AMOUNT.exec(t);
  if (amount) return { kind: 'amount', value: Number(amount[1]), text: t };
  const count = COUNT_UNIT.exec(t);
  if (count) return { kind: 'number', value: Number(count[1]), text: count[1] as string };
  return hasCjk(t) ? 'text' : { kind: 'bad', text: t };
}

/** Removes the rest of a label (「（区分处理的，只计这一情形…）」) before the first digit. */
function stripLabelTail(s: string): string {
  let end = 0;
  while (end < s.length) {
    const c = s.charCodeAt(end);
    if ((c >= 48 && c <= 57) || c === 124 || c === 9) break; // digit, |, tab
    end++;
  }
  const head = s.slice(0, end);
  return head.trim() !== '' && (hasCjk(head) || /[)\]”"']/.test(head)) ? s.slice(end) : s;
}

export function segmentEvidence(segment: string, reachesEnd: boolean): Evidence {
  const body = stripLabelTail(segment);
  const sep = body.includes('|') ? '|' : body.includes('\t') ? '\t' : null;
  return sep ? cellEvidence(body, sep, reachesEnd) : tokenEvidence(body, reachesEnd);
}

function cellEvidence(body: string, sep: string, reachesEnd: boolean): Evidence {
  const pieces = body.split(sep);
  // pieces[0] is the label's own cell unless a number follows the label in it; the last piece
  // is the head of the next label's cell unless it holds a number.
  const first = parseCell(stripLabelTail(pieces[0] ?? ''));
  const middle = pieces.slice(1, -1);
  const lastRaw = pieces.length > 1 ? (pieces[pieces.length - 1] as string) : '';
  const last = parseCell(lastRaw);
  const raw: (Cell | 'text')[] = [];
  if (first !== 'text' && first.kind !== 'empty') raw.push(first);
  for (const piece of middle) raw.push(parseCell(piece));
  if (last !== 'text' && last.kind !== 'empty') raw.push(last);
  const { items, stopped } = untilText(raw);
  return { mode: 'cells', items, atEnd: reachesEnd && !stopped };
}

function tokenEvidence(body: string, reachesEnd: boolean): Evidence {
  const raw: (Cell | 'text')[] = [];
  for (const token of body.split(/\s+/)) {
    if (!token) continue;
    raw.push(...splitToken(token));
  }
  const { items, stopped } = untilText(raw);
  return { mode: 'tokens', items, atEnd: reachesEnd && !stopped };
}

/** "情形)2431" → [text, 2431]; "2899其他主动公开文件" → [2899, text]; "594417.23万元" stays whole. */
function splitToken(token: string): (Cell | 'text')[] {
  const whole = parseCell(token);
  if (whole !== 'text') return [whole];
  // A minus sign inside a glued run belongs to a 2019 「本年增/减」 cell: keep it with the digits.
  const m = /^(\D*?)(-?\d[\d.,-]*(?:万元|亿元|元)?)(.*)$/.exec(token);
  if (!m) return ['text'];
  const out: (Cell | 'text')[] = [];
  if (m[1]) out.push('text');
  out.push(parseCell(m[2] as string));
  if (m[3]) out.push(hasCjk(m[3]) ? 'text' : parseCell(m[3]));
  return out;
}

/**
 * Text before the first number is header or label text: it is skipped together with the empty
 * cells collected so far (they were header cells). Text after a number ends the row.
 */
function untilText(raw: (Cell | 'text')[]): { items: Cell[]; stopped: boolean } {
  let items: Cell[] = [];
  let seenValue = false;
  for (const cell of raw) {
    if (cell === 'text') {
      if (seenValue) return { items, stopped: true };
      items = [];
      continue;
    }
    if (cell.kind !== 'empty') seenValue = true;
    items.push(cell);
  }
  return { items, stopped: false };
}
