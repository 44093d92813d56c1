// Words of the 政民互动 letters (领导信箱, 部门信箱, 公众监督): every code of src/domain/letters as
// people read it, on the portal, in the back office and in the API's human fields. Others add
// labels here additively; nobody shows a code.
import type { LetterEventType } from '../../domain/letters/events.js';
import type {
  LetterChannel,
  LetterKind,
  LetterState,
  MailboxKind,
  PublicationState,
  Satisfaction,
  TriageOutcome,
  VetoRisk,
  WarningLevel,
} from '../../domain/letters/kinds.js';
import type { MaskingKind } from '../../domain/letters/masking.js';

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  consult: '咨询',
  suggest: '建议',
  complain: '投诉',
  help: '求助',
};

export const LETTER_STATE_LABELS: Record<LetterState, string> = {
  submitted: '待受理',
  handling: '办理中',
  instructing: '呈领导批示',
  review: '待审核',
  replied: '已答复',
  archived: '已归档',
};

export const TRIAGE_LABELS: Record<TriageOutcome, string> = {
  pending: '待分拣',
  accepted: '已受理',
  rejected: '不予受理',
  invalid: '无效件',
  duplicate: '重复件',
};

export const WARNING_LEVEL_LABELS: Record<WarningLevel, string> = {
  warn: '预警',
  yellow: '黄牌',
  red: '红牌',
};

export const VETO_RISK_LABELS: Record<VetoRisk, string> = {
  none: '无',
  near: '临近三个月未答复',
  past: '超过三个月未答复',
};

export const SATISFACTION_LABELS: Record<Satisfaction, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  neutral: '基本满意',
  dissatisfied: '不满意',
};

export const LETTER_CHANNEL_LABELS: Record<LetterChannel, string> = {
  web: '网站留言',
  api: '接口提交',
  post: '来信',
  phone: '来电',
  staff: '工作人员登记',
};

export const MAILBOX_KIND_LABELS: Record<MailboxKind, string> = {
  leader: '领导信箱',
  agency: '部门信箱',
  supervision: '公众监督',
};

export const PUBLICATION_LABELS: Record<PublicationState, string> = {
  pending: '未决定',
  published: '已公开',
  withheld: '不予公开',
};

/** Each step of a letter's history as the history reads. */
export const LETTER_EVENT_LABELS: Record<LetterEventType, string> = {
  submitted: '收到来信',
  accepted: '受理',
  declined: '不予受理并答复',
  assigned: '交承办单位办理',
  transferred: '转办',
  escalated: '呈领导批示（呈办）',
  instructed: '领导批示后交办',
  replyDrafted: '拟写答复',
  reviewApproved: '审核通过',
  reviewReturned: '审核退回',
  replied: '答复',
  extensionRequested: '申请延期',
  extensionApproved: '批准延期',
  extensionRefused: '不予延期',
  supervised: '督办',
  rated: '来信人评价',
  published: '公开',
  withheld: '决定不公开',
  archived: '归档',
};

export const MASKING_KIND_LABELS: Record<MaskingKind, string> = {
  name: '姓名',
  phone: '电话号码',
  idNumber: '身份证号码',
  email: '电子邮箱',
  address: '地址',
};
