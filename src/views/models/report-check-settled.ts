// The cells of a checked report settled by evidence other than their own printed figure (issue 11
// item 5): each with its basis in words — the sum rules, a figure quoted in the report's text, or a
// neighbouring year's report — for the list on the page and for the hover text of the cell itself.
// And where the report stands in the series it was checked with.
import { cellKey } from '../../domain/reports/location.js';
import { ruleDef } from '../../domain/reports/rules.js';
import type { ParsedReport, SettleBasis } from '../../domain/reports/types.js';
import type { Lang } from '../i18n.js';
import { cellName } from './report-check-labels.js';

export interface SettledView {
  /** The list item's id, which the cell points to. */
  id: string;
  cell: string;
  value: string;
  basis: string;
}

export interface SeriesInfoView {
  agency: string | null;
  years: number[];
  previous: string | null;
  next: string | null;
}

/** What a series result adds to a checked report (src/usecases/check-report-files.ts). */
export interface SeriesPart {
  series?: SeriesInfoView;
}

export function basisText(b: SettleBasis, l: Lang): string {
  const zh = l === 'zh';
  switch (b.kind) {
    case 'sum':
      return zh
        ? `由 ${b.rules.join('、')} 确定：只有这个数能使这些求和关系成立`
        : `Settled by ${b.rules.join(', ')}: the only figure that makes these sums hold`;
    case 'quote':
      return zh ? `由报告正文「${b.quote}」确定` : `Settled by the report’s own text: 「${b.quote}」`;
    case 'series':
      return zh
        ? `由 ${b.year} 年报告确定（${b.rule}：${ruleDef(b.rule).title}）`
        : `Settled by the ${b.year} report (rule ${b.rule}: this year’s figures follow on from the neighbouring year’s)`;
    case 'template':
      return zh
        ? '由 2019 格式「（六）其他处理」行全为 0 确定（B2）'
        : 'Settled because the 2019-style 「（六）其他处理」 row is all zeros (B2)';
  }
}

/** The settled cells in the order the report lists them, with ids `${prefix}settled-N`. */
export function settledViews(r: ParsedReport, l: Lang, prefix = ''): SettledView[] {
  return (r.settled ?? []).map((s, i) => ({
    id: `${prefix}settled-${i + 1}`,
    cell: cellName(r.format, s.cell, l),
    value: s.value === null ? (l === 'zh' ? '空' : 'blank') : String(s.value),
    basis: basisText(s.basis, l),
  }));
}

/** cellKey → the settled view of that cell. */
export function settledByCell(r: ParsedReport, views: readonly SettledView[]): Map<string, SettledView> {
  return new Map((r.settled ?? []).map((s, i) => [cellKey(s.cell), views[i] as SettledView]));
}
