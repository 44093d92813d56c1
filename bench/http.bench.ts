// Requests per second and p99 latency of the public pages over real sockets (loopback), 50
// connections (autocannon), beside a static-file baseline measured in the same run: Debian's nginx
// serving the home page's HTML as a file when nginx is installed, else a bare Node http server
// sending the same bytes. The server is started as `npm start` starts it — `node bin/gongkai.js
// serve`, NODE_ENV=production, the demo city on PGlite — in its own temporary data dir.
//
// `npm run bench -- http`. BENCH_HTTP_SECONDS (default 2) sets the length of each measurement.
// Request logs are off (LOG_LEVEL=warn): at these rates two log lines a request would measure the
// log pipe. The rate limit is raised so that the login page measures the page, not 429s.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'public pages over loopback sockets (autocannon, 50 connections) vs a static file';

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration?: number;
  amount?: number;
  headers?: Record<string, string>;
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const root = fileURLToPath(new URL('..', import.meta.url));
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 2);
const CONNECTIONS = 50;
const WARMUP_REQUESTS = 1000;
const START_LIMIT_MS = 120_000;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilAnswering(url: string, child: ChildProcess, limitMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode} before listening`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      return performance.now() - started;
    } catch {
      if (performance.now() - started > limitMs)
        throw new Error(`${url} did not answer within ${limitMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 5000).unref();
  });
}

/** nginx serving `dir/index.html` on `port`, as Debian ships it (worker_processes auto), or null. */
function startNginx(dir: string, port: number): ChildProcess | null {
  const which = spawnSync('sh', ['-c', 'command -v nginx || ls /usr/sbin/nginx'], { encoding: 'utf8' });
  const bin = which.status === 0 ? which.stdout.trim().split('\n')[0] : '';
  if (!bin) return null;
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `worker_processes auto;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp; proxy_temp_path ${dir}/tmp; fastcgi_temp_path ${dir}/tmp;
  uwsgi_temp_path ${dir}/tmp; scgi_temp_path ${dir}/tmp;
  types { text/html html; }
  server { listen 127.0.0.1:${port}; root ${dir}/www; index index.html; }
}
`,
  );
  return spawn(bin, ['-c', conf, '-p', dir], { stdio: 'ignore' });
}

/** A bare Node http server sending the same bytes (a child process, like the app). */
function startBareNode(file: string, port: number): ChildProcess {
  const code = `const b=require('fs').readFileSync(${JSON.stringify(file)});require('http').createServer((q,s)=>{s.writeHead(200,{'content-type':'text/html; charset=utf-8','content-length':b.length});s.end(b)}).listen(${port},'127.0.0.1')`;
  return spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
}

/** CPU time (ms) used so far by these processes and their threads, from /proc (Linux), or NaN. */
function cpuMs(pids: number[]): number {
  try {
    return pids.reduce((sum, pid) => {
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return sum + (Number(f[11]) + Number(f[12])) * 10; // utime + stime, clock ticks of 10 ms
    }, 0);
  } catch {
    return NaN;
  }
}

/** The server's processes: nginx's master and its workers, or the one Node process. */
function serverPids(child: ChildProcess): number[] {
  const workers = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).stdout;
  return [child.pid!, ...workers.split('\n').filter(Boolean).map(Number)];
}

interface Measured extends AutocannonResult {
  /** Server CPU per request (µs): what the rate would follow on an idle machine, whatever the load. */
  cpuUs: number;
}

async function measure(url: string, server: ChildProcess): Promise<Measured> {
  const pids = serverPids(server);
  const before = cpuMs(pids);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
  const cpuUs = ((cpuMs(pids) - before) * 1000) / r.requests.total;
  if (r.non2xx || r.errors || r.timeouts)
    throw new Error(`${url}: ${r.non2xx} non-2xx, ${r.errors} errors, ${r.timeouts} time-outs`);
  return { ...r, cpuUs };
}

function row(label: string, r: Measured, baseline?: Measured, baseName = 'static'): string {
  const rps = Math.round(r.requests.average).toLocaleString('en').padStart(8);
  const cpu = Number.isNaN(r.cpuUs)
    ? ''
    : `  server CPU ${Math.round(r.cpuUs).toString().padStart(5)} µs/req`;
  const ratio = baseline
    ? `  ${((100 * r.requests.average) / baseline.requests.average).toFixed(1).padStart(5)} % of ${baseName}` +
      (Number.isNaN(r.cpuUs) ? '' : `, by CPU ${((100 * baseline.cpuUs) / r.cpuUs).toFixed(1).padStart(5)} %`)
    : '';
  return `${label.padEnd(40)} ${rps} req/s   p99 ${String(r.latency.p99).padStart(4)} ms${cpu}${ratio}`;
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-http-bench-'));
  const appPort = await freePort();
  const app = spawn(process.execPath, [join(root, 'bin/gongkai.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DEMO: 'true', // production loads the demo city only when asked
      DATA_DIR: join(dir, 'data'),
      HOST: '127.0.0.1',
      PORT: String(appPort),
      LOG_LEVEL: 'warn',
      RATE_LIMIT_MAX: '1000000000',
      LOGIN_RATE_LIMIT: '1000000000',
      SESSION_SECRET: 'bench-session-secret-0123456789abcdef',
      AUDIT_SECRET: 'bench-audit-secret-0123456789abcdefgh',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  app.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  let baseline: ChildProcess | null = null;
  let bare: ChildProcess | null = null;
  try {
    const base = `http://127.0.0.1:${appPort}`;
    const startMs = await waitUntilAnswering(`${base}/`, app, START_LIMIT_MS).catch((e: Error) => {
      throw new Error(`${e.message}\n${stderr}`);
    });
    console.log(
      `gongkai serve (production, PGlite, demo city) answered after ${(startMs / 1000).toFixed(1)} s`,
    );

    const home = Buffer.from(await (await fetch(`${base}/`)).arrayBuffer());
    // nginx started by root runs its workers as nobody: they must be able to read the file.
    chmodSync(dir, 0o755);
    mkdirSync(join(dir, 'www'));
    mkdirSync(join(dir, 'tmp'));
    writeFileSync(join(dir, 'www/index.html'), home);
    const staticPort = await freePort();
    baseline = startNginx(dir, staticPort);
    const kind = baseline ? 'nginx, static file' : 'bare Node http server';
    baseline ??= startBareNode(join(dir, 'www/index.html'), staticPort);
    await waitUntilAnswering(`http://127.0.0.1:${staticPort}/`, baseline, 10_000);

    console.log(
      `${SECONDS} s per page after ${WARMUP_REQUESTS} warm-up requests, ${CONNECTIONS} connections, loopback`,
    );
    const pages = [
      { label: 'GET / (home)', url: '/' },
      { label: 'GET /agencies (directory)', url: '/agencies' },
      { label: 'GET /agencies/JN/guide (指南)', url: '/agencies/JN/guide' },
      { label: 'GET /calendar/2026', url: '/calendar/2026' },
      { label: 'GET /admin/login (not cached)', url: '/admin/login' },
    ];
    const staticUrl = `http://127.0.0.1:${staticPort}/`;
    const label = `static file (${kind}, ${(home.length / 1024).toFixed(1)} KB)`;
    // Warm-up of every URL first, by count, not time (on a busy machine half a second is too few
    // requests for the JIT), so that the page measured first does not pay for the others.
    for (const url of [staticUrl, ...pages.map((p) => `${base}${encodeURI(p.url)}`)])
      await autocannon({ url, connections: CONNECTIONS, amount: WARMUP_REQUESTS });
    // The baseline is measured before and after the pages, and the ratio taken to their mean: on a
    // shared machine the load of other work drifts during a run.
    const before = await measure(staticUrl, baseline);
    console.log(row(`${label}, before`, before));
    const results: { label: string; r: Measured }[] = [];
    for (const p of pages) {
      const r = await measure(`${base}${encodeURI(p.url)}`, app);
      results.push({ label: p.label, r });
      console.log(row(p.label, r));
    }
    const after = await measure(staticUrl, baseline);
    console.log(row(`${label}, after`, after));
    const mean = {
      ...after,
      requests: { ...after.requests, average: (before.requests.average + after.requests.average) / 2 },
      cpuUs: (before.cpuUs + after.cpuUs) / 2,
    };
    console.log(
      `\nratio to the static file (mean of before and after: ${Math.round(mean.requests.average).toLocaleString('en')} req/s)`,
    );
    for (const { label: l, r } of results) console.log(row(l, r, mean));
    if (kind.startsWith('nginx')) {
      // nginx runs two workers and Node one thread: on a busy machine the scheduler alone gives nginx
      // twice the CPU. A bare Node server sending the same bytes is the same-footing comparison.
      const barePort = await freePort();
      bare = startBareNode(join(dir, 'www/index.html'), barePort);
      await waitUntilAnswering(`http://127.0.0.1:${barePort}/`, bare, 10_000);
      await autocannon({
        url: `http://127.0.0.1:${barePort}/`,
        connections: CONNECTIONS,
        amount: WARMUP_REQUESTS,
      });
      const node = await measure(`http://127.0.0.1:${barePort}/`, bare);
      console.log(`\n${row('bare Node http server, same bytes', node)}`);
      for (const { label: l, r } of results)
        console.log(row(l, r, node).replace('of static', 'of bare Node'));
    }
    const rss = spawnSync('ps', ['-o', 'rss=', '-p', String(app.pid)], { encoding: 'utf8' }).stdout.trim();
    if (rss) console.log(`server RSS after the run: ${Math.round(Number(rss) / 1024)} MB`);
  } finally {
    if (baseline) await stop(baseline);
    if (bare) await stop(bare);
    await stop(app);
    rmSync(dir, { recursive: true, force: true });
  }
}
