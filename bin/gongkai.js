#!/usr/bin/env node
// The `gongkai` command. Runs the JavaScript compiled into dist/ at `npm install` (scripts/compile.mjs)
// while it matches the sources; otherwise — after an edit, a pull, or without dist/ — the TypeScript
// in src/ through tsx, which compiles it at every start (seconds). GONGKAI_FROM_SOURCE=1 forces src/.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sourceState } from './source-state.js';

function compiledIsCurrent() {
  if (process.env.GONGKAI_FROM_SOURCE) return false;
  try {
    const stamp = readFileSync(new URL('../dist/.compiled', import.meta.url), 'utf8');
    return stamp === sourceState(fileURLToPath(new URL('../src', import.meta.url)));
  } catch {
    return false;
  }
}

if (compiledIsCurrent()) {
  await import('../dist/cli/index.js');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/index.ts');
}
