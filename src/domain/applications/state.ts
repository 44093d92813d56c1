// The state of one application, derived from its dated events (store facts, derive the state and
// the due date — never store them; docs/legal.md §1.13). The due date comes from the clock
// (computeDeadline); which actions are allowed in which state is one table of data, each row citing
// its article. Pure: `today` and the work calendar are arguments.
import { computeDeadline, type Deadline } from '../calendar/clock.js';
import type { ClockFacts, Consultation } from '../calendar/clock-facts.js';
import type { ClockRules } from '../calendar/clock-rules.js';
import { STATUTE } from '../calendar/clock-rules.js';
import { isIsoDate, type IsoDate } from '../calendar/iso-date.js';
import type { WorkCalendar } from '../calendar/work-calendar.js';
import { InvalidInput, InvalidTransition } from '../errors.js';
import { validateDecision, type Outcome } from './outcomes.js';

import {
  CASE_STATE_LABELS,
  TRANSITIONS,
  type CaseAction,
  type CaseEvent,
  type CaseState,
} from './transitions.js';

export * from './transitions.js';

export interface ApplicationRules {
  clock?: Partial<ClockRules>;
  /**
   * The table 三 row of a transferred application at the agency that received it. UNVERIFIED: the
   * applicant is told the competent agency as in 第三十六条第（五）项, counted in （四）1 in practice.
   */
  transferOutcome: Outcome;
}

export const DEFAULT_APPLICATION_RULES: Readonly<ApplicationRules> = Object.freeze({
  transferOutcome: 'unable.notHeld',
});

export interface CaseView {
  state: CaseState;
  label: string;
  deadline: Deadline;
  /** The actions that may be recorded now (guards aside), in table order. */
  allowed: CaseAction[];
  /** A requested extension waiting for the head of the office (第三十三条第二款). */
  extensionPending: { requestedOn: IsoDate; workdays: number } | null;
  /** For a concluded case: its one table 三 row and the day it was concluded. */
  outcome: Outcome | null;
  concludedOn: IsoDate | null;
}

/** The clock's facts from the events (the last fact of each kind counts). */
export function clockFactsOf(events: readonly CaseEvent[]): ClockFacts {
  const received = events[0];
  if (!received || received.type !== 'received')
    throw new InvalidTransition('案件的第一个事实必须是收到申请');
  const facts: ClockFacts = { received: { channel: received.channel, date: received.on } };
  const consultations: Consultation[] = [];
  for (const e of events.slice(1)) {
    switch (e.type) {
      case 'correctionRequested':
        facts.correction = { requestedOn: e.on, dueBy: e.dueBy, receivedOn: null };
        break;
      case 'correctionReceived':
        facts.correction = { ...facts.correction, receivedOn: e.on };
        break;
      case 'consultationSent':
        consultations.push({
          party: e.party,
          kind: e.kind,
          sentOn: e.on,
          receivedOn: null,
          answeredOn: null,
        });
        break;
      case 'consultationReceived':
      case 'consultationAnswered': {
        const c = openConsultation(
          consultations,
          e.party,
          e.type === 'consultationReceived' ? 'receivedOn' : 'answeredOn',
        );
        if (c) c[e.type === 'consultationReceived' ? 'receivedOn' : 'answeredOn'] = e.on;
        break;
      }
      case 'extensionApproved':
        facts.extension = { approvedOn: e.on, workdays: e.workdays };
        break;
      case 'reasonablePeriodNotified':
        facts.reasonablePeriod = { notifiedOn: e.on, replyBy: e.replyBy };
        break;
      case 'feeNotified':
        facts.fee = { noticeOn: e.on, receivedOn: null, paidOn: null };
        break;
      case 'feeNoticeReceived':
        if (facts.fee) facts.fee = { ...facts.fee, receivedOn: e.on };
        break;
      case 'feePaid':
        if (facts.fee) facts.fee = { ...facts.fee, paidOn: e.on };
        break;
      case 'withdrawn':
        facts.withdrawnOn = e.on;
        break;
      // A transfer ends the case here as a reply does: the applicant is told (第三十六条第（五）项).
      case 'transferred':
      case 'decisionServed':
        facts.repliedOn = e.on;
        break;
      case 'extensionRequested':
      case 'received':
        break;
    }
  }
  if (consultations.length > 0) facts.consultations = consultations;
  return facts;
}

/** The first consultation of `party` whose `field` is not yet recorded. */
function openConsultation(
  list: Consultation[],
  party: string,
  field: 'receivedOn' | 'answeredOn',
): Consultation | undefined {
  return list.find((c) => c.party === party && c[field] == null && c.answeredOn == null);
}

export function caseView(
  events: readonly CaseEvent[],
  calendar: WorkCalendar,
  today: IsoDate,
  rules: Partial<ApplicationRules> = {},
): CaseView {
  const r = { ...DEFAULT_APPLICATION_RULES, ...rules };
  const deadline = computeDeadline(clockFactsOf(events), calendar, today, r.clock ?? {});
  const state = stateOf(events, deadline, today);
  const decision = events.find((e) => e.type === 'decisionServed');
  const outcome: Outcome | null =
    state === 'decided' && decision?.type === 'decisionServed'
      ? decision.outcome
      : state === 'transferred'
        ? r.transferOutcome
        : (CLOSURE_OUTCOMES[state] ?? null);
  return {
    state,
    label: CASE_STATE_LABELS[state],
    deadline,
    allowed: TRANSITIONS.filter((t) => t.from.includes(state)).map((t) => t.action),
    extensionPending: pendingExtension(events),
    outcome,
    concludedOn: outcome ? deadline.closedOn : null,
  };
}

/** The closures that follow from facts, and their table 三 rows (docs/legal.md §1.10). */
const CLOSURE_OUTCOMES: Partial<Record<CaseState, Outcome>> = {
  'closed-abandoned': 'other.noCorrection',
  'closed-fee-unpaid': 'other.feeUnpaid',
  withdrawn: 'other.misc',
};

function stateOf(events: readonly CaseEvent[], d: Deadline, today: IsoDate): CaseState {
  switch (d.closedBy) {
    case 'replied':
      return events.some((e) => e.type === 'decisionServed') ? 'decided' : 'transferred';
    case 'withdrawn':
      return 'withdrawn';
    case 'correction-abandoned':
      return 'closed-abandoned';
    case 'fee-unpaid':
      return 'closed-fee-unpaid';
    case null:
      break;
  }
  const has = (type: CaseEvent['type']) => events.some((e) => e.type === type);
  if (has('correctionRequested') && !has('correctionReceived')) return 'awaiting-correction';
  if (has('feeNotified') && !has('feePaid')) return 'awaiting-payment';
  // Open while unanswered and within the party's 15 working days (第三十二条、第三十四条).
  if (d.consultations.some((c) => c.answeredOn === null && today <= c.answerDue)) return 'consulting';
  return 'received';
}

function pendingExtension(events: readonly CaseEvent[]): CaseView['extensionPending'] {
  const req = events.findLast((e) => e.type === 'extensionRequested');
  if (req?.type !== 'extensionRequested') return null;
  if (events.some((e) => e.type === 'extensionApproved')) return null;
  return { requestedOn: req.on, workdays: req.workdays };
}

/**
 * Records one more fact: checks that its action is allowed in the case's state today and the
 * action's own conditions, and that the clock accepts the dates; returns the new list of events.
 * Throws InvalidTransition (not allowed now) or InvalidInput (bad data, keyed by field).
 */
export function recordEvent(
  events: readonly CaseEvent[],
  event: CaseEvent,
  calendar: WorkCalendar,
  today: IsoDate,
  rules: Partial<ApplicationRules> = {},
): CaseEvent[] {
  if (event.type === 'received') throw new InvalidTransition('一件申请只能收到一次');
  if (!isIsoDate(event.on)) throw new InvalidInput({ on: `日期「${event.on}」无效，应为 YYYY-MM-DD` });
  if (event.on > today) throw new InvalidInput({ on: `日期（${event.on}）不能晚于今天（${today}）` });
  const view = caseView(events, calendar, today, rules);
  const t = TRANSITIONS.find((x) => x.action === event.type)!;
  if (!t.from.includes(view.state))
    throw new InvalidTransition(`案件「${view.label}」时不能${t.label}（${t.article}）`);
  const next = [...events, guard(event, events, view)];
  // The clock validates every date against the others (e.g. nothing before receipt).
  computeDeadline(
    clockFactsOf(next),
    calendar,
    today,
    { ...DEFAULT_APPLICATION_RULES, ...rules }.clock ?? {},
  );
  return next;
}

/** The conditions of each action beyond the state; returns the event as it is stored. */
function guard(e: CaseEvent, events: readonly CaseEvent[], view: CaseView): CaseEvent {
  const has = (type: CaseEvent['type']) => events.some((x) => x.type === type);
  switch (e.type) {
    case 'correctionRequested':
      // 第三十条: 一次性告知 — one notice listing everything.
      if (has('correctionRequested'))
        throw new InvalidTransition('补正应一次性告知，不能再次要求补正（第三十条）');
      if (!isIsoDate(e.dueBy) || e.dueBy < e.on)
        throw new InvalidInput({ dueBy: '补正期限不能早于补正告知日期' });
      return e;
    case 'correctionReceived': {
      const req = events.find((x) => x.type === 'correctionRequested');
      const late = req?.type === 'correctionRequested' && e.on > req.dueBy;
      if (late && !e.goodReason?.trim())
        throw new InvalidInput({ goodReason: '补正晚于补正期限，请注明申请人的正当理由（第三十条）' });
      return e;
    }
    case 'consultationSent':
      if (!e.party.trim()) throw new InvalidInput({ party: '请填写征求意见的对象' });
      if (view.deadline.consultations.some((c) => c.party === e.party && c.answeredOn === null))
        throw new InvalidTransition(`已向「${e.party}」征求意见且尚未答复`);
      return e;
    case 'consultationReceived':
    case 'consultationAnswered': {
      const field = e.type === 'consultationReceived' ? 'receivedOn' : 'answeredOn';
      const facts = clockFactsOf(events);
      if (!openConsultation(facts.consultations ?? [], e.party, field))
        throw new InvalidTransition(`没有向「${e.party}」发出且尚未答复的征求意见`);
      return e;
    }
    case 'extensionRequested':
      if (has('extensionRequested')) throw new InvalidTransition('已申请过延长答复期限（第三十三条第二款）');
      workdays(e.workdays);
      if (!e.reason.trim()) throw new InvalidInput({ reason: '请说明延长答复期限的理由' });
      return e;
    case 'extensionApproved': {
      const pending = view.extensionPending;
      if (!pending) throw new InvalidTransition('没有待批准的延长答复期限申请');
      workdays(e.workdays);
      if (e.workdays > pending.workdays)
        throw new InvalidInput({ workdays: `批准延长的工作日数不能多于申请的${pending.workdays}个工作日` });
      // 第三十三条第二款: approved (and notified) before the period runs out, or it extends nothing.
      const due = view.deadline.originalDueDate;
      if (due && e.on > due)
        throw new InvalidTransition(`原答复期限已于${due}届满，不能再批准延长（第三十三条第二款）`);
      return e;
    }
    case 'reasonablePeriodNotified':
      if (has('reasonablePeriodNotified')) throw new InvalidTransition('已告知合理答复期限（第三十五条）');
      return e;
    case 'feeNotified':
      if (has('feeNotified')) throw new InvalidTransition('已发出收费通知');
      if (!Number.isInteger(e.amount) || e.amount <= 0)
        throw new InvalidInput({ amount: '收费金额应为正整数（元）' });
      return e;
    case 'transferred':
      if (!e.to.trim() || !e.reason.trim())
        throw new InvalidInput({
          ...(e.to.trim() ? {} : { to: '请填写有权机关' }),
          ...(e.reason.trim() ? {} : { reason: '请说明转交理由' }),
        });
      return e;
    case 'decisionServed': {
      const d = validateDecision(e);
      if (d.outcome === 'unable.unclearAfterCorrection' && !has('correctionReceived'))
        throw new InvalidTransition('未经补正的申请不能答复为「补正后申请内容仍不明确」（第三十条）');
      return { ...e, ...d };
    }
    case 'feeNoticeReceived':
    case 'feePaid':
    case 'withdrawn':
    case 'received':
      return e;
  }
}

function workdays(n: number): void {
  if (!Number.isInteger(n) || n < 1 || n > STATUTE.maxExtensionWorkdays)
    throw new InvalidInput({
      workdays: `延长答复期限应为1至${STATUTE.maxExtensionWorkdays}个工作日（第三十三条第二款）`,
    });
}
