// Small helpers shared by the back-office management routes.
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../../commands/context.js';
import type { Actor } from '../../domain/agencies/actor.js';
import { ROLE_LABELS, type Role } from '../../domain/agencies/roles.js';
import { NotFound } from '../../domain/errors.js';
import type { AgencyNode } from '../../queries/agencies.js';
import type { Lang } from '../../views/i18n.js';

/** The logged-in actor (routes using this run behind requireStaff). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new NotFound();
  return req.actor;
}

export function commandContext(req: FastifyRequest): CommandContext {
  return { actor: actorOf(req), requestId: req.id };
}

/** The numeric `:id` of the URL; anything else is a page that does not exist. */
export function idParam(req: FastifyRequest): number {
  const raw = (req.params as { id?: string }).id ?? '';
  if (!/^\d{1,9}$/.test(raw)) throw new NotFound();
  return Number(raw);
}

/** The submitted form as strings (the CSRF token removed), to parse and to show back after an error. */
export function formBody(req: FastifyRequest): Record<string, string> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(body)) if (k !== '_csrf' && typeof v === 'string') out[k] = v;
  return out;
}

/** A ?done=… flag of a Post/Redirect/Get, if it is one of the known ones. */
export function doneFlag<T extends string>(req: FastifyRequest, known: readonly T[]): T | undefined {
  const v = (req.query as { done?: string }).done;
  return known.find((k) => k === v);
}

/** The agency tree as <select> options, indented by depth. */
export function agencyOptions(roots: AgencyNode[], include: (n: AgencyNode) => boolean = () => true) {
  const out: { value: string; label: string }[] = [];
  const walk = (n: AgencyNode) => {
    if (include(n)) out.push({ value: String(n.id), label: `${'　'.repeat(n.depth)}${n.name}` });
    n.children.forEach(walk);
  };
  roots.forEach(walk);
  return out;
}

export function roleOptions(lang: Lang, roles: readonly Role[]) {
  return roles.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }));
}
