#!/usr/bin/env node
// Runs the whole suite with node:test (Node 20 does not expand globs itself).
// `--e2e` runs only the browser tests under test/e2e.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

const e2eOnly = process.argv.includes('--e2e');
const passThrough = process.argv.slice(2).filter((a) => a !== '--e2e');

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const files = (e2eOnly ? walk('test/e2e') : [...walk('src'), ...walk('test')]).sort();
if (files.length === 0) {
  console.error('no test files found');
  process.exit(1);
}
// Node runs availableParallelism() - 1 files at once: one on a 2-core CI box, leaving a core idle while
// the CLI and browser tests wait on their child processes. Two files at once (~0.5 GB each) fit.
const concurrency = passThrough.some((a) => a.startsWith('--test-concurrency'))
  ? []
  : [`--test-concurrency=${Math.max(2, availableParallelism() - 1)}`];
const args = [
  '--import',
  'tsx',
  '--test',
  ...concurrency,
  '--test-reporter=' + (process.stdout.isTTY ? 'spec' : 'tap'),
];
const r = spawnSync(process.execPath, [...args, ...passThrough, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
