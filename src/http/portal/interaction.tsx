// 政民互动 (/interaction): the hub page linking the interaction columns. Reads nothing; the same for
// every visitor, so it is served from the page cache.
import type { FastifyInstance } from 'fastify';
import { InteractionPage } from '../../views/portal/interaction.js';
import { INTERACTION_PATH } from '../../views/portal/letter-paths.js';
import { portalShell } from '../page.js';
import type { AppDeps } from '../types.js';

export function registerPortalInteractionRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get(INTERACTION_PATH, { config: { pageCache: true } }, async (req, reply) =>
    reply.html(<InteractionPage shell={portalShell(req, deps)} />),
  );
}
