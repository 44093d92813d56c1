// The agency subtree an API caller may read: everything for a system admin, otherwise the subtree of
// the token user's agency (the same rule as the back office, src/policies/policy.ts inScope).
import type { Actor } from '../../domain/agencies/actor.js';

export function scopePath(actor: Actor): string {
  return actor.role === 'system_admin' ? '/' : actor.agencyPath;
}
