// `npm run bench [-- name…]`: runs every bench/*.bench.ts (or those whose name contains one of the
// arguments). A benchmark module exports `run(): Promise<void>` and may export `title`.
// Benchmarks print numbers for people to compare; tests never assert on timings.
import { readdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

interface BenchModule {
  run?: () => Promise<void> | void;
  title?: string;
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

if (files.length === 0) {
  console.error(filters.length ? `no benchmark matches ${filters.join(', ')}` : 'no bench/*.bench.ts files');
  process.exit(1);
}

console.log(`Node ${process.version}, ${cpus()[0]?.model ?? 'unknown CPU'} × ${availableParallelism()}`);
let failed = 0;
for (const file of files) {
  const name = basename(file, '.bench.ts');
  const mod = (await import(pathToFileURL(join(dir, file)).href)) as BenchModule;
  console.log(`\n=== ${name}${mod.title ? ` — ${mod.title}` : ''} ===`);
  if (typeof mod.run !== 'function') {
    console.error(`${file} exports no run() function`);
    failed++;
    continue;
  }
  const started = performance.now();
  try {
    await mod.run();
    console.log(`(${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)`);
  } catch (e) {
    failed++;
    console.error(`${name} failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
process.exit(failed ? 1 : 0);
