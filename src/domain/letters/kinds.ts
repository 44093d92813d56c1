// 政民互动 letters (领导信箱, 部门信箱, 公众监督): the closed sets of kinds, states and outcomes, and the
// default time limits — configurable per mailbox (docs/letters.md: where each number comes from).

/** 留言类型: 咨询, 建议, 投诉, 求助. */
export const LETTER_KINDS = ['consult', 'suggest', 'complain', 'help'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/**
 * Default time limits in working days per kind, counted from the day after acceptance (受理). No
 * national rule fixes them: a 网络问政 rule gives 咨询/建议 5 and 投诉 7 working days; other cities use
 * 5 (许昌) or 3/10 (沈阳). Our seed city's own numbers are UNVERIFIED, so every mailbox may change them.
 */
export const DEFAULT_TIME_LIMITS: Readonly<Record<LetterKind, number>> = {
  consult: 5,
  suggest: 5,
  complain: 7,
  help: 7,
};

/** The longest extension by default (working days); the 网络问政 rule allows 15 working days in all. */
export const DEFAULT_MAX_EXTENSION_DAYS = 10;
/** The same rule's ceiling on the whole time limit with its extensions (working days). */
export const MAX_TOTAL_WORKDAYS = 15;

/** 信箱类型: a leader's mailbox, an agency's mailbox, the 公众监督 board. */
export const MAILBOX_KINDS = ['leader', 'agency', 'supervision'] as const;
export type MailboxKind = (typeof MAILBOX_KINDS)[number];

/** How a letter arrived: the portal, the API, or entered by staff from post, a call or a visit. */
export const LETTER_CHANNELS = ['web', 'api', 'post', 'phone', 'staff'] as const;
export type LetterChannel = (typeof LETTER_CHANNELS)[number];

/**
 * submitted = 待受理 (awaiting triage); handling = 办理中 (accepted, assigned, transferred, instructed);
 * instructing = 呈领导批示; review = 待审核 (a drafted reply); replied = 已答复; archived = 已归档.
 */
export const LETTER_STATES = [
  'submitted',
  'handling',
  'instructing',
  'review',
  'replied',
  'archived',
] as const;
export type LetterState = (typeof LETTER_STATES)[number];
/** States in which the letter still waits for its answer. */
export const OPEN_LETTER_STATES: readonly LetterState[] = ['submitted', 'handling', 'instructing', 'review'];

/** 分拣结果: pending, accepted (受理), rejected (不予受理), invalid (无效件), duplicate (重复件). */
export const TRIAGE_OUTCOMES = ['pending', 'accepted', 'rejected', 'invalid', 'duplicate'] as const;
export type TriageOutcome = (typeof TRIAGE_OUTCOMES)[number];
/** The outcomes of a letter that is not accepted: it is still answered, with the reason. */
export const DECLINE_OUTCOMES = ['rejected', 'invalid', 'duplicate'] as const;
export type DeclineOutcome = (typeof DECLINE_OUTCOMES)[number];

/** 预警 (before the due date), 黄牌 and 红牌 (after it). */
export const WARNING_LEVELS = ['warn', 'yellow', 'red'] as const;
export type WarningLevel = (typeof WARNING_LEVELS)[number];

/** The three-month red line of the website inspection (国办秘函〔2019〕19号): none, near, past. */
export const VETO_RISKS = ['none', 'near', 'past'] as const;
export type VetoRisk = (typeof VETO_RISKS)[number];
/** A valid letter left unanswered more than this many calendar months fails the whole website. */
export const VETO_MONTHS = 3;
/** 'near': within this many calendar days of the three months (our choice, to leave time to answer). */
export const VETO_NEAR_DAYS = 15;

/** 满意度 given by the writer after the reply. */
export const SATISFACTIONS = ['very_satisfied', 'satisfied', 'neutral', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];

/** 政府意愿: whether the office published the letter (the writer's consent is a separate flag). */
export const PUBLICATION_STATES = ['pending', 'published', 'withheld'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** A mailbox's warning rules (working days): 预警 before the due date, 黄牌 and 红牌 after it. */
export interface WarningRules {
  warnDaysBefore: number;
  yellowDaysAfter: number;
  redDaysAfter: number;
}

/** What letterView needs of the mailbox. */
export interface LetterRules extends WarningRules {
  timeLimits: Record<LetterKind, number>;
}

/** Default warning offsets (the schema's defaults): 预警 2 working days before, 黄牌 on the first day after, 红牌 5 after. */
export const DEFAULT_WARNING_RULES: Readonly<WarningRules> = {
  warnDaysBefore: 2,
  yellowDaysAfter: 0,
  redDaysAfter: 5,
};

export function isLetterKind(v: unknown): v is LetterKind {
  return typeof v === 'string' && (LETTER_KINDS as readonly string[]).includes(v);
}

/** The mailbox's stored time limits, with the default for a kind it does not name. */
export function timeLimitsOf(stored: Record<string, number> | null | undefined): Record<LetterKind, number> {
  const out = { ...DEFAULT_TIME_LIMITS };
  for (const k of LETTER_KINDS) {
    const v = stored?.[k];
    if (typeof v === 'number' && Number.isInteger(v) && v > 0) out[k] = v;
  }
  return out;
}
