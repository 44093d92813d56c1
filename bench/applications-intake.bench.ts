// Intake of disclosure applications through HTTP on PostgreSQL (issue 9: target ≥ 300
// applications/s on the 2-core machine), beside baselines measured in the same run against the
// same server: a static file it serves (no database) and a bearer-token JSON read of one agency
// (`GET /api/v1/agencies/{code}`: a token check and one indexed read).
//
// The server is started as `npm start` starts it — `node bin/gongkai.js serve`, NODE_ENV=production,
// DEMO=true (the demo city's 103 agencies) — on a fresh PostgreSQL database (BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; skipped with a message when
// that server does not answer), with request logs off (LOG_LEVEL=warn). autocannon (as
// bench/http.bench.ts) keeps BENCH_INTAKE_CONNECTIONS (default 20) connections busy for
// BENCH_INTAKE_SECONDS (default 10) posting valid applications to `POST /api/v1/applications`, each
// a different applicant (name, 居民身份证 number with its check digit, phone) and agency. Each
// request comes from its own address (X-Forwarded-For with TRUST_PROXY=true): the public endpoint's
// per-address limit (30 a minute) protects against one client, and is not what is measured here.
// Printed: applications/s, p50/p95/p99 latency, non-201 answers and errors, the server's and
// PostgreSQL's CPU per application (from /proc), the ratio to the baselines, and a check that the
// database holds exactly the applications answered 201.
//
// `npm run bench -- applications-intake`.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { residentIdCheckChar } from '../src/domain/applications/identity.js';
import { createBenchDatabase, freePort, percentile, serverUrl } from './applications-support.js';

export const title = 'intake through HTTP on PostgreSQL (POST /api/v1/applications) vs baselines';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  duration: number;
  statusCodeStats?: Record<string, { count: number }>;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
  setupRequest?: (req: AutocannonRequest) => AutocannonRequest;
  onResponse?: (status: number, body: string) => void;
}
interface AutocannonOptions {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
  requests?: AutocannonRequest[];
}
type AutocannonInstance = {
  on(
    e: 'response',
    cb: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
  ): void;
};
type Autocannon = ((
  opts: AutocannonOptions,
  cb: (err: Error | null, r: AutocannonResult) => void,
) => AutocannonInstance) & { track?: unknown };
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_INTAKE_SECONDS ?? 10);
const BASELINE_SECONDS = Math.max(2, Math.round(SECONDS / 2));
const CONNECTIONS = Number(process.env.BENCH_INTAKE_CONNECTIONS ?? 20);
const WARMUP = 300;
const TARGET = 300;

/** A valid application of applicant `i` to `agencyCode` (the 居民身份证 check digit computed). */
export function applicationBody(i: number, agencyCode: string) {
  const born = new Date(Date.UTC(1950, 0, 1) + (i % 20000) * 86_400_000).toISOString().slice(0, 10);
  const first17 = `320508${born.replace(/-/g, '')}${String(i % 1000).padStart(3, '0')}`;
  return {
    agencyCode,
    applicantType: 'natural',
    name: `${'张王李赵刘陈杨黄周吴'[i % 10]}${'伟芳娜敏静丽强磊军洋勇艳'[Math.floor(i / 10) % 12]}${i}`,
    idType: 'residentId',
    idNumber: first17 + residentIdCheckChar(first17),
    phone: `13${String(100_000_000 + (i % 900_000_000)).slice(0, 9)}`,
    email: `applicant${i}@example.com`,
    address: `江南市东城区人民路${1 + (i % 999)}号`,
    description: `请公开本单位2026年部门预算、决算及“三公”经费的明细（申请 ${i}）`,
    form: 'electronic',
    delivery: 'online',
  };
}

/** An address per request: 10.x.y.z from the counter. */
function addressOf(i: number): string {
  return `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
}

function cpuMs(pids: number[]): number {
  let sum = 0;
  for (const pid of pids) {
    try {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      sum += (Number(f[11]) + Number(f[12])) * 10; // utime + stime, ticks of 10 ms
    } catch {
      /* gone */
    }
  }
  return sum;
}

async function postgresPids(url: string, database: string): Promise<number[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [database],
    );
    return r.rows.map((x) => x.pid);
  } finally {
    await c.end();
  }
}

function waitUntilAnswering(url: string, child: ChildProcess, limitMs: number, stderr: () => string) {
  const started = performance.now();
  return (async () => {
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`server exited with ${child.exitCode} before listening\n${stderr()}`);
      try {
        const res = await fetch(url);
        await res.arrayBuffer();
        return performance.now() - started;
      } catch {
        if (performance.now() - started > limitMs)
          throw new Error(`${url} did not answer within ${limitMs} ms\n${stderr()}`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  })();
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

interface Measured {
  rate: number;
  total: number;
  p50: number;
  p95: number;
  p99: number;
  non2xx: number;
  errors: number;
  statuses: Record<string, number>;
  samples: string[];
  nodeUs: number;
  pgUs: number;
}

async function load(
  opts: AutocannonOptions,
  cpuPids: { node: number[]; pg: number[] },
  expected: number,
): Promise<Measured> {
  const latencies: number[] = [];
  const samples: string[] = [];
  const statuses: Record<string, number> = {};
  const requests = opts.requests?.map((r) => ({
    ...r,
    onResponse: (status: number, body: string) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== expected && samples.length < 3) samples.push(`${status} ${body.slice(0, 200)}`);
    },
  }));
  const nodeBefore = cpuMs(cpuPids.node);
  const pgBefore = cpuMs(cpuPids.pg);
  const r = await new Promise<AutocannonResult>((resolve, reject) => {
    const inst = autocannon({ ...opts, ...(requests ? { requests } : {}) }, (err, res) =>
      err ? reject(err) : resolve(res),
    );
    inst.on('response', (_c, _s, _b, ms) => latencies.push(ms));
  });
  const nodeMs = cpuMs(cpuPids.node) - nodeBefore;
  const pgMs = cpuMs(cpuPids.pg) - pgBefore;
  latencies.sort((a, b) => a - b);
  const ok = statuses[expected] ?? 0;
  return {
    rate: ok / r.duration,
    total: r.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: r.requests.total - ok,
    errors: r.errors + r.timeouts,
    statuses,
    samples,
    nodeUs: ok ? (nodeMs * 1000) / ok : NaN,
    pgUs: ok ? (pgMs * 1000) / ok : NaN,
  };
}

function row(label: string, m: Measured, unit: string): string {
  const cpu = `server CPU ${Math.round(m.nodeUs).toString().padStart(5)} µs + PostgreSQL ${Math.round(m.pgUs).toString().padStart(5)} µs`;
  return (
    `${label.padEnd(38)} ${m.rate.toFixed(0).padStart(6)} ${unit}/s   ` +
    `p50 ${m.p50.toFixed(1).padStart(6)} ms  p95 ${m.p95.toFixed(1).padStart(6)} ms  p99 ${m.p99.toFixed(1).padStart(6)} ms  ` +
    `errors ${m.non2xx + m.errors}   ${cpu}`
  );
}

export async function run(): Promise<void> {
  const server = serverUrl();
  const created = await createBenchDatabase(server, 'gk_bench_intake');
  if ('skip' in created) {
    console.log(`skipped: ${created.skip}. Set BENCH_DATABASE_URL to a PostgreSQL server to run it.`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-intake-bench-'));
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    DEMO: 'true',
    DATABASE_URL: created.url,
    DATA_DIR: join(dir, 'data'),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    TRUST_PROXY: 'true',
    RATE_LIMIT_MAX: '1000000000',
    SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
    AUDIT_SECRET: 'bench-audit-secret-0123456789abcdefgh',
    PERSONAL_DATA_KEY: Buffer.from('bench-personal-data-key-01234567').toString('base64'),
  };
  delete env.TEST_DATABASE_URL;
  const app = spawn(process.execPath, [join(root, 'bin/gongkai.js'), 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  app.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const base = `http://127.0.0.1:${port}`;
  const admin = new pg.Client({ connectionString: created.url });
  try {
    const startMs = await waitUntilAnswering(`${base}/`, app, 180_000, () => stderr);
    console.log(
      `gongkai serve (production, PostgreSQL, demo city) answered after ${(startMs / 1000).toFixed(1)} s`,
    );
    await admin.connect();
    const codes = (
      await admin.query<{ code: string }>('select code from agency where active order by id')
    ).rows.map((r) => r.code);
    const tokenRun = spawnSync(
      process.execPath,
      [join(root, 'bin/gongkai.js'), 'token', 'create', '--user', 'admin', '--name', 'bench'],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    const token = tokenRun.stdout.trim().split('\n').pop() ?? '';
    if (tokenRun.status !== 0 || !token) throw new Error(`token create failed: ${tokenRun.stderr}`);

    let n = 0;
    const intake = (): AutocannonRequest[] => [
      {
        method: 'POST',
        path: '/api/v1/applications',
        setupRequest: (req) => {
          const i = n++;
          return {
            ...req,
            headers: { 'content-type': 'application/json', 'x-forwarded-for': addressOf(i) },
            body: JSON.stringify(applicationBody(i, codes[i % codes.length]!)),
          };
        },
      },
    ];
    const agencyRead = (): AutocannonRequest[] => [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          path: `/api/v1/agencies/${encodeURIComponent(codes[n++ % codes.length]!)}`,
          headers: { authorization: `Bearer ${token}` },
        }),
      },
    ];
    const staticFile = (): AutocannonRequest[] => [{ method: 'GET', path: '/assets/site.css' }];

    // Warm-up of each, by count (the JIT, the pool's connections, PostgreSQL's caches).
    const pids = { node: [app.pid!], pg: [] as number[] };
    const warm = await load(
      { url: base, connections: CONNECTIONS, amount: WARMUP, requests: intake() },
      pids,
      201,
    );
    const warm201 = warm.statuses[201] ?? 0;
    await load({ url: base, connections: CONNECTIONS, amount: WARMUP, requests: agencyRead() }, pids, 200);
    await load({ url: base, connections: CONNECTIONS, amount: WARMUP, requests: staticFile() }, pids, 200);
    pids.pg = await postgresPids(server, created.name);

    console.log(
      `${CONNECTIONS} connections, loopback; intake ${SECONDS} s, each baseline ${BASELINE_SECONDS} s before and after`,
    );
    const s1 = await load(
      { url: base, connections: CONNECTIONS, duration: BASELINE_SECONDS, requests: staticFile() },
      pids,
      200,
    );
    console.log(row('GET /assets/site.css (static), before', s1, 'req'));
    const a1 = await load(
      { url: base, connections: CONNECTIONS, duration: BASELINE_SECONDS, requests: agencyRead() },
      pids,
      200,
    );
    console.log(row('GET /api/v1/agencies/{code}, before', a1, 'req'));
    const m = await load(
      { url: base, connections: CONNECTIONS, duration: SECONDS, requests: intake() },
      pids,
      201,
    );
    console.log(row('POST /api/v1/applications', m, 'app'));
    const a2 = await load(
      { url: base, connections: CONNECTIONS, duration: BASELINE_SECONDS, requests: agencyRead() },
      pids,
      200,
    );
    console.log(row('GET /api/v1/agencies/{code}, after', a2, 'req'));
    const s2 = await load(
      { url: base, connections: CONNECTIONS, duration: BASELINE_SECONDS, requests: staticFile() },
      pids,
      200,
    );
    console.log(row('GET /assets/site.css (static), after', s2, 'req'));

    for (const x of [m, a1, a2, s1, s2])
      if (x.samples.length)
        console.log(`unexpected answers: ${JSON.stringify(x.statuses)} e.g. ${x.samples.join(' | ')}`);
    const agencyMean = (a1.rate + a2.rate) / 2;
    const staticMean = (s1.rate + s2.rate) / 2;
    console.log(
      `\napplications/s: ${m.rate.toFixed(0)} (target ≥ ${TARGET}: ${m.rate >= TARGET ? 'met' : 'MISSED'}); ` +
        `${((100 * m.rate) / agencyMean).toFixed(1)} % of the agency read (${agencyMean.toFixed(0)} req/s), ` +
        `${((100 * m.rate) / staticMean).toFixed(1)} % of the static file (${staticMean.toFixed(0)} req/s)`,
    );
    // The demo city's own applications aside: the bench's descriptions end with 「（申请 n）」.
    const stored = Number(
      (
        await admin.query<{ n: string }>(
          "select count(*) as n from application where description like '%（申请 %）'",
        )
      ).rows[0]!.n,
    );
    const answered = (m.statuses[201] ?? 0) + warm201;
    // A request still in flight when a run ends is stored without its answer being counted.
    console.log(
      `stored: ${stored} applications, answered 201: ${answered}` +
        (stored < answered
          ? ' — MISSING APPLICATIONS'
          : stored - answered > 2 * CONNECTIONS
            ? ' — more stored than answered beyond the requests cut at the end of the runs'
            : ''),
    );
    const rss = spawnSync('ps', ['-o', 'rss=', '-p', String(app.pid)], { encoding: 'utf8' }).stdout.trim();
    if (rss) console.log(`server RSS after the run: ${Math.round(Number(rss) / 1024)} MB`);
  } finally {
    await admin.end().catch(() => {});
    await stop(app);
    await created.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}
