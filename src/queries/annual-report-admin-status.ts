// Which agencies of a subtree have submitted their annual report of a year, against the deadlines:
// 条例 第四十九条 by default (a department's report by 31 January; the report of a government of a
// county and above by 31 March), or a jurisdiction's own (report_deadline: set on an agency for
// its subtree, per agency kind or for every kind).
import { and, eq, inArray, like } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { AGENCY_KIND_LABELS, isAgencyKind } from '../domain/agencies/agency.js';
import type { Executor } from '../db/client.js';
import { agency, annualReport, reportDeadline } from '../db/schema.js';
import { scopePath } from '../policies/policy.js';
import { listAgencies, toTree, type AgencyNode } from './agencies.js';
import type { ReportState } from '../domain/reports/annual/text-workflow.js';

export interface Deadline {
  month: number;
  day: number;
  /** Where it comes from, for people: the article, or the jurisdiction that set it. */
  basis: string;
}

/** Kinds whose report is a government's (第四十九条第二款): due 31 March. */
const GOVERNMENT_KINDS = new Set(['government', 'district']);

export function statutoryDeadline(kind: string): Deadline {
  return GOVERNMENT_KINDS.has(kind)
    ? { month: 3, day: 31, basis: '条例第四十九条：县级以上地方人民政府的年度报告于每年3月31日前公布' }
    : { month: 1, day: 31, basis: '条例第四十九条：行政机关的年度报告于每年1月31日前提交并公布' };
}

export const DEADLINE_LEVELS = ['default', ...Object.keys(AGENCY_KIND_LABELS)] as const;

export function deadlineLevelName(level: string): string {
  return level === 'default' ? '所有机关' : isAgencyKind(level) ? AGENCY_KIND_LABELS[level] : level;
}

export interface DeadlineRow {
  id: number;
  agencyId: number;
  agencyName: string;
  agencyPath: string;
  level: string;
  month: number;
  day: number;
  note: string | null;
}

/** The deadlines set on the agencies of a path (ancestors of a subtree included when asked). */
export async function deadlineRows(db: Executor, agencyIds?: number[]): Promise<DeadlineRow[]> {
  return db
    .select({
      id: reportDeadline.id,
      agencyId: reportDeadline.agencyId,
      agencyName: agency.name,
      agencyPath: agency.path,
      level: reportDeadline.level,
      month: reportDeadline.dueMonth,
      day: reportDeadline.dueDay,
      note: reportDeadline.note,
    })
    .from(reportDeadline)
    .innerJoin(agency, eq(agency.id, reportDeadline.agencyId))
    .where(agencyIds ? inArray(reportDeadline.agencyId, agencyIds.length ? agencyIds : [-1]) : undefined)
    .orderBy(agency.path, reportDeadline.level);
}

/** The deadline of an agency: the nearest jurisdiction's own (its kind, then every kind), else the law's. */
export function deadlineOf(a: { path: string; kind: string }, rows: readonly DeadlineRow[]): Deadline {
  const chain = a.path.split('/').filter(Boolean).map(Number).reverse();
  for (const id of chain) {
    const own = rows.filter((r) => r.agencyId === id);
    const hit = own.find((r) => r.level === a.kind) ?? own.find((r) => r.level === 'default');
    if (hit)
      return {
        month: hit.month,
        day: hit.day,
        basis: `${hit.agencyName}规定${hit.note ? `（${hit.note}）` : ''}`,
      };
  }
  return statutoryDeadline(a.kind);
}

/** YYYY-MM-DD: the report of `year` is due in the following year. */
export function dueDate(year: number, d: Deadline): string {
  return `${year + 1}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export interface StatusCell {
  state: ReportState | null;
  version: number | null;
  submittedAt: Date | null;
}

export interface StatusRow {
  agency: Pick<AgencyNode, 'id' | 'name' | 'kind' | 'depth' | 'path'>;
  hasMembers: boolean;
  due: string;
  basis: string;
  own: StatusCell;
  rollup: StatusCell | null;
}

const SUBMITTED: readonly string[] = ['submitted', 'approved', 'published'];

export function isSubmitted(cell: StatusCell): boolean {
  return cell.state !== null && SUBMITTED.includes(cell.state);
}

/** Every agency of the actor's subtree with the state of its reports of the year and their deadline. */
export async function reportStatus(db: Executor, actor: AnyActor, year: number): Promise<StatusRow[]> {
  const root = scopePath(actor);
  const agencies = await listAgencies(db as never, { rootPath: root, activeOnly: true });
  const ancestorIds = new Set<number>();
  for (const a of agencies) for (const id of a.path.split('/').filter(Boolean)) ancestorIds.add(Number(id));
  const rules = await deadlineRows(db, [...ancestorIds]);
  const reports = await db
    .select({
      agencyId: annualReport.agencyId,
      scope: annualReport.scope,
      version: annualReport.version,
      state: annualReport.state,
      submittedAt: annualReport.submittedAt,
    })
    .from(annualReport)
    .innerJoin(agency, eq(agency.id, annualReport.agencyId))
    .where(and(eq(annualReport.year, year), root === '/' ? undefined : like(agency.path, `${root}%`)));
  const newest = new Map<string, StatusCell>();
  for (const r of reports) {
    const key = `${r.agencyId}|${r.scope}`;
    const seen = newest.get(key);
    if (!seen || (seen.version ?? 0) < r.version)
      newest.set(key, { state: r.state as ReportState, version: r.version, submittedAt: r.submittedAt });
  }
  const none: StatusCell = { state: null, version: null, submittedAt: null };
  const out: StatusRow[] = [];
  const walk = (n: AgencyNode) => {
    const d = deadlineOf(n, rules);
    out.push({
      agency: { id: n.id, name: n.name, kind: n.kind, depth: n.depth, path: n.path },
      hasMembers: n.children.length > 0,
      due: dueDate(year, d),
      basis: d.basis,
      own: newest.get(`${n.id}|own`) ?? none,
      rollup: n.children.length > 0 ? (newest.get(`${n.id}|rollup`) ?? none) : null,
    });
    n.children.forEach(walk);
  };
  toTree(agencies).forEach(walk);
  return out;
}
