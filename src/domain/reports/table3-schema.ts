// Table 三 — 收到和处理政府信息公开申请情况 (docs/legal.md §2.4). The lines of the row-label
// column in print order, with the exact canonical labels the generator must emit.
import type { ReportFormat } from './types.js';

export const TABLE3_COLUMNS = [
  'natural',
  'commercial',
  'research',
  'publicInterest',
  'legalService',
  'otherOrg',
  'total',
] as const;
export type Table3Column = (typeof TABLE3_COLUMNS)[number];

export const TABLE3_COLUMN_LABELS: Record<Table3Column, string> = {
  natural: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrg: '其他',
  total: '总计',
};

/** Index of the 总计 column; the other six are the applicant columns. */
export const TABLE3_TOTAL_COLUMN = 6;

/**
 * received/carriedOver/total/carriedForward feed rule A1; outcome rows feed B1; group lines
 * (「三、本年度办理结果」, 「（三）不予公开」 …) carry no numbers of their own.
 */
export type Table3Role = 'received' | 'carriedOver' | 'outcome' | 'total' | 'carriedForward' | 'group';

export interface Table3Line {
  /** Canonical row key, or null for a group line. */
  key: string | null;
  label: string;
  role: Table3Role;
  /** Misprints seen in real reports (docs/legal.md §2.7), accepted by the reader. */
  misprints?: readonly string[];
}

/**
 * The outcome rows of the 2021 format in print order: one per decision outcome of an application
 * (src/domain/applications/outcomes.ts), so that the schema and the outcome codes share one union.
 */
export const TABLE3_OUTCOME_KEYS = [
  'granted',
  'partial',
  'denied.stateSecret',
  'denied.lawForbidden',
  'denied.threeSecurityOneStability',
  'denied.thirdParty',
  'denied.internalAffairs',
  'denied.process',
  'denied.enforcementFile',
  'denied.adminQuery',
  'unable.notHeld',
  'unable.needsCreation',
  'unable.unclearAfterCorrection',
  'notProcessed.petition',
  'notProcessed.repeat',
  'notProcessed.publication',
  'notProcessed.massRepeat',
  'notProcessed.confirmOrReissue',
  'other.noCorrection',
  'other.feeUnpaid',
  'other.misc',
] as const;
export type Table3OutcomeKey = (typeof TABLE3_OUTCOME_KEYS)[number];
/** 2019 试行: the three 「（六）其他处理」 rows of 2021 are the one row `other`. */
export type Table3OutcomeKey2019 = Exclude<Table3OutcomeKey, `other.${string}`> | 'other';

const row = (
  key: Table3OutcomeKey | Table3OutcomeKey2019,
  label: string,
  misprints?: readonly string[],
): Table3Line => ({
  key,
  label,
  role: 'outcome',
  ...(misprints ? { misprints } : {}),
});
const group = (label: string): Table3Line => ({ key: null, label, role: 'group' });

const HEAD: readonly Table3Line[] = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', role: 'received' },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', role: 'carriedOver' },
  group('三、本年度办理结果'),
  row('granted', '（一）予以公开'),
  row('partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [
    '（二）部分公开（区分处理的，只计这一情况，不计其他情形）',
  ]),
  group('（三）不予公开'),
  row('denied.stateSecret', '1.属于国家秘密'),
  row('denied.lawForbidden', '2.其他法律行政法规禁止公开'),
  row('denied.threeSecurityOneStability', '3.危及“三安全一稳定”'),
  row('denied.thirdParty', '4.保护第三方合法权益'),
  row('denied.internalAffairs', '5.属于三类内部事务信息', ['5.属于三类内容事务信息']),
  row('denied.process', '6.属于四类过程性信息'),
  row('denied.enforcementFile', '7.属于行政执法案卷'),
  row('denied.adminQuery', '8.属于行政查询事项'),
  group('（四）无法提供'),
  row('unable.notHeld', '1.本机关不掌握相关政府信息'),
  row('unable.needsCreation', '2.没有现成信息需要另行制作'),
  row('unable.unclearAfterCorrection', '3.补正后申请内容仍不明确'),
  group('（五）不予处理'),
  row('notProcessed.petition', '1.信访举报投诉类申请'),
  row('notProcessed.repeat', '2.重复申请'),
  row('notProcessed.publication', '3.要求提供公开出版物'),
  row('notProcessed.massRepeat', '4.无正当理由大量反复申请'),
  row('notProcessed.confirmOrReissue', '5.要求行政机关确认或重新出具已获取信息'),
];

const TAIL: readonly Table3Line[] = [
  { key: 'total', label: '（七）总计', role: 'total' },
  { key: 'carriedForward', label: '四、结转下年度继续办理', role: 'carriedForward' },
];

/** 2019 试行: 「（六）其他处理」 is one data row. 2021: a group line over three sub-rows. */
export const TABLE3_LINES: Record<ReportFormat, readonly Table3Line[]> = {
  '2019': [...HEAD, row('other', '（六）其他处理'), ...TAIL],
  '2021': [
    ...HEAD,
    group('（六）其他处理'),
    row('other.noCorrection', '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请'),
    row('other.feeUnpaid', '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请'),
    row('other.misc', '3.其他'),
    ...TAIL,
  ],
};

const DATA_ROWS = {
  '2019': TABLE3_LINES['2019'].filter((line) => line.key !== null),
  '2021': TABLE3_LINES['2021'].filter((line) => line.key !== null),
};
const ROW_KEYS = {
  '2019': DATA_ROWS['2019'].map((l) => l.key as string),
  '2021': DATA_ROWS['2021'].map((l) => l.key as string),
};

/** The data rows (group lines left out) in print order. */
export function table3Rows(format: ReportFormat): readonly Table3Line[] {
  return DATA_ROWS[format];
}

export function table3RowKeys(format: ReportFormat): readonly string[] {
  return ROW_KEYS[format];
}

export function table3Label(format: ReportFormat, key: string): string {
  return TABLE3_LINES[format].find((line) => line.key === key)?.label ?? key;
}

/** 「勾稽关系」 note printed over the row labels (rule A1). */
export const TABLE3_NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';
