// The demo city's disclosure applications (issue 9 item 9): a realistic year of work — what people
// really ask of a city government, its departments, districts and towns, by whom, through which
// channel, and how each case went — so that the inbox, the overdue marks, the notices and the public
// lookup show real work on the first start. Deterministic: a seeded generator and the loader's date,
// so the same day gives the same data. Every case is built fact by fact through the domain's
// recordEvent (the same checks as the commands), so every case is one the system itself accepts.
// Every person, organisation, number and phone is made up (identity numbers carry a valid check
// character so that the forms accept them; the demo banner says the data is synthetic).
import { APPLICANT_TYPES, type ApplicantType } from '../domain/applications/applicant.js';
import {
  creditCodeCheckChar,
  CREDIT_CODE_ALPHABET,
  residentIdCheckChar,
  type IdType,
} from '../domain/applications/identity.js';
import { DECISION_OUTCOMES, OUTCOME_RULES, type Outcome } from '../domain/applications/outcomes.js';
import type { Delivery, InfoForm } from '../domain/applications/request.js';
import { caseView, recordEvent, type CaseEvent } from '../domain/applications/state.js';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.js';
import { RECEIPT_CHANNELS, type ReceiptChannel } from '../domain/calendar/receipt.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { InvalidInput, InvalidTransition } from '../domain/errors.js';
import { memoized } from '../commands/demo-applications.js';
import { DEMO_CITY, DEMO_USERS, type DemoAgency } from './city.js';

/**
 * The query code of the showcase application, fixed so that a visitor can try the public lookup
 * (every other application's code is random and stored only as a hash). Same alphabet and shape as
 * a real code.
 */
export const DEMO_QUERY_CODE = 'GKDM-2345-6789';

export interface DemoStep {
  /** The fact as an officer records it (the fields of the record command). */
  event: CaseEvent;
  /** Login of the demo user who recorded it; null: an agency without a demo account. */
  by: string | null;
  note?: string;
}

export interface DemoApplication {
  agencyCode: string;
  /** The application as the form and the API receive it (field names of POST /api/v1/applications). */
  fields: Record<string, string | null>;
  channel: ReceiptChannel;
  /** The 第三十一条 receipt day. */
  receivedOn: IsoDate;
  /** Who registered a paper, post, fax or in-person application (online ones register themselves). */
  registeredBy: string | null;
  steps: DemoStep[];
  /** Login of the officer the case is assigned to. */
  assignee: string | null;
  /** Only the showcase application: its fixed query code. */
  queryCode?: string;
  /**
   * Whether its notices are issued: for the agencies a demo login works in (issuing some 800
   * notices for every agency would make the first start slow; the others keep their facts).
   */
  notices: boolean;
}

export interface DemoAppeal {
  /** Index of the application in the list of demoApplications. */
  application: number;
  kind: 'reconsideration' | 'litigation';
  body: string;
  caseNumber: string;
  filedOn: IsoDate;
  afterReconsideration: boolean;
  result: 'upheld' | 'corrected' | 'other' | 'pending';
  decidedOn: IsoDate | null;
  note: string | null;
}

/** The 发文字号 代字 of each demo agency's disclosure office (e.g. 江南府办依复〔2026〕12号). */
const PREFIX_BY_CODE: Record<string, string> = {
  JN: '江南府办',
  'JN.FGW': '江南发改',
  'JN.JYJ': '江南教',
  'JN.ZGJ': '江南自然资规',
  'JN.ZJJ': '江南住建',
  'JN.CZJ': '江南财',
  'JN.STHJJ': '江南环',
  'JN.GAJ': '江南公',
  'JN.SCJGJ': '江南市监',
  'JN.RSJ': '江南人社',
  'JN.JTJ': '江南交',
  'JN.TJJ': '江南统',
  'JN.BGS': '江南政办',
  'JN.RFB': '江南人防',
  'JN.YJS': '江南研',
  'JN.GJJ': '江南公积金',
};

export function demoNoticePrefixes(): Record<string, string> {
  const out: Record<string, string> = {};
  const used = new Set<string>();
  const walk = (a: DemoAgency) => {
    const bare = a.name
      .replace(/^江南市/, '')
      .replace(/（.*?）/g, '')
      .replace(/(人民政府|办事处|管理委员会)$/, '');
    const place = bare.replace(/^.+?[区市县](?=.)/, '');
    let prefix =
      PREFIX_BY_CODE[a.code] ??
      (a.kind === 'department'
        ? `江南${bare.slice(0, 2)}`
        : a.kind === 'district'
          ? `${bare.slice(0, 2)}府办`
          : a.kind === 'dispatched'
            ? `${bare.replace(/^江南/, '').slice(0, 2)}管`
            : `${place.slice(0, 2)}办`);
    // 文号 are unique: two offices never share a 代字.
    for (let i = 2; used.has(prefix) && i < bare.length; i++) prefix = `${prefix}${bare[i]}`;
    used.add(prefix);
    out[a.code] = prefix;
    for (const c of a.children ?? []) walk(c);
  };
  walk(DEMO_CITY);
  return out;
}

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
  const weighted = <T extends string>(w: Partial<Record<T, number>>): T => {
    const entries = Object.entries(w) as [T, number][];
    let r = next() * entries.reduce((s, [, n]) => s + n, 0);
    for (const [k, n] of entries) if ((r -= n) < 0) return k;
    return entries[entries.length - 1]![0];
  };
  return { next, int, pick, weighted, chance: (p: number) => next() < p };
}
type Rng = ReturnType<typeof prng>;

const SEED = 20260901;

/** The showcase (the first case) applied online; then every other channel once. */
const CHANNEL_ORDER: readonly ReceiptChannel[] = [
  'online',
  ...RECEIPT_CHANNELS.filter((c) => c !== 'online'),
];

// ——— who applies ———

/** Word lists of the synthetic applicants (also used by the 2019–2020 history, annual-people.ts). */
export const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严武戴莫孔汤',
];
export const GIVEN = [...'华明芳强丽军平燕红伟娟勇静杰涛敏磊霞刚洁斌琳波英超玲建兰宁峰'];
export const BRANDS = [
  '恒泰',
  '华瑞',
  '东升',
  '鑫达',
  '中联',
  '宏远',
  '安居',
  '绿源',
  '诚信',
  '天成',
  '锦程',
  '嘉禾',
];
const COMPANY = [
  '置业有限公司',
  '建设工程有限公司',
  '环保科技有限公司',
  '商贸有限公司',
  '物业服务有限公司',
  '食品有限公司',
  '新能源有限公司',
  '工程咨询有限公司',
];
const RESEARCH = [
  '江南市城市规划设计研究院',
  '江南理工学院公共政策研究中心',
  '江南市社会科学院',
  '江南大学法学院政府信息公开研究课题组',
  '江南市环境科学研究所',
];
const PUBLIC_INTEREST = [
  '江南市绿水环保公益服务中心',
  '江南市助老志愿者协会',
  '江南市青少年发展基金会',
  '江南市消费者权益保护促进会',
  '江南市残疾人帮扶服务中心',
];
const ROADS = [
  '人民路',
  '府前街',
  '建设路',
  '文昌路',
  '和平路',
  '长江路',
  '解放路',
  '新华路',
  '滨湖路',
  '桃花坞大街',
];
const ESTATES = ['锦绣花园', '翠湖苑', '东港新村', '梅林小区', '望江名邸', '南园新村', '枫桥人家', '丽景湾'];

/** 江南市 lies in a (fictional) province: its numbers use the code 32xx; some applicants come from afar. */
const HOME_REGIONS = [
  '320502',
  '320503',
  '320505',
  '320506',
  '320507',
  '320508',
  '320581',
  '320582',
  '320583',
  '320585',
];
const OTHER_REGIONS = ['340102', '420106', '510104', '330106', '370102', '410105'];

function residentId(r: Rng): string {
  const region = r.chance(0.88) ? r.pick(HOME_REGIONS) : r.pick(OTHER_REGIONS);
  const birth = `${r.int(1950, 2004)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
  const first17 = `${region}${birth}${String(r.int(10, 999)).padStart(3, '0')}`;
  return first17 + residentIdCheckChar(first17);
}

/** GB 32100: registration authority + category (e.g. 91 company, 31 law firm, 12 public institution). */
function creditCode(r: Rng, prefix: string): string {
  let body = '';
  for (let i = 0; i < 9; i++) body += r.pick([...CREDIT_CODE_ALPHABET]);
  const first17 = `${prefix}${r.pick(HOME_REGIONS).slice(0, 4)}00${body}`;
  return first17 + creditCodeCheckChar(first17);
}

const CREDIT_PREFIX: Record<Exclude<ApplicantType, 'natural'>, string[]> = {
  commercial: ['91', '92'],
  research: ['12'],
  publicInterest: ['52', '53'],
  legalService: ['31'],
  otherOrg: ['51', '93'],
};

function personName(r: Rng): string {
  return `${r.pick(SURNAMES)}某${r.pick(GIVEN)}`;
}

function mobile(r: Rng): string {
  return `1${r.pick(['38', '39', '36', '50', '58', '86', '87', '89'])}${String(r.int(0, 9999)).padStart(4, '0')}0000`;
}

interface Applicant {
  applicantType: ApplicantType;
  name: string;
  contactPerson: string | null;
  idType: IdType;
  idNumber: string;
  phone: string;
  email: string | null;
  address: string;
  postalCode: string;
}

function applicant(r: Rng, type: ApplicantType, n: number): Applicant {
  const address = `江南市${r.pick(['东城区', '西城区', '江北区', '湖滨区', '新港区', '南湖区', '梅山市'])}${r.pick(ROADS)}${r.int(1, 399)}号`;
  const postalCode = `2150${r.int(10, 89)}`;
  const email = r.chance(0.55) ? `applicant${n}@example.com` : null;
  if (type === 'natural') {
    const kind = r.weighted({ residentId: 96, passport: 1.5, hkMacauPermit: 1.5, taiwanPermit: 1 });
    const idNumber =
      kind === 'residentId'
        ? residentId(r)
        : kind === 'passport'
          ? `E${String(r.int(10000000, 99999999))}`
          : kind === 'hkMacauPermit'
            ? `${r.pick(['H', 'M'])}${String(r.int(10000000, 99999999))}`
            : String(r.int(10000000, 99999999));
    return {
      applicantType: type,
      name: personName(r),
      contactPerson: null,
      idType: kind,
      idNumber,
      phone: mobile(r),
      email,
      address: `${address}${r.pick(ESTATES)}${r.int(1, 30)}幢${r.int(1, 3)}0${r.int(1, 4)}室`,
      postalCode,
    };
  }
  const brand = r.pick(BRANDS);
  const name = {
    commercial: `江南${brand}${r.pick(COMPANY)}`,
    research: r.pick(RESEARCH),
    publicInterest: r.pick(PUBLIC_INTEREST),
    legalService: r.chance(0.8) ? `江南${brand}律师事务所` : `江南市${brand}法律服务所`,
    otherOrg: r.chance(0.6) ? `${r.pick(ESTATES)}业主委员会` : `江南市${brand}村股份经济合作社`,
  }[type];
  return {
    applicantType: type,
    name,
    contactPerson: personName(r),
    idType: 'creditCode',
    idNumber: creditCode(r, r.pick(CREDIT_PREFIX[type])),
    phone: r.chance(0.5) ? mobile(r) : `012-6${String(r.int(100, 999))}0000`,
    email,
    address,
    postalCode,
  };
}

// ——— what they ask ———

interface Topic {
  description: string;
  documentTitle?: string;
  documentNumber?: string;
}

type TopicMaker = (a: AgencyInfo, r: Rng, year: number) => Topic;

const p = (y: number) => y - 1;

const GENERIC: TopicMaker[] = [
  (a, _r, y) => ({
    description: `请公开${a.name}${y}年部门预算及“三公”经费预算表。`,
    documentTitle: `${a.name}${y}年部门预算`,
  }),
  (a, _r, y) => ({
    description: `请公开${a.name}${p(y)}年部门决算及“三公”经费支出明细。`,
    documentTitle: `${a.name}${p(y)}年部门决算`,
  }),
  (a, r, y) => ({
    description: `请公开${a.name}对申请人作出的行政处罚决定书（案件编号不详，约于${y - 1}年${r.int(1, 12)}月作出）。`,
  }),
  (a, r, y) => ({
    description: `请公开${a.name}${y}年办公楼维修改造项目的招标文件、中标结果及合同。`,
    documentNumber: `JNZB-${y}-${String(r.int(1, 300)).padStart(3, '0')}`,
  }),
  (a, r, y) => ({
    description: `请公开${a.name}制发的《关于进一步规范行政执法工作的通知》全文。`,
    documentNumber: `江南${a.short}〔${y - r.int(0, 2)}〕${r.int(1, 60)}号`,
  }),
  (a, _r, y) => ({
    description: `请公开${a.name}${p(y)}年政府信息公开工作年度报告所列依申请公开的处理情况明细。`,
  }),
  (a, r, y) => ({
    description: `请公开${a.name}${y}年${r.int(1, 10)}月召开的专题会议的会议纪要。`,
  }),
  (a) => ({ description: `请公开${a.name}内设机构设置、人员编制及领导分工情况。` }),
];

/** What is asked of each kind of agency (departments by code; the rest by kind). */
const BY_CODE: Record<string, TopicMaker[]> = {
  JN: [
    (_a, r, y) => ({
      description: `请公开江南市人民政府关于东城区${r.pick(['北门', '桃坞', '望江'])}片区国有土地上房屋征收的决定及征收补偿方案。`,
      documentNumber: `江南府征〔${y}〕${r.int(1, 30)}号`,
    }),
    (_a, r, y) => ({
      description: `请公开江南市人民政府${y}年第${r.int(1, 30)}次常务会议纪要中关于城市更新项目的内容。`,
    }),
    (_a, _r, y) => ({
      description: `请公开江南市${y}年政府工作报告中“民生实事项目”的具体清单和完成情况。`,
      documentTitle: `${y}年江南市政府工作报告`,
    }),
    (_a, r, y) => ({
      description: `请公开江南市人民政府对江北区${r.pick(['沙洲', '新渡', '芦汀'])}镇集体土地征收的批复文件及征地补偿安置方案。`,
      documentNumber: `江南府地〔${y}〕${r.int(1, 50)}号`,
    }),
    (_a, _r, y) => ({
      description: `请公开江南市${p(y)}年市本级财政预算执行情况和${y}年财政预算草案的报告。`,
    }),
    (_a, r, y) => ({
      description: `请公开《江南市城镇老旧小区改造实施方案》及${y}年改造项目名单。`,
      documentNumber: `江南府办〔${y - 1}〕${r.int(1, 90)}号`,
    }),
  ],
  'JN.JYJ': [
    (_a, _r, y) => ({ description: `请公开${y}年江南市主城区公办小学、初中学区划分方案及划分依据。` }),
    (_a, r) => ({ description: `请公开${r.pick(ESTATES)}所对应的施教区范围及调整的决策过程文件。` }),
    (_a, _r, y) => ({ description: `请公开${y}年江南市民办中小学招生计划及收费标准的审批文件。` }),
    (_a, r, y) => ({
      description: `请公开江南市第${r.int(1, 20)}中学${y}年校舍改造工程的招投标文件和中标结果。`,
    }),
    (_a, _r, y) => ({ description: `请公开${y}年江南市教师招聘考试的成绩排名及录用名单。` }),
  ],
  'JN.ZGJ': [
    (_a, r, y) => ({
      description: `请公开${r.pick(ESTATES)}二期项目的建设工程规划许可证及附图、总平面图。`,
      documentNumber: `建字第3205${y}${String(r.int(1, 999)).padStart(5, '0')}号`,
    }),
    (_a, r) => ({
      description: `请公开东城区${r.pick(['DC-0', 'DC-1', 'DC-2'])}${r.int(1, 9)}地块控制性详细规划及其调整的批准文件。`,
    }),
    (_a, r) => ({
      description: `请公开江北区${r.pick(['沙洲', '新渡', '芦汀'])}镇土地征收的征地报批材料、一书四方案及勘测定界图。`,
    }),
    (_a, r, y) => ({
      description: `请公开申请人所在${r.pick(['梅山市', '江北区', '西城区'])}某村集体土地征收的补偿标准和安置方案（${y}年公告）。`,
    }),
    (_a, _r, y) => ({ description: `请公开${y}年江南市国有建设用地供应计划及已出让地块的出让合同。` }),
  ],
  'JN.ZJJ': [
    (_a, r) => ({
      description: `请公开东城区${r.pick(['北门', '桃坞', '望江'])}片区房屋征收补偿方案及评估机构选定过程材料。`,
    }),
    (_a, _r, y) => ({ description: `请公开${y}年江南市老旧小区改造项目清单、改造内容及资金安排。` }),
    (_a, r) => ({ description: `请公开${r.pick(ESTATES)}商品房预售许可证及预售资金监管账户信息。` }),
    (_a, _r, y) => ({ description: `请公开${y}年公共租赁住房分配名单及轮候排序规则。` }),
  ],
  'JN.CZJ': [
    (_a, _r, y) => ({ description: `请公开江南市${y}年市级部门“三公”经费预算汇总表。` }),
    (_a, _r, y) => ({ description: `请公开江南市${p(y)}年政府债务限额及余额情况。` }),
    (_a, r, y) => ({
      description: `请公开${y}年江南市政府采购项目（编号JNCG-${y}-${r.int(100, 999)}）的采购合同。`,
    }),
  ],
  'JN.STHJJ': [
    (_a, r) => ({
      description: `请公开江南${r.pick(BRANDS)}新材料有限公司年产${r.int(2, 20)}万吨项目的环境影响评价报告书及批复。`,
    }),
    (_a, r) => ({ description: `请公开对江南${r.pick(BRANDS)}化工有限公司的环境行政处罚决定书。` }),
    (_a, _r, y) => ({ description: `请公开${y}年江南市重点排污单位名录及自动监测数据。` }),
  ],
  'JN.SCJGJ': [
    (_a, r) => ({ description: `请公开对江南${r.pick(BRANDS)}食品有限公司的行政处罚决定书。` }),
    (_a, _r, y) => ({ description: `请公开${y}年第二季度江南市食品安全监督抽检结果。` }),
  ],
  'JN.GAJ': [
    (_a, r) => ({
      description: `请公开${r.pick(ROADS)}与${r.pick(ROADS)}交叉口电子警察设置的审批文件及设置依据。`,
    }),
    () => ({ description: '请公开本人车辆交通违法记录对应的现场照片及处罚依据。' }),
  ],
  'JN.RSJ': [
    (_a, _r, y) => ({ description: `请公开${y}年江南市事业单位公开招聘的岗位表及拟聘用人员名单。` }),
    (_a, _r, y) => ({ description: `请公开${y}年江南市最低工资标准调整文件。` }),
  ],
  'JN.JTJ': [
    (_a, r) => ({ description: `请公开江南市${r.int(1, 90)}路公交线路调整的论证材料及听证会记录。` }),
    (_a, _r, y) => ({ description: `请公开${y}年江南市城市道路大中修工程计划及投资额。` }),
  ],
  'JN.TJJ': [(_a, _r, y) => ({ description: `请提供《江南统计年鉴${p(y)}》全书。` })],
};

const LOCAL: TopicMaker[] = [
  (a, r) => ({
    description: `请公开${a.place}${r.pick(ESTATES)}老旧小区改造的设计方案、施工单位及资金来源。`,
  }),
  (a, r, y) => ({
    description: `请公开${a.place}${r.pick(['北门', '桃坞', '望江', '沙洲', '新渡'])}片区房屋征收补偿方案及补偿款发放情况（${y}年）。`,
  }),
  (a, _r, y) => ({ description: `请公开${a.place}${y}年财政预算及“三公”经费使用情况。` }),
  (a, r) => ({
    description: `请公开${a.place}${r.pick(['河道整治', '道路拓宽', '污水管网改造'])}工程的招投标文件及中标合同。`,
  }),
  (a) => ({ description: `请公开${a.place}对申请人房屋作出的限期拆除决定书及相关执法文书。` }),
  (a, _r, y) => ({ description: `请公开${a.place}${y}年低保、特困供养人员名单及审批情况。` }),
  (a) => ({ description: `请公开${a.place}集体土地征收补偿款的发放明细。` }),
];

interface AgencyInfo {
  code: string;
  name: string;
  kind: DemoAgency['kind'];
  /** 江南市东城区 / 东华街道: the place, for local topics. */
  place: string;
  /** For 文号: 江南教〔2026〕3号. */
  short: string;
  /** The agency's demo officer and office head (themselves or of the nearest agency above). */
  officer: string | null;
  head: string | null;
}

function agencies(): AgencyInfo[] {
  const out: AgencyInfo[] = [];
  const staff = (code: string, role: 'officer' | 'office_head') =>
    DEMO_USERS.find((u) => u.agencyCode === code && u.role === role)?.login ?? null;
  const walk = (a: DemoAgency, parent: AgencyInfo | null) => {
    const place = a.name.replace(/(人民政府|办事处|管理委员会)$/, '');
    const own = { officer: staff(a.code, 'officer'), head: staff(a.code, 'office_head') };
    // The city's office does not work the departments' cases; a district's office helps its towns.
    const inherit = parent && parent.code !== 'JN';
    const info: AgencyInfo = {
      code: a.code,
      name: a.name,
      kind: a.kind,
      place,
      short: a.name.replace(/^江南市/, '').slice(0, 1),
      officer: own.officer ?? (inherit ? parent.officer : null),
      head: own.head ?? (inherit ? parent.head : null),
    };
    out.push(info);
    for (const c of a.children ?? []) walk(c, info);
  };
  walk(DEMO_CITY, null);
  return out;
}

function topicFor(a: AgencyInfo, r: Rng, year: number): Topic {
  const own = BY_CODE[a.code];
  const local = a.kind === 'district' || a.kind === 'town' || a.kind === 'street' || a.kind === 'dispatched';
  const pool = own && r.chance(0.75) ? own : local && r.chance(0.7) ? LOCAL : GENERIC;
  return r.pick(pool)(a, r, year);
}

// ——— how each case went ———

type Scenario =
  | 'decided'
  | 'open'
  | 'dueSoon'
  | 'overdue'
  | 'awaitingCorrection'
  | 'abandoned'
  | 'consulting'
  | 'awaitingPayment'
  | 'feeUnpaid'
  | 'withdrawn'
  | 'transferred'
  | 'extensionPending'
  | 'extendedOpen';

const SCENARIO_WEIGHTS: Record<Scenario, number> = {
  decided: 66,
  open: 8,
  dueSoon: 1.5,
  overdue: 1.5,
  awaitingCorrection: 2.5,
  abandoned: 2.5,
  consulting: 3,
  awaitingPayment: 1,
  feeUnpaid: 1,
  withdrawn: 5,
  transferred: 4.5,
  extensionPending: 0.5,
  extendedOpen: 1,
};

/** The row of each decision a year of work produces (roughly the shares of real annual reports). */
const OUTCOME_WEIGHTS: Partial<Record<Outcome, number>> = {
  granted: 42,
  partial: 13,
  'denied.stateSecret': 0.4,
  'denied.lawForbidden': 0.6,
  'denied.threeSecurityOneStability': 0.3,
  'denied.thirdParty': 1.5,
  'denied.internalAffairs': 1.5,
  'denied.process': 2.5,
  'denied.enforcementFile': 1,
  'denied.adminQuery': 1.5,
  'unable.notHeld': 15,
  'unable.needsCreation': 4,
  'unable.unclearAfterCorrection': 1.5,
  'notProcessed.petition': 2,
  'notProcessed.repeat': 2,
  'notProcessed.publication': 0.8,
  'notProcessed.massRepeat': 0.4,
  'notProcessed.confirmOrReissue': 0.8,
  'other.misc': 1,
};

/** The ground and reasons an office gives for each outcome (one of OUTCOME_RULES' grounds). */
function decisionFor(outcome: Outcome, r: Rng, topic: Topic, a: AgencyInfo, other: AgencyInfo) {
  const what = topic.documentTitle ? `《${topic.documentTitle}》` : '所申请的政府信息';
  const T: Record<Outcome, () => { ground: string | null; reasons: string | null; disclosed?: string }> = {
    granted: () =>
      r.chance(0.3)
        ? {
            ground: '第三十六条第（一）项',
            reasons: null,
            disclosed: `${what}已主动公开，可在${a.name}门户网站「政府信息公开」栏目查阅。`,
          }
        : {
            ground: '第三十六条第（二）项',
            reasons: null,
            disclosed: `向申请人提供${what}${r.pick(['电子版', '纸质复印件', '扫描件'])}。`,
          },
    partial: () => ({
      ground: r.chance(0.7) ? '第十五条' : '第十六条第二款',
      reasons:
        '所申请信息中涉及的个人姓名、身份证号码、联系方式等属于第三方个人隐私，公开会对第三方合法权益造成损害，该部分不予公开；其余部分予以公开。',
      disclosed: `提供遮盖第三方个人信息后的${what}。`,
    }),
    'denied.stateSecret': () => ({
      ground: '第十四条',
      reasons: '经审查，所申请信息已依法确定为国家秘密，依据《条例》第十四条不予公开。',
    }),
    'denied.lawForbidden': () => ({
      ground: '第十四条',
      reasons: '所申请信息属于《中华人民共和国统计法》规定应当保密的统计调查对象的原始资料，依法不予公开。',
    }),
    'denied.threeSecurityOneStability': () => ({
      ground: '第十四条',
      reasons:
        '所申请信息涉及重大突发事件处置中的敏感内容，公开后可能危及社会稳定，依据《条例》第十四条不予公开。',
    }),
    'denied.thirdParty': () => ({
      ground: '第十五条',
      reasons:
        '所申请信息涉及第三方商业秘密，经书面征求第三方意见，第三方不同意公开，本机关认为不公开不会对公共利益造成重大影响，依据《条例》第十五条不予公开。',
    }),
    'denied.internalAffairs': () => ({
      ground: '第十六条第一款',
      reasons: '所申请信息属于本机关内部人事管理、后勤管理信息，依据《条例》第十六条第一款可以不予公开。',
    }),
    'denied.process': () => ({
      ground: '第十六条第二款',
      reasons:
        '所申请的会议纪要属于行政机关在履行行政管理职能过程中形成的讨论记录，依据《条例》第十六条第二款可以不予公开。',
    }),
    'denied.enforcementFile': () => ({
      ground: '第十六条第二款',
      reasons: '所申请信息属于行政执法案卷信息，依据《条例》第十六条第二款可以不予公开。',
    }),
    'denied.adminQuery': () => ({
      ground: '第三十六条第（七）项',
      reasons:
        '申请人要求查询的不动产登记资料属于行政查询事项，应依照《不动产登记资料查询暂行办法》向不动产登记机构申请查询。',
    }),
    'unable.notHeld': () =>
      r.chance(0.7)
        ? {
            ground: '第三十六条第（四）项',
            reasons: '经检索本机关档案和业务系统，本机关未制作或获取申请人所描述的政府信息。',
          }
        : {
            ground: '第三十六条第（五）项',
            reasons: `所申请信息不属于本机关负责公开，该信息由${other.name}制作并保存，申请人可向其提出申请。`,
          },
    'unable.needsCreation': () => ({
      ground: '第三十八条',
      reasons:
        '申请人要求的统计汇总数据需要对现有信息进行加工、分析后才能形成，本机关没有现成信息，依据《条例》第三十八条不予提供。',
    }),
    'unable.unclearAfterCorrection': () => ({
      ground: '第三十条',
      reasons: '经补正后，申请人对所需信息的描述仍不明确，本机关无法确定具体的政府信息。',
    }),
    'notProcessed.petition': () => ({
      ground: '第三十九条第一款',
      reasons: '申请内容实为对有关单位违法行为的举报投诉，已告知申请人通过信访、投诉举报渠道提出。',
    }),
    'notProcessed.repeat': () => ({
      ground: '第三十六条第（六）项',
      reasons: '申请人此前已就同一内容提出申请，本机关已依法答复，申请人无正当理由重复申请。',
    }),
    'notProcessed.publication': () => ({
      ground: '第三十九条第二款',
      reasons: '所申请信息为公开出版物，申请人可通过公开发行渠道或市图书馆获取。',
    }),
    'notProcessed.massRepeat': () => ({
      ground: '第三十五条',
      reasons: '申请人在短期内提出的申请数量、频次明显超过合理范围，且未能说明理由。',
    }),
    'notProcessed.confirmOrReissue': () => ({
      ground: null,
      reasons: '申请人要求本机关确认其已获取文件的真实性并重新出具，不属于政府信息公开申请的处理范围。',
    }),
    'other.noCorrection': () => ({ ground: null, reasons: null }),
    'other.feeUnpaid': () => ({ ground: null, reasons: null }),
    'other.misc': () => ({
      ground: null,
      reasons: '申请人表示已通过其他途径获取所需信息，经与申请人沟通，本机关作出其他处理。',
    }),
  };
  return T[outcome]();
}

const THIRD_PARTIES = [
  '江南恒泰置业有限公司',
  '江南绿源环保科技有限公司',
  '江南宏远建设工程有限公司',
  '相关中标单位',
  '被征收房屋所有权人',
];

// ——— working days, by index ———

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
  /** The n-th working day after `d` (n ≤ 0: on or before). */
  after(d: IsoDate, n: number): IsoDate {
    const i = this.index(d) + n;
    const day = this.days[i];
    if (!day) throw new RangeError('outside the demo calendar');
    return day;
  }
}

class CaseBuilder {
  facts: CaseEvent[];
  steps: DemoStep[] = [];
  constructor(
    private readonly cal: WorkCalendar,
    private readonly today: IsoDate,
    received: CaseEvent,
  ) {
    this.facts = [received];
  }
  get last(): IsoDate {
    return this.facts[this.facts.length - 1]!.on;
  }
  add(event: CaseEvent, by: string | null, note?: string): void {
    if (event.on > this.today) throw new RangeError('a demo step after today');
    this.facts = recordEvent(this.facts, event, this.cal, event.on);
    this.steps.push({ event: this.facts[this.facts.length - 1]!, by, ...(note ? { note } : {}) });
  }
  due(on: IsoDate = this.last): IsoDate | null {
    return caseView(this.facts, this.cal, on).deadline.dueDate;
  }
  originalDue(on: IsoDate = this.last): IsoDate | null {
    return caseView(this.facts, this.cal, on).deadline.originalDueDate;
  }
}

/** The receipt age (in working days before today) each scenario needs. */
const AGE: Record<Scenario, [number, number | null]> = {
  decided: [4, null],
  open: [0, 14],
  dueSoon: [17, 19],
  overdue: [22, 40],
  awaitingCorrection: [2, 6],
  abandoned: [25, null],
  consulting: [4, 10],
  awaitingPayment: [5, 12],
  feeUnpaid: [40, null],
  withdrawn: [4, null],
  transferred: [4, null],
  extensionPending: [14, 17],
  extendedOpen: [21, 28],
};

const OPEN_SCENARIOS: readonly Scenario[] = [
  'open',
  'dueSoon',
  'overdue',
  'awaitingCorrection',
  'consulting',
  'awaitingPayment',
  'extensionPending',
  'extendedOpen',
];

interface Plan {
  scenario: Scenario;
  outcome?: Outcome;
}

/**
 * The demo applications, received over the current year up to `today` (at least the last 120
 * days when the year is young), for the city government, its demo-login agencies and a good share
 * of the other departments, districts and towns.
 */
export function demoApplications(calendar: WorkCalendar, today: IsoDate): DemoApplication[] {
  const cal = memoized(calendar);
  const r = prng(SEED);
  const year = Number(today.slice(0, 4));
  let start = `${year}-01-04`;
  if (start > addDays(today, -120)) start = addDays(today, -150);
  const w = new Workdays(cal, addDays(start, -10), addDays(today, 120));
  const T = w.index(today);
  const first = w.index(start) + 1;
  const maxAge = T - first;

  const all = agencies();
  const departments = all.filter((a) => a.kind === 'department');

  // How many each agency gets: the demo-login agencies a full inbox, most others a few.
  const counts = new Map<string, number>();
  const FULL: Record<string, number> = {
    JN: 60,
    'JN.JYJ': 30,
    'JN.ZGJ': 30,
    'JN.DC': 26,
    'JN.MS': 22,
    'JN.DC.DH': 16,
  };
  for (const a of all) {
    if (FULL[a.code]) counts.set(a.code, FULL[a.code]!);
    else if (a.kind === 'department' && r.chance(0.6)) counts.set(a.code, r.int(2, BY_CODE[a.code] ? 8 : 4));
    else if ((a.kind === 'district' || a.kind === 'dispatched') && r.chance(0.8))
      counts.set(a.code, r.int(2, 6));
    else if ((a.kind === 'town' || a.kind === 'street') && r.chance(0.25)) counts.set(a.code, r.int(1, 2));
  }

  // Every state and every decision outcome at least once, where the demo logins see them.
  const mustDecide = [...DECISION_OUTCOMES];
  const firstPlans = (a: AgencyInfo): Plan[] => {
    if (a.code === 'JN')
      return [
        { scenario: 'decided', outcome: 'partial' }, // the showcase (first)
        { scenario: 'overdue' },
        { scenario: 'dueSoon' },
        { scenario: 'dueSoon' },
        { scenario: 'extensionPending' },
        { scenario: 'extendedOpen' },
        { scenario: 'consulting' },
        { scenario: 'awaitingCorrection' },
        { scenario: 'awaitingPayment' },
        { scenario: 'abandoned' },
        { scenario: 'feeUnpaid' },
        { scenario: 'withdrawn' },
        { scenario: 'transferred' },
        ...mustDecide.splice(0).map((outcome) => ({ scenario: 'decided' as const, outcome })),
      ];
    if (FULL[a.code])
      return [
        { scenario: 'overdue' },
        { scenario: 'dueSoon' },
        { scenario: 'extensionPending' },
        { scenario: 'consulting' },
        { scenario: 'awaitingCorrection' },
        { scenario: 'open' },
      ];
    return [];
  };

  const out: DemoApplication[] = [];
  let n = 0;
  for (const a of all) {
    const count = counts.get(a.code) ?? 0;
    const plans = firstPlans(a);
    while (plans.length < count) {
      let scenario = r.weighted(SCENARIO_WEIGHTS);
      if ((scenario === 'extensionPending' || scenario === 'extendedOpen') && !a.head) scenario = 'decided';
      plans.push({ scenario });
    }
    for (const plan of plans) {
      n++;
      const built = buildCase(plan, a, n);
      if (built) out.push(built);
    }
  }
  return out;

  function buildCase(plan: Plan, a: AgencyInfo, index: number): DemoApplication | null {
    // Forced variety first: every applicant column and every channel.
    const type: ApplicantType =
      index <= APPLICANT_TYPES.length
        ? APPLICANT_TYPES[index - 1]!
        : r.weighted({
            natural: 72,
            commercial: 14,
            research: 3,
            publicInterest: 3,
            legalService: 6,
            otherOrg: 2,
          });
    const who = applicant(r, type, index);
    const channel: ReceiptChannel =
      index <= CHANNEL_ORDER.length
        ? CHANNEL_ORDER[index - 1]!
        : r.weighted({ online: 58, 'in-person': 15, 'signed-post': 14, 'ordinary-post': 9, fax: 4 });
    const topic = topicFor(a, r, year);
    const form: InfoForm = r.weighted({ electronic: 60, paper: 34, inspection: 6 });
    const delivery: Delivery =
      form === 'inspection'
        ? 'pickup'
        : form === 'electronic'
          ? who.email && r.chance(0.5)
            ? 'email'
            : 'online'
          : r.weighted({ post: 75, pickup: 25 });
    const fields: Record<string, string | null> = {
      agencyCode: a.code,
      applicantType: who.applicantType,
      name: who.name,
      contactPerson: who.contactPerson,
      idType: who.idType,
      idNumber: who.idNumber,
      phone: who.phone,
      email: who.email,
      address: who.address,
      postalCode: who.postalCode,
      description: topic.description,
      documentTitle: topic.documentTitle ?? null,
      documentNumber: topic.documentNumber ?? null,
      form,
      delivery,
    };
    const [lo, hi] = AGE[plan.scenario];
    const top = Math.min(hi ?? maxAge, maxAge);
    if (lo > top) return null;
    // Concluded cases spread evenly over the year; the showcase is a month old; a chosen outcome
    // gets room for its correction or consultation.
    const age = index === 1 ? Math.min(30, top) : r.int(plan.outcome ? Math.min(45, top) : lo, top);
    const receivedOn = w.days[T - age]!;
    const other = r.pick(departments.filter((d) => d.code !== a.code));
    try {
      const b = new CaseBuilder(cal, today, { type: 'received', on: receivedOn, channel });
      scenarioSteps(b, plan, a, topic, other, receivedOn);
      const open = OPEN_SCENARIOS.includes(plan.scenario);
      const assignee = a.officer && (open ? r.chance(0.8) : r.chance(0.6)) ? a.officer : null;
      return {
        agencyCode: a.code,
        fields,
        channel,
        receivedOn,
        registeredBy: channel === 'online' ? null : a.officer,
        steps: b.steps,
        assignee,
        notices: a.officer !== null,
        ...(index === 1 ? { queryCode: DEMO_QUERY_CODE } : {}),
      };
    } catch (e) {
      // A plan that does not fit the calendar (e.g. early in January) is left out, never half-built.
      if (e instanceof RangeError || e instanceof InvalidInput || e instanceof InvalidTransition) return null;
      throw e;
    }
  }

  function scenarioSteps(
    b: CaseBuilder,
    plan: Plan,
    a: AgencyInfo,
    topic: Topic,
    other: AgencyInfo,
    R: IsoDate,
  ): void {
    const by = a.officer;
    const day = (d: IsoDate, n: number) => w.after(d, n);
    const consult = (kind: 'third-party' | 'agency', on: IsoDate, answer: boolean) => {
      const party = kind === 'agency' ? other.name : r.pick(THIRD_PARTIES);
      b.add(
        { type: 'consultationSent', on, party, kind },
        by,
        '就申请公开的信息是否涉及商业秘密、个人隐私征求意见',
      );
      const got = day(on, 1);
      if (got <= today) b.add({ type: 'consultationReceived', on: got, party }, by);
      if (answer) b.add({ type: 'consultationAnswered', on: day(got, r.int(3, 10)), party }, by);
    };
    const age = T - w.index(R);
    const correction = (received: boolean) => {
      const on = day(R, r.int(1, Math.max(1, Math.min(3, age))));
      b.add(
        { type: 'correctionRequested', on, dueBy: day(on, 10) },
        by,
        '申请内容不明确：请写明所需信息的名称、文号或者便于查找的其他特征，以及所涉项目的具体位置。',
      );
      if (received) b.add({ type: 'correctionReceived', on: day(on, r.int(2, 7)) }, by);
    };
    const extension = (approve: boolean, workdays: number) => {
      const due = b.originalDue()!;
      const on = approve ? day(due, -3) : w.days[T]!;
      b.add(
        {
          type: 'extensionRequested',
          on,
          workdays,
          reason: '所申请信息数量较大，需要调取多个年度的档案逐件审查',
        },
        by,
      );
      if (approve) b.add({ type: 'extensionApproved', on: day(on, 1), workdays }, a.head);
    };
    switch (plan.scenario) {
      case 'open':
        if (r.chance(0.2) && w.index(R) < T) consult('agency', day(R, 1), false);
        return;
      case 'dueSoon':
      case 'overdue':
        return;
      case 'awaitingCorrection':
        return correction(false);
      case 'abandoned':
        return correction(false);
      case 'consulting':
        return consult(r.chance(0.6) ? 'third-party' : 'agency', day(R, r.int(1, 3)), false);
      case 'awaitingPayment':
      case 'feeUnpaid': {
        const on = day(R, r.int(3, 5));
        b.add({ type: 'feeNotified', on, amount: r.pick([100, 150, 200, 260, 400]) }, by);
        if (day(on, 2) <= today) b.add({ type: 'feeNoticeReceived', on: day(on, 2) }, by);
        return;
      }
      case 'withdrawn':
        return b.add({ type: 'withdrawn', on: day(R, r.int(1, Math.min(8, age))) }, by, '申请人书面申请撤回');
      case 'transferred':
        return b.add(
          {
            type: 'transferred',
            on: day(R, r.int(1, 3)),
            to: other.name,
            reason: `所申请信息由${other.name}制作并保存，依照《条例》第十条由其负责公开。`,
          },
          by,
        );
      case 'extensionPending':
        return extension(false, 15);
      case 'extendedOpen':
        return extension(true, r.int(10, 20));
      case 'decided':
        return decided(plan.outcome ?? r.weighted(OUTCOME_WEIGHTS));
    }

    function decided(outcome: Outcome): void {
      const rule = OUTCOME_RULES[outcome];
      if (outcome === 'unable.unclearAfterCorrection' || (age > 30 && r.chance(0.08))) correction(true);
      if (outcome === 'denied.thirdParty' || (age > 40 && r.chance(rule.group === 'partial' ? 0.4 : 0.08)))
        consult(
          outcome === 'denied.thirdParty' || r.chance(0.6) ? 'third-party' : 'agency',
          day(b.last, 2),
          true,
        );
      if (outcome === 'granted' && age > 40 && r.chance(0.05)) {
        const on = day(b.last, 3);
        b.add({ type: 'feeNotified', on, amount: r.pick([100, 150, 200]) }, by);
        b.add({ type: 'feeNoticeReceived', on: day(on, 2) }, by);
        b.add({ type: 'feePaid', on: day(on, r.int(3, 8)) }, by);
      }
      if (a.head && age > 45 && r.chance(0.07) && day(b.originalDue()!, -3) > b.last)
        extension(true, r.int(10, 20));
      const due = b.due()!;
      const late = r.chance(0.04);
      const from = w.index(b.last) + 1;
      const to = Math.min(w.index(due) + (late ? r.int(1, 4) : 0), T);
      if (to < from) throw new RangeError('no day left for the decision');
      const on = w.days[late ? to : r.int(from, to)]!;
      const d = decisionFor(outcome, r, topic, a, other);
      b.add({ type: 'decisionServed', on, outcome, ...d }, by);
    }
  }
}

/**
 * A few 行政复议 and 行政诉讼 against refusals (table 四): every result (维持, 纠正, 其他, 尚未审结),
 * a lawsuit after reconsideration and one direct. `applications` is demoApplications' list.
 */
export function demoAppeals(applications: readonly DemoApplication[], today: IsoDate): DemoAppeal[] {
  const r = prng(SEED + 4);
  const refused = applications
    .map((app, index) => {
      const e = app.steps.find((s) => s.event.type === 'decisionServed')?.event;
      return { app, index, decidedOn: e?.type === 'decisionServed' ? e : null };
    })
    .filter(
      (x) =>
        x.decidedOn &&
        x.decidedOn.outcome !== 'granted' &&
        !x.decidedOn.outcome.startsWith('other.') &&
        x.decidedOn.on <= addDays(today, -60),
    );
  if (refused.length === 0) return [];
  const year = today.slice(0, 4);
  const reconsiderationBody = (code: string) =>
    code === 'JN'
      ? '江东省人民政府'
      : code.split('.').length === 2
        ? '江南市人民政府'
        : `${code.startsWith('JN.MS') ? '梅山市' : code.startsWith('JN.DC') ? '江南市东城区' : '江南市'}人民政府`;
  const court = (code: string) => (code === 'JN' ? '江南市中级人民法院' : '江南市东城区人民法院');
  const out: DemoAppeal[] = [];
  // Seven reconsiderations: 维持 most often, 纠正, 其他 (withdrawn), and some not yet decided.
  const results: DemoAppeal['result'][] = [
    'upheld',
    'corrected',
    'other',
    'pending',
    'upheld',
    'upheld',
    'corrected',
  ];
  const step = Math.max(1, Math.floor(refused.length / 9));
  const picked = refused.filter((_, i) => i % step === 0).slice(0, 9);
  picked.forEach((x, i) => {
    const filedOn = addDays(x.decidedOn!.on, r.int(10, 40));
    const litigation = i >= results.length;
    const wanted: DemoAppeal['result'] = litigation
      ? i === results.length
        ? 'upheld'
        : 'pending'
      : results[i]!;
    const decidedOn = wanted === 'pending' ? null : addDays(filedOn, r.int(30, 55));
    const decided = decidedOn !== null && decidedOn <= today;
    const result = decided ? wanted : 'pending';
    out.push({
      application: x.index,
      kind: litigation ? 'litigation' : 'reconsideration',
      body: litigation ? court(x.app.agencyCode) : reconsiderationBody(x.app.agencyCode),
      caseNumber: litigation
        ? `（${year}）江0502行初${r.int(10, 300)}号`
        : `江南复〔${year}〕${r.int(10, 400)}号`,
      filedOn,
      afterReconsideration: false,
      result,
      decidedOn: decided ? decidedOn : null,
      note:
        result === 'corrected'
          ? '复议机关认为答复理由不充分，责令被申请人重新答复。'
          : result === 'other'
            ? '申请人撤回复议申请，复议机关决定终止复议。'
            : null,
    });
  });
  // A lawsuit after a reconsideration that upheld the reply (行政诉讼法 第四十五条: within 15 days).
  const upheld = out.find((a) => a.kind === 'reconsideration' && a.result === 'upheld' && a.decidedOn);
  if (upheld && addDays(upheld.decidedOn!, 10) <= today) {
    const app = applications[upheld.application]!;
    out.push({
      application: upheld.application,
      kind: 'litigation',
      body: court(app.agencyCode),
      caseNumber: `（${year}）江0502行初${r.int(10, 300)}号`,
      filedOn: addDays(upheld.decidedOn!, 10),
      afterReconsideration: true,
      result: 'pending',
      decidedOn: null,
      note: null,
    });
  }
  return out;
}
