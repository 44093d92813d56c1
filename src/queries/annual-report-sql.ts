// The SQL behind tables 三 and 四 of an annual report (issue 12): one GROUP BY over the
// applications and one over the appeals of the agencies counted, with the definitions of
// table3ForYear and table4ForYear (src/domain/applications/outcomes.ts, src/domain/appeals/appeals.ts)
// written as conditions. The same conditions list the cases behind one cell (casesBehindCell).
import { and, eq, sql, type Column, type SQL } from 'drizzle-orm';
import type { AppealKind, AppealResult, AppealYearRule } from '../domain/appeals/appeals.js';
import type { AppealCount, ApplicationCount } from '../domain/reports/annual/counts.js';
import type { Executor } from '../db/client.js';
import { appeal, application } from '../db/schema.js';

/**
 * The agencies counted: one agency, or the ids of a subtree (`everyAgency`: the subtree is the whole
 * tree, so no row needs testing). The ids are given as one array
 * parameter rather than as a subquery on agency.path: with the subquery the planner (estimating one
 * agency) probes the index once per agency, several times slower than one scan for a whole city.
 */
export type AgencySet = { agencyId: number } | { agencyIds: readonly number[]; everyAgency?: boolean };

const bounds = (year: number) => ({ start: `${year}-01-01`, end: `${year}-12-31` });

function inSet(column: Column, set: AgencySet): SQL {
  if ('agencyId' in set) return eq(column, set.agencyId);
  // The whole tree: no condition at all (a 500-element array tested on every row costs seconds).
  if (set.everyAgency) return sql`true`;
  return sql`${column} = any(${`{${set.agencyIds.join(',')}}`}::int[])`;
}

/** Applications that reach the year: received by its end, open on or concluded after its first day. */
export function applicationsOfYear(year: number): SQL {
  const { start, end } = bounds(year);
  return sql`${application.receivedOn} <= ${end} and (${application.concludedOn} is null or ${application.concludedOn} >= ${start})`;
}

/** Received in the year (else carried over from the year before). */
export const freshIn = (year: number): SQL => sql`${application.receivedOn} >= ${bounds(year).start}`;

/** Concluded in the year with a table-三 row (else carried forward to the next year). */
export const concludedIn = (year: number): SQL =>
  sql`${application.concludedOn} <= ${bounds(year).end} and ${application.outcome} is not null`;

/** Per agency, applicant type, fresh/carried over and outcome (null = carried forward): the counts. */
export async function applicationCounts(
  db: Executor,
  set: AgencySet,
  year: number,
): Promise<(ApplicationCount & { agencyId: number })[]> {
  const fresh = sql<boolean>`(${freshIn(year)})`;
  const outcome = sql<string | null>`case when ${concludedIn(year)} then ${application.outcome} end`;
  const rows = await db
    .select({
      agencyId: application.agencyId,
      applicantType: application.applicantType,
      fresh,
      outcome,
      n: sql<number>`count(*)::int`,
    })
    .from(application)
    .where(and(inSet(application.agencyId, set), applicationsOfYear(year)))
    .groupBy(sql`1, 2, 3, 4`); // by position: the expressions carry parameters
  return rows.map((r) => ({ ...r, fresh: r.fresh === true || String(r.fresh) === 't', n: Number(r.n) }));
}

/** The table-四 column of an appeal for the year under the rule (null: not counted that year). */
export function appealColumn(year: number, rule: AppealYearRule): SQL<AppealResult | null> {
  const { start, end } = bounds(year);
  const decided = sql`(${appeal.result} <> 'pending' and ${appeal.decidedOn} is not null)`;
  const decidedInYear = sql`(${decided} and ${appeal.decidedOn} between ${start} and ${end})`;
  const filedInYear = sql`(${appeal.filedOn} between ${start} and ${end})`;
  switch (rule) {
    case 'filed':
      return sql`case when ${filedInYear} then (case when ${decided} and ${appeal.decidedOn} <= ${end} then ${appeal.result} else 'pending' end) end`;
    case 'decided':
      return sql`case when ${decidedInYear} then ${appeal.result} when not ${decided} and ${filedInYear} then 'pending' end`;
    case 'both':
      return sql`case when ${decidedInYear} then ${appeal.result} when ${filedInYear} then 'pending' end`;
  }
}

/** Appeals that may count in the year under any rule: filed by its end, not decided before it. */
export function appealsOfYear(year: number): SQL {
  const { start, end } = bounds(year);
  return sql`${appeal.filedOn} <= ${end} and (${appeal.decidedOn} is null or ${appeal.decidedOn} >= ${start})`;
}

export async function appealCounts(
  db: Executor,
  set: AgencySet,
  year: number,
  rule: AppealYearRule,
): Promise<(AppealCount & { agencyId: number })[]> {
  const column = appealColumn(year, rule);
  const rows = await db
    .select({
      agencyId: appeal.agencyId,
      kind: appeal.kind,
      afterReconsideration: appeal.afterReconsideration,
      column,
      n: sql<number>`count(*)::int`,
    })
    .from(appeal)
    .where(and(inSet(appeal.agencyId, set), appealsOfYear(year)))
    .groupBy(sql`1, 2, 3, 4`);
  return rows
    .filter((r) => r.column !== null)
    .map((r) => ({
      agencyId: r.agencyId,
      kind: r.kind as AppealKind,
      afterReconsideration: r.afterReconsideration,
      column: r.column as AppealResult,
      n: Number(r.n),
    }));
}

export { inSet };
