// The figures a report quotes in its own prose (section 一 总体情况), as data: one phrasing → the
// cells it names. Only phrasings that can mean nothing else are listed: 「办理行政许可N件」 is the
// number of licensing decisions (表二 第二十条第（五）项), 「本年度制发规范性文件N件」 the normative
// documents made this year. The overview of a 汇总 report often quotes the 本级 figures, which
// rightly differ from the tables, so nothing vaguer (「主动公开政府信息N条」, 「答复N件」) is used.
//
// Left out on purpose: 「收取信息处理费N元」 — no cell of tables 二–四 holds that amount (table 三
// counts the applications whose fee went unpaid, table 二 行政事业性收费 is another fee).
import { cellRef } from '../location.js';
import type { CellRef, ReportFormat } from '../types.js';

/** One side of a quoted figure: Σ plus − Σ minus of these cells equals the figure. */
export interface QuoteTarget {
  plus: CellRef[];
  minus: CellRef[];
}

export interface QuotePhrasing {
  id: string;
  /** Matched on the normalised text; every capture group is one figure, in the order of `targets`. */
  pattern: RegExp;
  /** The cells of each captured figure in a report of the given format (null: none in that format). */
  targets: (format: ReportFormat) => (QuoteTarget | null)[];
}

/** A figure: digits, perhaps with thousands separators. */
const N = '(\\d{1,3}(?:,\\d{3})+|\\d+)';
/** Filler between the noun and its figure: 「共」「共计」「合计」 and spaces. */
const TOTAL = '\\s*(?:共计?|合计)?\\s*';

const one = (...cells: CellRef[]): QuoteTarget => ({ plus: cells, minus: [] });
const t2 = (row: string, column: string) => cellRef('table2', row, column);
/** The same cells in both formats. */
const anyFormat = (target: QuoteTarget) => (): (QuoteTarget | null)[] => [target];

export const QUOTE_PHRASINGS: readonly QuotePhrasing[] = [
  {
    id: 'newReceived',
    // 「全年共收到政府信息公开申请2833件」「本年度新收到政府信息公开申请120件」
    pattern: new RegExp(
      `(?:(?:全年|本年度?)共?|共)(?:新)?收到(?:各类)?政府信息公开申请${TOTAL}${N}\\s*件`,
      'u',
    ),
    targets: anyFormat(one(cellRef('table3', 'newReceived', 'total'))),
  },
  {
    id: 'normativeMade',
    // 「本年度制发规范性文件30件」「本年共制发行政规范性文件30件」
    pattern: new RegExp(`本年度?${TOTAL}制发(?:行政)?规范性文件${TOTAL}${N}\\s*件`, 'u'),
    targets: (format) => [one(t2('normativeDocuments', format === '2021' ? 'made' : 'newMade'))],
  },
  {
    id: 'normativeValid',
    // 「集中公开现行有效行政规范性文件310件」 (the 2021 column 现行有效件数)
    pattern: new RegExp(`集中公开现行有效(?:行政)?规范性文件${TOTAL}${N}\\s*件`, 'u'),
    targets: (format) => [format === '2021' ? one(t2('normativeDocuments', 'valid')) : null],
  },
  {
    id: 'licensing',
    // 「办理行政许可15321件」「作出行政许可决定15321件」
    pattern: new RegExp(`(?:办理行政许可|作出行政许可决定)${TOTAL}${N}\\s*件`, 'u'),
    targets: anyFormat(one(t2('licensing', 'decisions'))),
  },
  {
    id: 'penalty',
    // 「作出行政处罚决定2873件」
    pattern: new RegExp(`作出行政处罚(?:决定)?${TOTAL}${N}\\s*件`, 'u'),
    targets: anyFormat(one(t2('penalty', 'decisions'))),
  },
  {
    id: 'reviewsAndSuits',
    // 「政府信息公开行政复议6件、行政诉讼5件」: 行政诉讼 spans both lawsuit groups of table 四.
    pattern: new RegExp(
      `行政复议(?:案件)?${TOTAL}${N}\\s*件\\s*[、，,]\\s*行政诉讼(?:案件)?${TOTAL}${N}\\s*件`,
      'u',
    ),
    targets: () => [
      one(cellRef('table4', 'review', 'total')),
      one(cellRef('table4', 'suitDirect', 'total'), cellRef('table4', 'suitAfterReview', 'total')),
    ],
  },
];

/** 「2,833」 → 2833. */
export const figureValue = (printed: string): number => Number(printed.replace(/,/g, ''));
