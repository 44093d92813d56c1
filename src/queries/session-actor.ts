// Resolves a session cookie to the acting user. Read only: sliding the idle end is a command
// (commands/record-activity.ts), called by the auth plugin. A disabled user's sessions stop working at
// once because the lookup checks the user every time; past the absolute limit a session is dead even
// if a row is still there (the purge-sessions job deletes it).
import type { Actor } from '../domain/agencies/actor.js';
import type { Db } from '../db/client.js';
import { findSessionUser, toActor } from '../db/repositories/users.js';
import { LOGIN_POLICY } from '../domain/agencies/session-policy.js';
import { sha256 } from '../lib/secrets.js';

export interface SessionInfo {
  actor: Actor;
  mustChangePassword: boolean;
  /** SHA-256 of the cookie value: the session's key, and what CSRF tokens are bound to. */
  idHash: string;
  createdAt: Date;
  lastSeenAt: Date;
}

export async function sessionActor(db: Db, token: string, now: Date): Promise<SessionInfo | null> {
  const idHash = sha256(token);
  const found = await findSessionUser(db, idHash, now);
  if (!found) return null;
  const absoluteEnd = found.createdAt.getTime() + LOGIN_POLICY.absoluteHours * 3600_000;
  if (now.getTime() >= absoluteEnd) return null;
  return {
    actor: toActor(found.user),
    mustChangePassword: found.user.mustChangePassword,
    idHash,
    createdAt: found.createdAt,
    lastSeenAt: found.lastSeenAt,
  };
}
