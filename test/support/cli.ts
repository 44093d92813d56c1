// Runs the real `gongkai` command (bin/gongkai.js) as a child process, the way an operator does:
// one-shot commands, and `serve` kept running until the test stops it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';

const BIN = join(process.cwd(), 'bin', 'gongkai.js');
const running = new Set<ChildProcess>();

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of a child: its own DATA_DIR, a free port, quiet logs, and nothing inherited that
 * would point it at another database.
 */
export function cliEnv(dataDir: string, databaseUrl?: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  for (const k of [
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'PUBLIC_URL',
    'NODE_ENV',
    'SESSION_SECRET',
    'AUDIT_SECRET',
    'PERSONAL_DATA_KEY',
    'PERSONAL_DATA_OLD_KEYS',
    'DEMO',
  ])
    delete env[k];
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  return env;
}

/** How to start the program: the bin directly, or the README's `npm start` (its own process group). */
export type Via = 'bin' | 'npm-start';

function launch(
  args: string[],
  env: NodeJS.ProcessEnv,
  via: Via = 'bin',
): { child: ChildProcess; out: { stdout: string; stderr: string } } {
  const child =
    via === 'bin'
      ? spawn(process.execPath, [BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('npm', ['start', '--', ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  running.add(child);
  const out = { stdout: '', stderr: '' };
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (out.stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (out.stderr += d));
  child.once('exit', () => running.delete(child));
  return { child, out };
}

function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null)
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
}

/** Runs one command to its end. */
export async function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  const { child, out } = launch(args, env);
  const r = await exited(child);
  return { ...r, ...out };
}

export interface ServeProcess {
  /** The base URL `serve` printed (without the trailing slash). */
  url: string;
  stdout(): string;
  stderr(): string;
  /** Sends SIGTERM and waits for the exit. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends `sig` (e.g. SIGKILL: a crash) and waits for the exit. */
  kill(sig: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `gongkai serve` and waits until it prints the URL it listens on. */
export async function startServe(env: NodeJS.ProcessEnv, via: Via = 'bin'): Promise<ServeProcess> {
  const { child, out } = launch(via === 'bin' ? ['serve'] : [], env, via);
  const url = await new Promise<string>((resolve, reject) => {
    const onData = () => {
      const m = /已启动 \(running\): (\S+?)\/?$/m.exec(out.stdout);
      if (m) {
        child.stdout!.off('data', onData);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    void exited(child).then((r) =>
      reject(
        new Error(`serve exited (${r.code ?? r.signal}) before listening:\n${out.stdout}\n${out.stderr}`),
      ),
    );
  });
  return {
    url,
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    stop: async () => {
      signal(child, 'SIGTERM');
      return exited(child);
    },
    kill: async (sig) => {
      signal(child, sig);
      return exited(child);
    },
  };
}

/** Kills every child still running (for `after`, so a failed test leaves no server behind). */
export function killChildren(): void {
  for (const c of running) signal(c, 'SIGKILL');
  running.clear();
}

/** Signals a child, and its whole process group when it leads one (npm start → node). */
function signal(child: ChildProcess, sig: NodeJS.Signals): void {
  try {
    if (child.spawnargs[0] === 'npm' && child.pid) process.kill(-child.pid, sig);
    else child.kill(sig);
  } catch {
    /* already gone */
  }
}

/** A new, empty database on the TEST_DATABASE_URL server, for a child's DATABASE_URL. */
export async function createEmptyPostgresDatabase(
  serverUrl: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gk_cli_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    try {
      await c.query(q);
    } finally {
      await c.end();
    }
  };
  await admin(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  return { url: u.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
