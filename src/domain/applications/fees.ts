// 信息处理费 (第四十二条; 《政府信息公开信息处理费管理办法》, 国办函〔2020〕109号, docs/legal.md §1.11).
// Free unless the number or frequency of requests clearly exceeds a reasonable range; then charged
// by item or by page, progressively (超额累进), one method per application. The rates are data: an
// agency (or a later 办法) changes the table, not the code.
import { InvalidInput } from '../errors.js';
import type { IsoDate } from '../calendar/iso-date.js';

export type FeeMethod = 'item' | 'page';

export const FEE_METHOD_LABELS: Record<FeeMethod, string> = { item: '按件计收', page: '按量计收' };

/** Units [previous band's upTo + 1 … upTo] cost `rate` 元 each; upTo null = no upper end. */
export interface FeeBand {
  upTo: number | null;
  rate: number;
}

export interface FeeScale {
  /** Unit name in explanations: 件 or 页. */
  unit: string;
  bands: readonly FeeBand[];
  /**
   * After the last band (which must then have an upper end): every further `every` units cost
   * `increment` 元 more per unit than the band before (按件: 31–40 = 200, 41–50 = 300 …).
   */
  beyond?: { every: number; increment: number };
}

export interface FeeSchedule {
  item: FeeScale;
  page: FeeScale;
  /**
   * Where the cumulative count starts afresh: 按件 counts per applicant per calendar month
   * (办法 第四条); 按量 per application (UNVERIFIED: believed per application, not seen).
   */
  pageCountPerApplication: boolean;
}

/**
 * 办法 第四条 (按件): per applicant per calendar month, cumulative — items 1–10 free, 11–30 100 元
 * each, then +100 元 per item for each further band of 10 (the values from item 31 on are arithmetic
 * from the rule, not quoted: UNVERIFIED). 第五条 (按量): pages 1–30 free, 31–100 10 元, 101–200
 * 20 元, 201 on 40 元 per page. How electronic data converts to pages: UNVERIFIED.
 */
export const DEFAULT_FEE_SCHEDULE: Readonly<FeeSchedule> = Object.freeze({
  item: {
    unit: '件',
    bands: [
      { upTo: 10, rate: 0 },
      { upTo: 30, rate: 100 },
    ],
    beyond: { every: 10, increment: 100 },
  },
  page: {
    unit: '页',
    bands: [
      { upTo: 30, rate: 0 },
      { upTo: 100, rate: 10 },
      { upTo: 200, rate: 20 },
      { upTo: null, rate: 40 },
    ],
  },
  pageCountPerApplication: true,
});

export interface FeeInput {
  method: FeeMethod;
  /** Items (件) or pages (页) of this application. */
  units: number;
  /**
   * Units already counted before this application in the same cumulative run: for 按件, the same
   * applicant's items earlier in the calendar month (see feeMonth); for 按量, 0 when pages count per
   * application.
   */
  earlierUnits?: number;
}

/** One band crossed by the application, e.g. 第11至30件 20件 × 100元 = 2000元. */
export interface FeeLine {
  from: number;
  to: number;
  count: number;
  rate: number;
  amount: number;
}

export interface FeeResult {
  method: FeeMethod;
  units: number;
  earlierUnits: number;
  /** 元, an integer when the rates are. */
  amount: number;
  lines: FeeLine[];
  /** Chinese, one sentence per line and a total, for the 收费通知 and the officer. */
  explanation: string[];
}

/** The calendar month whose items count together (按件). UNVERIFIED: the month of receipt. */
export function feeMonth(receivedOn: IsoDate): string {
  return receivedOn.slice(0, 7);
}

export function computeFee(input: FeeInput, schedule: FeeSchedule = DEFAULT_FEE_SCHEDULE): FeeResult {
  const earlier = input.earlierUnits ?? 0;
  const e: Record<string, string> = {};
  if (input.method !== 'item' && input.method !== 'page') e.method = '请选择按件或按量计收';
  if (!Number.isInteger(input.units) || input.units < 1) e.units = '数量应为正整数';
  if (!Number.isInteger(earlier) || earlier < 0) e.earlierUnits = '此前已计数量应为非负整数';
  if (Object.keys(e).length > 0) throw new InvalidInput(e);
  const scale = schedule[input.method];
  const first = earlier + 1;
  const last = earlier + input.units;
  const lines = bandsThrough(scale, last)
    .map(({ from, to, rate }) => {
      const lo = Math.max(from, first);
      const hi = Math.min(to, last);
      return hi >= lo ? { from: lo, to: hi, count: hi - lo + 1, rate, amount: (hi - lo + 1) * rate } : null;
    })
    .filter((l): l is FeeLine => l !== null);
  const amount = lines.reduce((s, l) => s + l.amount, 0);
  return {
    method: input.method,
    units: input.units,
    earlierUnits: earlier,
    amount,
    lines,
    explanation: explain(input.method, scale, earlier, lines, amount),
  };
}

/** The bands as ranges through unit `last`, the open-ended escalation unrolled as far as needed. */
function bandsThrough(scale: FeeScale, last: number): { from: number; to: number; rate: number }[] {
  const out: { from: number; to: number; rate: number }[] = [];
  let from = 1;
  let rate = 0;
  for (const b of scale.bands) {
    const to = b.upTo ?? Number.MAX_SAFE_INTEGER;
    out.push({ from, to, rate: b.rate });
    if (b.upTo === null) return out;
    from = to + 1;
    rate = b.rate;
  }
  const x = scale.beyond;
  // A table whose last band has an end and no escalation: its last rate continues.
  if (!x) out.push({ from, to: Number.MAX_SAFE_INTEGER, rate });
  for (let step = 1; x && from <= last; step++, from += x.every)
    out.push({ from, to: from + x.every - 1, rate: rate + step * x.increment });
  return out;
}

function explain(
  method: FeeMethod,
  scale: FeeScale,
  earlier: number,
  lines: FeeLine[],
  amount: number,
): string[] {
  const u = scale.unit;
  const out: string[] = [];
  if (earlier > 0)
    out.push(
      method === 'item'
        ? `本月此前已计${earlier}${u}，本申请自第${earlier + 1}${u}起累计计算（办法第四条）。`
        : `此前已计${earlier}${u}，本申请自第${earlier + 1}${u}起累计计算。`,
    );
  for (const l of lines) {
    const range = l.from === l.to ? `第${l.from}${u}` : `第${l.from}至${l.to}${u}`;
    out.push(
      l.rate === 0
        ? `${range}：${l.count}${u}，免费。`
        : `${range}：${l.count}${u} × ${l.rate}元 = ${l.amount}元。`,
    );
  }
  out.push(`${FEE_METHOD_LABELS[method]}，合计${amount}元（国办函〔2020〕109号）。`);
  return out;
}
