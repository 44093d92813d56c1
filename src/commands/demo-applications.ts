// Loads the demo city's disclosure applications (src/demo/applications.ts) in one go. Replaying each
// of some 1,500 steps through submitApplication and recordApplicationEvent costs a transaction each
// and makes the first start slow; this command checks every case exactly as those commands do — the
// application's fields (parseApplication), each fact as the record command parses it (EventFields),
// the recording officer's right (authorize) and the domain's recordEvent on the day of the step —
// and then writes the same rows in bulk, in one transaction with one audit event. Notices are
// issued through the same hook as recordApplicationEvent, in date order (文号 follow the calendar).
import { count, isNotNull, sql } from 'drizzle-orm';
import {
  caseView,
  recordEvent,
  type CaseAction,
  type CaseEvent,
  type CaseView,
} from '../domain/applications/state.js';
import { hashQueryCode, newQueryCode, trackingNumberOf } from '../domain/applications/tracking.js';
import { isWithin } from '../domain/agencies/agency.js';
import { isSystem, type Actor } from '../domain/agencies/actor.js';
import { addDays, type IsoDate } from '../domain/calendar/iso-date.js';
import { isReceiptChannel, type ReceiptChannel } from '../domain/calendar/receipt.js';
import type { WorkCalendar } from '../domain/calendar/work-calendar.js';
import type { Tx } from '../db/client.js';
import { Conflict, InvalidInput, NotAllowed } from '../domain/errors.js';
import { viewColumns, type ApplicationRow, type EventRow } from '../db/repositories/applications.js';
import { actorsByLogin } from '../db/repositories/users.js';
import { agency, agencySetting, application, applicationEvent, calendarDay } from '../db/schema.js';
import { localDate, startOfLocalDay } from '../lib/time.js';
import { authorize } from '../policies/policy.js';
import { loadWorkCalendar } from '../queries/calendar.js';
import { applicationColumns, parseApplication } from './applications/fields.js';
import { issueNotice, issueNoticeFor, type Service } from './applications/notices.js';
import { NOTICE_PREFIX_SETTING } from '../domain/notices/number.js';
import { EventFields } from './applications/record.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { parseInput } from './validation.js';
import { applicationRulesOf } from '../domain/applications/rules.js';
import { installationRules } from '../queries/application-rules.js';

export interface DemoCaseInput {
  agencyCode: string;
  /** The application's fields as POST /api/v1/applications receives them. */
  fields: Record<string, string | null>;
  channel: ReceiptChannel;
  receivedOn: IsoDate;
  /** Login of the officer who registered it (null: submitted online). */
  registeredBy: string | null;
  steps: readonly { event: unknown; by: string | null; note?: string }[];
  assignee: string | null;
  /** A fixed query code (the showcase application); the others get a random one nobody sees. */
  queryCode?: string;
  /** Whether to issue its notices (登记回执 and those of its steps); default true. */
  notices?: boolean;
}

export interface DemoApplicationsLoaded {
  /** Application ids in the order of the input. */
  ids: number[];
  trackingNumbers: string[];
  events: number;
  notices: number;
  /** Steps whose notice could not be issued (the template could not be filled). */
  noticeFailures: string[];
  showcase: { trackingNumber: string; queryCode: string } | null;
}

/** The same calendar, each day looked up once (the clock asks for the same days many times). */
export function memoized(cal: WorkCalendar): WorkCalendar {
  const info = new Map<IsoDate, ReturnType<WorkCalendar['dayInfo']>>();
  const dayInfo = (d: IsoDate) => {
    let i = info.get(d);
    if (!i) info.set(d, (i = cal.dayInfo(d)));
    return i;
  };
  return {
    isWorkday: (d) => dayInfo(d).workday,
    dayInfo,
    hasOfficialData: (y) => cal.hasOfficialData(y),
    officialYears: cal.officialYears,
  };
}

const rightFor = (action: CaseAction) =>
  action === 'extensionApproved'
    ? ('application.approveExtension' as const)
    : ('application.handle' as const);

/** How a notice reached the applicant, from the way they asked to receive information. */
const SERVICE_BY_DELIVERY: Record<string, string> = {
  online: 'online',
  email: 'email',
  post: 'post',
  pickup: 'in-person',
};

/** How and when a step's notice was served: a letter to a consulted party goes by post. */
function serviceOf(event: CaseEvent, delivery: string, today: IsoDate): Service {
  const method = event.type === 'consultationSent' ? 'post' : (SERVICE_BY_DELIVERY[delivery] ?? 'post');
  const on = method === 'post' ? addDays(event.on, 3) : event.on;
  return { method, on: on > today ? today : on };
}

interface Checked {
  c: DemoCaseInput;
  f: ReturnType<typeof parseApplication>;
  target: { id: number; code: string; path: string; name: string };
  registrar: Actor | null;
  assignee: Actor | null;
  steps: CheckedStep[];
  /** Today's view (the cache columns). */
  view: CaseView;
  calendar: WorkCalendar;
}

interface CheckedStep {
  event: CaseEvent;
  actor: Actor | null;
  note: string | null;
  /** The facts right after this step (its notice is filled from the view of the case then). */
  facts: CaseEvent[];
}

export async function loadDemoApplications(
  deps: Deps,
  ctx: CommandContext,
  cases: readonly DemoCaseInput[],
  /** The 发文字号 代字 of each agency's office (agency code → prefix), set where none is set yet. */
  noticePrefixes: Readonly<Record<string, string>> = {},
): Promise<DemoApplicationsLoaded> {
  if (!isSystem(ctx.actor)) throw new NotAllowed('演示申请只能由系统加载');
  const [existing] = await deps.db.select({ n: count() }).from(application);
  if (Number(existing?.n ?? 0) > 0)
    throw new Conflict('数据库中已有政府信息公开申请，演示申请只能加载一次。');
  const today = localDate(deps.now());
  const rules = applicationRulesOf(await installationRules(deps.db));
  if (cases.length === 0)
    return { ids: [], trackingNumbers: [], events: 0, notices: 0, noticeFailures: [], showcase: null };

  const agencies = new Map(
    (
      await deps.db
        .select({ id: agency.id, code: agency.code, path: agency.path, name: agency.name })
        .from(agency)
    ).map((a) => [a.code, a]),
  );
  const users = await actorsByLogin(deps.db);
  const actorOf = (login: string | null): Actor | null => {
    if (login === null) return null;
    const u = users.get(login);
    if (!u) throw new InvalidInput({ by: `没有用户「${login}」` });
    return u;
  };
  // Without agency calendar entries one calendar serves every agency.
  const [local] = await deps.db
    .select({ n: count() })
    .from(calendarDay)
    .where(isNotNull(calendarDay.agencyId));
  const shared = Number(local?.n ?? 0) === 0 ? memoized(await loadWorkCalendar(deps.db)) : null;
  const calendars = new Map<string, WorkCalendar>();
  const calendarOf = async (path: string) => {
    if (shared) return shared;
    let c = calendars.get(path);
    if (!c) calendars.set(path, (c = memoized(await loadWorkCalendar(deps.db, path))));
    return c;
  };

  // Every case checked as the intake and record commands check it, before anything is written.
  const checked: Checked[] = [];
  for (const c of cases) {
    const target = agencies.get(c.agencyCode);
    if (!target || c.fields.agencyCode !== c.agencyCode)
      throw new InvalidInput({ agencyCode: `演示申请的受理机关「${c.agencyCode}」不存在` });
    if (!isReceiptChannel(c.channel)) throw new InvalidInput({ channel: '申请渠道无效' });
    if (c.receivedOn > today) throw new InvalidInput({ receivedOn: '收到申请的日期不能晚于今天' });
    const f = parseApplication(c.fields, c.receivedOn);
    const registrar = actorOf(c.registeredBy);
    if (registrar) authorize(registrar, 'application.handle', { agencyPath: target.path });
    const assignee = actorOf(c.assignee);
    if (
      assignee &&
      (!['officer', 'office_head'].includes(assignee.role) || !isWithin(target.path, assignee.agencyPath))
    )
      throw new InvalidInput({ userId: '只能分配给本机关在职的公开工作人员' });
    const cal = await calendarOf(target.path);
    let facts: CaseEvent[] = [{ type: 'received', on: c.receivedOn, channel: c.channel }];
    const steps: CheckedStep[] = [];
    for (const s of c.steps) {
      const event = parseInput(EventFields, s.event) as CaseEvent;
      const actor = actorOf(s.by);
      if (actor) authorize(actor, rightFor(event.type as CaseAction), { agencyPath: target.path });
      else if (event.type === 'extensionApproved') throw new NotAllowed('延长答复期限须由工作机构负责人批准');
      facts = recordEvent(facts, event, cal, event.on, rules);
      steps.push({
        event: facts[facts.length - 1]!,
        actor,
        note: s.note?.trim() || null,
        facts,
      });
    }
    // The clock checks every date (the receipt day too) when it computes today's view.
    checked.push({
      c,
      f,
      target,
      registrar,
      assignee,
      steps,
      view: caseView(facts, cal, today, rules),
      calendar: cal,
    });
  }

  // Tracking numbers follow the receipt dates, as they would have been given.
  const order = checked
    .map((_, i) => i)
    .sort((a, b) =>
      checked[a]!.c.receivedOn < checked[b]!.c.receivedOn
        ? -1
        : checked[a]!.c.receivedOn > checked[b]!.c.receivedOn
          ? 1
          : a - b,
    );
  const p = deps.personalData;
  const atTime = (day: IsoDate, i: number) =>
    new Date(startOfLocalDay(day).getTime() + (9 * 60 + ((i * 37) % 480)) * 60_000);

  return inTransaction(deps, ctx, async (tx, audit) => {
    // One round trip for all the ids (the tracking numbers are made from them), in receipt order.
    const r = await tx.execute(
      sql`select nextval(pg_get_serial_sequence('application', 'id'))::int as id from generate_series(1, ${checked.length})`,
    );
    const reserved = ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { id: number }[])
      .map((x) => Number(x.id))
      .sort((a, b) => a - b);
    const ids = new Array<number>(checked.length);
    order.forEach((i, k) => (ids[i] = reserved[k]!));

    const appRows = checked.map(({ c, f, target, assignee, steps, view }, i) => ({
      id: ids[i]!,
      agencyId: target.id,
      trackingNumber: trackingNumberOf(c.receivedOn, ids[i]!),
      queryCodeHash: hashQueryCode(c.queryCode ?? newQueryCode()),
      ...applicationColumns(f, p),
      channel: c.channel,
      receivedOn: c.receivedOn,
      submittedAt: atTime(c.receivedOn, i),
      assignedTo: assignee?.userId ?? null,
      // Each recorded step and the assignment moved the version on, as the commands do.
      version: 1 + steps.length + (assignee ? 1 : 0),
      ...viewColumns(view, today),
    }));
    const prefixes = Object.entries(noticePrefixes).flatMap(([code, value]) => {
      const a = agencies.get(code);
      return a ? [{ agencyId: a.id, key: NOTICE_PREFIX_SETTING, value }] : [];
    });
    if (prefixes.length > 0) await tx.insert(agencySetting).values(prefixes).onConflictDoNothing();
    const inserted = new Map<number, ApplicationRow>();
    for (let k = 0; k < appRows.length; k += CHUNK) {
      const chunk = appRows.slice(k, k + CHUNK);
      for (const row of await tx.insert(application).values(chunk).returning()) inserted.set(row.id, row);
    }

    const eventValues = checked.flatMap(({ c, registrar, steps }, i) => [
      {
        applicationId: ids[i]!,
        seq: 1,
        type: 'received',
        on: c.receivedOn,
        data: { type: 'received', on: c.receivedOn, channel: c.channel } as Record<string, unknown>,
        note: null,
        recordedBy: registrar?.userId ?? null,
        recordedAt: atTime(c.receivedOn, i),
      },
      ...steps.map((s, k) => ({
        applicationId: ids[i]!,
        seq: k + 2,
        type: s.event.type,
        on: s.event.on,
        data: s.event as unknown as Record<string, unknown>,
        note: s.note,
        recordedBy: s.actor?.userId ?? null,
        recordedAt: atTime(s.event.on, i + k + 1),
      })),
    ]);
    const eventRows = new Map<number, EventRow[]>();
    for (let k = 0; k < eventValues.length; k += CHUNK)
      for (const row of await tx
        .insert(applicationEvent)
        .values(eventValues.slice(k, k + CHUNK))
        .returning()) {
        const list = eventRows.get(row.applicationId) ?? [];
        list.push(row);
        eventRows.set(row.applicationId, list);
      }
    for (const list of eventRows.values()) list.sort((a, b) => a.seq - b.seq);

    // The 登记回执 of every application and the notice of every step, in the order of their days
    // (文号 are numbered as they were issued). k = -1: the receipt.
    const noticeSteps = checked
      .flatMap(({ c, steps, view }, i) =>
        c.notices === false
          ? []
          : [
              // The 登记回执 of the cases still open (and the showcase's): what an applicant looks up.
              ...(view.outcome === null || c.queryCode ? [{ i, k: -1, on: c.receivedOn }] : []),
              ...steps.map((s, k) => ({ i, k, on: s.event.on })),
            ],
      )
      .sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : ids[a.i]! - ids[b.i]! || a.k - b.k));
    let notices = 0;
    const noticeFailures: string[] = [];
    for (const { i, k, on } of noticeSteps) {
      const { c, target, registrar, steps, calendar } = checked[i]!;
      const app = inserted.get(ids[i]!)!;
      const events = eventRows.get(app.id)!;
      const before = events.slice(0, k + 1);
      const loaded = {
        app,
        agencyPath: target.path,
        agencyName: target.name,
        agencyCode: c.agencyCode,
        events: k < 0 ? events.slice(0, 1) : before,
        facts: (k < 0 ? events.slice(0, 1) : before).map((e) => e.data as unknown as CaseEvent),
      };
      const at = { ...deps, now: () => atTime(on, i) };
      if (k < 0) {
        await issueNotice(tx, at, registrar ? { actor: registrar } : ctx, 'receipt', {
          loaded,
          event: loaded.facts[0]!,
          eventId: events[0]!.id,
          view: caseView(loaded.facts, calendar, on, rules),
          calendar,
          today: on,
          service: null,
          note: null,
        });
        notices++;
        continue;
      }
      const s = steps[k]!;
      const issue = (t: Tx) =>
        issueNoticeFor(t, at, s.actor ? { actor: s.actor } : ctx, {
          loaded,
          event: s.event,
          eventId: events[k + 1]!.id,
          // Computed only when the notice needs it.
          get view() {
            return caseView(s.facts, calendar, on, rules);
          },
          calendar,
          today: on,
          service: serviceOf(s.event, app.delivery, today),
          note: s.note,
        });
      // A notice the templates cannot fill (a bug there) must not stop the demo from loading: the
      // savepoint takes its number back, and the failure is counted in the result. Internal steps
      // (an answer received, a payment) issue nothing and need no savepoint.
      const notice = await (INTERNAL_STEPS.has(s.event.type) ? issue(tx) : tx.transaction(issue)).catch(
        (e: unknown) => {
          if (!(e instanceof InvalidInput)) throw e;
          noticeFailures.push(`${app.trackingNumber} ${s.event.type}: ${e.message}`);
          return null;
        },
      );
      if (notice) notices++;
    }

    const showcase = checked.findIndex(({ c }) => c.queryCode);
    await audit({
      action: 'application.demoLoaded',
      subjectType: 'application',
      data: {
        applications: checked.length,
        events: eventValues.length,
        notices,
        noticeFailures: noticeFailures.length,
      },
    });
    return {
      ids,
      trackingNumbers: ids.map((id) => inserted.get(id)!.trackingNumber),
      events: eventValues.length,
      notices,
      noticeFailures,
      showcase:
        showcase < 0
          ? null
          : {
              trackingNumber: inserted.get(ids[showcase]!)!.trackingNumber,
              queryCode: checked[showcase]!.c.queryCode!,
            },
    };
  });
}

const CHUNK = 200;

/** Steps that produce no notice of their own (see kindOf in applications/notices.ts). */
const INTERNAL_STEPS = new Set<CaseEvent['type']>([
  'correctionReceived',
  'consultationReceived',
  'consultationAnswered',
  'extensionRequested',
  'feeNoticeReceived',
  'feePaid',
  'withdrawn',
]);
