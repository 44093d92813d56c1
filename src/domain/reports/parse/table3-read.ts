// Table 三: find the row labels, read each row's cells, then settle rows with several possible
// readings with rules A1 and B1 (table3-solve.ts).
import { place, table3RowCells } from '../location.js';
import { table3Equations } from '../rules.js';
import { emptyTable3 } from '../shape.js';
import { TABLE3_LINES, table3Label, type Table3Line } from '../table3-schema.js';
import type { ReportFormat, Table3, Violation } from '../types.js';
import { segmentEvidence } from './cells.js';
import { ambiguityViolation, mergeReadings, unreadableViolation, type TableReading } from './violations.js';
import { labelSpec, locateSequence, type Region } from './locate.js';
import type { Doc, Span } from './normalize.js';
import { readRow, type Cells, type RowReading } from './row-reading.js';
import { solveTable3 } from './table3-solve.js';

/** Distinctive words of long 2021 labels whose wording varies between sites. */
const EXTRA_FALLBACK: Record<string, readonly string[]> = {
  'other.noCorrection': ['逾期不补正'],
  'other.feeUnpaid': ['收费通知'],
};

const ROW_GROUPS = [7] as const;

const specsOf = (format: ReportFormat) =>
  TABLE3_LINES[format].map((l) => labelSpec(l.label, l.misprints, EXTRA_FALLBACK[l.key ?? ''] ?? []));
const SPECS = { '2019': specsOf('2019'), '2021': specsOf('2021') };

export function readTable3(doc: Doc, region: Region | null, format: ReportFormat): TableReading<Table3> {
  const table = emptyTable3(format);
  if (!region) return { table, violations: [], missing: ['table3'], hasData: false };
  const lines = TABLE3_LINES[format];
  const spans = locateSequence(doc, SPECS[format], region.start, region.end);
  const rows = readRows(doc, lines, spans, region);
  if (![...rows.values()].some((r) => r.hasItems))
    return { table, violations: [], missing: ['table3'], hasData: false };
  const violations: Violation[] = [];
  const missing: string[] = [];
  const read = new Map<string, Cells[]>();
  for (const line of lines) {
    if (!line.key) continue;
    const row = rows.get(line.key);
    if (!row || row.reading.kind === 'missing') missing.push(`table3.${line.key}`);
    else if (row.reading.kind === 'unreadable') {
      missing.push(`table3.${line.key}`);
      violations.push(
        unreadableViolation(place.table3Row(line.key), rowName(format, line.key), row.reading.reason),
      );
    } else read.set(line.key, row.reading.candidates);
  }
  settle(format, read, table, violations, missing);
  const order = lines.map((l) => `table3.${l.key}`);
  missing.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return { table, violations, missing, hasData: true };
}

const rowName = (format: ReportFormat, key: string) => `表三「${table3Label(format, key)}」行`;

interface RowResult {
  reading: RowReading;
  hasItems: boolean;
}

function readRows(
  doc: Doc,
  lines: readonly Table3Line[],
  spans: (Span | null)[],
  region: Region,
): Map<string, RowResult> {
  const out = new Map<string, RowResult>();
  spans.forEach((span, i) => {
    const key = lines[i]?.key;
    if (!span || !key) return;
    const end = spans.slice(i + 1).find((s) => s !== null)?.start ?? region.end;
    const reachesEnd = end >= doc.contentEnd;
    const ev = segmentEvidence(doc.text.slice(span.end, end), reachesEnd);
    out.set(key, { reading: readRow(ev, ROW_GROUPS), hasItems: ev.items.length > 0 });
  });
  return out;
}

function settle(
  format: ReportFormat,
  read: Map<string, Cells[]>,
  table: Table3,
  violations: Violation[],
  missing: string[],
): void {
  const result = solveTable3(read, table3Equations(format));
  for (const [key, local] of read) {
    const chosen = result.supported.get(key) ?? local;
    table.rows[key] = mergeReadings(chosen);
    if (chosen.length === 1) continue;
    const cause = result.gaveUp ? 'too-many' : result.solutions === 0 ? 'none-consistent' : 'several';
    violations.push(
      ambiguityViolation(place.table3Row(key, table3RowCells(key)), rowName(format, key), chosen, cause),
    );
    missing.push(`table3.${key}`);
  }
}
