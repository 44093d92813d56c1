// Lifts a login lockout (after repeated wrong passwords) before it expires by itself: the pauses of
// every client address for this login (commands/log-in.ts), and the account's mirror of them.
import { eq } from 'drizzle-orm';
import { appUser, loginThrottle } from '../db/schema.js';
import { loginKey } from './log-in.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { loadManagedUser } from './managed-user.js';

export async function unlockUser(deps: Deps, ctx: CommandContext, id: number) {
  return inTransaction(deps, ctx, async (tx, audit) => {
    const user = await loadManagedUser(tx, ctx, id);
    if (!user.lockedUntil && user.failedLogins === 0) return;
    await tx
      .update(appUser)
      .set({ lockedUntil: null, failedLogins: 0, updatedAt: deps.now() })
      .where(eq(appUser.id, id));
    await tx.delete(loginThrottle).where(eq(loginThrottle.loginKey, loginKey(user.login)));
    await audit({
      action: 'user.unlocked',
      subjectType: 'user',
      subjectId: id,
      agencyId: user.agencyId,
      data: {
        login: user.login,
        before: { lockedUntil: user.lockedUntil?.toISOString() ?? null, failedLogins: user.failedLogins },
      },
    });
  });
}
