// The demo city's letters (issue 13 item 8): a realistic year of 市长信箱, 领导信箱, 部门信箱 and 公众监督
// letters up to the loader's day, in every state a mailbox office meets — awaiting triage, 不予受理 /
// 无效 / 重复 (answered with the reason), handling, handed up to a leader and handed down, in review,
// extensions asked, granted and refused, each warning level, 督办, a letter near and one past the
// three-month red line, replied, rated, published with a masked public version, archived.
// Deterministic: a seeded generator and the loader's date. Every step is checked by the domain's
// letterView/assertCanTake as the commands check it. Every writer, phone (199 0000 xxxx, a range not
// given to subscribers here), e-mail (@example.cn) and leader is made up.
import { addDays, addMonths, type IsoDate } from '../domain/calendar/iso-date.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import {
  suggestMasking,
  type LetterChannel,
  type LetterKind,
  type Satisfaction,
} from '../domain/letters/index.js';
import { memoized } from '../commands/demo-applications.js';
import type {
  DemoLetterEvent,
  DemoLetterInput,
  DemoLetterStep,
  DemoMailbox,
} from '../commands/demo-letters.js';
import { GIVEN, SURNAMES } from './applications.js';
import { DEMO_CITY, DEMO_USERS, type DemoAgency } from './city.js';
import { agencyMailboxCode, DEMO_LEADERS, DEMO_TIME_LIMITS, demoMailboxes } from './letters-mailboxes.js';
import {
  CITY_TOPICS,
  COMPANIES,
  DECLINED,
  ESTATES,
  LOCAL_TOPICS,
  ROADS,
  SCHOOLS,
  type Topic,
  type TopicSlots,
} from './letters-topics.js';

export { demoMailboxes, DEMO_LEADERS, agencyMailboxCode };

/**
 * The query code of the showcase letter (市长信箱, replied and published, not yet rated), fixed so that
 * a visitor can try the public lookup and the rating; every other code is random and kept only as a
 * hash. Six digits, the demo mailboxes' query-code length.
 */
export const DEMO_LETTER_QUERY_CODE = '202613';

/** A demo letter: what the loader writes, and the scenario it was built for (tests; not stored). */
export interface DemoLetter extends DemoLetterInput {
  scenario: Scenario;
}

export type Scenario =
  | 'showcase'
  | 'submitted'
  | 'rejected'
  | 'invalid'
  | 'duplicate'
  | 'handling'
  | 'transferred'
  | 'instructing'
  | 'instructed'
  | 'review'
  | 'returned'
  | 'extensionPending'
  | 'extensionApproved'
  | 'extensionRefused'
  | 'warn'
  | 'yellow'
  | 'red'
  | 'supervised'
  | 'vetoNear'
  | 'vetoPast'
  | 'replied';

// ——— the random source: mulberry32, seeded ———

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const SEED = 20261301;

/** The working days of the demo's span, to place steps N working days apart. */
class Workdays {
  readonly days: IsoDate[] = [];
  constructor(cal: WorkCalendar, from: IsoDate, to: IsoDate) {
    for (let d = from; d <= to; d = addDays(d, 1)) if (cal.isWorkday(d)) this.days.push(d);
  }
  /** Index of the last working day on or before `d`. */
  index(d: IsoDate): number {
    let lo = 0;
    let hi = this.days.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.days[mid]! <= d) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
  at(i: number): IsoDate {
    const d = this.days[i];
    if (!d) throw new RangeError('outside the demo calendar');
    return d;
  }
}

// ——— who handles: the demo logins of each agency ———

interface Staff {
  officer: string | null;
  head: string | null;
  publisher: string | null;
}

function staffOf(code: string): Staff {
  const find = (role: string) =>
    DEMO_USERS.find((u) => u.agencyCode === code && u.role === role)?.login ?? null;
  const head = find('office_head');
  return { officer: find('officer'), head, publisher: find('publisher') ?? head };
}

// ——— the writers ———

interface Writer {
  name: string;
  phone: string;
  email: string | null;
  address: string | null;
}

const SATISFACTION_COMMENTS: Record<Satisfaction, readonly string[]> = {
  very_satisfied: ['问题很快就解决了，感谢！', '答复详细，办事效率高，点赞。', ''],
  satisfied: ['答复清楚，谢谢。', '问题基本解决了。', ''],
  neutral: ['答复了，但是问题还没有完全解决，希望继续跟进。', ''],
  dissatisfied: ['答复只是解释政策，实际问题没有解决。', '说会整改，但现场还是老样子。'],
};

const WITHHELD_REASONS = [
  '来信涉及个人具体事项，不宜公开。',
  '来信内容涉及第三方个人信息，不予公开。',
  '答复事项正在办理中，暂不公开。',
];

const LEADER_INSTRUCTIONS = [
  (unit: string) => `请${unit}牵头认真研究，依法依规妥善处理，及时答复群众。`,
  (unit: string) => `请${unit}高度重视，实地核查，限期解决并答复来信人。`,
  (unit: string) => `转请${unit}研究办理，办理结果报市政府办公室。`,
];

/** Every agency of the demo city, the city government first. */
function agencies(): DemoAgency[] {
  const walk = (a: DemoAgency): DemoAgency[] => [a, ...(a.children ?? []).flatMap(walk)];
  return walk(DEMO_CITY);
}

/** The district (or zone) an agency lies in, for the slots of its letters. */
function areaOf(code: string): string {
  const top = code.split('.').slice(0, 2).join('.');
  const a = DEMO_CITY.children?.find((c) => c.code === top);
  if (!a || a.kind === 'department' || a.kind === 'authorized')
    return ['东城区', '西城区', '江北区', '湖滨区', '新港区', '南湖区'][code.length % 6]!;
  return a.name.replace(/^江南市/, '').replace(/(人民政府|管理委员会)$/, '');
}

/**
 * The demo letters, received over the current year up to `today` (at least the last 150 days when
 * the year is young). The first is the showcase (DEMO_LETTER_QUERY_CODE).
 */
export function demoLetters(calendar: WorkCalendar, today: IsoDate): DemoLetter[] {
  const cal = memoized(calendar);
  const r = prng(SEED);
  const year = Number(today.slice(0, 4));
  let start = `${year}-01-04`;
  if (start > addDays(today, -150)) start = addDays(today, -150);
  // The veto-risk letters reach past three months and a half.
  if (start > addMonths(today, -4)) start = addMonths(today, -4);
  const w = new Workdays(cal, addDays(start, -20), addDays(today, 60));
  const T = w.index(today);
  const first = w.index(start) + 1;
  const mailboxes = new Map(demoMailboxes().map((m) => [m.code, m]));
  const all = agencies();
  const byCode = new Map(all.map((a) => [a.code, a]));
  const letters: DemoLetter[] = [];
  let writerNo = 0;

  const newWriter = (area: string): Writer => {
    writerNo++;
    const name = r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.6) ? r.pick(GIVEN) : '');
    return {
      name,
      // 199 0000 xxxx: a made-up range; unique per writer.
      phone: `1990000${String(writerNo).padStart(4, '0')}`,
      email: r.chance(0.5) ? `jnwriter${String(writerNo).padStart(4, '0')}@example.cn` : null,
      address: r.chance(0.4)
        ? `江南市${area}${r.pick(ROADS)}${r.int(1, 399)}号${r.pick(ESTATES)}${r.int(1, 30)}幢`
        : null,
    };
  };
  const slots = (area: string): TopicSlots => {
    let road2 = r.pick(ROADS);
    const road = r.pick(ROADS.filter((x) => x !== road2));
    if (road2 === road) road2 = ROADS[0]!;
    return {
      road,
      road2,
      estate: r.pick(ESTATES),
      area,
      school: r.pick(SCHOOLS),
      company: r.pick(COMPANIES),
      month: `${r.int(1, 9)}月`,
      number: r.int(1, 40),
    };
  };

  /** Topics for a unit (its own, else the generic ones of a department, else the local ones). */
  const topicsFor = (code: string): readonly Topic[] => {
    const own = CITY_TOPICS.filter((t) => t.units.includes(code));
    if (own.length > 0) return own;
    const a = byCode.get(code)!;
    if (a.kind === 'department' || a.kind === 'authorized') return [genericTopic(a)];
    return LOCAL_TOPICS;
  };

  // ——— one letter, step by step ———

  interface Plan {
    mailbox: DemoMailbox;
    /** The unit that answers (the mailbox's agency for a 部门信箱). */
    unit: string;
    topic: Topic;
    scenario: Scenario;
    /** Working-day index of receipt (for the time-bound scenarios: computed). */
    received?: number;
    receivedOn?: IsoDate;
    writer?: Writer;
    consent?: boolean;
    queryCode?: string;
  }

  const build = (p: Plan): DemoLetter => {
    const m = p.mailbox;
    const office = m.agencyCode;
    const os = staffOf(office);
    const us = staffOf(p.unit);
    const limit = DEMO_TIME_LIMITS[p.topic.kind];
    const s = slots(areaOf(p.unit));
    const writer = p.writer ?? newWriter(s.area);
    let content = p.topic.content(s);
    // A quarter of the writers sign their letter: the public version must mask them.
    if (r.chance(0.25)) content = `我是${s.estate}的居民${writer.name}，联系电话${writer.phone}。${content}`;
    const receivedOn = p.receivedOn ?? w.at(p.received ?? r.int(first, T - 12));
    const steps: DemoLetterStep[] = [];
    // The first working day on or after receipt.
    let day = w.index(receivedOn);
    if (w.at(day) < receivedOn) day++;
    const dayOf = (i: number) => w.at(Math.min(i, T));
    // The loader checks each step against the view before it (as the commands do).
    const add = (event: DemoLetterEvent, by: string | null, agencyCode: string) => {
      steps.push({ event, by, agencyCode });
    };
    const isDept = m.kind === 'agency';
    const handler = isDept ? os.officer : us.officer;
    const reviewer = os.head;
    const accept = (i: number) => {
      add({ type: 'accepted', on: dayOf(i), ...(isDept ? {} : { agencyCode: p.unit }) }, os.officer, office);
      if (!isDept)
        add(
          {
            type: 'assigned',
            on: dayOf(i),
            agencyCode: p.unit,
            ...(us.officer ? { userLogin: us.officer } : {}),
          },
          os.officer,
          office,
        );
    };
    const reply = (i: number, text: string) => {
      if (m.reviewRequired) {
        add({ type: 'replyDrafted', on: dayOf(i), text }, handler, p.unit);
        add({ type: 'reviewApproved', on: dayOf(i + 1) }, reviewer, office);
        add({ type: 'replied', on: dayOf(i + 1), text, agencyCode: p.unit }, reviewer, office);
        return i + 1;
      }
      add({ type: 'replied', on: dayOf(i), text, agencyCode: p.unit }, handler, p.unit);
      return i;
    };
    const replyText = p.topic.reply(s);
    const channel: LetterChannel = r.chance(0.85) ? 'web' : r.pick(['api', 'post', 'phone'] as const);
    const consent = p.consent ?? r.chance(0.6);
    let publicVersion: DemoLetter['publicVersion'] = null;
    const after = (n: number) => day + n;

    switch (p.scenario) {
      case 'submitted':
        break;
      case 'handling':
      case 'transferred': {
        accept(after(0));
        if (p.scenario === 'transferred') {
          const to = p.unit === 'JN.CGJ' ? 'JN.ZJJ' : 'JN.CGJ';
          add(
            {
              type: 'transferred',
              on: dayOf(after(1)),
              fromAgencyCode: p.unit,
              toAgencyCode: to,
              reason: '来信反映事项属于其他部门职责，转有关部门办理。',
            },
            handler,
            p.unit,
          );
        }
        break;
      }
      case 'instructing':
      case 'instructed': {
        add({ type: 'accepted', on: dayOf(after(0)) }, os.officer, office);
        const leader = DEMO_LEADERS.find((l) => l.code === m.code) ?? DEMO_LEADERS[0]!;
        add(
          {
            type: 'escalated',
            on: dayOf(after(1)),
            leader: `${leader.title}${leader.name}`,
            note: '涉及多个部门职责，呈请领导批示。',
          },
          os.officer,
          office,
        );
        if (p.scenario === 'instructed')
          add(
            {
              type: 'instructed',
              on: dayOf(after(2)),
              instruction: r.pick(LEADER_INSTRUCTIONS)(byCode.get(p.unit)!.name),
              agencyCode: p.unit,
            },
            os.head,
            office,
          );
        break;
      }
      case 'review':
      case 'returned': {
        accept(after(0));
        add({ type: 'replyDrafted', on: dayOf(after(2)), text: replyText }, handler, p.unit);
        if (p.scenario === 'returned') {
          add(
            {
              type: 'reviewReturned',
              on: dayOf(after(3)),
              comment: '答复未说明整改时限，请补充后重新提交。',
            },
            reviewer,
            office,
          );
        }
        break;
      }
      case 'extensionPending':
      case 'extensionApproved':
      case 'extensionRefused': {
        accept(after(0));
        add(
          {
            type: 'extensionRequested',
            on: dayOf(after(3)),
            days: 5,
            reason: '需现场核查并协调多个部门，申请延期答复。',
          },
          handler,
          p.unit,
        );
        if (p.scenario === 'extensionApproved')
          add({ type: 'extensionApproved', on: dayOf(after(4)), days: 5 }, reviewer, office);
        if (p.scenario === 'extensionRefused')
          add(
            { type: 'extensionRefused', on: dayOf(after(4)), reason: '事项不复杂，应在原定期限内答复。' },
            reviewer,
            office,
          );
        break;
      }
      case 'warn':
      case 'yellow':
      case 'red':
      case 'supervised':
        accept(after(0));
        if (p.scenario === 'supervised')
          add(
            { type: 'supervised', on: dayOf(T), comment: '该件已超期，请承办单位三个工作日内办结并答复。' },
            reviewer,
            office,
          );
        break;
      case 'vetoNear':
      case 'vetoPast':
        accept(after(1));
        add(
          {
            type: 'extensionRequested',
            on: dayOf(after(5)),
            days: 10,
            reason: '涉及历史遗留问题，需多部门会商。',
          },
          handler,
          p.unit,
        );
        add({ type: 'extensionApproved', on: dayOf(after(6)), days: 10 }, reviewer, office);
        break;
      case 'rejected':
      case 'invalid':
        break; // built by declined()
      case 'duplicate':
        break;
      case 'showcase':
      case 'replied': {
        accept(after(r.int(0, 1)));
        // Most answer within the limit; some late (the statistics' average reply time shows it).
        const late = p.scenario === 'replied' && r.chance(0.08);
        let i = after(r.int(2, limit - 1) + (late ? limit + 2 : 0));
        if (p.scenario === 'replied' && r.chance(0.06)) {
          add(
            { type: 'extensionRequested', on: dayOf(i - 1), days: 5, reason: '需会同相关部门现场核查。' },
            handler,
            p.unit,
          );
          add({ type: 'extensionApproved', on: dayOf(i), days: 5 }, reviewer, office);
          i += 3;
        }
        const repliedAt = reply(Math.min(i, T - 1), replyText);
        const publisher = os.publisher;
        if (p.scenario === 'showcase' || (consent && r.chance(0.75))) {
          const at = Math.min(repliedAt + r.int(1, 3), T);
          add({ type: 'published', on: dayOf(at) }, publisher, office);
          const title = p.topic.title(s);
          publicVersion = {
            title,
            content: suggestMasking(content, [writer.name]).masked,
            reply: suggestMasking(replyText, [writer.name]).masked,
          };
        } else if (r.chance(consent ? 0.8 : 0.5)) {
          const at = Math.min(repliedAt + r.int(1, 3), T);
          add(
            {
              type: 'withheld',
              on: dayOf(at),
              reason: consent ? r.pick(WITHHELD_REASONS) : '来信人不同意公开。',
            },
            publisher,
            office,
          );
        }
        if (p.scenario === 'replied' && r.chance(0.55) && repliedAt + 1 < T) {
          const satisfaction = r.pick([
            'very_satisfied',
            'very_satisfied',
            'satisfied',
            'satisfied',
            'satisfied',
            'neutral',
            'dissatisfied',
          ] as const);
          const comment = r.pick(SATISFACTION_COMMENTS[satisfaction]);
          add(
            {
              type: 'rated',
              on: dayOf(Math.min(repliedAt + r.int(1, 5), T)),
              satisfaction,
              ...(comment ? { comment } : {}),
            },
            null,
            office,
          );
        }
        if (p.scenario === 'replied' && repliedAt < T - 40 && r.chance(0.5))
          add({ type: 'archived', on: dayOf(repliedAt + r.int(20, 35)) }, os.head, office);
        break;
      }
    }
    // The steps after the reply (rating, publication, archiving) in the order of their days.
    steps.sort((a, b) => (a.event.on < b.event.on ? -1 : a.event.on > b.event.on ? 1 : 0));
    const title = p.topic.title(s);
    return {
      mailboxCode: m.code,
      kind: p.topic.kind,
      channel: p.scenario === 'showcase' ? 'web' : channel,
      name: writer.name,
      phone: writer.phone,
      email: writer.email,
      address: writer.address,
      title,
      content,
      publicConsent: p.scenario === 'showcase' ? true : consent,
      receivedOn,
      steps,
      publicVersion: publicVersion ? { ...publicVersion, title } : null,
      scenario: p.scenario,
      ...(p.queryCode ? { queryCode: p.queryCode } : {}),
    };
  };

  /** 不予受理 / 无效: answered with the reason on the next working day. */
  const declined = (m: DemoMailbox, triage: 'rejected' | 'invalid', received: number): DemoLetter => {
    const d = r.pick(DECLINED[triage]);
    const writer = newWriter(areaOf(m.agencyCode));
    const receivedOn = w.at(received);
    const on = w.at(Math.min(received + 1, T));
    const os = staffOf(m.agencyCode);
    return {
      mailboxCode: m.code,
      kind: triage === 'invalid' ? 'consult' : 'complain',
      channel: 'web',
      ...writer,
      title: d.title,
      content: d.content,
      publicConsent: false,
      receivedOn,
      steps: [
        {
          event: { type: 'declined', on, triage, reason: d.reason, replyText: `您好！${d.reason}` },
          by: os.officer,
          agencyCode: m.agencyCode,
        },
      ],
      publicVersion: null,
      scenario: triage,
    };
  };

  // ——— the plan: the mayor's mailbox shows every state; the others a realistic mix ———

  const mayor = mailboxes.get('mayor')!;
  const mayorUnits = DEMO_LEADERS[0]!.portfolio;
  const cityTopic = (unit: string) => r.pick(topicsFor(unit));
  const planFor = (m: DemoMailbox, unit: string, scenario: Scenario, extra: Partial<Plan> = {}): Plan => ({
    mailbox: m,
    unit,
    topic: cityTopic(unit),
    scenario,
    ...extra,
  });
  /** The receipt index that puts the due date `offset` working days from today (accepted on receipt). */
  const receivedForDue = (kind: LetterKind, offset: number) => T + offset - DEMO_TIME_LIMITS[kind];
  const timed = (m: DemoMailbox, unit: string, scenario: Scenario, offset: number): Plan => {
    const topic = cityTopic(unit);
    return { mailbox: m, unit, topic, scenario, received: receivedForDue(topic.kind, offset) };
  };

  // The showcase first: 市长信箱 → 市教育局 (a demo login), replied and published, not yet rated.
  letters.push(
    build({
      ...planFor(mayor, 'JN.JYJ', 'showcase'),
      topic: CITY_TOPICS.find((t) => t.units[0] === 'JN.JYJ' && t.kind === 'consult')!,
      received: T - 20,
      consent: true,
      queryCode: DEMO_LETTER_QUERY_CODE,
    }),
  );
  const special: Plan[] = [
    { ...planFor(mayor, 'JN.ZJJ', 'submitted'), received: T },
    { ...planFor(mayor, 'JN.GAJ', 'submitted'), received: T - 1 },
    { ...planFor(mayor, 'JN.JYJ', 'submitted'), receivedOn: today },
    { ...planFor(mayor, 'JN.CGJ', 'handling'), received: T - 1 },
    { ...planFor(mayor, 'JN.JYJ', 'handling'), received: T - 2 },
    { ...planFor(mayor, 'JN.ZGJ', 'transferred'), received: T - 2 },
    { ...planFor(mayor, 'JN.ZJJ', 'instructing'), received: T - 2 },
    { ...planFor(mayor, 'JN.ZJJ', 'instructed'), received: T - 3 },
    { ...planFor(mayor, 'JN.JYJ', 'review'), received: T - 3 },
    { ...planFor(mayor, 'JN.ZGJ', 'returned'), received: T - 4 },
    { ...planFor(mayor, 'JN.RSJ', 'extensionPending'), received: T - 4 },
    { ...planFor(mayor, 'JN.STHJJ', 'extensionApproved'), received: T - 5 },
    { ...planFor(mayor, 'JN.JTJ', 'extensionRefused'), received: T - 5 },
    timed(mayor, 'JN.GAJ', 'warn', 1),
    timed(mayor, 'JN.JYJ', 'warn', 2),
    timed(mayor, 'JN.ZJJ', 'yellow', -2),
    timed(mayor, 'JN.CGJ', 'red', -8),
    timed(mayor, 'JN.STHJJ', 'supervised', -9),
    // The three-month red line: one a week before it, one ten days past it (both extended, still open).
    { ...planFor(mayor, 'JN.ZJJ', 'vetoNear'), receivedOn: addDays(addMonths(today, -3), 7) },
    { ...planFor(mayor, 'JN.ZGJ', 'vetoPast'), receivedOn: addDays(addMonths(today, -3), -10) },
  ];
  for (const p of special) letters.push(build(p));
  letters.push(declined(mayor, 'rejected', T - 6));
  letters.push(declined(mayor, 'invalid', T - 3));
  // A duplicate: the same writer, the same matter, within the first letter's time limit.
  const original = build({ ...planFor(mayor, 'JN.ZJJ', 'replied'), received: T - 30 });
  letters.push(original);
  letters.push(duplicateOf(original, letters.length - 1, w, T - 27, mayor));

  /** A mix over the year: old letters answered (rated, published, archived), recent ones open. */
  const mix = (m: DemoMailbox, units: readonly string[], n: number) => {
    for (let k = 0; k < n; k++) {
      const unit = r.pick(units);
      const received = r.int(first, T);
      const age = T - received;
      if (age <= 1)
        letters.push(build({ ...planFor(m, unit, r.chance(0.5) ? 'submitted' : 'handling'), received }));
      else if (age <= 4)
        letters.push(
          build({ ...planFor(m, unit, r.pick(['handling', 'review', 'handling'] as const)), received }),
        );
      else if (r.chance(0.03)) letters.push(declined(m, r.chance(0.6) ? 'rejected' : 'invalid', received));
      else letters.push(build({ ...planFor(m, unit, 'replied'), received }));
    }
  };

  mix(mayor, mayorUnits, 70);
  for (const l of DEMO_LEADERS.slice(1)) mix(mailboxes.get(l.code)!, l.portfolio, r.int(12, 18));
  const supervision = mailboxes.get('supervision')!;
  mix(supervision, ['JN.ZWB', 'JN.CGJ', 'JN.SCJGJ', 'JN.GAJ', 'JN.ZJJ'], 18);
  letters.push(build(timed(supervision, 'JN.ZWB', 'red', -7)));

  // The 部门信箱: the demo-login agencies a full box with the open states, most others a few.
  const FULL: Record<string, number> = {
    'JN.JYJ': 24,
    'JN.ZGJ': 20,
    'JN.DC': 16,
    'JN.MS': 14,
    'JN.DC.DH': 12,
  };
  for (const a of all) {
    if (a.code === 'JN') continue;
    const m = mailboxes.get(agencyMailboxCode(a.code))!;
    const full = FULL[a.code];
    if (full) {
      letters.push(build({ ...planFor(m, a.code, 'submitted'), received: T }));
      letters.push(build({ ...planFor(m, a.code, 'handling'), received: T - 2 }));
      if (m.reviewRequired) letters.push(build({ ...planFor(m, a.code, 'review'), received: T - 3 }));
      letters.push(build({ ...planFor(m, a.code, 'extensionPending'), received: T - 4 }));
      letters.push(build(timed(m, a.code, 'warn', 1)));
      letters.push(build(timed(m, a.code, 'yellow', -1)));
      letters.push(build(timed(m, a.code, 'red', -6)));
      mix(m, [a.code], full);
    } else if (a.kind === 'department' || a.kind === 'authorized') {
      const own = CITY_TOPICS.some((t) => t.units.includes(a.code));
      if (r.chance(own ? 0.9 : 0.5)) mix(m, [a.code], r.int(own ? 3 : 1, own ? 8 : 3));
    } else if (a.kind === 'district' || a.kind === 'dispatched') mix(m, [a.code], r.int(2, 5));
    else if (r.chance(0.3)) mix(m, [a.code], r.int(1, 2));
  }
  return letters;
}

/** The same writer again about the same matter: 重复件, answered with a pointer to the first. */
function duplicateOf(
  first: DemoLetter,
  index: number,
  w: Workdays,
  received: number,
  m: DemoMailbox,
): DemoLetter {
  const os = staffOf(m.agencyCode);
  const reason = `您反映的事项与您此前的来信内容相同，正在办理期限内，按重复件处理，办理结果将一并答复。`;
  return {
    ...first,
    title: `再次反映：${first.title}`,
    publicConsent: false,
    receivedOn: w.at(received),
    steps: [
      {
        event: {
          type: 'declined',
          on: w.at(received + 1),
          triage: 'duplicate',
          reason,
          replyText: `您好！${reason}`,
          duplicateOfIndex: index,
        },
        by: os.officer,
        agencyCode: m.agencyCode,
      },
    ],
    publicVersion: null,
    scenario: 'duplicate',
  };
}

/** A department without topics of its own: a question about its services. */
function genericTopic(a: DemoAgency): Topic {
  const short = a.name.replace(/^江南市/, '');
  return {
    units: [a.code],
    kind: 'consult',
    title: () => `咨询${short}业务办理渠道`,
    content: () => `请问${short}的业务可以在网上办理吗？线下窗口在哪里，工作时间是什么？需要提前预约吗？`,
    reply: () =>
      `您好！${short}的主要业务已进驻市政务服务中心，并可通过“江南政务服务网”在线办理。线下窗口工作时间为工作日上午9:00至12:00、下午13:30至17:00，无需预约。`,
  };
}
