// One place for authorization (architecture rule 7). A record outside the actor's agency subtree
// answers NotFound (404): the actor may not even learn that it exists.
import type { Actor } from '../domain/agencies/actor.js';
import { isWithin } from '../domain/agencies/agency.js';
import type { Role } from '../domain/agencies/roles.js';
import { NotAllowed, NotFound } from '../domain/errors.js';

/** Anything that belongs to an agency: we only need that agency's path. */
export interface Scoped {
  agencyPath: string;
}

export type Action =
  | 'agency.view'
  | 'agency.create'
  | 'agency.edit'
  | 'user.view'
  | 'user.manage'
  | 'audit.view'
  | 'token.manage'
  | 'calendar.view'
  | 'calendar.manage'
  | 'calendar.manageNational';

const RULES: Record<Action, readonly Role[]> = {
  'agency.view': ['system_admin', 'agency_admin', 'officer', 'office_head', 'publisher', 'auditor'],
  'agency.create': ['system_admin', 'agency_admin'],
  'agency.edit': ['system_admin', 'agency_admin'],
  'user.view': ['system_admin', 'agency_admin', 'auditor'],
  'user.manage': ['system_admin', 'agency_admin'],
  'audit.view': ['system_admin', 'agency_admin', 'auditor', 'office_head'],
  'token.manage': ['system_admin'],
  // 工作日历: agency overrides (e.g. a local closure) by agency admins; a new State Council notice
  // (national rows, a year marked official) only by the system administrator.
  'calendar.view': ['system_admin', 'agency_admin', 'office_head', 'officer'],
  'calendar.manage': ['system_admin', 'agency_admin'],
  'calendar.manageNational': ['system_admin'],
};

export function inScope(actor: Actor, subject: Scoped): boolean {
  return actor.role === 'system_admin' || isWithin(subject.agencyPath, actor.agencyPath);
}

/** May the actor do `action` (on `subject`, when given)? */
export function can(actor: Actor, action: Action, subject?: Scoped): boolean {
  if (!RULES[action].includes(actor.role)) return false;
  return subject ? inScope(actor, subject) : true;
}

/**
 * Asserts that the actor may do `action` on `subject`. A subject the actor cannot see is NotFound;
 * one it can see but not act on is NotAllowed.
 */
export function authorize<T extends Scoped>(
  actor: Actor,
  action: Action,
  subject: T | null | undefined,
): asserts subject is T {
  if (!subject || !inScope(actor, subject)) throw new NotFound();
  if (!can(actor, action, subject)) throw new NotAllowed();
}

/** For actions without a single subject (lists, create forms). */
export function authorizeAction(actor: Actor, action: Action): void {
  if (!RULES[action].includes(actor.role)) throw new NotAllowed();
}

/** Roles an actor may hand out: nobody but a system admin creates system admins. */
export function assignableRoles(actor: Actor): Role[] {
  const all: Role[] = ['system_admin', 'agency_admin', 'officer', 'office_head', 'publisher', 'auditor'];
  return actor.role === 'system_admin' ? all : all.filter((r) => r !== 'system_admin');
}
