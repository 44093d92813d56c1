// The one database handle: embedded PGlite (default, ./data/pgdata) or PostgreSQL (DATABASE_URL).
// Both go through drizzle with the same schema and the same migrations.
// Never use drizzle's node-postgres driver over PGlite's pg adapter: it hangs (docs/dependencies.md §1.4).
import { fileURLToPath } from 'node:url';
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

export async function openPglite(dataDir?: string, loadDataDir?: Blob | File): Promise<Database> {
  const client = await PGlite.create(dataDir, loadDataDir ? { loadDataDir } : {});
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
      ((err) => process.stderr.write(`数据库空闲连接已断开，将自动重连 (database idle connection lost): ${err.message}\n`)),
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
