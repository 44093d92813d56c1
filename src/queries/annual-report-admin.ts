// The back office's read model of an annual report (docs/annual-report.md): the agency it belongs to
// (in the actor's scope, else 404), its versions through the workflow, and what the page shows —
// the frozen tables of a submitted or published version, or the tables computed now for a draft —
// with the texts and every finding of the rules (A1–B5, C1–C3 against last year's published
// report, C5 against the members, C4 on the texts).
import { and, asc, desc, eq } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { NotFound } from '../domain/errors.js';
import { checkAgainstPrevious } from '../domain/reports/check-cross.js';
import { textViolations } from '../domain/reports/annual/text-check.js';
import { findingsOf, type Finding } from '../domain/reports/annual/text-findings.js';
import { textsOf, type InteractionTextFigures, type ReportTexts } from '../domain/reports/annual/text.js';
import { EDITABLE_STATES } from '../domain/reports/annual/text-workflow.js';
import type { ReportFormat, Table2, Table3, Table4 } from '../domain/reports/types.js';
import type { Executor } from '../db/client.js';
import { agency, annualReport, appUser, reportFigure } from '../db/schema.js';
import { inScope } from '../policies/policy.js';
import {
  computeAnnualReport,
  type ComputedReport,
  type MemberSource,
  type ReportScope,
} from './annual-report.js';

export type { ReportState } from '../domain/reports/annual/text-workflow.js';
export const REPORT_SCOPES: readonly ReportScope[] = ['own', 'rollup'];

/** What a submitted or published version keeps, so that later data changes do not alter it. */
export interface FrozenReport {
  format: ReportFormat;
  agencyName: string;
  table2: Table2;
  table3: Table3;
  table4: Table4;
  texts: ReportTexts;
  feesCollected: number | null;
  /** 政民互动 figures quoted by the texts (absent in reports frozen before they were counted). */
  interaction?: InteractionTextFigures | null;
  members: MemberSource[];
  table2Sources: ComputedReport['table2Sources'];
  imported: boolean;
  findings: Finding[];
  /** ISO instant the tables were frozen. */
  at: string;
}

export interface ReportAgency {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
  parentId: number | null;
}

export async function reportAgency(db: Executor, actor: AnyActor, agencyId: number): Promise<ReportAgency> {
  const [a] = await db
    .select({
      id: agency.id,
      code: agency.code,
      name: agency.name,
      kind: agency.kind,
      path: agency.path,
      parentId: agency.parentId,
    })
    .from(agency)
    .where(eq(agency.id, agencyId));
  if (!a || !inScope(actor, { agencyPath: a.path })) throw new NotFound('没有找到该机关的年度报告');
  return a;
}

export type ReportRow = typeof annualReport.$inferSelect;

/** The rows of one report (or its figures): an agency, a year and a scope. */
export function reportIs(
  k: { agencyId: number; year: number; scope: ReportScope },
  t: typeof annualReport | typeof reportFigure = annualReport,
) {
  return and(eq(t.agencyId, k.agencyId), eq(t.year, k.year), eq(t.scope, k.scope));
}

export interface ReportVersion extends ReportRow {
  submittedByName: string | null;
  decidedByName: string | null;
  publishedByName: string | null;
}

/** Every version of an agency's report for a year and scope, oldest first. */
export async function reportVersions(
  db: Executor,
  k: { agencyId: number; year: number; scope: ReportScope },
): Promise<ReportVersion[]> {
  const rows = await db.select().from(annualReport).where(reportIs(k)).orderBy(asc(annualReport.version));
  const ids = [
    ...new Set(rows.flatMap((r) => [r.submittedBy, r.decidedBy, r.publishedBy]).filter((x) => x !== null)),
  ];
  const names = new Map<number, string>();
  for (const id of ids) {
    const [u] = await db.select({ name: appUser.displayName }).from(appUser).where(eq(appUser.id, id));
    if (u) names.set(id, u.name);
  }
  const name = (id: number | null) => (id === null ? null : (names.get(id) ?? null));
  return rows.map((r) => ({
    ...r,
    submittedByName: name(r.submittedBy),
    decidedByName: name(r.decidedBy),
    publishedByName: name(r.publishedBy),
  }));
}

/** The frozen tables of the newest published version of a year, or null. */
export async function publishedFrozen(
  db: Executor,
  k: { agencyId: number; year: number; scope: ReportScope },
): Promise<FrozenReport | null> {
  const [row] = await db
    .select({ frozen: annualReport.frozen })
    .from(annualReport)
    .where(and(reportIs(k), eq(annualReport.state, 'published')))
    .orderBy(desc(annualReport.version))
    .limit(1);
  return (row?.frozen as FrozenReport | null | undefined) ?? null;
}

export interface Assessment {
  computed: ComputedReport;
  findings: Finding[];
}

/**
 * Computes the report now and runs every rule on it and on the texts: the tables' own rules and
 * C5 (computeAnnualReport), C1–C3 against last year's published report when there is one, C4 on
 * the figures typed in the texts.
 */
export async function assessReport(
  db: Executor,
  k: { agencyId: number; year: number; scope: ReportScope; texts: ReportTexts },
): Promise<Assessment> {
  const computed = await computeAnnualReport(db, {
    agencyId: k.agencyId,
    year: k.year,
    scope: k.scope,
  });
  const previous = await publishedFrozen(db, { ...k, year: k.year - 1 });
  const fromPrevious =
    previous && previous.format === computed.format ? checkAgainstPrevious(computed, previous) : [];
  const fromTexts = textViolations(k.texts, { ...computed, feesCollected: computed.feesCollected });
  return {
    computed,
    findings: findingsOf(computed.format, [...computed.violations, ...fromPrevious, ...fromTexts]),
  };
}

/** The frozen form of an assessment (at submission). */
export function freeze(a: Assessment, texts: ReportTexts, agencyName: string, at: Date): FrozenReport {
  const c = a.computed;
  return {
    format: c.format,
    agencyName,
    table2: c.table2,
    table3: c.table3,
    table4: c.table4,
    texts,
    feesCollected: c.feesCollected,
    interaction: c.interaction,
    members: c.members,
    table2Sources: c.table2Sources,
    imported: c.imported,
    findings: a.findings,
    at: at.toISOString(),
  };
}

export interface ReportWorkspace {
  agency: ReportAgency;
  year: number;
  scope: ReportScope;
  versions: ReportVersion[];
  /** The newest version, or null before anything was saved. */
  current: ReportVersion | null;
  /** What the page shows: frozen for a submitted, approved or published version; else computed now. */
  report: FrozenReport;
  /** True when `report` was computed now (a draft, a returned report, or nothing saved yet). */
  live: boolean;
  /** The supervising office (the parent agency), or null for a root. */
  supervisor: { id: number; name: string } | null;
}

export async function reportWorkspace(
  db: Executor,
  actor: AnyActor,
  k: { agencyId: number; year: number; scope: ReportScope },
  now: Date,
): Promise<ReportWorkspace> {
  const a = await reportAgency(db, actor, k.agencyId);
  const versions = await reportVersions(db, k);
  const current = versions.at(-1) ?? null;
  const live = !current || (EDITABLE_STATES as readonly string[]).includes(current.state);
  let report: FrozenReport;
  if (live) {
    const texts = textsOf(current?.sections);
    report = freeze(await assessReport(db, { ...k, texts }), texts, a.name, now);
  } else report = current.frozen as unknown as FrozenReport;
  const [parent] =
    a.parentId === null
      ? []
      : await db.select({ id: agency.id, name: agency.name }).from(agency).where(eq(agency.id, a.parentId));
  return { agency: a, ...k, versions, current, report, live, supervisor: parent ?? null };
}

/** The table-二 figures entered for an agency, year and scope, as form values keyed `row.column`. */
export async function enteredFigureValues(
  db: Executor,
  k: { agencyId: number; year: number; scope: ReportScope },
): Promise<{ values: Record<string, string>; sourceNote: string }> {
  const rows = await db
    .select({
      row: reportFigure.rowKey,
      column: reportFigure.columnKey,
      n: reportFigure.valueNumber,
      t: reportFigure.valueText,
      note: reportFigure.sourceNote,
    })
    .from(reportFigure)
    .where(and(reportIs(k, reportFigure), eq(reportFigure.tableId, 'table2')));
  const values: Record<string, string> = {};
  for (const r of rows) values[`${r.row}.${r.column}`] = r.t ?? (r.n === null ? '' : String(Number(r.n)));
  return { values, sourceNote: rows.find((r) => r.note)?.note ?? '' };
}
