// The portal's header names the government whose disclosure site it is (the root of the agency
// tree), on every page. Read at most every 30 seconds: it changes only when that agency is renamed.
import { isNull } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { agency } from '../../db/schema.js';
import type { AppDeps } from '../types.js';

const TTL_MS = 30_000;

export function registerSiteName(app: FastifyInstance, deps: AppDeps): void {
  let cached: { name: string | null; at: number } | null = null;
  app.decorateRequest('siteOwner', null);
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/assets/') || req.url.startsWith('/api/')) return;
    const now = Date.now();
    if (!cached || now - cached.at > TTL_MS) {
      const [root] = await deps.db
        .select({ name: agency.name })
        .from(agency)
        .where(isNull(agency.parentId))
        .limit(1);
      cached = { name: root?.name ?? null, at: now };
    }
    req.siteOwner = cached.name;
  });
}
