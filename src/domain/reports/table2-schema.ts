// Table 二 — 主动公开政府信息情况 (docs/legal.md §2.3). The two formats count different things,
// so their cells cannot be converted into each other: both shapes are kept.
import type { ReportFormat } from './types.js';

/**
 * count: non-negative integer; delta: integer, may be negative (2019 「本年增/减」);
 * amountWan: decimal in 万元 (2021 收费金额); amountText: an amount as printed, with its unit
 * (2019 采购总金额 has no fixed unit).
 */
export type Table2Kind = 'count' | 'delta' | 'amountWan' | 'amountText';

export interface Table2Column {
  key: string;
  label: string;
  kind: Table2Kind;
}

export interface Table2Block {
  /** The full-width header row, e.g. 「第二十条第（一）项」. */
  header: string;
  /** Column headers after 「信息内容」. */
  columns: readonly Table2Column[];
  rows: readonly { key: string; label: string }[];
}

const col = (key: string, label: string, kind: Table2Kind = 'count'): Table2Column => ({ key, label, kind });

const PREV_2019 = [col('prevCount', '上一年项目数量'), col('delta', '本年增/减', 'delta')] as const;
const DECISIONS_2021 = [col('decisions', '本年处理决定数量')] as const;

export const TABLE2_BLOCKS: Record<ReportFormat, readonly Table2Block[]> = {
  '2019': [
    {
      header: '第二十条第（一）项',
      columns: [
        col('newMade', '本年新制作数量'),
        col('newPublished', '本年新公开数量'),
        col('totalPublished', '对外公开总数量'),
      ],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normativeDocuments', label: '规范性文件' },
      ],
    },
    {
      header: '第二十条第（五）项',
      columns: [...PREV_2019, col('decisions', '处理决定数量')],
      rows: [
        { key: 'licensing', label: '行政许可' },
        { key: 'otherServices', label: '其他对外管理服务事项' },
      ],
    },
    {
      header: '第二十条第（六）项',
      columns: [...PREV_2019, col('decisions', '处理决定数量')],
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' },
      ],
    },
    { header: '第二十条第（八）项', columns: PREV_2019, rows: [{ key: 'fees', label: '行政事业性收费' }] },
    {
      header: '第二十条第（九）项',
      columns: [col('projects', '采购项目数量'), col('amount', '采购总金额', 'amountText')],
      rows: [{ key: 'procurement', label: '政府集中采购' }],
    },
  ],
  '2021': [
    {
      header: '第二十条第（一）项',
      columns: [col('made', '本年制发件数'), col('repealed', '本年废止件数'), col('valid', '现行有效件数')],
      rows: [
        { key: 'regulations', label: '规章' },
        { key: 'normativeDocuments', label: '行政规范性文件' },
      ],
    },
    {
      header: '第二十条第（五）项',
      columns: DECISIONS_2021,
      rows: [{ key: 'licensing', label: '行政许可' }],
    },
    {
      header: '第二十条第（六）项',
      columns: DECISIONS_2021,
      rows: [
        { key: 'penalty', label: '行政处罚' },
        { key: 'coercion', label: '行政强制' },
      ],
    },
    {
      header: '第二十条第（八）项',
      columns: [col('amountWan', '本年收费金额（单位：万元）', 'amountWan')],
      rows: [{ key: 'fees', label: '行政事业性收费' }],
    },
  ],
};

/** The first column header of every block. */
export const TABLE2_CONTENT_HEADER = '信息内容';

export interface Table2RowDef {
  key: string;
  label: string;
  columns: readonly Table2Column[];
}

const ROWS: Record<ReportFormat, Table2RowDef[]> = {
  '2019': rowsOf('2019'),
  '2021': rowsOf('2021'),
};

function rowsOf(format: ReportFormat): Table2RowDef[] {
  return TABLE2_BLOCKS[format].flatMap((block) => block.rows.map((r) => ({ ...r, columns: block.columns })));
}

/** The data rows of a format in print order, each with its block's columns. */
export function table2Rows(format: ReportFormat): readonly Table2RowDef[] {
  return ROWS[format];
}
