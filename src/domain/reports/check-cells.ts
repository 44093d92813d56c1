// Cell-level rules: B4 (kind of number) and B5 (missing or unreadable cells). A whole missing
// table or row is reported once, not once per cell.
import { place, type Place } from './location.js';
import { table2Rows, type Table2Kind } from './table2-schema.js';
import {
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_TOTAL_COLUMN,
  table3Label,
  table3RowKeys,
} from './table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_GROUP_LABELS,
  TABLE4_TOTAL_COLUMN,
} from './table4-schema.js';
import type { AnnualReport, CellValue, Violation } from './types.js';

type Report = Pick<AnnualReport, 'format' | 'table2' | 'table3' | 'table4'>;

export function checkCells(report: Report): Violation[] {
  return [...table2Cells(report), ...table3Cells(report), ...table4Cells(report)];
}

const isNonNegativeInteger = (v: CellValue): boolean =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0;

function kindIsValid(kind: Table2Kind, v: CellValue): boolean {
  if (kind === 'count') return isNonNegativeInteger(v);
  if (kind === 'delta') return typeof v === 'number' && Number.isInteger(v);
  if (kind === 'amountWan') return typeof v === 'number' && Number.isFinite(v) && v >= 0;
  return typeof v === 'string' || (typeof v === 'number' && v >= 0);
}

const KIND_TEXT: Record<Table2Kind, string> = {
  count: '非负整数',
  delta: '整数',
  amountWan: '非负数额（万元）',
  amountText: '金额',
};

function missing(at: Place, message: string, severity: 'error' | 'warning' = 'error'): Violation {
  return { rule: 'B5', severity, ...at, message };
}

function table2Cells(report: Report): Violation[] {
  const rows = table2Rows(report.format);
  const allMissing = rows.every((def) => def.columns.every((c) => report.table2[def.key]?.[c.key] == null));
  if (allMissing) return [missing(place.table('table2'), '缺少表二（主动公开政府信息情况）。')];
  const out: Violation[] = [];
  for (const def of rows) {
    const row = report.table2[def.key];
    if (!row || def.columns.every((c) => row[c.key] == null)) {
      out.push(missing(place.table2Row(def.key), `缺少表二「${def.label}」行。`));
      continue;
    }
    for (const c of def.columns) {
      const v = row[c.key] ?? null;
      const at = place.table2Cell(def.key, c.key);
      if (v === null) out.push(missing(at, `表二「${def.label}」行「${c.label}」缺失或无法识别。`));
      else if (!kindIsValid(c.kind, v)) {
        const message = `表二「${def.label}」行「${c.label}」应为${KIND_TEXT[c.kind]}，实际为 ${v}。`;
        out.push({ rule: 'B4', severity: 'error', ...at, actual: v, message });
      }
    }
  }
  return out;
}

function table3Cells(report: Report): Violation[] {
  const keys = table3RowKeys(report.format);
  const rows = report.table3.rows;
  if (keys.every((k) => !rows[k] || rows[k].every((c) => c === null))) {
    return [missing(place.table('table3'), '缺少表三（收到和处理政府信息公开申请情况）。')];
  }
  const out: Violation[] = [];
  for (const key of keys) {
    const cells = rows[key];
    const label = table3Label(report.format, key);
    if (!cells || cells.every((c) => c === null)) {
      out.push(missing(place.table3Row(key), `缺少表三「${label}」行。`));
      continue;
    }
    TABLE3_COLUMNS.forEach((col, i) => {
      const text = `表三「${label}」行「${TABLE3_COLUMN_LABELS[col]}」列`;
      out.push(
        ...cellViolations(cells[i] ?? null, i === TABLE3_TOTAL_COLUMN, place.table3Cell(key, col), text),
      );
    });
  }
  return out;
}

function table4Cells(report: Report): Violation[] {
  const table = report.table4;
  if (TABLE4_GROUPS.every((g) => table[g].every((c) => c === null))) {
    return [missing(place.table('table4'), '缺少表四（政府信息公开行政复议、行政诉讼情况）。')];
  }
  const out: Violation[] = [];
  for (const group of TABLE4_GROUPS) {
    const label = TABLE4_GROUP_LABELS[group];
    if (table[group].every((c) => c === null)) {
      out.push(missing(place.table4Group(group), `缺少表四「${label}」各栏。`));
      continue;
    }
    TABLE4_COLUMNS.forEach((col, i) => {
      const text = `表四「${label}」「${TABLE4_COLUMN_LABELS[col]}」`;
      out.push(
        ...cellViolations(
          table[group][i] ?? null,
          i === TABLE4_TOTAL_COLUMN,
          place.table4Cell(group, col),
          text,
        ),
      );
    });
  }
  return out;
}

/** B5 for a missing cell (a blank 总计 is only a warning), B4 for a non-count. */
function cellViolations(v: number | null, isTotal: boolean, at: Place, text: string): Violation[] {
  if (v === null) {
    return isTotal
      ? [missing(at, `${text}空白，无法核对合计。`, 'warning')]
      : [missing(at, `${text}缺失或无法识别。`)];
  }
  if (isNonNegativeInteger(v)) return [];
  return [{ rule: 'B4', severity: 'error', ...at, actual: v, message: `${text}应为非负整数，实际为 ${v}。` }];
}
