import type { Role } from './roles.js';

/** Who is acting: a logged-in staff member or an integration token's user. */
export interface Actor {
  userId: number;
  login: string;
  displayName: string;
  role: Role;
  agencyId: number;
  agencyName: string;
  /** Materialised path of the actor's agency: the root of everything the actor may see. */
  agencyPath: string;
}

/** The system itself (CLI bootstrap, demo loader, jobs). */
export interface SystemActor {
  system: true;
  label: string;
}

export type AnyActor = Actor | SystemActor;

export function isSystem(a: AnyActor): a is SystemActor {
  return 'system' in a;
}
