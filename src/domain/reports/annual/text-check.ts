// Rule C4 on the texts written in the back office: a figure typed in a text (not a placeholder)
// that contradicts the tables or the fees collected. Only phrasings that can mean nothing else
// are read; a 汇总 report's overview often quotes 本级 figures, so C4 stays a warning.
import { place } from '../location.js';
import { quoteViolations } from '../parse/quoted-figures.js';
import type { Violation } from '../types.js';
import {
  formatYuan,
  TEXT_PARTS,
  textPartHeading,
  typedOnly,
  type ReportTexts,
  type TextFigures,
  type TextPartKey,
} from './text.js';

/** A C4 finding with the text part it was found in. */
export type TextViolation = Violation & { part: TextPartKey };

const T3_TOTAL = 6;

interface Phrase {
  pattern: RegExp;
  /** The figure of the tables the phrase states, or null when the tables do not have it. */
  actual: (f: TextFigures) => number | null;
  place: ReturnType<typeof place.table3Cell>;
  what: string;
}

const t3 = (f: TextFigures, row: string) => f.table3.rows[row]?.[T3_TOTAL] ?? null;

const PHRASES: readonly Phrase[] = [
  {
    pattern: /上年结转(?:政府信息公开)?申请(?:共计?|合计)?(\d+)件/,
    actual: (f) => t3(f, 'carriedOver'),
    place: place.table3Cell('carriedOver', 'total'),
    what: '表三「上年结转政府信息公开申请数量」总计',
  },
  {
    pattern: /结转下(?:一)?年度(?:继续办理)?(?:的)?(?:申请)?(?:共计?|合计)?(\d+)件/,
    actual: (f) => t3(f, 'carriedForward'),
    place: place.table3Cell('carriedForward', 'total'),
    what: '表三「结转下年度继续办理」总计',
  },
];

const FEES_TYPED = /信息处理费(?:共计?|合计|总计)?(?:人民币)?(\d+(?:\.\d+)?)元/;
const NO_FEES = /未(?:收取|收缴|收)(?:任何)?信息处理费/;

function phraseViolations(text: string, f: TextFigures): Violation[] {
  const out: Violation[] = [];
  for (const p of PHRASES) {
    const m = p.pattern.exec(text);
    const actual = m ? p.actual(f) : null;
    if (!m || actual === null || Number(m[1]) === actual) continue;
    out.push({
      rule: 'C4',
      severity: 'warning',
      ...p.place,
      expected: Number(m[1]),
      actual,
      message: `正文称「${m[0]}」，${p.what}却为 ${actual}。`,
    });
  }
  return out;
}

/** 六、其他需要报告的事项 states the 信息处理费 collected: a typed amount must agree with the fee notices. */
function feeViolations(text: string, f: TextFigures): Violation[] {
  if (f.feesCollected === null) return [];
  const typed = FEES_TYPED.exec(text);
  const where = {
    where: 'text fees',
    location: { table: 'report' as const, row: null, column: null, cells: [] },
  };
  const collected = formatYuan(f.feesCollected);
  if (typed && Math.abs(Number(typed[1]) - f.feesCollected) > 0.005)
    return [
      {
        rule: 'C4',
        severity: 'warning',
        ...where,
        expected: Number(typed[1]),
        actual: f.feesCollected,
        message: `正文称「${typed[0]}」，据收费通知本年实际收取信息处理费 ${collected} 元。`,
      },
    ];
  const none = NO_FEES.exec(text);
  if (!typed && none && f.feesCollected > 0)
    return [
      {
        rule: 'C4',
        severity: 'warning',
        ...where,
        expected: 0,
        actual: f.feesCollected,
        message: `正文称「${none[0]}」，据收费通知本年实际收取信息处理费 ${collected} 元。`,
      },
    ];
  return [];
}

/** Every typed figure that contradicts the tables, part by part in print order. */
export function textViolations(texts: ReportTexts, f: TextFigures): TextViolation[] {
  const out: TextViolation[] = [];
  for (const { key } of TEXT_PARTS) {
    const typed = typedOnly(texts[key]);
    if (typed.trim() === '') continue;
    const found = [...quoteViolations(typed, f), ...phraseViolations(typed, f), ...feeViolations(typed, f)];
    for (const v of found) out.push({ ...v, part: key, message: `${partName(key)}：${v.message}` });
  }
  return out;
}

function partName(key: TextPartKey): string {
  const part = TEXT_PARTS.find((p) => p.key === key)!;
  return part.section === '一' ? `「一、总体情况${textPartHeading(key)}」` : `「${textPartHeading(key)}」`;
}
