// The portal's 年报 column: an active agency's published annual reports — each year and scope with
// its versions (a correction is a later version; the earlier ones stay readable) — and one
// published version as frozen when it was submitted. Drafts and reports in review do not exist here.
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { agency, annualReport } from '../db/schema.js';
import type { FrozenReport } from './annual-report-admin.js';

export interface PublicAgency {
  id: number;
  code: string;
  name: string;
}

export async function publicAgency(db: Executor, code: string): Promise<PublicAgency | null> {
  const [a] = await db
    .select({ id: agency.id, code: agency.code, name: agency.name })
    .from(agency)
    .where(and(eq(agency.code, code), eq(agency.active, true)));
  return a ?? null;
}

export interface PublishedVersion {
  year: number;
  scope: 'own' | 'rollup';
  version: number;
  publishedAt: Date;
  correctionNote: string | null;
}

/** Every published version of the agency's reports: newest year first, then 汇总 before 本级, newest version first. */
export async function publishedVersions(db: Executor, agencyId: number): Promise<PublishedVersion[]> {
  const rows = await db
    .select({
      year: annualReport.year,
      scope: annualReport.scope,
      version: annualReport.version,
      publishedAt: annualReport.publishedAt,
      correctionNote: annualReport.correctionNote,
    })
    .from(annualReport)
    .where(and(eq(annualReport.agencyId, agencyId), eq(annualReport.state, 'published')))
    .orderBy(desc(annualReport.year), desc(annualReport.scope), desc(annualReport.version));
  return rows.map((r) => ({ ...r, scope: r.scope as 'own' | 'rollup', publishedAt: r.publishedAt! }));
}

export interface PublishedReport extends PublishedVersion {
  frozen: FrozenReport;
  /** The versions of the same year and scope, oldest first. */
  versions: PublishedVersion[];
  /** 本年新收 of this and the earlier published years of the same scope (the chart), oldest first. */
  history: { year: number; newReceived: number }[];
}

/** A published version (the newest when `version` is not given), or null. */
export async function publishedReport(
  db: Executor,
  agencyId: number,
  k: { year: number; scope: 'own' | 'rollup'; version?: number },
): Promise<PublishedReport | null> {
  const rows = await db
    .select()
    .from(annualReport)
    .where(
      and(
        eq(annualReport.agencyId, agencyId),
        eq(annualReport.scope, k.scope),
        eq(annualReport.state, 'published'),
      ),
    )
    .orderBy(asc(annualReport.year), asc(annualReport.version));
  const ofYear = rows.filter((r) => r.year === k.year);
  const row = k.version === undefined ? ofYear.at(-1) : ofYear.find((r) => r.version === k.version);
  if (!row?.frozen || !row.publishedAt) return null;
  const version = (r: typeof row): PublishedVersion => ({
    year: r.year,
    scope: r.scope as 'own' | 'rollup',
    version: r.version,
    publishedAt: r.publishedAt!,
    correctionNote: r.correctionNote,
  });
  // The newest published version of each year up to this one.
  const newestOfYear = new Map<number, FrozenReport>();
  for (const r of rows)
    if (r.year <= k.year && r.frozen) newestOfYear.set(r.year, r.frozen as unknown as FrozenReport);
  newestOfYear.set(k.year, row.frozen as unknown as FrozenReport);
  const history = [...newestOfYear.entries()]
    .map(([year, f]) => ({ year, newReceived: f.table3.rows['newReceived']?.[6] ?? null }))
    .filter((h): h is { year: number; newReceived: number } => typeof h.newReceived === 'number');
  return {
    ...version(row),
    frozen: row.frozen as unknown as FrozenReport,
    versions: ofYear.map(version),
    history,
  };
}
