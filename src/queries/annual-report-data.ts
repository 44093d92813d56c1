// What an annual report is computed from besides the case counts (issue 12): the agencies counted,
// the imported published reports that stand in for members, the entered table-二 figures and the
// 信息处理费 collected from fee notices.
import { and, asc, between, eq, inArray, isNull, like, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { EnteredFigure } from '../domain/reports/annual/table2-sources.js';
import { table2Column } from '../domain/reports/annual/figures.js';
import { NotFound } from '../domain/errors.js';
import type { AnnualReport, ReportFormat, Violation } from '../domain/reports/types.js';
import type { Executor } from '../db/client.js';
import { agency, application, applicationEvent, reportFigure, reportImport } from '../db/schema.js';
import { inSet, type AgencySet } from './annual-report-sql.js';

export interface ReportAgency {
  id: number;
  code: string;
  name: string;
  path: string;
  kind: string;
}

const agencyColumns = {
  id: agency.id,
  code: agency.code,
  name: agency.name,
  path: agency.path,
  kind: agency.kind,
};

/**
 * An agency by id (a number), by code, or `root` (the top of the tree: no parent, first in order);
 * a string of digits that is no code is taken as an id. NotFound when there is none.
 */
export async function reportAgency(db: Executor, ref: number | string): Promise<ReportAgency> {
  const find = async (where: SQL) =>
    (
      await db
        .select(agencyColumns)
        .from(agency)
        .where(where)
        .orderBy(asc(agency.sortOrder), asc(agency.id))
        .limit(1)
    )[0];
  const row =
    typeof ref === 'number'
      ? await find(eq(agency.id, ref))
      : ref === 'root'
        ? await find(isNull(agency.parentId))
        : ((await find(eq(agency.code, ref))) ??
          (/^[0-9]+$/.test(ref) ? await find(eq(agency.id, Number(ref))) : undefined));
  if (!row) throw new NotFound();
  return row;
}

/** The agency and every agency below it, in tree order. */
export async function subtreeAgencies(db: Executor, root: ReportAgency): Promise<ReportAgency[]> {
  return db
    .select(agencyColumns)
    .from(agency)
    .where(like(agency.path, `${root.path}%`))
    .orderBy(asc(agency.path));
}

/** The tables of an imported report as stored (the canonical JSON without violations). */
export type ImportedTables = Pick<
  AnnualReport,
  'format' | 'year' | 'agency' | 'title' | 'table2' | 'table3' | 'table4'
>;

export interface CurrentImport {
  id: number;
  agencyId: number;
  fileName: string;
  tables: ImportedTables;
  violations: Violation[];
  violationsAccepted: boolean;
  importedAt: Date;
}

/** The current imported report of each agency of the set for the year. */
export async function currentImports(
  db: Executor,
  set: AgencySet,
  year: number,
): Promise<Map<number, CurrentImport>> {
  const rows = await db
    .select({
      id: reportImport.id,
      agencyId: reportImport.agencyId,
      fileName: reportImport.fileName,
      tables: reportImport.tables,
      violations: reportImport.violations,
      violationsAccepted: reportImport.violationsAccepted,
      importedAt: reportImport.importedAt,
    })
    .from(reportImport)
    .where(
      and(inSet(reportImport.agencyId, set), eq(reportImport.year, year), eq(reportImport.current, true)),
    );
  return new Map(
    rows.map((r) => [
      r.agencyId,
      { ...r, tables: r.tables as unknown as ImportedTables, violations: r.violations as Violation[] },
    ]),
  );
}

/** The entered table-二 figures of the set's agencies for the year and scope, per agency. */
export async function enteredFigures(
  db: Executor,
  set: AgencySet,
  year: number,
  scope: 'own' | 'rollup',
  format: ReportFormat,
): Promise<Map<number, EnteredFigure[]>> {
  const rows = await db
    .select({
      agencyId: reportFigure.agencyId,
      rowKey: reportFigure.rowKey,
      columnKey: reportFigure.columnKey,
      valueNumber: reportFigure.valueNumber,
      valueText: reportFigure.valueText,
      source: reportFigure.source,
    })
    .from(reportFigure)
    .where(
      and(
        inSet(reportFigure.agencyId, set),
        eq(reportFigure.year, year),
        eq(reportFigure.scope, scope),
        eq(reportFigure.tableId, 'table2'),
      ),
    );
  const out = new Map<number, EnteredFigure[]>();
  for (const r of rows) {
    // A cell of the other format is ignored (the year decides the format, hence the cells).
    if (!table2Column(format, r.rowKey, r.columnKey)) continue;
    const value = r.valueNumber !== null ? Number(r.valueNumber) : r.valueText;
    const list = out.get(r.agencyId) ?? [];
    list.push({
      rowKey: r.rowKey,
      columnKey: r.columnKey,
      value,
      source: r.source === 'file' ? 'file' : 'entered',
    });
    out.set(r.agencyId, list);
  }
  return out;
}

/**
 * 信息处理费 actually collected in the year (元): the amounts of the fee notices of applications of
 * the agencies whose payment (feePaid) is dated in the year.
 */
export async function feesCollected(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
): Promise<number> {
  if (agencyIds.length === 0) return 0;
  const notified = alias(applicationEvent, 'notified');
  const [row] = await db
    .select({ total: sql<string | null>`sum((${notified.data}->>'amount')::numeric)` })
    .from(applicationEvent)
    .innerJoin(application, eq(application.id, applicationEvent.applicationId))
    .innerJoin(
      notified,
      and(eq(notified.applicationId, applicationEvent.applicationId), eq(notified.type, 'feeNotified')),
    )
    .where(
      and(
        // The partial index application_event_fee_paid_idx.
        sql`${applicationEvent.type} = 'feePaid'`,
        between(applicationEvent.on, `${year}-01-01`, `${year}-12-31`),
        inArray(application.agencyId, [...agencyIds]),
      ),
    );
  return Number(row?.total ?? 0);
}
