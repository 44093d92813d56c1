// Table 二 of a report with the source of each row's figures (issue 12, docs/annual-report.md):
// - 本级 (own): 规章 and 规范性文件 come from the document library unless a figure was entered for
//   the cell (an entered figure wins); every other row comes from entered figures (the back office
//   or the CLI: `entered`) or figures imported from CSV/XLSX (`file`); a row with none is `missing`.
// - 汇总 (rollup): the sum of the members' 本级 rows plus the figures entered at the 汇总 level.
// Pure.
import { table2Rows } from '../table2-schema.js';
import { emptyTable2 } from '../shape.js';
import type { CellValue, ReportFormat, Table2 } from '../types.js';
import { sumTable2 } from './rollup.js';

export const TABLE2_SOURCES = ['library', 'entered', 'file', 'imported', 'rollup', 'missing'] as const;
export type Table2Source = (typeof TABLE2_SOURCES)[number];

export const TABLE2_SOURCE_LABELS: Record<Table2Source, string> = {
  library: '文件库统计',
  entered: '人工填报',
  file: '表格导入',
  imported: '导入的已发布报告',
  rollup: '汇总（所属机关合计及汇总填报）',
  missing: '尚未填报',
};

/** A figure of report_figure: one cell. */
export interface EnteredFigure {
  rowKey: string;
  columnKey: string;
  value: CellValue;
  source: 'entered' | 'file';
}

export interface SourcedTable2 {
  table2: Table2;
  sources: Record<string, Table2Source>;
}

/** The library's rows (regulations, normativeDocuments) overlaid with the entered figures. */
export function ownTable2(
  format: ReportFormat,
  library: Table2 | null,
  entered: readonly EnteredFigure[],
): SourcedTable2 {
  const table2 = emptyTable2(format);
  const sources: Record<string, Table2Source> = {};
  for (const row of table2Rows(format)) {
    const fromLibrary = library?.[row.key];
    const mine = entered.filter((f) => f.rowKey === row.key);
    for (const col of row.columns) {
      const figure = mine.find((f) => f.columnKey === col.key);
      table2[row.key]![col.key] = figure ? figure.value : (fromLibrary?.[col.key] ?? null);
    }
    sources[row.key] =
      mine.length > 0
        ? mine.some((f) => f.source === 'entered')
          ? 'entered'
          : 'file'
        : fromLibrary
          ? 'library'
          : 'missing';
  }
  return { table2, sources };
}

/** A member's table 二 whose every row comes from its imported published report. */
export function importedTable2(format: ReportFormat, table2: Table2): SourcedTable2 {
  const sources: Record<string, Table2Source> = {};
  for (const row of table2Rows(format)) sources[row.key] = table2[row.key] ? 'imported' : 'missing';
  return { table2, sources };
}

/**
 * The 汇总 table 二: the members' rows summed, plus the figures entered at the 汇总 level. A row's
 * source is `rollup` when 汇总 figures were added or the members' sources differ, the members'
 * common source otherwise, and `missing` when no member has a figure in it.
 */
export function rollupTable2(
  format: ReportFormat,
  members: readonly SourcedTable2[],
  atRollup: readonly EnteredFigure[],
): SourcedTable2 {
  const extra = emptyTable2(format);
  for (const f of atRollup) if (extra[f.rowKey]) extra[f.rowKey]![f.columnKey] = f.value;
  const table2 = sumTable2(format, [...members.map((m) => m.table2), ...(atRollup.length ? [extra] : [])]);
  const sources: Record<string, Table2Source> = {};
  for (const row of table2Rows(format)) {
    const seen = new Set(members.map((m) => m.sources[row.key] ?? 'missing').filter((s) => s !== 'missing'));
    sources[row.key] = atRollup.some((f) => f.rowKey === row.key)
      ? 'rollup'
      : seen.size === 0
        ? 'missing'
        : seen.size === 1
          ? [...seen][0]!
          : 'rollup';
  }
  return { table2, sources };
}
