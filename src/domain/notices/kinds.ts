// The kinds of written notice an agency serves while answering a disclosure application (依申请公开),
// each with the article of the 2019 《中华人民共和国政府信息公开条例》 that calls for it.

export const NOTICE_KINDS = [
  'receipt', // 登记回执: the application is registered (第三十一条、第三十三条)
  'correction', // 补正告知书: one notice listing everything to correct (第三十条)
  'extension', // 延长答复期限告知书 (第三十三条第二款)
  'consultationThirdParty', // 征求第三方意见 (第三十二条)
  'consultationAgency', // 征求其他机关意见 (第三十四条)
  'fee', // 信息处理费缴费通知 (第四十二条、国办函〔2020〕109号)
  'reasonablePeriod', // 告知延迟答复的合理期限 (第三十五条)
  'transfer', // 告知负责公开的机关 (第十条、第三十六条第（五）项)
  'decision', // 答复书 (第三十六条至第三十九条)
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = {
  receipt: '登记回执',
  correction: '补正告知书',
  extension: '延长答复期限告知书',
  consultationThirdParty: '第三方意见征询函',
  consultationAgency: '征求意见函',
  fee: '收费通知书',
  reasonablePeriod: '延迟答复告知书',
  transfer: '告知有权机关告知书',
  decision: '答复书',
};

/** The article each kind of notice rests on, as cited in the notice. */
export const NOTICE_KIND_ARTICLES: Record<NoticeKind, string> = {
  receipt: '第三十一条、第三十三条',
  correction: '第三十条',
  extension: '第三十三条第二款',
  consultationThirdParty: '第三十二条',
  consultationAgency: '第三十四条',
  fee: '第四十二条、国办函〔2020〕109号',
  reasonablePeriod: '第三十五条',
  transfer: '第十条、第三十六条第（五）项',
  decision: '第三十六条至第三十九条',
};

export function isNoticeKind(value: string): value is NoticeKind {
  return (NOTICE_KINDS as readonly string[]).includes(value);
}
