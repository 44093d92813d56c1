// The nightly refresh of the cached case view (issue 9.6): the cache columns of an application
// (state, dueDate, outcome, concludedOn, viewComputedOn) are written at every step, but time alone
// changes a case — a correction period runs out (deemed abandoned, 第三十条), a consultation's 15
// working days end, a fee goes unpaid. This command, run daily by the `refresh-application-views`
// job and by `gongkai jobs run refresh-application-views`, recomputes every open application from its
// facts with caseView.
//
// It is not a user's change: the version is not bumped (an officer's form stays valid) and nothing is
// audited. Each row is written only where its version is still the one read, so a step recorded
// meanwhile — which wrote a fresher cache itself — is never overwritten.
import { and, asc, eq, gt, inArray } from 'drizzle-orm';
import { caseView, OPEN_STATES, type CaseEvent } from '../domain/applications/state.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { viewColumns } from '../db/repositories/applications.js';
import { agency, application, applicationEvent } from '../db/schema.js';
import { localDate } from '../lib/time.js';
import { loadWorkCalendar } from '../queries/calendar.js';
import type { Deps } from './context.js';
import { applicationRulesOf } from '../domain/applications/rules.js';
import { installationRules } from '../queries/application-rules.js';

export interface RefreshReport {
  /** Open applications recomputed. */
  checked: number;
  /** Of those, the ones whose state, due date or outcome changed. */
  changed: number;
  /** Skipped because a step changed them while this ran (they carry a fresher view already). */
  skipped: number;
  /** Applications whose facts could not be read into a view (left as they were). */
  errors: number;
}

const PAGE = 500;

export async function refreshApplicationViews(deps: Deps): Promise<RefreshReport> {
  const today = localDate(deps.now());
  const report: RefreshReport = { checked: 0, changed: 0, skipped: 0, errors: 0 };
  const calendars = new Map<string, Promise<WorkCalendar>>();
  const calendarOf = (path: string) => {
    let c = calendars.get(path);
    if (!c) calendars.set(path, (c = loadWorkCalendar(deps.db, path)));
    return c;
  };
  const rules = applicationRulesOf(await installationRules(deps.db));
  let after = 0;
  for (;;) {
    const apps = await deps.db
      .select({
        id: application.id,
        version: application.version,
        state: application.state,
        dueDate: application.dueDate,
        outcome: application.outcome,
        concludedOn: application.concludedOn,
        agencyPath: agency.path,
      })
      .from(application)
      .innerJoin(agency, eq(agency.id, application.agencyId))
      .where(and(inArray(application.state, [...OPEN_STATES]), gt(application.id, after)))
      .orderBy(asc(application.id))
      .limit(PAGE);
    if (apps.length === 0) break;
    after = apps[apps.length - 1]!.id;
    const events = await deps.db
      .select({ applicationId: applicationEvent.applicationId, data: applicationEvent.data })
      .from(applicationEvent)
      .where(
        inArray(
          applicationEvent.applicationId,
          apps.map((a) => a.id),
        ),
      )
      .orderBy(asc(applicationEvent.applicationId), asc(applicationEvent.seq));
    const facts = new Map<number, CaseEvent[]>();
    for (const e of events) {
      const list = facts.get(e.applicationId) ?? [];
      list.push(e.data as unknown as CaseEvent);
      facts.set(e.applicationId, list);
    }
    for (const a of apps) {
      report.checked++;
      let cols: ReturnType<typeof viewColumns>;
      try {
        cols = viewColumns(
          caseView(facts.get(a.id) ?? [], await calendarOf(a.agencyPath), today, rules),
          today,
        );
      } catch {
        report.errors++;
        continue;
      }
      const changed =
        cols.state !== a.state ||
        cols.dueDate !== a.dueDate ||
        cols.outcome !== a.outcome ||
        cols.concludedOn !== a.concludedOn;
      const [row] = await deps.db
        .update(application)
        .set(cols)
        .where(and(eq(application.id, a.id), eq(application.version, a.version)))
        .returning({ id: application.id });
      if (!row) report.skipped++;
      else if (changed) report.changed++;
    }
  }
  return report;
}
