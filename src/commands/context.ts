// What every command gets: the database, the secrets, a clock, and who is acting. Commands are the
// only code that writes; each runs in one transaction and appends its audit events in it.
import type { AnyActor } from '../domain/agencies/actor.js';
import { isSystem } from '../domain/agencies/actor.js';
import type { Db, Tx } from '../db/client.js';
import { appendAuditEvent } from '../db/repositories/audit.js';

export interface Deps {
  db: Db;
  /** HMAC key of the audit chain. */
  auditSecret: string;
  /** The clock; tests pass a fixed one. */
  now: () => Date;
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

export type Audit = (e: AuditInput) => Promise<void>;

/** Runs `work` in one transaction with an `audit` function bound to the same transaction. */
export async function inTransaction<T>(
  deps: Deps,
  ctx: CommandContext,
  work: (tx: Tx, audit: Audit) => Promise<T>,
): Promise<T> {
  const at = deps.now();
  return deps.db.transaction(async (tx) => {
    const audit: Audit = async (e) => {
      await appendAuditEvent(tx, deps.auditSecret, {
        at,
        actorId: isSystem(ctx.actor) ? null : ctx.actor.userId,
        actorLabel: isSystem(ctx.actor) ? ctx.actor.label : `${ctx.actor.displayName} (${ctx.actor.login})`,
        action: e.action,
        subjectType: e.subjectType,
        subjectId: e.subjectId == null ? null : String(e.subjectId),
        agencyId: e.agencyId ?? null,
        data: e.data ?? {},
        requestId: ctx.requestId ?? null,
      });
    };
    return work(tx, audit);
  });
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
