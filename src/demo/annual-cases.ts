// The demo city's disclosure applications of 2019–2020 (issue 12 item 8): generated so that the
// city's 2020 汇总 report computes to the published tables of src/demo/annual-target.ts — every
// cell of table 三, less the imported member's report, is one application per count, spread over
// the agencies of the city; the city government's own share answers exactly 179. Applications open
// on 1 January 2020 were received in December 2019 (二、上年结转); those open on 31 December 2020
// were received that December and answered in January 2021 (四、结转下年度). Each case is built fact
// by fact; the loader records them through the domain's recordEvent, so each is a case the system
// itself accepts (test/demo-annual-report.test.ts checks the report counts them where meant).
// Deterministic (seeded).
import { APPLICANT_TYPES, type ApplicantType } from '../domain/applications/applicant.js';
import { OUTCOME_RULES, type Outcome } from '../domain/applications/outcomes.js';
import { caseView, type CaseEvent } from '../domain/applications/state.js';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.js';
import type { ReceiptChannel } from '../domain/calendar/receipt.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { memoized } from '../commands/demo-applications.js';
import type { DemoApplication, DemoStep } from './applications.js';
import { DEMO_CITY, DEMO_USERS, type DemoAgency } from './city.js';
import { HISTORY_REASONS, historyApplicant, historyRequest, seeded, type Seeded } from './annual-people.js';
import { CITY_2020, CITY_OWN_2020, IMPORTED_MEMBER_2020, minus } from './annual-target.js';

const SEED = 20201231;

/** When a case was received and concluded, relative to the report year 2020. */
type Period = 'carriedOver' | 'inYear' | 'carriedForward';

interface Unit {
  column: ApplicantType;
  /** The 2019-format table 三 row it is concluded in ('other': withdrawn or abandoned). */
  row: string;
  period: Period;
}

export interface HistoryAgency {
  code: string;
  name: string;
  kind: DemoAgency['kind'];
  /** Demo login of its officer (or of its district's office); null when it has none. */
  officer: string | null;
}

export interface HistoryCase extends DemoApplication {
  /** What the 2020 report counts: the row (2019 format) and the day it was concluded. */
  row: string;
  concludedOn: IsoDate;
}

/** Outcome rows of the 2019 format, in table order. */
const OUTCOME_ROWS = Object.keys(CITY_2020.table3).filter(
  (k) => !['newReceived', 'carriedOver', 'total', 'carriedForward'].includes(k),
);

/** How much each agency asks of the year (the city and the imported bureau are fixed). */
const WEIGHTS: Record<string, number> = {
  'JN.ZGJ': 14,
  'JN.ZJJ': 12,
  'JN.RSJ': 6,
  'JN.SCJGJ': 6,
  'JN.JYJ': 6,
  'JN.STHJJ': 5,
  'JN.CGJ': 4,
  'JN.CZJ': 3,
  'JN.JTJ': 3,
  'JN.ZWB': 3,
  'JN.MZJ': 3,
  'JN.WJW': 3,
};
const KIND_WEIGHT: Partial<Record<DemoAgency['kind'], number>> = {
  department: 1,
  authorized: 1,
  district: 8,
  dispatched: 4,
  town: 0.7,
  street: 0.7,
};

export function historyAgencies(): HistoryAgency[] {
  const out: HistoryAgency[] = [];
  const officerOf = (code: string) =>
    DEMO_USERS.find((u) => u.agencyCode === code && u.role === 'officer')?.login ?? null;
  const walk = (a: DemoAgency, parent: HistoryAgency | null) => {
    const officer = officerOf(a.code) ?? (parent && parent.code !== 'JN' ? parent.officer : null);
    const info = { code: a.code, name: a.name, kind: a.kind, officer };
    out.push(info);
    for (const c of a.children ?? []) walk(c, info);
  };
  walk(DEMO_CITY, null);
  return out;
}

/** The computed agencies' part of table 三, as units (one per application). */
function units(r: Seeded): Unit[] {
  const rest = minus(CITY_2020.table3, IMPORTED_MEMBER_2020.figures.table3);
  const out: Unit[] = [];
  APPLICANT_TYPES.forEach((column, c) => {
    const concluded = r.shuffle(OUTCOME_ROWS.flatMap((row) => Array<string>(rest[row]![c]!).fill(row)));
    concluded.forEach((row, i) =>
      out.push({ column, row, period: i < rest.carriedOver![c]! ? 'carriedOver' : 'inYear' }),
    );
    for (let i = 0; i < rest.carriedForward![c]!; i++)
      out.push({ column, row: r.pick(LATER_ROWS), period: 'carriedForward' });
  });
  return r.shuffle(out);
}

/** How the cases open at the end of 2020 were answered in January 2021. */
const LATER_ROWS = [
  ...Array<string>(10).fill('granted'),
  'partial',
  'partial',
  'unable.notHeld',
  'unable.notHeld',
  'unable.notHeld',
  'other',
];

/** Units → agencies: the city government answers exactly its 179; the others by weight. */
function allocate(
  r: Seeded,
  all: readonly Unit[],
  agencies: readonly HistoryAgency[],
): Map<Unit, HistoryAgency> {
  const city = agencies.find((a) => a.code === CITY_OWN_2020.code)!;
  const others = agencies.filter((a) => a.code !== city.code && a.code !== IMPORTED_MEMBER_2020.code);
  const weights = others.map((a) => WEIGHTS[a.code] ?? KIND_WEIGHT[a.kind] ?? 0);
  const sum = weights.reduce((s, w) => s + w, 0);
  const weighted = () => {
    let x = r.next() * sum;
    for (let i = 0; i < others.length; i++) if ((x -= weights[i]!) < 0) return others[i]!;
    return others[others.length - 1]!;
  };
  const out = new Map<Unit, HistoryAgency>();
  let cityAnswered = 0;
  let cityOpen = 0;
  for (const u of all) {
    const mine =
      u.period === 'carriedForward' ? cityOpen < 6 && r.chance(0.1) : cityAnswered < CITY_OWN_2020.answered;
    if (mine && u.period === 'carriedForward') cityOpen++;
    else if (mine) cityAnswered++;
    out.set(u, mine ? city : weighted());
  }
  if (cityAnswered !== CITY_OWN_2020.answered) throw new Error('the city government answers too few');
  return out;
}

/** The working days the history needs, in order, with each day's index. */
function workdays(cal: WorkCalendar, from: IsoDate, to: IsoDate) {
  const days: IsoDate[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) days.push(d);
  const index = new Map(days.map((d, i) => [d, i]));
  /** The working day n working days after d (d itself a working day or not). */
  const after = (d: IsoDate, n: number): IsoDate => {
    let i = index.get(d);
    if (i === undefined) i = days.findIndex((x) => x > d) - 1;
    return days[Math.min(i + n, days.length - 1)]!;
  };
  const between = (r: Seeded, lo: IsoDate, hi: IsoDate): IsoDate | null => {
    const a = days.findIndex((x) => x >= lo);
    let b = days.findIndex((x) => x > hi);
    b = b < 0 ? days.length - 1 : b - 1;
    return a < 0 || a > b ? null : days[r.int(a, b)]!;
  };
  return { after, between };
}

const RECEIPT: Record<Period, [IsoDate, IsoDate]> = {
  carriedOver: ['2019-12-09', '2019-12-31'],
  inYear: ['2020-01-02', '2020-11-30'],
  carriedForward: ['2020-12-07', '2020-12-31'],
};
/** The window of the reply (also bounded by the statutory due date). */
const REPLY: Record<Period, [IsoDate, IsoDate]> = {
  carriedOver: ['2020-01-02', '2020-12-31'],
  inYear: ['2020-01-02', '2020-12-31'],
  carriedForward: ['2021-01-04', '2021-06-30'],
};

const CHANNELS: readonly ReceiptChannel[] = [
  ...Array<ReceiptChannel>(11).fill('online'),
  'in-person',
  'in-person',
  'in-person',
  'signed-post',
  'signed-post',
  'signed-post',
  'ordinary-post',
  'ordinary-post',
  'fax',
];

/**
 * The 2019–2020 history: the cases (in the loader's input shape, with the row and day each is
 * concluded in). `calendar` is the installation's work calendar (2019–2021 official data).
 */
export function demoHistoryCases(calendar: WorkCalendar): HistoryCase[] {
  const cal = memoized(calendar);
  const r = seeded(SEED);
  const w = workdays(cal, '2019-11-01', '2021-08-31');
  const agencies = historyAgencies();
  const list = units(r);
  const owner = allocate(r, list, agencies);
  return list.map((u, n) => build(u, owner.get(u)!, n));

  function build(u: Unit, a: HistoryAgency, n: number): HistoryCase {
    const channel = r.pick(CHANNELS);
    const receivedOn = w.between(r, ...RECEIPT[u.period])!;
    const year = Number(receivedOn.slice(0, 4));
    let facts: CaseEvent[] = [{ type: 'received', on: receivedOn, channel }];
    const steps: DemoStep[] = [];
    // The loader records every fact through the domain's recordEvent (the commands' checks); here
    // the facts are only listed, so the history is checked once.
    const add = (event: CaseEvent, note?: string) => {
      facts = [...facts, event];
      steps.push({ event, by: a.officer, ...(note ? { note } : {}) });
    };
    const last = () => facts[facts.length - 1]!.on;
    // Within the 20 working days of 第三十三条 (counted from the last fact, which is never later
    // than the clock's own start: a receipt or a received correction), and inside the period.
    const replyDay = () => {
      const lo = [w.after(last(), 1), REPLY[u.period][0]].sort()[1]!;
      const hi = [w.after(last(), 18), REPLY[u.period][1]].sort()[0]!;
      return w.between(r, lo, hi < lo ? lo : hi)!;
    };
    const requestCorrection = () => {
      const on = w.after(receivedOn, r.int(1, 2));
      add(
        { type: 'correctionRequested', on, dueBy: w.after(on, 15) },
        '请写明所需信息的名称、文号或者便于查找的其他特征。',
      );
      return on;
    };
    if (u.row === 'other') {
      if (u.period === 'inYear' && receivedOn <= '2020-10-31' && r.chance(0.3)) requestCorrection();
      else add({ type: 'withdrawn', on: replyDay() }, '申请人书面申请撤回');
    } else {
      if (u.row === 'unable.unclearAfterCorrection') {
        const on = requestCorrection();
        add({ type: 'correctionReceived', on: w.after(on, r.int(2, 5)) });
      }
      const outcome = u.row as Outcome;
      const rule = OUTCOME_RULES[outcome];
      add({
        type: 'decisionServed',
        on: replyDay(),
        outcome,
        ground: outcome === 'granted' ? '第三十六条第（二）项' : (rule.grounds[0] ?? null),
        reasons: rule.group === 'granted' ? null : HISTORY_REASONS[rule.group],
        ...(rule.group === 'granted' || rule.group === 'partial'
          ? { disclosed: '向申请人提供所申请政府信息的电子版或复印件。' }
          : {}),
      } as CaseEvent);
    }
    // The day it is concluded: its reply or withdrawal, or the day an unanswered correction
    // request lapses (then the clock says which; such cases are never appealed).
    const closing = facts[facts.length - 1]!;
    const concludedOn =
      closing.type === 'correctionRequested'
        ? (caseView(facts, cal, REPLY[u.period][1]).concludedOn ?? closing.dueBy)
        : closing.on;
    return {
      agencyCode: a.code,
      fields: {
        agencyCode: a.code,
        ...historyApplicant(r, u.column, n),
        ...historyRequest(r, a, year),
      },
      channel,
      receivedOn,
      registeredBy: channel === 'online' ? null : a.officer,
      steps,
      assignee: a.officer && r.chance(0.5) ? a.officer : null,
      notices: false,
      row: u.row,
      concludedOn,
    };
  }
}
