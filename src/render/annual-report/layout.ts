// The official layout of tables 二, 三 and 四 (docs/legal.md §2.3–2.5) as grids of cells with
// their row and column spans, built once from the schemas and drawn by every renderer (HTML, PDF,
// DOCX, XLSX). Only the cells that start in a row are listed (the HTML way); `place` gives the
// absolute positions that the PDF, DOCX and XLSX writers need.
import { TABLE2_BLOCKS, TABLE2_CONTENT_HEADER } from '../../domain/reports/table2-schema.js';
import {
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_LINES,
  TABLE3_NOTE,
  type Table3Line,
} from '../../domain/reports/table3-schema.js';
import {
  TABLE4_COLUMN_LABELS,
  TABLE4_COLUMNS,
  TABLE4_GROUP_LABELS,
  TABLE4_GROUPS,
  TABLE4_SUIT_LABEL,
} from '../../domain/reports/table4-schema.js';
import type { CellRef, CellValue, ReportFormat, TableId } from '../../domain/reports/types.js';
import type { RenderableReport } from './model.js';

export interface GridCell {
  text: string;
  /** head: a column header; row: a row header; data: a figure; note: the 勾稽关系 note. */
  kind: 'head' | 'row' | 'data' | 'note';
  rowSpan?: number;
  colSpan?: number;
  scope?: 'col' | 'colgroup' | 'row' | 'rowgroup';
  /** A header's id within its table (renderers prefix it to make it unique on a page). */
  id?: string;
  /** A data cell: the ids of every header over it and beside it. */
  headers?: string[];
  /** A data cell: the canonical cell it shows and its value. */
  ref?: CellRef;
  value?: CellValue;
  /** Labels that read top to bottom (the narrow 「三、本年度办理结果」 column). */
  vertical?: boolean;
}

export interface Grid {
  table: TableId;
  /** The table's title, e.g. 「收到和处理政府信息公开申请情况」. */
  caption: string;
  columns: number;
  /** Relative column widths. */
  widths: number[];
  /** Rows at the top that are column headers (repeated on each printed page). */
  headRows: number;
  rows: GridCell[][];
}

/** A figure as printed: integers plainly, amounts as given, nothing for a missing value. */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(v) : v;
}

const data = (ref: CellRef, value: CellValue | undefined, headers: string[]): GridCell => ({
  text: cellText(value),
  kind: 'data',
  ref,
  value: value ?? null,
  headers,
});

export function table2Grid(r: Pick<RenderableReport, 'format' | 'table2'>): Grid {
  const blocks = TABLE2_BLOCKS[r.format];
  const width = 1 + Math.max(...blocks.map((b) => b.columns.length));
  const rows: GridCell[][] = [];
  blocks.forEach((block, b) => {
    const blockId = `t2b${b}`;
    rows.push([{ text: block.header, kind: 'head', colSpan: width, scope: 'colgroup', id: blockId }]);
    // The 2021 blocks with one figure span it over the free columns; the 2019 ones leave them
    // blank, as the 试行 form prints them.
    const span = r.format === '2021' ? width - block.columns.length : 1;
    const blank = r.format === '2021' ? 0 : width - 1 - block.columns.length;
    const heads: GridCell[] = [
      { text: TABLE2_CONTENT_HEADER, kind: 'head', scope: 'col', id: `${blockId}c` },
      ...block.columns.map((c, i): GridCell => ({
        text: c.label,
        kind: 'head',
        scope: 'col',
        id: `${blockId}-${c.key}`,
        ...(i === block.columns.length - 1 && span > 1 ? { colSpan: span } : {}),
      })),
    ];
    rows.push([...heads, ...blankCells(blank, 'head')]);
    for (const row of block.rows) {
      const rowId = `t2r-${row.key}`;
      const values = r.table2[row.key];
      rows.push([
        { text: values?.label ?? row.label, kind: 'row', scope: 'row', id: rowId },
        ...block.columns.map((c, i) => ({
          ...data({ table: 'table2', row: row.key, column: c.key }, values?.[c.key], [
            blockId,
            `${blockId}-${c.key}`,
            rowId,
          ]),
          ...(i === block.columns.length - 1 && span > 1 ? { colSpan: span } : {}),
        })),
        ...blankCells(blank, 'data'),
      ]);
    }
  });
  return {
    table: 'table2',
    caption: '主动公开政府信息情况',
    columns: width,
    widths: [2.2, ...Array.from({ length: width - 1 }, () => 1.6)],
    headRows: 0,
    rows,
  };
}

const blankCells = (n: number, kind: 'head' | 'data'): GridCell[] =>
  Array.from({ length: n }, () => ({ text: '', kind }));

/** Column-header ids of table 三's data columns. */
const T3_HEAD = (c: string) => `t3c-${c}`;

export function table3Grid(r: Pick<RenderableReport, 'format' | 'table3'>): Grid {
  const lines = TABLE3_LINES[r.format];
  const applicant = 't3c-applicant';
  const legal = 't3c-legal';
  const rows: GridCell[][] = [
    [
      { text: TABLE3_NOTE, kind: 'note', rowSpan: 3, colSpan: 3 },
      { text: '申请人情况', kind: 'head', colSpan: 7, scope: 'colgroup', id: applicant },
    ],
    [
      { text: TABLE3_COLUMN_LABELS.natural, kind: 'head', rowSpan: 2, scope: 'col', id: T3_HEAD('natural') },
      { text: '法人或其他组织', kind: 'head', colSpan: 5, scope: 'colgroup', id: legal },
      { text: TABLE3_COLUMN_LABELS.total, kind: 'head', rowSpan: 2, scope: 'col', id: T3_HEAD('total') },
    ],
    TABLE3_COLUMNS.slice(1, 6).map((c) => ({
      text: TABLE3_COLUMN_LABELS[c],
      kind: 'head' as const,
      scope: 'col' as const,
      id: T3_HEAD(c),
    })),
  ];
  const columnHeaders = (i: number): string[] => {
    const c = TABLE3_COLUMNS[i] as string;
    return i >= 1 && i <= 5 ? [applicant, legal, T3_HEAD(c)] : [applicant, T3_HEAD(c)];
  };
  const figures = (key: string, rowHeaders: string[]): GridCell[] =>
    TABLE3_COLUMNS.map((c, i) =>
      data({ table: 'table3', row: key, column: c }, r.table3.rows[key]?.[i], [
        ...rowHeaders,
        ...columnHeaders(i),
      ]),
    );
  const resultsFrom = lines.findIndex((l) => l.label.startsWith('三、'));
  const resultsTo = lines.findIndex((l) => l.key === 'total');
  const resultsId = 't3r-results';
  let group: { id: string; label: string; drawn: boolean } | null = null;
  lines.forEach((line: Table3Line, at) => {
    if (at === resultsFrom) return; // drawn as the spanning cell of the next line
    if (line.key === null) {
      // 「（三）不予公开」: a label over its numbered sub-rows, drawn with the first of them.
      group = { id: `t3g-${at}`, label: line.label, drawn: false };
      return;
    }
    const inResults = at > resultsFrom && at <= resultsTo;
    const sub = /^\d/.test(line.label) && group !== null;
    const cells: GridCell[] = [];
    if (at === resultsFrom + 1) {
      const span = lines.slice(resultsFrom + 1, resultsTo + 1).filter((l) => l.key !== null).length;
      cells.push({
        text: lines[resultsFrom]?.label ?? '',
        kind: 'row',
        rowSpan: span,
        scope: 'rowgroup',
        id: resultsId,
        vertical: true,
      });
    }
    const g = group as { id: string; label: string; drawn: boolean } | null;
    if (sub && g && !g.drawn) {
      cells.push({
        text: g.label,
        kind: 'row',
        rowSpan: countSubRows(lines, at),
        scope: 'rowgroup',
        id: g.id,
      });
      g.drawn = true;
    }
    if (!sub) group = null;
    const id = `t3r-${line.key}`;
    cells.push({
      text: line.label,
      kind: 'row',
      scope: 'row',
      id,
      ...(sub ? {} : { colSpan: inResults ? 2 : 3 }),
    });
    const rowHeaders = [...(inResults ? [resultsId] : []), ...(sub && g ? [g.id] : []), id];
    cells.push(...figures(line.key, rowHeaders));
    rows.push(cells);
  });
  return {
    table: 'table3',
    caption: '收到和处理政府信息公开申请情况',
    columns: 10,
    widths: [0.9, 1.9, 4.6, 1.15, 1.15, 1.15, 1.3, 1.3, 1.05, 1.15],
    headRows: 3,
    rows,
  };
}

/** The numbered sub-rows from `first` on (「1.属于国家秘密」 … under 「（三）不予公开」). */
function countSubRows(lines: readonly Table3Line[], first: number): number {
  let n = 0;
  for (let i = first; i < lines.length && /^\d/.test(lines[i]?.label ?? ''); i++) n++;
  return n;
}

export function table4Grid(r: Pick<RenderableReport, 'table4'>): Grid {
  const head = (g: string, c: string) => `t4c-${g}-${c}`;
  return {
    table: 'table4',
    caption: '政府信息公开行政复议、行政诉讼情况',
    columns: 15,
    widths: Array.from({ length: 15 }, () => 1),
    headRows: 3,
    rows: [
      [
        {
          text: TABLE4_GROUP_LABELS.review,
          kind: 'head',
          colSpan: 5,
          rowSpan: 2,
          scope: 'colgroup',
          id: 't4g-review',
        },
        { text: TABLE4_SUIT_LABEL, kind: 'head', colSpan: 10, scope: 'colgroup', id: 't4g-suit' },
      ],
      [
        {
          text: TABLE4_GROUP_LABELS.suitDirect,
          kind: 'head',
          colSpan: 5,
          scope: 'colgroup',
          id: 't4g-suitDirect',
        },
        {
          text: TABLE4_GROUP_LABELS.suitAfterReview,
          kind: 'head',
          colSpan: 5,
          scope: 'colgroup',
          id: 't4g-suitAfterReview',
        },
      ],
      TABLE4_GROUPS.flatMap((g) =>
        TABLE4_COLUMNS.map((c) => ({
          text: TABLE4_COLUMN_LABELS[c],
          kind: 'head' as const,
          scope: 'col' as const,
          id: head(g, c),
        })),
      ),
      TABLE4_GROUPS.flatMap((g) => {
        const groups = g === 'review' ? ['t4g-review'] : ['t4g-suit', `t4g-${g}`];
        return TABLE4_COLUMNS.map((c, i) =>
          data({ table: 'table4', row: g, column: c }, r.table4[g]?.[i], [...groups, head(g, c)]),
        );
      }),
    ],
  };
}

export function reportGrids(r: RenderableReport): Record<TableId, Grid> {
  return { table2: table2Grid(r), table3: table3Grid(r), table4: table4Grid(r) };
}

export interface Placed {
  row: number;
  col: number;
  cell: GridCell;
}

/** Every cell with its absolute row and column (spans skipped over, as a browser lays them out). */
export function place(grid: Grid): Placed[] {
  const taken: boolean[][] = grid.rows.map(() => Array<boolean>(grid.columns).fill(false));
  const out: Placed[] = [];
  grid.rows.forEach((cells, row) => {
    let col = 0;
    for (const cell of cells) {
      while (taken[row]?.[col]) col++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      for (let i = 0; i < rs; i++) for (let j = 0; j < cs; j++) (taken[row + i] ?? [])[col + j] = true;
      out.push({ row, col, cell });
      col += cs;
    }
  });
  return out;
}

/** Which format's layout a report uses, said in words (for captions and file notes). */
export const FORMAT_NAME: Record<ReportFormat, string> = {
  '2019': '国办公开办函〔2019〕60号格式（试行）',
  '2021': '国办公开办函〔2021〕30号格式',
};
