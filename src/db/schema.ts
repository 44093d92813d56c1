// The database schema: one definition for PGlite and PostgreSQL (written to the PostgreSQL 15 subset).
// Migrations are generated from it with `npm run db:generate` into src/db/migrations.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

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
