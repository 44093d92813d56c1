// The demo city, loaded once and copied: every browser test and the tests of public pages run on the
// demo city, and loading it through the ordinary commands takes tens of seconds of CPU. The first
// test process of a run that needs it loads it and keeps a copy — a PGlite data-dir dump in the
// cache folder, or a template database on the PostgreSQL server — keyed by the migrations, the
// sources (src/, so any change to the loader or the commands it calls loads it again) and the local
// day the demo is built for (its dates follow "today"). Later processes start from a copy in about
// a second. The copy is only a speed-up: what is in it is exactly what loadDemo writes.
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../src/config.js';
import { openPglite, openPostgres, type Database } from '../../src/db/client.js';
import { syncOfficialCalendar } from '../../src/commands/sync-official-calendar.js';
import { loadDemo } from '../../src/demo/load-demo.js';
import { depsFor } from '../../src/main.js';
import { cacheDir, createPostgresDatabase, createTestDatabase, migrationsHash } from './db.js';
import { TEST_SECRETS } from './app.js';

function sourcesHash(): string {
  const h = createHash('sha256');
  const root = join(process.cwd(), 'src');
  for (const f of readdirSync(root, { recursive: true }).map(String).sort()) {
    if (/\.(tsx?|mjs|json|txt)$/.test(f) && !/\.test\.tsx?$/.test(f))
      h.update(f).update(readFileSync(join(root, f)));
  }
  return h.digest('hex');
}

/** The local day (Asia/Shanghai, the demo's zone) of `now`: the demo's dates follow it. */
function localDay(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

function demoKey(now: Date): string {
  return createHash('sha256')
    .update(migrationsHash())
    .update(sourcesHash())
    .update(localDay(now))
    .digest('hex')
    .slice(0, 16);
}

/** Loads the demo city into a migrated, empty database, as `createTestApp` would see it. */
async function fill(database: Database, now: Date): Promise<void> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent' });
  const base = await depsFor(database, config, TEST_SECRETS);
  const deps = { ...base, now: () => now };
  await syncOfficialCalendar(deps);
  await loadDemo(deps);
}

async function pgliteDemo(now: Date): Promise<Database> {
  const key = demoKey(now);
  const file = join(cacheDir, `demo-${key}.tar`);
  if (existsSync(file)) return openPglite(undefined, new Blob([readFileSync(file)]));
  const database = await createTestDatabase();
  await fill(database, now);
  const dump = await database.pglite!.dumpDataDir('none');
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file); // atomic: a parallel process never reads half a file
  // Copies of earlier runs go; not those of this run: one run uses several keys at once (tests on
  // fixed dates and tests on today), and removing a copy another process is about to read breaks it.
  for (const old of readdirSync(cacheDir)) {
    const path = join(cacheDir, old);
    if (!/^demo-[0-9a-f]{16}\.tar$/.test(old)) continue;
    const age = Date.now() - (statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > STALE_MS) rmSync(path, { force: true });
  }
  return database;
}

/** A copy older than this belongs to an earlier run (a whole CI run takes well under an hour). */
const STALE_MS = 12 * 3600_000;

async function postgresDemo(url: string, now: Date): Promise<Database> {
  const key = demoKey(now);
  const prefix = `gk_demo_${key}_`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  let templateDb: string;
  try {
    // One builder per key at a time across the test processes of the run; the others wait, then copy.
    await admin.query('SELECT pg_advisory_lock(hashtext($1))', [prefix]);
    const found = await admin.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE starts_with(datname, $1) ORDER BY datname DESC LIMIT 1`,
      [prefix],
    );
    if (found.rows[0]) templateDb = found.rows[0].datname;
    else {
      // Named with the minute it was built: later runs drop the copies of earlier ones by age.
      templateDb = `${prefix}${Math.floor(Date.now() / 60_000)}`;
      const building = `gk_demobuild_${key}`;
      await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
      await admin.query(`CREATE DATABASE ${building} TEMPLATE template0 ENCODING 'UTF8'`);
      const u = new URL(url);
      u.pathname = `/${building}`;
      const database = await openPostgres(u.toString());
      try {
        await database.migrate();
        await fill(database, now);
      } finally {
        await database.close();
      }
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${templateDb}`);
      // Copies of earlier runs go; not those of this run (see pgliteDemo), nor one still in use.
      const old = await admin.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname ~ '^gk_demo_[0-9a-f]{16}_[0-9]+$'`,
      );
      const staleBefore = Math.floor((Date.now() - STALE_MS) / 60_000);
      for (const { datname } of old.rows)
        if (Number(datname.split('_').pop()) < staleBefore)
          await admin.query(`DROP DATABASE IF EXISTS ${datname}`).catch(() => {});
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(hashtext($1))', [prefix]).catch(() => {});
    await admin.end();
  }
  return createPostgresDatabase(url, templateDb);
}

/** A database of its own holding the demo city as loadDemo writes it for the day of `now`. */
export function createDemoDatabase(now: Date): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL;
  return url ? postgresDemo(url, now) : pgliteDemo(now);
}
