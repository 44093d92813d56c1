// The result for input that is not a report at all (also used by the file readers).
import { place } from '../location.js';
import { emptyTable2, emptyTable3, emptyTable4 } from '../shape.js';
import { UNREADABLE_PREFIX, verdictOf } from '../verdict.js';
import type { ParsedReport, ReportFormat } from '../types.js';
import type { TitleInfo } from './title.js';

export function unreadableReport(reason: string): ParsedReport {
  return unreadable('2021', { year: null, agency: null }, reason);
}

export function unreadable(format: ReportFormat, info: TitleInfo, reason: string): ParsedReport {
  const facts = {
    violations: [
      {
        rule: 'B5' as const,
        severity: 'error' as const,
        ...place.report(),
        message: `${UNREADABLE_PREFIX}${reason}。`,
      },
    ],
    status: 'unreadable' as const,
    missing: ['table2', 'table3', 'table4'],
    suspects: [],
  };
  return {
    format,
    year: info.year,
    agency: info.agency,
    ...(info.title ? { title: info.title } : {}),
    table2: emptyTable2(format),
    table3: emptyTable3(format),
    table4: emptyTable4(),
    ...facts,
    verdict: verdictOf(facts),
  };
}
