// Words of the annual-report workflow as people read them (states, their tags, what a step did).
import type { ReportState } from '../../domain/reports/annual/text-workflow.js';

export { stateName } from '../../domain/reports/annual/text-workflow.js';

export const STATE_TAG: Record<ReportState | 'none', string> = {
  none: 'tag-grey',
  draft: 'tag-grey',
  submitted: 'tag-amber',
  returned: 'tag-red',
  approved: 'tag-amber',
  published: 'tag-green',
};

export type ReportDone =
  'saved' | 'submitted' | 'approved' | 'returned' | 'published' | 'correcting' | 'figures';

export const REPORT_DONE: Record<ReportDone, string> = {
  saved: '正文已保存。',
  submitted: '报告已报送上级机关审核，表格和正文已冻结。',
  approved: '审核通过，报告可以发布。',
  returned: '报告已退回修改。',
  published: '报告已在门户网站发布。',
  correcting: '已新建更正版本（草稿），修改后重新报送审核。',
  figures: '表二数据已保存。',
};

export const SCOPE_NAMES = { own: '本级', rollup: '汇总（本机关及所属机关）' } as const;
