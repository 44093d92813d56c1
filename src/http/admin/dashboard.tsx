import type { FastifyInstance } from 'fastify';
import { dashboardData } from '../../queries/dashboard.js';
import { DashboardPage } from '../../views/pages/admin-dashboard.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';

export function registerDashboardRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin', { preHandler: requireStaff }, async (req, reply) => {
    const data = await dashboardData(deps.db, req.actor!);
    return reply.html(<DashboardPage shell={adminShell(req, reply, deps)} data={data} />);
  });
}
