// Intake's one statement (src/commands/applications/submit.ts): for one application or a group
// (intake-batch.ts), the applications, their first facts, their receipt notices (登记回执) linked to
// those facts and the applicants' messages in the outbox (when there is an address), inserted
// together in one round trip: each table's rows go as one JSON array (jsonb_to_recordset), so the
// text is the same for any number. The same rows the query builder wrote one by one before
// (docs/performance.md, "Intake"). The audit events follow (src/db/repositories/audit.ts
// insertAuditEvents), under the chain's lock.
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

/** [column, type] of each table's part, as jsonb_to_recordset reads it from the JSON rows. */
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
  ['application_id', 'int'],
  ['type', 'text'],
  ['"on"', 'date'],
  ['data', 'jsonb'],
  ['recorded_by', 'int'],
  ['recorded_at', 'timestamptz'],
];
const NOTICE: [string, string][] = [
  ['application_id', 'int'],
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
  ['application_id', 'int'],
  ['topic', 'text'],
  ['agency_id', 'int'],
  ['recipient_enc', 'text'],
  ['subject', 'text'],
  ['body', 'text'],
];

const names = (cols: [string, string][], prefix = '') => cols.map(([c]) => prefix + c).join(', ');
const record = (cols: [string, string][]) => cols.map(([c, t]) => `${c} ${t}`).join(', ');

/** Every application of a group in one statement: each table's rows as one JSON array. */
const INTAKE = statement(
  'intake_rows',
  `with a as (
  insert into application (${names(APPLICATION)})
  select ${names(APPLICATION, 'x.')} from jsonb_to_recordset($1::jsonb) as x(${record(APPLICATION)})
  returning id
), ev as (
  insert into application_event (seq, ${names(EVENT)})
  select 1, ${names(EVENT, 'x.')} from jsonb_to_recordset($2::jsonb) as x(${record(EVENT)})
  returning id, application_id
), nt as (
  insert into notice (event_id, ${names(NOTICE)})
  select ev.id, ${names(NOTICE, 'x.')} from jsonb_to_recordset($3::jsonb) as x(${record(NOTICE)})
  join ev on ev.application_id = x.application_id
  returning id
), ob as (
  insert into outbox (status, ${names(OUTBOX)})
  select 'pending', ${names(OUTBOX, 'x.')} from jsonb_to_recordset($4::jsonb) as x(${record(OUTBOX)})
  returning id
)
select (select count(*) from a)::int as applications, (select count(*) from nt)::int as notices`,
);

/** Inserts the rows of submitted applications (one or a group) in one statement. */
export async function insertIntakeRows(tx: Tx, items: readonly IntakeRows[]): Promise<void> {
  const apps = [];
  const events = [];
  const notices = [];
  const messages = [];
  for (const { application: a, event: e, notice: t, outbox: o } of items) {
    apps.push({
      id: a.id,
      agency_id: a.agencyId,
      tracking_number: a.trackingNumber,
      query_code_hash: a.queryCodeHash,
      applicant_type: a.applicantType,
      name: a.name,
      contact_person: a.contactPerson,
      id_type: a.idType,
      id_number_enc: a.idNumberEnc,
      id_number_masked: a.idNumberMasked,
      id_number_hash: a.idNumberHash,
      phone_enc: a.phoneEnc,
      phone_masked: a.phoneMasked,
      email_enc: a.emailEnc,
      address_enc: a.addressEnc,
      postal_code: a.postalCode,
      description: a.description,
      document_title: a.documentTitle,
      document_number: a.documentNumber,
      form: a.form,
      delivery: a.delivery,
      channel: a.channel,
      received_on: a.receivedOn,
      submitted_at: a.submittedAt.toISOString(),
      state: a.state,
      due_date: a.dueDate,
      outcome: a.outcome,
      concluded_on: a.concludedOn,
      view_computed_on: a.viewComputedOn,
    });
    events.push({
      application_id: a.id,
      type: e.type,
      on: e.on,
      data: e.data,
      recorded_by: e.recordedBy,
      recorded_at: e.recordedAt.toISOString(),
    });
    notices.push({
      application_id: a.id,
      kind: t.kind,
      number: t.number,
      title: t.title,
      addressee: t.addressee,
      paragraphs: t.paragraphs,
      issued_on: t.issuedOn,
      issued_by: t.issuedBy,
      served_method: t.servedMethod,
      served_on: t.servedOn,
      to_applicant: t.toApplicant,
    });
    if (o)
      messages.push({
        application_id: a.id,
        topic: o.topic,
        agency_id: o.agencyId,
        recipient_enc: o.recipientEnc,
        subject: o.subject,
        body: o.body,
      });
  }
  const [row] = await run<{ applications: number; notices: number }>(tx, INTAKE, [
    JSON.stringify(apps),
    JSON.stringify(events),
    JSON.stringify(notices),
    JSON.stringify(messages),
  ]);
  // Each application with its fact and its receipt, or the statement failed.
  if (Number(row!.applications) !== items.length || Number(row!.notices) !== items.length)
    throw new Error('申请登记写入不完整');
}
