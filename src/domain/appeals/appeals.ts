// The appeals register (复议诉讼): 行政复议 and 行政诉讼 against an agency's disclosure work, the
// source of table 四 of the annual report (docs/legal.md §1.12, §2.5; docs/applications.md).
// Pure: the caller passes `today` and the appeals.
import { isIsoDate, type IsoDate } from '../calendar/iso-date.js';
import { TABLE4_COLUMNS, type Table4Column, type Table4Group } from '../reports/table4-schema.js';
import type { Table4 } from '../reports/types.js';

/** reconsideration = 行政复议; litigation = 行政诉讼. */
export const APPEAL_KINDS = ['reconsideration', 'litigation'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];

export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  reconsideration: '行政复议',
  litigation: '行政诉讼',
};

/** The result columns of table 四 (总计 aside): 维持, 纠正, 其他, 尚未审结. */
export const APPEAL_RESULTS = [
  'upheld',
  'corrected',
  'other',
  'pending',
] as const satisfies readonly Table4Column[];
export type AppealResult = (typeof APPEAL_RESULTS)[number];

export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
};

export const isAppealKind = (v: string): v is AppealKind => (APPEAL_KINDS as readonly string[]).includes(v);
export const isAppealResult = (v: string): v is AppealResult =>
  (APPEAL_RESULTS as readonly string[]).includes(v);

/** The body that hears the case: 复议机关 or 人民法院. */
export const APPEAL_BODY_LABELS: Record<AppealKind, string> = {
  reconsideration: '复议机关',
  litigation: '受理法院',
};

/** 复议 / 直接起诉 / 复议后起诉: the table 四 group of an appeal. */
export function appealGroup(a: { kind: AppealKind; afterReconsideration: boolean }): Table4Group {
  if (a.kind === 'reconsideration') return 'review';
  return a.afterReconsideration ? 'suitAfterReview' : 'suitDirect';
}

/** 行政复议 / 行政诉讼（直接起诉） / 行政诉讼（复议后起诉）. */
export function appealKindText(a: { kind: AppealKind; afterReconsideration: boolean }): string {
  if (a.kind === 'reconsideration') return APPEAL_KIND_LABELS.reconsideration;
  return `行政诉讼（${a.afterReconsideration ? '复议后起诉' : '未经复议直接起诉'}）`;
}

// ---------------------------------------------------------------------------------------------
// Validation

export interface AppealFacts {
  kind: AppealKind;
  filedOn: IsoDate;
  afterReconsideration: boolean;
  result: AppealResult;
  decidedOn: IsoDate | null;
}

/**
 * The rules between the fields of an appeal, as field → Chinese message (empty when valid):
 * filed no later than today; a result other than 尚未审结 has its date and 尚未审结 has none; decided
 * on or after filing and no later than today; 复议后起诉 only for a lawsuit.
 */
export function appealProblems(a: AppealFacts, today: IsoDate): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isIsoDate(a.filedOn)) errors.filedOn = '请填写有效的申请（起诉）日期，例如 2026-03-15';
  else if (a.filedOn > today) errors.filedOn = '申请（起诉）日期不能晚于今天';
  if (a.afterReconsideration && a.kind !== 'litigation')
    errors.afterReconsideration = '只有行政诉讼才区分是否经过复议';
  if (a.result === 'pending') {
    if (a.decidedOn !== null) errors.decidedOn = '尚未审结的案件不填写审结日期；已审结的请选择审理结果';
  } else if (a.decidedOn === null) {
    errors.decidedOn = '已有审理结果的，请填写审结日期';
  } else if (!isIsoDate(a.decidedOn)) {
    errors.decidedOn = '请填写有效的审结日期，例如 2026-06-30';
  } else if (a.decidedOn > today) {
    errors.decidedOn = '审结日期不能晚于今天';
  } else if (isIsoDate(a.filedOn) && a.decidedOn < a.filedOn) {
    errors.decidedOn = '审结日期不能早于申请（起诉）日期';
  }
  return errors;
}

// ---------------------------------------------------------------------------------------------
// Table 四 of a report year

/**
 * How a case that spans years is counted. The law and the report format do not say (UNVERIFIED,
 * docs/legal.md §2.5), so the rule is a setting of the installation:
 * - `both` (default): in the year it was filed — under its result if decided by 31 December, else
 *   尚未审结 — and, when decided in a later year, again under its result in the year decided.
 *   Every report is final when the year ends and every result is reported once, in its year.
 * - `filed`: only in the year it was filed, with the result known on 31 December of that year
 *   (尚未审结 if decided later). Each case once; a later result never appears in any report.
 * - `decided`: once — in the year decided under its result; a case with no result yet counts as
 *   尚未审结 in the year it was filed. A past year's figures change when such a case is decided.
 */
export const APPEAL_YEAR_RULES = ['both', 'filed', 'decided'] as const;
export type AppealYearRule = (typeof APPEAL_YEAR_RULES)[number];
export const DEFAULT_APPEAL_YEAR_RULE: AppealYearRule = 'both';

export const isAppealYearRule = (v: unknown): v is AppealYearRule =>
  typeof v === 'string' && (APPEAL_YEAR_RULES as readonly string[]).includes(v);

export const APPEAL_YEAR_RULE_LABELS: Record<AppealYearRule, { name: string; description: string }> = {
  both: {
    name: '立案年度与审结年度分别统计',
    description:
      '案件在申请（起诉）的年度统计：当年审结的按审理结果，跨年未审结的计入「尚未审结」；在以后年度审结的，再按审理结果计入审结年度。',
  },
  filed: {
    name: '只在立案年度统计',
    description:
      '案件只在申请（起诉）的年度统计一次，按当年 12 月 31 日的情况计入：当年审结的按审理结果，否则计入「尚未审结」；以后年度的审理结果不再统计。',
  },
  decided: {
    name: '只在审结年度统计',
    description:
      '案件只统计一次：已审结的计入审结年度的审理结果；至今尚未审结的计入申请（起诉）年度的「尚未审结」。案件审结后，以前年度的数字会随之变化。',
  },
};

/** What table 四 needs of an appeal. */
export interface ReportedAppeal {
  kind: AppealKind;
  afterReconsideration: boolean;
  filedOn: IsoDate;
  result: AppealResult;
  /** Null while pending. */
  decidedOn: IsoDate | null;
}

/** The column an appeal counts in for `year` under `rule`, or null when it is not counted that year. */
export function table4Column(a: ReportedAppeal, year: number, rule: AppealYearRule): AppealResult | null {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const decided = a.result !== 'pending' && a.decidedOn !== null;
  const filedInYear = a.filedOn >= start && a.filedOn <= end;
  const decidedInYear = decided && a.decidedOn! >= start && a.decidedOn! <= end;
  const decidedByEnd = decided && a.decidedOn! <= end;
  switch (rule) {
    case 'filed':
      return filedInYear ? (decidedByEnd ? a.result : 'pending') : null;
    case 'decided':
      if (decidedInYear) return a.result;
      return !decided && filedInYear ? 'pending' : null;
    case 'both':
      if (decidedInYear) return a.result;
      return filedInYear ? 'pending' : null;
  }
}

/**
 * Table 四 of `year`: for 行政复议, 未经复议直接起诉 and 复议后起诉, the counts of 结果维持, 结果纠正,
 * 其他结果, 尚未审结 and 总计 (their sum, rule B3), keyed as the report schema keys them.
 */
export function table4ForYear(
  appeals: readonly ReportedAppeal[],
  year: number,
  rule: AppealYearRule = DEFAULT_APPEAL_YEAR_RULE,
): Table4 & Record<Table4Group, number[]> {
  const zero = () => TABLE4_COLUMNS.map(() => 0);
  const table = {
    columns: [...TABLE4_COLUMNS] as string[],
    review: zero(),
    suitDirect: zero(),
    suitAfterReview: zero(),
  };
  for (const a of appeals) {
    const column = table4Column(a, year, rule);
    if (column === null) continue;
    const row = table[appealGroup(a)];
    row[TABLE4_COLUMNS.indexOf(column)]! += 1;
    row[TABLE4_COLUMNS.indexOf('total')]! += 1;
  }
  return table;
}
