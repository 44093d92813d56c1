// The inbox of letters (信件办理): the letters the actor's agency subtree is responsible for (or whose
// mailbox it runs: the office that assigned a letter away keeps seeing it), filtered
// by what an office asks every morning — what waits for triage, what is open, what is overdue and at
// which warning level (预警 / 黄牌 / 红牌), what is mine — with the due date and the handling unit.
// Filters and sort use the letter's cached view columns (letter_agency_state_idx), as computed at the
// last step or by the daily refresh; the veto risk (三个月未答复) is a date comparison done here.
import { and, asc, desc, eq, ilike, inArray, lt, lte, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AnyActor } from '../domain/agencies/actor.js';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.js';
import { InvalidInput } from '../domain/errors.js';
import type { Db } from '../db/client.js';
import { agency, appUser, letter, mailbox } from '../db/schema.js';
import { authorizeAction, scopePath } from '../policies/policy.js';
import { letterInScope, liveWarningLevels, vetoRiskOn, WARNING_HORIZON_DAYS } from './letter-dashboard.js';

/** States after which a letter is no longer open (answered or filed). */
export const CLOSED_LETTER_STATES = ['replied', 'archived'] as const;

/** The state filter: every open letter (default), one state, or every letter. */
export type LetterStateFilter = 'open' | 'all' | string;

export interface LetterInboxFilter {
  state?: LetterStateFilter;
  mailboxId?: number | null;
  kind?: string | null;
  /** One warning level, or 'any' (a letter with any level). */
  warning?: 'warn' | 'yellow' | 'red' | 'any' | null;
  /** Only the letters assigned to the actor. */
  mine?: boolean;
  /** Only open letters past their due date. */
  overdue?: boolean;
  /** Tracking number or words of the title. */
  q?: string | null;
  sort?: 'due' | 'received';
  page?: number;
  pageSize?: number;
}

export interface LetterInboxItem {
  id: number;
  trackingNumber: string;
  title: string;
  mailboxName: string;
  kind: string;
  receivedOn: IsoDate;
  state: string;
  triage: string;
  dueDate: IsoDate | null;
  warningLevel: 'warn' | 'yellow' | 'red' | null;
  supervised: boolean;
  /** 承办单位, or the responsible agency while none is assigned. */
  handlingAgencyName: string;
  handlingAssigned: boolean;
  assignedTo: string | null;
  repliedOn: IsoDate | null;
  overdue: boolean;
  vetoRisk: 'none' | 'near' | 'past';
}

export interface LetterInboxPage {
  items: LetterInboxItem[];
  total: number;
  page: number;
  pageSize: number;
  today: IsoDate;
}

const escapeLike = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function letterInbox(
  db: Db,
  actor: AnyActor,
  filter: LetterInboxFilter,
  today: IsoDate,
): Promise<LetterInboxPage> {
  authorizeAction(actor, 'letter.view');
  const pageSize = Math.min(Math.max(filter.pageSize ?? 50, 1), 200);
  const page = Math.max(filter.page ?? 1, 1);
  const responsible = alias(agency, 'responsible');
  const handling = alias(agency, 'handling');
  const where: SQL[] = [];
  const scope = scopePath(actor);
  if (scope !== '/') where.push(letterInScope(scope, responsible.path));
  const open = notInArray(letter.state, [...CLOSED_LETTER_STATES]);
  const state = filter.state ?? 'open';
  if (state === 'open') where.push(open);
  else if (state !== 'all') where.push(eq(letter.state, state));
  if (filter.mailboxId) where.push(eq(letter.mailboxId, filter.mailboxId));
  if (filter.kind) where.push(eq(letter.kind, filter.kind));
  // The warning level is today's (computed below from the due date and the calendar, not the cached
  // column, which the daily refresh rewrites): the candidates are the open letters due soon enough
  // to be at a level — 预警 starts at most 30 working days before the due date (saveMailbox).
  if (filter.warning)
    where.push(
      open,
      sql`${letter.dueDate} is not null`,
      lte(letter.dueDate, addDays(today, WARNING_HORIZON_DAYS)),
    );
  if (filter.mine) {
    if (!('userId' in actor)) throw new InvalidInput({ mine: '系统账号没有「我的」信件' });
    where.push(eq(letter.assignedTo, actor.userId));
  }
  if (filter.overdue) where.push(open, lt(letter.dueDate, today));
  const q = filter.q?.trim();
  if (q) where.push(or(eq(letter.trackingNumber, q), ilike(letter.title, escapeLike(q)))!);
  const cond = where.length ? and(...where) : undefined;
  const order =
    filter.sort === 'received'
      ? [desc(letter.receivedOn), desc(letter.id)]
      : [sql`${letter.dueDate} asc nulls last`, asc(letter.receivedOn), asc(letter.id)];
  const idQuery = db
    .select({ id: letter.id })
    .from(letter)
    .innerJoin(responsible, eq(responsible.id, letter.agencyId))
    .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
    .where(cond)
    .orderBy(...order);
  const idRows = filter.warning ? await idQuery : await idQuery.limit(pageSize).offset((page - 1) * pageSize);
  const ids = idRows.map((r) => r.id);
  const found =
    ids.length === 0
      ? []
      : await db
          .select({
            id: letter.id,
            trackingNumber: letter.trackingNumber,
            title: letter.title,
            mailboxName: mailbox.name,
            kind: letter.kind,
            receivedOn: letter.receivedOn,
            state: letter.state,
            triage: letter.triage,
            dueDate: letter.dueDate,
            warningLevel: letter.warningLevel,
            supervised: letter.supervised,
            responsibleName: responsible.name,
            responsiblePath: responsible.path,
            warnDaysBefore: mailbox.warnDaysBefore,
            yellowDaysAfter: mailbox.yellowDaysAfter,
            redDaysAfter: mailbox.redDaysAfter,
            handlingName: handling.name,
            assignedTo: appUser.displayName,
            repliedOn: letter.repliedOn,
          })
          .from(letter)
          .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
          .innerJoin(responsible, eq(responsible.id, letter.agencyId))
          .leftJoin(handling, eq(handling.id, letter.handlingAgencyId))
          .leftJoin(appUser, eq(appUser.id, letter.assignedTo))
          .where(inArray(letter.id, ids));
  const byId = new Map(found.map((r) => [r.id, r]));
  let rows = ids.map((id) => byId.get(id)).filter((r) => r !== undefined);
  let levels = await liveWarningLevels(
    db,
    rows.map((r) => ({
      ...r,
      open: !(CLOSED_LETTER_STATES as readonly string[]).includes(r.state),
      calendarPath: r.responsiblePath,
    })),
    today,
  );
  let total: number | null = null;
  if (filter.warning) {
    const keep = rows.map((_, i) =>
      filter.warning === 'any' ? levels[i] != null : levels[i] === filter.warning,
    );
    rows = rows.filter((_, i) => keep[i]);
    levels = levels.filter((_, i) => keep[i]);
    total = rows.length;
    rows = rows.slice((page - 1) * pageSize, page * pageSize);
    levels = levels.slice((page - 1) * pageSize, page * pageSize);
  }
  const [count] =
    total !== null
      ? [{ n: total }]
      : await db
          .select({ n: sql<number>`count(*)::int` })
          .from(letter)
          .innerJoin(responsible, eq(responsible.id, letter.agencyId))
          .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
          .where(cond);
  return {
    items: rows.map((r, i) => {
      const isOpen = !(CLOSED_LETTER_STATES as readonly string[]).includes(r.state);
      const unanswered = r.repliedOn === null && r.triage !== 'invalid';
      return {
        id: r.id,
        trackingNumber: r.trackingNumber,
        title: r.title,
        mailboxName: r.mailboxName,
        kind: r.kind,
        receivedOn: r.receivedOn,
        state: r.state,
        triage: r.triage,
        dueDate: r.dueDate,
        warningLevel: isOpen ? (levels[i] ?? null) : null,
        supervised: r.supervised,
        handlingAgencyName: r.handlingName ?? r.responsibleName,
        handlingAssigned: r.handlingName !== null,
        assignedTo: r.assignedTo,
        repliedOn: r.repliedOn,
        overdue: isOpen && r.dueDate !== null && r.dueDate < today,
        vetoRisk: unanswered ? vetoRiskOn(r.receivedOn, today) : 'none',
      };
    }),
    total: Number(count?.n ?? 0),
    page,
    pageSize,
    today,
  };
}
