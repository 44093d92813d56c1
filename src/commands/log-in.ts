// Staff login: argon2id check, a pause after repeated failures, a fresh session id every time (the id
// is rotated at login: any session the browser brought along is discarded).
//
// What a stranger must not learn or do (issue 8.3): every failed attempt — unknown login, wrong
// password, disabled account even with the right password, a paused client — gets the same answer
// after the same work (one argon2 verification, against a dummy hash when there is no account, and
// one write to login_throttle). The pause is kept per (login as typed, client address), so repeated
// wrong passwords from one place pause only that place, and an unknown login pauses like a real one.
import { and, eq, lt, sql } from 'drizzle-orm';
import { InvalidInput } from '../domain/errors.js';
import { findUserByLogin, toActor, type UserRow } from '../db/repositories/users.js';
import { appUser, loginThrottle, session } from '../db/schema.js';
import type { Actor } from '../domain/agencies/actor.js';
import { inTransaction, type Deps } from './context.js';
import { LOGIN_POLICY } from '../domain/agencies/session-policy.js';
import { dummyHash, randomToken, sha256, verifyPassword } from '../lib/secrets.js';
import { formatTime } from '../lib/time.js';

export interface LogInResult {
  token: string;
  actor: Actor;
  mustChangePassword: boolean;
}

export interface LogInInput {
  login: string;
  password: string;
  /** Who is trying: the client address (the pause is kept per login and client). */
  client: string;
  previousToken?: string;
  requestId?: string;
}

const WRONG = '登录名或密码不正确';

/** The throttle key of a login as typed: case-insensitive like logins, and never stored in clear. */
export function loginKey(login: string): string {
  return sha256(login.trim().toLowerCase());
}

function pausedMessage(until: Date): string {
  return `连续登录失败次数过多，从此处登录该账号已临时锁定，请于 ${formatTime(until)} 后再试`;
}

export async function logIn(deps: Deps, input: LogInInput): Promise<LogInResult> {
  const now = deps.now();
  const typed = input.login.trim();
  const key = loginKey(typed);
  const [user, [throttle]] = await Promise.all([
    findUserByLogin(deps.db, typed),
    deps.db
      .select({ lockedUntil: loginThrottle.lockedUntil })
      .from(loginThrottle)
      .where(and(eq(loginThrottle.loginKey, key), eq(loginThrottle.client, input.client))),
  ]);
  // Always exactly one verification, whatever follows, so every answer takes the same time.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), input.password);
  const pausedUntil = throttle?.lockedUntil && throttle.lockedUntil > now ? throttle.lockedUntil : null;
  if (pausedUntil || !user || !ok || user.disabledAt) {
    await recordFailure(deps, {
      key,
      client: input.client,
      user,
      now,
      disabledButRight: ok && !!user?.disabledAt,
      requestId: input.requestId,
    });
    // A disabled account with the right password answers like a wrong password: nothing confirms it.
    const message = pausedUntil ? pausedMessage(pausedUntil) : WRONG;
    throw new InvalidInput({ login: message }, message);
  }
  const token = randomToken();
  const sys = { actor: toActor(user), requestId: input.requestId };
  await inTransaction(deps, sys, async (tx, audit) => {
    if (input.previousToken) await tx.delete(session).where(eq(session.idHash, sha256(input.previousToken)));
    // Housekeeping: the user's expired sessions (the purge job takes everyone's).
    await tx.delete(session).where(and(eq(session.userId, user.id), lt(session.expiresAt, now)));
    await tx.insert(session).values({
      idHash: sha256(token),
      userId: user.id,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + LOGIN_POLICY.idleHours * 3600_000),
    });
    await tx
      .delete(loginThrottle)
      .where(and(eq(loginThrottle.loginKey, key), eq(loginThrottle.client, input.client)));
    await tx.update(appUser).set({ failedLogins: 0, lockedUntil: null }).where(eq(appUser.id, user.id));
    await audit({ action: 'auth.login', subjectType: 'user', subjectId: user.id, agencyId: user.agencyId });
  });
  return { token, actor: toActor(user), mustChangePassword: user.mustChangePassword };
}

/**
 * Counts a failure for (login, client), atomically so several app instances count as one, and pauses
 * the client after LOGIN_POLICY.maxFailures in a row. For a real account the failure is audited and
 * mirrored on the account (failed_logins, locked_until: what the users page shows and 解除锁定 lifts).
 */
async function recordFailure(
  deps: Deps,
  f: {
    key: string;
    client: string;
    user: UserRow | undefined;
    now: Date;
    disabledButRight: boolean;
    requestId?: string;
  },
): Promise<void> {
  const { now } = f;
  const windowStart = new Date(now.getTime() - LOGIN_POLICY.failureWindowMinutes * 60_000);
  const lockEnd = new Date(now.getTime() + LOGIN_POLICY.lockMinutes * 60_000);
  const ctx = {
    actor: { system: true as const, label: `登录 ${f.user?.login ?? ''}`.trim() },
    requestId: f.requestId,
  };
  return inTransaction(deps, ctx, async (tx, audit) => {
    const t = loginThrottle;
    // Paused: count, keep the pause. Pause over, or the last failure long ago: start again at 1.
    const paused = sql`${t.lockedUntil} is not null and ${t.lockedUntil} > ${now}`;
    const stale = sql`${t.lockedUntil} is not null or ${t.updatedAt} < ${windowStart}`;
    const [row] = await tx
      .insert(t)
      .values({ loginKey: f.key, client: f.client, failures: 1, updatedAt: now })
      .onConflictDoUpdate({
        target: [t.loginKey, t.client],
        set: {
          failures: sql`case when ${paused} then ${t.failures} + 1 when ${stale} then 1 else ${t.failures} + 1 end`,
          lockedUntil: sql`case when ${paused} then ${t.lockedUntil} else null end`,
          updatedAt: now,
        },
      })
      .returning({ failures: t.failures, lockedUntil: t.lockedUntil });
    const alreadyPaused = row!.lockedUntil != null;
    const pause = !alreadyPaused && row!.failures >= LOGIN_POLICY.maxFailures;
    if (pause)
      await tx
        .update(t)
        .set({ lockedUntil: lockEnd })
        .where(and(eq(t.loginKey, f.key), eq(t.client, f.client)));
    const user = f.user;
    if (user)
      await tx
        .update(appUser)
        .set({
          failedLogins: sql`${appUser.failedLogins} + 1`,
          ...(pause ? { lockedUntil: sql`greatest(${appUser.lockedUntil}, ${lockEnd})` } : {}),
        })
        .where(eq(appUser.id, user.id));
    // Audited for unknown logins too (no subject, and the typed text is not kept): the same work
    // whatever the login, and a record of what was tried from where.
    await audit({
      action: f.disabledButRight ? 'auth.login_disabled' : pause ? 'auth.locked' : 'auth.login_failed',
      subjectType: 'user',
      subjectId: user?.id ?? null,
      agencyId: user?.agencyId ?? null,
      data: { failures: row!.failures, client: f.client, ...(alreadyPaused ? { paused: true } : {}) },
    });
  });
}

/** Ends a session (logout). Unknown tokens are ignored. */
export async function logOut(deps: Deps, token: string): Promise<void> {
  await deps.db.delete(session).where(eq(session.idHash, sha256(token)));
}

/** Drops expired sessions of all users (the purge-sessions job, src/jobs/). */
export async function purgeExpiredSessions(deps: Deps): Promise<number> {
  const gone = await deps.db
    .delete(session)
    .where(lt(session.expiresAt, deps.now()))
    .returning({ idHash: session.idHash });
  return gone.length;
}

/** Drops login pauses and failure counts that no longer matter (the purge-login-throttle job). */
export async function purgeLoginThrottle(deps: Deps): Promise<number> {
  const now = deps.now();
  const windowStart = new Date(now.getTime() - LOGIN_POLICY.failureWindowMinutes * 60_000);
  const gone = await deps.db
    .delete(loginThrottle)
    .where(
      and(
        lt(loginThrottle.updatedAt, windowStart),
        sql`(${loginThrottle.lockedUntil} is null or ${loginThrottle.lockedUntil} < ${now})`,
      ),
    )
    .returning({ key: loginThrottle.loginKey });
  return gone.length;
}
