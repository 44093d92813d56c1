// Who is asking: a staff session (cookie `gk_sid`, `__Host-gk_sid` in production) for pages, a bearer
// token for /api. Plus the UI language (cookie `lang`, Chinese by default).
//
// Which of the two is decided by the route the router matched (routeOptions.url), never by the URL
// text: `/%61pi/v1/me` is routed to `/api/v1/me`, so it is an API request and a session cookie counts
// for nothing there (issue 8.10).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordTokenUse, touchSession } from '../../commands/record-activity.js';
import type { Config } from '../../config.js';
import { NotAllowed } from '../../domain/errors.js';
import { sessionActor } from '../../queries/session-actor.js';
import { tokenActor } from '../../queries/token-actor.js';
import type { AppDeps } from '../types.js';
import { offersEnglish } from '../../views/i18n.js';

/** The session cookie's name: `__Host-` in production, so only this exact origin can set it. */
export function sessionCookieName(config: Pick<Config, 'secure'>): string {
  return config.secure ? '__Host-gk_sid' : 'gk_sid';
}

/** The pattern of the route the request was matched to ('/api/v1/me'), or '' when none matched. */
export function routeOf(req: FastifyRequest): string {
  return req.routeOptions.url ?? '';
}

export function isApiRoute(req: FastifyRequest): boolean {
  return routeOf(req).startsWith('/api/');
}

/** `Authorization: Bearer x` — the scheme is case-insensitive (RFC 9110 §11.1). */
export function bearerToken(header: string | undefined): string | null {
  const m = header ? /^bearer[ \t]+(\S+)[ \t]*$/i.exec(header) : null;
  return m ? m[1]! : null;
}

/** The routes a user on a temporary password may still use: the change itself (and logout). */
const ALLOWED_BEFORE_CHANGE = new Set(['/admin/account/password', '/admin/logout']);

export function registerAuth(app: FastifyInstance, deps: AppDeps): void {
  const cookieName = sessionCookieName(deps.config);
  app.decorateRequest('actor', null);
  app.decorateRequest('authVia', null);
  app.decorateRequest('mustChangePassword', false);
  app.decorateRequest('lang', 'zh');

  app.addHook('onRequest', async (req) => {
    // English only where the page offers it (views/i18n.ts offersEnglish): the back office is Chinese.
    req.lang = req.cookies.lang === 'en' && offersEnglish(req.url.split('?')[0] ?? '/') ? 'en' : 'zh';
    const route = routeOf(req);
    if (route.startsWith('/assets/')) return;
    if (route.startsWith('/api/')) {
      // The API takes bearer tokens only: no cookies, so no CSRF exposure.
      const token = bearerToken(req.headers.authorization);
      if (token) {
        const t = await tokenActor(deps.db, token);
        if (t) {
          req.actor = t.actor;
          req.authVia = 'token';
          await recordTokenUse(deps, t);
        }
      }
      return;
    }
    const token = req.cookies[cookieName];
    if (token) {
      const s = await sessionActor(deps.db, token, deps.now());
      if (s) {
        req.actor = s.actor;
        req.authVia = 'session';
        req.mustChangePassword = s.mustChangePassword;
        await touchSession(deps, s);
      }
    }
  });

  // A user on a temporary password does nothing else in the back office, whatever the method (issue
  // 8.11): GET or POST, the answer is the way to the password page, and the action is not performed.
  app.addHook('preHandler', async (req, reply) => {
    if (req.authVia !== 'session' || !req.mustChangePassword) return;
    const route = routeOf(req);
    if (!route.startsWith('/admin') || ALLOWED_BEFORE_CHANGE.has(route) || route === '/admin/login') return;
    await reply.redirect('/admin/account/password', 303);
    return reply;
  });
}

export function sessionCookieOptions(deps: AppDeps) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: deps.config.secure };
}

/** preHandler for back-office pages: a login is required (the forced password change is a hook above). */
export async function requireStaff(req: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!req.actor) {
    const next = encodeURIComponent(req.url);
    await reply.redirect(`/admin/login?next=${next}`, 303);
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
