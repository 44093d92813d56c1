// The application under test: real app, real database (see db.ts), a settable clock, no network.
import type { FastifyInstance } from 'fastify';
import { loadConfig } from '../../src/config.js';
import type { Database } from '../../src/db/client.js';
import { buildApp, type BuildOptions } from '../../src/http/app.js';
import type { AppDeps } from '../../src/http/types.js';
import { depsFor } from '../../src/main.js';
import { syncOfficialCalendar } from '../../src/commands/sync-official-calendar.js';
import { createTestDatabase } from './db.js';
import { createDemoDatabase } from './demo-db.js';

export interface TestApp {
  app: FastifyInstance;
  deps: AppDeps;
  database: Database;
  /** Moves the clock (milliseconds since epoch or a Date). */
  setNow(t: Date): void;
  close(): Promise<void>;
}

export const TEST_SECRETS = {
  sessionSecret: 'test-session-secret-0123456789abcdef',
  auditSecret: 'test-audit-secret-0123456789abcdefgh',
  personalDataKey: 'dGVzdC1wZXJzb25hbC1kYXRhLWtleS0wMTIzNDU2Nzg=',
};

export async function createTestApp(
  opts: {
    now?: Date;
    env?: Record<string, string>;
    build?: BuildOptions;
    /** Start on the demo city (loadDemo for the day of `now`, copied from a cache: demo-db.ts). */
    demo?: boolean;
  } = {},
): Promise<TestApp> {
  const start = opts.now ?? new Date('2026-11-28T02:00:00Z');
  const database = opts.demo ? await createDemoDatabase(start) : await createTestDatabase();
  // Many logins from one address in a test run: the login limit gets its own test (auth.test.ts).
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    LOGIN_RATE_LIMIT: '1000',
    ...opts.env,
  });
  const base = await depsFor(database, config, TEST_SECRETS);
  let now = start;
  const deps: AppDeps = { ...base, now: () => now };
  await syncOfficialCalendar(deps);
  const app = await buildApp(deps, opts.build ?? { logger: false });
  await app.ready();
  return {
    app,
    deps,
    database,
    setNow: (t) => {
      now = t;
    },
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
