// Table 四: after the heading and the header cells (skipped as text) comes one row of 15 cells
// in three groups of five, each closed by its 总计 (rule B3). Several readings are kept for the
// settling step (settle.ts), where a quoted figure can decide between them.
import { place, table4AllCells } from '../location.js';
import { segmentEvidence } from './cells.js';
import { unreadableViolation } from './violations.js';
import type { Region } from './locate.js';
import type { Doc } from './normalize.js';
import { readRow } from './row-reading.js';
import { rowId, type TableRows } from './settle-types.js';

const GROUPS = [5, 5, 5] as const;
export const TABLE4_NAME = '表四（行政复议、行政诉讼情况）';

export function readTable4(doc: Doc, region: Region | null): TableRows {
  const none = { vars: [], violations: [], looseLabels: [] };
  if (!region) return { ...none, missing: ['table4'], hasData: false };
  const ev = segmentEvidence(doc.text.slice(region.start, region.end), region.end >= doc.contentEnd);
  if (ev.items.length === 0) return { ...none, missing: ['table4'], hasData: false };
  const reading = readRow(ev, GROUPS);
  if (reading.kind === 'missing') return { ...none, missing: ['table4'], hasData: true };
  if (reading.kind === 'unreadable') {
    const violation = unreadableViolation(place.table('table4'), TABLE4_NAME, reading.reason);
    return { ...none, violations: [violation], missing: ['table4'], hasData: true };
  }
  const v = {
    id: rowId('table4', 'table4'),
    table: 'table4' as const,
    row: 'table4',
    cells: table4AllCells(),
    candidates: reading.candidates,
    split: reading.split ? ('B3' as const) : null,
    ...(reading.loose ? { loose: reading.loose } : {}),
  };
  return { ...none, vars: [v], missing: [], hasData: true };
}
