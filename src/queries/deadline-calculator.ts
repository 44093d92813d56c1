// The "what if" deadline of the CLI (`gongkai deadline`) and the public calculator (/deadlines):
// a few dates typed in by a person, turned into the clock's facts. Pure.
import {
  computeDeadline,
  type ClockFacts,
  type Deadline,
  type IsoDate,
  type ReceiptChannel,
  type WorkCalendar,
} from '../domain/calendar/index.js';

export interface CalculatorInput {
  /** 收到申请之日 (already the 第三十一条 day for the channel). */
  received: IsoDate;
  /** 收到补正后申请之日 (第三十条: the clock restarts). */
  corrected?: IsoDate | null;
  /** Time not counted (第三十三条第三款), FROM..TO inclusive. */
  pauses?: { from: IsoDate; to: IsoDate }[];
  /** Working days of an approved extension (第三十三条第二款, ≤ 20). */
  extend?: number | null;
  channel?: ReceiptChannel;
}

export function calculatorFacts(input: CalculatorInput): ClockFacts {
  const start = input.corrected ?? input.received;
  return {
    received: { channel: input.channel ?? 'in-person', date: input.received },
    correction: input.corrected ? { receivedOn: input.corrected } : null,
    // The approval date is unknown here; taking the start day never raises a "late extension" warning.
    extension: input.extend ? { approvedOn: start, workdays: input.extend } : null,
    pauses: input.pauses ?? [],
  };
}

export function calculateDeadline(cal: WorkCalendar, input: CalculatorInput, today: IsoDate): Deadline {
  return computeDeadline(calculatorFacts(input), cal, today);
}
