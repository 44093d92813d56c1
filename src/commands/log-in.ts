// Staff login: argon2id check, lockout after repeated failures, a fresh session id every time
// (the id is rotated at login: any session the browser brought along is discarded).
import { and, eq, lt, or } from 'drizzle-orm';
import { InvalidInput } from '../domain/errors.js';
import { findUserByLogin, toActor } from '../db/repositories/users.js';
import { appUser, session } from '../db/schema.js';
import type { Actor } from '../domain/agencies/actor.js';
import { inTransaction, type Deps } from './context.js';
import { LOGIN_POLICY } from '../domain/agencies/session-policy.js';
import { dummyHash, randomToken, sha256, verifyPassword } from '../lib/secrets.js';

export interface LogInResult {
  token: string;
  actor: Actor;
  mustChangePassword: boolean;
}

const WRONG = '登录名或密码不正确';

export async function logIn(
  deps: Deps,
  input: { login: string; password: string; previousToken?: string; requestId?: string },
): Promise<LogInResult> {
  const now = deps.now();
  const user = await findUserByLogin(deps.db, input.login.trim());
  if (!user) {
    await verifyPassword(await dummyHash(), input.password);
    throw new InvalidInput({ login: WRONG }, WRONG);
  }
  const sys = { actor: { system: true as const, label: `登录 ${user.login}` }, requestId: input.requestId };
  if (user.lockedUntil && user.lockedUntil > now) {
    const until = user.lockedUntil.toISOString().slice(11, 16);
    throw new InvalidInput({ login: `连续登录失败次数过多，账号已临时锁定，请于 ${until}（UTC）后再试` });
  }
  const ok = await verifyPassword(user.passwordHash, input.password);
  if (!ok || user.disabledAt) {
    await recordFailure(deps, sys, user.id, user.agencyId, user.failedLogins, now, ok);
    throw new InvalidInput({ login: ok ? '该账号已停用，请联系单位管理员' : WRONG });
  }
  const token = randomToken();
  await inTransaction(deps, { ...sys, actor: toActor(user) }, async (tx, audit) => {
    if (input.previousToken) await tx.delete(session).where(eq(session.idHash, sha256(input.previousToken)));
    // Housekeeping: the user's expired sessions.
    await tx.delete(session).where(and(eq(session.userId, user.id), lt(session.expiresAt, now)));
    await tx.insert(session).values({
      idHash: sha256(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_POLICY.idleHours * 3600_000),
    });
    await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, user.id));
    await audit({ action: 'auth.login', subjectType: 'user', subjectId: user.id, agencyId: user.agencyId });
  });
  return { token, actor: toActor(user), mustChangePassword: user.mustChangePassword };
}

async function recordFailure(
  deps: Deps,
  ctx: Parameters<typeof inTransaction>[1],
  userId: number,
  agencyId: number,
  failures: number,
  now: Date,
  disabled: boolean,
): Promise<void> {
  const count = failures + 1;
  const lock = !disabled && count >= LOGIN_POLICY.maxFailures;
  await inTransaction(deps, ctx, async (tx, audit) => {
    await tx
      .update(appUser)
      .set(
        lock
          ? { failedLogins: 0, lockedUntil: new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000) }
          : { failedLogins: count },
      )
      .where(eq(appUser.id, userId));
    await audit({
      action: disabled ? 'auth.login_disabled' : lock ? 'auth.locked' : 'auth.login_failed',
      subjectType: 'user',
      subjectId: userId,
      agencyId,
      data: { failures: count },
    });
  });
}

/** Ends a session (logout). Unknown tokens are ignored. */
export async function logOut(deps: Deps, token: string): Promise<void> {
  await deps.db.delete(session).where(eq(session.idHash, sha256(token)));
}

/** Drops expired sessions of all users (run at start-up and by jobs). */
export async function purgeExpiredSessions(deps: Deps): Promise<void> {
  await deps.db.delete(session).where(or(lt(session.expiresAt, deps.now())));
}
