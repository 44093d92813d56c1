// What an agency's 政府信息公开指南 (条例 第十二条) must say that depends on the agency itself: which
// proactive-disclosure categories apply to its kind (第二十条, 第二十一条) and where complaints and
// appeals go (第四十七条, 第五十一条; 行政复议法 第二十四条). Pure: the caller passes the agency and
// its ancestors (root first).
import type { AgencyKind } from './agency.js';

/** 第二十条: what every agency discloses proactively (abridged wording of the fifteen items). */
export const ARTICLE_20_ITEMS: readonly string[] = [
  '行政法规、规章和规范性文件',
  '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名',
  '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '国民经济和社会发展统计信息',
  '办理行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果',
  '实施行政处罚、行政强制的依据、条件、程序以及本行政机关认为具有一定社会影响的行政处罚决定',
  '财政预算、决算信息',
  '行政事业性收费项目及其依据、标准',
  '政府集中采购项目的目录、标准及实施情况',
  '重大建设项目的批准和实施情况',
  '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况',
  '突发公共事件的应急预案、预警信息及应对情况',
  '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '公务员招考的职位、名额、报考条件等事项以及录用结果',
  '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息',
];

/** 第二十一条, first clause: 设区的市级、县级人民政府及其部门. */
const CITY_COUNTY_ITEMS = [
  '市政建设',
  '公共服务',
  '公益事业',
  '土地征收',
  '房屋征收',
  '治安管理',
  '社会救助',
];

/** 第二十一条, second clause: 乡（镇）人民政府 (applied here to 街道办事处 too). */
const TOWNSHIP_ITEMS = [
  '农田水利工程建设运营',
  '农村土地承包经营权流转',
  '宅基地使用情况审核',
  '土地征收',
  '房屋征收',
  '筹资筹劳',
  '社会救助',
];

export interface ExtraCategories {
  /** Who 第二十一条 addresses, as the article says it. */
  addressee: string;
  items: readonly string[];
}

/** The 第二十一条 categories for this kind of agency, or null (e.g. 法律法规授权组织: 第二十条 only). */
export function article21Categories(kind: AgencyKind): ExtraCategories | null {
  switch (kind) {
    case 'government':
    case 'district':
    case 'department':
    case 'dispatched':
      return { addressee: '设区的市级、县级人民政府及其部门', items: CITY_COUNTY_ITEMS };
    case 'town':
    case 'street':
      return { addressee: '乡（镇）人民政府', items: TOWNSHIP_ITEMS };
    default:
      return null;
  }
}

export interface GuideAgency {
  name: string;
  kind: AgencyKind;
}

export interface Oversight {
  /** 政府信息公开工作主管部门 (第三条: 县级以上地方人民政府办公厅（室）), to which 第四十七条 complaints go. */
  competentOffice: string | null;
  /** 上一级行政机关 (第五十一条). */
  upperAgency: string | null;
  /** The usual 行政复议机关 (行政复议法 第二十四条). Null when it lies outside the tree (the top government's). */
  reviewBody: string | null;
}

const isGovernment = (a: GuideAgency) => a.kind === 'government' || a.kind === 'district';

/** Who oversees the agency's disclosure work and hears complaints and 复议 about it. */
export function oversightOf(agency: GuideAgency, ancestors: readonly GuideAgency[]): Oversight {
  const parent = ancestors[ancestors.length - 1] ?? null;
  const governments = [...ancestors].reverse().filter(isGovernment);
  if (isGovernment(agency)) {
    // A government's own acts: the next government up oversees it and hears 复议 (第二十四条第一款第（二）项).
    const upper = governments[0];
    return {
      competentOffice: upper ? `${upper.name}办公室` : null,
      upperAgency: upper?.name ?? null,
      reviewBody: upper?.name ?? null,
    };
  }
  // Departments, dispatched offices, towns and streets: the government they belong to (the nearest
  // one above) has the 主管部门 (its 办公室) and hears 复议 about their acts.
  const own = governments[0];
  return {
    competentOffice: own ? `${own.name}办公室` : null,
    upperAgency: parent?.name ?? null,
    reviewBody: own?.name ?? null,
  };
}

/** 江南市东城区人民政府 → 江南市东城区; 东城区东华街道办事处 → 东城区东华街道: the place an agency serves. */
export function placeOf(name: string): string {
  return name.replace(/(人民政府|办事处|管理委员会)$/, '');
}

/** 第二十五条 reading places: the 档案馆, 图书馆 and 政务服务场所 of the agency's government (and a town's own hall). */
export function readingPlaces(agency: GuideAgency, ancestors: readonly GuideAgency[]): string[] {
  const government = [agency, ...[...ancestors].reverse()].find(isGovernment);
  const places = government
    ? ['档案馆', '图书馆', '政务服务中心'].map((p) => `${placeOf(government.name)}${p}`)
    : [];
  if (agency.kind === 'town' || agency.kind === 'street') places.push(`${placeOf(agency.name)}便民服务中心`);
  return places;
}
