// Words of the document library (主动公开) shared by the back office, the portal and the API docs:
// a Chinese and an English label for every value of the vocabularies in src/domain/documents, and the
// field names of a document's header block (索引号 | 主题分类 | 发文机关 | 成文日期 | 标题 | 发文字号 …).
import type { PublicationAction, PublicationTimeliness } from '../../domain/documents/publication.js';
import type {
  DisclosureMethod,
  DocumentKind,
  EffectLevel,
  InterpretationForm,
  PublicationState,
  RelationKind,
  Validity,
} from '../../domain/documents/vocab.js';
import type { Lang, Text } from '../i18n.js';

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, Text> = {
  document: { zh: '政府文件', en: 'Document' },
  interpretation: { zh: '政策解读', en: 'Policy interpretation' },
};

export const EFFECT_LEVEL_LABELS: Record<EffectLevel, Text> = {
  rule: { zh: '规章', en: 'Rules' },
  normative: { zh: '行政规范性文件', en: 'Normative document' },
  other: { zh: '其他文件', en: 'Other document' },
};

export const VALIDITY_LABELS: Record<Validity, Text> = {
  pending: { zh: '尚未生效', en: 'Not yet in force' },
  effective: { zh: '有效', en: 'In force' },
  amended: { zh: '已修改', en: 'Amended' },
  partly_invalid: { zh: '部分失效', en: 'Partly invalid' },
  expired: { zh: '失效', en: 'No longer in force' },
  abolished: { zh: '废止', en: 'Repealed' },
};

export const PUBLICATION_STATE_LABELS: Record<PublicationState, Text> = {
  draft: { zh: '草稿', en: 'Draft' },
  review: { zh: '待审核', en: 'In review' },
  published: { zh: '已发布', en: 'Published' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

/** The buttons of the back office, one per action. */
export const PUBLICATION_ACTION_LABELS: Record<PublicationAction, Text> = {
  edit: { zh: '编辑', en: 'Edit' },
  submit: { zh: '提交审核', en: 'Submit for review' },
  return: { zh: '退回修改', en: 'Return for changes' },
  publish: { zh: '审核发布', en: 'Publish' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  reopen: { zh: '重新编辑', en: 'Reopen' },
};

/** 第二十六条 timeliness of publication. */
export const PUBLICATION_TIMELINESS_LABELS: Record<PublicationTimeliness, Text> = {
  not_applicable: { zh: '不适用', en: 'Not applicable' },
  pending: { zh: '待发布', en: 'Due' },
  overdue: { zh: '已逾期未发布', en: 'Overdue' },
  on_time: { zh: '按时发布', en: 'Published on time' },
  late: { zh: '逾期发布', en: 'Published late' },
};

/** A relation read from the newer document: 「本文件修改了…」. */
export const RELATION_LABELS: Record<RelationKind, Text> = {
  amends: { zh: '修改', en: 'Amends' },
  replaces: { zh: '代替', en: 'Replaces' },
  abolishes: { zh: '废止', en: 'Repeals' },
  invalidates: { zh: '宣布失效', en: 'Declares invalid' },
  interprets: { zh: '解读', en: 'Interprets' },
  implements: { zh: '贯彻实施', en: 'Implements' },
};

/** The same relation read from the older document: 「本文件已被…修改」. */
export const RELATION_INVERSE_LABELS: Record<RelationKind, Text> = {
  amends: { zh: '被修改', en: 'Amended by' },
  replaces: { zh: '被代替', en: 'Replaced by' },
  abolishes: { zh: '被废止', en: 'Repealed by' },
  invalidates: { zh: '被宣布失效', en: 'Declared invalid by' },
  interprets: { zh: '相关解读', en: 'Interpreted by' },
  implements: { zh: '贯彻实施文件', en: 'Implemented by' },
};

export const DISCLOSURE_METHOD_LABELS: Record<DisclosureMethod, Text> = {
  proactive: { zh: '主动公开', en: 'Proactive disclosure' },
  on_request: { zh: '依申请公开', en: 'Disclosure on request' },
  not_disclosed: { zh: '不予公开', en: 'Not disclosed' },
};

export const INTERPRETATION_FORM_LABELS: Record<InterpretationForm, Text> = {
  text: { zh: '文字解读', en: 'Text' },
  graphic: { zh: '图解', en: 'Graphic' },
  interview: { zh: '访谈', en: 'Interview' },
  video: { zh: '视频解读', en: 'Video' },
};

/** A document's fields, in the order of the gov.cn header block, then the library's own. */
export const DOCUMENT_FIELD_LABELS = {
  indexNumber: { zh: '索引号', en: 'Index number' },
  themes: { zh: '主题分类', en: 'Theme' },
  agencyId: { zh: '发文机关', en: 'Issuing agency' },
  writtenOn: { zh: '成文日期', en: 'Date written' },
  title: { zh: '标题', en: 'Title' },
  docNumber: { zh: '发文字号', en: 'Document number' },
  publishedOn: { zh: '发布日期', en: 'Date published' },
  kind: { zh: '类别', en: 'Kind' },
  genre: { zh: '文种', en: 'Genre' },
  effectLevel: { zh: '效力级别', en: 'Legal rank' },
  unifiedNumber: { zh: '统一编号', en: 'Registration number' },
  effectiveOn: { zh: '施行日期', en: 'In force from' },
  expiresOn: { zh: '有效期至', en: 'In force until' },
  validity: { zh: '有效性', en: 'Validity' },
  formedOn: { zh: '信息形成（变更）日期', en: 'Date formed or changed' },
  disclosureMethod: { zh: '公开方式', en: 'Disclosure' },
  category: { zh: '公开类别（第二十条）', en: 'Category (Art. 20)' },
  interpretationForm: { zh: '解读形式', en: 'Form' },
  mediaUrl: { zh: '解读链接', en: 'Link' },
  body: { zh: '正文', en: 'Text' },
  attachments: { zh: '附件', en: 'Attachments' },
  issuers: { zh: '联合发文机关', en: 'Joint issuers' },
  state: { zh: '发布状态', en: 'Status' },
  withdrawnReason: { zh: '撤回原因', en: 'Reason for withdrawal' },
} satisfies Record<string, Text>;

/** The label of a stored value in the page's language; the value itself when it is unknown (old data). */
export function labelOf<K extends string>(
  labels: Record<K, Text>,
  value: string | null | undefined,
  lang: Lang = 'zh',
): string {
  if (value == null) return '';
  return (labels as Record<string, Text>)[value]?.[lang] ?? value;
}
