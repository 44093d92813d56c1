// The workflow of an annual report (docs/annual-report.md): draft → submitted to the supervising
// office → returned with comments (back to the agency) or approved → published. A published report
// is never changed; a correction is a new version going through the same steps.

export const REPORT_STATES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** States in which the agency still edits the texts and the entered figures. */
export const EDITABLE_STATES: readonly ReportState[] = ['draft', 'returned'];

export const REPORT_STATE_NAMES: Record<ReportState, string> = {
  draft: '草稿',
  submitted: '已报送，待上级审核',
  returned: '已退回修改',
  approved: '审核通过，待发布',
  published: '已发布',
};

export function stateName(state: string | null): string {
  return state === null ? '尚未编写' : (REPORT_STATE_NAMES[state as ReportState] ?? state);
}
