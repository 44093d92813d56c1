// Table 二's 规章 and 规范性文件 rows from the document library for the agencies of a report
// (reportTable2Feed), with as few queries as the figures allow: a 本级 report reads its agency's
// feed; a 汇总 report reads the subtree's feed once and reads an agency's own feed only where it
// must be set apart — an agency with an entered figure in those rows (the entered figure wins) or
// one counted by its imported report. The rest of the subtree is one block of library figures.
import type { EnteredFigure } from '../domain/reports/annual/table2-sources.js';
import type { ReportFormat, Table2 } from '../domain/reports/types.js';
import type { Executor } from '../db/client.js';
import type { ReportAgency } from './annual-report-data.js';
import { reportTable2Feed } from './report-table2.js';

/** The rows the library feeds. */
export const LIBRARY_ROWS = ['regulations', 'normativeDocuments'] as const;

export interface LibraryRows {
  /** The agencies whose own library rows are set apart. */
  perMember: Map<number, Table2>;
  /** 汇总: the library rows of every other counted agency of the subtree, summed; null for 本级. */
  rest: Table2 | null;
}

export async function libraryTable2(
  db: Executor,
  input: {
    root: ReportAgency;
    scope: 'own' | 'rollup';
    /** Agencies counted from Gongkai's data (not imported). */
    computed: readonly ReportAgency[];
    /** Agencies counted by their imported report. */
    imported: readonly ReportAgency[];
    figures: Map<number, EnteredFigure[]>;
    year: number;
    format: ReportFormat;
  },
): Promise<LibraryRows> {
  const { root, year, format } = input;
  const feed = async (agencyId: number, scope: 'own' | 'subtree') =>
    (await reportTable2Feed(db, { agencyId, year, scope, format })).table2;
  const perMember = new Map<number, Table2>();
  if (input.scope === 'own') {
    if (input.computed.length > 0) perMember.set(root.id, await feed(root.id, 'own'));
    return { perMember, rest: null };
  }
  const overrides = (a: ReportAgency) =>
    (input.figures.get(a.id) ?? []).some((f) => (LIBRARY_ROWS as readonly string[]).includes(f.rowKey));
  const apart = input.computed.filter(overrides);
  const rest = await feed(root.id, 'subtree');
  const subtract = async (a: ReportAgency, keep: boolean) => {
    const own = await feed(a.id, 'own');
    if (keep) perMember.set(a.id, own);
    for (const row of LIBRARY_ROWS)
      for (const [col, v] of Object.entries(own[row] ?? {}))
        if (typeof v === 'number' && typeof rest[row]?.[col] === 'number')
          rest[row]![col] = (rest[row]![col] as number) - v;
  };
  for (const a of apart) await subtract(a, true);
  for (const a of input.imported) await subtract(a, false);
  return { perMember, rest: input.computed.length > apart.length ? rest : null };
}
