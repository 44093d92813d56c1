// The placeholders a notice template may use ({{name}}), what each stands for (shown to the officer who
// edits a template), and which ones each kind of notice allows and requires.
import type { NoticeKind } from './kinds.js';

export const PLACEHOLDER_DESCRIPTIONS = {
  applicantName: '申请人姓名或者名称',
  receivedOn: '收到申请的日期（如2026年11月2日）',
  description: '申请获取的政府信息的内容描述',
  trackingNumber: '申请编号',
  agencyName: '本机关名称',
  agencyContact: '本机关联系方式',
  corrections: '需要补正的事项（可分行列出）',
  dueBy: '期限届满日（如2026年12月28日）',
  workdays: '工作日数',
  amount: '金额（元）',
  feeDetails: '信息处理费的计算说明（可分行列出）',
  paymentInfo: '缴费方式',
  thirdParty: '第三方名称',
  otherAgency: '其他行政机关名称',
  otherAgencyContact: '其他行政机关的联系方式',
  ground: '所依据的条款（如第十六条第二款）',
  reasons: '理由说明（完整的句子，句末无句号时自动补上）',
  delivery: '信息的提供方式或者获取途径（完整的句子）',
  remedies: '救济途径（申请行政复议、提起行政诉讼）',
} as const;

export type PlaceholderName = keyof typeof PLACEHOLDER_DESCRIPTIONS;

export function isPlaceholderName(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDER_DESCRIPTIONS, name);
}

const COMMON = [
  'applicantName',
  'receivedOn',
  'description',
  'trackingNumber',
  'agencyName',
  'agencyContact',
] as const satisfies readonly PlaceholderName[];
/** A letter to a third party or another agency does not name the applicant (personal information). */
const CONSULTATION = [
  'receivedOn',
  'description',
  'trackingNumber',
  'agencyName',
  'agencyContact',
  'dueBy',
  'workdays',
] as const satisfies readonly PlaceholderName[];

/** The placeholders each kind of notice may use. */
export const PLACEHOLDERS: Record<NoticeKind, readonly PlaceholderName[]> = {
  receipt: [...COMMON, 'dueBy'],
  correction: [...COMMON, 'corrections', 'dueBy'],
  extension: [...COMMON, 'workdays', 'dueBy', 'reasons'],
  consultationThirdParty: [...CONSULTATION, 'thirdParty'],
  consultationAgency: [...CONSULTATION, 'otherAgency'],
  fee: [...COMMON, 'amount', 'feeDetails', 'paymentInfo', 'dueBy'],
  reasonablePeriod: [...COMMON, 'dueBy', 'reasons'],
  transfer: [...COMMON, 'otherAgency', 'otherAgencyContact', 'reasons', 'remedies'],
  decision: [
    ...COMMON,
    'ground',
    'reasons',
    'delivery',
    'dueBy',
    'otherAgency',
    'otherAgencyContact',
    'remedies',
  ],
};

/**
 * The placeholders a template of the kind must contain: every reply that decides the application
 * ends with the remedies paragraph; a correction notice lists what to correct and by when (第三十条).
 */
export const REQUIRED_PLACEHOLDERS: Record<NoticeKind, readonly PlaceholderName[]> = {
  receipt: ['receivedOn'],
  correction: ['corrections', 'dueBy'],
  extension: ['workdays', 'dueBy'],
  consultationThirdParty: [],
  consultationAgency: [],
  fee: ['amount', 'dueBy'],
  reasonablePeriod: ['dueBy'],
  transfer: ['otherAgency', 'remedies'],
  decision: ['remedies'],
};

/** The placeholders a kind allows, with their Chinese descriptions (for the template editor). */
export function placeholdersFor(
  kind: NoticeKind,
): { name: PlaceholderName; description: string; required: boolean }[] {
  return PLACEHOLDERS[kind].map((name) => ({
    name,
    description: PLACEHOLDER_DESCRIPTIONS[name],
    required: REQUIRED_PLACEHOLDERS[kind].includes(name),
  }));
}
