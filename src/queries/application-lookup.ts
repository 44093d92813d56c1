// The applicant's own view of an application: with the tracking number and the query code, and
// nothing else (the same answer for an unknown number as for a wrong code).
import { timingSafeEqual } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import { applicationRulesOf } from '../domain/applications/rules.js';
import { caseView, type CaseEvent, type CaseView } from '../domain/applications/state.js';
import { hashQueryCode, normaliseTrackingNumber } from '../domain/applications/tracking.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import type { Executor } from '../db/client.js';
import { findApplicationIdByTracking, loadCase, type LoadedCase } from '../db/repositories/applications.js';
import { notice } from '../db/schema.js';
import { eventLabel, noticeItem, outcomeLabel, type NoticeItem } from './application-case.js';
import { installationRules } from './application-rules.js';
import { cachedWorkCalendar } from './calendar-cache.js';

/**
 * The application the applicant holds the tracking number and query code of, or null — the same
 * for an unknown number as for a wrong code (the code is compared in constant time either way).
 */
export async function applicantCase(
  db: Executor,
  trackingNumber: string,
  queryCode: string,
): Promise<LoadedCase | null> {
  const id = await findApplicationIdByTracking(db, normaliseTrackingNumber(trackingNumber));
  const given = Buffer.from(hashQueryCode(queryCode), 'hex');
  if (id === null) {
    timingSafeEqual(given, given);
    return null;
  }
  const loaded = await loadCase(db, id);
  const stored = Buffer.from(loaded.app.queryCodeHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored) ? loaded : null;
}

export interface PublicCase {
  trackingNumber: string;
  agencyName: string;
  receivedOn: IsoDate;
  view: CaseView;
  outcomeLabel: string | null;
  /** The steps the applicant is told of (internal ones are left out). */
  history: { label: string; on: IsoDate }[];
  notices: NoticeItem[];
}

const INTERNAL_STEPS: readonly CaseEvent['type'][] = [
  'extensionRequested',
  'consultationReceived',
  'consultationAnswered',
];

/**
 * The applicant's own view: with the right tracking number and query code, the state, the due date
 * with the clock's explanation and the notices served on them; otherwise null — the same answer for
 * an unknown number as for a wrong code.
 */
export async function lookupApplication(
  db: Executor,
  trackingNumber: string,
  queryCode: string,
  today: IsoDate,
): Promise<PublicCase | null> {
  const loaded = await applicantCase(db, trackingNumber, queryCode);
  if (!loaded) return null;
  const id = loaded.app.id;
  const calendar = await cachedWorkCalendar(db, loaded.agencyPath);
  const view = caseView(loaded.facts, calendar, today, applicationRulesOf(await installationRules(db)));
  const notices = await db
    .select()
    .from(notice)
    .where(and(eq(notice.applicationId, id), eq(notice.toApplicant, true)))
    .orderBy(asc(notice.issuedOn), asc(notice.id));
  return {
    trackingNumber: loaded.app.trackingNumber,
    agencyName: loaded.agencyName,
    receivedOn: loaded.app.receivedOn,
    view,
    outcomeLabel: outcomeLabel(view.outcome),
    history: loaded.events
      .filter((e) => !INTERNAL_STEPS.includes(e.type as CaseEvent['type']))
      .map((e) => ({ label: eventLabel(e.type as CaseEvent['type']), on: e.on })),
    notices: notices.map(noticeItem),
  };
}
