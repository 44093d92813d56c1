// Intake's one statement per application (src/commands/applications/submit.ts): the application,
// its first fact, the receipt notice (登记回执) linked to that fact and the applicant's message in
// the outbox (when there is an address), inserted together in one round trip. The same rows the
// query builder wrote one by one before (docs/performance.md, "Intake"). The audit events follow
// (src/db/repositories/audit.ts insertAuditEvents), under the chain's lock.
import type { Tx } from '../client.js';
import { run, statement } from '../statements.js';

export interface IntakeRows {
  application: {
    id: number;
    agencyId: number;
    trackingNumber: string;
    queryCodeHash: string;
    applicantType: string;
    name: string;
    contactPerson: string | null;
    idType: string;
    idNumberEnc: string;
    idNumberMasked: string;
    idNumberHash: string;
    phoneEnc: string | null;
    phoneMasked: string | null;
    emailEnc: string | null;
    addressEnc: string | null;
    postalCode: string | null;
    description: string;
    documentTitle: string | null;
    documentNumber: string | null;
    form: string;
    delivery: string;
    channel: string;
    receivedOn: string;
    submittedAt: Date;
    state: string;
    dueDate: string | null;
    outcome: string | null;
    concludedOn: string | null;
    viewComputedOn: string;
  };
  /** The first fact (seq 1). */
  event: { type: string; on: string; data: unknown; recordedBy: number | null; recordedAt: Date };
  /** The receipt notice; its event is the fact above. */
  notice: {
    kind: string;
    number: string | null;
    title: string;
    addressee: string;
    paragraphs: string[];
    issuedOn: string;
    issuedBy: number | null;
    servedMethod: string | null;
    servedOn: string | null;
    toApplicant: boolean;
  };
  outbox: {
    topic: string;
    agencyId: number;
    recipientEnc: string;
    subject: string;
    body: string;
  } | null;
}

/** [column, parameter cast]: every parameter is cast, so the INSERT … SELECT forms infer nothing. */
const APPLICATION: [string, string][] = [
  ['id', 'int'],
  ['agency_id', 'int'],
  ['tracking_number', 'text'],
  ['query_code_hash', 'text'],
  ['applicant_type', 'text'],
  ['name', 'text'],
  ['contact_person', 'text'],
  ['id_type', 'text'],
  ['id_number_enc', 'text'],
  ['id_number_masked', 'text'],
  ['id_number_hash', 'text'],
  ['phone_enc', 'text'],
  ['phone_masked', 'text'],
  ['email_enc', 'text'],
  ['address_enc', 'text'],
  ['postal_code', 'text'],
  ['description', 'text'],
  ['document_title', 'text'],
  ['document_number', 'text'],
  ['form', 'text'],
  ['delivery', 'text'],
  ['channel', 'text'],
  ['received_on', 'date'],
  ['submitted_at', 'timestamptz'],
  ['state', 'text'],
  ['due_date', 'date'],
  ['outcome', 'text'],
  ['concluded_on', 'date'],
  ['view_computed_on', 'date'],
];
const EVENT: [string, string][] = [
  ['type', 'text'],
  ['"on"', 'date'],
  ['data', 'jsonb'],
  ['recorded_by', 'int'],
  ['recorded_at', 'timestamptz'],
];
const NOTICE: [string, string][] = [
  ['kind', 'text'],
  ['number', 'text'],
  ['title', 'text'],
  ['addressee', 'text'],
  ['paragraphs', 'jsonb'],
  ['issued_on', 'date'],
  ['issued_by', 'int'],
  ['served_method', 'text'],
  ['served_on', 'date'],
  ['to_applicant', 'boolean'],
];
const OUTBOX: [string, string][] = [
  ['topic', 'text'],
  ['agency_id', 'int'],
  ['recipient_enc', 'text'],
  ['subject', 'text'],
  ['body', 'text'],
];

function text(): string {
  let n = 0;
  const ps = (cols: [string, string][]) => cols.map(([, cast]) => `$${++n}::${cast}`).join(', ');
  const names = (cols: [string, string][]) => cols.map(([c]) => c).join(', ');
  const app = ps(APPLICATION);
  const ev = ps(EVENT);
  const nt = ps(NOTICE);
  const ob = ps(OUTBOX);
  const withOutbox = `$${++n}::boolean`;
  return `with a as (
  insert into application (${names(APPLICATION)}) values (${app}) returning id
), ev as (
  insert into application_event (application_id, seq, ${names(EVENT)})
  select a.id, 1, ${ev} from a returning id, application_id
), nt as (
  insert into notice (application_id, event_id, ${names(NOTICE)})
  select ev.application_id, ev.id, ${nt} from ev returning id
), ob as (
  insert into outbox (application_id, ${names(OUTBOX)}, status)
  select a.id, ${ob}, 'pending' from a where ${withOutbox} returning id
)
select ev.id as event_id, nt.id as notice_id from ev, nt`;
}

const INTAKE = statement('intake_rows', text());

/** Inserts the rows of a submitted application; the ids of its first fact and of the receipt. */
export async function insertIntakeRows(
  tx: Tx,
  r: IntakeRows,
): Promise<{ eventId: number; noticeId: number }> {
  const a = r.application;
  const e = r.event;
  const t = r.notice;
  const o = r.outbox;
  const params: unknown[] = [
    a.id,
    a.agencyId,
    a.trackingNumber,
    a.queryCodeHash,
    a.applicantType,
    a.name,
    a.contactPerson,
    a.idType,
    a.idNumberEnc,
    a.idNumberMasked,
    a.idNumberHash,
    a.phoneEnc,
    a.phoneMasked,
    a.emailEnc,
    a.addressEnc,
    a.postalCode,
    a.description,
    a.documentTitle,
    a.documentNumber,
    a.form,
    a.delivery,
    a.channel,
    a.receivedOn,
    a.submittedAt.toISOString(),
    a.state,
    a.dueDate,
    a.outcome,
    a.concludedOn,
    a.viewComputedOn,
    e.type,
    e.on,
    JSON.stringify(e.data),
    e.recordedBy,
    e.recordedAt.toISOString(),
    t.kind,
    t.number,
    t.title,
    t.addressee,
    JSON.stringify(t.paragraphs),
    t.issuedOn,
    t.issuedBy,
    t.servedMethod,
    t.servedOn,
    t.toApplicant,
    o?.topic ?? '',
    o?.agencyId ?? null,
    o?.recipientEnc ?? null,
    o?.subject ?? '',
    o?.body ?? '',
    o !== null,
  ];
  const [row] = await run<{ event_id: unknown; notice_id: unknown }>(tx, INTAKE, params);
  return { eventId: Number(row!.event_id), noticeId: Number(row!.notice_id) };
}
