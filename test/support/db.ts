// Test databases. PGlite by default: a migrated template is built once (and cached on disk, keyed by
// the migrations) and every test database is loaded from it in ~0.5 s. PostgreSQL when
// TEST_DATABASE_URL is set: every test database is a fresh database on that server, dropped at close.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { migrationsFolder, openPglite, openPostgres, type Database } from '../../src/db/client.js';

export function migrationsHash(): string {
  const h = createHash('sha256');
  for (const f of readdirSync(migrationsFolder, { recursive: true }).map(String).sort()) {
    if (f.endsWith('.sql') || f.endsWith('.json'))
      h.update(f).update(readFileSync(join(migrationsFolder, f)));
  }
  return h.digest('hex').slice(0, 16);
}

export const cacheDir = join(process.cwd(), 'node_modules', '.cache', 'gongkai');
let template: Promise<Blob> | undefined;

async function pgliteTemplate(): Promise<Blob> {
  const file = join(cacheDir, `pglite-template-${migrationsHash()}.tar`);
  if (existsSync(file)) return new Blob([readFileSync(file)]);
  const fresh = await openPglite();
  await fresh.migrate();
  const dump = await fresh.pglite!.dumpDataDir('none');
  await fresh.close();
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file); // atomic: parallel test processes never read half a file
  return dump;
}

/**
 * A fresh database on the server: migrated from template0, or a copy of `templateDb` (a database
 * already migrated and filled, e.g. the demo city of demo-db.ts).
 */
export async function createPostgresDatabase(url: string, templateDb?: string): Promise<Database> {
  const name = `gk_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb ?? 'template0'} ENCODING 'UTF8'`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const database = await openPostgres(u.toString());
  if (!templateDb) await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export const testEngine: 'postgres' | 'pglite' = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/** A migrated, empty database of its own for one test file (or one test). Close it in `after`. */
export async function createTestDatabase(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) return createPostgresDatabase(url);
  template ??= pgliteTemplate();
  return openPglite(undefined, await template);
}
