// The letter's state, due date, warning level and veto risk, derived from its dated steps, the
// mailbox's rules and the working-day calendar (docs/letters.md). Stored as cache columns by the
// commands and recomputed daily by the refresh-letter-views job: time alone changes the warnings.
import { addDays, addMonths, type IsoDate } from '../calendar/iso-date.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { countWorkdays, workdaysAfter } from '../calendar/workdays.js';
import { InvalidTransition } from '../errors.js';
import type { LetterEvent, LetterEventType } from './events.js';
import {
  VETO_MONTHS,
  VETO_NEAR_DAYS,
  timeLimitsOf,
  type LetterKind,
  type LetterRules,
  type LetterState,
  type TriageOutcome,
  type VetoRisk,
  type WarningLevel,
} from './kinds.js';

export interface LetterView {
  state: LetterState;
  triage: TriageOutcome;
  kind: LetterKind;
  receivedOn: IsoDate;
  /** 受理日期: the day the clock started (null before triage and for a declined letter). */
  acceptedOn: IsoDate | null;
  /**
   * The due date with every approved extension; null once replied. Before triage it counts from
   * the day of receipt, so that a letter nobody triaged still meets the warnings.
   */
  dueDate: IsoDate | null;
  /** Working days granted by approved extensions. */
  extensionDays: number;
  warningLevel: WarningLevel | null;
  /** Working days from tomorrow through the due date; negative: working days past it; null once replied. */
  workingDaysLeft: number | null;
  extensionPending: boolean;
  vetoRisk: VetoRisk;
  /** The day the three months end (the inspection's red line). */
  vetoDate: IsoDate;
  repliedOn: IsoDate | null;
  replyText: string | null;
  /** The reply waiting for review, when there is one. */
  draftText: string | null;
  /** Whether the letter was ever 督办 (kept after the reply: the figures count supervised letters). */
  supervised: boolean;
  rated: boolean;
  published: boolean | null;
}

/** The first step, in which state each later step may be taken (the commands check it). */
const ALLOWED: Record<Exclude<LetterEventType, 'submitted'>, readonly LetterState[]> = {
  accepted: ['submitted'],
  declined: ['submitted'],
  assigned: ['handling'],
  transferred: ['submitted', 'handling'],
  escalated: ['handling'],
  instructed: ['instructing'],
  replyDrafted: ['handling'],
  reviewApproved: ['review'],
  reviewReturned: ['review'],
  replied: ['handling', 'review'],
  extensionRequested: ['handling', 'instructing', 'review'],
  extensionApproved: ['handling', 'instructing', 'review'],
  extensionRefused: ['handling', 'instructing', 'review'],
  supervised: ['submitted', 'handling', 'instructing', 'review'],
  rated: ['replied', 'archived'],
  published: ['replied', 'archived'],
  withheld: ['replied', 'archived'],
  archived: ['replied'],
};

const STEP_NAMES: Record<LetterEventType, string> = {
  submitted: '收到来信',
  accepted: '受理',
  declined: '不予受理',
  assigned: '交承办单位',
  transferred: '转办',
  escalated: '呈领导批示',
  instructed: '领导批示交办',
  replyDrafted: '提交答复',
  reviewApproved: '审核通过',
  reviewReturned: '审核退回',
  replied: '答复',
  extensionRequested: '申请延期',
  extensionApproved: '批准延期',
  extensionRefused: '不予延期',
  supervised: '督办',
  rated: '评价',
  published: '公开',
  withheld: '不予公开',
  archived: '归档',
};

const STATE_NAMES: Record<LetterState, string> = {
  submitted: '待受理',
  handling: '办理中',
  instructing: '呈领导批示',
  review: '待审核',
  replied: '已答复',
  archived: '已归档',
};

/** Whether the step may be taken now (and, for extensions, whether one is pending or not). */
export function canTake(view: LetterView, type: LetterEventType): boolean {
  if (type === 'submitted') return false;
  if (!ALLOWED[type].includes(view.state)) return false;
  if (type === 'extensionRequested') return !view.extensionPending;
  if (type === 'extensionApproved' || type === 'extensionRefused') return view.extensionPending;
  if (type === 'rated') return !view.rated;
  if (type === 'supervised') return !view.supervised;
  return true;
}

/** InvalidTransition, in Chinese, when the step cannot be taken in the letter's state. */
export function assertCanTake(view: LetterView, type: LetterEventType): void {
  if (canTake(view, type)) return;
  if (type === 'extensionRequested' && view.extensionPending)
    throw new InvalidTransition('已有延期申请等待审批，请先审批');
  if ((type === 'extensionApproved' || type === 'extensionRefused') && !view.extensionPending)
    throw new InvalidTransition('没有等待审批的延期申请');
  if (type === 'rated' && view.rated) throw new InvalidTransition('该信件已经评价过');
  if (type === 'supervised' && view.supervised) throw new InvalidTransition('该信件已在督办中');
  throw new InvalidTransition(`信件当前状态为「${STATE_NAMES[view.state]}」，不能「${STEP_NAMES[type]}」`);
}

/**
 * The letter's view on `today`. `events` in order, the first one 'submitted'. Warning levels, for
 * an open letter with a due date: 预警 when at most warnDaysBefore working days are left (the due
 * day itself: 0 left); 黄牌 after the yellowDaysAfter-th working day after the due date (0: the day
 * after it); 红牌 after the redDaysAfter-th. Veto risk (valid letters not yet answered): 'past' when
 * today is after receivedOn + 3 calendar months, 'near' from VETO_NEAR_DAYS days before that.
 */
export function letterView(
  events: readonly LetterEvent[],
  rules: LetterRules,
  calendar: WorkCalendar,
  today: IsoDate,
): LetterView {
  const first = events[0];
  if (!first || first.type !== 'submitted') throw new Error('a letter starts with its submitted event');
  let state: LetterState = 'submitted';
  let triage: TriageOutcome = 'pending';
  let acceptedOn: IsoDate | null = null;
  let extensionDays = 0;
  let extensionPending = false;
  let repliedOn: IsoDate | null = null;
  let replyText: string | null = null;
  let draftText: string | null = null;
  let supervised = false;
  let rated = false;
  let published: boolean | null = null;
  for (const e of events.slice(1)) {
    switch (e.type) {
      case 'accepted':
        triage = 'accepted';
        acceptedOn = e.on;
        state = 'handling';
        break;
      case 'declined':
        triage = e.triage;
        state = 'replied';
        repliedOn = e.on;
        replyText = e.replyText ?? e.reason;
        break;
      case 'transferred':
        // Before triage the receiving agency triages it; after, it handles it.
        state = triage === 'pending' ? 'submitted' : 'handling';
        break;
      case 'assigned':
      case 'instructed':
      case 'reviewReturned':
        state = 'handling';
        draftText = null;
        break;
      case 'escalated':
        state = 'instructing';
        break;
      case 'replyDrafted':
        state = 'review';
        draftText = e.text;
        break;
      case 'replied':
        state = 'replied';
        repliedOn = e.on;
        replyText = e.text;
        draftText = null;
        break;
      case 'extensionRequested':
        extensionPending = true;
        break;
      case 'extensionApproved':
        extensionPending = false;
        extensionDays += e.days;
        break;
      case 'extensionRefused':
        extensionPending = false;
        break;
      case 'supervised':
        supervised = true;
        break;
      case 'rated':
        rated = true;
        break;
      case 'published':
        published = true;
        break;
      case 'withheld':
        published = false;
        break;
      case 'archived':
        state = 'archived';
        break;
      case 'reviewApproved':
        break;
    }
  }
  const open = state !== 'replied' && state !== 'archived';
  const limit = rules.timeLimits[first.kind];
  const start = acceptedOn ?? first.on;
  const dueDate = open ? workdaysAfter(calendar, start, limit + extensionDays) : null;
  let warningLevel: WarningLevel | null = null;
  let workingDaysLeft: number | null = null;
  if (dueDate) {
    if (today <= dueDate) {
      workingDaysLeft = countWorkdays(calendar, addDays(today, 1), dueDate);
      if (workingDaysLeft <= rules.warnDaysBefore) warningLevel = 'warn';
    } else {
      workingDaysLeft = -countWorkdays(calendar, addDays(dueDate, 1), today);
      if (today > workdaysAfter(calendar, dueDate, rules.redDaysAfter)) warningLevel = 'red';
      else if (today > workdaysAfter(calendar, dueDate, rules.yellowDaysAfter)) warningLevel = 'yellow';
      else warningLevel = 'warn';
    }
  }
  const vetoDate = addMonths(first.on, VETO_MONTHS);
  let vetoRisk: VetoRisk = 'none';
  if (open && triage !== 'invalid') {
    if (today > vetoDate) vetoRisk = 'past';
    else if (today >= addDays(vetoDate, -VETO_NEAR_DAYS)) vetoRisk = 'near';
  }
  return {
    state,
    triage,
    kind: first.kind,
    receivedOn: first.on,
    acceptedOn,
    dueDate,
    extensionDays,
    warningLevel,
    workingDaysLeft,
    extensionPending,
    vetoRisk,
    vetoDate,
    repliedOn,
    replyText,
    draftText,
    supervised,
    rated,
    published,
  };
}

/** The letter's cache columns (table letter) from a freshly computed view. */
export function letterViewColumns(view: LetterView, today: IsoDate) {
  return {
    state: view.state,
    triage: view.triage,
    acceptedOn: view.acceptedOn,
    dueDate: view.dueDate,
    warningLevel: view.warningLevel,
    supervised: view.supervised,
    repliedOn: view.repliedOn,
    viewComputedOn: today,
  };
}

/** What letterView needs, from a mailbox row (its time limits with the defaults filled in). */
export function mailboxRules(m: {
  timeLimits: Record<string, number> | null;
  warnDaysBefore: number;
  yellowDaysAfter: number;
  redDaysAfter: number;
}): LetterRules {
  return {
    timeLimits: timeLimitsOf(m.timeLimits),
    warnDaysBefore: m.warnDaysBefore,
    yellowDaysAfter: m.yellowDaysAfter,
    redDaysAfter: m.redDaysAfter,
  };
}
