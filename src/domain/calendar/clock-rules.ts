// The numbers fixed by law, and the counting rules the law leaves open. Sections refer to
// docs/legal.md. Rules marked UNVERIFIED were not seen in an official text:
// they are defaults an agency may change, never hard-coded elsewhere.

/** Periods fixed by the instruments themselves. */
export const STATUTE = {
  /** 第三十三条第二款: reply within 20 working days of receipt (§1.9). */
  replyWorkdays: 20,
  /** 第三十三条第二款: extension of at most 20 working days, approved by the 工作机构负责人 (§1.9). */
  maxExtensionWorkdays: 20,
  /** 第三十条: the one-off 补正 notice is due within 7 working days of receipt (§1.6). */
  correctionNoticeWorkdays: 7,
  /** 第三十二条、第三十四条: the consulted party answers within 15 working days (§1.8). */
  consultationAnswerWorkdays: 15,
  /** 第二十六条: proactive disclosure within 20 working days of formation or change (§1.3). */
  proactiveDisclosureWorkdays: 20,
  /**
   * 第五十六条: the revised 条例 (国务院令第711号) applies from this day. Earlier receipts were
   * governed by the 2007 条例 (15 + 15 working days): the clock refuses them (docs/calendar.md §2).
   */
  revisedRegulationInForce: '2019-05-15',
  /**
   * 行政复议法 (2023 revision) in force: from this day 第二十三条第一款第（四）项 makes 行政复议 the
   * first step against a refusal to disclose (§1.12, §1.14).
   */
  reconsiderationFirstFrom: '2024-01-01',
  /** 行政复议法 (2023) 第二十条: 60 days from knowing of the act (§1.12, V-3p). */
  reconsiderationDays: 60,
  /** 行政诉讼法 第四十六条: 6 months from knowing of the act (§1.12, V-3p). */
  lawsuitDirectMonths: 6,
  /** 行政诉讼法 第四十五条: 15 days after the 复议决定书 or the end of the 复议 period (§1.12, V-3p). */
  lawsuitAfterReconsiderationDays: 15,
} as const;

export interface ClockRules {
  /**
   * Day 0 (receipt, formation, dispatch…) is not counted; working day 1 is the next working day.
   * The 条例 is silent; secondary guidance says 「自收到申请次日起算」 (§1.9, §5 item 4). UNVERIFIED.
   */
  countFromNextDay: boolean;
  /**
   * A pause FROM..TO (第三十三条第三款: consultation time is not counted) excludes the day FROM.
   * Whether the pause starts on dispatch or on the party's receipt is undefined (§1.8). UNVERIFIED.
   */
  pauseExcludesFromDay: boolean;
  /** …and excludes the day TO (the day the answer arrives). UNVERIFIED (§1.8). */
  pauseExcludesToDay: boolean;
  /**
   * The consulted party's 15 working days run from ITS receipt of the letter (第三十二条、第三十四条),
   * and the excluded time never runs past them. When the receipt date is not recorded, the letter is
   * assumed received this many calendar days after dispatch. 0 (the day it is sent) gives the
   * earliest due date, so an agency relying on it is never late. UNVERIFIED (no rule on 送达).
   */
  consultationReceiptAssumedDays: number;
  /** The time from a fee notice to payment is not counted (§1.11, 办法 第六条 onward not read). UNVERIFIED. */
  feePausesClock: boolean;
  /**
   * Working days the applicant has to pay, counted from the applicant's receipt of the fee notice;
   * unpaid after it = processing stops (§1.11). UNVERIFIED.
   */
  feePaymentWindowWorkdays: number;
  /**
   * When the applicant's receipt of the fee notice is not recorded, it is assumed this many calendar
   * days after the notice's date (a posted notice arrives later: record the receipt). UNVERIFIED.
   */
  feeNoticeReceiptAssumedDays: number;
  /**
   * A calendar-day period (复议, 诉讼) whose last day is a rest day ends on the next working day.
   * Taken from the 民事诉讼法 rules on 期间, which apply to these procedures; not in docs/legal.md. UNVERIFIED.
   */
  calendarPeriodRollsForward: boolean;
}

export const DEFAULT_CLOCK_RULES: Readonly<ClockRules> = Object.freeze({
  countFromNextDay: true,
  pauseExcludesFromDay: true,
  pauseExcludesToDay: true,
  consultationReceiptAssumedDays: 0,
  feePausesClock: true,
  feePaymentWindowWorkdays: 20,
  feeNoticeReceiptAssumedDays: 0,
  calendarPeriodRollsForward: true,
});

export function clockRules(overrides: Partial<ClockRules> = {}): ClockRules {
  return { ...DEFAULT_CLOCK_RULES, ...overrides };
}
