// The cases behind one cell of a computed report (issue 12, item 4): from a finding on a table
// 三 or 四 cell, the applications or appeals that the cell counts — with the conditions of the
// GROUP BY that counted them (annual-report-sql.ts). Table 二 cells have no cases (documents and
// entered figures). Agencies counted by an imported report have none either.
import { and, asc, eq, like, not, sql, type SQL } from 'drizzle-orm';
import { reportFormatForYear } from '../domain/applications/outcomes.js';
import { TABLE3_COLUMNS } from '../domain/reports/table3-schema.js';
import { TABLE4_GROUPS, type Table4Group } from '../domain/reports/table4-schema.js';
import type { CellRef } from '../domain/reports/types.js';
import type { Executor } from '../db/client.js';
import { agency, appeal, application, reportImport } from '../db/schema.js';
import { appealYearRule } from './appeals.js';
import {
  appealColumn,
  appealsOfYear,
  applicationsOfYear,
  concludedIn,
  freshIn,
} from './annual-report-sql.js';
import { reportAgency } from './annual-report-data.js';

export interface CaseBehindCell {
  kind: 'application' | 'appeal';
  id: number;
  /** e.g. 「2020-0000123 苏州市教育局：关于……的申请」 or 「（2020）苏行复第12号 张三诉苏州市教育局」. */
  label: string;
}

export interface CasesBehindCellInput {
  agencyId: number | string;
  year: number;
  scope: 'own' | 'rollup';
  cell: CellRef;
  /** Default 100, at most 1000. */
  limit?: number;
}

/** The row's condition on table 三 (null: not a row of the year's format). */
function table3RowCondition(row: string, year: number): SQL | null {
  const format = reportFormatForYear(year);
  switch (row) {
    case 'newReceived':
      return freshIn(year);
    case 'carriedOver':
      return sql`not (${freshIn(year)})`;
    case 'total':
      return concludedIn(year);
    case 'carriedForward':
      return sql`not (${concludedIn(year)}) or ${application.concludedOn} is null or ${application.outcome} is null`;
    case 'other':
      return format === '2019' ? sql`${concludedIn(year)} and ${like(application.outcome, 'other.%')}` : null;
    default:
      return sql`${concludedIn(year)} and ${eq(application.outcome, row)}`;
  }
}

export async function casesBehindCell(db: Executor, input: CasesBehindCellInput): Promise<CaseBehindCell[]> {
  const root = await reportAgency(db, input.agencyId);
  const limit = Math.min(Math.max(input.limit ?? 100, 1), 1000);
  const { cell, year } = input;
  // Agencies counted by an imported report have no cases here.
  const notImported = (column: typeof application.agencyId | typeof appeal.agencyId) =>
    sql`not exists (select 1 from ${reportImport} where ${reportImport.agencyId} = ${column}
      and ${reportImport.year} = ${year} and ${reportImport.current})`;
  const inScope = (column: typeof application.agencyId | typeof appeal.agencyId) =>
    input.scope === 'own' ? eq(column, root.id) : like(agency.path, `${root.path}%`);
  if (cell.table === 'table3') {
    const rowCondition = table3RowCondition(cell.row, year);
    const column = (TABLE3_COLUMNS as readonly string[]).indexOf(cell.column);
    if (rowCondition === null || column < 0) return [];
    const rows = await db
      .select({
        id: application.id,
        number: application.trackingNumber,
        agency: agency.name,
        description: application.description,
      })
      .from(application)
      .innerJoin(agency, eq(agency.id, application.agencyId))
      .where(
        and(
          inScope(application.agencyId),
          notImported(application.agencyId),
          applicationsOfYear(year),
          sql`(${rowCondition})`,
          cell.column === 'total' ? undefined : eq(application.applicantType, cell.column),
        ),
      )
      .orderBy(asc(application.receivedOn), asc(application.id))
      .limit(limit);
    return rows.map((r) => ({
      kind: 'application',
      id: r.id,
      label: `${r.number} ${r.agency}：${short(r.description)}`,
    }));
  }
  if (cell.table === 'table4') {
    if (!(TABLE4_GROUPS as readonly string[]).includes(cell.row)) return [];
    const column = appealColumn(year, await appealYearRule(db));
    const rows = await db
      .select({
        id: appeal.id,
        caseNumber: appeal.caseNumber,
        appellant: appeal.appellant,
        agency: agency.name,
        body: appeal.body,
      })
      .from(appeal)
      .innerJoin(agency, eq(agency.id, appeal.agencyId))
      .where(
        and(
          inScope(appeal.agencyId),
          notImported(appeal.agencyId),
          appealsOfYear(year),
          groupCondition(cell.row as Table4Group),
          cell.column === 'total' ? sql`${column} is not null` : sql`${column} = ${cell.column}`,
        ),
      )
      .orderBy(asc(appeal.filedOn), asc(appeal.id))
      .limit(limit);
    return rows.map((r) => ({
      kind: 'appeal',
      id: r.id,
      label: `${r.caseNumber ?? r.body} ${r.appellant}诉${r.agency}`,
    }));
  }
  return [];
}

function groupCondition(group: Table4Group): SQL {
  if (group === 'review') return eq(appeal.kind, 'reconsideration');
  return and(
    eq(appeal.kind, 'litigation'),
    group === 'suitAfterReview' ? eq(appeal.afterReconsideration, true) : not(appeal.afterReconsideration),
  )!;
}

function short(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
}
