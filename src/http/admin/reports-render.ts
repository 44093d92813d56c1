// A report's frozen (or just computed) content as the renderers' RenderableReport: the texts with
// their placeholders filled from the tables, 六 stating the 信息处理费 collected (a sentence is
// added when the text does not mention it), the version and its correction note. Shared by the
// back office's preview and the portal's 年报 column.
import { fillPlaceholders, formatYuan, paragraphsOf } from '../../domain/reports/annual/text.js';
import { localDate } from '../../lib/time.js';
import type { FrozenReport } from '../../queries/annual-report-admin.js';
import { toRenderable, type RenderableReport } from '../../render/annual-report/model.js';

export interface VersionFacts {
  version: number;
  correctionNote: string | null;
  publishedAt: Date | null;
}

/** 六's sentence on the fees when the text does not say it (第五十条: 信息处理费). */
export function feesSentence(fees: number | null): string | null {
  if (fees === null) return null;
  return fees > 0 ? `本年度共收取信息处理费${formatYuan(fees)}元。` : '本年度未收取信息处理费。';
}

export function renderableOf(
  w: { report: FrozenReport; year: number; scope: 'own' | 'rollup' },
  row: VersionFacts | null,
  history?: RenderableReport['history'],
): RenderableReport {
  const f = w.report;
  const fill = (text: string) => paragraphsOf(fillPlaceholders(f, text));
  const other = fill(f.texts.other);
  const fees = feesSentence(f.feesCollected);
  if (fees && !f.texts.other.includes('信息处理费')) other.push(fees);
  const imported = (f.members ?? []).filter((m) => m.source === 'imported').map((m) => m.name);
  return toRenderable(
    {
      format: f.format,
      year: w.year,
      agency: f.agencyName,
      table2: f.table2,
      table3: f.table3,
      table4: f.table4,
    },
    {
      scope: w.scope,
      year: w.year,
      texts: {
        parts: {
          proactive: fill(f.texts.overviewProactive),
          onRequest: fill(f.texts.overviewApplications),
          management: fill(f.texts.overviewManagement),
          platform: fill(f.texts.overviewPlatform),
          oversight: fill(f.texts.overviewSupervision),
        },
        problems: fill(f.texts.problems),
        other,
      },
      version: row?.version ?? 1,
      correctionNote: row?.correctionNote ?? null,
      publishedOn: row?.publishedAt ? localDate(row.publishedAt) : null,
      ...(imported.length ? { importedMembers: imported } : {}),
      ...(history ? { history } : {}),
    },
  );
}
