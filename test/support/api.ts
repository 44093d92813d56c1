// Calls the REST API as an integration would: a bearer token, JSON back.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createApiToken } from '../../src/commands/api-tokens.js';
import type { Deps } from '../../src/commands/context.js';

const SYSTEM = { actor: { system: true as const, label: 'test' } };

/** A fresh token for `login`, made through the same command as `gongkai token create`. */
export async function tokenFor(deps: Deps, login: string): Promise<{ id: number; token: string }> {
  const t = await createApiToken(deps, SYSTEM, { login, name: 'test' });
  return { id: t.id, token: t.token };
}

export function apiGet(
  app: FastifyInstance,
  url: string,
  token?: string,
  headers: Record<string, string> = {},
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'GET',
    url,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
  });
}

/** Follows `next` cursors from `url` until the end; returns every item. */
export async function apiGetAll<T>(app: FastifyInstance, url: string, token: string): Promise<T[]> {
  const out: T[] = [];
  let after: number | null = 0;
  while (after !== null) {
    const sep = url.includes('?') ? '&' : '?';
    const res = await apiGet(app, `${url}${sep}after=${after}`, token);
    if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    const body = res.json() as { data: T[]; next: number | null };
    out.push(...body.data);
    after = body.next;
  }
  return out;
}
