// Request counters shared by every app instance on one database (fixed one-minute windows, counted
// in one atomic upsert): a limit per client holds however many instances serve the site.
import { sql } from 'drizzle-orm';
import { rateLimitCounter } from '../db/schema.js';
import type { Deps } from './context.js';

export interface RateLimitResult {
  allowed: boolean;
  /** Seconds until the window ends (for Retry-After). */
  retryAfterSeconds: number;
}

/** Counts one request under `key`; allowed while at most `max` fall in the current window. */
export async function countRequest(
  deps: Deps,
  key: string,
  max: number,
  windowMs = 60_000,
): Promise<RateLimitResult> {
  const now = deps.now();
  const expired = new Date(now.getTime() - windowMs);
  const c = rateLimitCounter;
  const [row] = await deps.db
    .insert(c)
    .values({ key, windowStart: now, hits: 1 })
    .onConflictDoUpdate({
      target: c.key,
      set: {
        hits: sql`case when ${c.windowStart} <= ${expired} then 1 else ${c.hits} + 1 end`,
        windowStart: sql`case when ${c.windowStart} <= ${expired} then ${now} else ${c.windowStart} end`,
      },
    })
    .returning({ hits: c.hits, windowStart: c.windowStart });
  const ends = row!.windowStart.getTime() + windowMs;
  return {
    allowed: row!.hits <= max,
    retryAfterSeconds: Math.max(1, Math.ceil((ends - now.getTime()) / 1000)),
  };
}

/** Drops counters whose window ended long ago (the purge job). */
export async function purgeRateLimitCounters(deps: Deps, olderThanMs = 3600_000): Promise<number> {
  const before = new Date(deps.now().getTime() - olderThanMs);
  const gone = await deps.db
    .delete(rateLimitCounter)
    .where(sql`${rateLimitCounter.windowStart} < ${before}`)
    .returning({ key: rateLimitCounter.key });
  return gone.length;
}
