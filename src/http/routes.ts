// Every route module, registered explicitly.
import type { FastifyInstance } from 'fastify';
import { registerAdminAgencyRoutes } from './admin/agencies.js';
import { registerAdminAppealRoutes } from './admin/appeals.js';
import { registerAdminApplicationRoutes } from './admin/applications.js';
import { registerAdminAuditRoutes } from './admin/audit.js';
import { registerAdminAuthRoutes } from './admin/auth.js';
import { registerAdminCalendarRoutes } from './admin/calendar.js';
import { registerAdminRulesRoutes } from './admin/rules.js';
import { registerAdminMessageRoutes } from './admin/messages.js';
import { registerAdminNoticeRoutes } from './admin/notices.js';
import { registerAdminNoticeTemplateRoutes } from './admin/notice-templates.js';
import { registerDashboardRoutes } from './admin/dashboard.js';
import { registerAdminUserActionRoutes } from './admin/user-actions.js';
import { registerAdminUserRoutes } from './admin/users.js';
import { registerApiRoutes } from './api/index.js';
import { registerPortalAgencyRoutes } from './portal/agencies.js';
import { registerPortalApplicationRoutes } from './portal/applications.js';
import { registerPortalCalendarRoutes } from './portal/calendar.js';
import { registerPortalFeedRoutes } from './portal/document-feeds.js';
import { registerPortalDocumentRoutes } from './portal/documents.js';
import { registerPortalHomeRoutes } from './portal/home.js';
import { registerPortalReportCheckRoutes } from './portal/report-check.js';
import type { AppDeps } from './types.js';

export async function registerRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  registerPortalHomeRoutes(app, deps);
  registerPortalAgencyRoutes(app, deps);
  registerPortalDocumentRoutes(app, deps);
  registerPortalFeedRoutes(app, deps);
  registerAdminAuthRoutes(app, deps);
  registerDashboardRoutes(app, deps);
  registerAdminAgencyRoutes(app, deps);
  registerAdminUserRoutes(app, deps);
  registerAdminUserActionRoutes(app, deps);
  registerAdminAppealRoutes(app, deps);
  registerAdminAuditRoutes(app, deps);
  registerAdminMessageRoutes(app, deps);
  registerAdminApplicationRoutes(app, deps);
  registerAdminNoticeRoutes(app, deps);
  registerAdminNoticeTemplateRoutes(app, deps);
  registerPortalCalendarRoutes(app, deps);
  await registerAdminCalendarRoutes(app, deps);
  await registerAdminRulesRoutes(app, deps);
  await registerPortalReportCheckRoutes(app, deps);
  await registerPortalApplicationRoutes(app, deps);
  registerApiRoutes(app, deps);
}
