// Security baseline: strict CSP and headers (helmet), signed cookies, CSRF (double submit, checked as a
// preHandler so the form body is parsed first — docs/dependencies.md §6), and rate limits.
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppDeps } from '../types.js';

export async function registerSecurity(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(helmet, {
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
        ...(deps.config.secure ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    hsts: deps.config.secure,
    crossOriginEmbedderPolicy: false,
  });
  await app.register(cookie, { secret: deps.sessionSecret });
  await app.register(csrf, {
    cookieKey: 'gk_csrf',
    cookieOpts: { signed: true, httpOnly: true, sameSite: 'strict', path: '/', secure: deps.config.secure },
    getToken: (req: FastifyRequest) => {
      const body = req.body as Record<string, unknown> | undefined;
      const fromBody = body && typeof body._csrf === 'string' ? body._csrf : undefined;
      return fromBody ?? (req.headers['x-csrf-token'] as string | undefined);
    },
  });
  await app.register(rateLimit, {
    global: true,
    max: deps.config.RATE_LIMIT_MAX,
    timeWindow: '1 minute',
    // Static assets are cheap and shared by every page: do not count them.
    allowList: (req) => req.url.startsWith('/assets/'),
  });
}
