// Every route module, registered explicitly.
import type { FastifyInstance } from 'fastify';
import { registerAdminAuthRoutes } from './admin/auth.js';
import { registerDashboardRoutes } from './admin/dashboard.js';
import { registerApiRoutes } from './api/index.js';
import { registerPortalAgencyRoutes } from './portal/agencies.js';
import { registerPortalHomeRoutes } from './portal/home.js';
import type { AppDeps } from './types.js';

export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  registerPortalHomeRoutes(app, deps);
  registerPortalAgencyRoutes(app, deps);
  registerAdminAuthRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerApiRoutes(app, deps);
}
