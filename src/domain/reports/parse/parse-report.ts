// The report reader: a published report's text or HTML → the canonical JSON with a status.
// Pure and deterministic (no language model, no I/O, no clock), so that the same function can
// later import the figures of agencies that do not use Gongkai. It never throws.
//
// parseReport = settleReading(readReport(input), constraints): the rows are read first with every
// reading their own text allows, then settled jointly with the sum rules, the figures quoted in
// the report's text and any `extra` constraints (e.g. from the neighbouring years of a series).
import type { CellConstraint, ParsedReport } from '../types.js';
import { quotedConstraints } from './quoted-figures.js';
import { isReading, readReport, settleReading, type ReportInput } from './settle.js';

export type { ReportInput } from './settle.js';
export { unreadableReport } from './settle-unreadable.js';

export function parseReport(input: ReportInput, extra: readonly CellConstraint[] = []): ParsedReport {
  const reading = readReport(input);
  if (!isReading(reading)) return reading;
  return settleReading(reading, [...quotedConstraints(reading.text, reading.format), ...extra]);
}
