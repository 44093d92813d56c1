// The portal's 政府信息公开 home page and the language switch.
import type { FastifyInstance } from 'fastify';
import { agencyDirectory } from '../../queries/agency-directory.js';
import { PortalHomePage } from '../../views/portal/home.js';
import { BadRequest } from '../errors.js';
import { portalShell, safeLocalPath } from '../page.js';
import type { AppDeps } from '../types.js';

export function registerPortalHomeRoutes(app: FastifyInstance, deps: AppDeps): void {
  app.get('/', { config: { pageCache: true } }, async (req, reply) => {
    const directory = await agencyDirectory(deps.db);
    return reply.html(<PortalHomePage shell={portalShell(req, deps)} directory={directory} />);
  });

  // Language preference: a cookie, then back to the page the user was on.
  app.get('/lang', async (req, reply) => {
    const q = req.query as { set?: string; back?: string };
    // No link of the site carries control or invisible characters: such an address is malformed
    // (a clear 400), while a well-formed one that leads off-site simply goes home (below).
    if (typeof q.back === 'string' && /[\p{Cc}\p{Cf}]/u.test(q.back))
      throw new BadRequest('返回地址无效（含有控制字符或不可见字符）。');
    const lang = q.set === 'en' ? 'en' : 'zh';
    void reply.setCookie('lang', lang, {
      path: '/',
      sameSite: 'lax',
      httpOnly: true,
      maxAge: 365 * 86400,
      secure: deps.config.secure,
    });
    return reply.redirect(safeLocalPath(q.back, '/'), 303);
  });
}
