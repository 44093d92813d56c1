// Loads the demo city's mailboxes and letters (src/demo/letters.ts) in one go. Replaying some 2,500
// steps through the letter commands costs a transaction each and makes the first start slow; this
// command writes the same rows: every letter's steps are checked in order by the domain's
// assertCanTake on the view before the step (as the commands check them), the acting user's right
// by the policy, and the cache columns come from the same letterView the commands store — then the
// rows go in in bulk, in one transaction with one audit event.
import { count, sql } from 'drizzle-orm';
import { isSystem, type Actor } from '../domain/agencies/actor.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import { Conflict, InvalidInput, NotAllowed } from '../domain/errors.js';
import {
  assertCanTake,
  hashLetterQueryCode,
  letterTrackingNumber,
  letterView,
  letterViewColumns,
  mailboxRules,
  newQueryCode,
  spamCheck,
  trackingPrefix,
  type LetterChannel,
  type LetterEvent,
  type LetterKind,
  type MailboxKind,
  type LetterEventType,
  type LetterView,
} from '../domain/letters/index.js';
import { actorsByLogin } from '../db/repositories/users.js';
import { agency, letter, letterEvent, mailbox } from '../db/schema.js';
import { localDate, startOfLocalDay } from '../lib/time.js';
import { authorize, type Action } from '../policies/policy.js';
import { loadWorkCalendar } from '../queries/calendar.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { memoized } from './demo-applications.js';
import { writerColumns } from './letters/fields.js';

/** A mailbox as the demo defines it (the fields of saveMailbox; the agency by its code). */
export interface DemoMailbox {
  code: string;
  kind: MailboxKind;
  name: string;
  agencyCode: string;
  leaderName?: string;
  leaderTitle?: string;
  intro: string;
  timeLimits: Record<LetterKind, number>;
  warnDaysBefore: number;
  yellowDaysAfter: number;
  redDaysAfter: number;
  maxExtensionDays: number;
  reviewRequired: boolean;
  queryCodeLength: number;
  nameRequired: boolean;
  phoneRequired: boolean;
  emailRequired: boolean;
  sortOrder: number;
}

/**
 * A step as the demo writes it: the domain's event, with agencies named by their code (the loader
 * puts in the ids) and, for a duplicate, the earlier letter by its index in the list.
 */
export type DemoLetterEvent =
  | Exclude<
      LetterEvent,
      { type: 'submitted' | 'accepted' | 'assigned' | 'transferred' | 'instructed' | 'replied' | 'declined' }
    >
  | { type: 'accepted'; on: IsoDate; agencyCode?: string }
  | { type: 'assigned'; on: IsoDate; agencyCode: string; userLogin?: string }
  | { type: 'transferred'; on: IsoDate; fromAgencyCode: string; toAgencyCode: string; reason: string }
  | { type: 'instructed'; on: IsoDate; instruction: string; agencyCode: string }
  | { type: 'replied'; on: IsoDate; text: string; agencyCode: string }
  | {
      type: 'declined';
      on: IsoDate;
      triage: 'rejected' | 'invalid' | 'duplicate';
      reason: string;
      replyText: string;
      duplicateOfIndex?: number;
    };

export interface DemoLetterStep {
  event: DemoLetterEvent;
  /** Login of the demo user who took the step; null: the writer, or a unit without a demo account. */
  by: string | null;
  /** The agency the step was taken for. */
  agencyCode: string;
}

/** A letter as the demo defines it: the writer's letter, its steps and its edited public version. */
export interface DemoLetterInput {
  mailboxCode: string;
  kind: LetterKind;
  channel: LetterChannel;
  name: string;
  phone: string;
  email: string | null;
  address: string | null;
  title: string;
  content: string;
  publicConsent: boolean;
  receivedOn: IsoDate;
  steps: DemoLetterStep[];
  /** The edited public version (masked), for the published letters. */
  publicVersion: { title: string; content: string; reply: string } | null;
  /** Only the showcase letter: its fixed query code. */
  queryCode?: string;
}

export interface DemoLettersLoaded {
  mailboxes: number;
  letters: number;
  events: number;
  /** The letter whose query code is fixed, for trying the public lookup and the rating. */
  showcase: { trackingNumber: string; queryCode: string } | null;
}

/** The right a step needs (the commands' authorize). */
const RIGHT: Partial<Record<LetterEventType, Action>> = {
  accepted: 'letter.handle',
  declined: 'letter.handle',
  assigned: 'letter.handle',
  transferred: 'letter.handle',
  escalated: 'letter.handle',
  instructed: 'letter.handle',
  replyDrafted: 'letter.handle',
  replied: 'letter.handle',
  extensionRequested: 'letter.handle',
  reviewApproved: 'letter.review',
  reviewReturned: 'letter.review',
  extensionApproved: 'letter.review',
  extensionRefused: 'letter.review',
  supervised: 'letter.review',
  published: 'letter.publish',
  withheld: 'letter.publish',
  archived: 'letter.handle',
};

const CHUNK = 200;

export async function loadDemoLetters(
  deps: Deps,
  ctx: CommandContext,
  mailboxes: readonly DemoMailbox[],
  letters: readonly DemoLetterInput[],
): Promise<DemoLettersLoaded> {
  if (!isSystem(ctx.actor)) throw new NotAllowed('演示信件只能由系统加载');
  const [existing] = await deps.db.select({ n: count() }).from(mailbox);
  if (Number(existing?.n ?? 0) > 0) throw new Conflict('数据库中已有信箱，演示信件只能加载一次。');
  const today = localDate(deps.now());
  const agencies = new Map(
    (await deps.db.select({ id: agency.id, code: agency.code, path: agency.path }).from(agency)).map((a) => [
      a.code,
      a,
    ]),
  );
  const agencyOf = (code: string) => {
    const a = agencies.get(code);
    if (!a) throw new InvalidInput({ agencyCode: `演示信件的机构「${code}」不存在` });
    return a;
  };
  const users = await actorsByLogin(deps.db);
  const actorOf = (login: string | null | undefined): Actor | null => {
    if (!login) return null;
    const u = users.get(login);
    if (!u) throw new InvalidInput({ by: `没有用户「${login}」` });
    return u;
  };
  const calendar = memoized(await loadWorkCalendar(deps.db));
  const boxes = new Map(mailboxes.map((m) => [m.code, m]));

  /** The domain event with agency ids (as the commands store it). */
  const toEvent = (e: DemoLetterEvent, ids: readonly number[]): LetterEvent => {
    switch (e.type) {
      case 'accepted':
        return e.agencyCode
          ? { type: 'accepted', on: e.on, agencyId: agencyOf(e.agencyCode).id }
          : { type: 'accepted', on: e.on };
      case 'assigned':
        return {
          type: 'assigned',
          on: e.on,
          agencyId: agencyOf(e.agencyCode).id,
          ...(e.userLogin ? { userId: actorOf(e.userLogin)!.userId } : {}),
        };
      case 'transferred':
        return {
          type: 'transferred',
          on: e.on,
          fromAgencyId: agencyOf(e.fromAgencyCode).id,
          toAgencyId: agencyOf(e.toAgencyCode).id,
          reason: e.reason,
        };
      case 'instructed':
        return {
          type: 'instructed',
          on: e.on,
          instruction: e.instruction,
          agencyId: agencyOf(e.agencyCode).id,
        };
      case 'replied':
        return { type: 'replied', on: e.on, text: e.text, agencyId: agencyOf(e.agencyCode).id };
      case 'declined': {
        const { duplicateOfIndex, ...rest } = e;
        return duplicateOfIndex === undefined ? rest : { ...rest, duplicateOf: ids[duplicateOfIndex]! };
      }
      default:
        return e;
    }
  };

  // Ids are reserved first: a duplicate names the earlier letter's id in its step.
  return inTransaction(deps, ctx, async (tx, audit) => {
    const mailboxRows = await tx
      .insert(mailbox)
      .values(
        mailboxes.map((m) => ({
          code: m.code,
          kind: m.kind,
          name: m.name,
          agencyId: agencyOf(m.agencyCode).id,
          leaderName: m.leaderName ?? null,
          leaderTitle: m.leaderTitle ?? null,
          intro: m.intro,
          timeLimits: m.timeLimits,
          warnDaysBefore: m.warnDaysBefore,
          yellowDaysAfter: m.yellowDaysAfter,
          redDaysAfter: m.redDaysAfter,
          maxExtensionDays: m.maxExtensionDays,
          reviewRequired: m.reviewRequired,
          queryCodeLength: m.queryCodeLength,
          nameRequired: m.nameRequired,
          phoneRequired: m.phoneRequired,
          emailRequired: m.emailRequired,
          sortOrder: m.sortOrder,
        })),
      )
      .returning({ id: mailbox.id, code: mailbox.code, agencyId: mailbox.agencyId });
    const mailboxIds = new Map(mailboxRows.map((m) => [m.code, m]));

    const r = await tx.execute(
      sql`select nextval(pg_get_serial_sequence('letter', 'id'))::int as id from generate_series(1, ${letters.length})`,
    );
    const reserved = ((Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as { id: number }[])
      .map((x) => Number(x.id))
      .sort((a, b) => a - b);
    // Ids and tracking numbers in the order of receipt, as they would have been given.
    const order = letters
      .map((_, i) => i)
      .sort((a, b) =>
        letters[a]!.receivedOn < letters[b]!.receivedOn
          ? -1
          : letters[a]!.receivedOn > letters[b]!.receivedOn
            ? 1
            : a - b,
      );
    const ids = new Array<number>(letters.length);
    order.forEach((i, k) => (ids[i] = reserved[k]!));
    const numberOfDay = new Map<string, number>();
    const tracking = new Array<string>(letters.length);
    for (const i of order) {
      const l = letters[i]!;
      const key = `${trackingPrefix(l.mailboxCode)}${l.receivedOn}`;
      const n = (numberOfDay.get(key) ?? 0) + 1;
      numberOfDay.set(key, n);
      tracking[i] = letterTrackingNumber(trackingPrefix(l.mailboxCode), l.receivedOn, n);
    }

    const p = deps.personalData;
    const at = (day: IsoDate, k: number) =>
      new Date(startOfLocalDay(day).getTime() + (9 * 60 + ((k * 37) % 480)) * 60_000);
    const letterValues: (typeof letter.$inferInsert)[] = [];
    const eventValues: (typeof letterEvent.$inferInsert)[] = [];
    letters.forEach((l, i) => {
      const m = boxes.get(l.mailboxCode);
      const box = mailboxIds.get(l.mailboxCode);
      if (!m || !box) throw new InvalidInput({ mailboxCode: `演示信件的信箱「${l.mailboxCode}」不存在` });
      const rules = mailboxRules(m);
      const facts: LetterEvent[] = [
        { type: 'submitted', on: l.receivedOn, kind: l.kind, channel: l.channel },
      ];
      eventValues.push({
        letterId: ids[i]!,
        seq: 1,
        type: 'submitted',
        on: l.receivedOn,
        data: { kind: l.kind, channel: l.channel },
        actorId: null,
        actorAgencyId: null,
        recordedAt: at(l.receivedOn, i),
      });
      // The responsible agency, the 承办单位 and its officer, as the steps move the letter.
      let responsible = box.agencyId;
      let handling: number | null = null;
      let assignedTo: number | null = null;
      let replyAgencyId: number | null = null;
      let triageReason: string | null = null;
      let duplicateOf: number | null = null;
      let publishedAt: Date | null = null;
      let rated: { satisfaction: string; comment: string | null; at: Date } | null = null;
      let archivedAt: Date | null = null;
      for (const [k, s] of l.steps.entries()) {
        const e = toEvent(s.event, ids);
        const before: LetterView = letterView(facts, rules, calendar, e.on);
        assertCanTake(before, e.type);
        const actor = actorOf(s.by);
        const right = RIGHT[e.type];
        if (actor && right) authorize(actor, right, { agencyPath: agencyOf(s.agencyCode).path });
        facts.push(e);
        const when = at(e.on, i + k + 1);
        switch (e.type) {
          case 'accepted':
            if (e.agencyId) responsible = handling = e.agencyId;
            else if (m.kind === 'agency') handling = box.agencyId;
            break;
          case 'assigned':
            responsible = handling = e.agencyId;
            assignedTo = e.userId ?? null;
            break;
          case 'transferred':
            responsible = handling = e.toAgencyId;
            assignedTo = null;
            break;
          case 'instructed':
            responsible = handling = e.agencyId;
            break;
          case 'replied':
            replyAgencyId = e.agencyId ?? handling ?? box.agencyId;
            break;
          case 'declined':
            triageReason = e.reason;
            duplicateOf = e.duplicateOf ?? null;
            replyAgencyId = box.agencyId;
            break;
          case 'published':
            publishedAt = when;
            break;
          case 'rated':
            rated = { satisfaction: e.satisfaction, comment: e.comment ?? null, at: when };
            break;
          case 'archived':
            archivedAt = when;
            break;
        }
        const { type, on, ...data } = e;
        eventValues.push({
          letterId: ids[i]!,
          seq: k + 2,
          type,
          on,
          data: data as Record<string, unknown>,
          actorId: actor?.userId ?? null,
          actorAgencyId: agencyOf(s.agencyCode).id,
          recordedAt: when,
        });
      }
      const view = letterView(facts, rules, calendar, today);
      const published = view.published === true && l.publicVersion;
      letterValues.push({
        id: ids[i]!,
        mailboxId: box.id,
        agencyId: responsible,
        trackingNumber: tracking[i]!,
        queryCodeHash: hashLetterQueryCode(l.queryCode ?? newQueryCode(m.queryCodeLength)),
        kind: l.kind,
        title: l.title,
        content: l.content,
        ...writerColumns(l, p),
        publicConsent: l.publicConsent,
        channel: l.channel,
        submittedAt: at(l.receivedOn, i),
        receivedOn: l.receivedOn,
        spamScore: spamCheck({ title: l.title, content: l.content, name: l.name }).score,
        handlingAgencyId: handling,
        assignedTo,
        triageReason,
        duplicateOf,
        ...letterViewColumns(view, today),
        replyText: view.replyText,
        replyAgencyId: view.repliedOn ? replyAgencyId : null,
        publication:
          view.published === true ? 'published' : view.published === false ? 'withheld' : 'pending',
        publicTitle: published ? l.publicVersion!.title : null,
        publicContent: published ? l.publicVersion!.content : null,
        publicReply: published ? l.publicVersion!.reply : null,
        publishedAt: view.published === true ? publishedAt : null,
        satisfaction: rated?.satisfaction ?? null,
        satisfactionComment: rated?.comment ?? null,
        ratedAt: rated?.at ?? null,
        archivedAt,
        synthetic: true,
        version: 1 + l.steps.length,
      });
    });

    for (let k = 0; k < letterValues.length; k += CHUNK)
      await tx.insert(letter).values(letterValues.slice(k, k + CHUNK));
    for (let k = 0; k < eventValues.length; k += CHUNK)
      await tx.insert(letterEvent).values(eventValues.slice(k, k + CHUNK));

    const showcase = letters.findIndex((l) => l.queryCode);
    await audit({
      action: 'demo.letters-loaded',
      subjectType: 'setting',
      subjectId: 'demo',
      data: { mailboxes: mailboxRows.length, letters: letters.length, events: eventValues.length },
    });
    return {
      mailboxes: mailboxRows.length,
      letters: letters.length,
      events: eventValues.length,
      showcase:
        showcase < 0
          ? null
          : { trackingNumber: tracking[showcase]!, queryCode: letters[showcase]!.queryCode! },
    };
  });
}
