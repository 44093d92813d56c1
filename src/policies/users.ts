// Who may manage which staff account. On top of the subtree rule of policy.ts: only who holds
// 'user.manageSystemAdmin' may touch a system administrator's account, and nobody locks themselves out.
import { isSystem, type AnyActor } from '../domain/agencies/actor.js';
import type { Role } from '../domain/agencies/roles.js';
import { NotAllowed, NotFound } from '../domain/errors.js';
import { authorize, can } from './policy.js';

export interface ManagedUser {
  id: number;
  role: Role | string;
  agencyPath: string;
}

/** Asserts that `actor` may manage `user` (404 outside the subtree, 403 otherwise). */
export function authorizeUserManagement(
  actor: AnyActor,
  user: ManagedUser | null | undefined,
): asserts user is ManagedUser {
  if (!user) throw new NotFound();
  authorize(actor, 'user.manage', { agencyPath: user.agencyPath });
  if (user.role === 'system_admin' && !can(actor, 'user.manageSystemAdmin'))
    throw new NotAllowed('只有系统管理员可以管理系统管理员账号');
}

/** May `actor` manage `user`? (For showing or hiding buttons.) */
export function canManageUser(actor: AnyActor, user: ManagedUser): boolean {
  try {
    authorizeUserManagement(actor, user);
    return true;
  } catch {
    return false;
  }
}

/** Is `user` the actor's own account? (Then some actions would lock the actor out.) */
export function isSelf(actor: AnyActor, user: { id: number }): boolean {
  return !isSystem(actor) && actor.userId === user.id;
}
