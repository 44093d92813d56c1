// Table 四 — 政府信息公开行政复议、行政诉讼情况 (docs/legal.md §2.5): identical in both formats,
// one data row of 15 integers in three groups of five.

export const TABLE4_GROUPS = ['review', 'suitDirect', 'suitAfterReview'] as const;
export type Table4Group = (typeof TABLE4_GROUPS)[number];

export const TABLE4_GROUP_LABELS: Record<Table4Group, string> = {
  review: '行政复议',
  suitDirect: '未经复议直接起诉',
  suitAfterReview: '复议后起诉',
};

/** 「行政诉讼」 spans the two lawsuit groups. */
export const TABLE4_SUIT_LABEL = '行政诉讼';

export const TABLE4_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type Table4Column = (typeof TABLE4_COLUMNS)[number];

export const TABLE4_COLUMN_LABELS: Record<Table4Column, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};

export const TABLE4_TOTAL_COLUMN = 4;
