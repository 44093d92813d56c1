// Table 二: the row labels of the format in order (block and column headers between them are
// skipped as text), each followed by its cells; every reading a row's text allows is kept for
// the settling step (settle.ts), where a figure quoted in the text or a neighbouring year can
// decide between them.
import { cellRef, place } from '../location.js';
import { table2Rows, type Table2RowDef } from '../table2-schema.js';
import type { ReportFormat, Violation } from '../types.js';
import { segmentEvidence } from './cells.js';
import { unreadableViolation } from './violations.js';
import { labelSpec, locateSequence, type Region } from './locate.js';
import type { Doc } from './normalize.js';
import { looseLabelsOf, rowId, type RowVar, type TableRows } from './settle-types.js';
import { readTable2Row, type Table2Reading } from './table2-row.js';

/** Labels printed by the other format or by provinces for the same row. */
const ALTERNATES: Record<string, readonly string[]> = {
  normativeDocuments: ['行政规范性文件', '规范性文件'],
};

const specsOf = (format: ReportFormat) =>
  table2Rows(format).map((r) => labelSpec(r.label, ALTERNATES[r.key] ?? []));
const SPECS = { '2019': specsOf('2019'), '2021': specsOf('2021') };

export function readTable2(doc: Doc, region: Region | null, format: ReportFormat): TableRows {
  const none = { vars: [], violations: [], looseLabels: [] };
  if (!region) return { ...none, missing: ['table2'], hasData: false };
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
  if (!hasData) return { ...none, missing: ['table2'], hasData: false };
  const vars: RowVar[] = [];
  const violations: Violation[] = [];
  const missing: string[] = [];
  rows.forEach((row, i) => {
    const reading = readings[i] ?? null;
    if (!reading || reading.kind === 'missing') return void missing.push(`table2.${row.key}`);
    if (reading.kind === 'unreadable') {
      missing.push(`table2.${row.key}`);
      const what = `表二「${row.label}」行`;
      return void violations.push(unreadableViolation(place.table2Row(row.key), what, reading.reason));
    }
    vars.push({
      id: rowId('table2', row.key),
      table: 'table2',
      row: row.key,
      cells: row.columns.map((c) => cellRef('table2', row.key, c.key)),
      candidates: reading.candidates,
      split: null,
    });
  });
  return { vars, violations, missing, hasData, looseLabels: looseLabelsOf('table2', spans, rows) };
}
