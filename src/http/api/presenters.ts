// Presenters: explicit field whitelists from read models to API bodies. Nothing reaches a response
// unless it is named here, so a new column (a hash, a counter) never leaks by accident.
import type { z } from 'zod';
import type { Actor } from '../../domain/agencies/actor.js';
import { officeContact, type AgencyKind } from '../../domain/agencies/agency.js';
import type { Role } from '../../domain/agencies/roles.js';
import { can, type Action } from '../../policies/policy.js';
import type { AgencyWithParent } from '../../queries/agency-page.js';
import type { AuditFeedItem } from '../../queries/audit-feed.js';
import type { UserSummary } from '../../queries/user-page.js';
import type { Agency, AgencyNodeOut, AuditEvent, Me, User } from './schemas.js';

const ACTIONS: Action[] = [
  'agency.view',
  'agency.create',
  'agency.edit',
  'user.view',
  'user.manage',
  'audit.view',
  'token.manage',
];

export function presentMe(actor: Actor, agencyCode: string): z.input<typeof Me> {
  return {
    id: actor.userId,
    login: actor.login,
    displayName: actor.displayName,
    role: actor.role,
    agency: { code: agencyCode, name: actor.agencyName },
    permissions: ACTIONS.filter((a) => can(actor, a)),
  };
}

export function presentAgency(a: AgencyWithParent): z.input<typeof Agency> {
  return {
    id: a.id,
    code: a.code,
    name: a.name,
    shortName: a.shortName,
    kind: a.kind as AgencyKind,
    parentCode: a.parentCode,
    sortOrder: a.sortOrder,
    active: a.active,
    contact: officeContact(a),
    functions: a.functions,
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Nests a scope's agencies (parents before children); roots are those whose parent is outside it. */
export function presentAgencyTree(rows: AgencyWithParent[]): AgencyNodeOut[] {
  const nodes = new Map<number, AgencyNodeOut>();
  const roots: AgencyNodeOut[] = [];
  const ordered = [...rows].sort((x, y) => x.sortOrder - y.sortOrder || x.id - y.id);
  for (const r of ordered) nodes.set(r.id, { ...presentAgency(r), children: [] });
  for (const r of ordered) {
    const node = nodes.get(r.id)!;
    const parent = r.parentId != null ? nodes.get(r.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

export function presentUser(u: UserSummary, now: Date): z.input<typeof User> {
  return {
    id: u.id,
    login: u.login,
    displayName: u.displayName,
    role: u.role as Role,
    agency: { code: u.agencyCode, name: u.agencyName },
    disabled: u.disabledAt != null,
    // Only whether the account is locked now; when and why stay in the back office.
    locked: u.lockedUntil != null && u.lockedUntil.getTime() > now.getTime(),
    createdAt: u.createdAt.toISOString(),
  };
}

export function presentAuditEvent(e: AuditFeedItem): z.input<typeof AuditEvent> {
  return {
    seq: Number(e.seq),
    at: new Date(e.at).toISOString(),
    actorId: e.actorId,
    actorLabel: e.actorLabel,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    agencyCode: e.agencyCode,
    data: e.data,
    requestId: e.requestId,
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/** The keyset cursor: the last id of a full page when more follow. */
export function nextCursor<T>(items: T[], more: boolean, key: (item: T) => number): number | null {
  const last = items[items.length - 1];
  return more && last !== undefined ? key(last) : null;
}
