// Agency rules on top of the subtree rule of policy.ts.
import { isSystem, type AnyActor } from '../domain/agencies/actor.js';

/** Is this the actor's own agency? (Deactivating it would lock the actor out of the back office.) */
export function isOwnAgency(actor: AnyActor, agencyId: number): boolean {
  return !isSystem(actor) && actor.agencyId === agencyId;
}
