// Words of the back office's application pages: the labels of each handling action and its fields,
// and one line that says what a recorded fact was (「补正期限：2026年12月14日」), so the case history
// reads as sentences and nobody sees an event code or a field name.
import { OUTCOME_RULES, isOutcome } from '../../domain/applications/outcomes.js';
import type { CaseAction, CaseEvent } from '../../domain/applications/transitions.js';
import { formatDate } from '../../lib/time.js';

/** The button and heading of each action on the case page. */
export const ACTION_LABELS: Record<CaseAction, string> = {
  correctionRequested: '告知补正',
  correctionReceived: '收到补正',
  consultationSent: '征求意见',
  consultationReceived: '对方收到征求意见书',
  consultationAnswered: '收到征求意见答复',
  extensionRequested: '申请延长答复期限',
  extensionApproved: '批准延长答复期限',
  reasonablePeriodNotified: '告知合理答复期限（第三十五条）',
  feeNotified: '发出收费通知',
  feeNoticeReceived: '申请人收到收费通知',
  feePaid: '申请人已缴费',
  withdrawn: '申请人撤回申请',
  transferred: '转交有权机关',
  decisionServed: '作出答复',
};

export const CONSULTATION_KIND_LABELS: Record<'third-party' | 'agency', string> = {
  'third-party': '第三方（第三十二条）',
  agency: '其他行政机关（第三十四条）',
};

/** The labels of the fields of the action forms, keyed by the command's field names. */
export const EVENT_FIELD_LABELS: Record<string, string> = {
  on: '日期',
  dueBy: '补正期限',
  goodReason: '逾期补正的正当理由',
  party: '征求意见对象',
  kind: '对象类型',
  workdays: '延长的工作日数',
  reason: '理由',
  replyBy: '合理答复期限',
  amount: '收费金额（元）',
  to: '有权机关',
  outcome: '办理结果',
  ground: '依据',
  reasons: '理由',
  disclosed: '公开的内容和方式',
  note: '说明',
};

const d = (iso: string) => formatDate('zh', iso);

/** What a recorded fact says beyond its label and date. */
export function eventDetails(e: CaseEvent): string[] {
  switch (e.type) {
    case 'received':
      return [];
    case 'correctionRequested':
      return [`补正期限：${d(e.dueBy)}`];
    case 'correctionReceived':
      return e.goodReason ? [`逾期补正的正当理由：${e.goodReason}`] : [];
    case 'consultationSent':
      return [`征求意见对象：${e.party}（${CONSULTATION_KIND_LABELS[e.kind] ?? e.kind}）`];
    case 'consultationReceived':
    case 'consultationAnswered':
      return [`征求意见对象：${e.party}`];
    case 'extensionRequested':
      return [`延长${e.workdays}个工作日`, `理由：${e.reason}`];
    case 'extensionApproved':
      return [`批准延长${e.workdays}个工作日`];
    case 'reasonablePeriodNotified':
      return [`合理答复期限：${d(e.replyBy)}`];
    case 'feeNotified':
      return [`收费金额：${e.amount}元`];
    case 'feeNoticeReceived':
    case 'feePaid':
    case 'withdrawn':
      return [];
    case 'transferred':
      return [`转交：${e.to}`, `理由：${e.reason}`];
    case 'decisionServed':
      return [
        `办理结果：${isOutcome(e.outcome) ? OUTCOME_RULES[e.outcome].label : e.outcome}`,
        ...(e.ground ? [`依据：${e.ground}`] : []),
        ...(e.reasons ? [`理由：${e.reasons}`] : []),
        ...(e.disclosed ? [`公开的内容：${e.disclosed}`] : []),
      ];
  }
}
