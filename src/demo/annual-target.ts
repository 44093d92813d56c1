// What the demo city's 2020 annual reports must show (issue 12 item 8). The city-wide 汇总 report
// reproduces, cell for cell, the three tables of a real prefecture-level city's published 2020
// report (2019 试行 format); the demo's synthetic applications, appeals and entered figures are
// generated to add up to these tables. The city government's own 本级 work is fixed by that report's
// text (179 applications answered; 15 reconsideration and litigation cases), and one department's
// report is not computed but imported from its published text (江南市公安局 does not use Gongkai in
// the demo). Every figure below the city total is synthetic.
import type { Table4Group } from '../domain/reports/table4-schema.js';

export const DEMO_REPORT_YEAR = 2020;

/** Table 三 of the 2019 format: row key → the seven cells (六 columns and 总计). */
export type Table3Figures = Record<string, readonly number[]>;
export type Table4Figures = Record<Table4Group, readonly number[]>;
/** Table 二 of the 2019 format: row key → column key → value (amounts as printed, e.g. 12.3万元). */
export type Table2Figures = Record<string, Record<string, number | string>>;

export interface ReportFigures {
  table2: Table2Figures;
  table3: Table3Figures;
  table4: Table4Figures;
}

/** The 汇总 report of 江南市人民政府 for 2020: the published tables the demo reproduces. */
export const CITY_2020: ReportFigures = {
  table2: {
    regulations: { newMade: 1, newPublished: 1, totalPublished: 28 },
    normativeDocuments: { newMade: 266, newPublished: 263, totalPublished: 2899 },
    licensing: { prevCount: 285, delta: 0, decisions: 8087315 },
    otherServices: { prevCount: 699, delta: -29, decisions: 10569008 },
    penalty: { prevCount: 5921, delta: 5, decisions: 3677828 },
    coercion: { prevCount: 277, delta: 4, decisions: 71623 },
    fees: { prevCount: 36, delta: 0 },
    procurement: { projects: 1885, amount: '594417.23万元' },
  },
  table3: {
    newReceived: [2660, 120, 10, 1, 39, 3, 2833],
    carriedOver: [78, 6, 0, 0, 0, 0, 84],
    granted: [1043, 55, 8, 1, 24, 2, 1133],
    partial: [243, 10, 1, 0, 7, 0, 261],
    'denied.stateSecret': [2, 0, 0, 0, 0, 0, 2],
    'denied.lawForbidden': [7, 0, 0, 0, 0, 0, 7],
    'denied.threeSecurityOneStability': [0, 0, 0, 0, 0, 0, 0],
    'denied.thirdParty': [15, 0, 1, 0, 0, 0, 16],
    'denied.internalAffairs': [14, 1, 0, 0, 0, 0, 15],
    'denied.process': [14, 0, 0, 0, 0, 0, 14],
    'denied.enforcementFile': [10, 0, 0, 0, 0, 0, 10],
    'denied.adminQuery': [29, 3, 0, 0, 0, 0, 32],
    'unable.notHeld': [875, 39, 0, 0, 8, 1, 923],
    'unable.needsCreation': [75, 2, 0, 0, 0, 0, 77],
    'unable.unclearAfterCorrection': [28, 0, 0, 0, 0, 0, 28],
    'notProcessed.petition': [41, 0, 0, 0, 0, 0, 41],
    'notProcessed.repeat': [44, 0, 0, 0, 0, 0, 44],
    'notProcessed.publication': [0, 0, 0, 0, 0, 0, 0],
    'notProcessed.massRepeat': [0, 0, 0, 0, 0, 0, 0],
    'notProcessed.confirmOrReissue': [2, 0, 0, 0, 0, 0, 2],
    other: [200, 9, 0, 0, 0, 0, 209],
    total: [2642, 119, 10, 1, 39, 3, 2814],
    carriedForward: [96, 7, 0, 0, 0, 0, 103],
  },
  table4: {
    review: [64, 13, 13, 11, 101],
    suitDirect: [38, 6, 13, 22, 79],
    suitAfterReview: [34, 2, 2, 9, 47],
  },
};

/** The city government's own work in 2020, as its report's text states it. */
export const CITY_OWN_2020 = {
  code: 'JN',
  /** 「全年办理市政府本级依申请公开答复179件」: table 三 （七）总计. */
  answered: 179,
  /** 「政府信息公开行政复议、行政诉讼案件15件」: table 四, split by group and result. */
  table4: {
    review: [3, 1, 1, 1, 6],
    suitDirect: [3, 0, 1, 2, 6],
    suitAfterReview: [2, 0, 0, 1, 3],
  } satisfies Table4Figures,
};

/**
 * 江南市公安局 publishes its own report and does not use Gongkai for 2019–2020 in the demo: its
 * report is imported (src/demo/annual-text.ts writes its published text from these figures), and
 * it stands in for the bureau in the city's 汇总. Mostly natural persons asking about their own
 * cases; 户籍 and 车辆 records are 行政查询事项; most traffic penalties are the bureau's.
 */
export const IMPORTED_MEMBER_2020 = {
  code: 'JN.GAJ',
  figures: {
    table2: {
      regulations: { newMade: 0, newPublished: 0, totalPublished: 0 },
      normativeDocuments: { newMade: 2, newPublished: 2, totalPublished: 31 },
      licensing: { prevCount: 18, delta: 0, decisions: 412560 },
      otherServices: { prevCount: 35, delta: -2, decisions: 865204 },
      penalty: { prevCount: 1120, delta: 3, decisions: 3012687 },
      coercion: { prevCount: 46, delta: 1, decisions: 38915 },
      fees: { prevCount: 3, delta: 0 },
      procurement: { projects: 42, amount: '8635.40万元' },
    },
    table3: {
      newReceived: [212, 6, 0, 0, 3, 0, 221],
      carriedOver: [5, 0, 0, 0, 0, 0, 5],
      granted: [71, 3, 0, 0, 2, 0, 76],
      partial: [18, 1, 0, 0, 0, 0, 19],
      'denied.stateSecret': [1, 0, 0, 0, 0, 0, 1],
      'denied.lawForbidden': [2, 0, 0, 0, 0, 0, 2],
      'denied.threeSecurityOneStability': [0, 0, 0, 0, 0, 0, 0],
      'denied.thirdParty': [2, 0, 0, 0, 0, 0, 2],
      'denied.internalAffairs': [1, 0, 0, 0, 0, 0, 1],
      'denied.process': [1, 0, 0, 0, 0, 0, 1],
      'denied.enforcementFile': [4, 0, 0, 0, 0, 0, 4],
      'denied.adminQuery': [9, 0, 0, 0, 0, 0, 9],
      'unable.notHeld': [66, 2, 0, 0, 1, 0, 69],
      'unable.needsCreation': [6, 0, 0, 0, 0, 0, 6],
      'unable.unclearAfterCorrection': [3, 0, 0, 0, 0, 0, 3],
      'notProcessed.petition': [8, 0, 0, 0, 0, 0, 8],
      'notProcessed.repeat': [5, 0, 0, 0, 0, 0, 5],
      'notProcessed.publication': [0, 0, 0, 0, 0, 0, 0],
      'notProcessed.massRepeat': [0, 0, 0, 0, 0, 0, 0],
      'notProcessed.confirmOrReissue': [1, 0, 0, 0, 0, 0, 1],
      other: [14, 0, 0, 0, 0, 0, 14],
      total: [212, 6, 0, 0, 3, 0, 221],
      carriedForward: [5, 0, 0, 0, 0, 0, 5],
    },
    table4: {
      review: [5, 1, 1, 1, 8],
      suitDirect: [3, 0, 1, 2, 6],
      suitAfterReview: [2, 0, 0, 1, 3],
    },
  } satisfies ReportFigures,
};

/** a − b, cell by cell (the part of the city's tables the computed agencies must make up). */
export function minus<T extends Record<string, readonly number[]>>(a: T, b: T): Record<keyof T, number[]> {
  const out = {} as Record<keyof T, number[]>;
  for (const k of Object.keys(a) as (keyof T)[]) out[k] = a[k]!.map((v, i) => v - (b[k]?.[i] ?? 0));
  return out;
}
