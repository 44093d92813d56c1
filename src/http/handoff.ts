// The one-time handoff from a form's submission to its confirmation page (Post/Redirect/Get): the
// tracking number and the query code travel in an encrypted, httpOnly cookie scoped to the
// confirmation's path, valid for a few minutes and cleared by the first page that reads it — the
// query code is shown once and never lands in a URL, a log or the browser's history.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from './types.js';

/** What every handoff carries; a form may add fields of its own. */
export interface HandoffBase {
  trackingNumber: string;
  queryCode: string;
}

const SECONDS = 10 * 60;

export function oneTimeHandoff<T extends HandoffBase>(deps: AppDeps, cookie: string, path: string) {
  const options = { path, httpOnly: true, sameSite: 'strict' as const, secure: deps.config.secure };
  return {
    /** Sets the cookie on the redirect to the confirmation page. */
    give(reply: FastifyReply, value: T): void {
      const until = deps.now().getTime() + SECONDS * 1000;
      void reply.setCookie(cookie, deps.personalData.encrypt(JSON.stringify({ ...value, until })), {
        ...options,
        maxAge: SECONDS,
      });
    },
    /**
     * The handoff in the request's cookie if it is ours and not stale (its own fields unchecked:
     * the caller reads them defensively); the cookie goes with this answer, whatever it held.
     */
    take(req: FastifyRequest, reply: FastifyReply): (HandoffBase & Partial<T>) | null {
      const raw = req.cookies[cookie];
      if (raw === undefined) return null;
      void reply.clearCookie(cookie, options);
      try {
        const h = JSON.parse(deps.personalData.decrypt(raw)) as Partial<T> & { until?: unknown };
        if (typeof h.trackingNumber !== 'string' || typeof h.queryCode !== 'string') return null;
        if (typeof h.until !== 'number' || h.until < deps.now().getTime()) return null;
        return h as HandoffBase & Partial<T>;
      } catch {
        return null;
      }
    },
  };
}
