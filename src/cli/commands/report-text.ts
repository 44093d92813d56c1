// Human-readable output of `gongkai report check`: the verdict, the rebuilt tables with every cell
// that a violation names marked 「*」 (「**」 for the suspect), then the violations in Chinese and
// the value that would fix the suspect cell. A file from which nothing was read gets its verdict
// alone, without empty tables.
import { cellKey } from '../../domain/reports/location.js';
import { cellName } from '../../domain/reports/names.js';
import { cellMarks } from '../../domain/reports/suspects.js';
import { table2Rows } from '../../domain/reports/table2-schema.js';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_LINES } from '../../domain/reports/table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_GROUP_LABELS,
} from '../../domain/reports/table4-schema.js';
import type {
  CellRef,
  CellValue,
  ReadStatus,
  SettleBasis,
  Suspect,
  Violation,
} from '../../domain/reports/types.js';
import { nothingRead } from '../../domain/reports/verdict.js';
import type { FileCheckResult } from '../../usecases/check-report-files.js';

export const STATUS_TEXT: Record<ReadStatus, string> = {
  ok: '通过',
  violations: '有错误',
  incomplete: '不完整',
  unreadable: '无法读取',
};

const FORMAT_TEXT = {
  '2019': '2019 试行格式（国办公开办函〔2019〕60号）',
  '2021': '2021 格式（国办公开办函〔2021〕30号）',
} as const;

/** Terminal columns: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
      ch,
    )
      ? 2
      : 1;
  return w;
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;

/** cellKey → the mark after its value: 「*」 named by a violation, 「**」 the suspect. */
type Marks = Map<string, string>;

function marksOf(r: FileCheckResult): Marks {
  return new Map([...cellMarks(r)].map(([key, m]) => [key, m.suspect ? '**' : '*']));
}

function cellText(v: CellValue, marks: Marks, cell: CellRef): string {
  return (v === null ? '—' : String(v)) + (marks.get(cellKey(cell)) ?? '');
}

function grid(rows: string[][], firstLeft = true): string[] {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => displayWidth(r[c] ?? '')))) ?? [];
  return rows.map(
    (r) =>
      '  ' +
      r
        .map((cell, c) =>
          c === 0 && firstLeft ? padEnd(cell, widths[c] ?? 0) : padStart(cell, widths[c] ?? 0),
        )
        .join('  '),
  );
}

function table2Lines(r: FileCheckResult, marks: Marks): string[] {
  const out = ['表二 主动公开政府信息情况'];
  for (const row of table2Rows(r.format)) {
    const cells = row.columns.map(
      (c) =>
        `${c.label} ${cellText(r.table2[row.key]?.[c.key] ?? null, marks, { table: 'table2', row: row.key, column: c.key })}`,
    );
    out.push(`  ${padEnd(row.label, 22)}${cells.join('；')}`);
  }
  return out;
}

function table3Lines(r: FileCheckResult, marks: Marks): string[] {
  const header = ['', ...TABLE3_COLUMNS.map((c) => TABLE3_COLUMN_LABELS[c])];
  let group = '';
  const rows: string[][] = [];
  for (const line of TABLE3_LINES[r.format]) {
    // Sub-rows 「1.…」 repeat under several groups: show the group's number before them.
    if (line.key === null) group = /^（[一二三四五六七]）/.exec(line.label)?.[0] ?? '';
    if (line.key === null) continue;
    const key = line.key;
    const full = /^\d/.test(line.label) ? group + line.label : line.label;
    const label = full.length > 17 ? `${full.slice(0, 16)}…` : full;
    rows.push([
      label,
      ...TABLE3_COLUMNS.map((col, i) =>
        cellText(r.table3.rows[key]?.[i] ?? null, marks, { table: 'table3', row: key, column: col }),
      ),
    ]);
  }
  return ['表三 收到和处理政府信息公开申请情况', ...grid([header, ...rows])];
}

function table4Lines(r: FileCheckResult, marks: Marks): string[] {
  const header = ['', ...TABLE4_COLUMNS.map((c) => TABLE4_COLUMN_LABELS[c])];
  const rows = TABLE4_GROUPS.map((g) => [
    TABLE4_GROUP_LABELS[g],
    ...TABLE4_COLUMNS.map((col, i) =>
      cellText(r.table4[g][i] ?? null, marks, { table: 'table4', row: g, column: col }),
    ),
  ]);
  return ['表四 政府信息公开行政复议、行政诉讼情况', ...grid([header, ...rows])];
}

function violationLines(violations: Violation[], suspects: readonly Suspect[]): string[] {
  if (violations.length === 0) return ['未发现问题。'];
  return [
    `发现 ${violations.length} 个问题：`,
    ...violations.map((v) => `  [${v.severity === 'error' ? '错误' : '提示'} ${v.rule}] ${v.message}`),
    ...suspects.map((s) => `  ** ${s.message}`),
  ];
}

/** 「依据：B1、B2」「依据：正文「本年度制发规范性文件30件」」「依据：2021 年报告（C2）」. */
export function basisText(b: SettleBasis): string {
  switch (b.kind) {
    case 'sum':
      return `依据：${b.rules.join('、')}（求和关系）`;
    case 'quote':
      return `依据：正文「${b.quote}」`;
    case 'series':
      return `依据：${b.year} 年报告（${b.rule}）`;
    case 'template':
      return '依据：2019 格式「（六）其他处理」行全为 0';
  }
}

/** Cells settled by evidence other than their own printed figure, each with its basis. */
function settledLines(r: FileCheckResult): string[] {
  const settled = r.settled ?? [];
  if (settled.length === 0) return [];
  return [
    `由其他依据确定的单元格（${settled.length} 个）：`,
    ...settled.map((s) => `  ${cellName(r.format, s.cell)} = ${s.value ?? '空'}（${basisText(s.basis)}）`),
    '',
  ];
}

/** 「年度系列：某市人民政府 2021、2022、2023 年（上一年 a.txt，下一年 c.txt）」. */
function seriesLine(r: FileCheckResult): string {
  if (!r.series) return '';
  const { agency, years, previous, next } = r.series;
  const near = [previous ? `上一年 ${previous}` : '', next ? `下一年 ${next}` : '']
    .filter(Boolean)
    .join('，');
  return `年度系列：${agency ? `${agency} ` : ''}${years.join('、')} 年${near ? `（${near}）` : ''}`;
}

export function humanReport(r: FileCheckResult): string {
  const head = [
    `━━ ${r.file} ━━`,
    `状态：${STATUS_TEXT[r.status]}`,
    [
      r.title ? `标题：${r.title}` : '',
      r.agency ? `机关：${r.agency}` : '',
      r.year !== null ? `年度：${r.year}` : '',
      nothingRead(r) ? '' : `格式：${FORMAT_TEXT[r.format]}`,
    ]
      .filter(Boolean)
      .join('  '),
    seriesLine(r),
  ].filter(Boolean);
  if (nothingRead(r)) return [...head, r.verdict, ''].join('\n');
  const marks = marksOf(r);
  const missing = r.missing.length > 0 ? [`缺少或无法确定：${r.missing.join('、')}`] : [];
  return [
    ...head,
    '',
    ...table2Lines(r, marks),
    '',
    ...table3Lines(r, marks),
    '',
    ...table4Lines(r, marks),
    '',
    ...settledLines(r),
    ...missing,
    ...violationLines(r.violations, r.suspects),
    '',
  ].join('\n');
}

export function summaryLine(results: readonly FileCheckResult[]): string {
  const count = (s: ReadStatus) => results.filter((r) => r.status === s).length;
  return `共检查 ${results.length} 份报告：通过 ${count('ok')} 份，有错误 ${count('violations')} 份，不完整 ${count('incomplete')} 份，无法读取 ${count('unreadable')} 份。`;
}

const csvField = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** One line per violation of every file; a byte-order mark so that Excel reads it as UTF-8. */
export function violationsCsv(results: readonly FileCheckResult[]): string {
  const lines = [['file', 'status', 'rule', 'severity', 'where', 'expected', 'actual', 'message'].join(',')];
  for (const r of results) {
    for (const v of r.violations)
      lines.push(
        [r.file, r.status, v.rule, v.severity, v.where, v.expected, v.actual, v.message]
          .map(csvField)
          .join(','),
      );
  }
  return '\ufeff' + lines.join('\r\n') + '\r\n';
}
