// Chinese names of a report's rows, cells and missing parts, from the schemas' canonical labels:
// 「表三第（四）项第1行「本机关不掌握相关政府信息」」, 「「（一）予以公开」行「自然人」列」.
import { table2Rows } from '../../domain/reports/table2-schema.js';
import { TABLE3_COLUMN_LABELS, TABLE3_COLUMNS, TABLE3_LINES } from '../../domain/reports/table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  type Table4Group,
} from '../../domain/reports/table4-schema.js';
import type { ParsedReport, ReportFormat } from '../../domain/reports/types.js';
import type { CellId } from './report-check-cells.js';

export const TABLE_NAMES = {
  table2: '表二（主动公开政府信息情况）',
  table3: '表三（收到和处理政府信息公开申请情况）',
  table4: '表四（政府信息公开行政复议、行政诉讼情况）',
} as const;

/** The group line over a numbered sub-row (「（三）不予公开」 over 「1.属于国家秘密」), else null. */
export function t3Group(format: ReportFormat, key: string): string | null {
  const lines = TABLE3_LINES[format];
  const at = lines.findIndex((l) => l.key === key);
  if (at < 0 || !/^\d/.test(lines[at]?.label ?? '')) return null;
  for (let i = at - 1; i >= 0; i--) {
    const line = lines[i];
    if (line?.key === null && line.label.startsWith('（')) return line.label;
  }
  return null;
}

export function t3Label(format: ReportFormat, key: string): string {
  return TABLE3_LINES[format].find((l) => l.key === key)?.label ?? key;
}

/** 「（三）不予公开 1.属于国家秘密」 for a sub-row, the label alone otherwise. */
export function t3RowTitle(format: ReportFormat, key: string): string {
  const group = t3Group(format, key);
  return group ? `${group} ${t3Label(format, key)}` : t3Label(format, key);
}

/** 「第（四）项第1行「本机关不掌握相关政府信息」」, 「第（一）项「予以公开」」, 「第一项「本年新收…」」. */
function t3Position(format: ReportFormat, key: string): string {
  const label = t3Label(format, key);
  const group = t3Group(format, key);
  const sub = /^(\d+)\.(.*)$/.exec(label);
  if (group && sub) return `第${/^（.）/.exec(group)?.[0] ?? group}项第${sub[1]}行「${sub[2]}」`;
  const top = /^(（.）|[一二三四]、)(.*)$/.exec(label);
  if (top) return `第${(top[1] as string).replace('、', '')}项「${top[2]}」`;
  return `「${label}」`;
}

export function cellName(r: Pick<ParsedReport, 'format' | 'table2'>, id: CellId): string {
  const [t, row = '', col = ''] = id.split('|');
  if (t === 't3') {
    const colLabel = TABLE3_COLUMN_LABELS[TABLE3_COLUMNS[Number(col)] as (typeof TABLE3_COLUMNS)[number]];
    return `表三「${t3RowTitle(r.format, row)}」行「${colLabel}」列`;
  }
  if (t === 't4') {
    const colLabel = TABLE4_COLUMN_LABELS[TABLE4_COLUMNS[Number(col)] as (typeof TABLE4_COLUMNS)[number]];
    return `表四「${TABLE4_GROUP_LABELS[row as Table4Group]}」「${colLabel}」`;
  }
  const def = table2Rows(r.format).find((d) => d.key === row);
  return `表二「${def?.label ?? row}」行「${def?.columns.find((c) => c.key === col)?.label ?? col}」`;
}

/** "table3.unable.notHeld" → 「缺少表三第（四）项第1行「本机关不掌握相关政府信息」」; 无法唯一确定 when ambiguous. */
export function missingText(r: Pick<ParsedReport, 'format' | 'violations'>, id: string): string {
  const [table, ...rest] = id.split('.');
  const key = rest.join('.');
  const where = key ? `${table} ${table === 'table3' ? 'row ' : ''}${key}` : (table ?? '');
  const finding = r.violations.find((v) => v.rule === 'B5' && v.where === where);
  const verb = finding?.candidates
    ? '无法唯一确定'
    : finding?.message.includes('无法读取')
      ? '无法读取'
      : '缺少';
  if (!key) return `${verb}${TABLE_NAMES[table as keyof typeof TABLE_NAMES] ?? table}`;
  if (table === 'table3') return `${verb}表三${t3Position(r.format, key)}`;
  const label = table2Rows(r.format).find((d) => d.key === key)?.label ?? key;
  return `${verb}表二「${label}」行`;
}
