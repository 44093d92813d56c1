// Writes that follow a request being recognised: a session's idle end slides on, a token's last use
// is noted. Throttled (at most once a minute per session or token) so reading a page costs no write,
// and not audited (they are not acts of a person, and would drown the log).
import { eq } from 'drizzle-orm';
import { LOGIN_POLICY } from '../domain/agencies/session-policy.js';
import { apiToken, session } from '../db/schema.js';
import type { Deps } from './context.js';

const EVERY_MS = LOGIN_POLICY.touchEverySeconds * 1000;

/** Slides the session's idle end (never past its absolute end). */
export async function touchSession(
  deps: Deps,
  s: { idHash: string; createdAt: Date; lastSeenAt: Date },
): Promise<void> {
  const now = deps.now();
  if (now.getTime() - s.lastSeenAt.getTime() <= EVERY_MS) return;
  const absoluteEnd = s.createdAt.getTime() + LOGIN_POLICY.absoluteHours * 3600_000;
  const expiresAt = new Date(Math.min(now.getTime() + LOGIN_POLICY.idleHours * 3600_000, absoluteEnd));
  await deps.db.update(session).set({ lastSeenAt: now, expiresAt }).where(eq(session.idHash, s.idHash));
}

/** Notes when an API token was last used (shown to administrators). */
export async function recordTokenUse(
  deps: Deps,
  t: { tokenId: number; lastUsedAt: Date | null },
): Promise<void> {
  const now = deps.now();
  if (t.lastUsedAt && now.getTime() - t.lastUsedAt.getTime() <= EVERY_MS) return;
  await deps.db.update(apiToken).set({ lastUsedAt: now }).where(eq(apiToken.id, t.tokenId));
}
