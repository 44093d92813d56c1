// Presenters of the applications API: explicit field whitelists from the read models of
// src/queries/application-*.ts to the bodies of application-schemas.ts. Personal data leaves only
// masked (the case detail), never in a list or to the public lookup.
import type { z } from 'zod';
import type { ApplicantType } from '../../domain/applications/applicant.js';
import { CASE_STATE_LABELS, type CaseView } from '../../domain/applications/state.js';
import type { Explanation } from '../../domain/calendar/explain.js';
import type { CaseDetail, NoticeItem } from '../../queries/application-case.js';
import type { PublicCase } from '../../queries/application-lookup.js';
import type { InboxItem } from '../../queries/application-inbox.js';
import type {
  ApplicationDetail,
  ApplicationListItem,
  ApplicationNoticeRef,
  DeadlineExplanation,
  PublicApplication,
} from './application-schemas.js';

function presentExplanation(e: Explanation | null): z.input<typeof DeadlineExplanation> | null {
  if (!e) return null;
  return {
    start: e.start,
    startReason: e.startReason,
    period: e.period,
    segments: e.segments.map((s) => ({
      from: s.from,
      to: s.to,
      kind: s.kind,
      reason: s.reason,
      workdays: s.workdays,
    })),
    notes: [...e.notes],
  };
}

function presentNoticeRef(n: NoticeItem): z.input<typeof ApplicationNoticeRef> {
  return { id: n.id, title: n.title, number: n.number, issuedOn: n.issuedOn, servedOn: n.servedOn };
}

function statusOf(view: CaseView) {
  return { status: view.state, statusLabel: CASE_STATE_LABELS[view.state] };
}

export function presentPublicApplication(c: PublicCase): z.input<typeof PublicApplication> {
  return {
    trackingNumber: c.trackingNumber,
    agencyName: c.agencyName,
    ...statusOf(c.view),
    receivedOn: c.receivedOn,
    dueDate: c.view.deadline.dueDate,
    explanation: presentExplanation(c.view.deadline.explanation),
    outcome: c.view.outcome,
    outcomeLabel: c.outcomeLabel,
    notices: c.notices.map(presentNoticeRef),
  };
}

export function presentApplicationListItem(i: InboxItem): z.input<typeof ApplicationListItem> {
  return {
    id: i.id,
    trackingNumber: i.trackingNumber,
    agencyCode: i.agencyCode,
    agencyName: i.agencyName,
    applicantType: i.applicantType as ApplicantType,
    receivedOn: i.receivedOn,
    status: i.state,
    statusLabel: CASE_STATE_LABELS[i.state],
    dueDate: i.dueDate,
    overdue: i.overdue,
    dueSoon: i.dueSoon,
    outcome: i.outcome as z.input<typeof ApplicationListItem>['outcome'],
    concludedOn: i.concludedOn,
    assignedTo: i.assignedTo,
  };
}

export function presentApplicationDetail(c: CaseDetail): z.input<typeof ApplicationDetail> {
  const a = c.applicant;
  return {
    id: c.id,
    trackingNumber: c.trackingNumber,
    version: c.version,
    agency: { code: c.agency.code, name: c.agency.name },
    applicant: {
      type: a.type,
      typeLabel: a.typeLabel,
      name: a.name,
      contactPerson: a.contactPerson,
      idType: a.idType,
      idTypeLabel: a.idTypeLabel,
      idNumberMasked: a.idNumberMasked,
      phoneMasked: a.phoneMasked,
      postalCode: a.postalCode,
      hasEmail: a.hasEmail,
      hasAddress: a.hasAddress,
    },
    description: c.description,
    documentTitle: c.documentTitle,
    documentNumber: c.documentNumber,
    form: c.form,
    delivery: c.delivery,
    channel: c.channel,
    receivedOn: c.receivedOn,
    ...statusOf(c.view),
    deadline: {
      dueDate: c.view.deadline.dueDate,
      daysLeft: c.view.deadline.daysLeft,
      explanation: presentExplanation(c.view.deadline.explanation),
    },
    allowed: [...c.view.allowed],
    extensionPending: c.view.extensionPending
      ? { requestedOn: c.view.extensionPending.requestedOn, workdays: c.view.extensionPending.workdays }
      : null,
    outcome: c.view.outcome,
    outcomeLabel: c.outcomeLabel,
    concludedOn: c.view.concludedOn,
    assignedTo: c.assignedTo ? { id: c.assignedTo.id, name: c.assignedTo.name } : null,
    history: c.history.map((h) => ({
      seq: h.seq,
      type: h.type,
      label: h.label,
      on: h.on,
      event: { ...h.event },
      note: h.note,
      recordedBy: h.recordedBy,
      recordedAt: h.recordedAt.toISOString(),
    })),
    notices: c.notices.map((n) => ({
      ...presentNoticeRef(n),
      kind: n.kind,
      servedMethod: n.servedMethod,
      toApplicant: n.toApplicant,
    })),
  };
}
