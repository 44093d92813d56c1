// Table 四: after the heading and the header cells (skipped as text) comes one row of 15 cells
// in three groups of five, each closed by its 总计 (rule B3).
import { place, table4AllCells } from '../location.js';
import { emptyTable4 } from '../shape.js';
import { TABLE4_GROUPS } from '../table4-schema.js';
import type { Table4 } from '../types.js';
import { segmentEvidence } from './cells.js';
import { ambiguityViolation, mergeReadings, unreadableViolation, type TableReading } from './violations.js';
import type { Region } from './locate.js';
import type { Doc } from './normalize.js';
import { readRow, type Cells } from './row-reading.js';

const GROUPS = [5, 5, 5] as const;
const NAME = '表四（行政复议、行政诉讼情况）';

export function readTable4(doc: Doc, region: Region | null): TableReading<Table4> {
  const table = emptyTable4();
  if (!region) return { table, violations: [], missing: ['table4'], hasData: false };
  const ev = segmentEvidence(doc.text.slice(region.start, region.end), region.end >= doc.contentEnd);
  if (ev.items.length === 0) return { table, violations: [], missing: ['table4'], hasData: false };
  const reading = readRow(ev, GROUPS);
  if (reading.kind === 'missing') return { table, violations: [], missing: ['table4'], hasData: true };
  if (reading.kind === 'unreadable') {
    return {
      table,
      violations: [unreadableViolation(place.table('table4'), NAME, reading.reason)],
      missing: ['table4'],
      hasData: true,
    };
  }
  fill(table, mergeReadings(reading.candidates));
  if (reading.candidates.length === 1) return { table, violations: [], missing: [], hasData: true };
  const violation = ambiguityViolation(
    place.table('table4', table4AllCells()),
    NAME,
    reading.candidates,
    'several',
  );
  return { table, violations: [violation], missing: ['table4'], hasData: true };
}

function fill(table: Table4, cells: Cells): void {
  TABLE4_GROUPS.forEach((group, g) => {
    table[group] = cells.slice(g * 5, g * 5 + 5);
  });
}
