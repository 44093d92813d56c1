// Which cells of a checked report the page flags, and how: the domain decides which cells the
// violations name and which is the suspect (src/domain/reports/suspects.ts, from the violations'
// locations); here each flag gets what the page shows with it.
import { cellKey } from '../../domain/reports/location.js';
import { cellMarks } from '../../domain/reports/suspects.js';
import type { CellRef, CellValue, ParsedReport, Violation } from '../../domain/reports/types.js';

export interface CellFlag {
  /** Indexes into report.violations of the violations that flag this cell. */
  violations: number[];
  /** Crossing of a failed row sum and a failed column sum: most likely the wrong figure. */
  suspect: boolean;
  /** Only warnings flag it (blank 总计, a figure quoted in the text). */
  warningOnly: boolean;
  /** Distinct values the cell takes in the candidate readings of an ambiguous row. */
  candidates: CellValue[];
}

/** Flags by cellKey ("table3|granted|natural"). */
export type CellFlags = Map<string, CellFlag>;

export function flagCells(r: ParsedReport): CellFlags {
  const flags: CellFlags = new Map();
  for (const [key, mark] of cellMarks(r)) {
    const vs = mark.violations.map((i) => r.violations[i] as Violation);
    flags.set(key, {
      violations: mark.violations,
      suspect: mark.suspect,
      warningOnly: vs.every((v) => v.severity === 'warning'),
      candidates: candidateValues(mark.cell, vs),
    });
  }
  return flags;
}

function candidateValues(cell: CellRef, vs: Violation[]): CellValue[] {
  for (const v of vs) {
    if (!v.candidates) continue;
    const at = v.location.cells.findIndex((c) => cellKey(c) === cellKey(cell));
    if (at >= 0) return [...new Set(v.candidates.map((reading) => reading[at] ?? null))];
  }
  return [];
}
