// The 年报体检 result as the page shows it: the tables in the national layout with every flagged
// cell, and each violation explained (rule, what it says, expected vs actual, the likely wrong
// cell), in Chinese or English. Pure: a checked report in, a view model out. Places come from the
// violations' locations and the suspects from the domain — never from parsing their sentences.
import { cellKey } from '../../domain/reports/location.js';
import {
  table2ColumnLabel,
  table3ColumnLabel,
  table4ColumnLabel,
  table4GroupLabel,
} from '../../domain/reports/names.js';
import { TABLE2_BLOCKS } from '../../domain/reports/table2-schema.js';
import { TABLE3_COLUMNS, TABLE3_LINES } from '../../domain/reports/table3-schema.js';
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_GROUP_LABELS } from '../../domain/reports/table4-schema.js';
import type {
  CellRef,
  CellValue,
  ParsedReport,
  ReadStatus,
  ReportFormat,
  RuleId,
  Severity,
  Suspect,
  TableId,
  Violation,
} from '../../domain/reports/types.js';
import { nothingRead, unreadableReason } from '../../domain/reports/verdict.js';
import type { Lang } from '../i18n.js';
import { flagCells, type CellFlags } from './report-check-cells.js';
import {
  cellName,
  missingText,
  reasonText,
  ruleTitle,
  t3Group,
  t3RowTitle,
  violationText,
} from './report-check-labels.js';
import {
  settledByCell,
  settledViews,
  type SeriesInfoView,
  type SeriesPart,
  type SettledView,
} from './report-check-settled.js';

export interface ViolationRef {
  id: string;
  rule: RuleId;
}

export interface CellView {
  text: string;
  flagged: boolean;
  suspect: boolean;
  warning: boolean;
  violations: ViolationRef[];
  /** The values an ambiguous cell may have. */
  candidates: string[];
  /** Settled by evidence other than its own printed figure: the list item and the basis in words. */
  settled: { id: string; basis: string } | null;
}

export interface ViolationView {
  id: string;
  rule: RuleId;
  severity: Severity;
  ruleTitle: string;
  /** Expected vs actual of a failed sum, e.g. 「自然人列：一 + 二 = 2739，三（七）+ 四 = 2738，相差 1」. */
  detail: string | null;
  message: string;
  /** The likely wrong cells, with the value that would fix them. */
  suspects: string[];
  candidates: { headers: string[]; rows: string[][] } | null;
}

export type T3LineView =
  | { kind: 'group'; label: string }
  | {
      kind: 'row';
      key: string;
      label: string;
      group: string | null;
      violations: ViolationRef[];
      cells: CellView[];
    };

export interface T2BlockView {
  header: string;
  columns: string[];
  rows: { label: string; violations: ViolationRef[]; cells: CellView[] }[];
}

export interface ReportCheckModel {
  lang: Lang;
  /** Prefix of every id on the page, so that several reports can be shown on one page. */
  prefix: string;
  status: ReadStatus;
  format: ReportFormat;
  title: string | null;
  agency: string | null;
  year: number | null;
  errors: number;
  warnings: number;
  /** Not one table was read (unreadable, or junk with a report's words): one sentence, no tables. */
  nothingRead: boolean;
  /** Why the input is not a report (unreadable only), in the page's language. */
  reason: string | null;
  missing: string[];
  violations: ViolationView[];
  /** Whole-table violations (a table that was not read), per table. */
  tableViolations: Record<TableId, ViolationRef[]>;
  table2: T2BlockView[];
  table3: T3LineView[];
  table4: { key: string; label: string; cells: CellView[] }[];
  /** Cells settled by the sum rules, a quoted figure or a neighbouring year, with the basis. */
  settled: SettledView[];
  /** The series of years the report was checked with, or null. */
  series: SeriesInfoView | null;
}

/** What the builders of one report's view share: the report, its flags, language and ids. */
interface Ctx {
  r: ParsedReport;
  flags: CellFlags;
  l: Lang;
  prefix: string;
  settled: Map<string, SettledView>;
}

const violationId = (prefix: string, i: number) => `${prefix}violation-${i + 1}`;
const ref = (r: ParsedReport, i: number, prefix: string): ViolationRef => ({
  id: violationId(prefix, i),
  rule: (r.violations[i] as Violation).rule,
});
const show = (v: CellValue, l: Lang): string => (v === null ? (l === 'zh' ? '空' : 'blank') : String(v));

function cellView({ r, flags, l, prefix, settled }: Ctx, cell: CellRef, value: CellValue): CellView {
  const f = flags.get(cellKey(cell));
  const s = settled.get(cellKey(cell));
  return {
    text: value === null ? '—' : String(value),
    flagged: f !== undefined,
    suspect: f?.suspect ?? false,
    warning: f?.warningOnly ?? false,
    violations: (f?.violations ?? []).map((i) => ref(r, i, prefix)),
    candidates: (f?.candidates ?? []).map((c) => show(c, l)),
    settled: s ? { id: s.id, basis: s.basis } : null,
  };
}

/** The violations that name a whole row or table without its cells (a missing row or table). */
function placeViolations(
  r: ParsedReport,
  table: TableId,
  row: string | null,
  prefix: string,
): ViolationRef[] {
  return r.violations.flatMap((v, i) =>
    v.rule === 'B5' &&
    !v.candidates &&
    v.location.table === table &&
    v.location.row === row &&
    v.location.column === null
      ? [ref(r, i, prefix)]
      : [],
  );
}

function table3View(ctx: Ctx): T3LineView[] {
  const { r, prefix } = ctx;
  return TABLE3_LINES[r.format].map((line) => {
    if (line.key === null) return { kind: 'group', label: line.label };
    const key = line.key;
    return {
      kind: 'row',
      key,
      label: line.label,
      group: t3Group(r.format, key),
      violations: placeViolations(r, 'table3', key, prefix),
      cells: TABLE3_COLUMNS.map((col, i) =>
        cellView(ctx, { table: 'table3', row: key, column: col }, r.table3.rows[key]?.[i] ?? null),
      ),
    };
  });
}

function table2View(ctx: Ctx): T2BlockView[] {
  const { r, prefix } = ctx;
  return TABLE2_BLOCKS[r.format].map((block) => ({
    header: block.header,
    columns: block.columns.map((c) => c.label),
    rows: block.rows.map((row) => ({
      label: row.label,
      violations: placeViolations(r, 'table2', row.key, prefix),
      cells: block.columns.map((c) =>
        cellView(ctx, { table: 'table2', row: row.key, column: c.key }, r.table2[row.key]?.[c.key] ?? null),
      ),
    })),
  }));
}

function table4View(ctx: Ctx) {
  return TABLE4_GROUPS.map((g) => ({
    key: g,
    label: TABLE4_GROUP_LABELS[g],
    cells: TABLE4_COLUMNS.map((col, i) =>
      cellView(ctx, { table: 'table4', row: g, column: col }, ctx.r.table4[g][i] ?? null),
    ),
  }));
}

/** Both sides of a failed sum with their totals and the gap. */
function sumDetail(r: ParsedReport, v: Violation, l: Lang): string | null {
  const sum = v.location.sum;
  if (!sum || typeof v.expected !== 'number' || typeof v.actual !== 'number') return null;
  const gap = Math.abs(v.expected - v.actual);
  const [e, a] = [v.expected, v.actual];
  const { row, column } = v.location;
  const zh = l === 'zh';
  const tail = zh ? `相差 ${gap}` : `a difference of ${gap}`;
  switch (v.rule) {
    case 'A1':
    case 'B1': {
      const col = table3ColumnLabel(column ?? '');
      const [plus, minus] =
        v.rule === 'A1'
          ? ['一 + 二', '三（七）+ 四']
          : zh
            ? ['（一）至（六）各项之和', '（七）总计']
            : ['(一) to (六)', '(七) total'];
      return zh
        ? `${col}列：${plus} = ${e}，${minus} = ${a}，${tail}`
        : `Column 「${col}」: ${plus} = ${e}, ${minus} = ${a}, ${tail}`;
    }
    case 'B2':
      return zh
        ? `「${t3RowTitle(r.format, row ?? '')}」行：六类申请人之和 = ${e}，总计 = ${a}，${tail}`
        : `Row 「${t3RowTitle(r.format, row ?? '')}」: the six kinds of applicant = ${e}, total = ${a}, ${tail}`;
    default: {
      const group = table4GroupLabel(row ?? '');
      return zh
        ? `表四「${group}」：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = ${e}，总计 = ${a}，${tail}`
        : `Table 4 「${group}」: upheld + corrected + other + pending = ${e}, total = ${a}, ${tail}`;
    }
  }
}

function suspectLine(r: ParsedReport, s: Suspect, l: Lang): string {
  if (l === 'zh') return s.message;
  const rules = s.rules.join(', ');
  const printed = s.value === null ? 'blank' : `printed ${s.value}`;
  const fix = s.fix === null ? '' : `: with ${s.fix}, ${rules} ${s.rules.length > 1 ? 'all hold' : 'holds'}`;
  return `The most likely wrong figure is ${cellName(r.format, s.cell, 'en')} (${printed})${fix}.`;
}

function candidateHeader(r: ParsedReport, c: CellRef): string {
  if (c.table === 'table3') return table3ColumnLabel(c.column);
  if (c.table === 'table4') return `${table4GroupLabel(c.row)}·${table4ColumnLabel(c.column)}`;
  return table2ColumnLabel(r.format, c.row, c.column);
}

function violationView(r: ParsedReport, v: Violation, i: number, l: Lang, prefix: string): ViolationView {
  const headers = v.candidates ? v.location.cells.map((c) => candidateHeader(r, c)) : [];
  return {
    id: violationId(prefix, i),
    rule: v.rule,
    severity: v.severity,
    ruleTitle: ruleTitle(v.rule, l),
    detail: sumDetail(r, v, l),
    message: violationText(r, v, l),
    suspects: r.suspects.filter((s) => s.violations.includes(i)).map((s) => suspectLine(r, s, l)),
    candidates:
      v.candidates && headers.length > 0 && v.candidates.length > 0
        ? { headers, rows: v.candidates.map((c) => c.map((x) => show(x, l))) }
        : null,
  };
}

export function reportCheckModel(
  r: ParsedReport & SeriesPart,
  l: Lang = 'zh',
  prefix = '',
): ReportCheckModel {
  const flags = flagCells(r);
  const reason = unreadableReason(r);
  const none = nothingRead(r);
  const settled = none ? [] : settledViews(r, l, prefix);
  const ctx: Ctx = { r, flags, l, prefix, settled: settledByCell(r, settled) };
  return {
    lang: l,
    prefix,
    status: r.status,
    format: r.format,
    title: r.title ?? null,
    agency: r.agency,
    year: r.year,
    errors: r.violations.filter((v) => v.severity === 'error').length,
    warnings: r.violations.filter((v) => v.severity === 'warning').length,
    nothingRead: none,
    reason: reason === null ? null : reasonText(reason, l),
    missing: none ? [] : r.missing.map((id) => missingText(r, id, l)),
    violations: none ? [] : r.violations.map((v, i) => violationView(r, v, i, l, prefix)),
    tableViolations: {
      table2: placeViolations(r, 'table2', null, prefix),
      table3: placeViolations(r, 'table3', null, prefix),
      table4: placeViolations(r, 'table4', null, prefix),
    },
    table2: table2View(ctx),
    table3: table3View(ctx),
    table4: table4View(ctx),
    settled,
    series: r.series ?? null,
  };
}
