// An administrator resets a staff member's password: a random temporary password, shown to the
// administrator once and never stored or logged in clear; the user must replace it at next login.
// The user's sessions end, their API tokens are revoked (whoever knew the old password may have made
// one), and a lockout is lifted (the lock protected the old password).
import { randomInt } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { NO_COMMON_PASSWORDS, passwordProblem } from '../domain/agencies/password.js';
import { apiToken, appUser, loginThrottle, session } from '../db/schema.js';
import { loginKey } from './log-in.js';
import { hashPassword } from '../lib/secrets.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { loadManagedUser } from './managed-user.js';

// No look-alikes (0/O, 1/l/I): the password is read off a screen and typed in.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** e.g. "Xk7p-3mQa-9TzR": 12 random characters (~70 bits), meets the password rules. */
export function temporaryPassword(login = ''): string {
  for (;;) {
    const chars = Array.from({ length: 12 }, () => ALPHABET[randomInt(ALPHABET.length)]!).join('');
    const pw = `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8)}`;
    // Random, so on no list of common passwords.
    if (!passwordProblem(pw, login, NO_COMMON_PASSWORDS)) return pw;
  }
}

export async function resetUserPassword(
  deps: Deps,
  ctx: CommandContext,
  id: number,
): Promise<{ login: string; displayName: string; temporaryPassword: string; tokensRevoked: number }> {
  const pre = await deps.db.select({ login: appUser.login }).from(appUser).where(eq(appUser.id, id));
  const password = temporaryPassword(pre[0]?.login);
  const passwordHash = await hashPassword(password);
  return inTransaction(deps, ctx, async (tx, audit) => {
    const user = await loadManagedUser(tx, ctx, id, { notSelf: '请通过“修改密码”更改您自己的密码' });
    const now = deps.now();
    await tx
      .update(appUser)
      .set({
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: now,
        failedLogins: 0,
        lockedUntil: null,
        updatedAt: now,
      })
      .where(eq(appUser.id, id));
    await tx.delete(session).where(eq(session.userId, id));
    await tx.delete(loginThrottle).where(eq(loginThrottle.loginKey, loginKey(user.login)));
    const revoked = await tx
      .update(apiToken)
      .set({ revokedAt: now })
      .where(and(eq(apiToken.userId, id), isNull(apiToken.revokedAt)))
      .returning({ id: apiToken.id });
    await audit({
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: id,
      agencyId: user.agencyId,
      data: { login: user.login, tokensRevoked: revoked.map((r) => r.id) },
    });
    return {
      login: user.login,
      displayName: user.displayName,
      temporaryPassword: password,
      tokensRevoked: revoked.length,
    };
  });
}
