// A series of years read in process (tests, scripts): each text read once (readReport), settled
// with the figures its prose quotes, then the series settled with what the neighbouring years give.
// The use case does the same with the reading in worker threads (src/usecases/check-report-files.ts).
import { quotedConstraints } from './parse/quoted-figures.js';
import { isReading, readReport, settleReading, type ReportInput } from './parse/settle.js';
import { checkSeriesOf, type SeriesPlace } from './series-settle.js';
import type { CellConstraint, ParsedReport } from './types.js';

export interface SeriesCheck {
  report: ParsedReport;
  /** Its place in its series, or null when it belongs to none. */
  series: SeriesPlace | null;
}

/** Checks reports together: series by agency (from the titles), or all as one with `force`. */
export async function checkSeries(inputs: readonly ReportInput[], force = false): Promise<SeriesCheck[]> {
  const readings = inputs.map((input) => readReport(input));
  const settle = (i: number, extra: CellConstraint[]): ParsedReport => {
    const r = readings[i] as (typeof readings)[number];
    if (!isReading(r)) return r;
    return settleReading(r, [...quotedConstraints(r.text, r.format), ...extra]);
  };
  const first = readings.map((_, i) => settle(i, []));
  const { reports, places } = await checkSeriesOf(first, force, async (i, cs) => settle(i, cs));
  return reports.map((report, i) => ({ report, series: places[i] ?? null }));
}
