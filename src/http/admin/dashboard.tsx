import type { FastifyInstance } from 'fastify';
import { can, scopePath } from '../../policies/policy.js';
import { auditSubjectNames } from '../../queries/audit-log.js';
import { chinaToday, missingCalendarYears } from '../../queries/calendar.js';
import { dashboardData } from '../../queries/dashboard.js';
import { letterDashboard } from '../../queries/letter-dashboard.js';
import { overduePublicationCount } from '../../queries/document-admin.js';
import { localDate } from '../../lib/time.js';
import { DashboardPage } from '../../views/admin/dashboard.js';
import { adminShell } from '../page.js';
import { requireStaff } from '../plugins/auth.js';
import type { AppDeps } from '../types.js';

export function registerDashboardRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/admin', { preHandler: requireStaff }, async (req, reply) => {
    const data = await dashboardData(deps.db, req.actor!);
    // People read names, not ids: the agencies and users the recent events are about (in scope).
    const names = await auditSubjectNames(deps.db, scopePath(req.actor!), data.recentEvents);
    const calendar = {
      missingYears: await missingCalendarYears(deps.db, deps.now()),
      currentYear: Number(chinaToday(deps.now()).slice(0, 4)),
      link: can(req.actor!, 'calendar.view'),
    };
    // 第二十六条: items still unpublished after their due date, for those who see the library.
    const overduePublications = can(req.actor!, 'document.view')
      ? await overduePublicationCount(deps.db, req.actor!, localDate(deps.now()))
      : undefined;
    // 信件办理: overdue letters and the three-month line (veto risk), for those who see letters.
    const letters = can(req.actor!, 'letter.view')
      ? await letterDashboard(deps.db, req.actor!, localDate(deps.now()))
      : undefined;
    return reply.html(
      <DashboardPage
        letters={letters}
        overduePublications={overduePublications}
        shell={adminShell(req, reply, deps)}
        data={data}
        names={Object.fromEntries(names)}
        calendar={calendar}
      />,
    );
  });
}
