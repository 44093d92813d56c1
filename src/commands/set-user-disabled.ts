// Disables or re-enables a staff account. Disabling ends the user's sessions in the same transaction,
// so they are logged out at their next request (API tokens stop too: they check the account).
import { eq } from 'drizzle-orm';
import { appUser, session } from '../db/schema.js';
import { inTransaction, type CommandContext, type Deps } from './context.js';
import { loadManagedUser } from './managed-user.js';

export async function setUserDisabled(deps: Deps, ctx: CommandContext, id: number, disabled: boolean) {
  return inTransaction(deps, ctx, async (tx, audit) => {
    const user = await loadManagedUser(tx, ctx, id, { notSelf: disabled ? '不能停用自己的账号' : undefined });
    if ((user.disabledAt != null) === disabled) return;
    const now = deps.now();
    await tx
      .update(appUser)
      .set({ disabledAt: disabled ? now : null, updatedAt: now })
      .where(eq(appUser.id, id));
    if (disabled) await tx.delete(session).where(eq(session.userId, id));
    await audit({
      action: disabled ? 'user.disabled' : 'user.enabled',
      subjectType: 'user',
      subjectId: id,
      agencyId: user.agencyId,
      data: { login: user.login },
    });
  });
}
