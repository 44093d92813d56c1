// Shared by the commands that change another staff member's account: load it inside the
// transaction and check that the actor may manage it (404 outside the actor's subtree).
import { NotAllowed, NotFound } from '../domain/errors.js';
import type { Tx } from '../db/client.js';
import { findUserById, type UserRow } from '../db/repositories/users.js';
import { authorizeUserManagement, isSelf } from '../policies/users.js';
import type { CommandContext } from './context.js';

export async function loadManagedUser(
  tx: Tx,
  ctx: CommandContext,
  id: number,
  opts: { notSelf?: string } = {},
): Promise<UserRow> {
  const user = await findUserById(tx, id);
  if (!user) throw new NotFound();
  authorizeUserManagement(ctx.actor, user);
  if (opts.notSelf && isSelf(ctx.actor, user)) throw new NotAllowed(opts.notSelf);
  return user;
}
