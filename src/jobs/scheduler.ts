// The scheduler of background jobs, in the server process (`gongkai serve`). Every poll it offers each
// job's due run to the database (commands/job-lease.ts); the instance that claims it runs it. So with
// several app instances on one PostgreSQL each job still runs once per interval, and a job that
// fails is tried again at its next interval (the error is logged and kept in job_schedule).
//
// stop() clears the timer and waits for a run in progress: after the server closes, nothing of the
// scheduler is left to keep the process alive.
import { hostname } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { claimJobRun, ensureJobRows, finishJobRun } from '../commands/job-lease.js';
import type { AppDeps } from '../http/types.js';

export interface Job {
  /** Stable name: the key of its row in job_schedule. */
  name: string;
  /** How often it runs, at most (each due run is claimed by one instance). */
  everyMs: number;
  run(deps: AppDeps): Promise<unknown>;
}

/** Declares a job: add it to JOBS (src/jobs/jobs.ts) and every server runs it. */
export function defineJob(job: Job): Job {
  if (!/^[a-z][a-z0-9-]*$/.test(job.name)) throw new Error(`job name must be kebab-case: ${job.name}`);
  if (!(job.everyMs >= 1000)) throw new Error(`job ${job.name}: interval under a second`);
  return job;
}

export const minutes = (n: number) => n * 60_000;
export const hours = (n: number) => n * 3600_000;

interface Log {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SchedulerOptions {
  /** How often the database is asked for due runs (ms); by default the shortest interval, at most 30 s. */
  pollMs?: number;
  /** This instance's name in job_schedule.last_instance (host:pid by default). */
  instance?: string;
  log?: Log;
}

export interface Scheduler {
  /** Starts polling (the first poll right away). */
  start(): void;
  /** One poll: claims and runs the due jobs; returns the names of those this instance ran. */
  tick(): Promise<string[]>;
  /** Stops polling and waits for a run in progress. */
  stop(): Promise<void>;
  /** True when stopped with no timer set and no poll in flight (nothing keeps the process alive). */
  idle(): boolean;
}

const quiet: Log = { info: () => undefined, error: () => undefined };

export function createScheduler(deps: AppDeps, jobs: readonly Job[], opts: SchedulerOptions = {}): Scheduler {
  const names = jobs.map((j) => j.name);
  if (new Set(names).size !== names.length) throw new Error('two jobs share a name');
  const instance = opts.instance ?? `${hostname()}:${process.pid}`;
  const log = opts.log ?? quiet;
  const pollMs = opts.pollMs ?? Math.min(30_000, ...jobs.map((j) => j.everyMs));
  let ensured: Promise<void> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  let polling = false;

  async function runOne(job: Job): Promise<boolean> {
    if (!(await claimJobRun(deps, job, instance))) return false;
    const started = Date.now();
    let error: string | null = null;
    try {
      await job.run(deps);
      log.info({ job: job.name, ms: Date.now() - started }, 'job done');
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      log.error({ job: job.name, err: error }, 'job failed');
    }
    await finishJobRun(deps, job.name, error);
    return true;
  }

  async function tick(): Promise<string[]> {
    ensured ??= ensureJobRows(deps, names);
    await ensured;
    const ran: string[] = [];
    for (const job of jobs) {
      if (stopped) break;
      if (await runOne(job)) ran.push(job.name);
    }
    return ran;
  }

  function loop(): void {
    timer = undefined;
    polling = true;
    const current = tick()
      .catch((e: unknown) =>
        // The database away for a moment: try again at the next poll.
        log.error({ err: e instanceof Error ? e.message : String(e) }, 'job poll failed'),
      )
      .finally(() => {
        polling = false;
        if (!stopped) timer = setTimeout(loop, pollMs);
      });
    running = current;
  }

  return {
    start() {
      if (stopped || timer || polling) return;
      loop();
    },
    tick,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    idle: () => stopped && !timer && !polling,
  };
}

/** Runs `jobs` while `app` is up: starts when it is ready, stops (and is awaited) when it closes. */
export function runJobsWithServer(
  app: FastifyInstance,
  deps: AppDeps,
  jobs: readonly Job[],
  opts: SchedulerOptions = {},
): Scheduler {
  const scheduler = createScheduler(deps, jobs, { log: app.log, ...opts });
  app.addHook('onReady', async () => scheduler.start());
  app.addHook('onClose', async () => scheduler.stop());
  return scheduler;
}
