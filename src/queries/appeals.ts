// Read models of the appeals register (复议诉讼): the list in the actor's scope, one appeal, the
// appeals of one application (for its case page), the rows table 四 is counted from, and the
// installation's rule for cases that span years (app_setting `appeal_year_rule`).
import { and, asc, desc, eq, gte, isNull, like, lte, or, type SQL } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import {
  DEFAULT_APPEAL_YEAR_RULE,
  isAppealYearRule,
  type AppealKind,
  type AppealResult,
  type AppealYearRule,
  type ReportedAppeal,
} from '../domain/appeals/appeals.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { NotFound } from '../domain/errors.js';
import type { Executor } from '../db/client.js';
import { agency, appeal, application, appSetting, appUser } from '../db/schema.js';
import { authorize, can, scopePath } from '../policies/policy.js';

/** The app_setting key of the counting rule (docs/applications.md, "Appeals register"). */
export const APPEAL_YEAR_RULE_KEY = 'appeal_year_rule';

export interface AppealItem {
  id: number;
  version: number;
  agency: { id: number; name: string; path: string };
  kind: AppealKind;
  afterReconsideration: boolean;
  body: string;
  caseNumber: string | null;
  appellant: string;
  filedOn: IsoDate;
  result: AppealResult;
  decidedOn: IsoDate | null;
  note: string | null;
  /** The linked application, if any. */
  application: { id: number; trackingNumber: string } | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface AppealFilter {
  kind?: AppealKind;
  result?: AppealResult;
  /** Filed in this year. */
  year?: number;
  /** Appeals against exactly this agency. */
  agencyId?: number;
}

/** At most this many rows in the list (appeals are few: a handful an agency a year). */
export const APPEAL_LIST_LIMIT = 500;

const columns = {
  id: appeal.id,
  version: appeal.version,
  agencyId: appeal.agencyId,
  agencyName: agency.name,
  agencyPath: agency.path,
  kind: appeal.kind,
  afterReconsideration: appeal.afterReconsideration,
  body: appeal.body,
  caseNumber: appeal.caseNumber,
  appellant: appeal.appellant,
  filedOn: appeal.filedOn,
  result: appeal.result,
  decidedOn: appeal.decidedOn,
  note: appeal.note,
  applicationId: appeal.applicationId,
  trackingNumber: application.trackingNumber,
  createdBy: appUser.displayName,
  createdAt: appeal.createdAt,
  updatedAt: appeal.updatedAt,
};

interface Row {
  id: number;
  version: number;
  agencyId: number;
  agencyName: string;
  agencyPath: string;
  kind: string;
  afterReconsideration: boolean;
  body: string;
  caseNumber: string | null;
  appellant: string;
  filedOn: string;
  result: string;
  decidedOn: string | null;
  note: string | null;
  applicationId: number | null;
  trackingNumber: string | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

function toItem(r: Row): AppealItem {
  return {
    id: r.id,
    version: r.version,
    agency: { id: r.agencyId, name: r.agencyName, path: r.agencyPath },
    kind: r.kind as AppealKind,
    afterReconsideration: r.afterReconsideration,
    body: r.body,
    caseNumber: r.caseNumber,
    appellant: r.appellant,
    filedOn: r.filedOn,
    result: r.result as AppealResult,
    decidedOn: r.decidedOn,
    note: r.note,
    application:
      r.applicationId !== null && r.trackingNumber !== null
        ? { id: r.applicationId, trackingNumber: r.trackingNumber }
        : null,
    createdBy: r.createdBy,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  };
}

function select(db: Executor) {
  return db
    .select(columns)
    .from(appeal)
    .innerJoin(agency, eq(agency.id, appeal.agencyId))
    .leftJoin(application, eq(application.id, appeal.applicationId))
    .leftJoin(appUser, eq(appUser.id, appeal.createdBy));
}

function scopeCondition(actor: AnyActor): SQL | undefined {
  const scope = scopePath(actor);
  return scope === '/' ? undefined : like(agency.path, `${scope}%`);
}

/** The register in the actor's scope, newest filing first. */
export async function listAppeals(
  db: Executor,
  actor: AnyActor,
  filter: AppealFilter = {},
): Promise<AppealItem[]> {
  if (!can(actor, 'appeal.view')) return [];
  const conds: (SQL | undefined)[] = [scopeCondition(actor)];
  if (filter.kind) conds.push(eq(appeal.kind, filter.kind));
  if (filter.result) conds.push(eq(appeal.result, filter.result));
  if (filter.agencyId != null) conds.push(eq(appeal.agencyId, filter.agencyId));
  if (filter.year != null)
    conds.push(gte(appeal.filedOn, `${filter.year}-01-01`), lte(appeal.filedOn, `${filter.year}-12-31`));
  const rows = await select(db)
    .where(and(...conds))
    .orderBy(desc(appeal.filedOn), desc(appeal.id))
    .limit(APPEAL_LIST_LIMIT);
  return rows.map((r) => toItem(r));
}

/** One appeal; NotFound when it does not exist or lies outside the actor's scope. */
export async function appealDetail(db: Executor, actor: AnyActor, id: number): Promise<AppealItem> {
  const [row] = await select(db).where(eq(appeal.id, id));
  if (!row) throw new NotFound();
  authorize(actor, 'appeal.view', { agencyPath: row.agencyPath });
  return toItem(row);
}

/**
 * The appeals of one application, oldest first, for its case page (src/views/admin/appeals-section.tsx).
 * Empty when the actor may not see appeals or the application lies outside the actor's scope.
 */
export async function appealsOfApplication(
  db: Executor,
  actor: AnyActor,
  applicationId: number,
): Promise<AppealItem[]> {
  if (!can(actor, 'appeal.view')) return [];
  const rows = await select(db)
    .where(and(eq(appeal.applicationId, applicationId), scopeCondition(actor)))
    .orderBy(asc(appeal.filedOn), asc(appeal.id));
  return rows.map((r) => toItem(r));
}

/**
 * What table 四 of `year` is counted from: the appeals in the actor's scope (or against one agency)
 * filed by the end of the year and not decided before it began (every counting rule needs no more).
 */
export async function appealsForTable4(
  db: Executor,
  actor: AnyActor,
  year: number,
  agencyId?: number,
): Promise<ReportedAppeal[]> {
  if (!can(actor, 'appeal.view')) return [];
  const rows = await db
    .select({
      kind: appeal.kind,
      afterReconsideration: appeal.afterReconsideration,
      filedOn: appeal.filedOn,
      result: appeal.result,
      decidedOn: appeal.decidedOn,
    })
    .from(appeal)
    .innerJoin(agency, eq(agency.id, appeal.agencyId))
    .where(
      and(
        scopeCondition(actor),
        agencyId != null ? eq(appeal.agencyId, agencyId) : undefined,
        lte(appeal.filedOn, `${year}-12-31`),
        or(isNull(appeal.decidedOn), gte(appeal.decidedOn, `${year}-01-01`)),
      ),
    );
  return rows.map((r) => ({
    kind: r.kind as AppealKind,
    afterReconsideration: r.afterReconsideration,
    filedOn: r.filedOn,
    result: r.result as AppealResult,
    decidedOn: r.decidedOn,
  }));
}

/** The installation's counting rule for cases that span years (the default when never set). */
export async function appealYearRule(db: Executor): Promise<AppealYearRule> {
  const [row] = await db
    .select({ value: appSetting.value })
    .from(appSetting)
    .where(eq(appSetting.key, APPEAL_YEAR_RULE_KEY));
  return isAppealYearRule(row?.value) ? row.value : DEFAULT_APPEAL_YEAR_RULE;
}

/**
 * The application an appeal is registered from (its case page's 登记复议诉讼 link): its agency,
 * tracking number and applicant's name. NotFound when absent or outside the actor's scope.
 */
export async function applicationForAppeal(
  db: Executor,
  actor: AnyActor,
  applicationId: number,
): Promise<{ id: number; agencyId: number; trackingNumber: string; name: string }> {
  const [row] = await db
    .select({
      id: application.id,
      agencyId: application.agencyId,
      trackingNumber: application.trackingNumber,
      name: application.name,
      path: agency.path,
    })
    .from(application)
    .innerJoin(agency, eq(agency.id, application.agencyId))
    .where(eq(application.id, applicationId));
  if (!row) throw new NotFound();
  authorize(actor, 'appeal.view', { agencyPath: row.path });
  return { id: row.id, agencyId: row.agencyId, trackingNumber: row.trackingNumber, name: row.name };
}
