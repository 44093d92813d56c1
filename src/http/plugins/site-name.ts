// The portal's header names the government whose disclosure site it is (the root of the agency
// tree), on every page. Read at most every 30 seconds: it changes only when that agency is renamed.
import type { FastifyInstance } from 'fastify';
import { siteOwnerName } from '../../queries/installation.js';
import type { AppDeps } from '../types.js';

const TTL_MS = 30_000;

export function registerSiteName(app: FastifyInstance, deps: AppDeps): void {
  let cached: { name: string | null; at: number } | null = null;
  app.decorateRequest('siteOwner', null);
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/assets/') || req.url.startsWith('/api/')) return;
    const now = Date.now();
    if (!cached || now - cached.at > TTL_MS) cached = { name: await siteOwnerName(deps.db), at: now };
    req.siteOwner = cached.name;
  });
}
