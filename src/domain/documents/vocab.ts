// The words of the document library (主动公开, 条例 第十九—二十六条): closed vocabularies stored as
// text columns of `document` and `document_relation` (src/db/schema.ts). Chinese labels are in
// src/views/models/document-labels.ts; the comments here give each value's term and its source.

/** What an item of the library is. */
export const DOCUMENT_KINDS = [
  'document', // 公文及其他主动公开信息
  'interpretation', // 政策解读 (国办发〔2016〕80号: 解读 with the document it explains)
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** 效力级别: the legal rank of a document, orthogonal to its 文种. */
export const EFFECT_LEVELS = [
  'rule', // 规章 (立法法 第九十一、九十三条: 部门规章、地方政府规章)
  'normative', // 行政规范性文件 (国办发〔2018〕37号)
  'other', // 其他文件
] as const;
export type EffectLevel = (typeof EFFECT_LEVELS)[number];

/** 有效性: derived from the document's dates and the relations pointing at it (validity.ts). */
export const VALIDITY_STATES = [
  'pending', // 尚未生效: 施行日期 not reached
  'effective', // 有效
  'amended', // 已修改: amended by a later document, the rest still in force
  'partly_invalid', // 部分失效: some articles declared invalid
  'expired', // 失效: 有效期届满, or declared invalid as a whole
  'abolished', // 废止: abolished, or replaced by a new document
] as const;
export type Validity = (typeof VALIDITY_STATES)[number];

/** 发布状态 inside the system (publication.ts holds the transitions). */
export const PUBLICATION_STATES = [
  'draft', // 草稿
  'review', // 待审核 (第十七条: 公开前审查)
  'published', // 已发布
  'withdrawn', // 已撤回
] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/** A relation from a newer document (from) to an older one (to). */
export const RELATION_KINDS = [
  'amends', // 修改
  'replaces', // 代替 (the old one is 废止 when the new one takes effect)
  'abolishes', // 废止
  'invalidates', // 宣布失效 (whole, or partly when the relation names the articles)
  'interprets', // 解读 (a 政策解读 of the document)
  'implements', // 贯彻落实 / 实施 (e.g. 实施细则, 实施意见)
] as const;
export type RelationKind = (typeof RELATION_KINDS)[number];

/** 公开方式 (cf. 公开属性 in 政府信息公开目录, 第十二条). */
export const DISCLOSURE_METHODS = [
  'proactive', // 主动公开 (第十九—二十六条)
  'on_request', // 依申请公开 (第二十七条)
  'not_disclosed', // 不予公开 (第十四—十六条)
] as const;
export type DisclosureMethod = (typeof DISCLOSURE_METHODS)[number];

/** 解读形式 of a 政策解读. */
export const INTERPRETATION_FORMS = [
  'text', // 文字解读
  'graphic', // 图解
  'interview', // 访谈
  'video', // 视频（音频）解读
] as const;
export type InterpretationForm = (typeof INTERPRETATION_FORMS)[number];

/**
 * 文种: the fifteen kinds of 党政机关公文处理工作条例 (中办发〔2012〕14号) 第八条, then the names of
 * normative and planning documents commonly used as titles' last words. Stored as the Chinese word.
 */
export const STATUTORY_GENRES = [
  '决议',
  '决定',
  '命令（令）',
  '公报',
  '公告',
  '通告',
  '意见',
  '通知',
  '通报',
  '报告',
  '请示',
  '批复',
  '议案',
  '函',
  '纪要',
] as const;
/** Names of 规章 and 行政规范性文件 and of plans, beyond 第八条 (common practice, not a statute). */
const OTHER_GENRES = [
  '办法',
  '规定',
  '细则',
  '规则',
  '实施意见',
  '方案',
  '规划',
  '计划',
  '公示',
  '其他',
] as const;
export const GENRES: readonly string[] = [...STATUTORY_GENRES, ...OTHER_GENRES];

export interface Article20Category {
  /** Stable key stored in `document.category`: 'a20-01' … 'a20-15'. */
  key: string;
  /** The item of the article: 第二十条第（一）项. */
  article: string;
  /** Chinese: a short faithful summary of the item. */
  label: string;
}

const ARTICLE20_ITEMS = [
  '行政法规、规章和规范性文件',
  '机关职能、机构设置、办公地址和时间、联系方式、负责人姓名',
  '国民经济和社会发展规划、专项规划、区域规划及相关政策',
  '国民经济和社会发展统计信息',
  '行政许可和其他对外管理服务事项的依据、条件、程序及办理结果',
  '行政处罚、行政强制的依据、条件、程序，及有一定社会影响的行政处罚决定',
  '财政预算、决算',
  '行政事业性收费的项目、依据和标准',
  '政府集中采购项目的目录、标准和实施情况',
  '重大建设项目的批准和实施情况',
  '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施和实施情况',
  '突发公共事件的应急预案、预警信息和应对情况',
  '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况',
  '公务员招考的职位、名额、报考条件等事项和录用结果',
  '法律、法规、规章和国家有关规定要求主动公开的其他政府信息',
] as const;

const CN_NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

/** 条例 第二十条: the fifteen categories every agency must disclose proactively, (一)…(十五). */
export const ARTICLE20_CATEGORIES: readonly Article20Category[] = ARTICLE20_ITEMS.map((label, i) => ({
  key: `a20-${String(i + 1).padStart(2, '0')}`,
  article: `第二十条第（${CN_NUMERALS[i]}）项`,
  label,
}));

export function isDocumentKind(v: unknown): v is DocumentKind {
  return typeof v === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(v);
}
export function isEffectLevel(v: unknown): v is EffectLevel {
  return typeof v === 'string' && (EFFECT_LEVELS as readonly string[]).includes(v);
}
export function isValidity(v: unknown): v is Validity {
  return typeof v === 'string' && (VALIDITY_STATES as readonly string[]).includes(v);
}
export function isPublicationState(v: unknown): v is PublicationState {
  return typeof v === 'string' && (PUBLICATION_STATES as readonly string[]).includes(v);
}
export function isRelationKind(v: unknown): v is RelationKind {
  return typeof v === 'string' && (RELATION_KINDS as readonly string[]).includes(v);
}
export function isArticle20Key(v: unknown): boolean {
  return typeof v === 'string' && ARTICLE20_CATEGORIES.some((c) => c.key === v);
}
