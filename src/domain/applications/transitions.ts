// The states of an application and the actions allowed in each: one table of data, each row citing
// its article (docs/legal.md §1.13). state.ts derives the state of a case from its events.
import type { IsoDate } from '../calendar/iso-date.js';
import type { ReceiptChannel } from '../calendar/receipt.js';
import type { Outcome } from './outcomes.js';
import type { Consultation } from '../calendar/clock-facts.js';

export const CASE_STATES = [
  'received', // the reply period runs; the office works on it
  'awaiting-correction', // 第三十条: 补正 requested, the correction period runs, no reply clock
  'consulting', // 第三十二条、第三十四条: a consultation is open (time not counted, 第三十三条第三款)
  'awaiting-payment', // 第四十二条: fee notice served, not yet paid
  'decided', // 第三十六条至第三十九条: the reply is served
  'closed-abandoned', // 第三十条: not corrected in time → deemed abandoned (table 三 （六）1)
  'closed-fee-unpaid', // fee not paid in time → not processed further (（六）2)
  'withdrawn', // the applicant withdrew (（六）3)
  'transferred', // 第十条: sent on to the competent agency, the applicant told
] as const;
export type CaseState = (typeof CASE_STATES)[number];

export const CASE_STATE_LABELS: Record<CaseState, string> = {
  received: '办理中',
  'awaiting-correction': '待补正',
  consulting: '征求意见中',
  'awaiting-payment': '待缴费',
  decided: '已答复',
  'closed-abandoned': '视为放弃申请',
  'closed-fee-unpaid': '逾期未缴费，不再处理',
  withdrawn: '申请人已撤回',
  transferred: '已转交有权机关',
};

export const OPEN_STATES: readonly CaseState[] = [
  'received',
  'awaiting-correction',
  'consulting',
  'awaiting-payment',
];

/** The dated facts of a case. `on` is the day the fact happened (not the day it was typed in). */
export type CaseEvent =
  /** 第三十一条: `on` is already the receipt day for the channel (receiptDay in calendar/receipt.ts). */
  | { type: 'received'; on: IsoDate; channel: ReceiptChannel }
  /** 第三十条: one notice listing everything to correct, with the correction period. */
  | { type: 'correctionRequested'; on: IsoDate; dueBy: IsoDate }
  /** A correction after `dueBy` needs the applicant's good reason (第三十条 「无正当理由」). */
  | { type: 'correctionReceived'; on: IsoDate; goodReason?: string | null }
  | { type: 'consultationSent'; on: IsoDate; party: string; kind: Consultation['kind'] }
  | { type: 'consultationReceived'; on: IsoDate; party: string }
  | { type: 'consultationAnswered'; on: IsoDate; party: string }
  | { type: 'extensionRequested'; on: IsoDate; workdays: number; reason: string }
  | { type: 'extensionApproved'; on: IsoDate; workdays: number }
  | { type: 'reasonablePeriodNotified'; on: IsoDate; replyBy: IsoDate }
  | { type: 'feeNotified'; on: IsoDate; amount: number }
  | { type: 'feeNoticeReceived'; on: IsoDate }
  | { type: 'feePaid'; on: IsoDate }
  | { type: 'withdrawn'; on: IsoDate }
  | { type: 'transferred'; on: IsoDate; to: string; reason: string }
  | {
      type: 'decisionServed';
      on: IsoDate;
      outcome: Outcome;
      ground: string | null;
      reasons: string | null;
      /** What is disclosed and how (the documents given, or where they are published). */
      disclosed?: string | null;
    };

export type CaseAction = Exclude<CaseEvent['type'], 'received'>;

export interface Transition {
  action: CaseAction;
  label: string;
  /** States in which the action may be recorded. */
  from: readonly CaseState[];
  article: string;
}

/** What may be recorded in which state. Conditions beyond the state are in `guards` below. */
export const TRANSITIONS: readonly Transition[] = [
  { action: 'correctionRequested', label: '告知补正', from: ['received'], article: '第三十条' },
  // A correction late with good reason revives a case deemed abandoned (第三十条 「无正当理由」).
  {
    action: 'correctionReceived',
    label: '收到补正申请',
    from: ['awaiting-correction', 'closed-abandoned'],
    article: '第三十条',
  },
  {
    action: 'consultationSent',
    label: '征求意见',
    from: ['received', 'consulting'],
    article: '第三十二条、第三十四条',
  },
  {
    action: 'consultationReceived',
    label: '对方收到征求意见书',
    from: ['consulting'],
    article: '第三十二条、第三十四条',
  },
  // An answer may arrive after the 15 working days (the case is then back to `received`).
  {
    action: 'consultationAnswered',
    label: '收到征求意见答复',
    from: ['consulting', 'received'],
    article: '第三十二条、第三十四条',
  },
  {
    action: 'extensionRequested',
    label: '申请延长答复期限',
    from: ['received', 'consulting'],
    article: '第三十三条第二款',
  },
  {
    action: 'extensionApproved',
    label: '批准延长答复期限',
    from: ['received', 'consulting', 'awaiting-payment'],
    article: '第三十三条第二款',
  },
  {
    action: 'reasonablePeriodNotified',
    label: '告知合理答复期限',
    from: ['received', 'consulting'],
    article: '第三十五条',
  },
  {
    action: 'feeNotified',
    label: '发出收费通知',
    from: ['received'],
    article: '第四十二条、国办函〔2020〕109号',
  },
  {
    action: 'feeNoticeReceived',
    label: '申请人收到收费通知',
    from: ['awaiting-payment'],
    article: '国办函〔2020〕109号',
  },
  { action: 'feePaid', label: '申请人缴纳费用', from: ['awaiting-payment'], article: '国办函〔2020〕109号' },
  { action: 'withdrawn', label: '申请人撤回申请', from: OPEN_STATES, article: '申请人撤回（表三（六）3）' },
  {
    action: 'transferred',
    label: '转交有权机关',
    from: ['received', 'consulting'],
    article: '第十条、第三十六条第（五）项',
  },
  {
    action: 'decisionServed',
    label: '作出答复并送达',
    from: ['received'],
    article: '第三十六条至第三十九条',
  },
];
