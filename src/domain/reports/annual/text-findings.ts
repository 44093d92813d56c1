// The findings shown before a report is submitted: every violation of the rules on the tables
// (A1–B5, C1–C3 against last year's published report, C5 against the members) and C4 on the texts,
// each with its cells named, the expected and the actual value, and a stable id by which a warning
// is acknowledged. A warning whose figures change gets a new id: it must be acknowledged again.
import { cellName } from '../names.js';
import { ruleDef } from '../rules.js';
import type { CellRef, CellValue, ReportFormat, RuleId, Severity, Violation } from '../types.js';
import type { TextPartKey } from './text.js';

export interface Finding {
  /** Stable while the figures stay the same: rule, place, expected and actual. */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** The rule's title (Chinese). */
  ruleTitle: string;
  message: string;
  cells: { cell: CellRef; name: string }[];
  expected: CellValue | null;
  actual: CellValue | null;
  /** C4 on a text: the part it was found in. */
  part?: TextPartKey;
}

export function findingId(v: Pick<Violation, 'rule' | 'where' | 'expected' | 'actual'>): string {
  return [v.rule, v.where, v.expected ?? '', v.actual ?? ''].join('|');
}

/** The findings of a report: errors first, then warnings, each in rule order as given. */
export function findingsOf(
  format: ReportFormat,
  violations: readonly (Violation & { part?: TextPartKey })[],
): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const v of violations) {
    const id = findingId(v);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push({
      id,
      rule: v.rule,
      severity: v.severity,
      ruleTitle: ruleDef(v.rule)?.title ?? v.rule,
      message: v.message,
      cells: v.location.cells.map((cell) => ({ cell, name: cellName(format, cell) })),
      expected: v.expected ?? null,
      actual: v.actual ?? null,
      ...(v.part ? { part: v.part } : {}),
    });
  }
  return [...out.filter((f) => f.severity === 'error'), ...out.filter((f) => f.severity === 'warning')];
}

/** What stands between a report and its submission. */
export interface Readiness {
  errors: Finding[];
  /** Warnings not (or no longer) acknowledged. */
  unacknowledged: Finding[];
  ready: boolean;
}

export function readiness(findings: readonly Finding[], acknowledged: readonly string[]): Readiness {
  const errors = findings.filter((f) => f.severity === 'error');
  const ack = new Set(acknowledged);
  const unacknowledged = findings.filter((f) => f.severity === 'warning' && !ack.has(f.id));
  return { errors, unacknowledged, ready: errors.length === 0 && unacknowledged.length === 0 };
}
