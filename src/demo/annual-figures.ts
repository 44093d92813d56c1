// The table-二 figures the demo city's agencies entered for 2020 (issue 12 item 8): 行政许可,
// 其他对外管理服务事项, 行政处罚, 行政强制, 行政事业性收费 and 政府集中采购, and their own 规章 and
// 规范性文件 counts (the document library holds only what was published since 2019, so the offices
// entered their totals; an entered figure wins over the library's). Split over the agencies that
// do such work so that, with the imported bureau's report, the city's 汇总 table 二 is the
// published one. Largest-remainder shares: deterministic, and every sum exact.
import { CITY_2020, IMPORTED_MEMBER_2020, type Table2Figures } from './annual-target.js';
import { historyAgencies } from './annual-cases.js';

export interface EnteredFigures {
  agencyCode: string;
  /** row key → column key → value (2019 format; amounts as printed, e.g. "1234.56万元"). */
  cells: Record<string, Record<string, number | string>>;
}

/** Integers proportional to `weights` summing to `total` (largest remainder; total may be < 0). */
export function shares(total: number, weights: readonly number[]): number[] {
  if (total < 0) return shares(-total, weights).map((v) => -v || 0);
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const out = exact.map(Math.floor);
  let left = total - out.reduce((s, v) => s + v, 0);
  const order = exact.map((e, i) => ({ i, f: e - Math.floor(e) })).sort((a, b) => b.f - a.f || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k]!.i]! += 1;
  return out;
}

/** Who does which work, with a weight: departments by code, then districts and zones. */
const HOLDERS: Record<string, Record<string, number>> = {
  licensing: {
    'JN.ZWB': 30,
    'JN.ZGJ': 8,
    'JN.ZJJ': 8,
    'JN.SCJGJ': 12,
    'JN.STHJJ': 4,
    'JN.JTJ': 5,
    'JN.WJW': 6,
  },
  otherServices: {
    'JN.RSJ': 20,
    'JN.YBJ': 18,
    'JN.MZJ': 8,
    'JN.GJJ': 14,
    'JN.ZWB': 10,
    'JN.WJW': 6,
    'JN.JYJ': 4,
  },
  penalty: {
    'JN.SCJGJ': 20,
    'JN.CGJ': 16,
    'JN.STHJJ': 10,
    'JN.JTJ': 8,
    'JN.ZGJ': 6,
    'JN.WJW': 5,
    'JN.YJJ': 4,
  },
  coercion: { 'JN.SCJGJ': 10, 'JN.CGJ': 12, 'JN.STHJJ': 6, 'JN.ZGJ': 4, 'JN.YJJ': 3 },
  fees: { 'JN.ZGJ': 3, 'JN.ZJJ': 3, 'JN.JTJ': 2, 'JN.SCJGJ': 2, 'JN.WJW': 3, 'JN.RFB': 1, 'JN.GKJ': 1 },
  procurement: { 'JN.JYJ': 16, 'JN.WJW': 14, 'JN.JTJ': 10, 'JN.CGJ': 8, 'JN.SWJ': 8, 'JN.ZJJ': 6 },
  normativeDocuments: { JN: 40, 'JN.BGS': 30 },
};
/** Districts and zones do licensing, penalties … too, at this weight; other departments at 1. */
const LOCAL_WEIGHT: Record<string, number> = {
  licensing: 4,
  otherServices: 5,
  penalty: 4,
  coercion: 3,
  fees: 0,
  procurement: 5,
  normativeDocuments: 4,
};

/** How many of the year's items each holder changed (本年增/减), largest holders first. */
function deltas(total: number, count: number): number[] {
  const out = Array<number>(count).fill(0);
  const step = Math.sign(total);
  for (let k = 0, left = Math.abs(total); left > 0; k = (k + 1) % Math.min(count, 9), left--) out[k]! += step;
  return out;
}

export function demoEnteredFigures(): EnteredFigures[] {
  const city = CITY_2020.table2;
  const own: Table2Figures = IMPORTED_MEMBER_2020.figures.table2;
  const rest = (row: string, col: string) => Number(city[row]![col]) - Number(own[row]![col]);
  const agencies = historyAgencies().filter((a) => a.code !== IMPORTED_MEMBER_2020.code);
  const byCode = new Map<string, EnteredFigures>();
  const cellsOf = (code: string) => {
    let f = byCode.get(code);
    if (!f) byCode.set(code, (f = { agencyCode: code, cells: {} }));
    return f.cells;
  };
  const holders = (row: string) => {
    const named = HOLDERS[row]!;
    const list = agencies.flatMap((a) => {
      const w =
        named[a.code] ??
        (a.kind === 'district' || a.kind === 'dispatched'
          ? LOCAL_WEIGHT[row]!
          : (a.kind === 'department' || a.kind === 'authorized') && row !== 'fees' && row !== 'coercion'
            ? 1
            : 0);
      return w > 0 ? [{ code: a.code, w }] : [];
    });
    // Largest first, so that the changes of the year fall on the busiest offices.
    return list.sort((a, b) => b.w - a.w);
  };

  for (const row of ['licensing', 'otherServices', 'penalty', 'coercion', 'fees']) {
    const hs = holders(row);
    const weights = hs.map((h) => h.w);
    const prev = shares(rest(row, 'prevCount'), weights);
    const delta = deltas(rest(row, 'delta'), hs.length);
    const decisions = 'decisions' in city[row]! ? shares(rest(row, 'decisions'), weights) : null;
    hs.forEach((h, i) => {
      cellsOf(h.code)[row] = {
        prevCount: prev[i]!,
        delta: delta[i]!,
        ...(decisions ? { decisions: decisions[i]! } : {}),
      };
    });
  }

  const ps = holders('procurement');
  const projects = shares(
    rest('procurement', 'projects'),
    ps.map((h) => h.w),
  );
  const cents = shares(
    Math.round((wan(city.procurement!.amount) - wan(own.procurement!.amount)) * 100),
    ps.map((h) => h.w),
  );
  ps.forEach((h, i) => {
    cellsOf(h.code).procurement = { projects: projects[i]!, amount: `${(cents[i]! / 100).toFixed(2)}万元` };
  });

  // 规章: the city government's decrees only; 规范性文件: the governments, their offices, departments.
  cellsOf('JN').regulations = { ...(city.regulations as Record<string, number>) };
  const ns = holders('normativeDocuments');
  const weights = ns.map((h) => h.w);
  const made = shares(rest('normativeDocuments', 'newMade'), weights);
  // A few made late in the year were published the next January.
  const published = made.map(
    (m, i) =>
      m +
      (deltas(rest('normativeDocuments', 'newPublished') - rest('normativeDocuments', 'newMade'), ns.length)[
        i
      ] ?? 0),
  );
  const earlier = shares(
    rest('normativeDocuments', 'totalPublished') - rest('normativeDocuments', 'newPublished'),
    weights,
  );
  ns.forEach((h, i) => {
    cellsOf(h.code).normativeDocuments = {
      newMade: made[i]!,
      newPublished: Math.max(0, published[i]!),
      totalPublished: Math.max(0, published[i]!) + earlier[i]!,
    };
  });
  // An agency that reports any of table 二 reports every row of it (none of that work: zero).
  for (const f of byCode.values())
    for (const row of Object.keys(city))
      f.cells[row] ??= Object.fromEntries(
        Object.keys(city[row]!).map((col) => [col, col === 'amount' ? '0万元' : 0]),
      );
  return [...byCode.values()];
}

/** "594417.23万元" → 594417.23. */
function wan(amount: number | string | undefined): number {
  return Number(String(amount).replace(/万元$/, ''));
}
