// The public pages that read the same for every visitor between two changes (home, agency directory,
// each 指南, the working-day calendar of a year) are rendered once per language and served from
// memory. A route opts in with `config: { pageCache: true }` (or a function saying which requests of
// it may be cached, e.g. the directory without a search).
//
// Invalidation, on every instance: each command that changes public data bumps a counter row in its
// transaction (src/commands/context.ts). This instance drops its pages as soon as the command
// commits; every instance reads the counter at most once per poll interval (1 s) and drops its pages
// when the counter moved — a change made by another instance on the same PostgreSQL, the CLI or a
// job shows within that interval.
//
// A cache hit is answered from the first onRequest hook: no rate limit, session lookup, CSRF,
// helmet or language hook runs, and no database query is made (except the once-a-second poll). The
// headers those hooks set on the rendered page (helmet's) are stored with it and sent again. Only
// anonymous requests use the cache (a request with a staff session cookie takes the ordinary path),
// and a response that sets a cookie is never stored: no per-user data can enter it.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { readPublicVersion } from '../../queries/public-version.js';
import type { AppDeps } from '../types.js';
import { sessionCookieName } from './auth.js';

export interface PageCacheOptions {
  /** How often the shared counter is read, at most (ms); 1 s by default. */
  pollMs?: number;
  /** Monotonic clock in ms (tests pass one they move by hand). */
  clock?: () => number;
  /** Memory budget of the stored pages (bytes). */
  maxBytes?: number;
}

export type PageCacheRule = boolean | ((req: FastifyRequest) => boolean);

/** The shared version of the public data, as this instance last read it. */
export interface PublicVersion {
  /** The counter, read from the database when the last read is older than the poll interval. */
  current(): Promise<number>;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This route's page may be served from the page cache (src/http/plugins/page-cache.ts). */
    pageCache?: PageCacheRule;
  }
  interface FastifyRequest {
    /** Set on a cacheable request that missed: where to store the rendered page. */
    pageCacheSlot: { key: string; version: number } | null;
  }
  interface FastifyInstance {
    publicVersion: PublicVersion;
  }
}

interface Entry {
  body: Buffer;
  headers: Record<string, string | string[] | number>;
}

/** Headers that belong to one response, not to the page. */
const NOT_STORED = new Set([
  'content-length',
  'set-cookie',
  'x-request-id',
  'date',
  'connection',
  'retry-after',
]);

const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export function registerPageCache(app: FastifyInstance, deps: AppDeps, opts: PageCacheOptions = {}): void {
  const pollMs = opts.pollMs ?? 1000;
  const clock = opts.clock ?? (() => performance.now());
  const pages = new LRUCache<string, Entry>({
    maxSize: opts.maxBytes ?? DEFAULT_MAX_BYTES,
    sizeCalculation: (e) => e.body.length + 2048,
  });

  let version: number | null = null;
  let readAt = -Infinity;
  let reading: Promise<void> | null = null;

  const read = async () => {
    const v = await readPublicVersion(deps.db);
    if (version !== null && v !== version) {
      pages.clear();
      // The demo banner is on every page: another instance may have loaded the demo city.
      await deps.refreshDemoFlag();
    }
    version = v;
    readAt = clock();
  };
  const publicVersion: PublicVersion = {
    async current() {
      if (version === null || clock() - readAt >= pollMs) {
        // One read at a time, shared by the requests that arrive while it runs.
        reading ??= read().finally(() => (reading = null));
        await reading;
      }
      return version!;
    },
  };
  app.decorate('publicVersion', publicVersion);

  // A command of this instance committed a public change: drop the pages now and read the counter
  // again on the next request (pages rendered from then on carry the new version).
  const onLocalChange = () => {
    pages.clear();
    readAt = -Infinity;
  };
  const listeners = (deps.publicChangeListeners ??= new Set());
  listeners.add(onLocalChange);
  app.addHook('onClose', async () => {
    listeners.delete(onLocalChange);
  });

  app.decorateRequest('pageCacheSlot', null);
  const sessionCookie = sessionCookieName(deps.config);

  app.addHook('onRequest', async (req, reply) => {
    // A NUL byte is refused by src/http/bad-input.ts before any handler: not served from here.
    if (req.method !== 'GET' || req.url.includes('%00')) return;
    const rule = req.routeOptions.config?.pageCache;
    if (!rule) return;
    const cookies = req.headers.cookie ? app.parseCookie(req.headers.cookie) : {};
    if (cookies[sessionCookie]) return;
    if (typeof rule === 'function' && !rule(req)) return;
    const v = await publicVersion.current();
    // The page depends on the path and the language only (routes whose page depends on the query
    // string say so in their rule). The language is chosen as src/http/plugins/auth.ts chooses it.
    const key = `${cookies.lang === 'en' ? 'en' : 'zh'} ${req.url.split('?')[0]}`;
    const hit = pages.get(key);
    if (hit) return reply.headers(hit.headers).send(hit.body);
    req.pageCacheSlot = { key, version: v };
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const slot = req.pageCacheSlot;
    // Stored only when nothing changed while it was rendered, and only a whole HTML page that sets no cookie.
    if (
      slot &&
      slot.version === version &&
      reply.statusCode === 200 &&
      typeof payload === 'string' &&
      !reply.hasHeader('set-cookie')
    ) {
      const headers: Entry['headers'] = {};
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined && !NOT_STORED.has(name) && !name.startsWith('x-ratelimit-'))
          headers[name] = value;
      pages.set(slot.key, { body: Buffer.from(payload), headers });
    }
    return payload;
  });
}
