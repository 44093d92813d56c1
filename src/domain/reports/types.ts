// The canonical shape of an annual report's statistical tables (docs/report-json.md).
// One shape for the generator, the reader/checker, the API and the tests.

/** 国办公开办函〔2019〕60号 试行 (reports for 2019–2020) | 〔2021〕30号 (2021 on). */
export type ReportFormat = '2019' | '2021';

export type RuleId = 'A1' | 'B1' | 'B2' | 'B3' | 'B4' | 'B5' | 'C1' | 'C2' | 'C3' | 'C4' | 'C5';

export type Severity = 'error' | 'warning';

/** A printed cell: a number, an amount as printed with its unit (table 二), or null when missing. */
export type CellValue = number | string | null;

/** One table-二 row: its canonical label plus one property per column key of the format. */
export type Table2Row = { label: string } & Record<string, CellValue>;

export type Table2 = Record<string, Table2Row>;

/** Seven cells in TABLE3_COLUMNS order; null = missing, unreadable or a blank 总计. */
export type Table3Cells = (number | null)[];

export interface Table3 {
  columns: string[];
  columnLabels: string[];
  rows: Record<string, Table3Cells>;
}

/** Five cells per group: upheld, corrected, other, pending, total. */
export type Table4Cells = (number | null)[];

export interface Table4 {
  columns: string[];
  review: Table4Cells;
  suitDirect: Table4Cells;
  suitAfterReview: Table4Cells;
}

/** The three statistical tables of a report. */
export type TableId = 'table2' | 'table3' | 'table4';

/**
 * One printed cell. `row`: the row key (table 四: the group `review`, `suitDirect` or
 * `suitAfterReview`); `column`: the column key (table 三 `natural` … `total`, table 四 `upheld` …
 * `total`, table 二 the keys of its format: `newMade`, `decisions`, `amountWan` …).
 */
export interface CellRef {
  table: TableId;
  row: string;
  column: string;
}

/**
 * Where a violation is, as data (an addition to the canonical JSON: the `where` string says the
 * same for people and for the scripts that already read it).
 */
export interface ViolationLocation {
  /** `report` = the whole submission (it is not a report). */
  table: TableId | 'report';
  /** The row key; null for a whole table or a whole table-三 column. */
  row: string | null;
  /** The column key; null for a whole row or table. */
  column: string | null;
  /**
   * The cells the violation names: its one cell; both sides of a sum (plus, then minus); or, with
   * `candidates`, the cells of each reading in order. Empty for a missing row or table.
   */
  cells: CellRef[];
  /** Sum rules (A1, B1, B2, B3): the two sides; `expected` = Σ plus, `actual` = Σ minus. */
  sum?: { plus: CellRef[]; minus: CellRef[] };
}

/**
 * A rule that a report breaks (rules A1–C5, errors and warnings): the one name for it in code,
 * JSON (`violations`) and docs; shown to people as 「问题」 (错误 or 提示).
 */
export interface Violation {
  rule: RuleId;
  severity: Severity;
  /** e.g. "table3 column natural", "table3 row granted", "table4 review", "table2 fees.delta". */
  where: string;
  /** The same place as data. */
  location: ViolationLocation;
  expected?: CellValue;
  actual?: CellValue;
  /** Chinese, shown to users as is. */
  message: string;
  /** Only for an ambiguous reading (B5): every reading of the cells that satisfies all rules. */
  candidates?: CellValue[][];
}

/**
 * The cell most likely to be wrong: where a failed row sum (B2, B3) crosses a failed column sum
 * (A1, B1), one wrong figure explains both. An addition to the canonical JSON (`suspects`).
 */
export interface Suspect {
  cell: CellRef;
  /** The value as printed. */
  value: CellValue;
  /** The one value that makes every failed sum through the cell hold, or null when there is none. */
  fix: number | null;
  /** Indexes into `violations` of the sums through the cell. */
  violations: number[];
  rules: RuleId[];
  /** Chinese, e.g. 「最可能填错的是表三「（一）予以公开」行「自然人」列（填报 1044）：若改为 1043，B1、B2 均成立。」 */
  message: string;
}

/**
 * Why a cell that the printed text alone left open was settled (issue 11). A cell read directly
 * from its own printed figure needs no basis and is not listed.
 * - `sum`: only this value lets the sum rules named hold (A1, B1, B2, B3 — joint solving);
 * - `quote`: a figure quoted in the report's own text (`quote` = the words as printed);
 * - `series`: the report of a neighbouring year of the same agency (rule C1, C2 or C3);
 * - `template`: a 2021 row printed in the 2019 wording whose single row was all zeros.
 */
export type SettleBasis =
  | { kind: 'sum'; rules: RuleId[] }
  | { kind: 'quote'; quote: string }
  | { kind: 'series'; rule: 'C1' | 'C2' | 'C3'; year: number }
  | { kind: 'template'; rule: 'B2' };

/** A cell settled by evidence other than its own printed figure. */
export interface SettledCell {
  cell: CellRef;
  value: CellValue;
  basis: SettleBasis;
  /** Chinese, shown to people as is, e.g. 「由 B1、B2 确定：唯一满足各项求和关系的拆分。」 */
  message: string;
}

/**
 * A linear fact about the cells, from outside the row's own figures: Σ plus − Σ minus = value.
 * One cell fixed to a value is `{ plus: [cell], minus: [], value }`.
 */
export interface CellConstraint {
  plus: CellRef[];
  minus: CellRef[];
  value: number;
  basis: SettleBasis;
}

/** A row label recognised only loosely (characters missing or garbled), said so to the reader. */
export interface LooseLabel {
  table: TableId;
  row: string;
  /** The text as printed. */
  printed: string;
  /** The label it was taken for. */
  label: string;
}

export interface AnnualReport {
  format: ReportFormat;
  year: number | null;
  agency: string | null;
  title?: string;
  table2: Table2;
  table3: Table3;
  table4: Table4;
  violations: Violation[];
}

/**
 * ok: every table read and no error; violations: read, but a rule fails; incomplete: a table,
 * row or cell is missing or cannot be determined (see `missing`); unreadable: not a report.
 */
export type ReadStatus = 'ok' | 'violations' | 'incomplete' | 'unreadable';

export interface ParsedReport extends AnnualReport {
  status: ReadStatus;
  /** "table2" | "table3" | "table4" for a whole table, else "table3.granted", "table2.fees" … */
  missing: string[];
  /** The likely wrong cells and the values that would fix them (see `suspectCells`). */
  suspects: Suspect[];
  /** The result in one Chinese sentence (see `verdictOf`). */
  verdict: string;
  /** Cells settled by the rules, a quoted figure or a neighbouring year, each with its basis. */
  settled?: SettledCell[];
  /** Row labels matched loosely. */
  looseLabels?: LooseLabel[];
}
