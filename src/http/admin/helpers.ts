// Small helpers shared by the back-office management routes.
import type { FastifyRequest } from 'fastify';
import type { CommandContext } from '../../commands/context.js';
import type { Actor } from '../../domain/agencies/actor.js';
import { ROLE_LABELS, type Role } from '../../domain/agencies/roles.js';
import { NotFound } from '../../domain/errors.js';
import { localDate } from '../../lib/time.js';
import { scopePath } from '../../policies/policy.js';
import { listAgencies, toTree, type AgencyNode } from '../../queries/agencies.js';
import type { Lang } from '../../views/i18n.js';
import type { AppDeps } from '../types.js';

/** The logged-in actor (routes using this run behind requireStaff). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new NotFound();
  return req.actor;
}

export function commandContext(req: FastifyRequest): CommandContext {
  return { actor: actorOf(req), requestId: req.id };
}

/** The numeric `:id` (or other `name`) of the URL; anything else is a page that does not exist. */
export function idParam(req: FastifyRequest, name = 'id'): number {
  const raw = (req.params as Record<string, string | undefined>)[name] ?? '';
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

/** The query string's single values (a repeated key arrives as an array: ignored). */
export function queryOf(req: FastifyRequest): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of Object.entries((req.query ?? {}) as Record<string, unknown>))
    if (typeof v === 'string') out[k] = v;
  return out;
}

/** The query value if it is one of the options offered, else ''. */
export function offered(value: unknown, options: { value: string }[]): string {
  return typeof value === 'string' && options.some((o) => o.value === value) ? value : '';
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

/** The agencies of the actor's subtree as <select> options. */
export async function scopeAgencyOptions(deps: AppDeps, req: FastifyRequest) {
  return agencyOptions(toTree(await listAgencies(deps.db, { rootPath: scopePath(actorOf(req)) })));
}

/** Years as <select> options (「2026年」), newest first, from `newest` down to `oldest`. */
export function yearOptions(newest: number, oldest: number) {
  const out: { value: string; label: string }[] = [];
  for (let y = newest; y >= oldest; y--) out.push({ value: String(y), label: `${y}年` });
  return out;
}

/** This year where the installation is. */
export function currentYear(deps: AppDeps): number {
  return Number(localDate(deps.now()).slice(0, 4));
}

export function roleOptions(lang: Lang, roles: readonly Role[]) {
  return roles.map((r) => ({ value: r, label: ROLE_LABELS[r][lang] }));
}
