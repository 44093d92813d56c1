// Several app instances on one database, as when a load balancer spreads the site over processes:
// on PostgreSQL each instance has its own connection pool to one shared database; on PGlite (one
// process per data dir) the instances share the one embedded database. One clock for all of them.
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import { openPostgres, type Database } from '../../src/db/client.js';
import { buildApp } from '../../src/http/app.js';
import type { AppDeps } from '../../src/http/types.js';
import { depsFor } from '../../src/main.js';
import { TEST_SECRETS } from './app.js';
import { createEmptyPostgresDatabase } from './cli.js';
import { createTestDatabase } from './db.js';

export interface Instance {
  app: FastifyInstance;
  deps: AppDeps;
}

export interface Instances {
  instances: Instance[];
  setNow(t: Date): void;
  now(): Date;
  close(): Promise<void>;
}

export async function createInstances(
  count: number,
  opts: { env?: Record<string, string>; now?: Date } = {},
): Promise<Instances> {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    LOGIN_RATE_LIMIT: '1000',
    ...opts.env,
  });
  let now = opts.now ?? new Date('2026-11-28T02:00:00Z');
  const databases: Database[] = [];
  let drop: (() => Promise<void>) | undefined;
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const created = await createEmptyPostgresDatabase(server);
    drop = created.drop;
    for (let i = 0; i < count; i++) databases.push(await openPostgres(created.url));
    await databases[0]!.migrate();
  } else {
    const one = await createTestDatabase();
    for (let i = 0; i < count; i++) databases.push(one);
  }
  const instances: Instance[] = [];
  for (const database of databases) {
    const base = await depsFor(database, config, TEST_SECRETS);
    const deps: AppDeps = { ...base, now: () => now };
    const app = await buildApp(deps, { logger: false });
    await app.ready();
    instances.push({ app, deps });
  }
  return {
    instances,
    setNow: (t) => {
      now = t;
    },
    now: () => now,
    close: async () => {
      for (const i of instances) await i.app.close();
      for (const d of new Set(databases)) await d.close();
      await drop?.();
    },
  };
}

/** One login attempt as a browser at `ip` makes it: open the login page, post the form. */
export async function loginFrom(
  app: FastifyInstance,
  ip: string,
  login: string,
  password: string,
): Promise<{ status: number; message: string; sessionCookie: string | undefined }> {
  const page = await app.inject({ method: 'GET', url: '/admin/login', remoteAddress: ip });
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
  const csrfCookie = page.cookies.find((c) => c.name.endsWith('gk_csrf'));
  const res = await app.inject({
    method: 'POST',
    url: '/admin/login',
    remoteAddress: ip,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: csrfCookie ? `${csrfCookie.name}=${csrfCookie.value}` : '',
    },
    payload: new URLSearchParams({ login, password, _csrf: token }).toString(),
  });
  const message = /<p class="error-message"[^>]*><span[^>]*>[^<]*<\/span>([^<]*)</.exec(res.body)?.[1] ?? '';
  return {
    status: res.statusCode,
    message: message || (res.statusCode === 429 ? 'rate-limited' : ''),
    sessionCookie: res.cookies.find((c) => c.name.endsWith('gk_sid'))?.value,
  };
}
