// The one database handle: embedded PGlite (default, ./data/pgdata) or PostgreSQL (DATABASE_URL).
// Both go through drizzle with the same schema and the same migrations.
// Never use drizzle's node-postgres driver over PGlite's pg adapter: it hangs (docs/dependencies.md §1.4).
import { execFile } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A transaction handle; it has the same query API as Db. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Anything that can run queries: the database or an open transaction. */
export type Executor = Db | Tx;

export const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The PGlite instance, when embedded (tests dump and clone it). */
  pglite?: PGlite;
}

/**
 * PostgreSQL's shared buffers live in PGlite's WebAssembly memory, which only grows: 128 MB by
 * default, for data that is a few MB (the demo city). 32 MB keeps the server's RSS down
 * (docs/performance.md). A start parameter, so the data dir's postgresql.conf is left as it is.
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=32MB'];
const INITDB_SCRIPT = fileURLToPath(new URL('./pglite-initdb.mjs', import.meta.url));
/** An empty database made at `npm install` beside the compiled code (scripts/compile.mjs). */
const TEMPLATE_DIR = fileURLToPath(new URL('./pgdata-template', import.meta.url));

/**
 * A new data dir: a copy of the template when there is one (a fraction of a second), else initdb in
 * a child process (seconds; src/db/pglite-initdb.mjs says why not in this one).
 */
async function initPgliteDir(dataDir: string): Promise<void> {
  if (existsSync(join(TEMPLATE_DIR, 'PG_VERSION'))) cpSync(TEMPLATE_DIR, dataDir, { recursive: true });
  else await promisify(execFile)(process.execPath, [INITDB_SCRIPT, dataDir]);
}

export async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Database> {
  if (dataDir && !loadDataDir && !existsSync(join(dataDir, 'PG_VERSION'))) await initPgliteDir(dataDir);
  const client = await PGlite.create(dataDir, {
    startParams: PGLITE_START_PARAMS,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    pglite: client,
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

export interface PostgresOptions {
  /** Told when an idle pooled connection dies (server restart, terminated backend). */
  onIdleError?: (err: Error) => void;
}

export async function openPostgres(connectionString: string, opts: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection that the server ends (a restart, pg_terminate_backend, DROP DATABASE … FORCE
  // racing pool.end(), which does not wait for the sockets to close) is an 'error' event on the pool;
  // without a listener Node turns it into an uncaught exception and the whole process dies. The pool
  // drops that connection and opens a new one for the next query.
  pool.on(
    'error',
    opts.onIdleError ??
      ((err) =>
        process.stderr.write(
          `数据库空闲连接已断开，将自动重连 (database idle connection lost): ${err.message}\n`,
        )),
  );
  // Fail now, with the server's message, rather than on the first request.
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    engine: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder }),
    close: () => pool.end(),
  };
}
