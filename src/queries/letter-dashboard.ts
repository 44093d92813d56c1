// The dashboard's 信件办理 panel: the open letters of the actor's subtree past their due date (with
// their warning level, 黄牌 / 红牌) and those near or past three months without an answer — the
// national red line of the website inspection (国办秘函〔2019〕19号: a valid message left unanswered
// more than three months fails the whole website). The veto risk is a date comparison: PostgreSQL's
// `date + interval '3 months'` ends on the month's last day when the target month is shorter, like
// addMonths of the calendar domain.
import { and, asc, eq, like, lte, notInArray, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AnyActor } from '../domain/agencies/actor.js';
import { addDays, addMonths, type IsoDate } from '../domain/calendar/iso-date.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { countWorkdays, workdaysAfter } from '../domain/calendar/workdays.js';
import {
  VETO_MONTHS,
  VETO_NEAR_DAYS,
  type VetoRisk,
  type WarningLevel,
  type WarningRules,
} from '../domain/letters/kinds.js';
import type { Db } from '../db/client.js';
import { cachedWorkCalendar } from './calendar-cache.js';
import { agency, letter, mailbox } from '../db/schema.js';
import { authorizeAction, scopePath } from '../policies/policy.js';

const CLOSED = ['replied', 'archived'];

/** Calendar days ahead that hold every open letter which may be at a warning level today. */
export const WARNING_HORIZON_DAYS = 62;

/**
 * A letter is in a scope when the agency responsible for it is (`responsiblePath`), or the agency of
 * its mailbox is — the office that triaged it keeps seeing the letters it assigned away
 * (src/commands/letters/step.ts). Needs `mailbox` joined.
 */
export function letterInScope(scope: string, responsiblePath: SQL | AnyColumn): SQL {
  return or(
    like(responsiblePath as AnyColumn, `${scope}%`),
    sql`exists (select 1 from ${agency} mb where mb.id = ${mailbox.agencyId} and mb.path like ${`${scope}%`})`,
  )!;
}

/**
 * The warning level of an open letter due on `dueDate`, on `today` — the rule of letterView
 * (src/domain/letters/view.ts) applied to the stored due date, so that a list shows today's level
 * even before the daily refresh has rewritten the cached column.
 */
export function warningLevelOn(
  dueDate: IsoDate | null,
  rules: WarningRules,
  calendar: WorkCalendar,
  today: IsoDate,
): WarningLevel | null {
  if (!dueDate) return null;
  if (today <= dueDate)
    return countWorkdays(calendar, addDays(today, 1), dueDate) <= rules.warnDaysBefore ? 'warn' : null;
  if (today > workdaysAfter(calendar, dueDate, rules.redDaysAfter)) return 'red';
  if (today > workdaysAfter(calendar, dueDate, rules.yellowDaysAfter)) return 'yellow';
  return 'warn';
}

/** Today's warning levels of open letters, each on its responsible agency's calendar. */
export async function liveWarningLevels(
  db: Db,
  rows: readonly ({ dueDate: IsoDate | null; open: boolean; calendarPath: string } & WarningRules)[],
  today: IsoDate,
): Promise<(WarningLevel | null)[]> {
  const calendars = new Map<string, WorkCalendar>();
  const out: (WarningLevel | null)[] = [];
  for (const r of rows) {
    if (!r.open || !r.dueDate) {
      out.push(null);
      continue;
    }
    let cal = calendars.get(r.calendarPath);
    if (!cal) calendars.set(r.calendarPath, (cal = await cachedWorkCalendar(db, r.calendarPath)));
    out.push(warningLevelOn(r.dueDate, r, cal, today));
  }
  return out;
}

/** The veto risk of a letter received on `receivedOn`, not yet answered and not invalid, on `today`. */
export function vetoRiskOn(receivedOn: IsoDate, today: IsoDate): VetoRisk {
  const line = addMonths(receivedOn, VETO_MONTHS);
  if (line < today) return 'past';
  return addDays(line, -VETO_NEAR_DAYS) <= today ? 'near' : 'none';
}

export interface DashboardLetter {
  id: number;
  trackingNumber: string;
  title: string;
  mailboxName: string;
  handlingAgencyName: string;
  receivedOn: IsoDate;
  dueDate: IsoDate | null;
  warningLevel: 'warn' | 'yellow' | 'red' | null;
  supervised: boolean;
  vetoRisk: VetoRisk;
  /** The day three months after receipt (the red line). */
  vetoOn: IsoDate;
}

export interface LetterDashboard {
  /** Open letters past their due date, earliest due first (at most `limit`). */
  overdue: DashboardLetter[];
  overdueCount: number;
  /** Open letters at each warning level today (预警 also counts those just past due before 黄牌). */
  levels: { warn: number; yellow: number; red: number };
  /** Valid letters without an answer near or past three months, oldest first (at most `limit`). */
  veto: DashboardLetter[];
  vetoCounts: { near: number; past: number };
}

export async function letterDashboard(
  db: Db,
  actor: AnyActor,
  today: IsoDate,
  limit = 10,
): Promise<LetterDashboard> {
  authorizeAction(actor, 'letter.view');
  const responsible = alias(agency, 'responsible');
  const handling = alias(agency, 'handling');
  const scope = scopePath(actor);
  const inScope: SQL | undefined = scope === '/' ? undefined : letterInScope(scope, responsible.path);
  const open = notInArray(letter.state, CLOSED);
  const vetoLine = sql`(${letter.receivedOn} + interval '${sql.raw(String(VETO_MONTHS))} months')::date`;
  const unanswered = and(sql`${letter.repliedOn} is null`, sql`${letter.triage} <> 'invalid'`);
  const nearOrPast = sql`${vetoLine} - ${VETO_NEAR_DAYS}::int <= ${today}::date`;
  const pastLine = sql`${vetoLine} < ${today}::date`;

  const select = {
    id: letter.id,
    trackingNumber: letter.trackingNumber,
    title: letter.title,
    mailboxName: mailbox.name,
    responsibleName: responsible.name,
    responsiblePath: responsible.path,
    handlingName: handling.name,
    warnDaysBefore: mailbox.warnDaysBefore,
    yellowDaysAfter: mailbox.yellowDaysAfter,
    redDaysAfter: mailbox.redDaysAfter,
    state: letter.state,
    receivedOn: letter.receivedOn,
    dueDate: letter.dueDate,
    warningLevel: letter.warningLevel,
    supervised: letter.supervised,
    repliedOn: letter.repliedOn,
    triage: letter.triage,
  };
  const base = () =>
    db
      .select(select)
      .from(letter)
      .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
      .innerJoin(responsible, eq(responsible.id, letter.agencyId))
      .leftJoin(handling, eq(handling.id, letter.handlingAgencyId));
  type Row = Awaited<ReturnType<typeof base>>[number];
  const withLevels = async (rows: Row[]) => {
    const levels = await liveWarningLevels(
      db,
      rows.map((r) => ({ ...r, open: !CLOSED.includes(r.state), calendarPath: r.responsiblePath })),
      today,
    );
    return rows.map((r, i) => ({ ...toItem(r), warningLevel: levels[i] ?? null }));
  };
  const toItem = (r: Row): DashboardLetter => ({
    id: r.id,
    trackingNumber: r.trackingNumber,
    title: r.title,
    mailboxName: r.mailboxName,
    handlingAgencyName: r.handlingName ?? r.responsibleName,
    receivedOn: r.receivedOn,
    dueDate: r.dueDate,
    warningLevel: r.warningLevel as DashboardLetter['warningLevel'],
    supervised: r.supervised,
    vetoRisk: r.repliedOn === null && r.triage !== 'invalid' ? vetoRiskOn(r.receivedOn, today) : 'none',
    vetoOn: addMonths(r.receivedOn, VETO_MONTHS),
  });

  // Today's levels (not the cached column the daily refresh rewrites): the candidates are the open
  // letters due soon enough to be at a level (预警 starts at most 30 working days before).
  const candidates = await withLevels(
    await base()
      .where(
        and(
          inScope,
          open,
          sql`${letter.dueDate} is not null`,
          lte(letter.dueDate, addDays(today, WARNING_HORIZON_DAYS)),
        ),
      )
      .orderBy(asc(letter.dueDate), asc(letter.id)),
  );
  const overdue = candidates.filter((c) => c.dueDate !== null && c.dueDate < today);
  const level = (l: WarningLevel) => candidates.filter((c) => c.warningLevel === l).length;
  const vetoCond = and(inScope, unanswered, nearOrPast);
  const veto = await base().where(vetoCond).orderBy(asc(letter.receivedOn), asc(letter.id)).limit(limit);
  const [counts] = await db
    .select({
      near: sql<number>`count(*) filter (where ${nearOrPast} and not (${pastLine}))::int`,
      past: sql<number>`count(*) filter (where ${pastLine})::int`,
    })
    .from(letter)
    .innerJoin(responsible, eq(responsible.id, letter.agencyId))
    .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
    .where(and(inScope, unanswered));
  return {
    overdue: overdue.slice(0, limit),
    overdueCount: overdue.length,
    levels: { warn: level('warn'), yellow: level('yellow'), red: level('red') },
    veto: await withLevels(veto),
    vetoCounts: { near: Number(counts?.near ?? 0), past: Number(counts?.past ?? 0) },
  };
}
