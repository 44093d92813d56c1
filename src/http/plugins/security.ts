// Security baseline: strict CSP and headers (helmet), signed cookies, CSRF (double submit, checked as a
// preHandler so the form body is parsed first — docs/dependencies.md §6), and rate limits.
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sha256 } from '../../lib/secrets.js';
import { isApiRoute, sessionCookieName } from './auth.js';
import type { AppDeps } from '../types.js';

/**
 * The security headers of every response, shared with the answer to a malformed URL (src/http/bad-input.ts),
 * which Fastify sends before any hook runs. X-Frame-Options says what frame-ancestors 'none' says: DENY.
 */
export function helmetOptions(config: AppDeps['config']) {
  return {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        ...(config.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: config.secure,
    frameguard: { action: 'deny' as const },
    crossOriginEmbedderPolicy: false,
  };
}

export async function registerSecurity(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(helmet, helmetOptions(deps.config));
  await app.register(cookie, { secret: deps.sessionSecret });
  await registerCsrf(app, deps);
  await app.register(rateLimit, {
    global: true,
    max: deps.config.RATE_LIMIT_MAX,
    timeWindow: '1 minute',
    // Static assets are cheap and shared by every page: do not count them.
    allowList: (req) => req.url.startsWith('/assets/'),
  });
}

/** The CSRF cookie's name: `__Host-` in production (Secure, Path=/, no Domain: only this origin sets it). */
export function csrfCookieName(config: AppDeps['config']): string {
  return config.secure ? '__Host-gk_csrf' : 'gk_csrf';
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Answered like a bad CSRF token (src/http/errors.tsx): 403, 「页面已过期或请求来源无效」. */
class CrossSiteRequest extends Error {
  readonly code = 'FST_CSRF_INVALID_TOKEN';
  readonly statusCode = 403;
}

/**
 * CSRF, three layers (issue 8.9):
 * 1. A state-changing request to a page route must come from our own origin: `Sec-Fetch-Site` must be
 *    `same-origin` (or `none`: typed by the user), else `Origin` must be this site's origin (as the
 *    request reached us, or PUBLIC_URL). A request with neither header is not from a current browser
 *    (every browser since 2023 sends Sec-Fetch-Site): it is let through to the token check below,
 *    which it must pass like any other. The bearer-token API is exempt: it reads no cookies.
 * 2. Double-submit token (cookie secret + form field), checked as a preHandler so the form body is
 *    parsed first (docs/dependencies.md), and bound to the session: the token is an HMAC over the
 *    session it was made for (or none, before login), so a pair fetched anonymously, or for another
 *    session, does not work with a logged-in session.
 * 3. Cookies SameSite (session Lax, CSRF secret Strict) and `__Host-` names in production.
 */
async function registerCsrf(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const sessionCookie = sessionCookieName(deps.config);
  const publicOrigin = deps.config.PUBLIC_URL ? new URL(deps.config.PUBLIC_URL).origin : null;
  /** What a token is bound to: the session of the request, or none (the library refuses ''). */
  const binding = (req: FastifyRequest): string =>
    req.authVia === 'session' ? `session:${sha256(req.cookies[sessionCookie] ?? '')}` : 'anonymous';

  const ownOrigin = (req: FastifyRequest, origin: string): boolean => {
    try {
      const o = new URL(origin).origin;
      return o === new URL(`${req.protocol}://${req.host}`).origin || o === publicOrigin;
    } catch {
      return false; // `Origin: null` (sandboxed frames, some redirects) and garbage
    }
  };
  app.addHook('onRequest', async (req) => {
    if (!UNSAFE_METHODS.has(req.method) || isApiRoute(req)) return;
    const site = req.headers['sec-fetch-site'];
    if (typeof site === 'string') {
      if (site === 'same-origin' || site === 'none') return;
      throw new CrossSiteRequest('cross-site request');
    }
    const origin = req.headers.origin;
    if (typeof origin === 'string' && !ownOrigin(req, origin))
      throw new CrossSiteRequest('cross-origin request');
  });

  await app.register(csrf, {
    cookieKey: csrfCookieName(deps.config),
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: deps.config.secure },
    csrfOpts: { hmacKey: createHmac('sha256', deps.sessionSecret).update('gongkai csrf binding').digest() },
    getUserInfo: binding,
    getToken: (req: FastifyRequest) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? (req.headers['x-csrf-token'] as string | undefined);
    },
  });
  // Every token made for a page is bound to that request's session, whoever calls generateCsrf().
  app.addHook('onRequest', async (req, reply) => {
    const generate = reply.generateCsrf;
    reply.generateCsrf = (opts) => generate.call(reply, { ...opts, userInfo: binding(req) });
  });
}
