// Table 二: the row labels of the format in order (block and column headers between them are
// skipped as text), each followed by its cells.
import { cellRef, place } from '../location.js';
import { emptyTable2 } from '../shape.js';
import { table2Rows, type Table2RowDef } from '../table2-schema.js';
import type { ReportFormat, Table2, Violation } from '../types.js';
import { segmentEvidence } from './cells.js';
import { ambiguityViolation, mergeReadings, unreadableViolation, type TableReading } from './violations.js';
import { labelSpec, locateSequence, type Region } from './locate.js';
import type { Doc } from './normalize.js';
import { readTable2Row, type Table2Reading } from './table2-row.js';

/** Labels printed by the other format or by provinces for the same row. */
const ALTERNATES: Record<string, readonly string[]> = {
  normativeDocuments: ['行政规范性文件', '规范性文件'],
};

const specsOf = (format: ReportFormat) =>
  table2Rows(format).map((r) => labelSpec(r.label, ALTERNATES[r.key] ?? []));
const SPECS = { '2019': specsOf('2019'), '2021': specsOf('2021') };

export function readTable2(doc: Doc, region: Region | null, format: ReportFormat): TableReading<Table2> {
  const table = emptyTable2(format);
  if (!region) return { table, violations: [], missing: ['table2'], hasData: false };
  const rows = table2Rows(format);
  const spans = locateSequence(doc, SPECS[format], region.start, region.end);
  const readings: (Table2Reading | null)[] = [];
  let hasData = false;
  spans.forEach((span, i) => {
    if (!span) return void readings.push(null);
    const end = spans.slice(i + 1).find((s) => s !== null)?.start ?? region.end;
    const ev = segmentEvidence(doc.text.slice(span.end, end), end >= doc.contentEnd);
    hasData ||= ev.items.length > 0;
    readings.push(
      readTable2Row(
        ev,
        (rows[i] as Table2RowDef).columns.map((c) => c.kind),
      ),
    );
  });
  if (!hasData) return { table, violations: [], missing: ['table2'], hasData: false };
  const violations: Violation[] = [];
  const missing: string[] = [];
  rows.forEach((row, i) => fillRow(table, row, readings[i] ?? null, violations, missing));
  return { table, violations, missing, hasData };
}

function fillRow(
  table: Table2,
  row: Table2RowDef,
  reading: Table2Reading | null,
  violations: Violation[],
  missing: string[],
): void {
  const what = `表二「${row.label}」行`;
  if (!reading || reading.kind === 'missing') return void missing.push(`table2.${row.key}`);
  if (reading.kind === 'unreadable') {
    missing.push(`table2.${row.key}`);
    return void violations.push(unreadableViolation(place.table2Row(row.key), what, reading.reason));
  }
  const merged = mergeReadings(reading.candidates);
  const target = table[row.key] as Table2[string];
  row.columns.forEach((col, i) => (target[col.key] = merged[i] ?? null));
  if (reading.candidates.length === 1) return;
  missing.push(`table2.${row.key}`);
  const cells = row.columns.map((c) => cellRef('table2', row.key, c.key));
  violations.push(
    ambiguityViolation(place.table2Row(row.key, cells), what, reading.candidates, 'unconstrained'),
  );
}
