// Resolves a session cookie to the acting user. Sessions slide (idle timeout) up to an absolute limit;
// a disabled user's sessions stop working at once because the lookup checks the user every time.
import { eq } from 'drizzle-orm';
import type { Actor } from '../domain/agencies/actor.js';
import type { Db } from '../db/client.js';
import { findSessionUser, toActor } from '../db/repositories/users.js';
import { session } from '../db/schema.js';
import { LOGIN_POLICY } from '../domain/agencies/session-policy.js';
import { sha256 } from '../lib/secrets.js';

export interface SessionInfo {
  actor: Actor;
  mustChangePassword: boolean;
}

export async function sessionActor(db: Db, token: string, now: Date): Promise<SessionInfo | null> {
  const idHash = sha256(token);
  const found = await findSessionUser(db, idHash, now);
  if (!found) return null;
  const absoluteEnd = found.createdAt.getTime() + LOGIN_POLICY.absoluteHours * 3600_000;
  if (now.getTime() >= absoluteEnd) {
    await db.delete(session).where(eq(session.idHash, idHash));
    return null;
  }
  if (now.getTime() - found.lastSeenAt.getTime() > 60_000) {
    const expiresAt = new Date(Math.min(now.getTime() + LOGIN_POLICY.idleHours * 3600_000, absoluteEnd));
    await db.update(session).set({ lastSeenAt: now, expiresAt }).where(eq(session.idHash, idHash));
  }
  return { actor: toActor(found.user), mustChangePassword: found.user.mustChangePassword };
}
