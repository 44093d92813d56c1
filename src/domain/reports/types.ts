// The canonical shape of an annual report's statistical tables (shared/docs/report-json.md).
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

export interface Violation {
  rule: RuleId;
  severity: Severity;
  /** e.g. "table3 column natural", "table3 row granted", "table4 review", "table2 fees.delta". */
  where: string;
  expected?: CellValue;
  actual?: CellValue;
  /** Chinese, shown to users as is. */
  message: string;
  /** Only for an ambiguous reading (B5): every reading of the cells that satisfies all rules. */
  candidates?: CellValue[][];
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
}
