// buildApp(deps): the whole HTTP surface — portal, back office and API — with its plugins and route
// modules registered explicitly, in order (no autoload: grep finds everything).
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { signHead, type ChainHead } from '../domain/audit/head.js';
import { frameworkErrorHandler, registerBadInputGuards } from './bad-input.js';
import { registerErrorHandlers } from './errors.js';
import { sendHtml } from './html.js';
import { loggerOptions } from './logging.js';
import { registerAuth } from './plugins/auth.js';
import { registerPageCache, type PageCacheOptions } from './plugins/page-cache.js';
import { registerSecurity } from './plugins/security.js';
import { registerSiteName } from './plugins/site-name.js';
import { registerRoutes } from './routes.js';
import type { AppDeps, Renderable } from './types.js';

const assetsDir = fileURLToPath(new URL('../../public/assets', import.meta.url));

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
    frameworkErrors: frameworkErrorHandler(deps),
  });
  app.addHook('onSend', async (req, reply) => {
    void reply.header('x-request-id', req.id);
  });
  // Every commit's signed audit head also goes to the log (issue 8.8): a log kept off the server is
  // a copy of the head that whoever edits the database cannot take back.
  const log = app.log as typeof app.log & { isLevelEnabled?: (level: string) => boolean };
  const logHead = (head: ChainHead) => {
    // Not signed at all when the log would drop the line (LOG_LEVEL=warn).
    if (log.isLevelEnabled?.('info') !== false)
      app.log.info({ auditHead: signHead(deps.auditSecret, head) }, 'audit head');
  };
  (deps.auditHeadListeners ??= new Set()).add(logHead);
  app.addHook('onClose', async () => {
    deps.auditHeadListeners?.delete(logHead);
  });
  app.decorateReply('html', function (this: FastifyReply, node: Renderable, status?: number) {
    return sendHtml(this, node, status);
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
  registerBadInputGuards(app);
  await registerRoutes(app, deps);
  opts.extraRoutes?.(app);
  return app;
}
