// The 年报体检 result as the page shows it: the tables in the national layout with every flagged
// cell, and each finding explained in Chinese (rule, what it says, expected vs actual, the likely
// wrong cell). Pure: a checked report in, a view model out.
import { ruleDef } from '../../domain/reports/rules.js';
import { TABLE2_BLOCKS } from '../../domain/reports/table2-schema.js';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_LINES } from '../../domain/reports/table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_GROUP_LABELS,
} from '../../domain/reports/table4-schema.js';
import type {
  CellValue,
  ParsedReport,
  ReadStatus,
  ReportFormat,
  RuleId,
  Severity,
  Violation,
} from '../../domain/reports/types.js';
import {
  analyseCells,
  rowCells,
  t2Cell,
  t3Cell,
  t4Cell,
  type CellAnalysis,
  type CellId,
  type FailedSum,
} from './report-check-cells.js';
import { cellName, missingText, t3Group, t3RowTitle } from './report-check-labels.js';

export interface NoteRef {
  id: string;
  rule: RuleId;
}

export interface CellView {
  text: string;
  flagged: boolean;
  suspect: boolean;
  warning: boolean;
  notes: NoteRef[];
  /** The values an ambiguous cell may have. */
  candidates: string[];
}

export interface NoteView {
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
  | { kind: 'row'; key: string; label: string; group: string | null; notes: NoteRef[]; cells: CellView[] };

export interface T2BlockView {
  header: string;
  columns: string[];
  rows: { label: string; notes: NoteRef[]; cells: CellView[] }[];
}

export interface ReportCheckModel {
  status: ReadStatus;
  format: ReportFormat;
  title: string | null;
  agency: string | null;
  year: number | null;
  errors: number;
  warnings: number;
  /** Why the input is not a report (unreadable only). */
  reason: string | null;
  missing: string[];
  notes: NoteView[];
  /** Whole-table findings (a table that was not read), per table. */
  tableNotes: Record<'table2' | 'table3' | 'table4', NoteRef[]>;
  table2: T2BlockView[];
  table3: T3LineView[];
  table4: { key: string; label: string; cells: CellView[] }[];
}

const noteId = (i: number) => `note-${i + 1}`;
const ref = (r: ParsedReport, i: number): NoteRef => ({
  id: noteId(i),
  rule: (r.violations[i] as Violation).rule,
});
const show = (v: CellValue): string => (v === null ? '—' : String(v));

function cellView(r: ParsedReport, a: CellAnalysis, id: CellId, value: CellValue): CellView {
  const f = a.flags.get(id);
  return {
    text: show(value),
    flagged: f !== undefined,
    suspect: f?.suspect ?? false,
    warning: f?.warningOnly ?? false,
    notes: (f?.findings ?? []).map((i) => ref(r, i)),
    candidates: (f?.candidates ?? []).map((c) => (c === null ? '空' : String(c))),
  };
}

/** Notes of the findings that name a whole row or table without cells (a missing row). */
function placeNotes(r: ParsedReport, where: string): NoteRef[] {
  return r.violations.flatMap((v, i) =>
    v.where === where && v.rule === 'B5' && !v.candidates ? [ref(r, i)] : [],
  );
}

function table3View(r: ParsedReport, a: CellAnalysis): T3LineView[] {
  return TABLE3_LINES[r.format].map((line) => {
    if (line.key === null) return { kind: 'group', label: line.label };
    const key = line.key;
    return {
      kind: 'row',
      key,
      label: line.label,
      group: t3Group(r.format, key),
      notes: placeNotes(r, `table3 row ${key}`),
      cells: TABLE3_COLUMNS.map((_, i) => cellView(r, a, t3Cell(key, i), r.table3.rows[key]?.[i] ?? null)),
    };
  });
}

function table2View(r: ParsedReport, a: CellAnalysis): T2BlockView[] {
  return TABLE2_BLOCKS[r.format].map((block) => ({
    header: block.header,
    columns: block.columns.map((c) => c.label),
    rows: block.rows.map((row) => ({
      label: row.label,
      notes: placeNotes(r, `table2 ${row.key}`),
      cells: block.columns.map((c) =>
        cellView(r, a, t2Cell(row.key, c.key), r.table2[row.key]?.[c.key] ?? null),
      ),
    })),
  }));
}

function table4View(r: ParsedReport, a: CellAnalysis) {
  return TABLE4_GROUPS.map((g) => ({
    key: g,
    label: TABLE4_GROUP_LABELS[g],
    cells: TABLE4_COLUMNS.map((_, i) => cellView(r, a, t4Cell(g, i), r.table4[g][i] ?? null)),
  }));
}

function sumDetail(r: ParsedReport, v: Violation, sum: FailedSum): string {
  const gap = `相差 ${Math.abs(sum.expected - sum.actual)}`;
  const column = /^table3 column (\w+)$/.exec(v.where)?.[1] as (typeof TABLE3_COLUMNS)[number] | undefined;
  const col = column ? TABLE3_COLUMN_LABELS[column] : '';
  if (v.rule === 'A1') return `${col}列：一 + 二 = ${sum.expected}，三（七）+ 四 = ${sum.actual}，${gap}`;
  if (v.rule === 'B1')
    return `${col}列：（一）至（六）各项之和 = ${sum.expected}，（七）总计 = ${sum.actual}，${gap}`;
  if (v.rule === 'B2') {
    const key = v.where.replace('table3 row ', '');
    return `「${t3RowTitle(r.format, key)}」行：六类申请人之和 = ${sum.expected}，总计 = ${sum.actual}，${gap}`;
  }
  const group = TABLE4_GROUP_LABELS[v.where.replace('table4 ', '') as (typeof TABLE4_GROUPS)[number]];
  return `表四「${group}」：结果维持 + 结果纠正 + 其他结果 + 尚未审结 = ${sum.expected}，总计 = ${sum.actual}，${gap}`;
}

function suspectLines(r: ParsedReport, a: CellAnalysis, finding: number): string[] {
  return a.suspects
    .filter((s) => s.findings.includes(finding))
    .map((s) => {
      const rules = s.findings.map((i) => (r.violations[i] as Violation).rule);
      const fix =
        s.fix === null ? '' : `：若改为 ${s.fix}，${rules.join('、')} ${rules.length > 1 ? '均' : '即'}成立`;
      return `最可能填错的是${cellName(r, s.cell)}（填报 ${show(s.value)}）${fix}。`;
    });
}

function candidateHeaders(r: ParsedReport, where: string): string[] {
  return rowCells(r, where).map((id) => {
    const [t, row = '', col = ''] = id.split('|');
    if (t === 't3')
      return TABLE3_COLUMN_LABELS[TABLE3_COLUMNS[Number(col)] as (typeof TABLE3_COLUMNS)[number]];
    if (t === 't4')
      return `${TABLE4_GROUP_LABELS[row as (typeof TABLE4_GROUPS)[number]]}·${TABLE4_COLUMN_LABELS[TABLE4_COLUMNS[Number(col)] as (typeof TABLE4_COLUMNS)[number]]}`;
    return TABLE2_BLOCKS[r.format].flatMap((b) => b.columns).find((c) => c.key === col)?.label ?? col;
  });
}

function noteView(r: ParsedReport, a: CellAnalysis, v: Violation, i: number): NoteView {
  const sum = a.sums.find((s) => s.finding === i);
  const headers = v.candidates ? candidateHeaders(r, v.where) : [];
  return {
    id: noteId(i),
    rule: v.rule,
    severity: v.severity,
    ruleTitle: ruleDef(v.rule).title,
    detail: sum ? sumDetail(r, v, sum) : null,
    message: v.message,
    suspects: suspectLines(r, a, i),
    candidates:
      v.candidates && headers.length > 0 && v.candidates.length > 0
        ? { headers, rows: v.candidates.map((c) => c.map((x) => (x === null ? '空' : String(x)))) }
        : null,
  };
}

export function reportCheckModel(r: ParsedReport): ReportCheckModel {
  const a = analyseCells(r);
  const reportNote = r.violations.find((v) => v.where === 'report');
  return {
    status: r.status,
    format: r.format,
    title: r.title ?? null,
    agency: r.agency,
    year: r.year,
    errors: r.violations.filter((v) => v.severity === 'error').length,
    warnings: r.violations.filter((v) => v.severity === 'warning').length,
    reason:
      r.status === 'unreadable' && reportNote
        ? reportNote.message.replace(/^无法读取：/, '').replace(/。$/, '')
        : null,
    missing: r.status === 'unreadable' ? [] : r.missing.map((id) => missingText(r, id)),
    notes: r.violations.map((v, i) => noteView(r, a, v, i)),
    tableNotes: {
      table2: placeNotes(r, 'table2'),
      table3: placeNotes(r, 'table3'),
      table4: placeNotes(r, 'table4'),
    },
    table2: table2View(r, a),
    table3: table3View(r, a),
    table4: table4View(r, a),
  };
}
