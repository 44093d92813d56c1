// `gongkai jobs list` and `gongkai jobs run <name>`: the background jobs of src/jobs/jobs.ts, run once
// now from the command line (e.g. refresh-application-views after the working-day calendar changed,
// or outbox-deliver to send the outbox at once). Runs beside a running server are safe: every job is
// written to run once however many run it (the outbox leases its messages, reminders are deduplicated,
// the refresh writes only rows no step changed meanwhile). On PGlite the data dir is locked by a
// running server: stop it first, or use the server's own schedule.
import type { Command } from 'commander';
import { JOBS } from '../../jobs/jobs.js';
import { withRuntime } from '../runtime.js';

function everyText(ms: number): string {
  if (ms % 3600_000 === 0) return `每 ${ms / 3600_000} 小时`;
  if (ms % 60_000 === 0) return `每 ${ms / 60_000} 分钟`;
  return `每 ${ms / 1000} 秒`;
}

export function registerJobCommands(program: Command): void {
  const jobs = program.command('jobs').description('后台任务 (background jobs)');
  jobs
    .command('list')
    .description('列出后台任务及其运行间隔 (list the jobs and how often they run)')
    .action(() => {
      for (const j of JOBS) console.log(`${j.name.padEnd(28)} ${everyText(j.everyMs)}`);
    });
  jobs
    .command('run')
    .argument('<name>', '任务名称，见 gongkai jobs list (job name)')
    .description('立即运行一次后台任务 (run a job once, now)')
    .action(async (name: string) => {
      const job = JOBS.find((j) => j.name === name);
      if (!job) {
        console.error(
          `错误：没有名为「${name}」的后台任务。可用的任务：${JOBS.map((j) => j.name).join('、')}`,
        );
        process.exitCode = 2;
        return;
      }
      await withRuntime(async (rt) => {
        const result = await job.run(rt.deps);
        console.log(`已运行 ${job.name} (done)`);
        if (result && typeof result === 'object') console.log(JSON.stringify(result, summaryOnly, 2));
      });
    });
}

/** The job's report without per-message details (those name masked addresses, but a summary is enough). */
function summaryOnly(key: string, value: unknown): unknown {
  return key === 'details' ? undefined : value;
}
