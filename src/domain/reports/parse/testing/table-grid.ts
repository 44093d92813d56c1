// Test support: a report's tables as grids of cells (with the spans of the printed form), from
// which layouts.ts prints every layout real sites produce. Labels can be varied the way real
// pages vary them: half-width punctuation, stray spaces, known misprints.
import { TABLE2_BLOCKS, TABLE2_CONTENT_HEADER } from '../../table2-schema.js';
import { TABLE3_COLUMN_LABELS, TABLE3_LINES, TABLE3_NOTE, type Table3Line } from '../../table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUPS,
  TABLE4_GROUP_LABELS,
  TABLE4_SUIT_LABEL,
} from '../../table4-schema.js';
import type { AnnualReport, CellValue } from '../../types.js';

export type GridCell = {
  text: string;
  kind: 'label' | 'header' | 'value';
  rowspan?: number;
  colspan?: number;
};
export type GridRow = GridCell[];

export type Tables = Pick<AnnualReport, 'format' | 'table2' | 'table3' | 'table4'>;

export interface LabelOptions {
  halfWidth?: boolean;
  straySpaces?: boolean;
  /** 「只计这一情况」「三类内容事务信息」「行政法复议」 */
  misprints?: boolean;
}

export interface ValueOptions {
  /** How a zero in table 三/四 is printed: as an empty cell or as "0". */
  zeros: 'blank' | 'print';
  /** Leave every 总计 cell of tables 三 and 四 blank (2019 上海). */
  blankTotals?: boolean;
  /** Add province-specific rows that are not in the schema. */
  extraRows?: boolean;
}

export function varyLabel(text: string, opts: LabelOptions): string {
  let t = text;
  if (opts.misprints)
    t = t
      .replace('只计这一情形', '只计这一情况')
      .replace('三类内部事务信息', '三类内容事务信息')
      .replace('行政复议', '行政法复议');
  if (opts.halfWidth) t = t.replace(/（/g, '(').replace(/）/g, ')').replace(/，/g, ',').replace(/：/g, ':');
  if (opts.straySpaces && t.length > 5) t = `${t.slice(0, t.length - 3)} ${t.slice(t.length - 3)}`;
  return t;
}

const label = (text: string, opts: LabelOptions, span: Partial<GridCell> = {}): GridCell => ({
  text: varyLabel(text, opts),
  kind: 'label',
  ...span,
});
const header = (text: string, opts: LabelOptions, span: Partial<GridCell> = {}): GridCell => ({
  text: varyLabel(text, opts),
  kind: 'header',
  ...span,
});
const value = (text: string): GridCell => ({ text, kind: 'value' });

function count(v: CellValue, val: ValueOptions, isTotal: boolean): GridCell {
  if (isTotal && val.blankTotals) return value('');
  return value(v === 0 && val.zeros === 'blank' ? '' : String(v ?? ''));
}

export function table2Grid(t: Tables, opts: LabelOptions, val: ValueOptions): GridRow[] {
  const rows: GridRow[] = [];
  for (const block of TABLE2_BLOCKS[t.format]) {
    rows.push([header(block.header, opts, { colspan: 4 })]);
    rows.push([header(TABLE2_CONTENT_HEADER, opts), ...block.columns.map((c) => header(c.label, opts))]);
    for (const row of block.rows) {
      const cells = block.columns.map((c) => value(String(t.table2[row.key]?.[c.key] ?? '')));
      rows.push([label(row.label, opts), ...cells]);
      if (val.extraRows && row.key === 'normativeDocuments')
        rows.push([label('其他主动公开文件', opts), value('5'), value('5'), value('37')]);
    }
  }
  return rows;
}

export function table3Grid(t: Tables, opts: LabelOptions, val: ValueOptions): GridRow[] {
  const rows: GridRow[] = [
    [header(TABLE3_NOTE, opts, { rowspan: 3, colspan: 3 }), header('申请人情况', opts, { colspan: 7 })],
    [
      header('自然人', opts, { rowspan: 2 }),
      header('法人或其他组织', opts, { colspan: 5 }),
      header('总计', opts, { rowspan: 2 }),
    ],
    ['commercial', 'research', 'publicInterest', 'legalService', 'otherOrg'].map((c) =>
      header(TABLE3_COLUMN_LABELS[c as 'research'], opts),
    ),
  ];
  const lines = TABLE3_LINES[t.format];
  let pending: GridCell[] = [];
  lines.forEach((line, i) => {
    if (line.key === null) {
      pending.push(label(line.label, opts, { rowspan: groupSpan(lines, i) }));
      return;
    }
    const cells = (t.table3.rows[line.key] ?? []).map((v, c) => count(v, val, c === 6));
    rows.push([...pending, label(line.label, opts, { colspan: labelColspan(line) }), ...cells]);
    pending = [];
    if (val.extraRows && line.key === 'newReceived')
      rows.push([
        label('其中：网上申请', opts, { colspan: 3 }),
        ...[9, 1, 0, 0, 0, 0, 10].map((v) => count(v, val, false)),
      ]);
  });
  return rows;
}

/** How many data rows a group line spans (its label cell's rowspan). */
function groupSpan(lines: readonly Table3Line[], at: number): number {
  const top = lines[at]?.label.startsWith('三、');
  let n = 0;
  for (const line of lines.slice(at + 1)) {
    if (line.role === 'total') return top ? n + 1 : n;
    if (line.key === null && !top) return n;
    if (line.key !== null) n++;
  }
  return n;
}

function labelColspan(line: Table3Line): number {
  if (line.role !== 'outcome' && line.role !== 'total') return 3;
  return /^\d/.test(line.label) ? 1 : 2;
}

export function table4Grid(t: Tables, opts: LabelOptions, val: ValueOptions): GridRow[] {
  const columns = TABLE4_COLUMNS.map((c) => header(TABLE4_COLUMN_LABELS[c], opts));
  const values = TABLE4_GROUPS.flatMap((g) => t.table4[g].map((v, c) => count(v, val, c === 4)));
  const spanning = columns.map((c) => ({ ...c, rowspan: 2 }));
  return [
    [
      header(TABLE4_GROUP_LABELS.review, opts, { colspan: 5 }),
      header(TABLE4_SUIT_LABEL, opts, { colspan: 10 }),
    ],
    [
      ...spanning,
      header(TABLE4_GROUP_LABELS.suitDirect, opts, { colspan: 5 }),
      header(TABLE4_GROUP_LABELS.suitAfterReview, opts, { colspan: 5 }),
    ],
    [...columns, ...columns],
    values,
  ];
}
