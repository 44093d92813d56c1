// Read models of one application: the case page of the back office and the staff API (personal
// data masked), and the applicant's own lookup (tracking number + query code). The state, the due
// date and the outcome are computed here from the facts (caseView), never read from the cache.
import { and, asc, desc, eq, ne } from 'drizzle-orm';
import type { AnyActor } from '../domain/agencies/actor.js';
import { APPLICANT_TYPE_LABELS, type ApplicantType } from '../domain/applications/applicant.js';
import { ID_TYPE_LABELS, type IdType } from '../domain/applications/identity.js';
import { OUTCOME_RULES, type Outcome } from '../domain/applications/outcomes.js';
import { caseView, TRANSITIONS, type CaseEvent, type CaseView } from '../domain/applications/state.js';
import { RECEIPT_CHANNEL_LABELS, type ReceiptChannel } from '../domain/calendar/receipt.js';
import type { IsoDate } from '../domain/calendar/iso-date.js';
import type { Executor } from '../db/client.js';
import { loadCase, findApplicationIdByTracking } from '../db/repositories/applications.js';
import { agency, application, applicationFile, appUser, notice, storedFile } from '../db/schema.js';
import { authorize } from '../policies/policy.js';
import { cachedWorkCalendar } from './calendar-cache.js';
import { normaliseTrackingNumber } from '../domain/applications/tracking.js';
import {
  DELIVERY_LABELS,
  FORM_LABELS,
  type Delivery,
  type InfoForm,
} from '../domain/applications/request.js';
import { applicationRulesOf } from '../domain/applications/rules.js';
import { installationRules } from './application-rules.js';

export interface HistoryItem {
  seq: number;
  type: CaseEvent['type'];
  /** 收到申请, 告知补正 … */
  label: string;
  on: IsoDate;
  event: CaseEvent;
  note: string | null;
  recordedBy: string | null;
  recordedAt: Date;
}

export interface NoticeItem {
  id: number;
  kind: string;
  number: string | null;
  title: string;
  issuedOn: IsoDate;
  servedMethod: string | null;
  servedOn: IsoDate | null;
  toApplicant: boolean;
}

export interface CaseDetail {
  id: number;
  trackingNumber: string;
  version: number;
  agency: { id: number; code: string; name: string; path: string };
  applicant: {
    type: ApplicantType;
    typeLabel: string;
    name: string;
    contactPerson: string | null;
    idType: IdType;
    idTypeLabel: string;
    idNumberMasked: string;
    phoneMasked: string | null;
    postalCode: string | null;
    hasEmail: boolean;
    hasAddress: boolean;
  };
  description: string;
  documentTitle: string | null;
  documentNumber: string | null;
  form: InfoForm;
  formLabel: string;
  delivery: Delivery;
  deliveryLabel: string;
  channel: ReceiptChannel;
  channelLabel: string;
  receivedOn: IsoDate;
  submittedAt: Date;
  assignedTo: { id: number; name: string } | null;
  view: CaseView;
  outcomeLabel: string | null;
  history: HistoryItem[];
  notices: NoticeItem[];
  attachments: { id: number; filename: string; mediaType: string; size: number; kind: string }[];
  /** Earlier and later applications of the same applicant (same identity number), newest first. */
  sameApplicant: {
    id: number;
    trackingNumber: string;
    agencyName: string;
    receivedOn: IsoDate;
    state: string;
    outcome: string | null;
  }[];
}

const EVENT_LABELS: Record<CaseEvent['type'], string> = {
  received: '收到申请',
  ...Object.fromEntries(TRANSITIONS.map((t) => [t.action, t.label])),
} as Record<CaseEvent['type'], string>;

export function eventLabel(type: CaseEvent['type']): string {
  return EVENT_LABELS[type] ?? type;
}

export function outcomeLabel(outcome: string | null): string | null {
  return outcome && outcome in OUTCOME_RULES ? OUTCOME_RULES[outcome as Outcome].label : null;
}

/** The case as staff see it. NotFound outside the actor's subtree (404: not even its existence). */
export async function applicationCase(
  db: Executor,
  actor: AnyActor,
  id: number,
  today: IsoDate,
): Promise<CaseDetail> {
  const loaded = await loadCase(db, id);
  authorize(actor, 'application.view', { agencyPath: loaded.agencyPath });
  const app = loaded.app;
  const calendar = await cachedWorkCalendar(db, loaded.agencyPath);
  const view = caseView(loaded.facts, calendar, today, applicationRulesOf(await installationRules(db)));
  const userIds = [
    ...new Set(
      loaded.events
        .map((e) => e.recordedBy)
        .concat(app.assignedTo)
        .filter((x): x is number => x != null),
    ),
  ];
  const users = new Map<number, string>();
  for (const uid of userIds) {
    const [u] = await db.select({ name: appUser.displayName }).from(appUser).where(eq(appUser.id, uid));
    if (u) users.set(uid, u.name);
  }
  const notices = await db
    .select()
    .from(notice)
    .where(eq(notice.applicationId, id))
    .orderBy(asc(notice.issuedOn), asc(notice.id));
  const files = await db
    .select({
      id: storedFile.id,
      filename: storedFile.filename,
      mediaType: storedFile.mediaType,
      size: storedFile.size,
      kind: applicationFile.kind,
    })
    .from(applicationFile)
    .innerJoin(storedFile, eq(storedFile.id, applicationFile.fileId))
    .where(eq(applicationFile.applicationId, id))
    .orderBy(asc(storedFile.id));
  const same = await db
    .select({
      id: application.id,
      trackingNumber: application.trackingNumber,
      agencyName: agency.name,
      agencyPath: agency.path,
      receivedOn: application.receivedOn,
      state: application.state,
      outcome: application.outcome,
    })
    .from(application)
    .innerJoin(agency, eq(agency.id, application.agencyId))
    .where(and(eq(application.idNumberHash, app.idNumberHash), ne(application.id, id)))
    .orderBy(desc(application.receivedOn))
    .limit(50);
  return {
    id: app.id,
    trackingNumber: app.trackingNumber,
    version: app.version,
    agency: { id: app.agencyId, code: loaded.agencyCode, name: loaded.agencyName, path: loaded.agencyPath },
    applicant: {
      type: app.applicantType as ApplicantType,
      typeLabel: APPLICANT_TYPE_LABELS[app.applicantType as ApplicantType] ?? app.applicantType,
      name: app.name,
      contactPerson: app.contactPerson,
      idType: app.idType as IdType,
      idTypeLabel: ID_TYPE_LABELS[app.idType as IdType] ?? app.idType,
      idNumberMasked: app.idNumberMasked,
      phoneMasked: app.phoneMasked,
      postalCode: app.postalCode,
      hasEmail: app.emailEnc != null,
      hasAddress: app.addressEnc != null,
    },
    description: app.description,
    documentTitle: app.documentTitle,
    documentNumber: app.documentNumber,
    form: app.form as InfoForm,
    formLabel: FORM_LABELS[app.form as InfoForm] ?? app.form,
    delivery: app.delivery as Delivery,
    deliveryLabel: DELIVERY_LABELS[app.delivery as Delivery] ?? app.delivery,
    channel: app.channel as ReceiptChannel,
    channelLabel: RECEIPT_CHANNEL_LABELS[app.channel as ReceiptChannel] ?? app.channel,
    receivedOn: app.receivedOn,
    submittedAt: app.submittedAt,
    assignedTo: app.assignedTo ? { id: app.assignedTo, name: users.get(app.assignedTo) ?? '' } : null,
    view,
    outcomeLabel: outcomeLabel(view.outcome),
    history: loaded.events.map((e) => ({
      seq: e.seq,
      type: e.type as CaseEvent['type'],
      label: eventLabel(e.type as CaseEvent['type']),
      on: e.on,
      event: e.data as unknown as CaseEvent,
      note: e.note,
      recordedBy: e.recordedBy ? (users.get(e.recordedBy) ?? null) : null,
      recordedAt: e.recordedAt,
    })),
    notices: notices.map(noticeItem),
    attachments: files,
    // Only what the actor may see: another subtree's applications stay invisible.
    sameApplicant: same
      .filter((s) => {
        try {
          authorize(actor, 'application.view', { agencyPath: s.agencyPath });
          return true;
        } catch {
          return false;
        }
      })
      .map(({ agencyPath: _p, ...s }) => s),
  };
}

export function noticeItem(n: typeof notice.$inferSelect): NoticeItem {
  return {
    id: n.id,
    kind: n.kind,
    number: n.number,
    title: n.title,
    issuedOn: n.issuedOn,
    servedMethod: n.servedMethod,
    servedOn: n.servedOn,
    toApplicant: n.toApplicant,
  };
}

/** The id of the application with this tracking number (hyphen optional), or null: the API's key. */
export async function applicationIdOf(db: Executor, trackingNumber: string): Promise<number | null> {
  return findApplicationIdByTracking(db, normaliseTrackingNumber(trackingNumber));
}
