// Loads what the demo city's 2020 annual reports are made of, once its 2019–2020 applications are in
// (issue 12 item 8; src/demo/annual-*.ts), through the ordinary commands: the 2020 appeals register
// (loadDemoAppeals), the table-二 figures each agency entered (saveFigures), 江南市公安局's published
// report imported as `gongkai report import` imports a text (the checker's reader, then
// importReport), and the city government's 2020 reports — its own and the city-wide 汇总 — written,
// submitted, approved and published on the portal's 年报 column by the workflow's commands.
import type { CommandContext, Deps } from '../commands/context.js';
import { loadDemoAppeals } from '../commands/demo-annual-reports.js';
import { saveFigures } from '../commands/reports/figures.js';
import { importReport } from '../commands/reports/import-report.js';
import { publishReport } from '../commands/reports/publish-report.js';
import { reviewReport } from '../commands/reports/review-report.js';
import { saveReportTexts } from '../commands/reports/save-report.js';
import { submitReport } from '../commands/reports/submit-report.js';
import { parseReport } from '../domain/reports/parse/parse-report.js';
import { InvalidInput } from '../domain/errors.js';
import { listAgencies } from '../queries/agencies.js';
import { assessReport } from '../queries/annual-report-admin.js';
import type { DemoAppeal } from './applications.js';
import type { HistoryCase } from './annual-cases.js';
import { demoEnteredFigures } from './annual-figures.js';
import { demoReportTexts } from './annual-report-texts.js';
import { DEMO_REPORT_YEAR, IMPORTED_MEMBER_2020 } from './annual-target.js';
import { IMPORTED_REPORT_FILE, importedReportText } from './annual-text.js';

export interface DemoAnnualReportsLoaded {
  appeals: number;
  /** Agencies whose table-二 figures were entered. */
  figures: number;
  /** The imported published reports (file names). */
  imported: string[];
  /** The published reports of the city government, e.g. 2020年汇总年度报告. */
  published: string[];
}

const SOURCE_NOTE = '演示数据（虚构）';

export async function loadDemoAnnualReports(
  deps: Deps,
  ctx: CommandContext,
  input: {
    history: readonly HistoryCase[];
    /** The stored application id of each history case. */
    ids: readonly number[];
    appeals: readonly DemoAppeal[];
  },
): Promise<DemoAnnualReportsLoaded> {
  const codes = new Map((await listAgencies(deps.db)).map((a) => [a.code, a.id]));
  const idOf = (code: string) => {
    const id = codes.get(code);
    if (id === undefined) throw new InvalidInput({ agencyCode: `演示机关「${code}」不存在` });
    return id;
  };
  const appeals = await loadDemoAppeals(
    deps,
    ctx,
    input.appeals.map(({ application, ...a }) => {
      const app = input.history[application]!;
      return {
        ...a,
        agencyId: idOf(app.agencyCode),
        applicationId: input.ids[application]!,
        answeredOn: app.concludedOn,
        appellant: app.fields.name!,
      };
    }),
  );

  const figures = demoEnteredFigures();
  for (const f of figures)
    await saveFigures(deps, ctx, {
      agencyId: idOf(f.agencyCode),
      year: DEMO_REPORT_YEAR,
      scope: 'own',
      sourceNote: SOURCE_NOTE,
      cells: Object.entries(f.cells).flatMap(([row, cols]) =>
        Object.entries(cols).map(([column, value]) => ({ row, column, value })),
      ),
    });

  const text = importedReportText();
  await importReport(deps, ctx, {
    agencyId: idOf(IMPORTED_MEMBER_2020.code),
    year: DEMO_REPORT_YEAR,
    fileName: IMPORTED_REPORT_FILE,
    bytes: new TextEncoder().encode(text),
    report: parseReport(text),
    format: 'txt',
  });

  const published: string[] = [];
  for (const scope of ['own', 'rollup'] as const)
    published.push(await publish(deps, ctx, { agencyId: idOf('JN'), year: DEMO_REPORT_YEAR, scope }));
  return { appeals, figures: figures.length, imported: [IMPORTED_REPORT_FILE], published };
}

/** Texts → 报送 (its warnings acknowledged, as the office head does after checking them) → 审核通过 → 发布. */
async function publish(
  deps: Deps,
  ctx: CommandContext,
  key: { agencyId: number; year: number; scope: 'own' | 'rollup' },
): Promise<string> {
  const texts = demoReportTexts(key.scope);
  const draft = await saveReportTexts(deps, ctx, { ...key, ...texts });
  const { findings } = await assessReport(deps.db, { ...key, texts });
  const acknowledged = findings.filter((f) => f.severity === 'warning').map((f) => f.id);
  const submitted = await submitReport(deps, ctx, { ...key, revision: draft.revision, acknowledged });
  const approved = await reviewReport(deps, ctx, {
    ...key,
    revision: submitted.revision,
    decision: 'approve',
    comment: '',
  });
  await publishReport(deps, ctx, { ...key, revision: approved.revision });
  return `${key.year}年${key.scope === 'rollup' ? '汇总' : '本级'}年度报告`;
}
