// Test data for the annual-report workflow (issue 12): the texts of a report, every table-二 figure
// entered, and a report taken through submission, approval and publication by the system actor.
import type { Deps } from '../../src/commands/context.js';
import { saveFigures } from '../../src/commands/reports/figures.js';
import { publishReport } from '../../src/commands/reports/publish-report.js';
import { reviewReport } from '../../src/commands/reports/review-report.js';
import { submitReport } from '../../src/commands/reports/submit-report.js';
import { reportFormatForYear } from '../../src/domain/applications/outcomes.js';
import { textsOf } from '../../src/domain/reports/annual/text.js';
import { table2Rows } from '../../src/domain/reports/table2-schema.js';
import { assessReport, reportVersions } from '../../src/queries/annual-report-admin.js';

export const SYSTEM_ACTOR = { actor: { system: true as const, label: '测试' } };

export const REPORT_TEXTS = {
  overviewProactive: '本机关主动公开政府信息。',
  overviewApplications: '全年共收到政府信息公开申请{{本年新收申请}}件。',
  overviewManagement: '加强政府信息管理。',
  overviewPlatform: '完善政府信息公开平台。',
  overviewSupervision: '落实监督保障。',
  problems: '存在的问题及改进措施。',
  other: '无其他需要报告的事项。',
};

/** Enters every table-二 figure of the year's format (a missing one is a B5 error). */
export function enterEveryFigure(deps: Deps, agencyId: number, year: number, value = 3) {
  return saveFigures(deps, SYSTEM_ACTOR, {
    agencyId,
    year,
    cells: table2Rows(reportFormatForYear(year)).flatMap((r) =>
      r.columns.map((c) => ({
        row: r.key,
        column: c.key,
        value: c.kind === 'amountText' ? '12.5万元' : value,
      })),
    ),
  });
}

/** Submits the newest version (acknowledging every warning), approves and publishes it. */
export async function submitApprovePublish(
  deps: Deps,
  key: { agencyId: number; year: number; scope: 'own' | 'rollup' },
) {
  const draft = (await reportVersions(deps.db, key)).at(-1)!;
  const { findings } = await assessReport(deps.db, { ...key, texts: textsOf(draft.sections) });
  const acknowledged = findings.filter((f) => f.severity === 'warning').map((f) => f.id);
  let row = await submitReport(deps, SYSTEM_ACTOR, { ...key, revision: draft.revision, acknowledged });
  row = await reviewReport(deps, SYSTEM_ACTOR, {
    ...key,
    revision: row.revision,
    decision: 'approve',
    comment: '',
  });
  return publishReport(deps, SYSTEM_ACTOR, { ...key, revision: row.revision });
}
