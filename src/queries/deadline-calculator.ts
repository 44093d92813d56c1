// The "what if" deadline of the CLI (`gongkai deadline`) and the public calculator (/deadlines):
// a few dates typed in by a person, turned into the clock's facts. Pure.
import {
  computeDeadline,
  type ClockFacts,
  type Deadline,
  type IsoDate,
  type ClockRules,
  type ReceiptChannel,
  type WorkCalendar,
} from '../domain/calendar/index.js';

export interface CalculatorConsultation {
  kind: 'third-party' | 'agency';
  /** 征求意见书 sent. */
  sentOn: IsoDate;
  /** Received by the consulted party (null = not known: ClockRules.consultationReceiptAssumedDays). */
  receivedOn?: IsoDate | null;
  answeredOn?: IsoDate | null;
}

export interface CalculatorInput {
  /** 收到申请之日 (already the 第三十一条 day for the channel). */
  received: IsoDate;
  /** 收到补正后申请之日 (第三十条: the clock restarts). */
  corrected?: IsoDate | null;
  /** Time not counted (第三十三条第三款), FROM..TO inclusive. */
  pauses?: { from: IsoDate; to: IsoDate }[];
  /** Working days of an approved extension (第三十三条第二款, ≤ 20). */
  extend?: number | null;
  /** The day the extension was approved (null = not known: assumed within the original period). */
  approved?: IsoDate | null;
  /** 第三十二条、第三十四条 consultations. */
  consultations?: CalculatorConsultation[];
  /** 信息处理费 notice, its receipt by the applicant, payment. */
  fee?: { noticeOn: IsoDate; receivedOn?: IsoDate | null; paidOn?: IsoDate | null } | null;
  channel?: ReceiptChannel;
}

const PARTY = { 'third-party': '第三方', agency: '其他机关' } as const;

export function calculatorFacts(input: CalculatorInput): ClockFacts {
  return {
    received: { channel: input.channel ?? 'in-person', date: input.received },
    correction: input.corrected ? { receivedOn: input.corrected } : null,
    extension: input.extend ? { approvedOn: input.approved ?? null, workdays: input.extend } : null,
    consultations: (input.consultations ?? []).map((c) => ({
      party: PARTY[c.kind],
      kind: c.kind,
      sentOn: c.sentOn,
      receivedOn: c.receivedOn ?? null,
      answeredOn: c.answeredOn ?? null,
    })),
    fee: input.fee ?? null,
    pauses: input.pauses ?? [],
  };
}

/** `rules`: the installation's clock rules (src/queries/application-rules.ts); the defaults when absent. */
export function calculateDeadline(
  cal: WorkCalendar,
  input: CalculatorInput,
  today: IsoDate,
  rules: Partial<ClockRules> = {},
): Deadline {
  return computeDeadline(calculatorFacts(input), cal, today, rules);
}
