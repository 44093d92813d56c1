// Where a violation is: one builder per kind of place gives both the `where` string of the
// canonical JSON (docs/report-json.md) and the same place as data (`location`), so the two can
// never disagree and nobody has to parse the string back.
import type { Table3Equation } from './rules.js';
import { TABLE3_COLUMNS, TABLE3_TOTAL_COLUMN } from './table3-schema.js';
import { TABLE4_COLUMNS, TABLE4_GROUPS, TABLE4_TOTAL_COLUMN, type Table4Group } from './table4-schema.js';
import type { CellRef, TableId, ViolationLocation } from './types.js';

export interface Place {
  where: string;
  location: ViolationLocation;
}

export const cellRef = (table: TableId, row: string, column: string): CellRef => ({ table, row, column });

/** "table3|granted|natural": a key for maps and sets of cells. */
export const cellKey = (c: CellRef): string => `${c.table}|${c.row}|${c.column}`;

export const sameCell = (a: CellRef, b: CellRef): boolean =>
  a.table === b.table && a.row === b.row && a.column === b.column;

const t3Column = (i: number): string => TABLE3_COLUMNS[i] as string;
const t3Cells = (row: string, from = 0, to: number = TABLE3_COLUMNS.length): CellRef[] =>
  (TABLE3_COLUMNS as readonly string[]).slice(from, to).map((c) => cellRef('table3', row, c));
const t4Cells = (group: string, from = 0, to: number = TABLE4_COLUMNS.length): CellRef[] =>
  (TABLE4_COLUMNS as readonly string[]).slice(from, to).map((c) => cellRef('table4', group, c));

/** The cells of table 四 in print order: three groups of five. */
export const table4AllCells = (): CellRef[] => TABLE4_GROUPS.flatMap((g) => t4Cells(g));

export const place = {
  /** The whole submission: it is not a report. */
  report: (): Place => ({
    where: 'report',
    location: { table: 'report', row: null, column: null, cells: [] },
  }),

  /** A whole table (missing); with `cells`, the cells of its candidate readings. */
  table: (table: TableId, cells: CellRef[] = []): Place => ({
    where: table,
    location: { table, row: null, column: null, cells },
  }),

  /** A whole row (missing or unreadable); with `cells`, the cells of its candidate readings. */
  table2Row: (row: string, cells: CellRef[] = []): Place => ({
    where: `table2 ${row}`,
    location: { table: 'table2', row, column: null, cells },
  }),
  table3Row: (row: string, cells: CellRef[] = []): Place => ({
    where: `table3 row ${row}`,
    location: { table: 'table3', row, column: null, cells },
  }),
  table4Group: (group: Table4Group): Place => ({
    where: `table4 ${group}`,
    location: { table: 'table4', row: group, column: null, cells: [] },
  }),

  table2Cell: (row: string, column: string): Place => ({
    where: `table2 ${row}.${column}`,
    location: { table: 'table2', row, column, cells: [cellRef('table2', row, column)] },
  }),
  table3Cell: (row: string, column: string): Place => ({
    where: `table3 row ${row} column ${column}`,
    location: { table: 'table3', row, column, cells: [cellRef('table3', row, column)] },
  }),
  table4Cell: (group: string, column: string): Place => ({
    where: `table4 ${group} column ${column}`,
    location: { table: 'table4', row: group, column, cells: [cellRef('table4', group, column)] },
  }),

  /** A1 / B1 down one table-三 column. */
  table3ColumnSum: (eq: Table3Equation): Place => {
    const column = t3Column(eq.column);
    const plus = eq.plus.map((r) => cellRef('table3', r, column));
    const minus = eq.minus.map((r) => cellRef('table3', r, column));
    return {
      where: `table3 column ${column}`,
      location: { table: 'table3', row: null, column, cells: [...plus, ...minus], sum: { plus, minus } },
    };
  },

  /** B2 along one table-三 row: the six applicant columns against 总计. */
  table3RowSum: (row: string): Place => {
    const plus = t3Cells(row, 0, TABLE3_TOTAL_COLUMN);
    const minus = t3Cells(row, TABLE3_TOTAL_COLUMN);
    return {
      where: `table3 row ${row}`,
      location: { table: 'table3', row, column: null, cells: [...plus, ...minus], sum: { plus, minus } },
    };
  },

  /** B3 along one table-四 group: 维持 + 纠正 + 其他 + 尚未审结 against 总计. */
  table4GroupSum: (group: Table4Group): Place => {
    const plus = t4Cells(group, 0, TABLE4_TOTAL_COLUMN);
    const minus = t4Cells(group, TABLE4_TOTAL_COLUMN);
    return {
      where: `table4 ${group}`,
      location: {
        table: 'table4',
        row: group,
        column: null,
        cells: [...plus, ...minus],
        sum: { plus, minus },
      },
    };
  },
};

/** The cells of a whole table-三 row, in column order (the order of its candidate readings). */
export const table3RowCells = (row: string): CellRef[] => t3Cells(row);
