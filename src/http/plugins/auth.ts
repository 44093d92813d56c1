// Who is asking: a staff session (cookie `gk_sid`) for pages, a bearer token for /api. Plus the UI
// language (cookie `lang`, Chinese by default).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { NotAllowed } from '../../domain/errors.js';
import { sessionActor } from '../../queries/session-actor.js';
import { tokenActor } from '../../queries/token-actor.js';
import type { AppDeps } from '../types.js';

export const SESSION_COOKIE = 'gk_sid';

export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('lang', 'zh');

  app.addHook('onRequest', async (req) => {
    req.lang = req.cookies.lang === 'en' ? 'en' : 'zh';
    if (req.url.startsWith('/assets/')) return;
    const auth = req.headers.authorization;
    if (req.url.startsWith('/api/')) {
      // The API takes bearer tokens only: no cookies, so no CSRF exposure.
      if (auth?.startsWith('Bearer ')) {
        req.actor = await tokenActor(deps.db, auth.slice(7).trim(), deps.now());
        req.authVia = req.actor ? 'token' : null;
      }
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      const s = await sessionActor(deps.db, token, deps.now());
      if (s) {
        req.actor = s.actor;
        req.authVia = 'session';
        req.mustChangePassword = s.mustChangePassword;
      }
    }
  });
}

export function sessionCookieOptions(deps: AppDeps) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secure };
}

/** preHandler for back-office pages: a login is required; a forced password change comes first. */
export async function requireStaff(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!req.actor) {
    const next = encodeURIComponent(req.url);
    await reply.redirect(`/admin/login?next=${next}`, 303);
    return reply;
  }
  if (req.mustChangePassword && !req.url.startsWith('/admin/account/password') && req.method === 'GET') {
    await reply.redirect('/admin/account/password', 303);
    return reply;
  }
}

/** preHandler for API routes that need a token. */
export async function requireToken(req: FastifyRequest): Promise<void> {
  if (!req.actor) throw new ApiUnauthorized();
}

export class ApiUnauthorized extends NotAllowed {
  constructor() {
    super('缺少或无效的访问令牌（Authorization: Bearer …）');
  }
}
