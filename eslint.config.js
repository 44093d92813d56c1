// Lint rules, including the dependency rule of docs/ARCHITECTURE.md:
//   domain ← policies ← commands/queries ← http | cli | jobs ; db is handed to commands and queries;
//   views import only view-model types. test/lint-rules.test.ts proves that each rule fails on a violation.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import { dependencyRule } from './eslint-rules/dependency-rule.js';

/** Package names (after 'fs' → 'node:fs') a folder may not import, with the reason shown on a violation. */
const WEB = {
  regex: '^(fastify|@fastify/.*|hono(/.*)?)$',
  message: 'web framework code belongs to src/http and src/views',
};
const SERVER = { regex: '^(fastify|@fastify/.*)$', message: 'the web server belongs to src/http' };
const DB = {
  regex: '^(pg|pg-.*|@electric-sql/.*|drizzle-orm(/.*)?|drizzle-kit)$',
  message: 'the database is reached through src/commands and src/queries',
};
const IO = {
  regex:
    '^node:(fs|fs/promises|net|http|https|http2|child_process|worker_threads|cluster|dgram|dns|tls|process)$',
  message: 'no I/O here: the caller reads and writes, this code computes',
};
/** domain and policies: pure computation, so every Node module but these is I/O or process state. */
const IMPURE_NODE = {
  regex: '^node:(?!(crypto|util|buffer|test|assert|assert/strict)$)',
  message: 'domain and policies stay pure: no I/O, no process state',
};

/**
 * What each top-level folder (or root file) of src/ may import from the others: `may` values and
 * types, `types` only with `import type`. A folder without a row fails the lint until it is given one.
 */
const ROWS = {
  domain: { may: [], packages: [WEB, DB, IMPURE_NODE] },
  policies: { may: ['domain'], packages: [WEB, DB, IMPURE_NODE] },
  commands: { may: ['domain', 'policies', 'queries', 'db', 'lib'], packages: [WEB] },
  // Queries never call commands: a read that writes is a command.
  queries: { may: ['domain', 'policies', 'db', 'lib'], packages: [WEB] },
  db: { may: ['domain'], types: ['config'], packages: [WEB] },
  lib: { may: [], packages: [WEB, DB] },
  config: { may: ['lib'], packages: [WEB, DB] },
  extract: { may: ['domain', 'lib'], packages: [WEB, DB] },
  // Use cases that are not one transaction (check these report files): read, extract, apply the rules.
  usecases: { may: ['domain', 'policies', 'commands', 'queries', 'extract', 'lib'], packages: [WEB] },
  views: { may: ['domain', 'lib'], types: ['queries', 'commands'], packages: [SERVER, DB, IO] },
  render: { may: ['domain', 'lib', 'views'], types: ['queries'], packages: [SERVER, DB, IO] },
  http: {
    may: [
      'domain',
      'policies',
      'commands',
      'queries',
      'usecases',
      'views',
      'render',
      'extract',
      'lib',
      'config',
    ],
    types: ['db'],
    packages: [DB],
  },
  // Jobs run beside the server (started and stopped with it): they may name its types, no more.
  jobs: {
    may: ['domain', 'policies', 'commands', 'queries', 'usecases', 'lib'],
    types: ['db', 'config', 'http'],
    packages: [{ ...WEB, typesAllowed: true }],
  },
  demo: { may: ['domain', 'commands', 'queries', 'lib'], packages: [WEB, DB] },
  cli: {
    may: [
      'domain',
      'policies',
      'commands',
      'queries',
      'usecases',
      'http',
      'views',
      'render',
      'extract',
      'demo',
      'jobs',
      'lib',
      'config',
      'main',
    ],
    types: ['db'],
    packages: [DB],
  },
  // The composition root knows every part it wires together; only the CLI and the demo sit above it.
  main: {
    may: [
      'domain',
      'policies',
      'commands',
      'queries',
      'usecases',
      'db',
      'lib',
      'config',
      'extract',
      'render',
      'views',
      'http',
      'jobs',
    ],
    packages: [],
  },
};

/** Files that may import more than their folder: the CLI's composition (it opens the database). */
const FILES = {
  'cli/runtime.ts': ['db'],
  'cli/calendar-source.ts': ['db'],
};

/** Only the typed configuration reads the environment (the CLI passes it in). */
const NO_PROCESS_ENV = {
  'no-restricted-properties': [
    'error',
    { object: 'process', property: 'env', message: 'read settings through src/config.ts (loadConfig)' },
  ],
};

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'data/', 'src/db/migrations/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    plugins: { gongkai: { rules: { 'dependency-rule': dependencyRule } } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'gongkai/dependency-rule': [
        'error',
        { srcDir: `${import.meta.dirname}/src`, rows: ROWS, files: FILES },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/config.ts', 'src/cli/**', 'src/**/*.test.ts', 'src/**/testing/**'],
    rules: NO_PROCESS_ENV,
  },
  {
    files: ['src/domain/**'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'domain code takes `today` as an argument',
        },
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'domain code takes `today` as an argument',
        },
      ],
    },
  },
);
