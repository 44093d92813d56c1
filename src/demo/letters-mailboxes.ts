// The demo city's mailboxes (政民互动): 市长信箱 and a 领导信箱 for each city leader, a 部门信箱 for every
// demo agency, and the city's 公众监督 board. The leaders of 江南市 are SYNTHETIC: made-up names with
// plausible posts and portfolios (分管), like every other person of the demo city.
import type { DemoMailbox } from '../commands/demo-letters.js';
import { DEFAULT_TIME_LIMITS, type LetterKind } from '../domain/letters/index.js';
import { DEMO_CITY, type DemoAgency } from './city.js';

/** The defaults (working days): consult 5, suggest 5, complain 7, help 7 (src/domain/letters/kinds.ts). */
export const DEMO_TIME_LIMITS: Record<LetterKind, number> = { ...DEFAULT_TIME_LIMITS };

export interface DemoLeader {
  /** The mailbox code, e.g. 'mayor'. */
  code: string;
  /** Synthetic name (虚构). */
  name: string;
  title: string;
  /** The units of the leader's portfolio (分管), by agency code: where the leader's letters go. */
  portfolio: readonly string[];
}

/** The leaders of 江南市人民政府 — synthetic people (虚构人物). */
export const DEMO_LEADERS: readonly DemoLeader[] = [
  {
    code: 'mayor',
    name: '林正阳',
    title: '市长',
    portfolio: ['JN.FGW', 'JN.ZJJ', 'JN.JYJ', 'JN.GAJ', 'JN.RSJ', 'JN.STHJJ', 'JN.CGJ', 'JN.JTJ'],
  },
  {
    code: 'vice-mayor-zhou',
    name: '周建华',
    title: '常务副市长',
    portfolio: ['JN.FGW', 'JN.CZJ', 'JN.SCJGJ', 'JN.GXJ', 'JN.SWUJ', 'JN.ZWB'],
  },
  {
    code: 'vice-mayor-chen',
    name: '陈晓岚',
    title: '副市长',
    portfolio: ['JN.JYJ', 'JN.WJW', 'JN.YBJ', 'JN.MZJ', 'JN.RSJ', 'JN.WGLJ', 'JN.TYJRJ'],
  },
  {
    code: 'vice-mayor-guo',
    name: '郭海涛',
    title: '副市长',
    portfolio: ['JN.ZJJ', 'JN.ZGJ', 'JN.JTJ', 'JN.CGJ', 'JN.SWJ', 'JN.YLJ', 'JN.GJJ'],
  },
  {
    code: 'vice-mayor-fang',
    name: '方立新',
    title: '副市长、市公安局局长',
    portfolio: ['JN.GAJ', 'JN.YJJ', 'JN.STHJJ', 'JN.SFJ'],
  },
];

const NOT_ACCEPTED =
  '以下事项不予受理：需要110、119、120等紧急处置的事项；已进入诉讼、仲裁、行政复议、信访程序的事项；' +
  '属于党群、人大、政协、法院、检察院、军队工作的事项；涉及国家秘密、商业秘密、个人隐私的事项；' +
  '同一事项在办理期限内重复来信的。';

const RULES = {
  timeLimits: DEMO_TIME_LIMITS,
  warnDaysBefore: 2,
  yellowDaysAfter: 0,
  redDaysAfter: 5,
  maxExtensionDays: 10,
  queryCodeLength: 6,
  nameRequired: true,
  phoneRequired: true,
  emailRequired: false,
};

/** The mailbox code of an agency's 部门信箱: its code in lower case, dots as hyphens (JN.JYJ → jn-jyj). */
export function agencyMailboxCode(agencyCode: string): string {
  return agencyCode.toLowerCase().replace(/\./g, '-');
}

function flatten(a: DemoAgency): DemoAgency[] {
  return [a, ...(a.children ?? []).flatMap(flatten)];
}

/** Every demo mailbox: the leaders' first, then 公众监督, then one 部门信箱 per agency (tree order). */
export function demoMailboxes(): DemoMailbox[] {
  const leaders: DemoMailbox[] = DEMO_LEADERS.map((l, i) => ({
    ...RULES,
    code: l.code,
    kind: 'leader',
    name: l.code === 'mayor' ? '市长信箱' : `${l.title}${l.name}信箱`,
    agencyCode: 'JN',
    leaderName: l.name,
    leaderTitle: l.title,
    intro:
      `${l.title}${l.name}（演示数据中的虚构人物）的信箱，由市政府办公室分办，交有关部门办理后答复。` +
      `咨询、建议一般在5个工作日内答复，投诉、求助在7个工作日内答复。${NOT_ACCEPTED}`,
    reviewRequired: true,
    sortOrder: i * 10,
  }));
  const supervision: DemoMailbox = {
    ...RULES,
    code: 'supervision',
    kind: 'supervision',
    name: '公众监督',
    agencyCode: 'JN',
    intro: `对全市各级行政机关及其工作人员的工作作风、办事效率和政务服务提出批评和监督意见，由市政府办公室督查室转有关单位办理。${NOT_ACCEPTED}`,
    reviewRequired: true,
    sortOrder: 100,
  };
  const agencies = flatten(DEMO_CITY).filter((a) => a.code !== 'JN');
  const units: DemoMailbox[] = agencies.map((a, i) => ({
    ...RULES,
    code: agencyMailboxCode(a.code),
    kind: 'agency',
    name: `${a.name}信箱`,
    agencyCode: a.code,
    intro: `向${a.name}咨询、提出建议、投诉或求助。${NOT_ACCEPTED}`,
    // The towns and streets answer directly; the departments and districts review first.
    reviewRequired: a.kind !== 'town' && a.kind !== 'street',
    // A 部门信箱 of a town asks for a phone number only.
    nameRequired: a.kind !== 'town' && a.kind !== 'street',
    sortOrder: 200 + i,
  }));
  return [...leaders, supervision, ...units];
}
