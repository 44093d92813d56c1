// The inbox of applications (issue 9.2): the actor's subtree or one agency of it, filtered by what
// an officer asks every morning — what is open, what is due within 3 working days, what is overdue,
// what is mine — and sorted by due date. Filters and sort use the cached view columns (indexed:
// application_agency_due_idx); the page shows them as computed at the last step or the nightly refresh.
import {
  and,
  asc,
  desc,
  eq,
  gt,
  ilike,
  inArray,
  isNull,
  like,
  lt,
  lte,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { OPEN_STATES, type CaseState } from '../domain/applications/state.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { workdaysAfter } from '../domain/calendar/workdays.js';
import { InvalidInput } from '../domain/errors.js';
import type { Executor } from '../db/client.js';
import { agency, application, appUser } from '../db/schema.js';
import { authorize, authorizeAction, scopePath } from '../policies/policy.js';
import { cachedWorkCalendar } from './calendar-cache.js';

export const INBOX_VIEWS = ['open', 'dueSoon', 'overdue', 'closed', 'all'] as const;
export type InboxView = (typeof INBOX_VIEWS)[number];
export const INBOX_VIEW_LABELS: Record<InboxView, string> = {
  open: '办理中',
  dueSoon: '3个工作日内到期',
  overdue: '已逾期',
  closed: '已办结',
  all: '全部',
};

/** How many working days ahead counts as 「即将到期」 (issue 9.2). */
export const DUE_SOON_WORKDAYS = 3;

export interface InboxFilter {
  view?: InboxView;
  /** One agency of the actor's subtree (default: the whole subtree). */
  agencyId?: number | null;
  /** 'me', 'none' (unassigned) or a user id. */
  assigned?: 'me' | 'none' | number | null;
  /** Tracking number, applicant name or words of the description. */
  q?: string | null;
  state?: CaseState | null;
  /** 'id': ascending ids, for the API's keyset paging with `afterId` (stable while rows change). */
  sort?: 'due' | 'received' | 'id';
  /** With sort 'id': only ids greater than this (the API's `after` cursor); the page offset is unused. */
  afterId?: number;
  page?: number;
  pageSize?: number;
}

export interface InboxItem {
  id: number;
  trackingNumber: string;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  applicantName: string;
  applicantType: string;
  description: string;
  receivedOn: IsoDate;
  state: CaseState;
  dueDate: IsoDate | null;
  outcome: string | null;
  concludedOn: IsoDate | null;
  assignedTo: string | null;
  /** Derived for the marks of the list. */
  overdue: boolean;
  dueSoon: boolean;
}

export interface InboxPage {
  items: InboxItem[];
  total: number;
  page: number;
  pageSize: number;
  /** The last date that counts as due soon (today + 3 working days). */
  dueSoonBy: IsoDate;
  today: IsoDate;
}

export async function applicationInbox(
  db: Executor,
  actor: AnyActor,
  filter: InboxFilter,
  today: IsoDate,
): Promise<InboxPage> {
  authorizeAction(actor, 'application.view');
  const pageSize = Math.min(Math.max(filter.pageSize ?? 50, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  const where: SQL[] = [];
  let calendarPath = scopePath(actor);
  if (filter.agencyId) {
    const [a] = await db.select({ path: agency.path }).from(agency).where(eq(agency.id, filter.agencyId));
    authorize(actor, 'application.view', a ? { agencyPath: a.path } : null);
    where.push(eq(application.agencyId, filter.agencyId));
    calendarPath = a!.path;
  } else if (scopePath(actor) !== '/') {
    where.push(like(agency.path, `${scopePath(actor)}%`));
  }
  const calendar = await cachedWorkCalendar(db, calendarPath === '/' ? undefined : calendarPath);
  const dueSoonBy = workdaysAfter(calendar, today, DUE_SOON_WORKDAYS);
  const open = inArray(application.state, [...OPEN_STATES]);
  switch (filter.view ?? 'open') {
    case 'open':
      where.push(open);
      break;
    case 'dueSoon':
      where.push(open, lte(application.dueDate, dueSoonBy), sql`${application.dueDate} >= ${today}`);
      break;
    case 'overdue':
      where.push(open, lt(application.dueDate, today));
      break;
    case 'closed':
      where.push(notInArray(application.state, [...OPEN_STATES]));
      break;
    case 'all':
      break;
  }
  if (filter.state) where.push(eq(application.state, filter.state));
  if (filter.assigned === 'me') {
    if (!('userId' in actor)) throw new InvalidInput({ assigned: '系统账号没有「我的」申请' });
    where.push(eq(application.assignedTo, actor.userId));
  } else if (filter.assigned === 'none') where.push(isNull(application.assignedTo));
  else if (typeof filter.assigned === 'number') where.push(eq(application.assignedTo, filter.assigned));
  const q = filter.q?.trim();
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        eq(application.trackingNumber, q),
        ilike(application.name, pattern),
        ilike(application.description, pattern),
      )!,
    );
  }
  const cond = where.length ? and(...where) : undefined;
  const keyset = filter.sort === 'id' && filter.afterId ? gt(application.id, filter.afterId) : undefined;
  const order =
    filter.sort === 'id'
      ? [asc(application.id)]
      : filter.sort === 'received'
        ? [desc(application.receivedOn), desc(application.id)]
        : [sql`${application.dueDate} asc nulls last`, asc(application.id)];
  // The page's ids first (from the index where it can: application_agency_due_idx holds agency,
  // state, due date and id), then only those rows: reading every row of a large agency to sort it
  // is what made the closed and all views slow (docs/performance.md, Applications).
  const idRows = await db
    .select({ id: application.id })
    .from(application)
    .innerJoin(agency, eq(agency.id, application.agencyId))
    .where(keyset ? and(cond, keyset) : cond)
    .orderBy(...order)
    .limit(pageSize)
    .offset(filter.sort === 'id' ? 0 : (page - 1) * pageSize);
  const ids = idRows.map((r) => r.id);
  const found =
    ids.length === 0
      ? []
      : await db
          .select({
            id: application.id,
            trackingNumber: application.trackingNumber,
            agencyId: application.agencyId,
            agencyCode: agency.code,
            agencyName: agency.name,
            applicantName: application.name,
            applicantType: application.applicantType,
            description: application.description,
            receivedOn: application.receivedOn,
            state: application.state,
            dueDate: application.dueDate,
            outcome: application.outcome,
            concludedOn: application.concludedOn,
            assignedTo: appUser.displayName,
          })
          .from(application)
          .innerJoin(agency, eq(agency.id, application.agencyId))
          .leftJoin(appUser, eq(appUser.id, application.assignedTo))
          .where(inArray(application.id, ids));
  const byId = new Map(found.map((r) => [r.id, r]));
  const rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const [count] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(application)
    .innerJoin(agency, eq(agency.id, application.agencyId))
    .where(cond);
  return {
    items: rows.map((r) => {
      const isOpen = (OPEN_STATES as readonly string[]).includes(r.state);
      return {
        ...r,
        state: r.state as CaseState,
        overdue: isOpen && r.dueDate !== null && r.dueDate < today,
        dueSoon: isOpen && r.dueDate !== null && r.dueDate >= today && r.dueDate <= dueSoonBy,
      };
    }),
    total: Number(count?.n ?? 0),
    page,
    pageSize,
    dueSoonBy,
    today,
  };
}
