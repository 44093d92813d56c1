// The annual report computed from the database (issue 12; docs/annual-report.md): tables 三 and 四
// counted by SQL GROUP BY from the applications and the appeals register, table 二 from the
// document library and the entered figures, for one agency (本级, own) or its subtree (汇总,
// rollup). A member with a current imported published report is counted by that report. The
// violations are those of check() (A1–B5) plus, for a 汇总 report, C5 against its members.
import { checkRollup } from '../domain/reports/check-cross.js';
import { check, sortViolations } from '../domain/reports/check.js';
import { reportFormatForYear } from '../domain/applications/outcomes.js';
import { table3FromCounts, table4FromCounts } from '../domain/reports/annual/counts.js';
import { sumTable3, sumTable4 } from '../domain/reports/annual/rollup.js';
import {
  importedTable2,
  ownTable2,
  rollupTable2,
  type SourcedTable2,
  type Table2Source,
} from '../domain/reports/annual/table2-sources.js';
import type { AnnualReport, CellRef, ReportFormat, Table2, Table3, Table4 } from '../domain/reports/types.js';
import { sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { agency } from '../db/schema.js';
import type { InteractionTextFigures } from '../domain/reports/annual/text.js';
import { interactionFigures } from './interaction-figures.js';
import { appealYearRule } from './appeals.js';
import { appealCounts, applicationCounts, type AgencySet } from './annual-report-sql.js';
import {
  currentImports,
  enteredFigures,
  feesCollected,
  reportAgency,
  subtreeAgencies,
  type CurrentImport,
  type ReportAgency,
} from './annual-report-data.js';
import { libraryTable2 } from './annual-report-library.js';

export type ReportScope = 'own' | 'rollup';
export type { Table2Source };

/** A member of a 汇总 report: computed from Gongkai's data, imported, or with no data at all. */
export interface MemberSource {
  agencyId: number;
  code: string;
  name: string;
  source: 'computed' | 'imported' | 'none';
}

export interface ComputedReport extends AnnualReport {
  agencyId: number;
  agencyCode: string;
  scope: ReportScope;
  /** Per table-二 row key: where its figures came from. */
  table2Sources: Record<string, Table2Source>;
  /** 汇总: every agency of the subtree counted, in tree order; 本级: []. */
  members: MemberSource[];
  /** 本级 answered from an imported published report. */
  imported: boolean;
  /** 信息处理费 actually collected in the year (元), from the fee notices; null when unknown (imported). */
  feesCollected: number | null;
  /** 政民互动 figures of the year for the texts' placeholders; null when unknown (imported). */
  interaction: InteractionTextFigures | null;
}

export interface ComputeInput {
  /** The agency's id, or (a string) its code or `root`. */
  agencyId: number | string;
  year: number;
  scope: ReportScope;
}

interface MemberTables extends SourcedTable2 {
  agency: ReportAgency;
  source: MemberSource['source'];
  table3: Table3;
  table4: Table4;
}

/** The report of an agency and year, 本级 or 汇总. NotFound for an unknown agency. */
export async function computeAnnualReport(db: Executor, input: ComputeInput): Promise<ComputedReport> {
  const root = await reportAgency(db, input.agencyId);
  const { year, scope } = input;
  const format = reportFormatForYear(year);
  const agencies = scope === 'own' ? [root] : await subtreeAgencies(db, root);
  const { members, libraryRest } = await memberTables(db, root, agencies, scope, year, format);
  const counted = members.filter((m) => m.source !== 'imported').map((m) => m.agency.id);
  const importedOwn = scope === 'own' && members[0]!.source === 'imported';
  const fees = importedOwn ? null : await feesCollected(db, counted, year);
  const interaction = importedOwn
    ? null
    : await interactionTextFigures(
        db,
        scope === 'own' ? { agencyId: root.id } : { scopePath: root.path },
        year,
      );
  const base = { format, year, agency: root.name, agencyId: root.id, agencyCode: root.code, scope };
  if (scope === 'own') {
    const own = members[0]!;
    const imported = own.source === 'imported';
    const tables = { table2: own.table2, table3: own.table3, table4: own.table4 };
    const title = imported ? (await importOf(db, root.id, year))?.tables.title : undefined;
    return {
      ...base,
      ...(title ? { title } : {}),
      ...tables,
      violations: check({ format, ...tables }),
      table2Sources: own.sources,
      members: [],
      imported,
      feesCollected: fees,
      interaction,
    };
  }
  const atRollup =
    (await enteredFigures(db, { agencyId: root.id }, year, 'rollup', format)).get(root.id) ?? [];
  const t2 = rollupTable2(format, libraryRest ? [...members, libraryRest] : members, atRollup);
  const tables = {
    table2: t2.table2,
    table3: sumTable3(
      format,
      members.map((m) => m.table3),
    ),
    table4: sumTable4(members.map((m) => m.table4)),
  };
  return {
    ...base,
    ...tables,
    violations: sortViolations([
      ...check({ format, ...tables }),
      ...checkRollup(
        { format, ...tables },
        members.map((m) => ({ format, ...m })),
      ),
    ]),
    table2Sources: t2.sources,
    members: members.map((m) => ({
      agencyId: m.agency.id,
      code: m.agency.code,
      name: m.agency.name,
      source: m.source,
    })),
    imported: false,
    feesCollected: fees,
    interaction,
  };
}

async function importOf(db: Executor, agencyId: number, year: number): Promise<CurrentImport | undefined> {
  return (await currentImports(db, { agencyId }, year)).get(agencyId);
}

/** Every agency's 本级 tables: one GROUP BY per table over the whole set, then placed per agency. */
async function memberTables(
  db: Executor,
  root: ReportAgency,
  agencies: readonly ReportAgency[],
  scope: ReportScope,
  year: number,
  format: ReportFormat,
): Promise<{ members: MemberTables[]; libraryRest: SourcedTable2 | null }> {
  const set: AgencySet =
    scope === 'own'
      ? { agencyId: root.id }
      : { agencyIds: agencies.map((a) => a.id), everyAgency: agencies.length === (await agencyCount(db)) };
  const [imports, figures, apps, appeals] = await Promise.all([
    currentImports(db, set, year),
    enteredFigures(db, set, year, 'own', format),
    applicationCounts(db, set, year).then((rows) => byAgency(rows)),
    appealYearRule(db).then(async (rule) => byAgency(await appealCounts(db, set, year, rule))),
  ]);
  const library = await libraryTable2(db, {
    root,
    scope,
    computed: agencies.filter((a) => !imports.has(a.id)),
    imported: agencies.filter((a) => imports.has(a.id)),
    figures,
    year,
    format,
  });
  const members = agencies.map((a): MemberTables => {
    const imported = imports.get(a.id);
    if (imported) {
      const t = imported.tables;
      return {
        agency: a,
        source: 'imported',
        ...importedTable2(format, t.table2),
        table3: t.table3,
        table4: t.table4,
      };
    }
    const myApps = apps.get(a.id) ?? [];
    const myAppeals = appeals.get(a.id) ?? [];
    const myFigures = figures.get(a.id) ?? [];
    const hasData = myApps.length > 0 || myAppeals.length > 0 || myFigures.length > 0;
    return {
      agency: a,
      source: hasData ? 'computed' : 'none',
      ...ownTable2(format, library.perMember.get(a.id) ?? null, myFigures),
      table3: table3FromCounts(myApps, format),
      table4: table4FromCounts(myAppeals),
    };
  });
  return { members, libraryRest: library.rest ? ownTable2(format, library.rest, []) : null };
}

async function agencyCount(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(agency);
  return Number(row?.n ?? 0);
}

function byAgency<T extends { agencyId: number }>(rows: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(r.agencyId);
    if (list) list.push(r);
    else out.set(r.agencyId, [r]);
  }
  return out;
}

export type { CellRef, Table2 };
export { casesBehindCell, type CaseBehindCell, type CasesBehindCellInput } from './annual-report-cases.js';

/** The 政民互动 figures the texts may quote: those of the year that do not depend on today. */
async function interactionTextFigures(
  db: Executor,
  where: { agencyId: number } | { scopePath: string },
  year: number,
): Promise<InteractionTextFigures> {
  const f = await interactionFigures(db, { ...where, year, today: `${year}-12-31` });
  return {
    lettersReceived: f.letters.received,
    lettersReplied: f.letters.replied,
    letterReplyRate: f.letters.replyRate,
    consultations: f.consultations.opened,
    opinions: f.consultations.opinions,
    opinionsAdopted: f.consultations.adopted + f.consultations.partlyAdopted,
    interviews: f.interviews.held,
    qaPublished: f.qa.publishedInYear,
  };
}
