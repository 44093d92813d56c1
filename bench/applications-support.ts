// Shared by bench/applications-*.bench.ts (not a benchmark itself: run.ts picks *.bench.ts only):
// the PostgreSQL server to use, a fresh database on it, percentiles, a free port.
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import pg from 'pg';

/** BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the machine's PostgreSQL as CI sets it up. */
export function serverUrl(): string {
  return (
    process.env.BENCH_DATABASE_URL ??
    process.env.TEST_DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres'
  );
}

export type BenchDatabase = { url: string; name: string; drop(): Promise<void> };

/** A new empty database on the server, or the reason it cannot be made (server unreachable). */
export async function createBenchDatabase(
  server: string,
  prefix: string,
): Promise<BenchDatabase | { skip: string }> {
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: server, connectionTimeoutMillis: 5000 });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  try {
    await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } catch (e) {
    const shown = new URL(server);
    shown.password = '';
    return { skip: `PostgreSQL at ${shown.toString()} is not reachable (${(e as Error).message})` };
  }
  const u = new URL(server);
  u.pathname = `/${name}`;
  return { url: u.toString(), name, drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The p-th percentile (nearest rank) of ascending values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
