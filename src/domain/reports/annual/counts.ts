// Tables 三 and 四 of a report year from grouped counts (what a SQL GROUP BY over the applications
// and the appeals returns), with exactly the definitions of table3ForYear
// (src/domain/applications/outcomes.ts) and table4ForYear (src/domain/appeals/appeals.ts): the
// database counts, this file places the counts in the cells. Pure.
import { countOutcomes, isOutcome, outcomeRow, type Outcome } from '../../applications/outcomes.js';
import { appealGroup, type AppealKind, type AppealResult } from '../../appeals/appeals.js';
import {
  TABLE3_COLUMN_LABELS,
  TABLE3_COLUMNS,
  TABLE3_TOTAL_COLUMN,
  table3RowKeys,
} from '../table3-schema.js';
import { TABLE4_COLUMNS } from '../table4-schema.js';
import type { ReportFormat, Table3, Table4 } from '../types.js';

/**
 * One group of applications that reach the report year (received by 31 December, open on or
 * concluded after 1 January): `fresh` = received in the year (else carried over from the year
 * before); `outcome` = the table-三 row when concluded in the year, null when carried forward.
 */
export interface ApplicationCount {
  applicantType: string;
  fresh: boolean;
  outcome: string | null;
  n: number;
}

/** One group of appeals with the table-四 column they count in for the year. */
export interface AppealCount {
  kind: AppealKind;
  afterReconsideration: boolean;
  column: AppealResult;
  n: number;
}

/** Table 三 (every row of the format, no nulls) from the grouped counts. */
export function table3FromCounts(counts: readonly ApplicationCount[], format: ReportFormat): Table3 {
  const zero = () => TABLE3_COLUMNS.map(() => 0);
  const newReceived = zero();
  const carriedOver = zero();
  const carriedForward = zero();
  const add = (row: number[], type: string, n: number) => {
    const column = (TABLE3_COLUMNS as readonly string[]).indexOf(type);
    if (column >= 0 && column !== TABLE3_TOTAL_COLUMN) row[column]! += n;
    row[TABLE3_TOTAL_COLUMN]! += n;
  };
  const concluded: Record<string, number[]> = {};
  for (const c of counts) {
    add(c.fresh ? newReceived : carriedOver, c.applicantType, c.n);
    if (c.outcome === null || !isOutcome(c.outcome)) add(carriedForward, c.applicantType, c.n);
    else add((concluded[c.outcome] ??= zero()), c.applicantType, c.n);
  }
  // The outcome rows of the format, zeroed (countOutcomes of nothing), filled by outcomeRow's mapping.
  const outcomeRows = countOutcomes([], format);
  for (const [outcome, cells] of Object.entries(concluded)) {
    const key = outcomeRow(outcome as Outcome, format);
    for (const target of [outcomeRows[key]!, outcomeRows['total']!])
      cells.forEach((v, i) => (target[i]! += v));
  }
  const rows: Table3['rows'] = {};
  const all = { newReceived, carriedOver, ...outcomeRows, carriedForward } as Record<string, number[]>;
  for (const key of table3RowKeys(format)) rows[key] = all[key] ?? zero();
  return {
    columns: [...TABLE3_COLUMNS],
    columnLabels: TABLE3_COLUMNS.map((c) => TABLE3_COLUMN_LABELS[c]),
    rows,
  };
}

/** Table 四 (no nulls) from the grouped counts. */
export function table4FromCounts(counts: readonly AppealCount[]): Table4 {
  const zero = () => TABLE4_COLUMNS.map(() => 0);
  const table: Table4 = {
    columns: [...TABLE4_COLUMNS],
    review: zero(),
    suitDirect: zero(),
    suitAfterReview: zero(),
  };
  const total = TABLE4_COLUMNS.indexOf('total');
  for (const c of counts) {
    const row = table[appealGroup(c)] as number[];
    row[TABLE4_COLUMNS.indexOf(c.column)]! += c.n;
    row[total]! += c.n;
  }
  return table;
}
