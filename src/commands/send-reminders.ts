// Reminders to the office (issue 9.6), written by the `application-reminders` job: for every open
// application due within DUE_SOON_WORKDAYS working days (the inbox's 「3个工作日内到期」) and for every
// overdue one, a message to the officer it is assigned to — or, when it is unassigned (or its officer
// is disabled), to the officers and office heads of its agency.
//
// Written once: the dedupe key names the kind, the application, its due date and the user, and the
// outbox's unique index turns a second insert into nothing (ON CONFLICT DO NOTHING) — however often
// the job runs and however many instances run it at once. A new due date (an extension, a correction
// that restarted the clock) is a new reminder.
//
// Staff have no e-mail address in the system: their reminders are 'held' messages, shown on the back
// office's 消息 page with a count in its navigation.
import { and, eq, inArray, isNotNull, isNull, lte } from 'drizzle-orm';
import { CASE_STATE_LABELS, OPEN_STATES, type CaseState } from '../domain/applications/state.js';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import { countWorkdays, workdaysAfter } from '../domain/calendar/workdays.js';
import { enqueueMessage } from '../db/repositories/outbox.js';
import { agency, application, appUser } from '../db/schema.js';
import { localDate } from '../lib/time.js';
import { DUE_SOON_WORKDAYS } from '../queries/application-inbox.js';
import { loadWorkCalendar } from '../queries/calendar.js';
import type { Deps } from './context.js';

/** Roles that handle applications (policy application.handle) and so are reminded. */
const HANDLER_ROLES = ['officer', 'office_head'];
/**
 * Calendar days that surely cover DUE_SOON_WORKDAYS working days, even over the Spring Festival:
 * a cheap first filter in SQL before the agency's own calendar decides.
 */
const WINDOW_DAYS = 31;

export type ReminderKind = 'dueSoon' | 'overdue';

export interface ReminderReport {
  /** Messages written this run (a reminder written before is not counted again). */
  written: number;
  /** Applications due soon or overdue today. */
  applications: number;
}

export async function sendReminders(deps: Deps): Promise<ReminderReport> {
  const today = localDate(deps.now());
  const rows = await deps.db
    .select({
      id: application.id,
      trackingNumber: application.trackingNumber,
      name: application.name,
      description: application.description,
      state: application.state,
      dueDate: application.dueDate,
      assignedTo: application.assignedTo,
      agencyId: application.agencyId,
      agencyName: agency.name,
      agencyPath: agency.path,
    })
    .from(application)
    .innerJoin(agency, eq(agency.id, application.agencyId))
    .where(
      and(
        inArray(application.state, [...OPEN_STATES]),
        isNotNull(application.dueDate),
        lte(application.dueDate, addDays(today, WINDOW_DAYS)),
      ),
    );
  const calendars = new Map<string, Promise<WorkCalendar>>();
  const calendarOf = (path: string) => {
    let c = calendars.get(path);
    if (!c) calendars.set(path, (c = loadWorkCalendar(deps.db, path)));
    return c;
  };
  const due: ((typeof rows)[number] & { kind: ReminderKind; dueDate: IsoDate; left: number })[] = [];
  for (const r of rows) {
    const cal = await calendarOf(r.agencyPath);
    const dueDate = r.dueDate!;
    if (dueDate < today) due.push({ ...r, dueDate, kind: 'overdue', left: 0 });
    else if (dueDate <= workdaysAfter(cal, today, DUE_SOON_WORKDAYS))
      due.push({ ...r, dueDate, kind: 'dueSoon', left: countWorkdays(cal, addDays(today, 1), dueDate) });
  }
  if (due.length === 0) return { written: 0, applications: 0 };

  // Who is reminded: the assigned officer while active, else the agency's officers and heads.
  const assignedIds = [...new Set(due.map((d) => d.assignedTo).filter((id): id is number => id != null))];
  const active =
    assignedIds.length > 0
      ? new Set(
          (
            await deps.db
              .select({ id: appUser.id })
              .from(appUser)
              .where(and(inArray(appUser.id, assignedIds), isNull(appUser.disabledAt)))
          ).map((u) => u.id),
        )
      : new Set<number>();
  const needAgency = [
    ...new Set(due.filter((d) => d.assignedTo == null || !active.has(d.assignedTo)).map((d) => d.agencyId)),
  ];
  const handlers = new Map<number, number[]>();
  if (needAgency.length > 0)
    for (const u of await deps.db
      .select({ id: appUser.id, agencyId: appUser.agencyId })
      .from(appUser)
      .where(
        and(
          inArray(appUser.agencyId, needAgency),
          inArray(appUser.role, HANDLER_ROLES),
          isNull(appUser.disabledAt),
        ),
      )
      .orderBy(appUser.id))
      handlers.set(u.agencyId, [...(handlers.get(u.agencyId) ?? []), u.id]);

  let written = 0;
  for (const d of due) {
    const to =
      d.assignedTo != null && active.has(d.assignedTo) ? [d.assignedTo] : (handlers.get(d.agencyId) ?? []);
    if (to.length === 0) continue;
    const text = reminderText({ ...d, today });
    written += await deps.db.transaction(async (tx) => {
      let n = 0;
      for (const userId of to)
        if (
          await enqueueMessage(tx, {
            topic: `reminder.${d.kind}`,
            userId,
            agencyId: d.agencyId,
            applicationId: d.id,
            subject: text.subject,
            body: text.body,
            dedupeKey: `reminder:${d.kind}:${d.id}:${d.dueDate}:${userId}`,
          })
        )
          n++;
      return n;
    });
  }
  return { written, applications: due.length };
}

function reminderText(d: {
  kind: ReminderKind;
  trackingNumber: string;
  name: string;
  description: string;
  state: string;
  dueDate: IsoDate;
  left: number;
  today: IsoDate;
  agencyName: string;
}): { subject: string; body: string } {
  const state = CASE_STATE_LABELS[d.state as CaseState] ?? d.state;
  const about = d.description.length > 60 ? `${d.description.slice(0, 60)}……` : d.description;
  const when =
    d.kind === 'overdue'
      ? `答复期限${d.dueDate}已过，已逾期`
      : d.dueDate === d.today
        ? `今天（${d.dueDate}）到期`
        : `将于${d.dueDate}到期（今天之后还有${d.left}个工作日）`;
  return {
    subject:
      d.kind === 'overdue'
        ? `申请 ${d.trackingNumber} 已逾期（答复期限${d.dueDate}）`
        : `申请 ${d.trackingNumber} 即将到期（${d.dueDate}）`,
    body: [
      `${d.agencyName}收到的政府信息公开申请 ${d.trackingNumber}（申请人：${d.name}）${when}。`,
      `当前状态：${state}。`,
      `所申请的信息：${about}`,
      d.kind === 'overdue'
        ? '请尽快答复申请人（《中华人民共和国政府信息公开条例》第三十三条）。'
        : '请在答复期限内答复申请人；确需延长的，应在期限届满前经政府信息公开工作机构负责人同意（第三十三条第二款）。',
    ].join('\n'),
  };
}
