import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import data from 'chinese-days/dist/chinese-days.json' with { type: 'json' };
import { calendarDaysFromChineseDays } from '../calendar/chinese-days.js';
import { addDays } from '../calendar/iso-date.js';
import { buildWorkCalendar } from '../calendar/work-calendar.js';
import { InvalidInput, InvalidTransition } from '../errors.js';
import { OUTCOMES } from './outcomes.js';
import {
  CASE_STATES,
  caseView,
  OPEN_STATES,
  recordEvent,
  TRANSITIONS,
  type CaseEvent,
  type CaseState,
} from './state.js';

const official = calendarDaysFromChineseDays(data);
const cal = buildWorkCalendar(official.days, official.years);

// Monday 2026-03-02, online. March 2026 has no holiday; 清明 2026 is 04-04..04-06 (Sat–Mon), no make-up day.
// Reply period from 03-03: 03-03..06 (4), 03-09..13 (9), 03-16..20 (14), 03-23..27 (19), 03-30 (20).
const RECEIVED: CaseEvent = { type: 'received', on: '2026-03-02', channel: 'online' };

/** Records the events one by one, each on its own date as "today". */
function build(...events: CaseEvent[]): CaseEvent[] {
  let list: CaseEvent[] = [RECEIVED];
  for (const e of events) list = recordEvent(list, e, cal, e.on);
  return list;
}

describe('the state and due date of a case, derived from its facts', () => {
  it('received → 办理中, due 2026-03-30 (20 working days)', () => {
    const v = caseView([RECEIVED], cal, '2026-03-03');
    assert.equal(v.state, 'received');
    assert.equal(v.label, '办理中');
    assert.equal(v.deadline.dueDate, '2026-03-30');
    assert.ok(v.allowed.includes('decisionServed'));
    assert.ok(!v.allowed.includes('feePaid'));
    assert.equal(v.outcome, null);
  });

  it('补正: awaiting, no due date; corrected 03-16 → the period restarts: due 2026-04-14', () => {
    // From 03-17: 03-17..20 (4), 03-23..27 (9), 03-30..04-03 (14), 04-04..06 清明, 04-07..10 (18), 04-13, 14 (20).
    const asked = build({ type: 'correctionRequested', on: '2026-03-05', dueBy: '2026-03-20' });
    const v1 = caseView(asked, cal, '2026-03-06');
    assert.equal(v1.state, 'awaiting-correction');
    assert.equal(v1.deadline.dueDate, null);
    const corrected = recordEvent(asked, { type: 'correctionReceived', on: '2026-03-16' }, cal, '2026-03-16');
    const v2 = caseView(corrected, cal, '2026-03-17');
    assert.equal(v2.state, 'received');
    assert.equal(v2.deadline.dueDate, '2026-04-14');
  });

  it('not corrected by 03-20 → 视为放弃申请 from 03-21, counted in （六）1', () => {
    const asked = build({ type: 'correctionRequested', on: '2026-03-05', dueBy: '2026-03-20' });
    assert.equal(caseView(asked, cal, '2026-03-20').state, 'awaiting-correction');
    const v = caseView(asked, cal, '2026-03-21');
    assert.equal(v.state, 'closed-abandoned');
    assert.equal(v.outcome, 'other.noCorrection');
    assert.equal(v.concludedOn, '2026-03-21');
  });

  it('a late correction needs a good reason, and then revives the case', () => {
    const asked = build({ type: 'correctionRequested', on: '2026-03-05', dueBy: '2026-03-20' });
    assert.throws(
      () => recordEvent(asked, { type: 'correctionReceived', on: '2026-03-23' }, cal, '2026-03-23'),
      (e: unknown) => e instanceof InvalidInput && e.fieldErrors.goodReason !== undefined,
    );
    const ok = recordEvent(
      asked,
      { type: 'correctionReceived', on: '2026-03-23', goodReason: '住院' },
      cal,
      '2026-03-23',
    );
    assert.equal(caseView(ok, cal, '2026-03-23').state, 'received');
  });

  it('补正 is one notice only (第三十条 一次性告知)', () => {
    const once = build(
      { type: 'correctionRequested', on: '2026-03-05', dueBy: '2026-03-20' },
      { type: 'correctionReceived', on: '2026-03-16' },
    );
    assert.throws(
      () =>
        recordEvent(
          once,
          { type: 'correctionRequested', on: '2026-03-17', dueBy: '2026-03-31' },
          cal,
          '2026-03-17',
        ),
      (e: unknown) => e instanceof InvalidTransition && /一次性告知/.test(e.message),
    );
  });

  it('consultation: 征求意见中 until the answer or the 15 working days; the excluded time moves the due date to 04-23', () => {
    // The third party received the letter 03-11: its 15 working days run 03-12 … 04-01.
    // Counted before: 03-03..06, 03-09 = 5; excluded 03-10..04-01; then 04-02, 03 (7), 04-07..10 (11),
    // 04-13..17 (16), 04-20..23 (20) → 04-23.
    const c = build(
      { type: 'consultationSent', on: '2026-03-10', party: '甲公司', kind: 'third-party' },
      { type: 'consultationReceived', on: '2026-03-11', party: '甲公司' },
    );
    const v = caseView(c, cal, '2026-03-12');
    assert.equal(v.state, 'consulting');
    assert.equal(v.deadline.dueDate, '2026-04-23');
    assert.ok(!v.allowed.includes('decisionServed'));
    // After 04-01 without an answer the agency decides itself (第三十二条).
    assert.equal(caseView(c, cal, '2026-04-02').state, 'received');
    // A late answer may still be recorded.
    const late = recordEvent(
      c,
      { type: 'consultationAnswered', on: '2026-04-03', party: '甲公司' },
      cal,
      '2026-04-03',
    );
    assert.equal(caseView(late, cal, '2026-04-03').deadline.dueDate, '2026-04-23');
  });

  it('an answer from a party never consulted is refused', () => {
    assert.throws(
      () =>
        recordEvent(
          [RECEIVED],
          { type: 'consultationAnswered', on: '2026-03-05', party: '乙' },
          cal,
          '2026-03-05',
        ),
      InvalidTransition,
    );
  });

  it('extension: requested, approved before 03-30 for 10 working days → due 04-14', () => {
    // 03-31, 04-01..03 (4), 04-07..10 (8), 04-13, 14 (10).
    const req = build({ type: 'extensionRequested', on: '2026-03-24', workdays: 10, reason: '涉及档案较多' });
    assert.deepEqual(caseView(req, cal, '2026-03-24').extensionPending, {
      requestedOn: '2026-03-24',
      workdays: 10,
    });
    const ok = recordEvent(
      req,
      { type: 'extensionApproved', on: '2026-03-25', workdays: 10 },
      cal,
      '2026-03-25',
    );
    const v = caseView(ok, cal, '2026-03-26');
    assert.equal(v.deadline.dueDate, '2026-04-14');
    assert.equal(v.deadline.originalDueDate, '2026-03-30');
    assert.equal(v.extensionPending, null);
  });

  it('extension: not approved without a request, not after the original due date, not over 20 working days', () => {
    assert.throws(
      () =>
        recordEvent(
          [RECEIVED],
          { type: 'extensionApproved', on: '2026-03-25', workdays: 10 },
          cal,
          '2026-03-25',
        ),
      InvalidTransition,
    );
    const req = build({ type: 'extensionRequested', on: '2026-03-24', workdays: 10, reason: '涉及档案较多' });
    assert.throws(
      () =>
        recordEvent(req, { type: 'extensionApproved', on: '2026-03-31', workdays: 10 }, cal, '2026-03-31'),
      (e: unknown) =>
        e instanceof InvalidTransition &&
        e.message === '原答复期限已于2026-03-30届满，不能再批准延长（第三十三条第二款）',
    );
    assert.throws(
      () =>
        recordEvent(
          [RECEIVED],
          { type: 'extensionRequested', on: '2026-03-24', workdays: 21, reason: 'x' },
          cal,
          '2026-03-24',
        ),
      (e: unknown) =>
        e instanceof InvalidInput &&
        e.fieldErrors.workdays === '延长答复期限应为1至20个工作日（第三十三条第二款）',
    );
  });

  it('fee: awaiting payment; unpaid 20 working days after receipt of the notice → closed (（六）2) on 04-09', () => {
    // Notice 03-09, received 03-10; window from 03-11: 03-11..13 (3), 16..20 (8), 23..27 (13),
    // 03-30..04-03 (18), 04-07, 08 (20) → closed on 04-09.
    const f = build(
      { type: 'feeNotified', on: '2026-03-09', amount: 1500 },
      { type: 'feeNoticeReceived', on: '2026-03-10' },
    );
    assert.equal(caseView(f, cal, '2026-04-08').state, 'awaiting-payment');
    const v = caseView(f, cal, '2026-04-09');
    assert.equal(v.state, 'closed-fee-unpaid');
    assert.equal(v.outcome, 'other.feeUnpaid');
    assert.throws(
      () => recordEvent(f, { type: 'feePaid', on: '2026-04-09' }, cal, '2026-04-09'),
      InvalidTransition,
    );
    const paid = recordEvent(f, { type: 'feePaid', on: '2026-03-20' }, cal, '2026-03-20');
    assert.equal(caseView(paid, cal, '2026-03-20').state, 'received');
  });

  it('withdrawal → （六）3; transfer → the configured row (default （四）1)', () => {
    const w = build({ type: 'withdrawn', on: '2026-03-04' });
    assert.equal(caseView(w, cal, '2026-03-05').state, 'withdrawn');
    assert.equal(caseView(w, cal, '2026-03-05').outcome, 'other.misc');
    const t = build({
      type: 'transferred',
      on: '2026-03-04',
      to: '江南区住房和城乡建设局',
      reason: '信息由该局制作',
    });
    assert.equal(caseView(t, cal, '2026-03-05').state, 'transferred');
    assert.equal(caseView(t, cal, '2026-03-05').outcome, 'unable.notHeld');
    assert.equal(caseView(t, cal, '2026-03-05', { transferOutcome: 'other.misc' }).outcome, 'other.misc');
  });

  it('decision: served with its ground; then nothing more may be recorded', () => {
    const d = build({
      type: 'decisionServed',
      on: '2026-03-20',
      outcome: 'denied.process',
      ground: '第十六条第二款',
      reasons: '属于讨论记录',
    });
    const v = caseView(d, cal, '2026-03-21');
    assert.equal(v.state, 'decided');
    assert.equal(v.outcome, 'denied.process');
    assert.equal(v.concludedOn, '2026-03-20');
    assert.deepEqual(v.allowed, []);
    assert.throws(
      () => recordEvent(d, { type: 'withdrawn', on: '2026-03-21' }, cal, '2026-03-21'),
      (e: unknown) =>
        e instanceof InvalidTransition &&
        e.message === '案件「已答复」时不能申请人撤回申请（申请人撤回（表三（六）3））',
    );
  });

  it('decision: the ground is checked; 「补正后仍不明确」 needs a correction first', () => {
    assert.throws(
      () =>
        recordEvent(
          [RECEIVED],
          {
            type: 'decisionServed',
            on: '2026-03-20',
            outcome: 'denied.stateSecret',
            ground: null,
            reasons: '涉密',
          },
          cal,
          '2026-03-20',
        ),
      (e: unknown) => e instanceof InvalidInput && e.fieldErrors.ground === '请注明依据（第十四条）',
    );
    assert.throws(
      () =>
        recordEvent(
          [RECEIVED],
          {
            type: 'decisionServed',
            on: '2026-03-20',
            outcome: 'unable.unclearAfterCorrection',
            ground: '第三十条',
            reasons: '仍不明确',
          },
          cal,
          '2026-03-20',
        ),
      InvalidTransition,
    );
  });

  it('dates: not in the future, not before receipt (the clock checks)', () => {
    assert.throws(
      () => recordEvent([RECEIVED], { type: 'withdrawn', on: '2026-03-10' }, cal, '2026-03-09'),
      InvalidInput,
    );
    assert.throws(
      () => recordEvent([RECEIVED], { type: 'withdrawn', on: '2026-03-01' }, cal, '2026-03-09'),
      InvalidInput,
    );
  });
});

describe('the transition table', () => {
  it('every state is reachable in the table or is the start; closed states allow nothing but a late correction', () => {
    for (const s of CASE_STATES) {
      const from = TRANSITIONS.filter((t) => t.from.includes(s)).map((t) => t.action);
      if (!OPEN_STATES.includes(s))
        assert.deepEqual(from, s === 'closed-abandoned' ? ['correctionReceived'] : [], s);
    }
    for (const t of TRANSITIONS) assert.ok(t.article.length > 0, t.action);
  });

  // Random sequences of actions: whatever is accepted, the case is in a known state, a concluded case
  // has exactly one table 三 row, and an open case none.
  const action = fc.oneof(
    fc.constant({ type: 'correctionRequested' as const, dueIn: 10 }),
    fc.constant({ type: 'correctionReceived' as const }),
    fc.constant({ type: 'consultationSent' as const }),
    fc.constant({ type: 'consultationAnswered' as const }),
    fc.constant({ type: 'extensionRequested' as const }),
    fc.constant({ type: 'extensionApproved' as const }),
    fc.constant({ type: 'feeNotified' as const }),
    fc.constant({ type: 'feePaid' as const }),
    fc.constant({ type: 'withdrawn' as const }),
    fc.constant({ type: 'transferred' as const }),
    fc.constantFrom(...OUTCOMES).map((outcome) => ({ type: 'decision' as const, outcome })),
  );
  it('property: every accepted sequence gives a known state; concluded ⇔ one outcome', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(action, fc.integer({ min: 0, max: 6 })), { maxLength: 12 }), (steps) => {
        let events: CaseEvent[] = [RECEIVED];
        let day = RECEIVED.on;
        for (const [a, gap] of steps) {
          day = addDays(day, gap);
          const e = toEvent(a, day);
          try {
            events = recordEvent(events, e, cal, day);
          } catch (err) {
            assert.ok(err instanceof InvalidTransition || err instanceof InvalidInput, String(err));
          }
        }
        const v = caseView(events, cal, day);
        assert.ok(CASE_STATES.includes(v.state));
        const open = (OPEN_STATES as readonly CaseState[]).includes(v.state);
        assert.equal(v.outcome === null, open, v.state);
        if (!open) assert.ok(v.concludedOn !== null);
      }),
      { numRuns: 150 },
    );
  });
});

type Step =
  | { type: 'correctionRequested'; dueIn: number }
  | { type: 'decision'; outcome: (typeof OUTCOMES)[number] }
  | { type: Exclude<CaseEvent['type'], 'received' | 'correctionRequested' | 'decisionServed'> };

function toEvent(a: Step, on: string): CaseEvent {
  switch (a.type) {
    case 'correctionRequested':
      return { type: a.type, on, dueBy: addDays(on, a.dueIn) };
    case 'decision':
      return { type: 'decisionServed', on, outcome: a.outcome, ground: null, reasons: '理由' };
    case 'consultationSent':
      return { type: a.type, on, party: '甲公司', kind: 'third-party' };
    case 'consultationReceived':
    case 'consultationAnswered':
      return { type: a.type, on, party: '甲公司' };
    case 'extensionRequested':
      return { type: a.type, on, workdays: 10, reason: '理由' };
    case 'extensionApproved':
      return { type: a.type, on, workdays: 10 };
    case 'reasonablePeriodNotified':
      return { type: a.type, on, replyBy: addDays(on, 60) };
    case 'feeNotified':
      return { type: a.type, on, amount: 100 };
    case 'transferred':
      return { type: a.type, on, to: '乙局', reason: '理由' };
    case 'correctionReceived':
    case 'feeNoticeReceived':
    case 'feePaid':
    case 'withdrawn':
      return { type: a.type, on };
  }
}
