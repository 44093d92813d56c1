// The portal's 政府信息公开 home page and the language switch.
import type { FastifyInstance } from 'fastify';
import { listAgencies, toTree } from '../../queries/agencies.js';
import { PortalHomePage } from '../../views/pages/portal-home.js';
import { portalShell, safeLocalPath } from '../page.js';
import type { AppDeps } from '../types.js';

export function registerPortalHomeRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/', async (req, reply) => {
    const rows = await listAgencies(deps.db, { activeOnly: true });
    const [root] = toTree(rows);
    const zh = req.lang === 'zh';
    const groups = root
      ? [
          { title: zh ? '市政府部门' : 'Departments', agencies: root.children.filter((c) => c.kind === 'department' || c.kind === 'dispatched' || c.kind === 'authorized') },
          { title: zh ? '县级市（区）' : 'Districts', agencies: root.children.filter((c) => c.kind === 'district' || c.kind === 'government') },
        ].filter((g) => g.agencies.length > 0)
      : [];
    return reply.html(
      <PortalHomePage
        shell={portalShell(req, deps)}
        government={root ? { code: root.code, name: root.name } : null}
        groups={groups.map((g) => ({ title: g.title, agencies: g.agencies.map((a) => ({ code: a.code, name: a.name })) }))}
        agencyCount={rows.length}
      />,
    );
  });

  // Language preference: a cookie, then back to the page the user was on.
  app.get('/lang', async (req, reply) => {
    const q = req.query as { set?: string; back?: string };
    const lang = q.set === 'en' ? 'en' : 'zh';
    void reply.setCookie('lang', lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 86400, secure: deps.config.secure });
    return reply.redirect(safeLocalPath(q.back, '/'), 303);
  });
}
