// One start of `gongkai serve`, phase by phase, printing one JSON line per phase (time since process
// start, RSS). Used by bench/startup.bench.ts; run alone with
//   DATA_DIR=/tmp/x node bench/startup-phases.mjs          (compiled dist/, as `npm start` runs)
//   DATA_DIR=/tmp/x GONGKAI_FROM=src node bench/startup-phases.mjs   (TypeScript through tsx)
// The steps are those of src/cli/commands/serve.ts, taken apart so that each can be timed.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const fromSrc = process.env.GONGKAI_FROM === 'src';
if (fromSrc) (await import('tsx/esm/api')).register();
const base = new URL(fromSrc ? '../src/' : '../dist/', import.meta.url);
const load = (path) => import(new URL(fromSrc ? path.replace(/\.js$/, '.ts') : path, base).href);
const loadTsx = (path) => import(new URL(fromSrc ? path.replace(/\.js$/, '.tsx') : path, base).href);

/** Time since start, CPU time of this process (what the wall time would be on an idle machine, less
 * the initdb child's), and RSS. */
function mark(phase) {
  const rssMb = Math.round(process.memoryUsage().rss / 1024 / 1024);
  const { user, system } = process.cpuUsage();
  const cpuMs = Math.round((user + system) / 1000);
  console.log(JSON.stringify({ phase, ms: Math.round(performance.now()), cpuMs, rssMb }));
}

mark('node started');
const { loadConfig } = await load('config.js');
const { openDatabase } = await load('db/open.js');
const { depsFor } = await load('main.js');
const { resolveSecrets } = await load('lib/secrets-file.js');
const { syncOfficialCalendar } = await load('commands/sync-official-calendar.js');
const { isDatabaseEmpty, loadDemo } = await load('demo/load-demo.js');
const { buildApp } = await loadTsx('http/app.js');
mark('modules loaded');

const config = loadConfig(process.env);
const database = await openDatabase(config);
mark('database opened and migrated');
const deps = await depsFor(database, config, resolveSecrets(config));
await syncOfficialCalendar(deps);
mark('official calendar synced');
if (await isDatabaseEmpty(deps)) {
  await loadDemo(deps);
  await deps.refreshDemoFlag();
  mark('demo city loaded');
}
const app = await buildApp(deps, { logger: false });
await app.listen({ port: 0, host: '127.0.0.1' });
mark('listening');
for (const url of ['/', '/agencies', '/calendar/2026']) await app.inject({ method: 'GET', url });
mark('after first requests');
await app.close();
await database.close();

// CPU of this process and of the children it waited for (the initdb child), from /proc (Linux;
// clock ticks of 10 ms): roughly the wall time the start would take on an idle machine.
try {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
  const ticks = [11, 12, 13, 14].reduce((n, i) => n + Number(f[i]), 0);
  console.log(JSON.stringify({ totalCpuMs: ticks * 10 }));
} catch {
  /* not Linux */
}
