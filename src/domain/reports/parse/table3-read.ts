// Table 三: find the row labels and read each row's cells into every reading its text allows.
// Rows with several readings are settled later with rules A1 and B1 (settle.ts, jointly).
import { place, table3RowCells } from '../location.js';
import { TABLE3_LINES, table3Label, type Table3Line } from '../table3-schema.js';
import type { ReportFormat, Violation } from '../types.js';
import { segmentEvidence } from './cells.js';
import { unreadableViolation } from './violations.js';
import { labelSpec, locateSequence, type Region } from './locate.js';
import type { Doc, Span } from './normalize.js';
import { readRow, type RowReading } from './row-reading.js';
import { looseLabelsOf, rowId, type RowVar, type TableRows } from './settle-types.js';

/** Distinctive words of long 2021 labels whose wording varies between sites. */
const EXTRA_FALLBACK: Record<string, readonly string[]> = {
  'other.noCorrection': ['逾期不补正'],
  'other.feeUnpaid': ['收费通知'],
};

const ROW_GROUPS = [7] as const;
/** The 2021 sub-rows of 「（六）其他处理」, printed as one row by reports still on the 2019 template. */
export const OTHER_2021 = ['other.noCorrection', 'other.feeUnpaid', 'other.misc'] as const;
/** The row key of that one 2019 row. */
export const OTHER_2019 = 'other';

const specsOf = (format: ReportFormat) =>
  TABLE3_LINES[format].map((l) => labelSpec(l.label, l.misprints, EXTRA_FALLBACK[l.key ?? ''] ?? []));
const SPECS = { '2019': specsOf('2019'), '2021': specsOf('2021') };

export interface Table3Rows extends TableRows {
  /** A 2021 report printing the 2019 single 「（六）其他处理」 row (issue 11 item 9). */
  mixed: boolean;
}

export function readTable3(doc: Doc, region: Region | null, format: ReportFormat): Table3Rows {
  const none = { vars: [], violations: [], looseLabels: [], mixed: false };
  if (!region) return { ...none, missing: ['table3'], hasData: false };
  const lines = TABLE3_LINES[format];
  const spans = locateSequence(doc, SPECS[format], region.start, region.end);
  const rows = readRows(doc, lines, spans, region);
  if (![...rows.values()].some((r) => r.hasItems)) return { ...none, missing: ['table3'], hasData: false };
  const mixed = format === '2021' && rows.has(OTHER_2019) && OTHER_2021.every((k) => !rows.has(k));
  const violations: Violation[] = [];
  const missing: string[] = [];
  const vars: RowVar[] = [];
  const keys = lines.map((l) => l.key).filter((k): k is string => k !== null);
  for (const key of mixed ? [...keys.filter((k) => !k.startsWith('other.')), OTHER_2019] : keys) {
    const row = rows.get(key);
    if (!row || row.reading.kind === 'missing') missing.push(`table3.${key}`);
    else if (row.reading.kind === 'unreadable') {
      missing.push(`table3.${key}`);
      const name = `表三「${key === OTHER_2019 ? '（六）其他处理' : table3Label(format, key)}」行`;
      violations.push(unreadableViolation(place.table3Row(key), name, row.reading.reason));
    } else vars.push(toVar(key, row.reading));
  }
  const looseLabels = looseLabelsOf('table3', spans, lines);
  return { vars, violations, missing, hasData: true, looseLabels, mixed };
}

function toVar(key: string, reading: Extract<RowReading, { kind: 'read' }>): RowVar {
  return {
    id: rowId('table3', key),
    table: 'table3',
    row: key,
    cells: table3RowCells(key),
    candidates: reading.candidates,
    split: reading.split ? 'B2' : null,
    ...(reading.loose ? { loose: reading.loose } : {}),
  };
}

interface RowResult {
  reading: RowReading;
  hasItems: boolean;
}

/** Data rows by key; the 2021 group line 「（六）其他处理」 under the 2019 key when it has figures. */
function readRows(
  doc: Doc,
  lines: readonly Table3Line[],
  spans: (Span | null)[],
  region: Region,
): Map<string, RowResult> {
  const out = new Map<string, RowResult>();
  spans.forEach((span, i) => {
    const line = lines[i];
    const key = line?.key ?? (line?.label === '（六）其他处理' ? OTHER_2019 : null);
    if (!span || !key) return;
    const end = spans.slice(i + 1).find((s) => s !== null)?.start ?? region.end;
    const reachesEnd = end >= doc.contentEnd;
    const ev = segmentEvidence(doc.text.slice(span.end, end), reachesEnd);
    if (key === OTHER_2019 && line?.key === null && ev.items.length === 0) return;
    out.set(key, { reading: readRow(ev, ROW_GROUPS), hasItems: ev.items.length > 0 });
  });
  return out;
}
