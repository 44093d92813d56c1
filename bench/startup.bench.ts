// Where the first start's time and memory go: `gongkai serve` on a fresh data dir, split into its
// phases (module load, database open, migrations, official calendar, demo city, app build, listen),
// with the RSS after each, then the same for a restart on the data dir the first start left. Each
// start runs in a child process (bench/startup-phases.mjs) so that module load is measured cold:
// from the compiled dist/ when it is there (as `npm start` runs after `npm install`), and from src/
// through tsx.
// Run with `npm run bench -- startup`. Numbers are for people to compare; no test asserts on them.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const title = 'gongkai serve: first start on an empty data dir, then a restart (PGlite, demo city)';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMIT_MS = 240_000;

interface Phase {
  phase: string;
  ms: number;
  cpuMs: number;
  rssMb: number;
}

/** Runs one start in a child process and returns its phases (one JSON line each on stdout). */
function startOnce(
  dataDir: string,
  loader: 'dist' | 'tsx',
): Promise<{ phases: Phase[]; wallMs: number; childCpuMs: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [join(root, 'bench/startup-phases.mjs')], {
      cwd: root,
      env: {
        ...process.env,
        GONGKAI_FROM: loader === 'dist' ? 'dist' : 'src',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'silent',
        NODE_ENV: 'development',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), LIMIT_MS);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`startup-phases exited ${code}:\n${out}`));
      const lines = out
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Phase & { totalCpuMs?: number });
      const childCpuMs = lines.find((l) => l.totalCpuMs !== undefined)?.totalCpuMs ?? NaN;
      const phases = lines
        .filter((l) => l.phase)
        .filter((p, i, all) => all.findIndex((q) => q.phase === p.phase) === i);
      resolve({ phases, wallMs: performance.now() - started, childCpuMs });
    });
  });
}

function print(label: string, r: { phases: Phase[]; wallMs: number; childCpuMs: number }): void {
  console.log(
    `${label}: ${(r.wallMs / 1000).toFixed(1)} s from spawn to exit; CPU ${(r.childCpuMs / 1000).toFixed(1)} s (the process and its initdb child: what the wall time would be on an idle machine)`,
  );
  let prev = 0;
  let prevCpu = 0;
  for (const p of r.phases) {
    console.log(
      `  ${p.phase.padEnd(34)} +${((p.ms - prev) / 1000).toFixed(2).padStart(6)} s (CPU +${((p.cpuMs - prevCpu) / 1000).toFixed(2).padStart(5)} s)  at ${(p.ms / 1000).toFixed(2).padStart(6)} s  RSS ${String(p.rssMb).padStart(4)} MB`,
    );
    prev = p.ms;
    prevCpu = p.cpuMs;
  }
}

export async function run(): Promise<void> {
  // From dist/ (as `npm start` runs after `npm install`); through tsx too with BENCH_STARTUP_TSX=1,
  // or when there is no dist/.
  const hasDist = existsSync(join(root, 'dist/cli/index.js'));
  const loaders: ('dist' | 'tsx')[] = [
    ...(hasDist ? (['dist'] as const) : []),
    ...(!hasDist || process.env.BENCH_STARTUP_TSX ? (['tsx'] as const) : []),
  ];
  for (const loader of loaders) {
    const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-startup-'));
    try {
      const label = loader === 'dist' ? 'compiled dist/' : 'TypeScript through tsx';
      print(`first start (${label})`, await startOnce(dataDir, loader));
      print(`restart (${label})`, await startOnce(dataDir, loader));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
}
