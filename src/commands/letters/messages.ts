// Words the letters' commands write into audit data and messages (the views have their own labels
// in src/views/models/letter-labels.ts, which commands may not import).
import type { DeclineOutcome, LetterKind, Satisfaction } from '../../domain/letters/kinds.js';

export const LETTER_KIND_NAMES: Record<LetterKind, string> = {
  consult: '咨询',
  suggest: '建议',
  complain: '投诉',
  help: '求助',
};

export const SATISFACTION_NAMES: Record<Satisfaction, string> = {
  very_satisfied: '非常满意',
  satisfied: '满意',
  neutral: '基本满意',
  dissatisfied: '不满意',
};

export const TRIAGE_NAMES: Record<DeclineOutcome, string> = {
  rejected: '不予受理',
  invalid: '无效件',
  duplicate: '重复件',
};

/** Mailbox fields by their Chinese names (the audit of an edit lists what changed). */
export const MAILBOX_FIELD_NAMES: Record<string, string> = {
  code: '信箱代码',
  kind: '信箱类型',
  name: '信箱名称',
  agencyId: '所属机构',
  leaderName: '领导姓名',
  leaderTitle: '领导职务',
  intro: '信箱说明',
  timeLimits: '办理时限',
  warnDaysBefore: '到期前预警天数',
  yellowDaysAfter: '黄牌天数',
  redDaysAfter: '红牌天数',
  maxExtensionDays: '最长延期天数',
  reviewRequired: '答复需审核',
  queryCodeLength: '查询码位数',
  nameRequired: '姓名必填',
  phoneRequired: '电话必填',
  emailRequired: '邮箱必填',
  active: '启用',
  sortOrder: '排序',
};
