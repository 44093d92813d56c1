// A database connection the server ends must not take the application down: PostgreSQL restarts,
// an administrator terminates a backend, or a test drops its database while the pool is still
// closing its sockets (that race once crashed the suite with 「terminating connection due to
// administrator command」 as an uncaught exception).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { openPostgres } from '../src/db/client.js';

const url = process.env.TEST_DATABASE_URL;
const why = url ? false : 'needs PostgreSQL (TEST_DATABASE_URL): PGlite has no server to end a connection';

test(
  'a pooled connection terminated by the server is replaced; the process keeps running',
  { skip: why },
  async () => {
    const lost: string[] = [];
    const database = await openPostgres(url!, { onIdleError: (err) => lost.push(err.message) });
    const uncaught: unknown[] = [];
    const onUncaught = (err: unknown) => uncaught.push(err);
    process.on('uncaughtException', onUncaught);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const rows = await database.db.execute(sql`select pg_backend_pid() as pid`);
      const pid = Number((rows as unknown as { rows: { pid: number }[] }).rows[0]!.pid);
      await admin.query('select pg_terminate_backend($1)', [pid]);
      // The pool notices the terminated idle connection asynchronously.
      for (let i = 0; i < 100 && lost.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      assert.equal(lost.length, 1, 'the pool reports the lost connection');
      assert.match(lost[0]!, /terminat/);
      const again = await database.db.execute(sql`select 1 as one`);
      assert.equal((again as unknown as { rows: { one: number }[] }).rows[0]!.one, 1, 'the next query works');
      assert.deepEqual(uncaught, [], 'no uncaught exception');
    } finally {
      process.off('uncaughtException', onUncaught);
      await admin.end();
      await database.close();
    }
  },
);
