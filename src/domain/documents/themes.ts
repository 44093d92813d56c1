// 主题分类: the theme tree of the State Council's policy library (国务院政策文件库, gov.cn), 22
// first-level themes and their second level, shown as 一级\二级 (e.g. 综合政务\政务公开). A
// document has one or more themes (`document_theme.theme_code`). The tree is data: an installation
// may replace it with its province's variant, bumping THEME_TREE_VERSION; the codes below are stable
// and never reused, so documents keep their themes across versions and roll up to the national tree.

export const THEME_TREE_VERSION = 'govcn-2019.1';

export interface Theme {
  /** Stable code: 'T05' for a first-level theme, 'T05.02' for its second level. */
  code: string;
  name: string;
  /** The first-level code of a second-level theme; null for a first-level theme. */
  parent: string | null;
}

/** First level, then its children, in gov.cn order. */
const TREE: readonly [string, readonly string[]][] = [
  [
    '国务院组织机构',
    [
      '国务院',
      '国务院办公厅',
      '国务院组成部门',
      '国务院直属特设机构',
      '国务院直属机构',
      '国务院办事机构',
      '国务院直属事业单位',
      '国务院部委管理的国家局',
      '国务院议事协调机构',
      '其他',
    ],
  ],
  [
    '综合政务',
    ['政务公开', '政务督查', '应急管理', '电子政务', '文秘工作', '保密工作', '信访', '参事、文史', '其他'],
  ],
  [
    '国民经济管理、国有资产监管',
    ['宏观经济', '经济体制改革', '统计', '物价', '国有资产监管', '重大建设项目', '其他'],
  ],
  [
    '财政、金融、审计',
    ['财政', '税务', '银行', '货币（含外汇）', '证券', '保险', '社会信用体系建设', '审计', '其他'],
  ],
  ['国土资源、能源', ['土地', '矿产', '水资源', '海洋', '煤炭', '石油与天然气', '电力', '其他']],
  ['农业、林业、水利', ['农业、畜牧业、渔业', '林业', '水利', '其他']],
  [
    '工业、交通',
    [
      '机械制造与重工业',
      '轻工纺织',
      '化工',
      '国防工业',
      '航天、航空',
      '信息产业（含电信）',
      '公路',
      '水运',
      '铁路',
      '民航',
      '邮政',
      '其他',
    ],
  ],
  ['商贸、海关、旅游', ['对外经贸合作', '国内贸易（含供销）', '海关', '检验、检疫', '旅游', '其他']],
  ['市场监管、安全生产监管', ['工商', '质量监督', '标准', '食品药品监管', '安全生产监管', '其他']],
  [
    '城乡建设、环境保护',
    [
      '城市规划',
      '城乡建设（含住房）',
      '环境监测、保护与治理',
      '节能与资源综合利用',
      '气象、水文、测绘、地震',
      '其他',
    ],
  ],
  ['科技、教育', ['科技', '教育', '知识产权', '其他']],
  ['文化、广电、新闻出版', ['文化', '文物', '新闻出版', '广播、电影、电视', '其他']],
  ['卫生、体育', ['卫生', '医药管理', '体育', '其他']],
  ['人口与计划生育、妇女儿童工作', ['人口与计划生育', '妇女儿童', '其他']],
  ['劳动、人事、监察', ['劳动就业', '社会保障', '人事工作', '军转安置', '监察', '纠正行业不正之风', '其他']],
  ['公安、安全、司法', ['公安', '国家安全', '司法', '其他']],
  ['民政、扶贫、救灾', ['减灾救灾', '优抚安置', '社会福利', '行政区划与地名', '社团管理', '扶贫', '其他']],
  ['民族、宗教', ['民族事务', '宗教事务']],
  ['对外事务', ['外交、外事', '国际条约、国际组织', '其他']],
  ['港澳台侨工作', ['港澳工作', '对台工作', '侨务工作']],
  ['国防', ['国防建设', '国防动员']],
  ['其他', []],
];

const two = (n: number) => String(n).padStart(2, '0');

/** The whole tree, parents before their children. */
export const THEMES: readonly Theme[] = TREE.flatMap(([name, children], i) => {
  const code = `T${two(i + 1)}`;
  return [
    { code, name, parent: null },
    ...children.map((child, j) => ({ code: `${code}.${two(j + 1)}`, name: child, parent: code })),
  ];
});

const BY_CODE = new Map(THEMES.map((t) => [t.code, t]));

export function themeByCode(code: string): Theme | undefined {
  return BY_CODE.get(code);
}

/** The first-level themes, in order. */
export function topThemes(): Theme[] {
  return THEMES.filter((t) => t.parent === null);
}

/** The second-level themes under a first-level code (empty for an unknown code or a leaf). */
export function childThemes(code: string): Theme[] {
  return THEMES.filter((t) => t.parent === code);
}

/** From the first level down to the theme: [综合政务, 政务公开]. Empty for an unknown code. */
export function themePath(code: string): Theme[] {
  const t = BY_CODE.get(code);
  if (!t) return [];
  const parent = t.parent ? BY_CODE.get(t.parent) : undefined;
  return parent ? [parent, t] : [t];
}

/** The gov.cn display form 一级\二级 (综合政务\政务公开); '' for an unknown code. */
export function themeLabel(code: string): string {
  return themePath(code)
    .map((t) => t.name)
    .join('\\');
}

/** The first-level code a theme rolls up to (for facets counted on the first level). */
export function topThemeCode(code: string): string | undefined {
  return themePath(code)[0]?.code;
}
