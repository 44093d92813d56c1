// Test support: three consistent 2021-format years of one agency (C1 and C2 hold between them),
// printed one cell per line; and the middle year with one table-二 row whose figures run together,
// which only its neighbours can settle (issue 11 item 4).
import { renderDocument } from './parse/testing/layouts.js';
import { buildTables, outcomeKeys, SAMPLE_2021 } from './parse/testing/samples.js';

export const SERIES_AGENCY = '某市人民政府';
export const SERIES_YEARS = [2021, 2022, 2023] as const;

const outcomes = Object.fromEntries(
  outcomeKeys('2021').map((k) => [k, (SAMPLE_2021.table3.rows[k] ?? []).slice(0, 6) as number[]]),
);
/** 结转 at each year boundary: carried over into year i = carried forward out of year i − 1. */
const CARRIED = [
  [10, 2, 0, 0, 0, 0],
  [12, 1, 0, 0, 1, 0],
  [9, 3, 0, 0, 0, 0],
  [11, 0, 0, 0, 0, 0],
];
/** (made, repealed, valid): each year's valid = last year's valid + made − repealed. */
const REGULATIONS = [
  [2, 1, 45],
  [3, 1, 47],
  [1, 0, 48],
];
export const NORMATIVE = [
  [30, 12, 310],
  [25, 8, 327],
  [20, 5, 342],
];

/** The report texts of 2021, 2022 and 2023. */
export function threeYears(agency = SERIES_AGENCY): string[] {
  return SERIES_YEARS.map((year, i) => {
    const tables = buildTables({
      format: '2021',
      outcomes,
      carriedOver: CARRIED[i] as number[],
      carriedForward: CARRIED[i + 1] as number[],
      appeals: [
        [3, 1, 0, 2],
        [2, 0, 1, 1],
        [1, 0, 0, 0],
      ],
      table2: {
        regulations: REGULATIONS[i] as number[],
        normativeDocuments: NORMATIVE[i] as number[],
        licensing: [15321],
        penalty: [2873],
        coercion: [96],
        fees: [128.5],
      },
    });
    return renderDocument(tables, 'c', { title: `${agency}${year}年政府信息公开工作年度报告` });
  });
}

/** The same three years, 2022's 行政规范性文件 row printed 「258327」 (25, 8, 327 run together). */
export function threeYearsGluedMiddle(agency = SERIES_AGENCY): string[] {
  return threeYears(agency).map((t, i) =>
    i === 1 ? t.replace('行政规范性文件\n\n25\n\n8\n\n327', '行政规范性文件\n\n258327') : t,
  );
}
