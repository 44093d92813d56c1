// The dependency rule of docs/ARCHITECTURE.md is enforced by `npm run lint` (eslint.config.js). Each
// case below is a small violation placed in a folder of src/ through ESLint's own API, and must be
// reported; the legal imports next to them must not be. A rule that stops firing fails here.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import { ESLint } from 'eslint';

const root = fileURLToPath(new URL('..', import.meta.url));

/** [file the snippet is linted as, the snippet, the rule that must report it] */
type Case = [file: string, code: string, rule: string];

const DEP = 'gongkai/dependency-rule';
const ENV = 'no-restricted-properties';

const VIOLATIONS: Record<string, Case[]> = {
  'a Node module without node: (anywhere)': [
    ['src/domain/x.ts', "import fs from 'fs';\nexport const f = fs;", DEP],
    ['src/http/x.ts', "import { readFile } from 'fs/promises';\nexport const f = readFile;", DEP],
    ['src/lib/x.ts', "export { createHash } from 'crypto';", DEP],
    ['test/x.test.ts', "import { join } from 'path';\nexport const j = join;", DEP],
  ],
  'domain: no I/O, no framework, no other layer, no environment, no clock': [
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", DEP],
    ['src/domain/x.ts', "import { env } from 'node:process';\nexport const e = env;", DEP],
    ['src/domain/x.ts', "import { sql } from 'drizzle-orm';\nexport const s = sql;", DEP],
    [
      'src/domain/x.ts',
      "import type { FastifyInstance } from 'fastify';\nexport type F = FastifyInstance;",
      DEP,
    ],
    ['src/domain/calendar/x.ts', "export const db = await import('../../db/client.js');", DEP],
    ['src/domain/x.ts', "export const p = import('node:child_process');", DEP],
    ['src/domain/x.ts', "import { can } from '../policies/policy.js';\nexport const c = can;", DEP],
    ['src/domain/x.ts', 'export const tz = process.env.TZ;', ENV],
    ['src/domain/x.ts', 'export const { env } = process;', ENV],
    ['src/domain/x.ts', 'export const now = () => Date.now();', 'no-restricted-syntax'],
  ],
  'policies: pure, and only the domain below them': [
    ['src/policies/x.ts', 'export const admin = process.env.ADMIN;', ENV],
    [
      'src/policies/x.ts',
      "import { listUsers } from '../queries/users.js';\nexport const l = listUsers;",
      DEP,
    ],
    ['src/policies/x.ts', "import { existsSync } from 'node:fs';\nexport const e = existsSync;", DEP],
  ],
  'queries never call commands (a read that writes is a command)': [
    ['src/queries/x.ts', "import { logIn } from '../commands/log-in.js';\nexport const l = logIn;", DEP],
    ['src/queries/x.ts', "export const c = () => import('../commands/log-in.js');", DEP],
    ['src/queries/x.ts', 'export const url = process.env.DATABASE_URL;', ENV],
  ],
  'commands and queries know no door': [
    ['src/commands/x.ts', "import { buildApp } from '../http/app.js';\nexport const b = buildApp;", DEP],
    [
      'src/commands/x.ts',
      "import type { FastifyRequest } from 'fastify';\nexport type R = FastifyRequest;",
      DEP,
    ],
    [
      'src/queries/x.ts',
      "import { DashboardPage } from '../views/admin/dashboard.js';\nexport const d = DashboardPage;",
      DEP,
    ],
  ],
  'http: the database only through queries and commands': [
    ['src/http/plugins/x.ts', "import { agency } from '../../db/schema.js';\nexport const a = agency;", DEP],
    ['src/http/x.ts', "import { sql } from 'drizzle-orm';\nexport const s = sql;", DEP],
    ['src/http/x.ts', "export const open = async () => (await import('../db/client.js')).openPglite;", DEP],
    ['src/http/x.ts', 'export const load = (name: string) => import(name);', DEP],
    ['src/http/x.ts', "import { loadDemo } from '../demo/load-demo.js';\nexport const l = loadDemo;", DEP],
    ['src/http/x.ts', 'export const port = process.env.PORT;', ENV],
  ],
  'cli: the database only through its runtime': [
    [
      'src/cli/commands/x.ts',
      "import { openPglite } from '../../db/client.js';\nexport const o = openPglite;",
      DEP,
    ],
    ['src/cli/commands/x.ts', "import { sql } from 'drizzle-orm';\nexport const s = sql;", DEP],
  ],
  'lib: nothing from the app': [
    ['src/lib/x.ts', "import type { Config } from '../config.js';\nexport type C = Config;", DEP],
    ['src/lib/x.ts', "import { NotFound } from '../domain/errors.js';\nexport const n = NotFound;", DEP],
    ['src/lib/x.ts', 'export const secret = process.env.SESSION_SECRET;', ENV],
  ],
  'extract: no database, no web': [
    ['src/extract/x.ts', "import { agency } from '../db/schema.js';\nexport const a = agency;", DEP],
    ['src/extract/x.ts', "import { buildApp } from '../http/app.js';\nexport const b = buildApp;", DEP],
    [
      'src/extract/x.ts',
      "import { createUser } from '../commands/create-user.js';\nexport const c = createUser;",
      DEP,
    ],
  ],
  'demo: through the ordinary commands': [
    ['src/demo/x.ts', "import { agency } from '../db/schema.js';\nexport const a = agency;", DEP],
    ['src/demo/x.ts', "import { sql } from 'drizzle-orm';\nexport const s = sql;", DEP],
    ['src/demo/x.ts', "import { buildApp } from '../http/app.js';\nexport const b = buildApp;", DEP],
  ],
  'jobs: commands and queries, no door': [
    ['src/jobs/x.ts', "import { buildApp } from '../http/app.js';\nexport const b = buildApp;", DEP],
    ['src/jobs/x.ts', "import { agency } from '../db/schema.js';\nexport const a = agency;", DEP],
    ['src/jobs/x.ts', "import fastify from 'fastify';\nexport const f = fastify;", DEP],
  ],
  'views: view-model types only, no I/O': [
    [
      'src/views/admin/x.tsx',
      "import { listUsers } from '../../queries/users.js';\nexport const l = listUsers;",
      DEP,
    ],
    [
      'src/views/x.ts',
      "import { createUser } from '../commands/create-user.js';\nexport const c = createUser;",
      DEP,
    ],
    ['src/views/x.ts', "import { agency } from '../db/schema.js';\nexport const a = agency;", DEP],
    ['src/views/x.ts', "import { can } from '../policies/policy.js';\nexport const c = can;", DEP],
    ['src/views/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", DEP],
  ],
  'render: no database, no commands': [
    ['src/render/x.ts', "import { agency } from '../db/schema.js';\nexport const a = agency;", DEP],
    ['src/render/x.ts', "import { listUsers } from '../queries/users.js';\nexport const l = listUsers;", DEP],
  ],
  'a new folder of src/ needs its row': [['src/newthing/x.ts', 'export const x = 1;', DEP]],
};

const LEGAL: [file: string, code: string][] = [
  ['src/domain/x.ts', "import { isWithin } from './agencies/agency.js';\nexport const w = isWithin;"],
  ['src/domain/audit/x.ts', "import { createHmac } from 'node:crypto';\nexport const h = createHmac;"],
  [
    'src/policies/x.ts',
    "import { isSystem } from '../domain/agencies/actor.js';\nexport const s = isSystem;",
  ],
  ['src/queries/x.ts', "import { scopePath } from '../policies/policy.js';\nexport const s = scopePath;"],
  [
    'src/commands/x.ts',
    "import { listAgencies } from '../queries/agencies.js';\nexport const l = listAgencies;",
  ],
  ['src/http/x.ts', "import type { Db } from '../db/client.js';\nexport type D = Db;"],
  ['src/http/x.ts', "import { listAgencies } from '../queries/agencies.js';\nexport const l = listAgencies;"],
  ['src/cli/runtime.ts', "import { DataDirLocked } from '../db/open.js';\nexport const d = DataDirLocked;"],
  ['src/cli/index.ts', "export const serve = () => import('./commands/serve.js');"],
  [
    'src/views/x.ts',
    "import type { UserListItem } from '../queries/users.js';\nexport type U = UserListItem;",
  ],
  ['src/jobs/x.ts', "import type { FastifyInstance } from 'fastify';\nexport type F = FastifyInstance;"],
  ['src/config.ts', 'export const env = process.env;'],
  ['test/x.test.ts', "import { join } from 'node:path';\nexport const j = join;"],
];

describe('npm run lint enforces the dependency rule (eslint.config.js)', () => {
  let eslint: ESLint;
  before(() => {
    eslint = new ESLint({ cwd: root, overrideConfigFile: `${root}eslint.config.js` });
  });

  const messages = async (file: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: `${root}${file}` });
    return result!.messages;
  };

  for (const [what, cases] of Object.entries(VIOLATIONS)) {
    test(`${what}: each violation is reported`, async () => {
      for (const [file, code, rule] of cases) {
        const found = (await messages(file, code)).filter((m) => m.ruleId === rule);
        assert.ok(found.length > 0, `${file}: ${code}\n  should be reported by ${rule}`);
      }
    });
  }

  test('the legal imports beside them pass', async () => {
    for (const [file, code] of LEGAL) {
      const found = await messages(file, code);
      assert.deepEqual(
        found.map((m) => `${m.ruleId}: ${m.message}`),
        [],
        `${file}: ${code}\n  should pass`,
      );
    }
  });
});
