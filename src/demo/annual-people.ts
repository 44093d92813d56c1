// Who applied to the demo city's agencies in 2019–2020 and what they asked (issue 12 item 8): the
// application fields of the synthetic history behind the demo's 2020 annual reports. Every name,
// number and address is made up; identity numbers carry a valid check character so that the intake
// checks accept them (the demo banner says the data is synthetic).
import type { ApplicantType } from '../domain/applications/applicant.js';
import {
  creditCodeCheckChar,
  CREDIT_CODE_ALPHABET,
  residentIdCheckChar,
} from '../domain/applications/identity.js';
import { rng } from './documents-text.js';
import { BRANDS, GIVEN, SURNAMES } from './applications.js';

/** The demo library's seeded generator (mulberry32), with a shuffle: the same history on every first start. */
export function seeded(seed: number) {
  const r = rng(seed);
  /** Fisher–Yates, in place. */
  const shuffle = <T>(xs: T[]): T[] => {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(r.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j]!, xs[i]!];
    }
    return xs;
  };
  return { ...r, shuffle };
}
export type Seeded = ReturnType<typeof seeded>;

const REGIONS = ['320502', '320503', '320505', '320506', '320507', '320508', '320581', '320582', '320583'];
const ROADS = ['人民路', '府前街', '建设路', '文昌路', '和平路', '长江路', '解放路', '新华路', '滨湖路'];
const ESTATES = ['锦绣花园', '翠湖苑', '东港新村', '梅林小区', '望江名邸', '南园新村', '枫桥人家', '丽景湾'];

const ORG_NAME: Record<Exclude<ApplicantType, 'natural'>, (brand: string, r: Seeded) => string> = {
  commercial: (b, r) =>
    `江南${b}${r.pick(['置业有限公司', '建设工程有限公司', '商贸有限公司', '物业服务有限公司'])}`,
  research: (_b, r) =>
    r.pick(['江南市城市规划设计研究院', '江南理工学院公共政策研究中心', '江南市社会科学院']),
  publicInterest: (_b, r) => r.pick(['江南市绿水环保公益服务中心', '江南市助老志愿者协会']),
  legalService: (b) => `江南${b}律师事务所`,
  otherOrg: (_b, r) => `${r.pick(ESTATES)}业主委员会`,
};
/** GB 32100 registration category of each kind of organisation. */
const CREDIT_PREFIX: Record<Exclude<ApplicantType, 'natural'>, string> = {
  commercial: '91',
  research: '12',
  publicInterest: '52',
  legalService: '31',
  otherOrg: '93',
};

/** The applicant part of an application's fields (names as POST /api/v1/applications takes them). */
export function historyApplicant(r: Seeded, type: ApplicantType, n: number): Record<string, string | null> {
  const person = `${r.pick(SURNAMES)}某${r.pick(GIVEN)}`;
  const phone = `1${r.pick(['38', '39', '50', '58', '86', '89'])}${String(r.int(0, 9999)).padStart(4, '0')}0000`;
  const address = `江南市${r.pick(['东城区', '西城区', '江北区', '湖滨区', '梅山市'])}${r.pick(ROADS)}${r.int(1, 399)}号`;
  const common = {
    phone,
    email: r.chance(0.4) ? `history${n}@example.com` : null,
    postalCode: `2150${r.int(10, 89)}`,
  };
  if (type === 'natural') {
    const birth = `${r.int(1950, 1999)}${String(r.int(1, 12)).padStart(2, '0')}${String(r.int(1, 28)).padStart(2, '0')}`;
    const first17 = `${r.pick(REGIONS)}${birth}${String(r.int(10, 999)).padStart(3, '0')}`;
    return {
      applicantType: type,
      name: person,
      contactPerson: null,
      idType: 'residentId',
      idNumber: first17 + residentIdCheckChar(first17),
      address: `${address}${r.pick(ESTATES)}${r.int(1, 30)}幢${r.int(1, 3)}0${r.int(1, 4)}室`,
      ...common,
    };
  }
  let body = '';
  for (let i = 0; i < 9; i++) body += r.pick([...CREDIT_CODE_ALPHABET]);
  const first17 = `${CREDIT_PREFIX[type]}${r.pick(REGIONS).slice(0, 4)}00${body}`;
  return {
    applicantType: type,
    name: ORG_NAME[type](r.pick(BRANDS), r),
    contactPerson: person,
    idType: 'creditCode',
    idNumber: first17 + creditCodeCheckChar(first17),
    address,
    ...common,
  };
}

/** What is asked, by the kind of agency; `{a}` is the agency's name, `{y}` the year. */
const ASKED: Record<'government' | 'department' | 'local', readonly string[]> = {
  government: [
    '请公开{a}关于{p}片区国有土地上房屋征收的决定及征收补偿方案。',
    '请公开{a}{y}年集体土地征收的批复文件及征地补偿安置方案。',
    '请公开{a}{y}年常务会议纪要中关于城市更新项目的内容。',
    '请公开{a}{y}年度新冠肺炎疫情防控专项资金的使用情况。',
    '请公开{a}{y}年政府工作报告所列民生实事项目的完成情况。',
  ],
  department: [
    '请公开{a}{y}年部门预算及“三公”经费预算表。',
    '请公开{a}对申请人作出的行政处罚决定书及案件调查材料。',
    '请公开{a}{y}年办公楼维修改造项目的招标文件、中标结果及合同。',
    '请公开{a}{y}年复工复产扶持资金的申报条件和拨付名单。',
    '请公开{a}制发的关于进一步规范行政执法工作的通知全文。',
    '请公开{a}内设机构设置、人员编制及领导分工情况。',
  ],
  local: [
    '请公开{a}{p}片区房屋征收补偿方案及补偿款发放情况。',
    '请公开{a}{y}年低保、特困供养人员名单及审批情况。',
    '请公开{a}对申请人房屋作出的限期拆除决定书及相关执法文书。',
    '请公开{a}{y}年河道整治工程的招投标文件及中标合同。',
    '请公开{a}集体土地征收补偿款的发放明细。',
  ],
};

export function historyRequest(
  r: Seeded,
  agency: { name: string; kind: string },
  year: number,
): Record<string, string | null> {
  const pool =
    agency.kind === 'government'
      ? ASKED.government
      : agency.kind === 'department' || agency.kind === 'authorized'
        ? ASKED.department
        : ASKED.local;
  const form = r.chance(0.6) ? 'electronic' : 'paper';
  return {
    description: r
      .pick(pool)
      .replace('{a}', agency.name)
      .replace('{y}', String(year))
      .replace('{p}', r.pick(['北门', '桃坞', '望江', '沙洲', '新渡'])),
    documentTitle: null,
    documentNumber: null,
    form,
    delivery: form === 'electronic' ? 'online' : r.chance(0.75) ? 'post' : 'pickup',
  };
}

/** The reasons an office gives, by the kind of reply (第三十六条: every refusal states its reasons). */
export const HISTORY_REASONS: Record<'partial' | 'denied' | 'unable' | 'notProcessed' | 'other', string> = {
  partial: '所申请信息中涉及第三方个人信息的部分不予公开，其余部分予以公开。',
  denied: '经审查，所申请信息属于依法不予公开的情形，依据《条例》相关规定不予公开。',
  unable: '经检索，本机关未制作或获取申请人所描述的政府信息，或该信息需另行加工制作。',
  notProcessed: '申请内容不属于政府信息公开申请的处理范围，已告知申请人通过其他渠道办理。',
  other: '本机关依法终止处理该申请。',
};
