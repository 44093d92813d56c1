// The letters' background work (src/jobs/jobs.ts): time alone changes a letter's due-date warnings
// and its three-month veto risk, so
// - refreshLetterViews (daily) recomputes the cache columns of every open letter from its steps,
//   the mailbox's rules and the responsible agency's calendar. Not a user's change: the version is
//   not bumped (an officer's form stays valid), nothing is audited, and a row is written only where
//   its version is still the one read (a step taken meanwhile wrote a fresher cache itself);
// - sendLetterReminders (hourly) writes a message to the handling unit for every open letter at a
//   warning level (预警, 黄牌, 红牌): to the officer it is assigned to while active, else to the
//   unit's officers and office heads; for a 督办 letter also to the supervising office (the
//   mailbox's agency). Written once: the dedupe key names the letter, the level, the due date and
//   the person, and the outbox's unique index makes a second insert nothing.
import { and, asc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { IsoDate } from '../../domain/calendar/iso-date.js';
import type { WorkCalendar } from '../../domain/calendar/work-calendar.js';
import { OPEN_LETTER_STATES, type WarningLevel } from '../../domain/letters/kinds.js';
import { letterView, letterViewColumns, mailboxRules, type LetterView } from '../../domain/letters/view.js';
import { enqueueLetterMessage, factOf } from '../../db/repositories/letters.js';
import { agency, appUser, letter, letterEvent, mailbox } from '../../db/schema.js';
import { formatDate, localDate } from '../../lib/time.js';
import { loadWorkCalendar } from '../../queries/calendar.js';
import type { Deps } from '../context.js';

const PAGE = 500;
const HANDLER_ROLES = ['officer', 'office_head'];

const LEVEL_WORDS: Record<WarningLevel, string> = { warn: '预警', yellow: '黄牌', red: '红牌' };

interface OpenLetter {
  id: number;
  version: number;
  trackingNumber: string;
  title: string;
  agencyId: number;
  agencyName: string;
  assignedTo: number | null;
  mailboxName: string;
  mailboxAgencyId: number;
  cached: Record<string, unknown>;
  view: LetterView;
}

/** Every open letter with its view on `today`, page by page. */
async function eachOpenLetter(
  deps: Deps,
  today: IsoDate,
  visit: (letters: OpenLetter[]) => Promise<void>,
): Promise<{ errors: number }> {
  const calendars = new Map<string, Promise<WorkCalendar>>();
  const calendarOf = (path: string) => {
    let c = calendars.get(path);
    if (!c) calendars.set(path, (c = loadWorkCalendar(deps.db, path)));
    return c;
  };
  let errors = 0;
  let after = 0;
  for (;;) {
    const rows = await deps.db
      .select({ letter, agencyPath: agency.path, agencyName: agency.name, mailbox })
      .from(letter)
      .innerJoin(agency, eq(agency.id, letter.agencyId))
      .innerJoin(mailbox, eq(mailbox.id, letter.mailboxId))
      .where(and(inArray(letter.state, [...OPEN_LETTER_STATES]), gt(letter.id, after)))
      .orderBy(asc(letter.id))
      .limit(PAGE);
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.letter.id;
    const events = await deps.db
      .select()
      .from(letterEvent)
      .where(
        inArray(
          letterEvent.letterId,
          rows.map((r) => r.letter.id),
        ),
      )
      .orderBy(asc(letterEvent.letterId), asc(letterEvent.seq));
    const byLetter = new Map<number, ReturnType<typeof factOf>[]>();
    for (const e of events) byLetter.set(e.letterId, [...(byLetter.get(e.letterId) ?? []), factOf(e)]);
    const page: OpenLetter[] = [];
    for (const r of rows) {
      const l = r.letter;
      try {
        const view = letterView(
          byLetter.get(l.id) ?? [],
          mailboxRules(r.mailbox),
          await calendarOf(r.agencyPath),
          today,
        );
        page.push({
          id: l.id,
          version: l.version,
          trackingNumber: l.trackingNumber,
          title: l.title,
          agencyId: l.agencyId,
          agencyName: r.agencyName,
          assignedTo: l.assignedTo,
          mailboxName: r.mailbox.name,
          mailboxAgencyId: r.mailbox.agencyId,
          cached: {
            state: l.state,
            triage: l.triage,
            acceptedOn: l.acceptedOn,
            dueDate: l.dueDate,
            warningLevel: l.warningLevel,
            supervised: l.supervised,
            repliedOn: l.repliedOn,
          },
          view,
        });
      } catch {
        errors++;
      }
    }
    await visit(page);
  }
  return { errors };
}

export interface LetterRefreshReport {
  checked: number;
  changed: number;
  skipped: number;
  errors: number;
}

export async function refreshLetterViews(deps: Deps): Promise<LetterRefreshReport> {
  const today = localDate(deps.now());
  const report: LetterRefreshReport = { checked: 0, changed: 0, skipped: 0, errors: 0 };
  const { errors } = await eachOpenLetter(deps, today, async (page) => {
    for (const l of page) {
      report.checked++;
      const cols = letterViewColumns(l.view, today);
      const { viewComputedOn: _day, ...compared } = cols;
      const changed = Object.entries(compared).some(([k, v]) => l.cached[k] !== v);
      const written = await deps.db
        .update(letter)
        .set(cols)
        .where(and(eq(letter.id, l.id), eq(letter.version, l.version)))
        .returning({ id: letter.id });
      if (written.length === 0) report.skipped++;
      else if (changed) report.changed++;
    }
  });
  report.errors = errors;
  return report;
}

export interface LetterReminderReport {
  /** Messages written this run (one written before is not counted again). */
  written: number;
  /** Open letters at a warning level today. */
  letters: number;
}

export async function sendLetterReminders(deps: Deps): Promise<LetterReminderReport> {
  const today = localDate(deps.now());
  const due: OpenLetter[] = [];
  await eachOpenLetter(deps, today, async (page) => {
    for (const l of page) if (l.view.warningLevel) due.push(l);
  });
  if (due.length === 0) return { written: 0, letters: 0 };

  const assigned = [...new Set(due.map((d) => d.assignedTo).filter((id): id is number => id != null))];
  const active = new Set(
    assigned.length
      ? (
          await deps.db
            .select({ id: appUser.id })
            .from(appUser)
            .where(and(inArray(appUser.id, assigned), isNull(appUser.disabledAt)))
        ).map((u) => u.id)
      : [],
  );
  const agencies = [
    ...new Set(due.flatMap((d) => [d.agencyId, ...(d.view.supervised ? [d.mailboxAgencyId] : [])])),
  ];
  const handlers = new Map<number, number[]>();
  for (const u of await deps.db
    .select({ id: appUser.id, agencyId: appUser.agencyId })
    .from(appUser)
    .where(
      and(
        inArray(appUser.agencyId, agencies),
        inArray(appUser.role, HANDLER_ROLES),
        isNull(appUser.disabledAt),
      ),
    )
    .orderBy(appUser.id))
    handlers.set(u.agencyId, [...(handlers.get(u.agencyId) ?? []), u.id]);

  let written = 0;
  for (const d of due) {
    const level = d.view.warningLevel!;
    const unit =
      d.assignedTo != null && active.has(d.assignedTo) ? [d.assignedTo] : (handlers.get(d.agencyId) ?? []);
    const office =
      d.view.supervised && d.mailboxAgencyId !== d.agencyId ? (handlers.get(d.mailboxAgencyId) ?? []) : [];
    const to = [...new Set([...unit, ...office])];
    if (to.length === 0) continue;
    const text = reminderText(d, level, today);
    written += await deps.db.transaction(async (tx) => {
      let n = 0;
      for (const userId of to)
        if (
          await enqueueLetterMessage(tx, {
            topic: `letter.reminder.${level}`,
            letterId: d.id,
            userId,
            agencyId: office.includes(userId) && !unit.includes(userId) ? d.mailboxAgencyId : d.agencyId,
            subject: text.subject,
            body: text.body,
            dedupeKey: `letter-reminder:${d.id}:${level}:${d.view.dueDate}:${userId}`,
          })
        )
          n++;
      return n;
    });
  }
  return { written, letters: due.length };
}

function reminderText(d: OpenLetter, level: WarningLevel, today: IsoDate) {
  const due = formatDate('zh', d.view.dueDate);
  const left = d.view.workingDaysLeft ?? 0;
  const when =
    left > 0
      ? `将于${due}到期（今天之后还有${left}个工作日）`
      : left === 0
        ? `今天（${due}）到期`
        : `办理期限${due}已过，已超期${-left}个工作日`;
  const veto =
    d.view.vetoRisk === 'past'
      ? `该信件自收到起已超过三个月未答复（${formatDate('zh', d.view.vetoDate)}），属于网站检查的单项否决情形，请立即答复。`
      : d.view.vetoRisk === 'near'
        ? `该信件将于${formatDate('zh', d.view.vetoDate)}满三个月未答复，届时属于网站检查的单项否决情形。`
        : '';
  return {
    subject: `【${LEVEL_WORDS[level]}】来信 ${d.trackingNumber} ${left >= 0 ? '即将到期' : '已超期'}（${due}）`,
    body: [
      `${d.mailboxName}的来信「${d.title}」（${d.trackingNumber}，承办单位：${d.agencyName}）${when}。`,
      d.view.supervised ? '该信件已被督办。' : '',
      veto,
      `今天：${formatDate('zh', today)}。请尽快办理并答复来信人。`,
    ]
      .filter(Boolean)
      .join('\n'),
  };
}
