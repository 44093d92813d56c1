// What every command gets: the database, the secrets, a clock, and who is acting. Commands are the
// only code that writes; each runs in one transaction and appends its audit events in it.
import type { AnyActor } from '../domain/agencies/actor.js';
import { isSystem } from '../domain/agencies/actor.js';
import type { Db, Tx } from '../db/client.js';
import type { StoredEvent } from '../domain/audit/chain.js';
import { insertAuditEvent, linkAuditEvent, lockAuditChain } from '../db/repositories/audit.js';
import { bumpPublicVersion } from '../db/repositories/public-version.js';
import type { PersonalDataCipher } from '../lib/personal-data.js';

export interface Deps {
  db: Db;
  /** HMAC key of the audit chain. */
  auditSecret: string;
  /** Encrypts personal data at rest and hashes identity numbers for lookup. */
  personalData: PersonalDataCipher;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
  /**
   * Told, after the commit, that a command changed what the public pages show (this instance's page
   * cache drops its pages at once; other instances learn it from the counter within their poll).
   */
  publicChangeListeners?: Set<() => void>;
  /**
   * Told, after the commit, the newest audit event's seq and hash: the chain's head is kept outside
   * the table (DATA_DIR/audit-head and the log) so that deleting the newest events can be found.
   * A listener that returns a promise is awaited before the command returns (it must not reject).
   */
  auditHeadListeners?: Set<(head: { seq: number; hash: string }) => void | Promise<void>>;
}

export interface CommandContext {
  actor: AnyActor;
  requestId?: string;
}

export interface AuditInput {
  action: string;
  subjectType: string;
  subjectId?: string | number | null;
  agencyId?: number | null;
  data?: Record<string, unknown>;
}

export interface Audit {
  /** Appends the event to the audit chain in the command's transaction. */
  (e: AuditInput): Promise<void>;
  /**
   * Takes the chain's lock and links the event without inserting it: the caller inserts the
   * returned events (insertAuditEvents of src/db/repositories/audit.ts) in this transaction. A
   * second link follows the first one. `as`: the event's actor and request when the transaction
   * writes for several (intake's group commit, src/commands/applications/intake-batch.ts).
   */
  link(e: AuditInput, as?: CommandContext): Promise<StoredEvent>;
}

/**
 * Audit actions whose change never shows on a public page (staff accounts, logins, API tokens,
 * sessions). Every other action bumps the public version: a needless bump costs one re-render, a
 * missed one would leave a stale public page.
 */
const PRIVATE_ACTION_PREFIXES = [
  'auth.',
  'user.',
  'token.',
  'session.',
  'application.',
  'appeal.',
  'notice.',
  'outbox.',
  // Seeing a letter writer's contact details changes nothing anyone else sees (other letter steps
  // do: replies, publication and the statistics are public).
  'letter.personalDataViewed',
];

/**
 * Private actions that still bump the version: what they change is cached per public version
 * (intake's notice templates, src/queries/intake-cache.ts).
 */
const VERSIONED_PRIVATE_ACTIONS = new Set(['notice.templateUpdated']);

export function affectsPublicPages(action: string): boolean {
  return VERSIONED_PRIVATE_ACTIONS.has(action) || !PRIVATE_ACTION_PREFIXES.some((p) => action.startsWith(p));
}

/**
 * Runs `work` in one transaction with an `audit` function bound to the same transaction. An audited
 * change that public pages show bumps the public version in that transaction (all instances drop
 * their cached pages) and, after the commit, tells this instance's listeners.
 */
export async function inTransaction<T>(
  deps: Deps,
  ctx: CommandContext,
  work: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  const at = deps.now();
  let publicChange = false;
  let head: { seq: number; hash: string } | undefined;
  const result = await deps.db.transaction(async (tx) => {
    /** The newest event linked by Audit.link and not yet read back: the next one follows it. */
    let linkedLast: StoredEvent | undefined;
    const link = async (e: AuditInput, as: CommandContext = ctx): Promise<StoredEvent> => {
      if (!publicChange && affectsPublicPages(e.action)) {
        publicChange = true;
        await bumpPublicVersion(tx);
      }
      const linked = linkAuditEvent(deps.auditSecret, linkedLast ?? (await lockAuditChain(tx)), {
        at,
        actorId: isSystem(as.actor) ? null : as.actor.userId,
        actorLabel: isSystem(as.actor) ? as.actor.label : `${as.actor.displayName} (${as.actor.login})`,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId == null ? null : String(e.subjectId),
        agencyId: e.agencyId ?? null,
        data: e.data ?? {},
        requestId: as.requestId ?? null,
      });
      head = linkedLast = linked;
      return linked;
    };
    const audit: Audit = Object.assign(
      async (e: AuditInput) => {
        await insertAuditEvent(tx, await link(e));
        // The next event reads the chain's last from the table, as it always did (a savepoint
        // rolled back in between must not leave a gap).
        linkedLast = undefined;
      },
      { link },
    );
    return work(tx, audit);
  });
  if (publicChange) for (const listener of deps.publicChangeListeners ?? []) listener();
  if (head) {
    const told = { seq: head.seq, hash: head.hash };
    const pending: Promise<void>[] = [];
    for (const listener of deps.auditHeadListeners ?? []) {
      const r = listener(told);
      if (r) pending.push(r);
    }
    if (pending.length) await Promise.all(pending);
  }
  return result;
}

/** Before/after of the fields that changed, for the audit log. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): { before: Partial<T>; after: Partial<T> } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const k of Object.keys(after) as (keyof T)[]) {
    if (after[k] !== undefined && before[k] !== after[k]) {
      b[k] = before[k];
      a[k] = after[k];
    }
  }
  return { before: b, after: a };
}
