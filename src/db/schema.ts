// The database schema: one definition for PGlite and PostgreSQL (written to the PostgreSQL 15 subset).
// Migrations are generated from it with `npm run db:generate` into src/db/migrations.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  customType,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

/** Raw bytes (PostgreSQL bytea; PGlite returns a Uint8Array, node-postgres a Buffer). */
const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v)),
});

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** 行政机关 and their 政府信息公开工作机构 contact data (条例 第十二条: 政府信息公开指南). */
export const agency = pgTable(
  'agency',
  {
    id: serial('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    shortName: text('short_name'),
    kind: text('kind').notNull(),
    parentId: integer('parent_id').references((): AnyPgColumn => agency.id),
    /** Materialised path of ids, e.g. "/1/7/42/": a subtree is `path LIKE '/1/7/%'`. */
    path: text('path').notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
    officeName: text('office_name'),
    address: text('address'),
    postalCode: text('postal_code'),
    officeHours: text('office_hours'),
    phone: text('phone'),
    fax: text('fax'),
    email: text('email'),
    website: text('website'),
    functions: text('functions'),
    active: boolean('active').notNull().default(true),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('agency_code_uq').on(t.code),
    index('agency_parent_idx').on(t.parentId),
    index('agency_path_idx').on(t.path),
  ],
);

/** Staff accounts. Roles: see src/domain/agencies/roles.ts. */
export const appUser = pgTable(
  'app_user',
  {
    id: serial('id').primaryKey(),
    login: text('login').notNull(),
    displayName: text('display_name').notNull(),
    role: text('role').notNull(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    passwordHash: text('password_hash').notNull(),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'date' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('app_user_login_uq').on(sql`lower(${t.login})`),
    index('app_user_agency_idx').on(t.agencyId),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const session = pgTable(
  'session',
  {
    idHash: text('id_hash').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('session_user_idx').on(t.userId)],
);

/**
 * Failed logins per (login as typed, client address): the brute-force lock. Keyed by what was typed,
 * not by account, so an unknown login is locked exactly like a real one (nothing tells them apart),
 * and a stranger elsewhere locks only themself out, never the account's owner.
 */
export const loginThrottle = pgTable(
  'login_throttle',
  {
    /** SHA-256 of the lower-cased login as typed (attacker-chosen text is never stored). */
    loginKey: text('login_key').notNull(),
    /** The client address (req.ip; behind a proxy only with TRUST_PROXY). */
    client: text('client').notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'date' }),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.loginKey, t.client] }),
    index('login_throttle_updated_idx').on(t.updatedAt),
  ],
);

/** Fixed-window request counters shared by every app instance (e.g. login attempts per client). */
export const rateLimitCounter = pgTable('rate_limit_counter', {
  key: text('key').primaryKey(),
  windowStart: timestamp('window_start', { withTimezone: true, mode: 'date' }).notNull(),
  hits: integer('hits').notNull(),
});

/**
 * One row per background job (src/jobs/): an instance runs a job only after claiming its row with
 * SELECT … FOR UPDATE SKIP LOCKED and moving next_run_at on, so several instances on one database run
 * each job once per interval.
 */
export const jobSchedule = pgTable('job_schedule', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true, mode: 'date' }).notNull(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true, mode: 'date' }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true, mode: 'date' }),
  lastError: text('last_error'),
  /** Which instance ran it last (host:pid), for the operator. */
  lastInstance: text('last_instance'),
  runs: integer('runs').notNull().default(0),
});

/** Bearer tokens for integrations (stored hashed; shown once at creation). */
export const apiToken = pgTable(
  'api_token',
  {
    id: serial('id').primaryKey(),
    userId: integer('user_id')
      .notNull()
      .references(() => appUser.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    prefix: text('prefix').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('api_token_hash_uq').on(t.tokenHash)],
);

/** The audit log: append-only and hash-chained (each row's hash covers the previous hash). */
export const auditEvent = pgTable(
  'audit_event',
  {
    // Assigned as last seq + 1 under a lock (not a sequence), so a gap always means a deleted event.
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorId: integer('actor_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    agencyId: integer('agency_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('audit_event_subject_idx').on(t.subjectType, t.subjectId),
    index('audit_event_agency_idx').on(t.agencyId),
    // The dashboard's 我的最近操作: one actor's newest events without scanning the whole log.
    index('audit_event_actor_idx').on(t.actorId, t.seq),
    check('audit_event_hash_len', sql`length(${t.hash}) = 64`),
  ],
);

/** Small key/value settings kept with the data (e.g. when the demo city was loaded). */
export const appSetting = pgTable('app_setting', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: updatedAt(),
});

/**
 * The working-day calendar (工作日, 条例 第三十三条): dated entries that differ from the Mon–Fri rule.
 * National rows (agency_id NULL) come from the State Council notices — copied from the chinese-days
 * package at every start, or entered by hand before a package release (the hand-entered row wins).
 * A row with an agency applies to that agency's subtree (a local closure, 停止办公).
 */
export const calendarDay = pgTable(
  'calendar_day',
  {
    id: serial('id').primaryKey(),
    date: date('date', { mode: 'string' }).notNull(),
    workday: boolean('workday').notNull(),
    name: text('name'),
    /** CALENDAR_DAY_KINDS of src/domain/calendar/work-calendar.ts. */
    kind: text('kind').notNull(),
    /** Provenance: 'chinese-days@1.5.7 / 国务院办公厅通知', a notice title, or '机构调整：…'. */
    source: text('source').notNull(),
    agencyId: integer('agency_id').references(() => agency.id),
    /** Null for rows written by the system (the package sync). */
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    // One national entry per date, and one per date and agency (NULLs are distinct in a plain unique index).
    uniqueIndex('calendar_day_national_uq')
      .on(t.date)
      .where(sql`${t.agencyId} is null`),
    uniqueIndex('calendar_day_agency_uq')
      .on(t.date, t.agencyId)
      .where(sql`${t.agencyId} is not null`),
    index('calendar_day_agency_idx').on(t.agencyId),
  ],
);

/** Per-year guard (design rule 3): whether the year's official holiday arrangement is loaded. */
export const calendarYear = pgTable('calendar_year', {
  year: integer('year').primaryKey(),
  official: boolean('official').notNull().default(false),
  source: text('source').notNull(),
  loadedAt: timestamp('loaded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
});

// ---------------------------------------------------------------------------------------------
// Disclosure applications (依申请公开, docs/applications.md). The facts are stored; the state, the
// due date and the outcome are derived by src/domain/applications/state.ts (caseView). The columns
// marked "cache" hold caseView's answer as of the last event or the nightly refresh, only so that
// an inbox can be sorted and filtered in SQL; pages and the API compute the view afresh.

/** Stored files (attachments, scanned letters): content in the database by default (src/storage). */
export const storedFile = pgTable(
  'stored_file',
  {
    id: serial('id').primaryKey(),
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** The sniffed media type (never the one the client claimed). */
    mediaType: text('media_type').notNull(),
    filename: text('filename').notNull(),
    /** Where the bytes are: 'db' (the `content` column) or another store's key. */
    store: text('store').notNull().default('db'),
    content: bytea('content'),
    createdAt: createdAt(),
  },
  (t) => [index('stored_file_sha_idx').on(t.sha256)],
);

export const application = pgTable(
  'application',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    /** Shown to the applicant, e.g. 2026-0001234 (year of receipt, then a number). */
    trackingNumber: text('tracking_number').notNull(),
    /** SHA-256 of the query code given to the applicant (the code itself is never stored). */
    queryCodeHash: text('query_code_hash').notNull(),
    /** ApplicantType of src/domain/applications/applicant.ts (a table 三 column). */
    applicantType: text('applicant_type').notNull(),
    /** The applicant's name (a person) or the organisation's name. */
    name: text('name').notNull(),
    /** For an organisation: the person to contact (联系人), optional. */
    contactPerson: text('contact_person'),
    idType: text('id_type').notNull(),
    /** Encrypted (src/lib/personal-data.ts); the masked form is kept for lists. */
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    /** Keyed hash of the normalised number: finds the same applicant's applications without decrypting. */
    idNumberHash: text('id_number_hash').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    emailEnc: text('email_enc'),
    addressEnc: text('address_enc'),
    postalCode: text('postal_code'),
    /** The information sought: description, and the document's title or 文号 when known. */
    description: text('description').notNull(),
    documentTitle: text('document_title'),
    documentNumber: text('document_number'),
    /** paper | electronic | inspection (第二十九条: 获取信息的方式和途径). */
    form: text('form').notNull(),
    /** post | pickup | email | online */
    delivery: text('delivery').notNull(),
    /** online | in-person | post | fax | email | other (docs/legal.md §1.5, 第三十一条). */
    channel: text('channel').notNull(),
    /** The day the application counts as received (第三十一条). */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    assignedTo: integer('assigned_to').references(() => appUser.id),
    /** Optimistic locking: every change sets version = version + 1 where version = the one read. */
    version: integer('version').notNull().default(1),
    /** cache of caseView: CaseState */
    state: text('state').notNull(),
    /** cache of caseView: the due date of the reply (null when closed or paused without one) */
    dueDate: date('due_date', { mode: 'string' }),
    /** cache of caseView: the table 三 row once concluded */
    outcome: text('outcome'),
    concludedOn: date('concluded_on', { mode: 'string' }),
    /** When the cache columns were last computed (a refresh job recomputes open cases daily). */
    viewComputedOn: date('view_computed_on', { mode: 'string' }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('application_tracking_uq').on(t.trackingNumber),
    // The inbox: with id, a page's ids and its count come from the index alone (issue 9 bench).
    index('application_agency_due_idx').on(t.agencyId, t.state, t.dueDate, t.id),
    index('application_agency_received_idx').on(t.agencyId, t.receivedOn),
    index('application_agency_concluded_idx').on(t.agencyId, t.concludedOn),
    index('application_id_hash_idx').on(t.idNumberHash),
    index('application_assigned_idx').on(t.assignedTo, t.state),
  ],
);

/** The dated facts of an application (CaseEvent of src/domain/applications/transitions.ts), append-only. */
export const applicationEvent = pgTable(
  'application_event',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => application.id),
    /** 1, 2, 3 … within the application: the order of the facts. */
    seq: integer('seq').notNull(),
    type: text('type').notNull(),
    /** The day the fact happened (not the day it was typed in). */
    on: date('on', { mode: 'string' }).notNull(),
    /** The whole CaseEvent as recorded. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** Free-text note of the officer (e.g. what the correction notice lists). */
    note: text('note'),
    recordedBy: integer('recorded_by').references(() => appUser.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('application_event_seq_uq').on(t.applicationId, t.seq),
    // 信息处理费 collected in a year (annual report 六, issue 12): the payments by date.
    index('application_event_fee_paid_idx')
      .on(t.on)
      .where(sql`${t.type} = 'feePaid'`),
  ],
);

/** Files belonging to an application: the applicant's attachments, a correction, a scanned letter. */
export const applicationFile = pgTable(
  'application_file',
  {
    applicationId: integer('application_id')
      .notNull()
      .references(() => application.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => storedFile.id),
    /** attachment | correction | letter | other */
    kind: text('kind').notNull(),
    addedBy: integer('added_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.applicationId, t.fileId] })],
);

/**
 * Notices (告知书) served on the applicant or sent to a consulted party. The text is frozen when
 * issued (later template edits do not change a served notice); PDF and DOCX are rendered from it.
 */
export const notice = pgTable(
  'notice',
  {
    id: serial('id').primaryKey(),
    applicationId: integer('application_id')
      .notNull()
      .references(() => application.id),
    /** The event the notice belongs to, when there is one. */
    eventId: integer('event_id').references(() => applicationEvent.id),
    /** NOTICE_KINDS of src/domain/notices. */
    kind: text('kind').notNull(),
    /** The 文号, e.g. 江南府办依复〔2026〕12号 (null for notices without a number). */
    number: text('number'),
    title: text('title').notNull(),
    addressee: text('addressee').notNull(),
    paragraphs: jsonb('paragraphs').$type<string[]>().notNull(),
    issuedOn: date('issued_on', { mode: 'string' }).notNull(),
    issuedBy: integer('issued_by').references(() => appUser.id),
    /** 送达: how and when it reached the addressee (post, in-person, email, online, fax…). */
    servedMethod: text('served_method'),
    servedOn: date('served_on', { mode: 'string' }),
    /** Shown to the applicant in the public lookup (letters to third parties are not). */
    toApplicant: boolean('to_applicant').notNull().default(true),
    createdAt: createdAt(),
  },
  (t) => [index('notice_application_idx').on(t.applicationId), uniqueIndex('notice_number_uq').on(t.number)],
);

/**
 * Gap-free number sequences per agency, sequence name and year (the 文号 of notices): the next
 * number is taken with UPDATE … RETURNING inside the transaction that issues the notice, so two
 * concurrent notices wait for each other and a rolled-back one leaves no gap.
 */
export const numberSequence = pgTable(
  'number_sequence',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    name: text('name').notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.name, t.year] })],
);

/** Notice templates edited by an office (agency NULL: the installation's defaults override). */
export const noticeTemplate = pgTable(
  'notice_template',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id').references(() => agency.id),
    /** NOTICE_KINDS, or 'decision:<outcome>' for one decision type. */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    updatedBy: integer('updated_by').references(() => appUser.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('notice_template_agency_uq')
      .on(t.agencyId, t.kind)
      .where(sql`${t.agencyId} is not null`),
    uniqueIndex('notice_template_default_uq')
      .on(t.kind)
      .where(sql`${t.agencyId} is null`),
  ],
);

/** Per-agency settings of the disclosure office (e.g. the 文号 prefix of its notices). */
export const agencySetting = pgTable(
  'agency_setting',
  {
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    key: text('key').notNull(),
    value: jsonb('value').notNull(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.agencyId, t.key] })],
);

/** 行政复议 and 行政诉讼 about disclosure (the source of table 四 of the annual report). */
export const appeal = pgTable(
  'appeal',
  {
    id: serial('id').primaryKey(),
    /** The respondent agency (被申请人 / 被告). */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    applicationId: integer('application_id').references(() => application.id),
    /** reconsideration (行政复议) | litigation (行政诉讼) */
    kind: text('kind').notNull(),
    /** The reconsideration body or the court. */
    body: text('body').notNull(),
    caseNumber: text('case_number'),
    /** The appellant's name (as on the application when linked). */
    appellant: text('appellant').notNull(),
    filedOn: date('filed_on', { mode: 'string' }).notNull(),
    /** Litigation only: whether reconsideration came first (复议后起诉). */
    afterReconsideration: boolean('after_reconsideration').notNull().default(false),
    /** upheld (维持) | corrected (纠正) | other (其他结果) | pending (尚未审结) */
    result: text('result').notNull().default('pending'),
    decidedOn: date('decided_on', { mode: 'string' }),
    note: text('note'),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('appeal_agency_filed_idx').on(t.agencyId, t.filedOn),
    index('appeal_application_idx').on(t.applicationId),
  ],
);

/**
 * Messages to send (e-mail), written in the same transaction as the event they tell of; a job
 * delivers them. `dedupeKey` makes a reminder unique however many instances run the job.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: serial('id').primaryKey(),
    /** e.g. 'application.received', 'reminder.dueSoon' */
    topic: text('topic').notNull(),
    /** A staff member (the back office shows their messages) or null for an applicant. */
    userId: integer('user_id').references(() => appUser.id),
    agencyId: integer('agency_id').references(() => agency.id),
    applicationId: integer('application_id').references(() => application.id),
    /** The letter (政民互动) the message is about, when it is about one. */
    letterId: integer('letter_id').references((): AnyPgColumn => letter.id),
    /** Encrypted e-mail address (null: nothing to send by mail; shown in the back office only). */
    recipientEnc: text('recipient_enc'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    dedupeKey: text('dedupe_key'),
    /** pending | sent | failed | held (no mail server configured, or no address) */
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('outbox_dedupe_uq').on(t.dedupeKey),
    index('outbox_pending_idx').on(t.status, t.nextAttemptAt),
    index('outbox_user_idx').on(t.userId, t.createdAt),
  ],
);

// ---------------------------------------------------------------------------------------------------
// 主动公开: the document library (条例 第十九—二十六条). Status that depends on time or relations
// (有效性, overdue publication) is derived by src/domain/documents; the `validity` column is a cache
// written by the command that records a relation or an edit, in the same transaction.

/** PostgreSQL tsvector (the search index of a document, see src/lib/chinese-tokens.ts). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/** A published item: a document (公文), a 政策解读 (kind 'interpretation') or another 主动公开 item. */
export const document = pgTable(
  'document',
  {
    id: serial('id').primaryKey(),
    /** DOCUMENT_KINDS: 'document' (公文及其他信息) | 'interpretation' (政策解读). */
    kind: text('kind').notNull().default('document'),
    /** The agency that publishes it on its platform (the first 发文机关). */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    /** 索引号: assigned when first published, never changed afterwards. */
    indexNumber: text('index_number'),
    title: text('title').notNull(),
    /** 发文字号 as typed, and its GB/T 9704 normal form (苏府〔2020〕12号) for exact lookup. */
    docNumber: text('doc_number'),
    docNumberNorm: text('doc_number_norm'),
    /** 文种 (GENRES), 效力级别 (EFFECT_LEVELS: 'rule' | 'normative' | 'other'). */
    genre: text('genre'),
    effectLevel: text('effect_level').notNull().default('other'),
    /** 统一编号 of a 行政规范性文件 (e.g. JSSZ01-2020-0001). */
    unifiedNumber: text('unified_number'),
    /** 成文日期, 发布日期, 施行日期, 失效日期 (dates written on or decided for the document). */
    writtenOn: date('written_on', { mode: 'string' }),
    publishedOn: date('published_on', { mode: 'string' }),
    effectiveOn: date('effective_on', { mode: 'string' }),
    expiresOn: date('expires_on', { mode: 'string' }),
    /** The day the information was formed or changed (第二十六条: publish within 20 working days). */
    formedOn: date('formed_on', { mode: 'string' }),
    /** 有效性 (VALIDITY_STATES), cached: derived from the dates and relations by the domain. */
    validity: text('validity').notNull().default('effective'),
    validitySince: date('validity_since', { mode: 'string' }),
    /** 公开方式 (DISCLOSURE_METHODS) and the 第二十条 category (ARTICLE20_CATEGORIES) it fulfils. */
    disclosureMethod: text('disclosure_method').notNull().default('proactive'),
    category: text('category'),
    /** Interpretations only: 'text' | 'graphic' (图解) | 'interview' (访谈) | 'video', and its link. */
    interpretationForm: text('interpretation_form'),
    mediaUrl: text('media_url'),
    /** Sanitised HTML body and its plain text. */
    bodyHtml: text('body_html').notNull().default(''),
    bodyText: text('body_text').notNull().default(''),
    /** PUBLICATION_STATES: 'draft' | 'review' | 'published' | 'withdrawn'. */
    state: text('state').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true, mode: 'date' }),
    withdrawnReason: text('withdrawn_reason'),
    /** Demo data generated by the loader (shown as synthetic on its page). */
    synthetic: boolean('synthetic').notNull().default(false),
    /** Optimistic locking: every change is UPDATE … WHERE version = ?. */
    version: integer('version').notNull().default(1),
    /** Search: jieba cutForSearch tokens of the title (+ 文号) and of the body and attachments. */
    titleTokens: text('title_tokens').notNull().default(''),
    bodyTokens: text('body_tokens').notNull().default(''),
    tokenizerVersion: integer('tokenizer_version').notNull().default(0),
    /**
     * Facet lexemes from other tables — each theme (and its first level) `~t…`, each joint issuer
     * `~a…` — kept by triggers on document_theme and document_issuer (migration 0008).
     */
    facetTokens: text('facet_tokens').notNull().default(''),
    /** The words (title A, body B) and the facet lexemes the search filters on (FACET_PREFIX). */
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', title_tokens), 'A') || setweight(to_tsvector('simple', body_tokens), 'B') || array_to_tsvector(ARRAY['~k' || kind, '~e' || effect_level, '~v' || validity, '~a' || agency_id::text, coalesce('~m' || (extract(year from published_on) * 100 + extract(month from published_on))::int::text, '~m0')] || string_to_array(facet_tokens, ' '))`,
    ),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('document_index_number_uq').on(t.indexNumber),
    index('document_agency_idx').on(t.agencyId, t.state, t.publishedOn),
    index('document_doc_number_idx').on(t.docNumberNorm),
    index('document_published_idx').on(t.state, t.publishedOn, t.id),
    index('document_search_idx').using('gin', t.searchVector),
  ],
);

/** Further 发文机关 of a joint document (联合发文), after the first (document.agency_id). */
export const documentIssuer = pgTable(
  'document_issuer',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => document.id, { onDelete: 'cascade' }),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.agencyId] }),
    index('document_issuer_agency_idx').on(t.agencyId),
  ],
);

/** 主题分类: codes of the theme tree (src/domain/documents/themes.ts), several per document. */
export const documentTheme = pgTable(
  'document_theme',
  {
    documentId: integer('document_id')
      .notNull()
      .references(() => document.id, { onDelete: 'cascade' }),
    themeCode: text('theme_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.documentId, t.themeCode] }),
    index('document_theme_code_idx').on(t.themeCode),
  ],
);

/**
 * A relation from one document to another (RELATION_KINDS): amends / replaces / abolishes /
 * invalidates (declares invalid) / interprets / implements, effective on a date.
 */
export const documentRelation = pgTable(
  'document_relation',
  {
    id: serial('id').primaryKey(),
    fromId: integer('from_id')
      .notNull()
      .references(() => document.id),
    toId: integer('to_id')
      .notNull()
      .references(() => document.id),
    kind: text('kind').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }),
    /** For a partial invalidation or amendment: which articles (free text). */
    note: text('note'),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('document_relation_uq').on(t.fromId, t.toId, t.kind),
    index('document_relation_to_idx').on(t.toId),
  ],
);

/** Each saved version of a document (editing a published document keeps its history). */
export const documentRevision = pgTable(
  'document_revision',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => document.id, { onDelete: 'cascade' }),
    version: integer('version').notNull(),
    /** The document's fields as they were saved (title, numbers, dates, body …). */
    snapshot: jsonb('snapshot').notNull(),
    note: text('note'),
    changedBy: integer('changed_by').references(() => appUser.id),
    changedAt: createdAt(),
  },
  (t) => [uniqueIndex('document_revision_uq').on(t.documentId, t.version)],
);

/** Attachments of a document, with the text extracted for search. */
export const documentFile = pgTable(
  'document_file',
  {
    id: serial('id').primaryKey(),
    documentId: integer('document_id')
      .notNull()
      .references(() => document.id, { onDelete: 'cascade' }),
    fileId: integer('file_id')
      .notNull()
      .references(() => storedFile.id),
    position: integer('position').notNull().default(0),
    extractedText: text('extracted_text').notNull().default(''),
  },
  (t) => [index('document_file_document_idx').on(t.documentId)],
);

/** 政府公报: one issue (year, number) of an agency's gazette, with its PDF. */
export const gazetteIssue = pgTable(
  'gazette_issue',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    year: integer('year').notNull(),
    /** Issue number within the year (第N期), and the running number since the first issue (总第N期). */
    number: integer('number').notNull(),
    totalNumber: integer('total_number'),
    publishedOn: date('published_on', { mode: 'string' }).notNull(),
    fileId: integer('file_id').references(() => storedFile.id),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('gazette_issue_uq').on(t.agencyId, t.year, t.number)],
);

/** The documents an issue of the gazette holds, in order. */
export const gazetteItem = pgTable(
  'gazette_item',
  {
    issueId: integer('issue_id')
      .notNull()
      .references(() => gazetteIssue.id, { onDelete: 'cascade' }),
    documentId: integer('document_id')
      .notNull()
      .references(() => document.id),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.issueId, t.documentId] }),
    index('gazette_item_document_idx').on(t.documentId),
  ],
);

// ---------------------------------------------------------------------------------------------
// The annual report (年度报告, issue 12; docs/annual-report.md)

/**
 * A table-二 figure entered in the back office or imported from CSV/XLSX (行政许可, 行政处罚, 行政强制,
 * 收费, and in the 2019 format 其他对外管理服务事项, 政府集中采购), or one that overrides the
 * document library's 规章/规范性文件 figure. One row per cell, per agency, year and scope: `rollup`
 * figures are added to the sum of the members' own figures in a 汇总 report.
 */
export const reportFigure = pgTable(
  'report_figure',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    year: integer('year').notNull(),
    /** Always 'table2' for now (tables 三 and 四 are computed from the cases). */
    tableId: text('table_id').notNull().default('table2'),
    /** Keys of src/domain/reports/table2-schema.ts for the year's format. */
    rowKey: text('row_key').notNull(),
    columnKey: text('column_key').notNull(),
    /** A count, a delta or an amount in 万元 (numeric: exact decimals). */
    valueNumber: numeric('value_number'),
    /** An amount as printed with its unit (2019 采购总金额), when not a number. */
    valueText: text('value_text'),
    /** own (本级) | rollup (added to a 汇总 report on top of the members' figures) */
    scope: text('scope').notNull().default('own'),
    /** entered (back office / CLI) | file (imported from CSV/XLSX) */
    source: text('source').notNull().default('entered'),
    /** Where the figure comes from, e.g. the file name or 「行政审批局提供」. */
    sourceNote: text('source_note'),
    updatedBy: integer('updated_by').references(() => appUser.id),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('report_figure_cell_uq').on(t.agencyId, t.year, t.scope, t.tableId, t.rowKey, t.columnKey),
  ],
);

/**
 * A published report of an agency that does not use Gongkai, imported for a year through the
 * checker's reader: it stands in for the agency in every 汇总 report above it. Earlier imports are
 * kept (current = false); one current import per agency and year.
 */
export const reportImport = pgTable(
  'report_import',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    year: integer('year').notNull(),
    fileName: text('file_name').notNull(),
    sha256: text('sha256').notNull(),
    /** txt | html | docx | pdf */
    format: text('format').notNull(),
    /** The original bytes. */
    fileId: integer('file_id').references(() => storedFile.id),
    /** The canonical JSON as read: { format, year, agency, title?, table2, table3, table4 }. */
    tables: jsonb('tables').$type<Record<string, unknown>>().notNull(),
    /** The violations the reader found (docs/report-json.md). */
    violations: jsonb('violations').$type<unknown[]>().notNull().default([]),
    /** True when the importing officer confirmed the import despite violations. */
    violationsAccepted: boolean('violations_accepted').notNull().default(false),
    current: boolean('current').notNull().default(true),
    importedBy: integer('imported_by').references(() => appUser.id),
    importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('report_import_current_uq')
      .on(t.agencyId, t.year)
      .where(sql`${t.current}`),
    index('report_import_agency_idx').on(t.agencyId, t.year),
  ],
);

/**
 * An agency's annual report for a year and scope (本级 own | 汇总 rollup) through its workflow:
 * draft → submitted → returned | approved → published. The tables are computed while a draft; at
 * submission and publication they are frozen (with the findings) so that later data changes do not
 * alter them. A correction of a published report is a new row with the next version.
 */
export const annualReport = pgTable(
  'annual_report',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    year: integer('year').notNull(),
    scope: text('scope').notNull().default('own'),
    /** 1 for the first report; a correction takes the next number. */
    version: integer('version').notNull().default(1),
    /** Optimistic locking of edits (revision = revision + 1 where revision = the one read). */
    revision: integer('revision').notNull().default(1),
    /** draft | submitted | returned | approved | published */
    state: text('state').notNull().default('draft'),
    /** The texts: 一's five parts, 五 and 六 (keys chosen by the workflow). */
    sections: jsonb('sections').$type<Record<string, unknown>>().notNull().default({}),
    /** The tables and findings as frozen at submission or publication (null while a draft). */
    frozen: jsonb('frozen').$type<Record<string, unknown> | null>(),
    /** Ids of the warnings the editor acknowledged. */
    acknowledged: jsonb('acknowledged').$type<string[]>().notNull().default([]),
    reviewComment: text('review_comment'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    submittedBy: integer('submitted_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'date' }),
    decidedBy: integer('decided_by').references(() => appUser.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    publishedBy: integer('published_by').references(() => appUser.id),
    /** The report this one corrects (a published one), and why. */
    correctionOf: integer('correction_of').references((): AnyPgColumn => annualReport.id),
    correctionNote: text('correction_note'),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('annual_report_version_uq').on(t.agencyId, t.year, t.scope, t.version),
    index('annual_report_state_idx').on(t.state, t.year),
  ],
);

/**
 * A jurisdiction's own deadline for the reports of its subtree, overriding the statutory defaults
 * (第四十九条: agencies by 31 January; 第五十条: governments of counties and above by 31 March).
 * `level` is an agency kind (src/domain/agencies/agency.ts) or 'default' for every other kind.
 */
export const reportDeadline = pgTable(
  'report_deadline',
  {
    id: serial('id').primaryKey(),
    /** The jurisdiction's root agency: the deadline applies to its subtree. */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    level: text('level').notNull(),
    dueMonth: integer('due_month').notNull(),
    dueDay: integer('due_day').notNull(),
    note: text('note'),
    updatedBy: integer('updated_by').references(() => appUser.id),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('report_deadline_uq').on(t.agencyId, t.level)],
);

// ---------------------------------------------------------------------------------------------------
// 政民互动 (docs/interaction.md): mailboxes and letters, 意见征集, 网上调查, 在线访谈, 答问知识库.
// As for applications, the dated facts of a letter are stored (letter_event, append-only) and its
// state, due date and warning level are derived by src/domain/letters from them and the working-day
// calendar; the `state`/`due_date` columns of `letter` are a cache written in the same transaction.

/**
 * A mailbox: 领导信箱 (one per leader), 部门信箱 (one per agency) or 公众监督 (the public board of an
 * agency). The owning agency's office triages what arrives.
 */
export const mailbox = pgTable(
  'mailbox',
  {
    id: serial('id').primaryKey(),
    /** Stable public code, e.g. 'mayor', 'jnsgaj' (used in URLs and the API's mailboxCode). */
    code: text('code').notNull(),
    /** leader (领导信箱) | agency (部门信箱) | supervision (公众监督) */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** The agency whose office triages the letters (and, for a 部门信箱, answers them by default). */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    /** For a 领导信箱: the leader's name and post, e.g. 王某某, 市长. */
    leaderName: text('leader_name'),
    leaderTitle: text('leader_title'),
    /** What the mailbox is for and its rules (受理范围, 不予受理), shown above the form. */
    intro: text('intro').notNull().default(''),
    /** Time limits in working days per kind: { consult, suggest, complain, help } (LETTER_KINDS). */
    timeLimits: jsonb('time_limits').$type<Record<string, number>>().notNull(),
    /** Warning levels: 预警 N working days before the due date; 黄牌 / 红牌 N working days after it. */
    warnDaysBefore: integer('warn_days_before').notNull().default(2),
    yellowDaysAfter: integer('yellow_days_after').notNull().default(0),
    redDaysAfter: integer('red_days_after').notNull().default(5),
    /** The longest extension an approval may grant, in working days. */
    maxExtensionDays: integer('max_extension_days').notNull().default(10),
    /** Whether a drafted reply is reviewed (审核) before it is sent. */
    reviewRequired: boolean('review_required').notNull().default(true),
    /** Digits of the query code given to the writer. */
    queryCodeLength: integer('query_code_length').notNull().default(6),
    nameRequired: boolean('name_required').notNull().default(true),
    phoneRequired: boolean('phone_required').notNull().default(true),
    emailRequired: boolean('email_required').notNull().default(false),
    active: boolean('active').notNull().default(true),
    sortOrder: integer('sort_order').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('mailbox_code_uq').on(t.code), index('mailbox_agency_idx').on(t.agencyId)],
);

/** A letter written to a mailbox (留言 / 来信). */
export const letter = pgTable(
  'letter',
  {
    id: serial('id').primaryKey(),
    mailboxId: integer('mailbox_id')
      .notNull()
      .references(() => mailbox.id),
    /** The agency responsible now (the mailbox's agency until assigned; the 承办单位 after): the scope. */
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    /** Shown to the writer, e.g. XX2026113000012 (mailbox prefix, date, number of the day). */
    trackingNumber: text('tracking_number').notNull(),
    /** SHA-256 of the query code (the code itself is never stored). */
    queryCodeHash: text('query_code_hash').notNull(),
    /** LETTER_KINDS: consult (咨询) | suggest (建议) | complain (投诉) | help (求助) */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    content: text('content').notNull(),
    /** The writer: name as given (shown to staff), masked form for lists; contact details encrypted. */
    writerName: text('writer_name'),
    writerNameMasked: text('writer_name_masked'),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    emailEnc: text('email_enc'),
    addressEnc: text('address_enc'),
    /** Keyed hash of the normalised phone: finds the same writer's letters (duplicates) without decrypting. */
    phoneHash: text('phone_hash'),
    /** 投诉人意愿: the writer agrees to publication (the office still decides). */
    publicConsent: boolean('public_consent').notNull().default(false),
    /** web | api | post | phone | staff (entered by staff from a paper letter or a call) */
    channel: text('channel').notNull().default('web'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** The local day of submission (the clock of the time limit starts at acceptance). */
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** Spam check score (src/domain/letters) and whether the letter was held for a person to look at. */
    spamScore: integer('spam_score').notNull().default(0),
    /** 承办单位 (the unit that answers) and the officer handling it. */
    handlingAgencyId: integer('handling_agency_id').references(() => agency.id),
    assignedTo: integer('assigned_to').references(() => appUser.id),
    /** 分拣结果: pending | accepted | rejected (不予受理) | invalid (无效) | duplicate (重复) */
    triage: text('triage').notNull().default('pending'),
    triageReason: text('triage_reason'),
    duplicateOf: integer('duplicate_of').references((): AnyPgColumn => letter.id),
    /** cache: LETTER_STATES of src/domain/letters (derived from the events) */
    state: text('state').notNull().default('submitted'),
    /** cache: the day the clock started (受理), the due date (with an approved extension), warning level */
    acceptedOn: date('accepted_on', { mode: 'string' }),
    dueDate: date('due_date', { mode: 'string' }),
    warningLevel: text('warning_level'),
    /** 督办: set by the supervising office on an overdue letter. */
    supervised: boolean('supervised').notNull().default(false),
    /** The reply as sent to the writer, its date and the unit that answered (答复单位). */
    replyText: text('reply_text'),
    repliedOn: date('replied_on', { mode: 'string' }),
    replyAgencyId: integer('reply_agency_id').references(() => agency.id),
    /** 政府意愿: pending | published | withheld. Public title/content are edited apart from the original. */
    publication: text('publication').notNull().default('pending'),
    publicTitle: text('public_title'),
    publicContent: text('public_content'),
    publicReply: text('public_reply'),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    /** 满意度: very_satisfied | satisfied | neutral | dissatisfied, with the writer's comment. */
    satisfaction: text('satisfaction'),
    satisfactionComment: text('satisfaction_comment'),
    ratedAt: timestamp('rated_at', { withTimezone: true, mode: 'date' }),
    archivedAt: timestamp('archived_at', { withTimezone: true, mode: 'date' }),
    /** When the cache columns were last computed (a job recomputes open letters daily). */
    viewComputedOn: date('view_computed_on', { mode: 'string' }).notNull(),
    synthetic: boolean('synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('letter_tracking_uq').on(t.trackingNumber),
    index('letter_agency_state_idx').on(t.agencyId, t.state, t.dueDate, t.id),
    index('letter_mailbox_idx').on(t.mailboxId, t.receivedOn),
    index('letter_published_idx')
      .on(t.mailboxId, t.repliedOn, t.id)
      .where(sql`${t.publication} = 'published'`),
    index('letter_phone_hash_idx').on(t.phoneHash),
    index('letter_handling_idx').on(t.handlingAgencyId, t.repliedOn),
  ],
);

/** The dated steps of a letter, append-only: who did what, when (the letter's history). */
export const letterEvent = pgTable(
  'letter_event',
  {
    id: serial('id').primaryKey(),
    letterId: integer('letter_id')
      .notNull()
      .references(() => letter.id),
    seq: integer('seq').notNull(),
    /** LETTER_EVENT_TYPES of src/domain/letters */
    type: text('type').notNull(),
    /** The local day of the step (deadlines count from it). */
    on: date('on', { mode: 'string' }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note'),
    /** The staff member (null: the writer or the system) and the agency acted for. */
    actorId: integer('actor_id').references(() => appUser.id),
    actorAgencyId: integer('actor_agency_id').references(() => agency.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('letter_event_seq_uq').on(t.letterId, t.seq)],
);

/** Files of a letter: the writer's attachments and the reply's. */
export const letterFile = pgTable(
  'letter_file',
  {
    letterId: integer('letter_id')
      .notNull()
      .references(() => letter.id),
    fileId: integer('file_id')
      .notNull()
      .references(() => storedFile.id),
    /** attachment (from the writer) | reply (sent with the reply) */
    kind: text('kind').notNull(),
    addedBy: integer('added_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.letterId, t.fileId] })],
);

/**
 * 意见征集: a public consultation on a draft (linked to a document of the library when there is
 * one). The minimum period of its decision type is checked when it is opened (src/domain/consultations).
 */
export const consultation = pgTable(
  'consultation',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    title: text('title').notNull(),
    /** Why and what: the 起草说明, shown on the page. */
    description: text('description').notNull().default(''),
    /** The draft in the document library (a draft or published document), when there is one. */
    documentId: integer('document_id').references(() => document.id),
    /** CONSULTATION_TYPES: rule (规章) | normative (规范性文件) | major_decision (重大行政决策) | other */
    decisionType: text('decision_type').notNull(),
    /** 规范性文件 that concern market participants (与市场主体生产经营活动密切相关): 30 days. */
    concernsMarket: boolean('concerns_market').notNull().default(false),
    opensOn: date('opens_on', { mode: 'string' }),
    closesOn: date('closes_on', { mode: 'string' }),
    /** How opinions are received besides the portal: e-mail address, postal address. */
    email: text('email'),
    postalAddress: text('postal_address'),
    /** draft | open | closed | feedback_published (the open/closed split also follows the dates) */
    state: text('state').notNull().default('draft'),
    /** The feedback report's own text (采纳情况说明), published with the table of opinions. */
    feedbackSummary: text('feedback_summary'),
    feedbackPublishedAt: timestamp('feedback_published_at', { withTimezone: true, mode: 'date' }),
    synthetic: boolean('synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('consultation_agency_idx').on(t.agencyId, t.state),
    index('consultation_document_idx').on(t.documentId),
  ],
);

/** An opinion received in a consultation (portal, e-mail, letter or entered by staff). */
export const consultationOpinion = pgTable(
  'consultation_opinion',
  {
    id: serial('id').primaryKey(),
    consultationId: integer('consultation_id')
      .notNull()
      .references(() => consultation.id),
    /** online | email | letter | phone | meeting */
    channel: text('channel').notNull(),
    authorName: text('author_name'),
    authorNameMasked: text('author_name_masked'),
    contactEnc: text('contact_enc'),
    /** The clause or article the opinion concerns, when given. */
    clause: text('clause'),
    content: text('content').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    /** pending | adopted (采纳) | partly (部分采纳) | not_adopted (不予采纳) */
    adoption: text('adoption').notNull().default('pending'),
    reason: text('reason'),
    enteredBy: integer('entered_by').references(() => appUser.id),
    decidedBy: integer('decided_by').references(() => appUser.id),
    createdAt: createdAt(),
  },
  (t) => [index('consultation_opinion_idx').on(t.consultationId, t.id)],
);

/** 网上调查: a survey with questions; results are published when the office decides. */
export const survey = pgTable(
  'survey',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    /** [{ id, text, type: single | multiple | text, options: string[], required }] */
    questions: jsonb('questions').$type<Record<string, unknown>[]>().notNull().default([]),
    opensOn: date('opens_on', { mode: 'string' }),
    closesOn: date('closes_on', { mode: 'string' }),
    /** draft | open | closed | results_published */
    state: text('state').notNull().default('draft'),
    resultSummary: text('result_summary'),
    resultsPublishedAt: timestamp('results_published_at', { withTimezone: true, mode: 'date' }),
    synthetic: boolean('synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('survey_agency_idx').on(t.agencyId, t.state)],
);

export const surveyResponse = pgTable(
  'survey_response',
  {
    id: serial('id').primaryKey(),
    surveyId: integer('survey_id')
      .notNull()
      .references(() => survey.id),
    /** { questionId: optionIndex | optionIndex[] | text } */
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  },
  (t) => [index('survey_response_idx').on(t.surveyId)],
);

/** 在线访谈: an announced interview with its guests, questions and published transcript. */
export const interview = pgTable(
  'interview',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    title: text('title').notNull(),
    intro: text('intro').notNull().default(''),
    /** [{ name, title }] — the guests (嘉宾) and their posts. */
    guests: jsonb('guests').$type<{ name: string; title: string }[]>().notNull().default([]),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'date' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'date' }).notNull(),
    /** Questions left open are answered within this many working days of the end. */
    answerWithinDays: integer('answer_within_days').notNull().default(5),
    /** draft | announced (the live/closed phases follow the times) | transcript published */
    state: text('state').notNull().default('draft'),
    /** The transcript: [{ speaker, text }] in order. */
    transcript: jsonb('transcript').$type<{ speaker: string; text: string }[]>().notNull().default([]),
    transcriptPublishedAt: timestamp('transcript_published_at', { withTimezone: true, mode: 'date' }),
    synthetic: boolean('synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('interview_agency_idx').on(t.agencyId, t.startsAt)],
);

export const interviewQuestion = pgTable(
  'interview_question',
  {
    id: serial('id').primaryKey(),
    interviewId: integer('interview_id')
      .notNull()
      .references(() => interview.id),
    askerName: text('asker_name'),
    askerNameMasked: text('asker_name_masked'),
    content: text('content').notNull(),
    askedAt: timestamp('asked_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    /** before | during | after (of the interview's times, when asked) */
    phase: text('phase').notNull(),
    /** pending | answered | declined (not shown) */
    status: text('status').notNull().default('pending'),
    answer: text('answer'),
    /** The guest or unit who answered. */
    answeredBy: text('answered_by'),
    answeredAt: timestamp('answered_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
  },
  (t) => [index('interview_question_idx').on(t.interviewId, t.id)],
);

/**
 * 答问知识库: a question and its answer, linked to documents and interpretations, searched with the
 * same Chinese tokens as documents; officers answering a letter see the matching answers.
 */
export const qaItem = pgTable(
  'qa_item',
  {
    id: serial('id').primaryKey(),
    agencyId: integer('agency_id')
      .notNull()
      .references(() => agency.id),
    question: text('question').notNull(),
    /** Other ways of asking the same question. */
    altQuestions: jsonb('alt_questions').$type<string[]>().notNull().default([]),
    /** Plain text answer (paragraphs separated by blank lines). */
    answer: text('answer').notNull(),
    /** A category of the portal's Q&A page, e.g. 社会保障, 户籍办理. */
    category: text('category').notNull().default('其他'),
    /** draft | published | withdrawn */
    state: text('state').notNull().default('draft'),
    /** Reviewed again by this day (answers go stale when the rules change). */
    reviewBy: date('review_by', { mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    helpfulYes: integer('helpful_yes').notNull().default(0),
    helpfulNo: integer('helpful_no').notNull().default(0),
    /** Times an officer reused it in a letter's reply. */
    reuseCount: integer('reuse_count').notNull().default(0),
    titleTokens: text('title_tokens').notNull().default(''),
    bodyTokens: text('body_tokens').notNull().default(''),
    tokenizerVersion: integer('tokenizer_version').notNull().default(0),
    searchVector: tsvector('search_vector').generatedAlwaysAs(
      sql`setweight(to_tsvector('simple', title_tokens), 'A') || setweight(to_tsvector('simple', body_tokens), 'B')`,
    ),
    synthetic: boolean('synthetic').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdBy: integer('created_by').references(() => appUser.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('qa_item_search_idx').using('gin', t.searchVector),
    index('qa_item_state_idx').on(t.state, t.category, t.id),
    index('qa_item_agency_idx').on(t.agencyId),
  ],
);

/** Documents and interpretations a Q&A item rests on (shown both ways). */
export const qaDocument = pgTable(
  'qa_document',
  {
    qaId: integer('qa_id')
      .notNull()
      .references(() => qaItem.id),
    documentId: integer('document_id')
      .notNull()
      .references(() => document.id),
  },
  (t) => [primaryKey({ columns: [t.qaId, t.documentId] }), index('qa_document_doc_idx').on(t.documentId)],
);

/** "Was this helpful": each vote, with its optional comment (the counts on qa_item are the sums). */
export const qaFeedback = pgTable(
  'qa_feedback',
  {
    id: serial('id').primaryKey(),
    qaId: integer('qa_id')
      .notNull()
      .references(() => qaItem.id),
    helpful: boolean('helpful').notNull(),
    comment: text('comment'),
    createdAt: createdAt(),
  },
  (t) => [index('qa_feedback_idx').on(t.qaId, t.createdAt)],
);
