// The portal's header names the government whose disclosure site it is (the root of the agency
// tree), on every page. Read again only when the public version moved (src/http/plugins/page-cache.ts):
// renaming that agency is a command that bumps it, so a cached page never keeps an old name.
import type { FastifyInstance } from 'fastify';
import { siteOwnerName } from '../../queries/installation.js';
import type { AppDeps } from '../types.js';

export function registerSiteName(app: FastifyInstance, deps: AppDeps): void {
  let cached: { name: string | null; version: number } | null = null;
  app.decorateRequest('siteOwner', null);
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/assets/') || req.url.startsWith('/api/')) return;
    const version = await app.publicVersion.current();
    if (cached?.version !== version) cached = { name: await siteOwnerName(deps.db), version };
    req.siteOwner = cached.name;
  });
}
