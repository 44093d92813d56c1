// Compiles src/ to dist/ (esbuild, one output file per source file, no type check — that is
// `npm run typecheck`) so that `npm start` and the `gongkai` command do not compile TypeScript at
// every start. Runs at `npm install` (the prepare script); bin/gongkai.js runs dist/ only while
// dist/.compiled matches the sources, and src/ through tsx otherwise (after an edit or a pull).
// Plain JavaScript files (*.mjs) and the SQL migrations are copied; in a copied .mjs, a relative
// import of a .ts module is pointed at its compiled .js.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sourceState } from '../bin/source-state.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const src = join(root, 'src');
const out = join(root, 'dist');
const tmp = join(root, `dist.tmp-${process.pid}`);

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

async function compile() {
  const started = performance.now();
  const state = sourceState(src);
  const files = walk(src);
  const entryPoints = files.filter(
    (f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.endsWith('.d.ts'),
  );
  rmSync(tmp, { recursive: true, force: true });
  const { build } = await import('esbuild');
  await build({
    entryPoints,
    outdir: tmp,
    outbase: src,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    // Node ≥ 20.10 reads `with { type: 'json' }`; esbuild would drop it for node20.
    supported: { 'import-attributes': true },
    jsx: 'automatic',
    jsxImportSource: 'hono/jsx',
    sourcemap: 'linked',
    logLevel: 'warning',
  });
  for (const f of files.filter((f) => f.endsWith('.mjs'))) {
    const to = join(tmp, relative(src, f));
    mkdirSync(dirname(to), { recursive: true });
    writeFileSync(to, readFileSync(f, 'utf8').replace(/(['"]\.\.?\/[^'"]+)\.ts(['"])/g, '$1.js$2'));
  }
  cpSync(join(src, 'db/migrations'), join(tmp, 'db/migrations'), { recursive: true });
  // Data files read next to their module (src/lib/search-dictionary.txt).
  for (const f of files.filter((f) => f.endsWith('.txt'))) cpSync(f, join(tmp, relative(src, f)));
  // An empty database for the first start to copy (src/db/client.ts): initdb takes seconds, once,
  // here rather than at the first `npm start`. Without it the first start runs initdb itself.
  // The previous compile's template is kept while PGlite is the same version.
  const template = join(tmp, 'db/pgdata-template');
  const pgliteVersion = JSON.parse(
    readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8'),
  ).version;
  const previous = join(out, 'db/pgdata-template');
  try {
    if (readFileSync(join(previous, 'PGLITE_VERSION'), 'utf8') === pgliteVersion)
      cpSync(previous, template, { recursive: true });
  } catch {
    /* none, or of another version */
  }
  try {
    if (!existsSync(join(template, 'PG_VERSION'))) {
      execFileSync(process.execPath, [join(tmp, 'db/pglite-initdb.mjs'), template], { stdio: 'inherit' });
      writeFileSync(join(template, 'PGLITE_VERSION'), pgliteVersion);
    }
  } catch (e) {
    rmSync(join(tmp, 'db/pgdata-template'), { recursive: true, force: true });
    console.warn(
      `no database template (${e instanceof Error ? e.message : String(e)}): the first start runs initdb`,
    );
  }
  writeFileSync(join(tmp, '.compiled'), state);
  // Replace dist/ whole, so that a half-written tree is never taken for a compiled one.
  rmSync(out, { recursive: true, force: true });
  renameSync(tmp, out);
  console.log(
    `compiled ${entryPoints.length} files to dist/ in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

try {
  await compile();
} catch (e) {
  // A failed compile must not fail `npm install`: the command then runs src/ through tsx.
  rmSync(tmp, { recursive: true, force: true });
  console.warn(
    `dist/ not compiled (${e instanceof Error ? e.message : String(e)}); gongkai will run src/ through tsx.`,
  );
}
