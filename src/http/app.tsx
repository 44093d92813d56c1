// buildApp(deps): the whole HTTP surface — portal, back office and API — with its plugins and route
// modules registered explicitly, in order (no autoload: grep finds everything).
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { registerErrorHandlers } from './errors.js';
import { loggerOptions } from './logging.js';
import { registerAuth } from './plugins/auth.js';
import { registerPageCache, type PageCacheOptions } from './plugins/page-cache.js';
import { registerSecurity } from './plugins/security.js';
import { registerSiteName } from './plugins/site-name.js';
import { registerRoutes } from './routes.js';
import type { AppDeps, Renderable } from './types.js';

const assetsDir = fileURLToPath(new URL('../../public/assets', import.meta.url));

async function renderToString(node: Renderable): Promise<string> {
  if (node == null) return '';
  if (typeof node === 'string') return node;
  if (node instanceof Promise) return String(await node);
  return String(await node.toString());
}

export interface BuildOptions {
  logger?: boolean;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: { write(line: string): void };
  /** Extra routes registered before the app is ready (tests). */
  extraRoutes?: (app: FastifyInstance) => void;
  /** Poll interval and clock of the public page cache (tests move the clock by hand). */
  pageCache?: PageCacheOptions;
}

export async function buildApp(deps: AppDeps, opts: BuildOptions = {}): Promise<FastifyInstance> {
  const logger = opts.logger === false ? false : loggerOptions(deps.config);
  const app = Fastify({
    logger: logger && opts.logStream ? { ...logger, stream: opts.logStream } : logger,
    trustProxy: deps.config.TRUST_PROXY,
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  });
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  app.decorateReply('html', async function (this: FastifyReply, node: Renderable, status?: number) {
    const body = '<!doctype html>' + (await renderToString(node));
    if (status) void this.code(status);
    return this.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(body);
  });

  await app.register(formbody, { bodyLimit: 256 * 1024 });
  // First of the request hooks: a cached public page is answered before the others run.
  registerPageCache(app, deps, opts.pageCache);
  await registerSecurity(app, deps);
  await app.register(fastifyStatic, {
    root: assetsDir,
    prefix: '/assets/',
    decorateReply: false,
    maxAge: '1h',
    wildcard: false,
  });
  registerAuth(app, deps);
  registerSiteName(app, deps);
  registerErrorHandlers(app, deps);
  await registerRoutes(app, deps);
  opts.extraRoutes?.(app);
  return app;
}
