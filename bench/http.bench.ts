// Requests per second of the portal home and the staff login page through app.inject() (no sockets,
// one core), against a baseline measured in the same run: a bare Fastify route sending the same
// HTML as a constant string. The ratio is what our plugins, database reads and rendering cost.
import Fastify, { type FastifyInstance } from 'fastify';
import { loadConfig } from '../src/config.js';
import { openPglite } from '../src/db/client.js';
import { loadDemo } from '../src/demo/load-demo.js';
import { buildApp } from '../src/http/app.js';
import { depsFor } from '../src/main.js';

export const title = 'portal home and login page through app.inject(), one core';

const WARMUP_MS = 1000;
const MEASURE_MS = 4000;

interface Result {
  rps: number;
  usPerRequest: number;
}

/** Sequential requests for a fixed time: one core, no concurrency, so the numbers compare. */
async function measure(app: FastifyInstance, url: string): Promise<Result> {
  const once = async () => {
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode !== 200)
      throw new Error(`GET ${url} answered ${res.statusCode}: a benchmark of errors measures nothing`);
  };
  for (const end = performance.now() + WARMUP_MS; performance.now() < end;) await once();
  let n = 0;
  const start = performance.now();
  let now = start;
  while (now - start < MEASURE_MS) {
    await once();
    n++;
    now = performance.now();
  }
  const seconds = (now - start) / 1000;
  return { rps: n / seconds, usPerRequest: (seconds * 1e6) / n };
}

function row(label: string, r: Result, baseline?: Result): string {
  const ratio = baseline
    ? `  ${(r.rps / baseline.rps).toFixed(3)}× baseline (${(baseline.rps / r.rps).toFixed(1)} times slower)`
    : '';
  return `${label.padEnd(44)} ${Math.round(r.rps).toLocaleString('en').padStart(8)} req/s ${r.usPerRequest.toFixed(0).padStart(7)} µs/req${ratio}`;
}

export async function run(): Promise<void> {
  const database = await openPglite();
  await database.migrate();
  // No rate limit and no logs: we measure the page, not 429s or log I/O.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: '/nonexistent',
    RATE_LIMIT_MAX: '1000000000',
  });
  const deps = await depsFor(database, config, {
    sessionSecret: 'bench-session-secret-0123456789abcdef',
    auditSecret: 'bench-audit-secret-0123456789abcdefgh',
  });
  const loaded = await loadDemo(deps);
  await deps.refreshDemoFlag();
  const app = await buildApp(deps, { logger: false });
  await app.ready();

  const pages = [
    { url: '/', label: 'GET /           portal home (demo city)' },
    { url: '/admin/login', label: 'GET /admin/login staff login page' },
  ];
  try {
    console.log(
      `demo city: ${loaded.agencies} agencies; ${MEASURE_MS / 1000} s per measurement after ${WARMUP_MS / 1000} s warm-up`,
    );
    for (const p of pages) {
      const html = (await app.inject({ method: 'GET', url: p.url })).body;
      const bare = Fastify({ logger: false });
      bare.get(p.url, async (_req, reply) => reply.type('text/html; charset=utf-8').send(html));
      await bare.ready();
      const baseline = await measure(bare, p.url);
      await bare.close();
      const page = await measure(app, p.url);
      console.log(row(`baseline: bare Fastify, same ${(html.length / 1024).toFixed(1)} KB`, baseline));
      console.log(row(p.label, page, baseline));
    }
  } finally {
    await app.close();
    await database.close();
  }
}
