// The decision outcome of an application: exactly one row of table 三 of the 2021 report format
// (docs/legal.md §1.10), so that every concluded application lands in one row and the annual report
// is a count, not a second classification. Rules as data, each citing its article.
import {
  TABLE3_COLUMNS,
  TABLE3_OUTCOME_KEYS,
  TABLE3_TOTAL_COLUMN,
  table3Label,
  table3RowKeys,
  type Table3OutcomeKey,
  type Table3OutcomeKey2019,
} from '../reports/table3-schema.js';
import type { ReportFormat, Table3Cells } from '../reports/types.js';
import { InvalidInput } from '../errors.js';
import type { ApplicantType } from './applicant.js';

/** One table 三 row of the 2021 format (the schema uses the same union). */
export type Outcome = Table3OutcomeKey;
export const OUTCOMES = TABLE3_OUTCOME_KEYS;

export type OutcomeGroup = 'granted' | 'partial' | 'denied' | 'unable' | 'notProcessed' | 'other';

export interface OutcomeRule {
  group: OutcomeGroup;
  /** Short label for lists and notices, e.g. 「不予公开（属于国家秘密）」. */
  label: string;
  /** The article the reply rests on (第三十六条 lists the seven replies). */
  basis: string;
  /**
   * The citations the officer may record as the ground. A refusal (every outcome that does not give
   * the applicant all that was asked) must state its reasons; where `grounds` lists more than one,
   * the officer must choose one (e.g. 第十六条第一款 or 第二款).
   */
  grounds: readonly string[];
  /** True when the decision must record one of `grounds` (article + paragraph) and reasons. */
  groundRequired: boolean;
  /**
   * decision: recorded by the officer with a reply notice; closure: follows from facts (no
   * correction in time, fee unpaid, withdrawal) and is derived, never chosen (see state.ts).
   */
  source: 'decision' | 'closure';
  /** What is UNVERIFIED about this mapping (docs/legal.md §1.10, §5 item 3). */
  unverified?: string;
}

/** 第十四条、第十五条、第十六条: the withholding grounds a 部分公开 may cite for the withheld part. */
const WITHHOLDING = ['第十四条', '第十五条', '第十六条第一款', '第十六条第二款'] as const;

const denied = (label: string, grounds: readonly string[], unverified?: string): OutcomeRule => ({
  group: 'denied',
  label: `不予公开（${label}）`,
  basis: '第三十六条第（三）项',
  grounds,
  groundRequired: true,
  source: 'decision',
  ...(unverified ? { unverified } : {}),
});

export const OUTCOME_RULES: Record<Outcome, OutcomeRule> = {
  granted: {
    group: 'granted',
    label: '予以公开',
    basis: '第三十六条第（一）项、第（二）项',
    // （一）: already published — tell where; （二）: provided, or the way and time to get it.
    grounds: ['第三十六条第（一）项', '第三十六条第（二）项'],
    groundRequired: false,
    source: 'decision',
    unverified: '第三十六条第（一）项（已主动公开）计入「予以公开」是通行做法，未见明文',
  },
  partial: {
    group: 'partial',
    label: '部分公开',
    // 第三十七条: the disclosable part is provided and the reasons for the rest are given.
    basis: '第三十七条',
    grounds: WITHHOLDING,
    groundRequired: true,
    source: 'decision',
  },
  'denied.stateSecret': denied('属于国家秘密', ['第十四条']),
  'denied.lawForbidden': denied('其他法律行政法规禁止公开', ['第十四条']),
  'denied.threeSecurityOneStability': denied('危及“三安全一稳定”', ['第十四条']),
  'denied.thirdParty': denied('保护第三方合法权益', ['第十五条']),
  'denied.internalAffairs': denied('属于三类内部事务信息', ['第十六条第一款']),
  'denied.process': denied('属于四类过程性信息', ['第十六条第二款']),
  'denied.enforcementFile': denied('属于行政执法案卷', ['第十六条第二款']),
  'denied.adminQuery': {
    ...denied(
      '属于行政查询事项',
      ['第三十六条第（七）项'],
      '第三十六条第（七）项计入（三）8 是通行做法，未见明文',
    ),
    basis: '第三十六条第（七）项',
  },
  'unable.notHeld': {
    group: 'unable',
    label: '无法提供（本机关不掌握相关政府信息）',
    // （四）: not found after search; （五）: not this agency's — name the competent agency if known.
    basis: '第三十六条第（四）项、第（五）项',
    grounds: ['第三十六条第（四）项', '第三十六条第（五）项'],
    groundRequired: true,
    source: 'decision',
    unverified: '第三十六条第（五）项计入（四）1 是通行做法，未见明文',
  },
  'unable.needsCreation': {
    group: 'unable',
    label: '无法提供（没有现成信息需要另行制作）',
    basis: '第三十八条',
    grounds: ['第三十八条'],
    groundRequired: true,
    source: 'decision',
  },
  'unable.unclearAfterCorrection': {
    group: 'unable',
    label: '无法提供（补正后申请内容仍不明确）',
    basis: '第三十条',
    grounds: ['第三十条'],
    groundRequired: true,
    source: 'decision',
    unverified: '答复依据未见明文，实践中按无法提供处理',
  },
  'notProcessed.petition': {
    group: 'notProcessed',
    label: '不予处理（信访举报投诉类申请）',
    basis: '第三十九条第一款',
    grounds: ['第三十九条第一款'],
    groundRequired: true,
    source: 'decision',
  },
  'notProcessed.repeat': {
    group: 'notProcessed',
    label: '不予处理（重复申请）',
    basis: '第三十六条第（六）项',
    grounds: ['第三十六条第（六）项'],
    groundRequired: true,
    source: 'decision',
  },
  'notProcessed.publication': {
    group: 'notProcessed',
    label: '不予处理（要求提供公开出版物）',
    basis: '第三十九条第二款',
    grounds: ['第三十九条第二款'],
    groundRequired: true,
    source: 'decision',
  },
  'notProcessed.massRepeat': {
    group: 'notProcessed',
    label: '不予处理（无正当理由大量反复申请）',
    basis: '第三十五条',
    grounds: ['第三十五条'],
    groundRequired: true,
    source: 'decision',
  },
  'notProcessed.confirmOrReissue': {
    group: 'notProcessed',
    label: '不予处理（要求行政机关确认或重新出具已获取信息）',
    basis: '无明文条款',
    grounds: [],
    groundRequired: false,
    source: 'decision',
    unverified: '本情形未见《条例》条款，只需说明理由',
  },
  'other.noCorrection': {
    group: 'other',
    label: '其他处理（逾期不补正，视为放弃申请）',
    basis: '第三十条',
    grounds: ['第三十条'],
    groundRequired: false,
    source: 'closure',
  },
  'other.feeUnpaid': {
    group: 'other',
    label: '其他处理（逾期未缴纳信息处理费）',
    basis: '第四十二条、国办函〔2020〕109号',
    grounds: ['第四十二条'],
    groundRequired: false,
    source: 'closure',
    unverified: '缴费期限与逾期后果以《政府信息公开信息处理费管理办法》第六条以下为准（未读原文）',
  },
  'other.misc': {
    group: 'other',
    label: '其他处理',
    basis: '无明文条款（如申请人撤回申请）',
    grounds: [],
    groundRequired: false,
    // Withdrawal closes a case as （六）3; an officer may also conclude a case here with reasons.
    source: 'decision',
  },
};

export const OUTCOME_GROUP_LABELS: Record<OutcomeGroup, string> = {
  granted: '予以公开',
  partial: '部分公开',
  denied: '不予公开',
  unable: '无法提供',
  notProcessed: '不予处理',
  other: '其他处理',
};

export function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value);
}

/** The row label as printed in the 2021 report. */
export function outcomeRowLabel(outcome: Outcome): string {
  return table3Label('2021', outcome);
}

/** The outcomes an officer may choose in a decision (the closures follow from facts). */
export const DECISION_OUTCOMES: readonly Outcome[] = OUTCOMES.filter(
  (o) => OUTCOME_RULES[o].source === 'decision',
);

export interface DecisionInput {
  outcome: string;
  /** The article (and paragraph) cited, one of the outcome's `grounds`. */
  ground?: string | null;
  /** 说明理由: required for every refusal (第三十六条第（三）项、第三十七条 …). */
  reasons?: string | null;
}

export interface Decision {
  outcome: Outcome;
  ground: string | null;
  reasons: string | null;
}

/**
 * Checks a decision: a known decision outcome, a ground among the outcome's citations when one is
 * required, reasons for every refusal. Throws InvalidInput keyed by field.
 */
export function validateDecision(input: DecisionInput): Decision {
  const e: Record<string, string> = {};
  const outcome = input.outcome;
  if (!isOutcome(outcome) || OUTCOME_RULES[outcome].source !== 'decision') {
    throw new InvalidInput({ outcome: '请选择办理结果' });
  }
  const rule = OUTCOME_RULES[outcome];
  const ground = input.ground?.trim() || null;
  const reasons = input.reasons?.trim() || null;
  if (ground !== null && !rule.grounds.includes(ground))
    e.ground =
      rule.grounds.length > 0
        ? `「${rule.label}」的依据应为${rule.grounds.join('或')}`
        : `「${rule.label}」无需引用条款`;
  else if (rule.groundRequired && ground === null) {
    e.ground =
      rule.grounds.length === 1
        ? `请注明依据（${rule.grounds[0]}）`
        : `请选择依据（${rule.grounds.join('、')}）`;
  }
  if (rule.group !== 'granted' && reasons === null) e.reasons = '请说明理由';
  if (Object.keys(e).length > 0) throw new InvalidInput(e);
  return { outcome, ground: ground ?? (rule.grounds.length === 1 ? rule.grounds[0]! : null), reasons };
}

/** 2019 试行 format (reports for 2019–2020): （六）1–3 are the one row 「（六）其他处理」. */
export function outcomeRow2019(outcome: Outcome): Table3OutcomeKey2019 {
  return outcome.startsWith('other.') ? 'other' : (outcome as Table3OutcomeKey2019);
}

export function outcomeRow(outcome: Outcome, format: ReportFormat): string {
  return format === '2019' ? outcomeRow2019(outcome) : outcome;
}

export interface ConcludedApplication {
  outcome: Outcome;
  applicantType: ApplicantType;
}

/**
 * The outcome rows and （七）总计 of table 三 for the applications concluded in a report year: each
 * one counted once, in its outcome's row (mapped for the 2019 format) and its applicant's column;
 * 总计 column = the sum of the six; 总计 row = the sum of the outcome rows (rules B1, B2).
 */
export function countOutcomes(
  concluded: readonly ConcludedApplication[],
  format: ReportFormat,
): Record<string, Table3Cells> {
  const outcomeRows = table3RowKeys(format).filter((k) => isOutcome(k) || k === 'other');
  const rows: Record<string, number[]> = {};
  for (const key of [...outcomeRows, 'total']) rows[key] = TABLE3_COLUMNS.map(() => 0);
  for (const a of concluded) {
    const column = TABLE3_COLUMNS.indexOf(a.applicantType);
    for (const key of [outcomeRow(a.outcome, format), 'total']) {
      rows[key]![column]! += 1;
      rows[key]![TABLE3_TOTAL_COLUMN]! += 1;
    }
  }
  return rows;
}

/** 国办公开办函〔2019〕60号 试行 for the 2019 and 2020 reports; 〔2021〕30号 from 2021 (docs/legal.md §2.1). */
export function reportFormatForYear(year: number): ReportFormat {
  return year <= 2020 ? '2019' : '2021';
}

/** What the report needs of one application: its dates, its applicant column and its row. */
export interface ReportedApplication {
  applicantType: ApplicantType;
  receivedOn: string;
  /** Null while open. */
  concludedOn: string | null;
  /** Null while open. */
  outcome: Outcome | null;
}

/**
 * Table 三 of one report year from the applications: 一、新收 (received in the year); 二、上年结转
 * (received earlier, still open on 1 January); the outcome rows and （七）总计 (concluded in the year);
 * 四、结转下年度 (received by 31 December, still open then). Each application received by the end of
 * the year and open on 1 January is either concluded in the year or carried forward, so rule A1
 * (一 + 二 = 总计 + 四) holds by construction, as B1 and B2 do for the counts.
 */
export function table3ForYear(
  applications: readonly ReportedApplication[],
  year: number,
  format: ReportFormat = reportFormatForYear(year),
): Record<string, Table3Cells> {
  const start = `${year}-01-01`;
  const end = `${year}-12-31`;
  const zero = () => TABLE3_COLUMNS.map(() => 0);
  const newReceived = zero();
  const carriedOver = zero();
  const carriedForward = zero();
  const concluded: ConcludedApplication[] = [];
  const add = (row: number[], a: ReportedApplication) => {
    row[TABLE3_COLUMNS.indexOf(a.applicantType)]! += 1;
    row[TABLE3_TOTAL_COLUMN]! += 1;
  };
  for (const a of applications) {
    if (a.receivedOn > end) continue;
    if (a.concludedOn !== null && a.concludedOn < start) continue;
    if (a.receivedOn >= start) add(newReceived, a);
    else add(carriedOver, a);
    if (a.concludedOn !== null && a.concludedOn <= end && a.outcome !== null)
      concluded.push({ outcome: a.outcome, applicantType: a.applicantType });
    else add(carriedForward, a);
  }
  return { newReceived, carriedOver, ...countOutcomes(concluded, format), carriedForward };
}
