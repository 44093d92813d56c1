// Who may manage which staff account. On top of the subtree rule of policy.ts: only a system
// administrator may touch a system administrator's account, and nobody locks themselves out.
import type { Actor } from '../domain/agencies/actor.js';
import type { Role } from '../domain/agencies/roles.js';
import { NotAllowed, NotFound } from '../domain/errors.js';
import { authorize } from './policy.js';

export interface ManagedUser {
  id: number;
  role: Role | string;
  agencyPath: string;
}

/** Asserts that `actor` may manage `user` (404 outside the subtree, 403 otherwise). */
export function authorizeUserManagement(
  actor: Actor,
  user: ManagedUser | null | undefined,
): asserts user is ManagedUser {
  if (!user) throw new NotFound();
  authorize(actor, 'user.manage', { agencyPath: user.agencyPath });
  if (user.role === 'system_admin' && actor.role !== 'system_admin')
    throw new NotAllowed('只有系统管理员可以管理系统管理员账号');
}

/** May `actor` manage `user`? (For showing or hiding buttons.) */
export function canManageUser(actor: Actor, user: ManagedUser): boolean {
  try {
    authorizeUserManagement(actor, user);
    return true;
  } catch {
    return false;
  }
}

/** Actions an administrator may not take on their own account (they would lock themselves out). */
export function isSelf(actor: Actor, user: { id: number }): boolean {
  return actor.userId === user.id;
}
